/**
 * Partial calendar dates: `'2017'`, `'2017-09'`, `'2017-09-15'`. Reports often
 * give only a month (清府办〔2017〕59号 was issued "2017年9月"); the precision is
 * kept, and a question it cannot settle is answered `'uncertain'`.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { addMonthsToDay, daysInMonth, fromDayNumber, type DayNumber } from "./calendar.js";
import { compareSpans, firstDayOf, isPartialDateText, lastDayOf, spanBefore, spanOnOrBefore, spanSameDay } from "./daySpan.js";
import { fromTriCode, type TriState } from "./triState.js";

// Kept importable from here: the corpus module imports TriState from this file.
export type { TriState } from "./triState.js";

/** 日期 — a full calendar date `YYYY-MM-DD`. */
export type CalendarDate = `${number}-${number}-${number}`;

/** 部分日期 — a date known to the year (`YYYY`), the month (`YYYY-MM`) or the day (`YYYY-MM-DD`). */
export type PartialDate = `${number}` | `${number}-${number}` | CalendarDate;

/** 日期精度 — how much of a {@link PartialDate} is known. */
export type DatePrecision = "year" | "month" | "day";

/** The span of days a partial date may stand for, both ends included. */
export interface DateRange {
  /** The first day it may be. */
  readonly earliest: CalendarDate;
  /** The last day it may be. */
  readonly latest: CalendarDate;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats fields as a partial date (year must be 4 digits). @internal */
export function formatPartialDate(year: number, month?: number, day?: number): PartialDate {
  const y = String(year).padStart(4, "0");
  if (month === undefined) return y as PartialDate;
  if (day === undefined) return `${y}-${pad2(month)}` as PartialDate;
  return `${y}-${pad2(month)}-${pad2(day)}` as CalendarDate;
}

/** Formats a day number as `YYYY-MM-DD`. @internal */
export function formatDayNumber(dayNumber: DayNumber): CalendarDate {
  const { year, month, day } = fromDayNumber(dayNumber);
  return formatPartialDate(year, month, day) as CalendarDate;
}

/**
 * Whether a value is a valid partial date (2021-02-29 is not), checked
 * without allocating: the hot path of a catalogue of a million documents.
 *
 * @param value - anything
 * @returns true for `'2017'`, `'2017-09'`, `'2024-02-29'`
 *
 * @example
 * ```ts
 * import { isPartialDate } from "policy-eval";
 * isPartialDate("2017-09"); //=> true
 * isPartialDate("2021-02-29"); //=> false
 * ```
 */
export function isPartialDate(value: unknown): value is PartialDate {
  return typeof value === "string" && isPartialDateText(value);
}

/**
 * Checks a partial date and returns its issues (none if valid).
 * @internal
 */
export function partialDateIssues(value: unknown, path: IssuePath = []): PolicyEvalIssue[] {
  if (isPartialDate(value)) return [];
  if (typeof value !== "string") {
    return [
      createIssue("invalid-date", path, {
        "zh-CN": `日期应为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的字符串，实际为 ${typeof value}`,
        en: `A date must be a string YYYY, YYYY-MM or YYYY-MM-DD, received ${typeof value}`,
      }),
    ];
  }
  return [
    createIssue(
      "invalid-date",
      path,
      {
        "zh-CN": `日期无效：${JSON.stringify(value)}（应为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的真实日期）`,
        en: `Invalid date: ${JSON.stringify(value)} (expected a real date YYYY, YYYY-MM or YYYY-MM-DD)`,
      },
      { params: { value } },
    ),
  ];
}


/**
 * Validates a partial date, returning it or the issue.
 *
 * @param text - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeParsePartialDate } from "policy-eval";
 * safeParsePartialDate("2021-02-29").success; //=> false
 * ```
 */
export function safeParsePartialDate(text: string): SafeResult<PartialDate> {
  const issues = partialDateIssues(text);
  if (issues.length > 0) return { success: false, error: new PolicyEvalError(issues) };
  return { success: true, data: text as PartialDate };
}

/**
 * Validates a partial date.
 *
 * @param text - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @returns the same text, typed
 * @throws {@link PolicyEvalError} `invalid-date` for 2021-02-29, 2021-13, 17-09 …
 *
 * @example
 * ```ts
 * import { parsePartialDate } from "policy-eval";
 * parsePartialDate("2017-09"); //=> "2017-09"
 * ```
 */
export function parsePartialDate(text: string): PartialDate {
  if (isPartialDate(text)) return text;
  const result = safeParsePartialDate(text);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * How much of a partial date is known.
 *
 * @param date - a valid partial date
 * @returns `'year'`, `'month'` or `'day'`
 *
 * @example
 * ```ts
 * import { datePrecision } from "policy-eval";
 * datePrecision("2017-09"); //=> "month"
 * ```
 */
export function datePrecision(date: PartialDate): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/**
 * The first and last day numbers a partial date may stand for (see
 * src/dates/daySpan.ts). Assumes a valid date.
 * @internal
 */
export function dayBounds(date: PartialDate): [DayNumber, DayNumber] {
  const first = firstDayOf(date);
  return [first, lastDayOf(date, first)];
}

/**
 * The first day a partial date may stand for.
 *
 * @param date - a valid partial date
 * @returns `'2017-09-01'` for `'2017-09'`
 *
 * @example
 * ```ts
 * import { earliestDay } from "policy-eval";
 * earliestDay("2017-09"); //=> "2017-09-01"
 * ```
 */
export function earliestDay(date: PartialDate): CalendarDate {
  return formatDayNumber(dayBounds(parsePartialDate(date))[0]);
}

/**
 * The last day a partial date may stand for.
 *
 * @param date - a valid partial date
 * @returns `'2024-02-29'` for `'2024-02'`
 *
 * @example
 * ```ts
 * import { latestDay } from "policy-eval";
 * latestDay("2024-02"); //=> "2024-02-29"
 * latestDay("2017"); //=> "2017-12-31"
 * ```
 */
export function latestDay(date: PartialDate): CalendarDate {
  return formatDayNumber(dayBounds(parsePartialDate(date))[1]);
}

/**
 * The span of days a partial date may stand for.
 *
 * @param date - a valid partial date
 * @returns `{ earliest, latest }`
 *
 * @example
 * ```ts
 * import { toDateRange } from "policy-eval";
 * toDateRange("2017-09"); //=> { earliest: "2017-09-01", latest: "2017-09-30" }
 * ```
 */
export function toDateRange(date: PartialDate): DateRange {
  const [a, b] = dayBounds(parsePartialDate(date));
  return { earliest: formatDayNumber(a), latest: formatDayNumber(b) };
}

/**
 * Compares two partial dates.
 *
 * @param a - a partial date
 * @param b - a partial date
 * @returns -1 if every day of `a` is before every day of `b`, 1 if after, 0
 *   if both are the same single day, `'uncertain'` when their spans overlap
 *   (`'2017-09'` vs `'2017-09-15'`)
 *
 * @example
 * ```ts
 * import { compareDates } from "policy-eval";
 * compareDates("2017-09", "2017-10-01"); //=> -1
 * compareDates("2017-09", "2017-09-15"); //=> "uncertain"
 * ```
 */
export function compareDates(a: PartialDate, b: PartialDate): -1 | 0 | 1 | "uncertain" {
  const [a0, a1] = dayBounds(parsePartialDate(a));
  const [b0, b1] = dayBounds(parsePartialDate(b));
  return compareSpans(a0, a1, b0, b1);
}

/**
 * Whether `a` is before `b`: `true` or `false` when the precision settles it,
 * `'uncertain'` otherwise.
 *
 * @param a - a partial date
 * @param b - a partial date
 * @returns true, false or `'uncertain'`
 *
 * @example
 * ```ts
 * import { isDateBefore } from "policy-eval";
 * isDateBefore("2017-09", "2018"); //=> true
 * isDateBefore("2017-09", "2017-09-15"); //=> "uncertain"
 * isDateBefore("2017-09-30", "2017-09"); //=> false
 * ```
 */
export function isDateBefore(a: PartialDate, b: PartialDate): TriState {
  const [a0, a1] = dayBounds(parsePartialDate(a));
  const [b0, b1] = dayBounds(parsePartialDate(b));
  return fromTriCode(spanBefore(a0, a1, b0, b1));
}

/**
 * Whether `a` is after `b` (see {@link isDateBefore}).
 *
 * @param a - a partial date
 * @param b - a partial date
 * @returns true, false or `'uncertain'`
 *
 * @example
 * ```ts
 * import { isDateAfter } from "policy-eval";
 * isDateAfter("2021-08-20", "2017-09"); //=> true
 * ```
 */
export function isDateAfter(a: PartialDate, b: PartialDate): TriState {
  return isDateBefore(b, a);
}

/**
 * Whether `a` is on or before `b` (see {@link isDateBefore}).
 *
 * @param a - a partial date
 * @param b - a partial date
 * @returns true, false or `'uncertain'`
 *
 * @example
 * ```ts
 * import { isDateOnOrBefore } from "policy-eval";
 * isDateOnOrBefore("2017-09-30", "2017-09"); //=> "uncertain"
 * isDateOnOrBefore("2017-09-01", "2017-09"); //=> true
 * ```
 */
export function isDateOnOrBefore(a: PartialDate, b: PartialDate): TriState {
  const [a0, a1] = dayBounds(parsePartialDate(a));
  const [b0, b1] = dayBounds(parsePartialDate(b));
  return fromTriCode(spanOnOrBefore(a0, a1, b0, b1));
}

/**
 * Whether `a` is on or after `b` (see {@link isDateBefore}).
 *
 * @param a - a partial date
 * @param b - a partial date
 * @returns true, false or `'uncertain'`
 *
 * @example
 * ```ts
 * import { isDateOnOrAfter } from "policy-eval";
 * isDateOnOrAfter("2021-08-20", "2021"); //=> "uncertain"
 * ```
 */
export function isDateOnOrAfter(a: PartialDate, b: PartialDate): TriState {
  return isDateOnOrBefore(b, a);
}

/**
 * Whether two partial dates are the same day.
 *
 * @param a - a partial date
 * @param b - a partial date
 * @returns true only for the same full date, false when the spans do not
 *   overlap, `'uncertain'` otherwise
 *
 * @example
 * ```ts
 * import { isSameDate } from "policy-eval";
 * isSameDate("2017-09", "2017-09-15"); //=> "uncertain"
 * isSameDate("2017-09", "2017-10"); //=> false
 * ```
 */
export function isSameDate(a: PartialDate, b: PartialDate): TriState {
  const [a0, a1] = dayBounds(parsePartialDate(a));
  const [b0, b1] = dayBounds(parsePartialDate(b));
  return fromTriCode(spanSameDay(a0, a1, b0, b1));
}

/**
 * Shifts a partial date by whole months and years, keeping its precision
 * where the result is still one partial date (`'2017-09'` + 5 years =
 * `'2022-09'`). A year-precision date shifted by months has no such form and
 * gives a {@link DateRange}-shaped answer through {@link shiftDateRange}.
 *
 * @param date - a valid partial date
 * @param shift - `{ years?, months? }`, negative to go back
 * @returns the shifted partial date, or `undefined` when the result is not
 *   one partial date
 *
 * @example
 * ```ts
 * import { shiftDate } from "policy-eval";
 * shiftDate("2017-09", { years: 5 }); //=> "2022-09"
 * shiftDate("2022-08-31", { months: -6 }); //=> "2022-02-28"
 * shiftDate("2022", { months: -6 }); //=> undefined
 * ```
 */
export function shiftDate(date: PartialDate, shift: { readonly years?: number; readonly months?: number }): PartialDate | undefined {
  parsePartialDate(date);
  const months = (shift.years ?? 0) * 12 + (shift.months ?? 0);
  const year = Number(date.slice(0, 4));
  if (date.length === 4) return months % 12 === 0 ? formatPartialDate(year + months / 12) : undefined;
  const total = year * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (date.length === 7) return formatPartialDate(y, m);
  return formatPartialDate(y, m, Math.min(Number(date.slice(8, 10)), daysInMonth(y, m)));
}

/**
 * Shifts every day a partial date may stand for by whole months, and
 * returns the span of the results.
 *
 * @param date - a valid partial date
 * @param months - months to add (negative to go back)
 * @returns `{ earliest, latest }`
 *
 * @example
 * ```ts
 * import { shiftDateRange } from "policy-eval";
 * shiftDateRange("2022", -6); //=> { earliest: "2021-07-01", latest: "2022-06-30" }
 * ```
 */
export function shiftDateRange(date: PartialDate, months: number): DateRange {
  const [a, b] = dayBounds(parsePartialDate(date));
  return { earliest: formatDayNumber(addMonthsToDay(a, months)), latest: formatDayNumber(addMonthsToDay(b, months)) };
}
