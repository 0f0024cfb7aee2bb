import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import { canonicalDocumentYear } from "../../src/documents/canonicalDocumentNumber.js";
import {
  documentNumberKey,
  formatDocumentNumber,
  parseDocumentNumber,
  safeParseDocumentNumber,
  type DocumentNumberWarningCode,
} from "../../src/documents/documentNumber.js";
import { isRegistrationNumber } from "../../src/documents/registrationNumber.js";

const RUNS = { numRuns: 300 };

// Issuer codes: real 代字 characters and random CJK ideographs, never ending in 令 / 公告
// (those endings make an order / announcement number).
const issuerChar = fc.oneof(
  fc.constantFrom(..."国办发函粤府清商建字务管惠省市委厅局规财税发改能源"),
  fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
);
const issuerCode = fc
  .array(issuerChar, { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(""))
  .filter((s) => !s.endsWith("令") && !s.endsWith("公告"));
const year = fc.integer({ min: 1949, max: 2100 });
const serial = fc.integer({ min: 1, max: 99999 });

/** Strings built from the characters that matter, so that near-misses are common. */
function nearMiss(): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(..."国办发粤府令公告年第号號〔〕[]()（）【】 0123456789０１HFGS-—"), { maxLength: 16 })
    .map((cs) => cs.join(""));
}

const OPEN = ["〔", "[", "(", "（", "［", "【", "﹝", "〖"] as const;
const CLOSE = ["〕", "]", ")", "）", "］", "】", "﹞", "〗"] as const;
const SPACES = [" ", "\u3000", "\t", "\u00a0"] as const;

interface Variant {
  readonly open: string;
  readonly close: string;
  readonly di: boolean;
  readonly zeros: number;
  /** Where to put a space (index between two characters), if anywhere. */
  readonly spaceAt: number | undefined;
  readonly space: string;
  readonly hao: boolean;
  readonly fullWidth: boolean;
}

const variant: fc.Arbitrary<Variant> = fc.record({
  open: fc.constantFrom(...OPEN),
  close: fc.constantFrom(...CLOSE),
  di: fc.boolean(),
  zeros: fc.integer({ min: 0, max: 3 }),
  spaceAt: fc.option(fc.nat(), { nil: undefined }),
  space: fc.constantFrom(...SPACES),
  hao: fc.boolean(),
  fullWidth: fc.boolean(),
});

function toFullWidth(digits: string): string {
  return digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Inserts a space strictly between two characters (never at an end, where it is trimmed). */
function insertSpace(text: string, at: number | undefined, space: string): string {
  if (at === undefined) return text;
  const i = 1 + (at % (text.length - 1));
  return text.slice(0, i) + space + text.slice(i);
}

function spell(code: string, y: number, s: number, v: Variant): string {
  const digits = (n: string) => (v.fullWidth ? toFullWidth(n) : n);
  const text = `${code}${v.open}${digits(String(y))}${v.close}${v.di ? "第" : ""}${digits("0".repeat(v.zeros) + String(s))}${v.hao ? "號" : "号"}`;
  return insertSpace(text, v.spaceAt, v.space);
}

function expectedWarnings(v: Variant): DocumentNumberWarningCode[] {
  const codes: DocumentNumberWarningCode[] = [];
  if (v.spaceAt !== undefined) codes.push("spacing");
  if (v.fullWidth) codes.push("full-width-digits");
  if (v.open !== "〔" || v.close !== "〕") codes.push("nonstandard-bracket");
  if (v.di) codes.push("ordinal-di");
  if (v.zeros > 0) codes.push("zero-padded");
  if (v.hao) codes.push("traditional-hao");
  return codes;
}

describe("document numbers, as laws", () => {
  test.prop([issuerCode, year, serial], RUNS)("a canonical number reads back to itself without warnings", (code, y, s) => {
    const canonical = `${code}〔${y}〕${s}号`;
    const result = safeParseDocumentNumber(canonical);
    expect(result).toEqual({
      success: true,
      data: { kind: "document", issuerCode: code, year: y, serial: s, canonical },
      warnings: [],
    });
    // The fast path and the lenient path agree (surrounding space forces the lenient one).
    expect(parseDocumentNumber(` ${canonical}\n`)).toEqual(parseDocumentNumber(canonical));
  });

  test.prop([issuerCode, year, serial, variant], RUNS)(
    "every bracket / 第 / padding / spacing / 號 / full-width variant has the same identity and its own warnings",
    (code, y, s, v) => {
      const text = spell(code, y, s, v);
      const result = safeParseDocumentNumber(text);
      expect(result.success).toBe(true);
      if (!result.success) return;
      expect(documentNumberKey(result.data)).toBe(`document|${code}|${y}|${s}`);
      expect(result.data.canonical).toBe(`${code}〔${y}〕${s}号`);
      expect(result.warnings.map((w) => w.code)).toEqual(expectedWarnings(v));
    },
  );

  test.prop([issuerCode, year, serial, variant], RUNS)("format∘parse is canonical and stable", (code, y, s, v) => {
    const formatted = formatDocumentNumber(parseDocumentNumber(spell(code, y, s, v)));
    expect(formatDocumentNumber(parseDocumentNumber(formatted))).toBe(formatted);
    const again = safeParseDocumentNumber(formatted);
    expect(again.success && again.warnings).toEqual([]);
  });

  const orderOrAnnouncement = fc.record({
    issuer: issuerCode,
    kind: fc.constantFrom("令", "公告"),
    year: fc.option(year, { nil: undefined }),
    serial,
    zeros: fc.integer({ min: 0, max: 2 }),
    di: fc.boolean(),
    spaceAt: fc.option(fc.nat(), { nil: undefined }),
    hao: fc.boolean(),
  });

  test.prop([orderOrAnnouncement], RUNS)("orders and announcements keep their identity across spellings", (o) => {
    const y = o.kind === "公告" ? (o.year ?? 2018) : o.year;
    const issuer = o.issuer + o.kind;
    const yearPart = y === undefined ? "" : `${y}年`;
    const canonical = `${issuer}${yearPart}第${o.serial}号`;
    const written = insertSpace(
      `${issuer}${yearPart}${o.di ? "第" : ""}${"0".repeat(o.zeros)}${o.serial}${o.hao ? "號" : "号"}`,
      o.spaceAt,
      " ",
    );
    const result = safeParseDocumentNumber(written);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const kind = o.kind === "令" ? "order" : "announcement";
    expect(documentNumberKey(result.data)).toBe(`${kind}|${issuer}|${y ?? ""}|${o.serial}`);
    expect(result.data.canonical).toBe(canonical);
    expect(formatDocumentNumber(result.data)).toBe(canonical);
    expect(safeParseDocumentNumber(canonical)).toMatchObject({ success: true, warnings: [] });
    expect(result.warnings.some((w) => w.code === "missing-di")).toBe(!o.di);
  });

  const registrationNumber = fc
    .record({
      prefix: fc.stringMatching(/^[A-Z][A-Z0-9]{1,7}$/),
      separator: fc.constantFrom("-", "—", "–", "－", "‐", "——", " - "),
      year,
      serial: fc.integer({ min: 1, max: 9999 }),
    })
    .map(({ prefix, separator, year: y, serial: s }) => `${prefix}${separator}${y}${separator}${s}`);

  test.prop([registrationNumber], RUNS)("a registration number is never read as a document number", (text) => {
    expect(isRegistrationNumber(text)).toBe(true);
    const result = safeParseDocumentNumber(text);
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues.map((i) => i.code)).toEqual(["registration-number-not-document-number"]);
  });

  // canonicalDocumentYear is the corpus build's hand-written scan of CANONICAL_DOCUMENT: it must
  // accept exactly what the full parser reads as a canonical, warning-free document number.
  test.prop([fc.oneof(fc.tuple(issuerCode, year, serial).map(([c, y, s]) => `${c}〔${y}〕${s}号`), nearMiss())], {
    numRuns: 1000,
  })("the fast canonical scan agrees with the parser", (text) => {
    const result = safeParseDocumentNumber(text);
    const canonical =
      result.success && result.warnings.length === 0 && result.data.kind === "document" && result.data.canonical === text;
    expect(canonicalDocumentYear(text)).toBe(canonical ? result.data.year : undefined);
  });

  test.prop([fc.oneof(fc.string(), fc.string({ unit: "binary" }), nearMiss())], { numRuns: 1000 })(
    "safeParse never throws, parse throws only PolicyEvalError, and a success reads back canonically",
    (text) => {
      const result = safeParseDocumentNumber(text);
      try {
        parseDocumentNumber(text);
        expect(result.success).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyEvalError);
        expect(result.success).toBe(false);
      }
      if (result.success) {
        const again = safeParseDocumentNumber(result.data.canonical);
        expect(again.success && again.data).toEqual(result.data);
        expect(again.success && again.warnings).toEqual([]);
      } else {
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) expect(issue.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      }
    },
  );
});
