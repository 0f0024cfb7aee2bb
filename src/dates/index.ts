export {
  compareDates,
  datePrecision,
  earliestDay,
  isDateAfter,
  isDateBefore,
  isDateOnOrAfter,
  isDateOnOrBefore,
  isPartialDate,
  isSameDate,
  latestDay,
  parsePartialDate,
  safeParsePartialDate,
  shiftDate,
  shiftDateRange,
  toDateRange,
  type CalendarDate,
  type DatePrecision,
  type DateRange,
  type PartialDate,
} from "./partialDate.js";
export type { TriState } from "./triState.js";
export { parseChineseDate, safeParseChineseDate, type ParseChineseDateOptions } from "./parseChineseDate.js";
export { formatChineseDate } from "./formatChineseDate.js";
export { daysInMonth, isLeapYear } from "./calendar.js";
