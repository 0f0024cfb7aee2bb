/**
 * 中文数字 — Chinese numerals as reports write small counts and percentages:
 * 六, 两, 十八, 一百二十, 一万零五百, 十二点五. Read and written exactly (bigint).
 *
 * @module
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, bigint>> = { 十: 10n, 百: 100n, 千: 1000n };
const WRITTEN_DIGITS = "零一二三四五六七八九";

/** Characters a Chinese numeral may contain. @internal */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点";

/** The integer and fraction digits of a Chinese numeral, as ASCII digit strings. */
export interface ChineseNumeralDigits {
  /** Integer part, e.g. `"120"`. */
  readonly integer: string;
  /** Digits after 点, e.g. `"5"` for 十二点五; `""` if none. */
  readonly fraction: string;
}

/**
 * Reads the integer part: sections below 万, then 万 and 亿 groups. Returns
 * undefined for malformed text (two digits in a row, units out of order).
 */
function readInteger(text: string): bigint | undefined {
  if (text.length === 0) return undefined;
  let high = 0n; // everything already multiplied by 亿
  let mid = 0n; // the 万 group, already multiplied by 10^4
  let section = 0n; // below 万
  let digit: bigint | undefined;
  let lastUnit = 10000n; // units inside a section must decrease
  let sawAny = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (d === 0) {
        if (digit !== undefined) return undefined; // 五零 is not a numeral
        continue;
      }
      if (digit !== undefined) return undefined;
      digit = BigInt(d);
      sawAny = true;
      continue;
    }
    const unit = SMALL_UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      // 十八 = 一十八: a leading 十 stands for 一十
      if (digit === undefined) {
        if (unit !== 10n || section !== 0n || mid !== 0n || high !== 0n) return undefined;
        digit = 1n;
      }
      section += digit * unit;
      digit = undefined;
      lastUnit = unit;
      sawAny = true;
      continue;
    }
    if (ch === "万") {
      const group = section + (digit ?? 0n);
      if (group === 0n) return undefined;
      mid = group * 10000n;
      section = 0n;
      digit = undefined;
      lastUnit = 10000n;
      continue;
    }
    if (ch === "亿") {
      const group = mid + section + (digit ?? 0n);
      if (group === 0n && high === 0n) return undefined;
      high = (high + group) * 100000000n;
      mid = 0n;
      section = 0n;
      digit = undefined;
      lastUnit = 10000n;
      continue;
    }
    return undefined;
  }
  if (!sawAny && high === 0n && mid === 0n) {
    // only zeros: 零
    return /^[零〇]+$/u.test(text) ? 0n : undefined;
  }
  return high + mid + section + (digit ?? 0n);
}

/**
 * Reads a Chinese numeral to its digits.
 *
 * @param text - e.g. `"一百二十"`, `"两"`, `"十二点五"`
 * @returns the digits, or `undefined` when the text is not a well-formed numeral
 *
 * @example
 * ```ts
 * import { parseChineseNumeral } from "policy-eval";
 * parseChineseNumeral("一百二十"); //=> { integer: "120", fraction: "" }
 * parseChineseNumeral("十二点五"); //=> { integer: "12", fraction: "5" }
 * parseChineseNumeral("五零"); //=> undefined
 * ```
 */
export function parseChineseNumeral(text: string): ChineseNumeralDigits | undefined {
  const point = text.indexOf("点");
  const intText = point < 0 ? text : text.slice(0, point);
  const integer = readInteger(intText);
  if (integer === undefined) return undefined;
  let fraction = "";
  if (point >= 0) {
    const fracText = text.slice(point + 1);
    if (fracText.length === 0) return undefined;
    for (const ch of fracText) {
      const d = DIGITS[ch];
      if (d === undefined || ch === "两") return undefined;
      fraction += String(d);
    }
  }
  return { integer: integer.toString(), fraction };
}

/** Writes 1..9999 (a section), with 零 for inner gaps. */
function writeSection(n: number, leadingTen: boolean): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = ["千", "百", "十", ""];
  let out = "";
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i] as number;
    if (d === 0) {
      if (out !== "") pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // 十八, not 一十八, when 十 leads the whole numeral
    if (!(leadingTen && out === "" && i === 2 && d === 1)) out += WRITTEN_DIGITS[d] as string;
    out += units[i] as string;
  }
  return out;
}

/** Options of {@link formatChineseNumeral}. */
export interface FormatChineseNumeralOptions {
  /** Write 2 as 两 (两名, 两个), as counts are spoken. Default true. */
  readonly liang?: boolean | undefined;
}

/**
 * Writes a non-negative integer (and optional fraction digits) as a Chinese
 * numeral: 18 → 十八, 120 → 一百二十, 10500 → 一万零五百, 2 → 两.
 *
 * @param integer - the integer part (a non-negative bigint or safe integer)
 * @param fraction - digits after the point as an ASCII string (`"5"` → 点五)
 * @param options - `liang`
 * @returns the numeral
 *
 * @example
 * ```ts
 * import { formatChineseNumeral } from "policy-eval";
 * formatChineseNumeral(120n); //=> "一百二十"
 * formatChineseNumeral(18); //=> "十八"
 * formatChineseNumeral(2); //=> "两"
 * formatChineseNumeral(12n, "5"); //=> "十二点五"
 * ```
 */
export function formatChineseNumeral(
  integer: bigint | number,
  fraction = "",
  options?: FormatChineseNumeralOptions | undefined,
): string {
  let n = BigInt(integer);
  // 负 and numbers of 10^16 and more (亿亿) are left to the caller
  if (n < 0n || n >= 10n ** 16n) throw new RangeError(`formatChineseNumeral: ${n} is out of range 0 … 10^16 - 1`);
  let text: string;
  if (n === 0n) text = "零";
  else if (n === 2n && options?.liang !== false) text = "两";
  else {
    // groups of four digits, lowest first: units, 万, 亿, 万亿 …
    const groups: number[] = [];
    while (n > 0n) {
      groups.push(Number(n % 10000n));
      n /= 10000n;
    }
    const names = ["", "万", "亿", "万亿"];
    text = "";
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const value = groups[g] as number;
      if (value === 0) {
        if (text !== "") needZero = true;
        continue;
      }
      if (text !== "" && (needZero || value < 1000)) text += "零";
      needZero = false;
      text += writeSection(value, text === "") + (names[g] ?? "");
    }
  }
  if (fraction === "") return text;
  let frac = "";
  for (const ch of fraction) frac += WRITTEN_DIGITS[Number(ch)] ?? "";
  return `${text}点${frac}`;
}
