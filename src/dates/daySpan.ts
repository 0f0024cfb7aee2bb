/**
 * 日期区间 — the span of days a partial date may stand for, and the
 * three-valued comparisons of such spans. The one place that turns
 * `'2017'`, `'2017-09'` or `'2017-09-15'` into day numbers:
 *
 * | text | first day | last day |
 * |---|---|---|
 * | `YYYY` | 1 January | 31 December |
 * | `YYYY-MM` | the 1st | the month's last day (28, 29, 30 or 31: leap years by the Gregorian rule) |
 * | `YYYY-MM-DD` | that day | that day |
 *
 * Day numbers count days since 1970-01-01 (src/dates/calendar.ts). A span
 * whose ends are `NaN` stands for a date not known at all: every comparison
 * with it answers uncertain. Comparisons take the four ends as numbers, so
 * that code holding spans in parallel arrays (a catalogue of a million
 * documents) compares without allocating; they answer a {@link TriCode}.
 *
 * @module
 * @internal
 */
import { daysInMonth, isLeapYear, toDayNumber, type DayNumber } from "./calendar.js";
import { TRI_FALSE, TRI_TRUE, TRI_UNCERTAIN, type TriCode } from "./triState.js";

/** 日期区间 — the first and last day a partial date may stand for, both included. @internal */
export type DaySpan = readonly [first: DayNumber, last: DayNumber];

const DASH = 45;
const ZERO = 48;

/** The number written by two ASCII digits at `at`, or a negative number if one is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The one parser: the fields of a partial date packed in one number,
 * `year × 10000 + month × 100 + day` (month and day 0 when the text does not
 * give them), or -1 when the text is not a real partial date — 4 digits,
 * then optionally `-` and a month 01–12, then optionally `-` and a day that
 * exists in that month (2021-02-29 does not). One pass, no allocation.
 */
function scanPartialDate(text: string): number {
  const n = text.length;
  if (n !== 4 && n !== 7 && n !== 10) return -1;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  if (century < 0 || yy < 0) return -1;
  const year = century * 100 + yy;
  if (n === 4) return year * 10000;
  const month = text.charCodeAt(4) === DASH ? twoDigits(text, 5) : -1;
  if (month < 1 || month > 12) return -1;
  if (n === 7) return year * 10000 + month * 100;
  const day = text.charCodeAt(7) === DASH ? twoDigits(text, 8) : -1;
  return day >= 1 && day <= daysInMonth(year, month) ? year * 10000 + month * 100 + day : -1;
}

/** The first day of packed fields (see scanPartialDate). */
function firstDayOfFields(fields: number): DayNumber {
  const year = Math.floor(fields / 10000);
  const month = Math.floor(fields / 100) % 100;
  const day = fields % 100;
  return toDayNumber(year, month === 0 ? 1 : month, day === 0 ? 1 : day);
}

/** The last day of packed fields, given their first day: 31 December of a year, a month's last day, the day itself. */
function lastDayOfFields(fields: number, first: DayNumber): DayNumber {
  const year = Math.floor(fields / 10000);
  const month = Math.floor(fields / 100) % 100;
  if (month === 0) return first + (isLeapYear(year) ? 365 : 364);
  if (fields % 100 === 0) return first + daysInMonth(year, month) - 1;
  return first;
}

/** Whether a text is a real partial date (see the table above; 2021-02-29 is not). No allocation. @internal */
export function isPartialDateText(text: string): boolean {
  return scanPartialDate(text) >= 0;
}

/** The first day a valid partial date may stand for. No allocation. @internal */
export function firstDayOf(date: string): DayNumber {
  return firstDayOfFields(scanPartialDate(date));
}

/**
 * The last day a valid partial date may stand for: 31 December of a year,
 * the last day of a month (29 February in a leap year), the day itself.
 * `first` (its first day) spares recomputing it. No allocation.
 * @internal
 */
export function lastDayOf(date: string, first: DayNumber = firstDayOf(date)): DayNumber {
  return lastDayOfFields(scanPartialDate(date), first);
}

/** The span of a valid partial date. @internal */
export function daySpanOf(date: string): DaySpan {
  return parseDaySpan(date) as DaySpan;
}

/**
 * The span of a partial date, or undefined when the value is not one (not a
 * string, or not a real date): the checking parser, for values read from
 * users (fact values, evaluation dates). One pass over the text.
 * @internal
 */
export function parseDaySpan(value: unknown): DaySpan | undefined {
  if (typeof value !== "string") return undefined;
  const fields = scanPartialDate(value);
  if (fields < 0) return undefined;
  const first = firstDayOfFields(fields);
  return [first, lastDayOfFields(fields, first)];
}

/** Whether every day of span a is before every day of span b: false when none is, uncertain otherwise. @internal */
export function spanBefore(aFirst: DayNumber, aLast: DayNumber, bFirst: DayNumber, bLast: DayNumber): TriCode {
  if (aLast < bFirst) return TRI_TRUE;
  if (aFirst >= bLast) return TRI_FALSE;
  return TRI_UNCERTAIN;
}

/** Whether every day of span a is on or before every day of span b (the negation of b before a). @internal */
export function spanOnOrBefore(aFirst: DayNumber, aLast: DayNumber, bFirst: DayNumber, bLast: DayNumber): TriCode {
  if (aLast <= bFirst) return TRI_TRUE;
  if (aFirst > bLast) return TRI_FALSE;
  return TRI_UNCERTAIN;
}

/** Whether spans a and b are the same day: true only for two equal single days, false when they do not overlap. @internal */
export function spanSameDay(aFirst: DayNumber, aLast: DayNumber, bFirst: DayNumber, bLast: DayNumber): TriCode {
  if (aLast < bFirst || aFirst > bLast) return TRI_FALSE;
  return aFirst === aLast && bFirst === bLast ? TRI_TRUE : TRI_UNCERTAIN;
}

/** -1 when span a is wholly before b, 1 when wholly after, 0 when both are the same single day, `'uncertain'` otherwise. @internal */
export function compareSpans(aFirst: DayNumber, aLast: DayNumber, bFirst: DayNumber, bLast: DayNumber): -1 | 0 | 1 | "uncertain" {
  if (aLast < bFirst) return -1;
  if (aFirst > bLast) return 1;
  return spanSameDay(aFirst, aLast, bFirst, bLast) === TRI_TRUE ? 0 : "uncertain";
}
