/**
 * 发文字号 — document numbers such as 国办发〔2016〕13号, read leniently from
 * real texts (any bracket, 第, zero padding, stray spaces, 號, full-width
 * digits), each deviation reported as a warning, and kept in the canonical
 * form of GB/T 9704-2012 §7.2.5. Order numbers (令号, 粤府令第277号) and
 * announcement numbers (公告编号, 国家税务总局公告2018年第31号) are kinds of
 * their own. A registration number (统一编号, HFGS-2022-7) is never taken for
 * a 发文字号.
 *
 * @module
 */
import * as z from "zod";
import { createIssue, PolicyEvalError, type IssuePath, type LocalizedMessage, type PolicyEvalIssue, type SafeFailure, type SafeSuccess } from "../errors.js";
import { bilingualIssue, forwardIssues } from "../schema-issues.js";
import { MAX_YEAR, MIN_YEAR, readRegistrationNumber, toHalfWidth, trimCitation } from "./registrationNumber.js";

/** The kinds of {@link DocumentNumber}: 发文字号, 令号, 公告编号. */
export const DOCUMENT_NUMBER_KINDS = ["document", "order", "announcement"] as const;

/** 文号种类 — `document` 发文字号 (国办发〔2016〕13号), `order` 令号 (粤府令第277号), `announcement` 公告编号 (国家税务总局公告2018年第31号). */
export type DocumentNumberKind = (typeof DOCUMENT_NUMBER_KINDS)[number];

/**
 * 发文字号 — a parsed document, order or announcement number. Its identity is
 * `(kind, issuerCode, year, serial)` (see {@link documentNumberKey}); `canonical`
 * is the standard spelling.
 *
 * @example
 * ```ts
 * import { parseDocumentNumber } from "policy-eval";
 * parseDocumentNumber("清府办〔2017〕59号");
 * //=> { kind: "document", issuerCode: "清府办", year: 2017, serial: 59, canonical: "清府办〔2017〕59号" }
 * ```
 */
export interface DocumentNumber {
  /** `document` 发文字号, `order` 令号, `announcement` 公告编号. */
  readonly kind: DocumentNumberKind;
  /**
   * 发文机关代字 — the full series code: `国办发`, `粤府办`, `商建字`; for an order
   * the issuer with 令 (`粤府令`, `国务院令`); for an announcement the issuer with
   * 公告 (`国家税务总局公告`). 国发 and 国函 are different series.
   */
  readonly issuerCode: string;
  /** 年份 — four digits. Absent only for an order number without a year (粤府令第277号). */
  readonly year?: number | undefined;
  /** 发文顺序号 — an integer ≥ 1 (037 is 37). */
  readonly serial: number;
  /** The standard spelling: `国办发〔2018〕37号`, `粤府令第277号`, `国家税务总局公告2018年第31号`. */
  readonly canonical: string;
}

/** Every warning code {@link safeParseDocumentNumber} may give. */
export const DOCUMENT_NUMBER_WARNING_CODES = [
  "spacing",
  "full-width-digits",
  "nonstandard-bracket",
  "short-year",
  "ordinal-di",
  "missing-di",
  "zero-padded",
  "traditional-hao",
] as const;

/**
 * 不规范写法 — what a read number deviated from the standard in:
 * `spacing` (空格), `full-width-digits` (全角数字), `nonstandard-bracket` ([] () 【】 …
 * instead of 〔〕, or brackets in an order / announcement number), `short-year`
 * (两位年份, expanded with `referenceYear`), `ordinal-di` (第 before a 发文字号
 * serial), `missing-di` (no 第 in an order / announcement number),
 * `zero-padded` (037), `traditional-hao` (號).
 */
export type DocumentNumberWarningCode = (typeof DOCUMENT_NUMBER_WARNING_CODES)[number];

/** A deviation from the standard form found while reading a number; the number was still read. */
export interface DocumentNumberWarning {
  /** Stable kebab-case code. */
  readonly code: DocumentNumberWarningCode;
  /** The English message (same as `messages.en`). */
  readonly message: string;
  /** The message in zh-CN and en. */
  readonly messages: LocalizedMessage;
}

/** Options of {@link parseDocumentNumber} and {@link safeParseDocumentNumber}. */
export interface ParseDocumentNumberOptions {
  /**
   * 参考年份 — the year of the text the number was read from (the citing
   * document's or report's year). Only used for two-digit years (〔18〕), which
   * are expanded to the latest year not after it ending in those digits. Without
   * it a two-digit year is an error: the century is never guessed.
   */
  readonly referenceYear?: number | undefined;
}

/** The result of {@link safeParseDocumentNumber}. */
export type SafeParseDocumentNumberResult =
  | (SafeSuccess<DocumentNumber> & {
      /** Deviations from the standard form, in reading order; empty for a canonical number. */
      readonly warnings: readonly DocumentNumberWarning[];
    })
  | SafeFailure;

// 15 digits stay below Number.MAX_SAFE_INTEGER.
const MAX_SERIAL_DIGITS = 15;

// Fast path: the canonical 发文字号 (BMP ideographs only; anything else goes the slow way).
const CANONICAL_DOCUMENT = /^([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)〔(\d{4})〕([1-9]\d{0,14})号$/;
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
const HAN_ONLY = /^\p{Script=Han}+$/u;

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

function show(text: unknown): string {
  return typeof text === "string" ? JSON.stringify(text) : String(text);
}

function issue(code: string, text: unknown, zh: string, en: string, path: IssuePath = []): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, { params: { text } });
}

function unreadable(text: unknown): PolicyEvalIssue {
  const shown = show(text);
  return issue(
    "invalid-document-number",
    text,
    `无法识别的发文字号：${shown}（应形如 国办发〔2018〕37号、粤府令第277号 或 国家税务总局公告2018年第31号）`,
    `Cannot read the document number ${shown} (expected e.g. 国办发〔2018〕37号, 粤府令第277号 or 国家税务总局公告2018年第31号)`,
  );
}

function canonicalOf(kind: DocumentNumberKind, issuerCode: string, year: number | undefined, serial: number): string {
  if (kind === "document") return `${issuerCode}〔${year}〕${serial}号`;
  return year === undefined ? `${issuerCode}第${serial}号` : `${issuerCode}${year}年第${serial}号`;
}

function build(kind: DocumentNumberKind, issuerCode: string, year: number | undefined, serial: number, canonical: string): DocumentNumber {
  return Object.freeze(
    year === undefined ? { kind, issuerCode, serial, canonical } : { kind, issuerCode, year, serial, canonical },
  );
}

/**
 * The year of a number already in canonical 发文字号 form (`国办发〔2016〕13号`),
 * without allocating; undefined for anything else (which then needs the full
 * reader). Lets a catalogue of a million documents skip building a number
 * object per document until one is asked for.
 * @internal
 */
export function canonicalDocumentYear(text: string): number | undefined {
  // CANONICAL_DOCUMENT, scanned by hand (a million numbers in a catalogue): ideographs, 〔, four
  // ASCII digits, 〕, a serial of 1–15 digits not starting with 0, 号, nothing after.
  const length = text.length;
  let open = 0;
  while (open < length && isBmpIdeograph(text.charCodeAt(open))) open++;
  if (open === 0 || length - open < 8 || length - open > 22 || text.charCodeAt(open) !== 0x3014) return undefined;
  let year = 0;
  for (let i = open + 1; i < open + 5; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    year = year * 10 + digit;
  }
  if (text.charCodeAt(open + 5) !== 0x3015 || text.charCodeAt(length - 1) !== 0x53f7) return undefined;
  const lead = text.charCodeAt(open + 6);
  if (lead < 49 || lead > 57) return undefined;
  for (let i = open + 7; i < length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const last = text.charCodeAt(open - 1);
  // 令 / 公告 before the bracket: an order or announcement written with brackets — not canonical.
  if (last === 0x4ee4 || (last === 0x544a && text.charCodeAt(open - 2) === 0x516c)) return undefined;
  return year < MIN_YEAR || year > MAX_YEAR ? undefined : year;
}

/** The code units CANONICAL_DOCUMENT's issuer class admits: BMP ideographs. */
function isBmpIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** The canonical 发文字号, read without normalising anything. */
function readCanonical(text: string): DocumentNumber | undefined {
  const m = CANONICAL_DOCUMENT.exec(text);
  if (m === null) return undefined;
  const issuerCode = m[1] as string;
  if (issuerCode.endsWith("令") || issuerCode.endsWith("公告")) return undefined;
  const year = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return build("document", issuerCode, year, Number(m[3]), text);
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

function referenceYearIssue(referenceYear: unknown): PolicyEvalIssue | undefined {
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

type Reading =
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

/** `文号 "…" 的` / ` of the number "…"` when the text is known (parsing), nothing for fields. */
function subject(text: string | undefined): { zh: string; en: string } {
  return text === undefined ? { zh: "", en: "" } : { zh: `文号 ${JSON.stringify(text)} 的`, en: ` of the number ${JSON.stringify(text)}` };
}

function yearRangeIssue(text: string | undefined, year: unknown, path: IssuePath = []): PolicyEvalIssue {
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

function serialIssue(text: string | undefined, serial: unknown, path: IssuePath = []): PolicyEvalIssue {
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

function missingIssuerIssue(text: string | undefined, path: IssuePath = []): PolicyEvalIssue {
  const s = subject(text);
  return createIssue(
    "missing-issuer-code",
    path,
    { "zh-CN": `${s.zh}发文机关代字缺失`, en: `The issuer code (发文机关代字)${s.en} is missing` },
    text === undefined ? {} : { params: { text } },
  );
}

function readLeniently(raw: unknown, options: ParseDocumentNumberOptions | undefined): Reading {
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

/**
 * 发文字号 — reads a document, order or announcement number leniently and
 * reports each deviation from the standard form as a warning.
 *
 * Accepted besides the canonical `国办发〔2018〕37号` (GB/T 9704-2012 §7.2.5):
 * brackets `[] () （） ［］ 【】 ﹝﹞ 〖〗` (also mixed), 第 before the serial,
 * zero padding (037), two-digit years with `referenceYear`, spaces
 * (`国办发 〔2018〕 37 号`), 號, full-width digits, and a wrapping （） as in
 * citations. Order numbers (`粤府令第277号`, `交通运输部令2016年第57号`) and
 * announcements (`国家税务总局公告2018年第31号`) are their own kinds.
 *
 * @param text - the number as written
 * @param options - `referenceYear` to expand a two-digit year
 * @returns `{ success: true, data, warnings }` or `{ success: false, error }`; never throws
 *
 * @example
 * ```ts
 * import { safeParseDocumentNumber } from "policy-eval";
 * const result = safeParseDocumentNumber("国办发[2018]第037號");
 * if (result.success) {
 *   result.data.canonical; //=> "国办发〔2018〕37号"
 *   result.warnings.map((w) => w.code); //=> ["nonstandard-bracket", "ordinal-di", "zero-padded", "traditional-hao"]
 * }
 * safeParseDocumentNumber("HFGS-2022-7").success; //=> false
 * ```
 */
export function safeParseDocumentNumber(
  text: string,
  options?: ParseDocumentNumberOptions | undefined,
): SafeParseDocumentNumberResult {
  const reading = readLeniently(text, options);
  if (reading.ok) return { success: true, data: reading.data, warnings: reading.warnings };
  return { success: false, error: new PolicyEvalError(reading.issues) };
}

/**
 * 发文字号 — reads a document, order or announcement number (leniently, see
 * {@link safeParseDocumentNumber}, whose warnings this drops).
 *
 * @param text - the number as written
 * @param options - `referenceYear` to expand a two-digit year
 * @returns the parsed number with its canonical spelling
 * @throws {@link PolicyEvalError} listing every problem: `invalid-document-number`
 *   (unreadable), `registration-number-not-document-number` (`HFGS-2022-7`),
 *   `short-year` (〔18〕 without `referenceYear`), `year-out-of-range`,
 *   `invalid-serial` (0), `missing-issuer-code`, `invalid-reference-year`
 *
 * @example
 * ```ts
 * import { parseDocumentNumber } from "policy-eval";
 * parseDocumentNumber("（国办发〔2016〕13号）").issuerCode; //=> "国办发"
 * parseDocumentNumber("粤府令第277号");
 * //=> { kind: "order", issuerCode: "粤府令", serial: 277, canonical: "粤府令第277号" }
 * parseDocumentNumber("国家税务总局公告2018年第31号").year; //=> 2018
 * parseDocumentNumber("国办发〔18〕37号", { referenceYear: 2021 }).year; //=> 2018
 * ```
 */
export function parseDocumentNumber(text: string, options?: ParseDocumentNumberOptions | undefined): DocumentNumber {
  if (options === undefined && typeof text === "string") {
    const fast = readCanonical(text);
    if (fast !== undefined) return fast;
  }
  const reading = readLeniently(text, options);
  if (!reading.ok) throw new PolicyEvalError(reading.issues);
  return reading.data;
}

const MAX_SERIAL = 999_999_999_999_999;

function issuerCodeIssue(issuerCode: string, kind: unknown, path: IssuePath): PolicyEvalIssue | undefined {
  const suffix = kind === "order" ? "令" : kind === "announcement" ? "公告" : "";
  if (issuerCode.length <= suffix.length) return missingIssuerIssue(undefined, path);
  // Parsing decides the kind by these endings, so a field set that contradicts them would not read back.
  const endsRight = suffix === "" ? !issuerCode.endsWith("令") && !issuerCode.endsWith("公告") : issuerCode.endsWith(suffix);
  if (HAN_ONLY.test(issuerCode) && endsRight) return undefined;
  return createIssue(
    "invalid-issuer-code",
    path,
    {
      "zh-CN": `发文机关代字 ${JSON.stringify(issuerCode)} 应只含汉字；令号以“令”结尾，公告编号以“公告”结尾，发文字号不以二者结尾`,
      en: `The issuer code ${JSON.stringify(issuerCode)} must be Chinese characters only, ending in 令 for an order, 公告 for an announcement, and in neither for a document number`,
    },
    { params: { issuerCode, kind } },
  );
}

/**
 * Checks the fields of a parsed number (not its `canonical`); returns every
 * issue. With `typesChecked` (inside the zod schema, which reports wrong types
 * itself) a field of the wrong type is skipped instead of reported twice.
 *
 * @internal
 */
export function documentNumberFieldIssues(value: unknown, path: IssuePath = [], typesChecked = false): PolicyEvalIssue[] {
  if (typeof value !== "object" || value === null) return [unreadable(value)];
  const { kind, issuerCode, year, serial } = value as Partial<Record<keyof DocumentNumber, unknown>>;
  const issues: PolicyEvalIssue[] = [];
  const knownKind = DOCUMENT_NUMBER_KINDS.includes(kind as DocumentNumberKind);
  if (!knownKind && !typesChecked) {
    issues.push(
      createIssue("invalid-value", [...path, "kind"], {
        "zh-CN": `文号种类应为 "document"、"order" 或 "announcement"，实际为 ${show(kind)}`,
        en: `kind must be "document", "order" or "announcement", received ${show(kind)}`,
      }),
    );
  }
  if (typeof issuerCode === "string") {
    const found = issuerCodeIssue(issuerCode, knownKind ? kind : undefined, [...path, "issuerCode"]);
    if (found !== undefined) issues.push(found);
  } else if (!typesChecked) {
    issues.push(missingIssuerIssue(undefined, [...path, "issuerCode"]));
  }
  if (year === undefined) {
    if (kind === "document" || kind === "announcement") {
      issues.push(
        createIssue("missing-year", [...path, "year"], {
          "zh-CN": "发文字号和公告编号必须有年份",
          en: "A document or announcement number must have a year",
        }),
      );
    }
  } else if (typeof year === "number" || !typesChecked) {
    if (!Number.isInteger(year) || (year as number) < MIN_YEAR || (year as number) > MAX_YEAR) {
      issues.push(yearRangeIssue(undefined, year, [...path, "year"]));
    }
  }
  if (typeof serial === "number" || !typesChecked) {
    if (!Number.isInteger(serial) || (serial as number) < 1 || (serial as number) > MAX_SERIAL) {
      issues.push(serialIssue(undefined, serial, [...path, "serial"]));
    }
  }
  return issues;
}

/**
 * 发文字号 — the canonical spelling of a number: `国办发〔2018〕37号` (GB/T
 * 9704-2012 §7.2.5: 六角括号, full year, no 第, no padding), `粤府令第277号`,
 * `国家税务总局公告2018年第31号`. A string is read first.
 *
 * @param number - a parsed number (its fields are used, not its `canonical`) or a text
 * @param options - `referenceYear` when a text has a two-digit year
 * @returns the canonical spelling
 * @throws {@link PolicyEvalError} when the fields are invalid (every issue, with its path) or the text unreadable
 *
 * @example
 * ```ts
 * import { formatDocumentNumber } from "policy-eval";
 * formatDocumentNumber("国办发 (2018) 第037号"); //=> "国办发〔2018〕37号"
 * formatDocumentNumber({ kind: "order", issuerCode: "国务院令", serial: 752, canonical: "" }); //=> "国务院令第752号"
 * ```
 */
export function formatDocumentNumber(number: DocumentNumber | string, options?: ParseDocumentNumberOptions | undefined): string {
  if (typeof number === "string") return parseDocumentNumber(number, options).canonical;
  const issues = documentNumberFieldIssues(number);
  if (issues.length > 0) throw new PolicyEvalError(issues);
  return canonicalOf(number.kind, number.issuerCode, number.year, number.serial);
}

/**
 * 文号标识 — the identity key of a number: `kind|issuerCode|year|serial`
 * (year empty for an order without one). Two spellings of one number have one
 * key; 国发 and 国函, 粤府 and 粤府办 are different series.
 *
 * @param number - a parsed number or a text (read leniently)
 * @param options - `referenceYear` when a text has a two-digit year
 * @returns e.g. `document|国办发|2016|13`
 * @throws {@link PolicyEvalError} when a text is unreadable
 *
 * @example
 * ```ts
 * import { documentNumberKey } from "policy-eval";
 * documentNumberKey("国办发[2016]第013号"); //=> "document|国办发|2016|13"
 * documentNumberKey("粤府令第277号"); //=> "order|粤府令||277"
 * ```
 */
export function documentNumberKey(number: DocumentNumber | string, options?: ParseDocumentNumberOptions | undefined): string {
  const n = typeof number === "string" ? parseDocumentNumber(number, options) : number;
  return `${n.kind}|${n.issuerCode}|${n.year ?? ""}|${n.serial}`;
}

/**
 * 同一文号 — whether two numbers (texts or parsed) are the same number, i.e.
 * have the same {@link documentNumberKey}. A text that cannot be read is the
 * same as nothing (`false`).
 *
 * @param a - a parsed number or a text
 * @param b - a parsed number or a text
 * @param options - `referenceYear` for texts with a two-digit year
 * @returns whether both denote one number
 *
 * @example
 * ```ts
 * import { isSameDocumentNumber } from "policy-eval";
 * isSameDocumentNumber("国办发〔2016〕13号", "国办发 [2016] 第13號"); //=> true
 * isSameDocumentNumber("国发〔2015〕68号", "国函〔2015〕68号"); //=> false
 * ```
 */
export function isSameDocumentNumber(
  a: DocumentNumber | string,
  b: DocumentNumber | string,
  options?: ParseDocumentNumberOptions | undefined,
): boolean {
  const x = typeof a === "string" ? safeParseDocumentNumber(a, options) : { success: true as const, data: a };
  const y = typeof b === "string" ? safeParseDocumentNumber(b, options) : { success: true as const, data: b };
  if (!x.success || !y.success) return false;
  return (
    x.data.kind === y.data.kind &&
    x.data.issuerCode === y.data.issuerCode &&
    x.data.year === y.data.year &&
    x.data.serial === y.data.serial
  );
}

/**
 * 发文字号 — zod schema of a parsed {@link DocumentNumber}: a known kind, an
 * issuer code of Chinese characters (ending in 令 / 公告 for orders /
 * announcements), a year 1949–2100 (required except for orders), a serial ≥ 1,
 * and `canonical` equal to the standard spelling of those fields
 * (`non-canonical-document-number` otherwise).
 *
 * @example
 * ```ts
 * import { DocumentNumberSchema } from "policy-eval";
 * const number = { kind: "document", issuerCode: "粤府办", year: 2016, serial: 66, canonical: "粤府办〔2016〕66号" } as const;
 * DocumentNumberSchema.safeParse(number).success; //=> true
 * DocumentNumberSchema.safeParse({ ...number, canonical: "粤府办[2016]66号" }).success; //=> false
 * ```
 */
export const DocumentNumberSchema = z
  .strictObject({
    /** `document`, `order` or `announcement`. */
    kind: z.literal(DOCUMENT_NUMBER_KINDS),
    /** 发文机关代字, e.g. `国办发`. */
    issuerCode: z.string(),
    /** Four-digit year; absent for an order number without one. */
    year: z.number().optional(),
    /** 发文顺序号, ≥ 1. */
    serial: z.number(),
    /** The standard spelling. */
    canonical: z.string(),
  })
  .superRefine(
    (value, ctx) => {
      const issues = documentNumberFieldIssues(value, [], true);
      if (issues.length > 0) {
        forwardIssues(ctx, issues);
        return;
      }
      const { kind, issuerCode, year, serial, canonical } = value as Partial<Record<keyof DocumentNumber, unknown>>;
      const typed =
        DOCUMENT_NUMBER_KINDS.includes(kind as DocumentNumberKind) &&
        typeof issuerCode === "string" &&
        typeof serial === "number" &&
        (year === undefined || typeof year === "number") &&
        typeof canonical === "string";
      if (!typed) return;
      const expected = canonicalOf(value.kind, value.issuerCode, value.year, value.serial);
      if (value.canonical === expected) return;
      forwardIssues(ctx, [
        createIssue(
          "non-canonical-document-number",
          ["canonical"],
          {
            "zh-CN": `canonical 应为规范写法 ${JSON.stringify(expected)}，实际为 ${JSON.stringify(value.canonical)}`,
            en: `canonical must be the standard spelling ${JSON.stringify(expected)}, received ${JSON.stringify(value.canonical)}`,
          },
          { params: { expected, received: value.canonical } },
        ),
      ]);
    },
    // Run also when a field has the wrong type, so that every problem is reported at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) },
  );

/**
 * 发文字号 — zod schema that reads a number written as text (leniently, like
 * {@link parseDocumentNumber}) and outputs the parsed {@link DocumentNumber};
 * for document schemas that take the number as written. Warnings are dropped;
 * a two-digit year fails (no `referenceYear` here).
 *
 * @example
 * ```ts
 * import { DocumentNumberTextSchema } from "policy-eval";
 * DocumentNumberTextSchema.parse("粤府办[2016]66号").canonical; //=> "粤府办〔2016〕66号"
 * ```
 */
export const DocumentNumberTextSchema = z.string().transform((text, ctx): DocumentNumber => {
  const reading = readLeniently(text, undefined);
  if (reading.ok) return reading.data;
  forwardIssues(ctx, reading.issues);
  return z.NEVER;
});
