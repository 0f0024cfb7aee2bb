/**
 * 数据检查 — checks observations against the evaluation date and their
 * indicators: a number dated after the evaluation is an error, one older than
 * a configurable age a warning, partial dates give "possibly" findings rather
 * than guesses; units, dimensions and values must fit the indicator.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type LocalizedMessage, type PolicyEvalIssue } from "../errors.js";
import { addMonthsToDay } from "../dates/calendar.js";
import { parseChineseDate } from "../dates/parseChineseDate.js";
import { dayBounds, parsePartialDate, type CalendarDate, type PartialDate } from "../dates/partialDate.js";
import { unitMismatchIssue } from "../quantities/arithmetic.js";
import { pow10 } from "../quantities/decimal.js";
import { unitKind } from "../quantities/units.js";
import { observationDate } from "./asOf.js";
import { issueAt } from "../schema-issues.js";
import type { Indicator, Observation } from "./schemas.js";

/** Options of {@link checkObservations}. */
export interface CheckObservationsOptions {
  /** 评估日期 — the date of the evaluation (partial allowed). */
  readonly evaluationDate: PartialDate;
  /** An observation older than this many months before the evaluation is stale (a warning). Default 12. */
  readonly maxAgeMonths?: number | undefined;
  /** The indicators, to check units, dimensions and values. */
  readonly indicators?: Iterable<Indicator> | undefined;
}

/** The findings of {@link checkObservations}. */
export interface ObservationCheck {
  /** True when there is no error (warnings allowed). */
  readonly valid: boolean;
  /** Every finding, errors and warnings, with the path `[index, field]`. */
  readonly issues: readonly PolicyEvalIssue[];
}

function finding(
  code: string,
  path: IssuePath,
  messages: LocalizedMessage,
  severity: "error" | "warning",
  params: Record<string, unknown>,
): PolicyEvalIssue {
  return createIssue(code, path, messages, { severity, params });
}

/**
 * 检查数据 — checks every observation and returns every finding at once:
 *
 * - `observation-after-evaluation` (error): dated after the evaluation date;
 *   `observation-possibly-after-evaluation` (warning) when partial dates
 *   cannot tell (`'2021-07'` against `'2021-07-15'`)
 * - `stale-observation` (warning): older than `maxAgeMonths` (default 12)
 *   before the evaluation; `observation-possibly-stale` when partial dates cannot tell
 * - `undated-observation` (warning): no date, e.g. 截止目前 without a report date
 * - with `indicators`: `unknown-indicator`, `unit-mismatch`, `missing-value`,
 *   `unexpected-value` (a number for a qualitative indicator), `unknown-dimension`,
 *   `unknown-dimension-option` (errors) and `fractional-count` (warning)
 *
 * @param observations - the observations (not changed)
 * @param options - `evaluationDate`, `maxAgeMonths`, `indicators`
 * @returns `{ valid, issues }`
 * @throws {@link PolicyEvalError} `invalid-date` for a bad evaluation date, `invalid-value` for a bad `maxAgeMonths`
 *
 * @example
 * ```ts
 * import { checkObservations, parseObservations } from "policy-eval";
 * const observations = parseObservations([
 *   { id: "a", indicatorId: "records", quantity: "698.14万条", asOf: "2021-07-31", source: { document: "r" } },
 *   { id: "b", indicatorId: "records", quantity: "700万条", asOf: "2021-09-30", source: { document: "r" } },
 * ]);
 * const check = checkObservations(observations, { evaluationDate: "2021-08-20" });
 * [check.valid, check.issues.map((i) => i.code)]; //=> [false, ["observation-after-evaluation"]]
 * ```
 */
export function checkObservations(observations: Iterable<Observation>, options: CheckObservationsOptions): ObservationCheck {
  const evaluationDate = parsePartialDate(options.evaluationDate);
  const maxAge = options.maxAgeMonths ?? 12;
  if (!Number.isSafeInteger(maxAge) || maxAge < 0) {
    throw new PolicyEvalError([
      createIssue(
        "invalid-value",
        ["maxAgeMonths"],
        { "zh-CN": `maxAgeMonths 应为非负整数，实际为 ${String(maxAge)}`, en: `maxAgeMonths must be a non-negative integer, received ${String(maxAge)}` },
        { params: { maxAgeMonths: maxAge } },
      ),
    ]);
  }
  const [e0, e1] = dayBounds(evaluationDate);
  // the oldest acceptable day, for the earliest and the latest day the evaluation may be
  const t0 = addMonthsToDay(e0, -maxAge);
  const t1 = addMonthsToDay(e1, -maxAge);
  const indicators = new Map<string, Indicator>();
  for (const indicator of options.indicators ?? []) indicators.set(indicator.id, indicator);
  const issues: PolicyEvalIssue[] = [];
  let index = 0;
  for (const o of observations) {
    const when = observationDate(o);
    const field = o.asOf !== undefined ? "asOf" : "period";
    const params = { observationId: o.id, date: when, evaluationDate };
    if (when === undefined) {
      const text = o.asOfText === undefined ? "" : `（${o.asOfText}）`;
      const textEn = o.asOfText === undefined ? "" : ` (${JSON.stringify(o.asOfText)})`;
      issues.push(
        finding(
          "undated-observation",
          [index, "asOf"],
          { "zh-CN": `数据 ${JSON.stringify(o.id)} 没有日期${text}，无法判断是否过期`, en: `Observation ${JSON.stringify(o.id)} has no date${textEn}; its age is unknown` },
          "warning",
          { observationId: o.id, asOfText: o.asOfText },
        ),
      );
    } else {
      const [o0, o1] = dayBounds(when);
      if (o0 > e1) {
        issues.push(
          finding(
            "observation-after-evaluation",
            [index, field],
            { "zh-CN": `数据 ${JSON.stringify(o.id)} 的日期 ${when} 晚于评估日期 ${evaluationDate}`, en: `Observation ${JSON.stringify(o.id)} is dated ${when}, after the evaluation date ${evaluationDate}` },
            "error",
            params,
          ),
        );
      } else if (o1 > e0) {
        // only some of the days both dates may stand for put the observation after the evaluation
        issues.push(
          finding(
            "observation-possibly-after-evaluation",
            [index, field],
            {
              "zh-CN": `数据 ${JSON.stringify(o.id)} 的日期 ${when} 可能晚于评估日期 ${evaluationDate}（日期不完整，无法确定）`,
              en: `Observation ${JSON.stringify(o.id)} dated ${when} may be after the evaluation date ${evaluationDate} (partial dates)`,
            },
            "warning",
            params,
          ),
        );
      }
      const ageParams = { ...params, maxAgeMonths: maxAge };
      if (o1 < t0) {
        issues.push(
          finding(
            "stale-observation",
            [index, field],
            {
              "zh-CN": `数据 ${JSON.stringify(o.id)} 的日期 ${when} 早于评估日期前 ${maxAge} 个月`,
              en: `Observation ${JSON.stringify(o.id)} dated ${when} is more than ${maxAge} months older than the evaluation date ${evaluationDate}`,
            },
            "warning",
            ageParams,
          ),
        );
      } else if (o0 < t1) {
        issues.push(
          finding(
            "observation-possibly-stale",
            [index, field],
            {
              "zh-CN": `数据 ${JSON.stringify(o.id)} 的日期 ${when} 可能早于评估日期前 ${maxAge} 个月（日期不完整，无法确定）`,
              en: `Observation ${JSON.stringify(o.id)} dated ${when} may be more than ${maxAge} months old (partial dates)`,
            },
            "warning",
            ageParams,
          ),
        );
      }
    }
    if (options.indicators !== undefined) issues.push(...indicatorFindings(o, indicators.get(o.indicatorId), index));
    index++;
  }
  return Object.freeze({ valid: !issues.some((i) => i.severity === "error"), issues: Object.freeze(issues) });
}

function indicatorFindings(o: Observation, indicator: Indicator | undefined, index: number): PolicyEvalIssue[] {
  const out: PolicyEvalIssue[] = [];
  if (indicator === undefined) {
    out.push(
      finding(
        "unknown-indicator",
        [index, "indicatorId"],
        { "zh-CN": `未知指标：${JSON.stringify(o.indicatorId)}`, en: `Unknown indicator ${JSON.stringify(o.indicatorId)}` },
        "error",
        { observationId: o.id, indicatorId: o.indicatorId },
      ),
    );
    return out;
  }
  const q = o.quantity;
  if (indicator.measureType === "qualitative") {
    if (q !== undefined) {
      out.push(
        finding(
          "unexpected-value",
          [index, "quantity"],
          { "zh-CN": `定性指标 ${indicator.id} 的数据不应有数值`, en: `Indicator ${indicator.id} is qualitative: no value expected` },
          "error",
          { observationId: o.id },
        ),
      );
    }
  } else if (q === undefined) {
    if (o.status !== "missing") {
      out.push(
        finding(
          "missing-value",
          [index, "quantity"],
          { "zh-CN": `数据 ${JSON.stringify(o.id)} 缺少数值`, en: `Observation ${JSON.stringify(o.id)} has no value` },
          "error",
          { observationId: o.id },
        ),
      );
    }
  } else if (indicator.unit !== undefined && q.unit !== indicator.unit) {
    out.push(unitMismatchIssue("compare", indicator.unit, q.unit, [index, "quantity", "unit"]));
  } else if (unitKind(q.unit) === "count" && q.value.coefficient % pow10(q.value.scale) !== 0n) {
    out.push(
      finding(
        "fractional-count",
        [index, "quantity"],
        { "zh-CN": `计数 ${q.value.toString()}${q.unit} 不是整数`, en: `The count ${q.value.toString()} ${q.unit} is not a whole number` },
        "warning",
        { observationId: o.id, value: q.value.toString() },
      ),
    );
  }
  for (const [dimension, option] of Object.entries(o.dimensions)) {
    const declared = indicator.dimensions.find((d) => d.id === dimension);
    if (declared === undefined) {
      out.push(
        finding(
          "unknown-dimension",
          [index, "dimensions", dimension],
          { "zh-CN": `指标 ${indicator.id} 没有维度 ${JSON.stringify(dimension)}`, en: `Indicator ${indicator.id} has no dimension ${JSON.stringify(dimension)}` },
          "error",
          { observationId: o.id, dimension },
        ),
      );
    } else if (!declared.options.some((opt) => opt.id === option)) {
      out.push(
        finding(
          "unknown-dimension-option",
          [index, "dimensions", dimension],
          {
            "zh-CN": `维度 ${dimension} 没有选项 ${JSON.stringify(option)}`,
            en: `Dimension ${dimension} has no option ${JSON.stringify(option)}`,
          },
          "error",
          { observationId: o.id, dimension, option },
        ),
      );
    }
  }
  return out;
}

/** Options of {@link resolveObservationDates}. */
export interface ResolveDatesOptions {
  /** 报告日期 — the full date the report speaks from (截止目前 = this date). */
  readonly referenceDate: CalendarDate;
}

/** The result of {@link resolveObservationDates}. */
export interface ResolvedObservations {
  /** The observations, those that could be dated with `asOf` set (new objects; the input is not changed). */
  readonly observations: readonly Observation[];
  /** One issue per `asOfText` that could not be read (`unreadable-date` …), path `[index, "asOfText"]`. */
  readonly issues: readonly PolicyEvalIssue[];
}

/**
 * 确定截止日期 — dates the observations that carry only the report's own
 * expression (`截止目前`, `截至7月末`) once the report date is known, with
 * {@link parseChineseDate}. Observations that already have a date are kept
 * as they are.
 *
 * @param observations - the observations (not changed)
 * @param options - `referenceDate`
 * @returns `{ observations, issues }`
 *
 * @example
 * ```ts
 * import { parseObservations, resolveObservationDates } from "policy-eval";
 * const observations = parseObservations([
 *   { id: "stations", indicatorId: "stations", quantity: "7家", asOfText: "截止目前", source: { document: "r" } },
 *   { id: "loans", indicatorId: "loans", quantity: "5011笔", asOfText: "截至7月末", source: { document: "r" } },
 * ]);
 * resolveObservationDates(observations, { referenceDate: "2021-08-20" }).observations.map((o) => o.asOf);
 * //=> ["2021-08-20", "2021-07-31"]
 * ```
 */
export function resolveObservationDates(observations: readonly Observation[], options: ResolveDatesOptions): ResolvedObservations {
  const issues: PolicyEvalIssue[] = [];
  const out = observations.map((o, index) => {
    if (o.asOf !== undefined || o.period !== undefined || o.asOfText === undefined) return o;
    try {
      return Object.freeze({ ...o, asOf: parseChineseDate(o.asOfText, { referenceDate: options.referenceDate }) });
    } catch (error) {
      if (!(error instanceof PolicyEvalError)) throw error;
      for (const issue of error.issues) {
        issues.push(issueAt(issue, [index, "asOfText"]));
      }
      return o;
    }
  });
  return Object.freeze({ observations: Object.freeze(out), issues: Object.freeze(issues) });
}
