/**
 * Reads the date expressions of Chinese reports: 2021年6月1日, 2017年9月,
 * 截至7月末, 截止目前, 2019年元月, 2021年12月31日前, with full-width digits and
 * spaces. It never guesses: what it cannot read is a typed error.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type SafeResult } from "../errors.js";
import { daysInMonth } from "./calendar.js";
import { formatPartialDate, parsePartialDate, type CalendarDate, type PartialDate } from "./partialDate.js";

/** Options of {@link parseChineseDate}. */
export interface ParseChineseDateOptions {
  /**
   * 报告日期 — the date the text speaks from. Needed for 截止目前 (= this date)
   * and for a month without a year (截至7月末: the most recent July up to this date).
   */
  readonly referenceDate?: CalendarDate | undefined;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Full-width digits and ideographic space to ASCII; whitespace removed. @internal */
export function normalizeDigitsAndSpace(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (/\s/u.test(ch)) continue;
    else out += ch;
  }
  return out;
}

/** 二〇二一 → 2021 (digit by digit), 十二 → 12, 三十一 → 31; undefined if not a numeral. */
function readNumeral(text: string, digitByDigit: boolean): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (digitByDigit) {
    let n = 0;
    for (const ch of text) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return undefined;
      n = n * 10 + d;
    }
    return text.length > 0 ? n : undefined;
  }
  const m = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (m === null || text.length === 0) return undefined;
  const [, tens, ten, units] = m;
  if (ten === "") return tens === "" || units !== "" ? undefined : CN_DIGITS[tens as string];
  return (tens === "" ? 1 : (CN_DIGITS[tens as string] ?? 0)) * 10 + (units === "" ? 0 : (CN_DIGITS[units as string] ?? 0));
}

const NUM = "(\\d+|[〇零一二两三四五六七八九十]+)";
// 截至 / 截止 / 至 / 到 prefixes; 前 / 以前 / 之前 / 止 / 为止 suffixes mark the same day as a bound.
const PREFIX = "^(?:截至|截止|截止到|截止至|至|到)?";
const SUFFIX = "(?:前|以前|之前|止|为止)?$";
const YMD = new RegExp(`${PREFIX}${NUM}年${NUM}月${NUM}[日号]${SUFFIX}`, "u");
const YM = new RegExp(`${PREFIX}${NUM}年(${NUM.slice(1, -1)}|元|正)月(末|底|份)?${SUFFIX}`, "u");
const Y = new RegExp(`${PREFIX}${NUM}年(末|底|度)?${SUFFIX}`, "u");
const RELATIVE_YM = new RegExp(`${PREFIX}(今年|去年|上年|本年)?${NUM}月(末|底|份)?${SUFFIX}`, "u");
const NOW = /^(?:截至|截止|截止到|至|到)?(?:目前|现在|当前|今|本报告日)(?:为止)?$/u;
const ISO = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/;

function unreadable(text: string): PolicyEvalError {
  return new PolicyEvalError([
    createIssue(
      "unreadable-date",
      [],
      { "zh-CN": `无法识别的日期表述：${JSON.stringify(text)}`, en: `Cannot read the date expression ${JSON.stringify(text)}` },
      { params: { text } },
    ),
  ]);
}

function needsReference(text: string): PolicyEvalError {
  return new PolicyEvalError([
    createIssue(
      "missing-reference-date",
      [],
      {
        "zh-CN": `日期表述 ${JSON.stringify(text)} 需要参考日期（referenceDate）才能确定`,
        en: `The date expression ${JSON.stringify(text)} needs a referenceDate to be settled`,
      },
      { params: { text } },
    ),
  ]);
}

function invalid(text: string): PolicyEvalError {
  return new PolicyEvalError([
    createIssue(
      "invalid-date",
      [],
      { "zh-CN": `日期不存在：${JSON.stringify(text)}`, en: `No such date: ${JSON.stringify(text)}` },
      { params: { text } },
    ),
  ]);
}

function build(text: string, year: number, month?: number, day?: number, endOfMonth = false): PartialDate {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw invalid(text);
  if (month !== undefined && (month < 1 || month > 12)) throw invalid(text);
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) throw invalid(text);
  if (month !== undefined && endOfMonth) return formatPartialDate(year, month, daysInMonth(year, month));
  return formatPartialDate(year, month, day);
}

function isAsOf(text: string): boolean {
  return /^(截至|截止|至|到)/u.test(text);
}

function parse(raw: string, options: ParseChineseDateOptions | undefined): PartialDate {
  const text = normalizeDigitsAndSpace(raw);
  const reference = options?.referenceDate === undefined ? undefined : parsePartialDate(options.referenceDate);
  if (reference !== undefined && reference.length !== 10) throw invalid(String(options?.referenceDate));

  if (NOW.test(text)) {
    if (reference === undefined) throw needsReference(raw);
    return reference;
  }
  const iso = ISO.exec(text);
  if (iso !== null) {
    return build(raw, Number(iso[1]), Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]));
  }
  const ymd = YMD.exec(text);
  if (ymd !== null) {
    const [year, month, day] = [readNumeral(ymd[1] as string, true), readNumeral(ymd[2] as string, false), readNumeral(ymd[3] as string, false)];
    if (year === undefined || month === undefined || day === undefined) throw unreadable(raw);
    return build(raw, year, month, day);
  }
  const ym = YM.exec(text);
  if (ym !== null) {
    const year = readNumeral(ym[1] as string, true);
    const month = ym[2] === "元" || ym[2] === "正" ? 1 : readNumeral(ym[2] as string, false);
    if (year === undefined || month === undefined) throw unreadable(raw);
    // 截止2021年7月 / 7月末 / 7月底: as of the end of that month.
    const endOfMonth = ym[3] === "末" || ym[3] === "底" || isAsOf(text);
    return build(raw, year, month, undefined, endOfMonth);
  }
  const y = Y.exec(text);
  if (y !== null) {
    const year = readNumeral(y[1] as string, true);
    if (year === undefined) throw unreadable(raw);
    // 2021年底 / 截至2021年: as of 31 December.
    return y[2] === "末" || y[2] === "底" || isAsOf(text) ? build(raw, year, 12, 31) : build(raw, year);
  }
  const rel = RELATIVE_YM.exec(text);
  if (rel !== null) {
    const month = readNumeral(rel[2] as string, false);
    if (month === undefined || month < 1 || month > 12) throw unreadable(raw);
    if (reference === undefined) throw needsReference(raw);
    const refYear = Number(reference.slice(0, 4));
    const refMonth = Number(reference.slice(5, 7));
    let year: number;
    if (rel[1] === "去年" || rel[1] === "上年") year = refYear - 1;
    else if (rel[1] === "今年" || rel[1] === "本年") year = refYear;
    // A bare month is the most recent such month not after the reference date's month.
    else year = month <= refMonth ? refYear : refYear - 1;
    const endOfMonth = rel[3] === "末" || rel[3] === "底" || isAsOf(text);
    return build(raw, year, month, undefined, endOfMonth);
  }
  throw unreadable(raw);
}

/**
 * Reads a Chinese date expression, keeping its precision.
 *
 * - `2021年6月1日` → `'2021-06-01'`; `2017年9月` → `'2017-09'`; `2019年元月` → `'2019-01'`
 * - `截至7月末`, `截止 2021 年 7 月`, `7月末` → the month's last day (as-of dates);
 *   a month without a year takes the most recent such month up to `referenceDate`
 * - `截止目前` → `referenceDate`
 * - `2021年12月31日前` → `'2021-12-31'`; full-width digits, spaces and
 *   Chinese numerals (`二〇二一年六月一日`) are read too
 *
 * @param text - the expression
 * @param options - `referenceDate` for relative expressions
 * @returns a partial date
 * @throws {@link PolicyEvalError} `unreadable-date`, `invalid-date` (2021年2月29日)
 *   or `missing-reference-date`
 *
 * @example
 * ```ts
 * import { parseChineseDate } from "policy-eval";
 * parseChineseDate("2017年9月"); //=> "2017-09"
 * parseChineseDate("截至7月末", { referenceDate: "2021-08-20" }); //=> "2021-07-31"
 * parseChineseDate("截止目前", { referenceDate: "2021-08-20" }); //=> "2021-08-20"
 * ```
 */
export function parseChineseDate(text: string, options?: ParseChineseDateOptions | undefined): PartialDate {
  return parse(text, options);
}

/**
 * Like {@link parseChineseDate}, returning the error instead of throwing it.
 *
 * @param text - the expression
 * @param options - `referenceDate` for relative expressions
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeParseChineseDate } from "policy-eval";
 * const result = safeParseChineseDate("去年某月");
 * result.success; //=> false
 * ```
 */
export function safeParseChineseDate(text: string, options?: ParseChineseDateOptions | undefined): SafeResult<PartialDate> {
  try {
    return { success: true, data: parse(text, options) };
  } catch (error) {
    if (error instanceof PolicyEvalError) return { success: false, error };
    throw error;
  }
}
