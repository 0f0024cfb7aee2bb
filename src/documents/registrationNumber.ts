/**
 * 规范性文件统一编号 / 登记号 — the registration number a legal-affairs office
 * gives a normative document when it files it (`HFGS-2022-7`, `GDFG-2021-3`).
 * It is a separate field from the 发文字号 and is never read as one: a document
 * may carry both.
 *
 * @module
 */
import * as z from "zod";
import { createIssue, PolicyEvalError, type SafeResult } from "../errors.js";
import { bilingualIssue } from "../schema-issues.js";

/** 统一编号 / 登记号 — a parsed registration number. */
export interface RegistrationNumber {
  /** Registrar's letter code, upper case (`HFGS`: 惠州市规范性文件, `GDFG`). */
  readonly prefix: string;
  /** Four-digit year. */
  readonly year: number;
  /** Serial as an integer (compare serials as integers). */
  readonly serial: number;
  /** `PREFIX-YEAR-SERIAL` with ASCII hyphens; the serial's digits as written (some registrars pad, e.g. `0003`). */
  readonly canonical: string;
}

// Hyphen, dashes (‐ ‑ ‒ – — ―), minus sign, small/full-width hyphen-minus, low line.
const SEPARATOR = "[-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d_]";
const REGISTRATION = new RegExp(
  `^([A-Za-z][A-Za-z0-9]{1,15})\\s*${SEPARATOR}+\\s*(\\d{4})\\s*${SEPARATOR}+\\s*(\\d{1,15})$`,
);
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
/** Earliest year of a number: the catalogue covers documents of the People's Republic (1949 on). @internal */
export const MIN_YEAR = 1949;
/** Latest year of a number: anything later is a typo. @internal */
export const MAX_YEAR = 2100;

/** Full-width ASCII (U+FF01–FF5E) to ASCII; a `String.replace` callback. @internal */
export function toHalfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * Trims, then drops a （） or () that wraps the whole text, as when a number is
 * cited after a title: 《…通知》（国办发〔2016〕13号）.
 *
 * @internal
 */
export function trimCitation(text: string): string {
  const t = text.trim();
  const first = t.charAt(0);
  const last = t.charAt(t.length - 1);
  return (first === "（" || first === "(") && (last === "）" || last === ")") ? t.slice(1, -1).trim() : t;
}

/**
 * Reads a registration number, or returns undefined. Tolerates surrounding
 * space, a wrapping （）, full-width letters and digits, and any dash.
 *
 * @internal
 */
export function readRegistrationNumber(text: string): RegistrationNumber | undefined {
  if (typeof text !== "string") return undefined;
  const m = REGISTRATION.exec(trimCitation(text).replace(FULL_WIDTH_ALNUM, toHalfWidth));
  if (m === null) return undefined;
  const prefix = (m[1] as string).toUpperCase();
  const yearText = m[2] as string;
  const serialText = m[3] as string;
  const year = Number(yearText);
  const serial = Number(serialText);
  if (year < MIN_YEAR || year > MAX_YEAR || serial === 0) return undefined;
  return Object.freeze({ prefix, year, serial, canonical: `${prefix}-${yearText}-${serialText}` });
}

/**
 * 统一编号 — tells whether a text is a registration number such as `HFGS-2022-7`
 * (and therefore not a 发文字号).
 *
 * @param text - the text to test
 * @returns `true` for `HFGS-2022-7`, `HFGS—2017—9`; `false` for `国办发〔2016〕13号`
 *
 * @example
 * ```ts
 * import { isRegistrationNumber } from "policy-eval";
 * isRegistrationNumber("HFGS—2017—9"); //=> true
 * isRegistrationNumber("国办发〔2016〕13号"); //=> false
 * ```
 */
export function isRegistrationNumber(text: string): boolean {
  return readRegistrationNumber(text) !== undefined;
}

function invalidRegistrationNumber(text: unknown): PolicyEvalError {
  const shown = typeof text === "string" ? JSON.stringify(text) : String(text);
  return new PolicyEvalError([
    createIssue(
      "invalid-registration-number",
      [],
      {
        "zh-CN": `无法识别的规范性文件统一编号：${shown}（应形如 HFGS-2022-7）`,
        en: `Cannot read the registration number ${shown} (expected e.g. HFGS-2022-7)`,
      },
      { params: { text } },
    ),
  ]);
}

/**
 * 统一编号 / 登记号 — like {@link parseRegistrationNumber}, returning the error
 * instead of throwing it.
 *
 * @param text - a registration number
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeParseRegistrationNumber } from "policy-eval";
 * safeParseRegistrationNumber("国办发〔2016〕13号").success; //=> false
 * ```
 */
export function safeParseRegistrationNumber(text: string): SafeResult<RegistrationNumber> {
  const data = readRegistrationNumber(text);
  return data === undefined ? { success: false, error: invalidRegistrationNumber(text) } : { success: true, data };
}

/**
 * 统一编号 / 登记号 — reads a registration number such as `HFGS-2022-7` or
 * `HFGS—2017—9`.
 *
 * @param text - a registration number
 * @returns `{ prefix, year, serial, canonical }`, canonical with ASCII hyphens
 * @throws {@link PolicyEvalError} `invalid-registration-number`
 *
 * @example
 * ```ts
 * import { parseRegistrationNumber } from "policy-eval";
 * parseRegistrationNumber("HFGS—2017—9");
 * //=> { prefix: "HFGS", year: 2017, serial: 9, canonical: "HFGS-2017-9" }
 * ```
 */
export function parseRegistrationNumber(text: string): RegistrationNumber {
  const data = readRegistrationNumber(text);
  if (data === undefined) throw invalidRegistrationNumber(text);
  return data;
}

/**
 * 统一编号 / 登记号 — zod schema of a parsed {@link RegistrationNumber}: the
 * canonical text must read back to the same fields.
 *
 * @example
 * ```ts
 * import { RegistrationNumberSchema } from "policy-eval";
 * RegistrationNumberSchema.safeParse({ prefix: "HFGS", year: 2022, serial: 7, canonical: "HFGS-2022-7" }).success;
 * //=> true
 * ```
 */
export const RegistrationNumberSchema = z
  .strictObject({
    /** The letter prefix, upper case (HFGS). */
    prefix: z.string(),
    /** The year. */
    year: z.number().int(),
    /** The serial. */
    serial: z.number().int(),
    /** The standard spelling with ASCII hyphens. */
    canonical: z.string(),
  })
  .superRefine((value, ctx) => {
    const read = readRegistrationNumber(value.canonical);
    const same =
      read !== undefined &&
      read.canonical === value.canonical &&
      read.prefix === value.prefix &&
      read.year === value.year &&
      read.serial === value.serial;
    if (same) return;
    const zh = `统一编号字段与其规范文本 ${JSON.stringify(value.canonical)} 不一致`;
    const en = `The registration number's fields do not match its canonical text ${JSON.stringify(value.canonical)}`;
    ctx.addIssue({
      code: "custom",
      message: en,
      path: ["canonical"],
      params: bilingualIssue("invalid-registration-number", zh, en, { text: value.canonical }),
    });
  });
