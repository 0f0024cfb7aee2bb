import { describe, expect, it } from "vitest";
import { toExactDecimal } from "../../src/quantities/index.js";
import {
  IndicatorSchema,
  NOT_STATED,
  ObservationSchema,
  parseIndicators,
  parseObservations,
  safeParseIndicators,
  safeParseObservations,
  type IndicatorInput,
  type ObservationInput,
} from "../../src/indicators/index.js";

const SOURCE = { document: "评估报告", quote: "共撮合贷款5011笔326.16亿元" };

const loansAmount: IndicatorInput = {
  id: "matched-loans-amount",
  name: "撮合贷款金额",
  measureId: "financial-services",
  measureType: "unit",
  unit: "元",
  magnitude: 8,
  timeAggregation: "last",
  dimensions: [{ id: "platform", name: "平台", options: [{ id: "sme", name: "省中小企业融资平台" }, { id: "yxr", name: "粤信融" }] }],
  baseline: { value: "200", date: "2017-09" },
  target: { value: "300.5", date: "2021-12-31" },
};

function codesAndPaths(result: { success: boolean; error?: { issues: readonly { code: string; path: readonly (string | number)[] }[] } }): unknown[] {
  return result.success ? [] : (result.error?.issues ?? []).map((i) => [i.code, i.path]);
}

describe("IndicatorSchema", () => {
  it("fills the defaults and turns baseline and target into exact quantities at the indicator's magnitude", () => {
    const indicator = IndicatorSchema.parse(loansAmount);
    expect([indicator.ascending, indicator.areaAggregation, indicator.magnitude]).toEqual([true, "sum", 8]);
    expect(indicator.baseline?.quantity?.value.toString()).toBe("20000000000");
    expect(indicator.target?.quantity?.value.toString()).toBe("30050000000");
    expect(indicator.target?.date).toBe("2021-12-31");
  });

  it("reports every problem of an indicator at once, with paths", () => {
    const result = safeParseIndicators([
      {
        id: "",
        name: "x",
        measureId: "m",
        measureType: "percentage",
        unit: "笔",
        timeAggregation: "sometimes",
        baseline: { value: 0.5, date: "2021-02-30" },
        extra: true,
      },
    ]);
    expect(codesAndPaths(result)).toEqual(
      expect.arrayContaining([
        ["empty-text", [0, "id"]],
        ["invalid-value", [0, "timeAggregation"]],
        ["invalid-number", [0, "baseline", "value"]],
        ["invalid-date", [0, "baseline", "date"]],
        ["unknown-field", [0]],
      ]),
    );
  });

  it("needs a unit unless qualitative, % for a percentage, a comment (not a value) for a qualitative one", () => {
    expect(codesAndPaths(safeParseIndicators([{ ...loansAmount, unit: undefined, baseline: undefined, target: undefined }]))).toEqual([
      ["missing-unit", [0, "unit"]],
    ]);
    expect(codesAndPaths(safeParseIndicators([{ ...loansAmount, measureType: "percentage" }]))).toEqual([["unit-mismatch", [0, "unit"]]]);
    expect(
      codesAndPaths(
        safeParseIndicators([{ id: "q", name: "q", measureId: "m", measureType: "qualitative", timeAggregation: "none", baseline: { value: "1", date: "2017" } }]),
      ),
    ).toEqual([["unexpected-value", [0, "baseline", "value"]]]);
    const qualitative = parseIndicators([
      { id: "q", name: "群众满意度", measureId: "m", measureType: "qualitative", timeAggregation: "none", baseline: { comment: "较低", date: "2017" } },
    ]);
    expect(qualitative[0]?.baseline).toEqual({ date: "2017", comment: "较低" });
  });

  it("refuses unknown units and magnitudes, and duplicate ids", () => {
    expect(codesAndPaths(safeParseIndicators([{ ...loansAmount, unit: "万元" }]))).toEqual([["unknown-unit", [0, "unit"]]]);
    expect(codesAndPaths(safeParseIndicators([{ ...loansAmount, magnitude: 5 }]))).toEqual([["invalid-magnitude", [0, "magnitude"]]]);
    expect(codesAndPaths(safeParseIndicators([loansAmount, loansAmount]))).toEqual([["duplicate-id", [1, "id"]]]);
  });
});

describe("ObservationSchema", () => {
  it("reads the value from report text", () => {
    const o = ObservationSchema.parse({ id: "a", indicatorId: "matched-loans-amount", quantity: "326.16亿元", asOfText: "截至7月末", source: SOURCE });
    expect([o.quantity?.value.toString(), o.quantity?.magnitude, o.area, o.department, o.status]).toEqual([
      "32616000000",
      8,
      NOT_STATED,
      NOT_STATED,
      "normal",
    ]);
    expect(o.dimensions).toEqual({});
    expect(o.asOf).toBeUndefined();
  });

  it("reads the value from value + unit + magnitude, as a string, safe integer, bigint or ExactDecimal", () => {
    const inputs: ObservationInput[] = [
      { id: "s", indicatorId: "x", value: "19949", unit: "元", magnitude: 4, source: SOURCE },
      { id: "n", indicatorId: "x", value: 19949, unit: "元", magnitude: 4, source: SOURCE },
      { id: "b", indicatorId: "x", value: 19949n, unit: "元", magnitude: 4, source: SOURCE },
      { id: "e", indicatorId: "x", value: toExactDecimal("1.9949"), unit: "元", magnitude: 8, source: SOURCE },
    ];
    expect(parseObservations(inputs).map((o) => o.quantity?.value.toString())).toEqual(["199490000", "199490000", "199490000", "199490000"]);
  });

  it.each([
    [Number.NaN, "invalid-number"],
    [Number.POSITIVE_INFINITY, "invalid-number"],
    [1e400, "invalid-number"],
    [0.5, "invalid-number"],
    ["abc", "invalid-number"],
    ["", "invalid-number"],
  ])("refuses the value %s with %s", (value, code) => {
    const result = safeParseObservations([{ id: "a", indicatorId: "x", value, unit: "元", source: SOURCE }]);
    expect(codesAndPaths(result)).toEqual([[code, [0, "value"]]]);
  });

  it("refuses bad report text with the parser's own codes", () => {
    expect(codesAndPaths(safeParseObservations([{ id: "a", indicatorId: "x", quantity: "abc万", source: SOURCE }]))).toEqual([
      ["missing-number", [0, "quantity"]],
    ]);
    expect(codesAndPaths(safeParseObservations([{ id: "a", indicatorId: "x", quantity: "", source: SOURCE }]))).toEqual([
      ["empty-quantity", [0, "quantity"]],
    ]);
  });

  it("reports conflicting, missing and inconsistent fields", () => {
    const result = safeParseObservations([
      { id: "a", indicatorId: "x", quantity: "7家", value: "7", unit: "个", magnitude: 4, source: SOURCE },
      { id: "b", indicatorId: "x", value: "7", source: SOURCE },
      { id: "c", indicatorId: "x", source: SOURCE },
      { id: "d", indicatorId: "x", quantity: "7家", asOf: "2021-07", period: { start: "2021-07", end: "2021-06" }, source: SOURCE },
      { id: "a", indicatorId: "x", status: "missing", source: SOURCE },
    ]);
    expect(codesAndPaths(result)).toEqual([
      ["conflicting-value", [0, "value"]],
      ["unit-mismatch", [0, "unit"]],
      ["conflicting-value", [0, "magnitude"]],
      ["missing-unit", [1, "unit"]],
      ["missing-value", [2, "value"]],
      ["conflicting-dates", [3, "period"]],
      ["invalid-period", [3, "period"]],
      ["duplicate-id", [4, "id"]],
    ]);
  });

  it("accepts a qualitative observation with a comment, and a missing one flagged as such", () => {
    const [q, m] = parseObservations([
      { id: "q", indicatorId: "satisfaction", comment: "群众反映良好", source: { document: "r" } },
      { id: "m", indicatorId: "x", status: "missing", source: { document: "r" } },
    ]);
    expect([q?.comment, q?.quantity, m?.status]).toEqual(["群众反映良好", undefined, "missing"]);
  });

  it("does not change its input", () => {
    const input = Object.freeze({ id: "a", indicatorId: "x", quantity: "7家", dimensions: Object.freeze({ platform: "sme" }), source: Object.freeze(SOURCE) });
    const before = JSON.stringify(input);
    parseObservations([input]);
    expect(JSON.stringify(input)).toBe(before);
  });
});
