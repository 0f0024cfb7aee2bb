import { describe, expect, it } from "vitest";
import { thrownCodes } from "../thrown.js";
import { PolicyEvalError } from "../../src/errors.js";
import { formatQuantity, parseQuantity, type Quantity } from "../../src/quantities/index.js";
import {
  achievement,
  latestAsOf,
  parseIndicators,
  parseObservations,
  rollup,
  sum,
  type ObservationInput,
} from "../../src/indicators/index.js";

const src = { document: "评估报告" };

function observations(list: Omit<ObservationInput, "source">[]) {
  return parseObservations(list.map((o) => ({ ...o, source: src })));
}

const loans = observations([
  { id: "sme", indicatorId: "amount", quantity: "6.52亿元", area: "清远市", department: "省中小企业融资平台", dimensions: { platform: "sme" } },
  { id: "yxr", indicatorId: "amount", quantity: "319.64亿元", area: "清远市", department: "粤信融", dimensions: { platform: "yxr" } },
  { id: "pool", indicatorId: "amount", quantity: "19949万元", area: "清城区", dimensions: { platform: "yxr" } },
]);

describe("sum", () => {
  it("sums observations exactly, whatever their magnitudes", () => {
    expect(formatQuantity(sum(loans))).toBe("3281549万元");
    expect(sum(loans.slice(0, 2)).value.toString()).toBe("32616000000");
  });

  it("sums quantities too", () => {
    expect(formatQuantity(sum([parseQuantity("116笔"), parseQuantity("4895笔")]))).toBe("5011笔");
  });

  it("refuses observations without a value and mixed units", () => {
    const mixed = observations([
      { id: "a", indicatorId: "x", quantity: "5笔" },
      { id: "b", indicatorId: "x", quantity: "5元" },
      { id: "c", indicatorId: "x", status: "missing" },
    ]);
    expect(thrownCodes(() => sum(mixed))).toEqual(["unit-mismatch", "missing-value"]);
    expect(thrownCodes(() => sum(mixed.slice(0, 2)))).toEqual(["unit-mismatch"]);
  });
});

describe("rollup", () => {
  it("groups by area, department, a dimension, or several keys", () => {
    const byArea = rollup(loans, { by: "area" });
    expect(byArea.map((g) => [g.key.area, formatQuantity(g.quantity), g.count])).toEqual([
      ["清远市", "326.16亿元", 2],
      ["清城区", "19949万元", 1],
    ]);
    expect(rollup(loans, { by: "department" }).map((g) => g.key.department)).toEqual(["省中小企业融资平台", "粤信融", "notStated"]);
    const byPlatform = rollup(loans, { by: { dimension: "platform" } });
    expect(byPlatform.map((g) => [g.key.dimensions, formatQuantity(g.quantity)])).toEqual([
      [{ platform: "sme" }, "6.52亿元"],
      [{ platform: "yxr" }, "3216349万元"],
    ]);
    const both = rollup(loans, { by: ["area", { dimension: "platform" }] });
    expect(both.map((g) => g.key)).toEqual([
      { area: "清远市", dimensions: { platform: "sme" } },
      { area: "清远市", dimensions: { platform: "yxr" } },
      { area: "清城区", dimensions: { platform: "yxr" } },
    ]);
  });

  it("groups by period and by indicator", () => {
    const dated = observations([
      { id: "a", indicatorId: "x", quantity: "1笔", asOf: "2021-06" },
      { id: "b", indicatorId: "y", quantity: "2笔", period: { start: "2021-01", end: "2021-06" } },
      { id: "c", indicatorId: "x", quantity: "3笔" },
    ]);
    expect(rollup(dated, { by: "period" }).map((g) => g.key.period)).toEqual(["2021-06", "2021-01/2021-06", "notStated"]);
    expect(rollup(dated, { by: "indicator" }).map((g) => [g.key.indicator, g.quantity.value.toString()])).toEqual([
      ["x", "4"],
      ["y", "2"],
    ]);
  });

  it("takes min, max, and an average with explicit rounding", () => {
    const banks = observations([
      { id: "a", indicatorId: "banks", quantity: "16家", area: "清远市" },
      { id: "b", indicatorId: "banks", quantity: "15家", area: "清远市" },
    ]);
    expect(rollup(banks, { by: "area", aggregation: "max" })[0]?.quantity.value.toString()).toBe("16");
    expect(rollup(banks, { by: "area", aggregation: "min" })[0]?.quantity.value.toString()).toBe("15");
    expect(rollup(banks, { by: "area", aggregation: "average", scale: 0, rounding: "halfEven" })[0]?.quantity.value.toString()).toBe("16");
    expect(thrownCodes(() => rollup(banks, { by: "area", aggregation: "average" }))).toEqual(["missing-rounding"]);
  });

  it("reports every observation whose unit differs from its group's", () => {
    const mixed = observations([
      { id: "a", indicatorId: "x", quantity: "5笔", area: "A" },
      { id: "b", indicatorId: "x", quantity: "5元", area: "A" },
      { id: "c", indicatorId: "x", quantity: "5元", area: "B" },
      { id: "d", indicatorId: "x", quantity: "5家", area: "A" },
    ]);
    try {
      rollup(mixed, { by: "area" });
      expect.unreachable();
    } catch (error) {
      expect((error as PolicyEvalError).issues.map((i) => i.path)).toEqual([
        [1, "quantity", "unit"],
        [3, "quantity", "unit"],
      ]);
    }
  });

  it("does not change its input", () => {
    const before = JSON.stringify(loans);
    rollup(loans, { by: ["area", "department"] });
    expect(JSON.stringify(loans)).toBe(before);
    expect(Object.isFrozen(loans)).toBe(true);
  });
});

describe("latestAsOf", () => {
  const records = observations([
    { id: "june", indicatorId: "records", quantity: "650万条", asOf: "2021-06-30", area: "清远市" },
    { id: "july", indicatorId: "records", quantity: "698.14万条", asOf: "2021-07-31", area: "清远市" },
    { id: "other-area", indicatorId: "records", quantity: "10万条", asOf: "2021-05", area: "清城区" },
    { id: "undated", indicatorId: "stations", quantity: "7家", asOfText: "截止目前" },
  ]);

  it("keeps the latest value of each stock series on or before the date", () => {
    const at = latestAsOf(records, "2021-08-20");
    expect(at.observations.map((o) => o.id)).toEqual(["july", "other-area"]);
    expect(at.undated.map((o) => o.id)).toEqual(["undated"]);
    expect(formatQuantity(sum(at.observations))).toBe("708.14万条");
  });

  it("leaves out later observations", () => {
    expect(latestAsOf(records, "2021-07-15").observations.map((o) => o.id)).toEqual(["june", "other-area"]);
  });

  it("is honest about partial dates: against 2021-07 the July figure may or may not count, so the series stays open", () => {
    const at = latestAsOf(records, "2021-07");
    // The latest value as of some day of July is June's or July's: the series is left open, never settled as June's.
    expect(at.uncertain.map((o) => o.id)).toEqual(["july", "june"]);
    expect(at.observations.map((o) => o.id)).toEqual(["other-area"]);
  });

  it("leaves a series open when two candidates' dates overlap", () => {
    const overlapping = observations([
      { id: "month", indicatorId: "x", quantity: "1笔", asOf: "2021-06" },
      { id: "day", indicatorId: "x", quantity: "2笔", asOf: "2021-06-15" },
    ]);
    const at = latestAsOf(overlapping, "2021-08-01");
    expect(at.observations).toEqual([]);
    expect(at.uncertain.map((o) => o.id)).toEqual(["month", "day"]);
  });

  it("keeps every value of a flow indicator up to the date, and the earliest of a 'first' one", () => {
    const indicators = parseIndicators([
      { id: "loans-made", name: "当月放款", measureId: "m", measureType: "unit", unit: "笔", timeAggregation: "sum" },
      { id: "first-seen", name: "首次", measureId: "m", measureType: "unit", unit: "笔", timeAggregation: "first" },
    ]);
    const flows = observations([
      { id: "jun", indicatorId: "loans-made", quantity: "10笔", period: { start: "2021-06", end: "2021-06" } },
      { id: "jul", indicatorId: "loans-made", quantity: "12笔", period: { start: "2021-07", end: "2021-07" } },
      { id: "aug", indicatorId: "loans-made", quantity: "9笔", period: { start: "2021-08", end: "2021-08" } },
      { id: "f1", indicatorId: "first-seen", quantity: "1笔", asOf: "2021-01" },
      { id: "f2", indicatorId: "first-seen", quantity: "2笔", asOf: "2021-02" },
    ]);
    const at = latestAsOf(flows, "2021-07-31", { indicators });
    expect(at.observations.map((o) => o.id)).toEqual(["jun", "jul", "f1"]);
    expect(formatQuantity(sum(at.observations.slice(0, 2)))).toBe("22笔");
  });
});

describe("achievement", () => {
  it("refuses a missing or unknown rounding mode (from untyped JS), even when the ratio is exact", () => {
    expect(thrownCodes(() => achievement("1", "2", undefined, true, { scale: 2 } as never))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => achievement("1", "3", undefined, true, { scale: 2, rounding: "nope" } as never))).toEqual(["invalid-rounding"]);
  });

  it("ascending: actual / target, with explicit rounding", () => {
    const a = achievement(parseQuantity("7家"), parseQuantity("8家"), undefined, true, { scale: 4, rounding: "halfUp" });
    expect([a.ratio.toString(), a.formula, a.scale, a.rounding]).toEqual(["0.8750", "actual / target", 4, "halfUp"]);
  });

  it("ascending from the baseline: (actual − baseline) / (target − baseline)", () => {
    const a = achievement("7", "10", "4", true, { scale: 2, rounding: "halfEven", fromBaseline: true });
    expect([a.ratio.toString(), a.formula]).toEqual(["0.50", "(actual - baseline) / (target - baseline)"]);
  });

  it("descending: (baseline − actual) / (baseline − target)", () => {
    const a = achievement(parseQuantity("30%"), parseQuantity("20%"), parseQuantity("50%"), false, { scale: 4, rounding: "halfEven" });
    expect([a.ratio.toString(), a.formula]).toEqual(["0.6667", "(baseline - actual) / (baseline - target)"]);
  });

  it("names every problem: mixed units, a missing baseline, a float", () => {
    const q: Quantity = parseQuantity("7家");
    expect(thrownCodes(() => achievement(q, parseQuantity("8个") as Quantity, undefined, true, { scale: 2, rounding: "halfUp" }))).toEqual(["unit-mismatch"]);
    expect(thrownCodes(() => achievement("1", "2", undefined, false, { scale: 2, rounding: "halfUp" }))).toEqual(["missing-baseline"]);
    expect(thrownCodes(() => achievement(0.5, "2", undefined, true, { scale: 2, rounding: "halfUp" }))).toEqual(["invalid-number"]);
    expect(thrownCodes(() => achievement("1", "0", undefined, true, { scale: 2, rounding: "halfUp" }))).toEqual(["division-by-zero"]);
  });
});
