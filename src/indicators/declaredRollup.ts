/**
 * 按指标声明汇总 — a roll-up that aggregates each group the way its
 * indicator declares: over time with the indicator's `timeAggregation`
 * (a stock keeps its latest value, a flow adds up), then over areas,
 * departments and dimensions with its `areaAggregation` (DHIS2's two axes:
 * "last value, sum over org units").
 *
 * @module
 */
import { createIssue, type PolicyEvalIssue } from "../errors.js";
import { compareDecimals, divideDecimals, ExactDecimal, type RoundingMode } from "../quantities/decimal.js";
import { QuantityAccumulator, unitMismatchIssue } from "../quantities/arithmetic.js";
import { makeQuantity, type Quantity } from "../quantities/quantity.js";
import type { Unit } from "../quantities/units.js";
import { observationDate, pickExtreme, seriesKey } from "./asOf.js";
import type { AreaAggregation, Indicator, Observation, TimeAggregation } from "./schemas.js";

/** An observation with its place in the caller's input, for issue paths. */
export interface IndexedObservation {
  readonly observation: Observation;
  readonly index: number;
}

/** How a declared roll-up combined one group. */
export interface DeclaredAggregation {
  /** Applied to each series (indicator × area × department × dimensions) over its periods. */
  readonly time: TimeAggregation;
  /** Applied across the series of the group. */
  readonly area: AreaAggregation;
}

/** Scale and rounding for the averages a declaration may ask for. */
export interface AverageRounding {
  readonly scale?: number | undefined;
  readonly rounding?: RoundingMode | undefined;
}

/** A value with the observations it stands for (their indexes, for issue paths). */
interface Part {
  readonly quantity: Quantity;
  readonly indexes: readonly number[];
}

type Combine = "sum" | "max" | "min" | "average" | "count" | "none";

/**
 * Aggregates one group as its indicator declares. Issues go to `issues`;
 * the result is undefined when there were any.
 * @internal
 */
export function aggregateDeclared(
  group: readonly IndexedObservation[],
  indicators: ReadonlyMap<string, Indicator>,
  rounding: AverageRounding,
  issues: PolicyEvalIssue[],
): { readonly quantity: Quantity; readonly aggregation: DeclaredAggregation } | undefined {
  const declared = declarationOf(group, indicators, issues);
  if (declared === undefined) return undefined;
  const series = new Map<string, IndexedObservation[]>();
  for (const item of group) {
    const key = seriesKey(item.observation);
    const list = series.get(key);
    if (list === undefined) series.set(key, [item]);
    else list.push(item);
  }
  const before = issues.length;
  const parts: Part[] = [];
  for (const list of series.values()) {
    const part = overTime(list, declared.time, rounding, issues);
    if (part !== undefined) parts.push(part);
  }
  if (issues.length > before) return undefined;
  const total = combine(parts, declared.area, rounding, issues, "areaAggregation");
  return total === undefined ? undefined : { quantity: total.quantity, aggregation: declared };
}

/** The one declaration the group's indicators share, or undefined with issues. */
function declarationOf(
  group: readonly IndexedObservation[],
  indicators: ReadonlyMap<string, Indicator>,
  issues: PolicyEvalIssue[],
): DeclaredAggregation | undefined {
  let declared: DeclaredAggregation | undefined;
  let ok = true;
  for (const { observation, index } of group) {
    const indicator = indicators.get(observation.indicatorId);
    if (indicator === undefined) {
      issues.push(
        createIssue(
          "unknown-indicator",
          [index, "indicatorId"],
          { "zh-CN": `未提供指标 ${observation.indicatorId}，无法按其声明的方式汇总`, en: `No indicator ${observation.indicatorId} was given: its declared aggregation is unknown` },
          { params: { indicatorId: observation.indicatorId } },
        ),
      );
      ok = false;
    } else if (declared === undefined) declared = { time: indicator.timeAggregation, area: indicator.areaAggregation };
    else if (declared.time !== indicator.timeAggregation || declared.area !== indicator.areaAggregation) {
      issues.push(
        createIssue(
          "conflicting-aggregation",
          [index, "indicatorId"],
          {
            "zh-CN": `同一组中的指标声明了不同的汇总方式（${declared.time}/${declared.area} 与 ${indicator.timeAggregation}/${indicator.areaAggregation}），请按指标分组`,
            en: `Indicators of one group declare different aggregations (${declared.time}/${declared.area} and ${indicator.timeAggregation}/${indicator.areaAggregation}): group by indicator`,
          },
          { params: { expected: declared, received: { time: indicator.timeAggregation, area: indicator.areaAggregation } } },
        ),
      );
      ok = false;
    }
  }
  return ok ? declared : undefined;
}

/** One series over its periods, as the time aggregation says. */
function overTime(list: readonly IndexedObservation[], time: TimeAggregation, rounding: AverageRounding, issues: PolicyEvalIssue[]): Part | undefined {
  if (time !== "last" && time !== "lastInPeriod" && time !== "first") {
    const parts = list.map(({ observation, index }) => ({ quantity: observation.quantity as Quantity, indexes: [index] }));
    return combine(parts, time, rounding, issues, "timeAggregation");
  }
  if (list.length === 1) {
    const only = list[0] as IndexedObservation;
    return { quantity: only.observation.quantity as Quantity, indexes: [only.index] };
  }
  const observations = list.map((i) => i.observation);
  // A stock keeps one value per series: which one, only the dates can say, and a partial date may not.
  const pick = observations.every((o) => observationDate(o) !== undefined) ? pickExtreme(observations, time === "first") : undefined;
  if (pick === undefined) {
    const ids = observations.map((o) => o.id);
    issues.push(
      createIssue(
        "uncertain-latest",
        [(list[0] as IndexedObservation).index, "asOf"],
        {
          "zh-CN": `存量指标 ${(list[0] as IndexedObservation).observation.indicatorId} 的同一序列有多个数据，日期不足以确定${time === "first" ? "最早" : "最新"}的一个：${ids.join("、")}`,
          en: `A series of the stock indicator ${(list[0] as IndexedObservation).observation.indicatorId} has several values and their dates cannot settle the ${time === "first" ? "earliest" : "latest"}: ${ids.join(", ")}`,
        },
        { params: { observationIds: ids } },
      ),
    );
    return undefined;
  }
  const chosen = list[observations.indexOf(pick)] as IndexedObservation;
  return { quantity: pick.quantity as Quantity, indexes: [chosen.index] };
}

/** Combines values of one unit; every unit mismatch and a refused `none` are issues. */
function combine(parts: readonly Part[], how: Combine, rounding: AverageRounding, issues: PolicyEvalIssue[], axis: "timeAggregation" | "areaAggregation"): Part | undefined {
  const indexes = parts.flatMap((p) => p.indexes);
  if (how === "count") return { quantity: makeQuantity(new ExactDecimal(BigInt(parts.length), 0), "" as Unit, 0, 0), indexes };
  if (how === "none" && parts.length > 1) {
    issues.push(
      createIssue(
        "not-aggregable",
        [(parts[1] as Part).indexes[0] as number, "indicatorId"],
        {
          "zh-CN": `指标声明不可汇总（${axis}: none），但该组有 ${parts.length} 个值`,
          en: `The indicator declares no aggregation (${axis}: none), but the group has ${parts.length} values`,
        },
        { params: { axis, count: parts.length } },
      ),
    );
    return undefined;
  }
  const acc = new QuantityAccumulator();
  let extreme: Quantity | undefined;
  for (const part of parts) {
    const q = part.quantity;
    if (!acc.add(q)) {
      issues.push(unitMismatchIssue("add", acc.unit as Unit, q.unit, [part.indexes[0] as number, "quantity", "unit"]));
      continue;
    }
    const c = extreme === undefined ? 0 : compareDecimals(q.value, extreme.value);
    if (extreme === undefined || (how === "min" ? c < 0 : c > 0)) extreme = q;
  }
  const total = acc.result();
  if (total === undefined || acc.count < parts.length) return undefined;
  if (how === "max" || how === "min") return { quantity: extreme as Quantity, indexes };
  if (how !== "average") return { quantity: total, indexes };
  if (rounding.scale === undefined || rounding.rounding === undefined) {
    issues.push(
      createIssue("missing-rounding", ["rounding"], {
        "zh-CN": `指标声明按平均值汇总（${axis}: average），须指定小数位数（scale）和舍入方式（rounding）`,
        en: `The indicator declares an average (${axis}: average): give scale and rounding`,
      }),
    );
    return undefined;
  }
  const value = divideDecimals(total.value, new ExactDecimal(BigInt(acc.count), 0), { scale: rounding.scale, rounding: rounding.rounding });
  return { quantity: makeQuantity(value, total.unit, total.magnitude, 0, total.approximation), indexes };
}
