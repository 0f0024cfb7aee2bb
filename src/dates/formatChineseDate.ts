/**
 * Writes a partial date the way Chinese official documents do: 2017年9月,
 * 2021年6月1日 (GB/T 9704-2012 uses Arabic numerals for dates).
 *
 * @module
 */
import { format } from "date-fns";
import { parsePartialDate, type PartialDate } from "./partialDate.js";

/**
 * 中文日期 — `'2017-09'` → `2017年9月`, `'2021-06-01'` → `2021年6月1日`,
 * `'2016'` → `2016年`. The precision of the date is kept: nothing is added.
 *
 * @param date - a valid partial date
 * @returns the Chinese form
 * @throws {@link PolicyEvalError} `invalid-date`
 *
 * @example
 * ```ts
 * import { formatChineseDate } from "policy-eval";
 * formatChineseDate("2017-09"); //=> "2017年9月"
 * formatChineseDate("2021-06-01"); //=> "2021年6月1日"
 * formatChineseDate("2016"); //=> "2016年"
 * ```
 */
export function formatChineseDate(date: PartialDate): string {
  const valid = parsePartialDate(date);
  const year = Number(valid.slice(0, 4));
  const month = valid.length >= 7 ? Number(valid.slice(5, 7)) : 1;
  const day = valid.length === 10 ? Number(valid.slice(8, 10)) : 1;
  // A local date at noon, formatted from its local fields: the same calendar day in every time zone.
  const local = new Date(year, month - 1, day, 12);
  local.setFullYear(year); // years below 100 would otherwise be read as 19xx
  return format(local, valid.length === 4 ? "yyyy年" : valid.length === 7 ? "yyyy年M月" : "yyyy年M月d日");
}
