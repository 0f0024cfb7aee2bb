import { describe, expect, it } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import {
  checkObservations,
  parseIndicators,
  parseObservations,
  resolveObservationDates,
  type ObservationInput,
} from "../../src/indicators/index.js";

const src = { document: "评估报告" };
function observations(list: Omit<ObservationInput, "source">[]) {
  return parseObservations(list.map((o) => ({ ...o, source: src })));
}
function findings(result: { issues: readonly { code: string; path: readonly (string | number)[]; severity: string }[] }) {
  return result.issues.map((i) => [i.code, i.severity, i.path]);
}

describe("checkObservations — dates", () => {
  it("flags an observation dated after the evaluation as an error", () => {
    const check = checkObservations(observations([{ id: "late", indicatorId: "x", quantity: "1笔", asOf: "2021-09-01" }]), {
      evaluationDate: "2021-08-20",
    });
    expect(check.valid).toBe(false);
    expect(findings(check)).toEqual([["observation-after-evaluation", "error", [0, "asOf"]]]);
  });

  it("warns, not errs, when partial dates cannot tell", () => {
    const check = checkObservations(
      observations([
        { id: "july", indicatorId: "x", quantity: "1笔", asOf: "2021-07" },
        { id: "same-day", indicatorId: "x", quantity: "1笔", asOf: "2021-07-15" },
      ]),
      { evaluationDate: "2021-07-15" },
    );
    expect(check.valid).toBe(true);
    expect(findings(check)).toEqual([["observation-possibly-after-evaluation", "warning", [0, "asOf"]]]);
  });

  it("warns about observations older than maxAgeMonths (default 12)", () => {
    const data = observations([
      { id: "old", indicatorId: "x", quantity: "1笔", asOf: "2020-06-30" },
      { id: "recent", indicatorId: "x", quantity: "1笔", asOf: "2021-07-31" },
      { id: "edge", indicatorId: "x", quantity: "1笔", asOf: "2020-08" },
    ]);
    expect(findings(checkObservations(data, { evaluationDate: "2021-08-20" }))).toEqual([
      ["stale-observation", "warning", [0, "asOf"]],
      ["observation-possibly-stale", "warning", [2, "asOf"]],
    ]);
    expect(findings(checkObservations(data, { evaluationDate: "2021-08-20", maxAgeMonths: 24 }))).toEqual([]);
    expect(findings(checkObservations(data, { evaluationDate: "2021-08-20", maxAgeMonths: 0 })).map((f) => f[0])).toEqual([
      "stale-observation",
      "stale-observation",
      "stale-observation",
    ]);
  });

  it("uses the end of a period, and warns about undated observations", () => {
    const data = observations([
      { id: "flow", indicatorId: "x", quantity: "1笔", period: { start: "2021-01", end: "2021-12" } },
      { id: "now", indicatorId: "x", quantity: "7家", asOfText: "截止目前" },
    ]);
    const check = checkObservations(data, { evaluationDate: "2021-08-20" });
    expect(findings(check)).toEqual([
      ["observation-after-evaluation", "error", [0, "period"]],
      ["undated-observation", "warning", [1, "asOf"]],
    ]);
    expect(check.issues[1]?.messages["zh-CN"]).toContain("截止目前");
  });

  it("refuses a bad evaluation date or age", () => {
    expect(() => checkObservations([], { evaluationDate: "2021-02-30" as never })).toThrow(PolicyEvalError);
    expect(() => checkObservations([], { evaluationDate: "2021", maxAgeMonths: -1 })).toThrow(/maxAgeMonths/);
  });
});

describe("checkObservations — against the indicators", () => {
  const indicators = parseIndicators([
    {
      id: "loans",
      name: "贷款笔数",
      measureId: "m",
      measureType: "unit",
      unit: "笔",
      timeAggregation: "last",
      dimensions: [{ id: "platform", name: "平台", options: [{ id: "sme", name: "省中小企业融资平台" }] }],
    },
    { id: "view", name: "群众评价", measureId: "m", measureType: "qualitative", timeAggregation: "none" },
  ]);

  it("reports unknown indicators, unit mismatches, missing or unexpected values, unknown dimensions and fractional counts", () => {
    const data = observations([
      { id: "a", indicatorId: "nope", quantity: "1笔", asOf: "2021-07" },
      { id: "b", indicatorId: "loans", quantity: "1亿元", asOf: "2021-07" },
      { id: "c", indicatorId: "loans", comment: "无数据", asOf: "2021-07" },
      { id: "d", indicatorId: "view", quantity: "1笔", asOf: "2021-07" },
      { id: "e", indicatorId: "loans", quantity: "1笔", asOf: "2021-07", dimensions: { platform: "yxr", bank: "x" } },
      { id: "f", indicatorId: "loans", quantity: "1.5笔", asOf: "2021-07" },
      { id: "g", indicatorId: "loans", status: "missing", asOf: "2021-07" },
    ]);
    const check = checkObservations(data, { evaluationDate: "2021-08-20", indicators });
    expect(findings(check)).toEqual([
      ["unknown-indicator", "error", [0, "indicatorId"]],
      ["unit-mismatch", "error", [1, "quantity", "unit"]],
      ["missing-value", "error", [2, "quantity"]],
      ["unexpected-value", "error", [3, "quantity"]],
      ["unknown-dimension-option", "error", [4, "dimensions", "platform"]],
      ["unknown-dimension", "error", [4, "dimensions", "bank"]],
      ["fractional-count", "warning", [5, "quantity"]],
    ]);
  });
});

describe("resolveObservationDates", () => {
  const data = observations([
    { id: "stations", indicatorId: "s", quantity: "7家", asOfText: "截止目前" },
    { id: "loans", indicatorId: "l", quantity: "5011笔", asOfText: "截至7月末" },
    { id: "dated", indicatorId: "r", quantity: "2383个", asOf: "2021-06-30", asOfText: "截止 2021 年 6 月" },
    { id: "odd", indicatorId: "o", quantity: "1个", asOfText: "去年某月" },
  ]);

  it("dates 截止目前 and 截至7月末 from the report date and keeps what is already dated", () => {
    const resolved = resolveObservationDates(data, { referenceDate: "2021-08-20" });
    expect(resolved.observations.map((o) => o.asOf)).toEqual(["2021-08-20", "2021-07-31", "2021-06-30", undefined]);
    expect(resolved.issues.map((i) => [i.code, i.path])).toEqual([["unreadable-date", [3, "asOfText"]]]);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(data);
    resolveObservationDates(data, { referenceDate: "2021-08-20" });
    expect(JSON.stringify(data)).toBe(before);
    expect(data[0]?.asOf).toBeUndefined();
  });
});
