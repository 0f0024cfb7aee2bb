/**
 * 发文字号 — document numbers such as 国办发〔2016〕13号, read leniently from
 * real texts (any bracket, 第, zero padding, stray spaces, 號, full-width
 * digits), each deviation reported as a warning, and kept in the canonical
 * form of GB/T 9704-2012 §7.2.5. Order numbers (令号, 粤府令第277号) and
 * announcement numbers (公告编号, 国家税务总局公告2018年第31号) are kinds of
 * their own. A registration number (统一编号, HFGS-2022-7) is never taken for
 * a 发文字号.
 *
 * This file holds the public functions and schemas; the model (types,
 * canonical spelling) is in documentNumberModel.ts, the lenient reader in
 * readDocumentNumber.ts, its fast path for canonical numbers in
 * canonicalDocumentNumber.ts, and the issues they share in
 * documentNumberIssues.ts.
 *
 * @module
 */
import * as z from "zod";
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import { bilingualIssue, forwardIssues } from "../schema-issues.js";
import { readCanonical } from "./canonicalDocumentNumber.js";
import { missingIssuerIssue, serialIssue, show, unreadable, yearRangeIssue } from "./documentNumberIssues.js";
import { canonicalOf, DOCUMENT_NUMBER_KINDS, type DocumentNumber, type DocumentNumberKind, type ParseDocumentNumberOptions, type SafeParseDocumentNumberResult } from "./documentNumberModel.js";
import { readLeniently } from "./readDocumentNumber.js";
import { MAX_YEAR, MIN_YEAR } from "./registrationNumber.js";

export {
  DOCUMENT_NUMBER_KINDS,
  DOCUMENT_NUMBER_WARNING_CODES,
  type DocumentNumber,
  type DocumentNumberKind,
  type DocumentNumberWarning,
  type DocumentNumberWarningCode,
  type ParseDocumentNumberOptions,
  type SafeParseDocumentNumberResult,
} from "./documentNumberModel.js";

const HAN_ONLY = /^\p{Script=Han}+$/u;

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
