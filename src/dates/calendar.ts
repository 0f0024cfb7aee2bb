/**
 * Calendar arithmetic on whole days, with no `Date` object and no time zone:
 * a day is an integer count of days since 1970-01-01 in the proleptic
 * Gregorian calendar. Pure integer maths (H. Hinnant's civil-date algorithms),
 * so no result can depend on the machine's time zone, and 1M conversions cost
 * a few milliseconds.
 *
 * @module
 */

/** 日序 — a calendar day as the number of days since 1970-01-01 (may be negative). @internal */
export type DayNumber = number;

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @param year - the year
 * @returns true for 2020 and 2000, false for 2021 and 1900
 *
 * @example
 * ```ts
 * import { isLeapYear } from "policy-eval";
 * isLeapYear(2020); //=> true
 * isLeapYear(1900); //=> false
 * ```
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month.
 *
 * @param year - the year
 * @param month - 1–12
 * @returns 28–31
 *
 * @example
 * ```ts
 * import { daysInMonth } from "policy-eval";
 * daysInMonth(2021, 2); //=> 28
 * daysInMonth(2024, 2); //=> 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a calendar day (no validation: callers pass a real date).
 *
 * @param year - the year
 * @param month - 1–12
 * @param day - 1–31
 * @returns days since 1970-01-01
 * @internal
 */
export function toDayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A calendar day split into its fields. @internal */
export interface CivilDay {
  /** The year. */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

/**
 * The calendar day of a day number.
 *
 * @param dayNumber - days since 1970-01-01
 * @returns year, month and day
 * @internal
 */
export function fromDayNumber(dayNumber: DayNumber): CivilDay {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Adds calendar months to a day, clamping to the month's last day the way
 * date-fns `addMonths` does (2021-08-31 + 6 months = 2022-02-28).
 *
 * @param dayNumber - the day
 * @param months - months to add (negative to subtract)
 * @returns the shifted day
 * @internal
 */
export function addMonthsToDay(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = fromDayNumber(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return toDayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}
