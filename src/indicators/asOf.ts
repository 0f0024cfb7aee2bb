/**
 * 截至某日 — the values standing at a date: a stock keeps the latest value of
 * each series, a flow every value up to the date, and a partial date that
 * cannot settle which side of the date a value falls is said, not guessed.
 *
 * @module
 */
import { dayBounds, type PartialDate } from "../dates/partialDate.js";
import type { Indicator, Observation, TimeAggregation } from "./schemas.js";


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

/** The series an observation belongs to: indicator × area × department × dimensions. @internal */
export function seriesKey(o: Observation): string {
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

/** The observation certainly latest (or earliest) of a series, or undefined when partial dates leave it open. @internal */
export function pickExtreme(list: readonly Observation[], earliest: boolean): Observation | undefined {
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
