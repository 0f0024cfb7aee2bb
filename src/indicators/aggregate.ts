/**
 * 汇总 — exact aggregation of observations: sums, roll-ups by area,
 * department, period, indicator or dimension, the values standing as of a
 * date (stock vs flow), and achievement against a target.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import {
  compareDecimals,
  divideDecimals,
  ExactDecimal,
  safeToExactDecimal,
  subtractDecimals,
  type DecimalInput,
  type RoundingMode,
} from "../quantities/decimal.js";
import { QuantityAccumulator, sumOf, unitMismatchIssue, type SingleUnit, type SumQuantitiesOptions } from "../quantities/arithmetic.js";
import { isQuantity, makeQuantity, type Quantity } from "../quantities/quantity.js";
import type { Unit } from "../quantities/units.js";
import { aggregateDeclared, type DeclaredAggregation, type IndexedObservation } from "./declaredRollup.js";
import { NOT_STATED, type Indicator, type Observation } from "./schemas.js";

function missingQuantityIssue(o: Observation, path: IssuePath): PolicyEvalIssue {
  return createIssue(
    "missing-value",
    path,
    {
      "zh-CN": `数据 ${JSON.stringify(o.id)} 没有数值，不能汇总`,
      en: `Observation ${JSON.stringify(o.id)} has no value to aggregate`,
    },
    { params: { observationId: o.id } },
  );
}

/**
 * 合计 — the exact sum of quantities, or of the values of observations, of
 * one unit. The same as `sumQuantities` for quantities.
 *
 * @param items - quantities or observations (not changed)
 * @param options - `unit` for an empty sum
 * @returns the sum
 * @throws {@link PolicyEvalError} `unit-mismatch` (every offending item),
 *   `missing-value` (an observation without a value), `empty-sum`
 *
 * @example
 * ```ts
 * import { formatQuantity, parseQuantity, sum } from "policy-eval";
 * formatQuantity(sum([parseQuantity("116笔"), parseQuantity("4895笔")])); //=> "5011笔"
 * ```
 */
export function sum<U extends Unit>(
  items: Iterable<Quantity<SingleUnit<U>>> | Iterable<Observation>,
  options?: SumQuantitiesOptions<U> | undefined,
): Quantity<U> {
  return sumOf(items as Iterable<Quantity | Observation>, quantityOfItem, options, (item, index) =>
    missingQuantityIssue(item as Observation, [index, "quantity"]),
  ) as Quantity<U>;
}

/** The quantity of an observation, or the item itself when it is a quantity. */
function quantityOfItem(item: Quantity | Observation): Quantity | undefined {
  return (item as Partial<Observation>).indicatorId === undefined ? (item as Quantity) : (item as Observation).quantity;
}

// ---------------------------------------------------------------- rollup

/** What {@link rollup} groups by: a field of the observation or one disaggregation dimension. */
export type RollupKey = "indicator" | "area" | "department" | "period" | { readonly dimension: string };

/** How {@link rollup} combines the values of a group. */
export type RollupAggregation = "sum" | "min" | "max" | "average";

/**
 * Options of {@link rollup}.
 *
 * @example
 * ```ts
 * import type { RollupOptions } from "policy-eval";
 * const byArea: RollupOptions = { by: "area", aggregation: "average", scale: 2, rounding: "halfEven" };
 * byArea.by; //=> "area"
 * ```
 */
export interface RollupOptions {
  /** One key or several (groups are their combinations). */
  readonly by: RollupKey | readonly RollupKey[];
  /**
   * Default: as each indicator declares when `indicators` are given, else
   * `sum`. `average` needs `scale` and `rounding`. Given with `indicators`,
   * it overrides their declarations.
   */
  readonly aggregation?: RollupAggregation | undefined;
  /**
   * The indicators of the observations. With them (and no `aggregation`),
   * each group is aggregated as its indicator declares: each series
   * (indicator × area × department × dimensions) over its periods by the
   * indicator's `timeAggregation` (a stock's latest value, a flow's sum …),
   * then the series together by its `areaAggregation`.
   */
  readonly indicators?: Iterable<Indicator> | undefined;
  /** Digits (base units) of an average. */
  readonly scale?: number | undefined;
  /** Rounding of an average. */
  readonly rounding?: RoundingMode | undefined;
}

/** The key of a roll-up group: the value of each grouping field ({@link NOT_STATED} when missing). */
export interface RollupGroupKey {
  /** Indicator id, when grouped by indicator. */
  readonly indicator?: string;
  /** Area, when grouped by area. */
  readonly area?: string;
  /** Department, when grouped by department. */
  readonly department?: string;
  /** `asOf`, or `start/end` of the period, when grouped by period. */
  readonly period?: string;
  /** Dimension options, when grouped by dimensions. */
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** One group of a roll-up. */
export interface RollupGroup {
  /** The group's key. */
  readonly key: RollupGroupKey;
  /** The aggregated value, exact (an average is rounded as asked). */
  readonly quantity: Quantity;
  /** How many observations it covers. */
  readonly count: number;
  /** With declared aggregation: what was applied over time and across areas. */
  readonly aggregation?: DeclaredAggregation;
}

function periodKey(o: Observation): string {
  if (o.asOf !== undefined) return o.asOf;
  if (o.period !== undefined) return `${o.period.start}/${o.period.end}`;
  return NOT_STATED;
}

/** Reads one grouping field; built once per roll-up, so the loop does no dispatch. */
function keyGetter(key: RollupKey): (o: Observation) => string {
  if (typeof key === "object") {
    const dimension = key.dimension;
    return (o) => o.dimensions[dimension] ?? NOT_STATED;
  }
  switch (key) {
    case "indicator":
      return (o) => o.indicatorId;
    case "area":
      return (o) => o.area;
    case "department":
      return (o) => o.department;
    case "period":
      return periodKey;
  }
}

function groupKey(keys: readonly RollupKey[], parts: readonly string[]): RollupGroupKey {
  const key: { -readonly [K in keyof RollupGroupKey]: RollupGroupKey[K] } = {};
  let dimensions: Record<string, string> | undefined;
  keys.forEach((k, n) => {
    const value = parts[n] as string;
    if (typeof k === "object") (dimensions ??= {})[k.dimension] = value;
    else key[k] = value;
  });
  if (dimensions !== undefined) key.dimensions = Object.freeze(dimensions);
  return Object.freeze(key);
}

interface Group {
  readonly parts: string[];
  readonly acc: QuantityAccumulator;
  extreme: Quantity | undefined;
  /** The group's observations, kept for a declared roll-up only. */
  readonly members: IndexedObservation[];
}

/**
 * 分组汇总 — groups observations by area, department, period, indicator
 * or a dimension, and aggregates each group exactly (sum by default; min,
 * max, or an average with explicit rounding). Groups come in the order their
 * first observation appears.
 *
 * It aggregates what it is given: to add up stocks, first pick the values
 * standing at a date with {@link latestAsOf} (DHIS2 "last value, sum over
 * areas").
 *
 * @param observations - the observations (not changed)
 * @param options - `by`, `aggregation`, and `scale` + `rounding` for an average
 * @returns one group per key
 * @throws {@link PolicyEvalError} `unit-mismatch` (each observation whose unit
 *   differs from its group's), `missing-value`, `missing-rounding`
 *
 * @example
 * ```ts
 * import { formatQuantity, parseObservations, rollup } from "policy-eval";
 * const observations = parseObservations([
 *   { id: "a", indicatorId: "loans", quantity: "116笔", dimensions: { platform: "sme" }, source: { document: "r" } },
 *   { id: "b", indicatorId: "loans", quantity: "4895笔", dimensions: { platform: "yxr" }, source: { document: "r" } },
 * ]);
 * const [all] = rollup(observations, { by: "indicator" });
 * all ? formatQuantity(all.quantity) : ""; //=> "5011笔"
 * ```
 */
export function rollup(observations: Iterable<Observation>, options: RollupOptions): readonly RollupGroup[] {
  const keys: readonly RollupKey[] = Array.isArray(options.by) ? options.by : [options.by as RollupKey];
  const declared = options.aggregation === undefined && options.indicators !== undefined ? indicatorMap(options.indicators) : undefined;
  const aggregation = options.aggregation ?? "sum";
  if (declared === undefined && aggregation === "average" && (options.scale === undefined || options.rounding === undefined)) {
    throw new PolicyEvalError([
      createIssue("missing-rounding", ["rounding"], {
        "zh-CN": "求平均值须指定小数位数（scale）和舍入方式（rounding）",
        en: "An average needs scale and rounding",
      }),
    ]);
  }
  const groups = new Map<string, Group>();
  const issues: PolicyEvalIssue[] = [];
  const getters = keys.map(keyGetter);
  const single = getters.length === 1 ? getters[0] : undefined;
  let index = 0;
  for (const o of observations) {
    const q = o.quantity;
    if (q === undefined) {
      issues.push(missingQuantityIssue(o, [index, "quantity"]));
      index++;
      continue;
    }
    let id: string;
    let parts: string[] | undefined;
    if (single !== undefined) id = single(o);
    else {
      parts = getters.map((get) => get(o));
      id = parts.join("\u001f");
    }
    let group = groups.get(id);
    if (group === undefined) {
      group = { parts: parts ?? [id], acc: new QuantityAccumulator(), extreme: undefined, members: [] };
      groups.set(id, group);
    }
    // A declared roll-up checks units itself, per series and across them (a `count` may mix units).
    if (declared !== undefined) group.members.push({ observation: o, index });
    else if (!group.acc.add(q)) issues.push(unitMismatchIssue("add", group.acc.unit as Unit, q.unit, [index, "quantity", "unit"]));
    else if (aggregation === "min" || aggregation === "max") {
      const e = group.extreme;
      const c = e === undefined ? 0 : compareDecimals(q.value, e.value);
      if (e === undefined || (aggregation === "min" ? c < 0 : c > 0)) group.extreme = q;
    }
    index++;
  }
  if (issues.length > 0) throw new PolicyEvalError(issues);
  const out: RollupGroup[] = [];
  for (const group of groups.values()) {
    const key = groupKey(keys, group.parts);
    if (declared !== undefined) {
      const result = aggregateDeclared(group.members, declared, options, issues);
      if (result !== undefined) out.push(Object.freeze({ key, quantity: result.quantity, count: group.members.length, aggregation: Object.freeze(result.aggregation) }));
      continue;
    }
    const total = group.acc.result() as Quantity;
    let quantity: Quantity;
    if (aggregation === "sum") quantity = total;
    else if (aggregation === "average") {
      const value = divideDecimals(total.value, new ExactDecimal(BigInt(group.acc.count), 0), {
        scale: options.scale as number,
        rounding: options.rounding as RoundingMode,
      });
      quantity = makeQuantity(value, total.unit, total.magnitude, 0, total.approximation);
    } else quantity = group.extreme as Quantity;
    out.push(Object.freeze({ key, quantity, count: group.acc.count }));
  }
  if (issues.length > 0) throw new PolicyEvalError(issues);
  return Object.freeze(out);
}

/** The indicators by id. */
function indicatorMap(indicators: Iterable<Indicator>): ReadonlyMap<string, Indicator> {
  const map = new Map<string, Indicator>();
  for (const indicator of indicators) map.set(indicator.id, indicator);
  return map;
}

// ---------------------------------------------------------------- achievement

/** Options of {@link achievement}: the division's scale and rounding are required. */
export interface AchievementOptions {
  /** Digits after the point of the ratio (1 = 100%): 4 gives 0.9800. */
  readonly scale: number;
  /** How the last digit is rounded. */
  readonly rounding: RoundingMode;
  /** For an ascending indicator, measure progress from the baseline: (actual − baseline) / (target − baseline). Default false: actual / target. */
  readonly fromBaseline?: boolean | undefined;
}

/** The result of {@link achievement}, with how it was computed (for the trace). */
export interface Achievement {
  /** The ratio, 1 = target met. */
  readonly ratio: ExactDecimal;
  /** The formula used. */
  readonly formula: "actual / target" | "(actual - baseline) / (target - baseline)" | "(baseline - actual) / (baseline - target)";
  /** The scale of the division. */
  readonly scale: number;
  /** The rounding of the division. */
  readonly rounding: RoundingMode;
}

/** What {@link achievement} reads: a quantity, or a number in base units (string, safe integer, bigint, Decimal). */
export type AchievementInput = Quantity | DecimalInput;

/**
 * 完成率 — how far an indicator got toward its target, with explicit
 * rounding. Ascending (more is better): actual / target (完成率), or with
 * `fromBaseline` (actual − baseline) / (target − baseline). Descending (less is
 * better, e.g. cases of a disease): (baseline − actual) / (baseline − target),
 * which needs a baseline.
 *
 * Quantities must share a unit; plain numbers are read in base units.
 *
 * @param actual - the value reached
 * @param target - the target
 * @param baseline - the baseline (required when descending or `fromBaseline`)
 * @param ascending - true when more is better
 * @param options - `scale` and `rounding` (required), `fromBaseline`
 * @returns `{ ratio, formula, scale, rounding }`
 * @throws {@link PolicyEvalError} `unit-mismatch`, `missing-baseline`,
 *   `division-by-zero`, `invalid-number`
 *
 * @example
 * ```ts
 * import { achievement, parseQuantity } from "policy-eval";
 * achievement(parseQuantity("7家"), parseQuantity("8家"), undefined, true, { scale: 4, rounding: "halfUp" }).ratio.toString(); //=> "0.8750"
 * achievement("30", "20", "50", false, { scale: 2, rounding: "halfEven" }).ratio.toString(); //=> "0.67"
 * ```
 */
export function achievement(
  actual: AchievementInput,
  target: AchievementInput,
  baseline: AchievementInput | undefined,
  ascending: boolean,
  options: AchievementOptions,
): Achievement {
  const issues: PolicyEvalIssue[] = [];
  let unit: Unit | undefined;
  const read = (v: AchievementInput, name: string): ExactDecimal | undefined => {
    if (isQuantity(v)) {
      if (unit === undefined) unit = v.unit;
      else if (v.unit !== unit) issues.push(unitMismatchIssue("divide", unit, v.unit, [name, "unit"]));
      return v.value;
    }
    const result = safeToExactDecimal(v, [name]);
    if (result.success) return result.data;
    issues.push(...result.error.issues);
    return undefined;
  };
  const a = read(actual, "actual");
  const t = read(target, "target");
  const b = baseline === undefined ? undefined : read(baseline, "baseline");
  const needsBaseline = !ascending || options.fromBaseline === true;
  if (needsBaseline && baseline === undefined) {
    issues.push(
      createIssue("missing-baseline", ["baseline"], {
        "zh-CN": ascending ? "按基线计算完成率须给出基线值" : "逆向指标（越小越好）的完成率须给出基线值",
        en: ascending ? "Progress from the baseline needs a baseline" : "A descending indicator's achievement needs a baseline",
      }),
    );
  }
  if (issues.length > 0 || a === undefined || t === undefined) throw new PolicyEvalError(issues);
  const division = { scale: options.scale, rounding: options.rounding };
  if (!needsBaseline) return Object.freeze({ ratio: divideDecimals(a, t, division), formula: "actual / target", ...division });
  const base = b as ExactDecimal;
  if (ascending) {
    return Object.freeze({
      ratio: divideDecimals(subtractDecimals(a, base), subtractDecimals(t, base), division),
      formula: "(actual - baseline) / (target - baseline)",
      ...division,
    });
  }
  return Object.freeze({
    ratio: divideDecimals(subtractDecimals(base, a), subtractDecimals(base, t), division),
    formula: "(baseline - actual) / (baseline - target)",
    ...division,
  });
}

