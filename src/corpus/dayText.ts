/**
 * Day numbers back to text, for answers and messages. A sweep over a million
 * documents formats the same few thousand days again and again, so the texts
 * are remembered.
 *
 * @module
 * @internal
 */
import { formatDayNumber, type CalendarDate, type DateRange, type PartialDate } from "../dates/partialDate.js";

/** How much of `YYYY-MM-DD` a text keeps: the year, the month or the whole day. */
type TextLength = 4 | 7 | 10;

/** Cached texts, keyed by {@link cacheKey}; cleared when full, so it never holds more than CACHE_LIMIT. */
const DAY_TEXT = new Map<number, string>();
const CACHE_LIMIT = 1 << 16;

/** One number for (day, length): the length fits in the low four bits. */
function cacheKey(day: number, length: TextLength): number {
  return day * 16 + length;
}

/**
 * formatDayNumber, remembered. With a length of 7 or 4, the day's month
 * (`YYYY-MM`) or year. @internal
 */
export function dayText(day: number): CalendarDate;
/** @internal */
export function dayText(day: number, length: TextLength): PartialDate;
/** @internal */
export function dayText(day: number, length: TextLength = 10): PartialDate {
  const key = cacheKey(day, length);
  let text = DAY_TEXT.get(key);
  if (text === undefined) {
    if (DAY_TEXT.size >= CACHE_LIMIT) DAY_TEXT.clear();
    text = length === 10 ? formatDayNumber(day) : formatDayNumber(day).slice(0, length);
    DAY_TEXT.set(key, text);
  }
  return text as PartialDate;
}

/** A day span as calendar dates (from the cache); undefined when unknown (NaN). @internal */
export function dayRange(lo: number, hi: number): DateRange | undefined {
  return Number.isNaN(lo) ? undefined : { earliest: dayText(lo), latest: dayText(hi) };
}

/** A day span for a message: one day, or `first…last`. @internal */
export function formatDaySpan(lo: number, hi: number): string {
  return lo === hi ? formatDayNumber(lo) : `${formatDayNumber(lo)}…${formatDayNumber(hi)}`;
}
