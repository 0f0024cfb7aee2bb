/**
 * 汇总 — exact aggregation of observations: sums, roll-ups by area,
 * department, period, indicator or dimension, the values standing as of a
 * date (stock vs flow), and achievement against a target.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import { dayBounds, type PartialDate } from "../dates/partialDate.js";
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
import { NOT_STATED, type Indicator, type Observation, type TimeAggregation } from "./schemas.js";

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

/** Options of {@link rollup}. */
export interface RollupOptions {
  /** One key or several (groups are their combinations). */
  readonly by: RollupKey | readonly RollupKey[];
  /** Default `sum`. `average` needs `scale` and `rounding`. */
  readonly aggregation?: RollupAggregation | undefined;
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
  const aggregation = options.aggregation ?? "sum";
  if (aggregation === "average" && (options.scale === undefined || options.rounding === undefined)) {
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
      group = { parts: parts ?? [id], acc: new QuantityAccumulator(), extreme: undefined };
      groups.set(id, group);
    }
    if (!group.acc.add(q)) issues.push(unitMismatchIssue("add", group.acc.unit as Unit, q.unit, [index, "quantity", "unit"]));
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
    out.push(Object.freeze({ key: groupKey(keys, group.parts), quantity, count: group.acc.count }));
  }
  return Object.freeze(out);
}

// ---------------------------------------------------------------- as of a date

/** Options of {@link latestAsOf}. */
export interface LatestAsOfOptions {
  /** The indicators, for their time aggregation (stock vs flow). Without them every series is read as a stock (`last`). */
  readonly indicators?: Iterable<Indicator> | undefined;
}

/** What {@link latestAsOf} found. */
export interface AsOfSelection {
  /** The values standing at the date: for a stock the latest of each series, for a flow every value up to the date. */
  readonly observations: readonly Observation[];
  /** Observations whose partial date may or may not be on or before the date (`'2021-07'` against `'2021-07-15'`), or series whose latest value the dates cannot settle. Not in `observations`. */
  readonly uncertain: readonly Observation[];
  /** Observations without a date (`截止目前` with no report date). Not in `observations`. */
  readonly undated: readonly Observation[];
}

function seriesKey(o: Observation): string {
  const dims = Object.keys(o.dimensions)
    .sort()
    .map((k) => `${k}=${o.dimensions[k] as string}`)
    .join("&");
  return `${o.indicatorId}\u001f${o.area}\u001f${o.department}\u001f${dims}`;
}

/** The date an observation speaks of: its as-of date or the end of its period. @internal */
export function observationDate(o: Observation): PartialDate | undefined {
  return o.asOf ?? o.period?.end;
}

const STOCK: ReadonlySet<TimeAggregation> = new Set(["last", "lastInPeriod", "first"]);

/**
 * 截至某日 — the values standing at a date. For a stock indicator (time
 * aggregation `last`: stations open, records collected "截至…") it keeps the
 * latest observation of each series (indicator × area × department ×
 * dimensions) dated on or before `date`; for a flow (`sum`) it keeps every
 * observation up to `date`. Partial dates are honest: an observation that
 * may fall either side of `date` goes to `uncertain`, not into the answer,
 * and so does the rest of its stock series, whose latest value is then open.
 *
 * @param observations - the observations (not changed)
 * @param date - the as-of date (partial allowed)
 * @param options - `indicators` for stock vs flow
 * @returns `{ observations, uncertain, undated }`
 *
 * @example
 * ```ts
 * import { latestAsOf, parseObservations } from "policy-eval";
 * const observations = parseObservations([
 *   { id: "june", indicatorId: "records", quantity: "650万条", asOf: "2021-06-30", source: { document: "r" } },
 *   { id: "july", indicatorId: "records", quantity: "698.14万条", asOf: "2021-07-31", source: { document: "r" } },
 * ]);
 * latestAsOf(observations, "2021-08-20").observations.map((o) => o.id); //=> ["july"]
 * latestAsOf(observations, "2021-07").uncertain.map((o) => o.id); //=> ["july", "june"]
 * ```
 */
export function latestAsOf(observations: Iterable<Observation>, date: PartialDate, options?: LatestAsOfOptions | undefined): AsOfSelection {
  const aggregationOf = new Map<string, TimeAggregation>();
  for (const indicator of options?.indicators ?? []) aggregationOf.set(indicator.id, indicator.timeAggregation);
  const [d0, d1] = dayBounds(date);
  const selected: Observation[] = [];
  const uncertain: Observation[] = [];
  const undated: Observation[] = [];
  // per stock series, the candidates certainly on or before the date, in input order
  const series = new Map<string, Observation[]>();
  // stock series with a value that may fall either side of the date
  const openSeries = new Set<string>();
  for (const o of observations) {
    const when = observationDate(o);
    if (when === undefined) {
      undated.push(o);
      continue;
    }
    const [o0, o1] = dayBounds(when);
    if (o0 > d1) continue; // certainly after
    const aggregation = aggregationOf.get(o.indicatorId) ?? "last";
    const stock = STOCK.has(aggregation);
    if (o1 > d0) {
      uncertain.push(o); // may be after
      // A stock value that may count leaves its series open: it may be the latest (or earliest) one.
      if (stock) openSeries.add(seriesKey(o));
      continue;
    }
    if (!stock) {
      selected.push(o);
      continue;
    }
    const key = seriesKey(o);
    const list = series.get(key);
    if (list === undefined) series.set(key, [o]);
    else list.push(o);
  }
  for (const [key, list] of series) {
    const first = aggregationOf.get((list[0] as Observation).indicatorId) === "first";
    const pick = openSeries.has(key) ? undefined : pickExtreme(list, first);
    if (pick === undefined) uncertain.push(...list);
    else selected.push(pick);
  }
  return Object.freeze({ observations: Object.freeze(selected), uncertain: Object.freeze(uncertain), undated: Object.freeze(undated) });
}

/** The observation certainly latest (or earliest) of a series, or undefined when partial dates leave it open. */
function pickExtreme(list: readonly Observation[], earliest: boolean): Observation | undefined {
  let best: Observation | undefined;
  let bestRange: [number, number] = [0, 0];
  for (const o of list) {
    const range = dayBounds(observationDate(o) as PartialDate);
    if (best === undefined || (earliest ? range[1] < bestRange[0] : range[0] > bestRange[1])) {
      best = o;
      bestRange = range;
    }
  }
  // every other candidate must be certainly before (after) the pick, or the very same span
  for (const o of list) {
    if (o === best) continue;
    const [o0, o1] = dayBounds(observationDate(o) as PartialDate);
    const settled = earliest ? o0 > bestRange[1] : o1 < bestRange[0];
    if (!settled) return undefined;
  }
  return best;
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

