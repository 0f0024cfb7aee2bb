/**
 * 发文字号 — what a parsed document, order or announcement number is, the
 * warnings reading one may give, and its canonical spelling (GB/T 9704-2012
 * §7.2.5). The reader is in readDocumentNumber.ts, the public functions in
 * documentNumber.ts.
 *
 * @module
 */
import type { LocalizedMessage, SafeFailure, SafeSuccess } from "../errors.js";

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

/** The standard spelling of a number's fields. @internal */
export function canonicalOf(kind: DocumentNumberKind, issuerCode: string, year: number | undefined, serial: number): string {
  if (kind === "document") return `${issuerCode}〔${year}〕${serial}号`;
  return year === undefined ? `${issuerCode}第${serial}号` : `${issuerCode}${year}年第${serial}号`;
}

/** A frozen number (no `year` key when it has none). @internal */
export function build(kind: DocumentNumberKind, issuerCode: string, year: number | undefined, serial: number, canonical: string): DocumentNumber {
  return Object.freeze(
    year === undefined ? { kind, issuerCode, serial, canonical } : { kind, issuerCode, year, serial, canonical },
  );
}
