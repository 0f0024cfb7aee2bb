import { describe, expect, it } from "vitest";
import { thrownCodes } from "../thrown.js";
import { qingyuanIndicators, qingyuanObservationsAsOf } from "../../src/examples/qingyuan/indicators.js";
import { parseIndicators, parseObservations, rollup, type IndicatorInput, type ObservationInput } from "../../src/indicators/index.js";
import { formatQuantity } from "../../src/quantities/index.js";

const source = { document: "评估报告" };

function indicator(id: string, timeAggregation: IndicatorInput["timeAggregation"], areaAggregation: IndicatorInput["areaAggregation"], unit = "家"): IndicatorInput {
  return { id, name: id, measureId: "m", measureType: "unit", unit, timeAggregation, areaAggregation };
}

function observations(list: Omit<ObservationInput, "source">[]) {
  return parseObservations(list.map((o) => ({ ...o, source })));
}

const indicators = parseIndicators([
  indicator("stations", "last", "sum"),
  indicator("loans", "sum", "sum", "笔"),
  indicator("rate", "last", "average", "%"),
  indicator("capital-only", "last", "none"),
  indicator("counted", "sum", "count", "笔"),
  indicator("first-listed", "first", "max"),
  indicator("lowest", "min", "min"),
]);

describe("rollup with the indicators' declared aggregation", () => {
  it("keeps a stock's latest value per area, then adds the areas", () => {
    const stations = observations([
      { id: "a-june", indicatorId: "stations", quantity: "5家", area: "清城区", asOf: "2021-06" },
      { id: "a-july", indicatorId: "stations", quantity: "6家", area: "清城区", asOf: "2021-07" },
      { id: "b-june", indicatorId: "stations", quantity: "1家", area: "英德市", asOf: "2021-06-30" },
    ]);
    const [group] = rollup(stations, { by: "indicator", indicators });
    expect(formatQuantity(group!.quantity)).toBe("7家");
    expect(group!.count).toBe(3);
    expect(group!.aggregation).toEqual({ time: "last", area: "sum" });
    // Without the indicators the same observations are simply added (5 + 6 + 1): a stock counted three times.
    expect(formatQuantity(rollup(stations, { by: "indicator" })[0]!.quantity)).toBe("12家");
    // An explicit aggregation overrides the declaration.
    expect(formatQuantity(rollup(stations, { by: "indicator", indicators, aggregation: "max" })[0]!.quantity)).toBe("6家");
  });

  it("takes the earliest value of a series declared `first`", () => {
    const listed = observations([
      { id: "later", indicatorId: "first-listed", quantity: "9家", area: "A", asOf: "2021-07" },
      { id: "earlier", indicatorId: "first-listed", quantity: "4家", area: "A", asOf: "2021-06" },
      { id: "other", indicatorId: "first-listed", quantity: "5家", area: "B", asOf: "2021-07" },
    ]);
    expect(formatQuantity(rollup(listed, { by: "indicator", indicators })[0]!.quantity)).toBe("5家");
  });

  it("adds up a flow over its periods and areas, exactly", () => {
    const loans = observations([
      { id: "q1", indicatorId: "loans", quantity: "116笔", area: "清远市", period: { start: "2021-01", end: "2021-03" } },
      { id: "q2", indicatorId: "loans", quantity: "4895笔", area: "清远市", period: { start: "2021-04", end: "2021-06" } },
      { id: "x", indicatorId: "loans", quantity: "1笔", area: "英德市", period: { start: "2021-04", end: "2021-06" } },
    ]);
    expect(formatQuantity(rollup(loans, { by: "indicator", indicators })[0]!.quantity)).toBe("5012笔");
    expect(rollup(loans, { by: "area", indicators }).map((g) => [g.key.area, formatQuantity(g.quantity)])).toEqual([
      ["清远市", "5011笔"],
      ["英德市", "1笔"],
    ]);
  });

  it("averages across areas only with an explicit scale and rounding", () => {
    const rate = observations([
      { id: "a", indicatorId: "rate", quantity: "10%", area: "A", asOf: "2021-06" },
      { id: "b", indicatorId: "rate", quantity: "20%", area: "B", asOf: "2021-06" },
      { id: "c", indicatorId: "rate", quantity: "22%", area: "C", asOf: "2021-06" },
    ]);
    expect(thrownCodes(() => rollup(rate, { by: "indicator", indicators }))).toEqual(["missing-rounding"]);
    const [group] = rollup(rate, { by: "indicator", indicators, scale: 2, rounding: "halfEven" });
    expect(group!.quantity.value.toString()).toBe("17.33");
    expect(rollup(rate, { by: "indicator", indicators, scale: 1, rounding: "up" })[0]!.quantity.value.toString()).toBe("17.4");
  });

  it("refuses to combine what the indicator declares not aggregable", () => {
    const one = observations([{ id: "a", indicatorId: "capital-only", quantity: "3家", area: "A", asOf: "2021" }]);
    expect(formatQuantity(rollup(one, { by: "indicator", indicators })[0]!.quantity)).toBe("3家");
    const two = observations([
      { id: "a", indicatorId: "capital-only", quantity: "3家", area: "A", asOf: "2021" },
      { id: "b", indicatorId: "capital-only", quantity: "4家", area: "B", asOf: "2021" },
    ]);
    expect(thrownCodes(() => rollup(two, { by: "indicator", indicators }))).toEqual(["not-aggregable"]);
    expect(rollup(two, { by: "area", indicators }).map((g) => formatQuantity(g.quantity))).toEqual(["3家", "4家"]);
  });

  it("counts values and takes minimums as declared", () => {
    const counted = observations([
      { id: "a", indicatorId: "counted", quantity: "3笔", area: "A" },
      { id: "b", indicatorId: "counted", quantity: "4笔", area: "B" },
      { id: "c", indicatorId: "counted", quantity: "4笔", area: "B" },
    ]);
    const [group] = rollup(counted, { by: "indicator", indicators });
    expect(group!.quantity.value.toString()).toBe("2");
    expect(group!.quantity.unit).toBe("");
    const lowest = observations([
      { id: "a", indicatorId: "lowest", quantity: "3家", area: "A" },
      { id: "b", indicatorId: "lowest", quantity: "2家", area: "A" },
      { id: "c", indicatorId: "lowest", quantity: "5家", area: "B" },
    ]);
    expect(formatQuantity(rollup(lowest, { by: "indicator", indicators })[0]!.quantity)).toBe("2家");
  });

  it("says when partial dates cannot settle a stock's latest value, and never guesses", () => {
    const open = observations([
      { id: "month", indicatorId: "stations", quantity: "5家", area: "A", asOf: "2021-07" },
      { id: "day", indicatorId: "stations", quantity: "6家", area: "A", asOf: "2021-07-15" },
    ]);
    expect(thrownCodes(() => rollup(open, { by: "indicator", indicators }))).toEqual(["uncertain-latest"]);
    const undated = observations([
      { id: "dated", indicatorId: "stations", quantity: "5家", area: "A", asOf: "2021-07" },
      { id: "undated", indicatorId: "stations", quantity: "6家", area: "A" },
    ]);
    expect(thrownCodes(() => rollup(undated, { by: "indicator", indicators }))).toEqual(["uncertain-latest"]);
  });

  it("needs each observation's indicator, and one declaration per group", () => {
    const unknown = observations([{ id: "a", indicatorId: "nope", quantity: "3家" }]);
    expect(thrownCodes(() => rollup(unknown, { by: "indicator", indicators }))).toEqual(["unknown-indicator"]);
    const mixed = observations([
      { id: "a", indicatorId: "stations", quantity: "3家", asOf: "2021" },
      { id: "b", indicatorId: "capital-only", quantity: "4家", asOf: "2021" },
    ]);
    expect(thrownCodes(() => rollup(mixed, { by: "area", indicators }))).toEqual(["conflicting-aggregation"]);
    const units = observations([
      { id: "a", indicatorId: "loans", quantity: "3笔" },
      { id: "b", indicatorId: "loans", quantity: "3元" },
    ]);
    expect(thrownCodes(() => rollup(units, { by: "indicator", indicators }))).toEqual(["unit-mismatch"]);
  });

  it("rolls up the reference report's loans by platform as the indicators declare", () => {
    const loans = qingyuanObservationsAsOf("2021-08-20").filter((o) => o.indicatorId === "matched-loans-amount");
    const groups = rollup(loans, { by: { dimension: "platform" }, indicators: qingyuanIndicators });
    expect(groups.map((g) => [g.key.dimensions?.["platform"], formatQuantity(g.quantity), g.aggregation?.time])).toEqual([
      ["notStated", "326.16亿元", "last"],
      ["provincial-sme-platform", "6.52亿元", "last"],
      ["yuexinrong", "319.64亿元", "last"],
    ]);
  });
});
