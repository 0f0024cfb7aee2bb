/**
 * The problems of a document number, shared by the reader (which knows the
 * text it read) and the field checks of a parsed number (which do not).
 *
 * @module
 * @internal
 */
import { createIssue, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import { MAX_YEAR, MIN_YEAR } from "./registrationNumber.js";

/** A value as a message shows it: a string quoted, anything else as String gives it. @internal */
export function show(text: unknown): string {
  return typeof text === "string" ? JSON.stringify(text) : String(text);
}

/** An issue about the number `text`. @internal */
export function issue(code: string, text: unknown, zh: string, en: string, path: IssuePath = []): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, { params: { text } });
}

/** A text that reads as no kind of number. @internal */
export function unreadable(text: unknown): PolicyEvalIssue {
  const shown = show(text);
  return issue(
    "invalid-document-number",
    text,
    `无法识别的发文字号：${shown}（应形如 国办发〔2018〕37号、粤府令第277号 或 国家税务总局公告2018年第31号）`,
    `Cannot read the document number ${shown} (expected e.g. 国办发〔2018〕37号, 粤府令第277号 or 国家税务总局公告2018年第31号)`,
  );
}

/** An invalid `referenceYear` option, if it is one. @internal */
export function referenceYearIssue(referenceYear: unknown): PolicyEvalIssue | undefined {
  if (referenceYear === undefined) return undefined;
  if (typeof referenceYear === "number" && Number.isInteger(referenceYear) && referenceYear >= MIN_YEAR && referenceYear <= MAX_YEAR) {
    return undefined;
  }
  return createIssue(
    "invalid-reference-year",
    ["referenceYear"],
    {
      "zh-CN": `参考年份 referenceYear 应为 ${MIN_YEAR}—${MAX_YEAR} 之间的整数，实际为 ${show(referenceYear)}`,
      en: `referenceYear must be an integer between ${MIN_YEAR} and ${MAX_YEAR}, received ${show(referenceYear)}`,
    },
    { params: { referenceYear } },
  );
}

/** `文号 "…" 的` / ` of the number "…"` when the text is known (parsing), nothing for fields. */
function subject(text: string | undefined): { zh: string; en: string } {
  return text === undefined ? { zh: "", en: "" } : { zh: `文号 ${JSON.stringify(text)} 的`, en: ` of the number ${JSON.stringify(text)}` };
}


/** @internal */
export function yearRangeIssue(text: string | undefined, year: unknown, path: IssuePath = []): PolicyEvalIssue {
  const s = subject(text);
  return createIssue(
    "year-out-of-range",
    path,
    {
      "zh-CN": `${s.zh}年份 ${show(year)} 应为 ${MIN_YEAR}—${MAX_YEAR} 之间的整数`,
      en: `The year ${show(year)}${s.en} must be an integer between ${MIN_YEAR} and ${MAX_YEAR}`,
    },
    { params: text === undefined ? { year } : { text, year } },
  );
}

/** @internal */
export function serialIssue(text: string | undefined, serial: unknown, path: IssuePath = []): PolicyEvalIssue {
  const s = subject(text);
  return createIssue(
    "invalid-serial",
    path,
    {
      "zh-CN": `${s.zh}顺序号 ${show(serial)} 应为不超过 15 位数字的正整数`,
      en: `The serial ${show(serial)}${s.en} must be a positive integer of at most 15 digits`,
    },
    { params: text === undefined ? { serial } : { text, serial } },
  );
}

/** @internal */
export function missingIssuerIssue(text: string | undefined, path: IssuePath = []): PolicyEvalIssue {
  const s = subject(text);
  return createIssue(
    "missing-issuer-code",
    path,
    { "zh-CN": `${s.zh}发文机关代字缺失`, en: `The issuer code (发文机关代字)${s.en} is missing` },
    text === undefined ? {} : { params: { text } },
  );
}
