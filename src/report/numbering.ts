/**
 * 结构层次序数 — the numbering of an official report's headings and items:
 * 一、（一）1、(1) in Chinese, I. A. 1. (a) in English.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import { formatChineseNumeral } from "../quantities/index.js";

/** 结构层次 — a depth of the outline: 1 一、, 2 （一）, 3 1、, 4 (1). */
export type OutlineDepth = 1 | 2 | 3 | 4;

/** 报告语言 — the language of a rendered report: `zh` (also written `zh-CN`) or `en`. */
export type ReportLanguage = "zh" | "zh-CN" | "en";

/**
 * 最大序号 — the largest number {@link formatOutlineNumber} writes, beyond any
 * list a report renders.
 *
 * @example
 * ```ts
 * import { formatOutlineNumber, MAX_OUTLINE_NUMBER } from "policy-eval";
 * MAX_OUTLINE_NUMBER; //=> 1000000
 * formatOutlineNumber(3, MAX_OUTLINE_NUMBER); //=> "1000000、"
 * ```
 */
export const MAX_OUTLINE_NUMBER = 1_000_000;

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function toRoman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** 1 → A, 26 → Z, 27 → AA, 28 → AB (as spreadsheet columns count). */
function toLetters(n: number): string {
  let out = "";
  let rest = n;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    rest = (rest - 1 - digit) / 26;
  }
  return out;
}

function outlineIssues(depth: unknown, n: unknown, lang: unknown): PolicyEvalIssue[] {
  const issues: PolicyEvalIssue[] = [];
  if (depth !== 1 && depth !== 2 && depth !== 3 && depth !== 4) {
    issues.push(
      createIssue("invalid-value", ["depth"], { "zh-CN": "层次应为 1、2、3 或 4", en: "The depth must be 1, 2, 3 or 4" }, { params: { received: typeof depth } }),
    );
  }
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_OUTLINE_NUMBER) {
    issues.push(
      createIssue(
        "invalid-value",
        ["n"],
        { "zh-CN": `序号应为 1 至 ${MAX_OUTLINE_NUMBER} 的整数`, en: `The number must be a whole number from 1 to ${MAX_OUTLINE_NUMBER}` },
        { params: { received: typeof n } },
      ),
    );
  }
  if (lang !== undefined && lang !== "zh" && lang !== "zh-CN" && lang !== "en") {
    issues.push(createIssue("invalid-value", ["lang"], { "zh-CN": "语言应为 zh 或 en", en: "The language must be zh or en" }, { params: { received: typeof lang } }));
  }
  return issues;
}

/**
 * 结构层次序数 — the number of the `n`-th heading or item at a depth of a
 * report's outline. Chinese (GB/T 9704-2012 §7.3.3 and the usage of
 * evaluation reports): depth 1 `一、`, 2 `（一）`, 3 `1、`, 4 `(1)`; Chinese
 * numerals as written in headings (十一, 二十, 九十九, 一百零一; never 两).
 * English: `I.`, `A.` (… `Z.`, `AA.`), `1.`, `(a)`.
 *
 * @param depth - 1 to 4
 * @param n - the position, from 1 to {@link MAX_OUTLINE_NUMBER}
 * @param lang - `zh` (default; `zh-CN` also accepted) or `en`
 * @returns the number with its punctuation
 * @throws {@link PolicyEvalError} `invalid-value` for a depth, number or language out of range (every problem at once)
 *
 * @example
 * ```ts
 * import { formatOutlineNumber } from "policy-eval";
 * formatOutlineNumber(1, 4); //=> "四、"
 * formatOutlineNumber(2, 12); //=> "（十二）"
 * formatOutlineNumber(3, 2); //=> "2、"
 * formatOutlineNumber(4, 99); //=> "(99)"
 * formatOutlineNumber(1, 4, "en"); //=> "IV."
 * formatOutlineNumber(4, 27, "en"); //=> "(aa)"
 * ```
 */
export function formatOutlineNumber(depth: OutlineDepth, n: number, lang?: ReportLanguage | undefined): string {
  const issues = outlineIssues(depth, n, lang);
  if (issues.length > 0) throw new PolicyEvalError(issues);
  if (lang === "en") {
    if (depth === 1) return `${toRoman(n)}.`;
    if (depth === 2) return `${toLetters(n)}.`;
    if (depth === 3) return `${n}.`;
    return `(${toLetters(n).toLowerCase()})`;
  }
  if (depth === 1) return `${formatChineseNumeral(n, "", { liang: false })}、`;
  if (depth === 2) return `（${formatChineseNumeral(n, "", { liang: false })}）`;
  if (depth === 3) return `${n}、`;
  return `(${n})`;
}
