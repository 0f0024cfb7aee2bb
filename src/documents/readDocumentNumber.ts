/**
 * Reading a document number leniently: the text is folded (spaces removed,
 * full-width ASCII and a closing 號 folded, a wrapping （） dropped), then
 * matched as a 发文字号 with any bracket, an order number or an announcement
 * number; each deviation from the standard form is a warning, each problem
 * an issue. A canonical number takes the fast path (canonicalDocumentNumber.ts).
 *
 * @module
 * @internal
 */
import { createIssue, type LocalizedMessage, type PolicyEvalIssue } from "../errors.js";
import { readCanonical } from "./canonicalDocumentNumber.js";
import { issue, missingIssuerIssue, referenceYearIssue, serialIssue, show, unreadable, yearRangeIssue } from "./documentNumberIssues.js";
import { build, canonicalOf, type DocumentNumber, type DocumentNumberKind, type DocumentNumberWarning, type DocumentNumberWarningCode, type ParseDocumentNumberOptions } from "./documentNumberModel.js";
import { MAX_YEAR, MIN_YEAR, readRegistrationNumber, toHalfWidth, trimCitation } from "./registrationNumber.js";

// 15 digits stay below Number.MAX_SAFE_INTEGER.
const MAX_SERIAL_DIGITS = 15;
// Slow path, on normalised text (spaces removed, full-width ASCII folded, a closing 號 → 号).
// 〔〕 and its look-alikes: [] () 【】 ﹝﹞ 〖〗 〘〙 ❲❳ (［］ and （） arrive folded to [] ()).
const BRACKETED = /^(\p{Script=Han}*)([〔[(【﹝〖〘❲])(\d+)([〕\])】﹞〗〙❳])(第?)(\d+)号$/u;
const ORDER = /^(\p{Script=Han}*令)(?:(\d+)年)?(第?)(\d+)号$/u;
const ANNOUNCEMENT = /^(\p{Script=Han}*公告)(\d+)年(第?)(\d+)号$/u;
// \s plus the zero-width spaces and joiners that PDF extraction leaves behind.
const SPACE = /[\s\u200b-\u200d\u2060]/;
const SPACES = /[\s\u200b-\u200d\u2060]+/g;
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/;
const FULL_WIDTH_ASCII_ALL = /[\uff01-\uff5e]/g;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

function message(zh: string, en: string): LocalizedMessage {
  return Object.freeze({ "zh-CN": zh, en });
}

function warning(code: DocumentNumberWarningCode, zh: string, en: string): DocumentNumberWarning {
  return Object.freeze({ code, message: en, messages: message(zh, en) });
}

// Fixed warnings are built once: reading a number allocates nothing for them.
const W_SPACING = warning("spacing", "文号中有多余的空格", "Stray spaces inside the number");
const W_FULL_WIDTH = warning(
  "full-width-digits",
  "使用了全角数字，应使用半角阿拉伯数字（GB/T 9704-2012 第7.2.5条）",
  "Full-width digits; write ASCII Arabic digits (GB/T 9704-2012 §7.2.5)",
);
const W_BRACKET = warning(
  "nonstandard-bracket",
  "年份应使用六角括号〔〕，不用 []、()、【】 等（GB/T 9704-2012 第7.2.5条）",
  "The year belongs in hexagonal brackets 〔〕, not [], (), 【】 or the like (GB/T 9704-2012 §7.2.5)",
);
const W_BRACKET_NOT_USED = warning(
  "nonstandard-bracket",
  "令号、公告编号的年份不加括号，写作“2018年第31号”",
  "An order or announcement number writes its year without brackets: 2018年第31号",
);
const W_ORDINAL_DI = warning(
  "ordinal-di",
  "发文字号的顺序号前不加“第”（GB/T 9704-2012 第7.2.5条）",
  "No 第 before the serial of a document number (GB/T 9704-2012 §7.2.5)",
);
const W_MISSING_DI = warning(
  "missing-di",
  "令号、公告编号的顺序号前应有“第”",
  "An order or announcement number puts 第 before its serial",
);
const W_ZERO_PADDED = warning(
  "zero-padded",
  "顺序号不编虚位，1 不写作 01（GB/T 9704-2012 第7.2.5条）",
  "The serial is not zero-padded: 1, not 01 (GB/T 9704-2012 §7.2.5)",
);
const W_HAO = warning("traditional-hao", "使用了繁体“號”，规范写法为“号”", "Traditional 號; the standard form is 号");
const NO_WARNINGS: readonly DocumentNumberWarning[] = Object.freeze([]);

function shortYearWarning(digits: string, year: number, referenceYear: number): DocumentNumberWarning {
  return warning(
    "short-year",
    `两位年份“${digits}”已按参考年份 ${referenceYear} 补全为 ${year}；年份应写全称（GB/T 9704-2012 第7.2.5条）`,
    `Two-digit year "${digits}" expanded to ${year} using referenceYear ${referenceYear}; the year should be written in full (GB/T 9704-2012 §7.2.5)`,
  );
}

const SPACING = 1;
const FULL_WIDTH = 2;
const HAO = 4;

interface Folded {
  readonly text: string;
  readonly flags: number;
}

/** Trims, drops a wrapping （）, removes inner spaces, folds full-width ASCII and a closing 號. */
function fold(raw: string): Folded {
  let text = trimCitation(raw);
  let flags = 0;
  // Native scans and replaces: far faster than a loop that appends character by character.
  if (SPACE.test(text)) {
    flags |= SPACING;
    text = text.replace(SPACES, "");
  }
  if (FULL_WIDTH_ASCII.test(text)) {
    if (FULL_WIDTH_DIGIT.test(text)) flags |= FULL_WIDTH;
    text = text.replace(FULL_WIDTH_ASCII_ALL, toHalfWidth);
  }
  // Only the closing 號 is the number's suffix; a 號 inside an issuer code is part of its name.
  if (text.endsWith("號")) {
    flags |= HAO;
    text = `${text.slice(0, -1)}号`;
  }
  return { text, flags };
}

interface Parts {
  readonly kind: DocumentNumberKind;
  readonly issuerCode: string;
  /** Length of the suffix (令, 公告) that is part of issuerCode but not the issuer. */
  readonly suffixLength: number;
  readonly yearDigits: string | undefined;
  readonly serialDigits: string;
  readonly warnings: DocumentNumberWarning[];
}

function matchParts(text: string): Parts | undefined {
  const b = BRACKETED.exec(text);
  if (b !== null) {
    const issuerCode = b[1] as string;
    const kind: DocumentNumberKind = issuerCode.endsWith("令") ? "order" : issuerCode.endsWith("公告") ? "announcement" : "document";
    const warnings: DocumentNumberWarning[] = [];
    if (kind !== "document") warnings.push(W_BRACKET_NOT_USED);
    else if (b[2] !== "〔" || b[4] !== "〕") warnings.push(W_BRACKET);
    if (kind === "document" && b[5] === "第") warnings.push(W_ORDINAL_DI);
    const suffixLength = kind === "order" ? 1 : kind === "announcement" ? 2 : 0;
    return { kind, issuerCode, suffixLength, yearDigits: b[3], serialDigits: b[6] as string, warnings };
  }
  const o = ORDER.exec(text) ?? ANNOUNCEMENT.exec(text);
  if (o === null) return undefined;
  const issuerCode = o[1] as string;
  const order = issuerCode.endsWith("令");
  return {
    kind: order ? "order" : "announcement",
    issuerCode,
    suffixLength: order ? 1 : 2,
    yearDigits: o[2],
    serialDigits: o[4] as string,
    warnings: o[3] === "第" ? [] : [W_MISSING_DI],
  };
}

/** What reading a number gives: the number and its warnings, or every problem. @internal */
export type Reading =
  | { readonly ok: true; readonly data: DocumentNumber; readonly warnings: readonly DocumentNumberWarning[] }
  | { readonly ok: false; readonly issues: readonly PolicyEvalIssue[] };

/** Reads the year; pushes an issue or a warning as needed. */
function readYear(
  text: string,
  digits: string,
  referenceYear: number | undefined,
  issues: PolicyEvalIssue[],
  warnings: DocumentNumberWarning[],
): number | undefined {
  if (digits.length === 4) return Number(digits);
  const shown = show(text);
  if (digits.length !== 2) {
    issues.push(
      issue(
        "invalid-document-number",
        text,
        `发文字号 ${shown} 的年份“${digits}”不是四位数字`,
        `The year "${digits}" of the document number ${shown} is not a four-digit year`,
      ),
    );
    return undefined;
  }
  if (referenceYear === undefined) {
    issues.push(
      issue(
        "short-year",
        text,
        `发文字号 ${shown} 的年份“${digits}”只有两位，年份应写全称（GB/T 9704-2012 第7.2.5条）；请提供参考年份 referenceYear 以补全，世纪不作猜测`,
        `The year "${digits}" of the document number ${shown} has two digits; GB/T 9704-2012 §7.2.5 wants the full year. Pass referenceYear to expand it: the century is never guessed`,
      ),
    );
    return undefined;
  }
  // The latest year not after the reference year that ends in these two digits.
  const year = referenceYear - ((((referenceYear - Number(digits)) % 100) + 100) % 100);
  warnings.push(shortYearWarning(digits, year, referenceYear));
  return year;
}

/** Reads a number leniently. @internal */
export function readLeniently(raw: unknown, options: ParseDocumentNumberOptions | undefined): Reading {
  const referenceYear = options?.referenceYear;
  const optionIssue = referenceYearIssue(referenceYear);
  if (optionIssue !== undefined) return { ok: false, issues: [optionIssue] };
  if (typeof raw !== "string") return { ok: false, issues: [unreadable(raw)] };
  const fast = readCanonical(raw);
  if (fast !== undefined) return { ok: true, data: fast, warnings: NO_WARNINGS };

  const { text, flags } = fold(raw);
  const parts = matchParts(text);
  if (parts === undefined) {
    const registration = readRegistrationNumber(raw);
    if (registration === undefined) return { ok: false, issues: [unreadable(raw)] };
    const shown = show(raw);
    const registrationIssue = createIssue(
      "registration-number-not-document-number",
      [],
      {
        "zh-CN": `${shown} 是规范性文件统一编号（登记号），不是发文字号，应作为统一编号另行记录`,
        en: `${shown} is a registration number (规范性文件统一编号 / 登记号), not a document number (发文字号); record it as a registration number`,
      },
      { params: { text: raw, registrationNumber: registration.canonical } },
    );
    return { ok: false, issues: [registrationIssue] };
  }

  const issues: PolicyEvalIssue[] = [];
  const warnings: DocumentNumberWarning[] = [];
  if (flags & SPACING) warnings.push(W_SPACING);
  if (flags & FULL_WIDTH) warnings.push(W_FULL_WIDTH);
  warnings.push(...parts.warnings);
  if (parts.issuerCode.length <= parts.suffixLength) issues.push(missingIssuerIssue(raw));

  const year = parts.yearDigits === undefined ? undefined : readYear(raw, parts.yearDigits, referenceYear, issues, warnings);
  if (year !== undefined && (year < MIN_YEAR || year > MAX_YEAR)) issues.push(yearRangeIssue(raw, year));

  const digits = parts.serialDigits;
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  const significant = digits.slice(start);
  if (significant === "0" || significant.length > MAX_SERIAL_DIGITS) issues.push(serialIssue(raw, digits));
  else if (start > 0) warnings.push(W_ZERO_PADDED);
  if (flags & HAO) warnings.push(W_HAO);

  if (issues.length > 0) return { ok: false, issues };
  const serial = Number(significant);
  const canonical = canonicalOf(parts.kind, parts.issuerCode, year, serial);
  return { ok: true, data: build(parts.kind, parts.issuerCode, year, serial, canonical), warnings };
}
