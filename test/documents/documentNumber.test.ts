import { describe, expect, it } from "vitest";
import { errorOf } from "../thrown.js";
import { isPolicyEvalError, PolicyEvalError } from "../../src/errors.js";
import { safeParseSchema } from "../../src/schema-issues.js";
import {
  DOCUMENT_NUMBER_WARNING_CODES,
  DocumentNumberSchema,
  DocumentNumberTextSchema,
  documentNumberKey,
  formatDocumentNumber,
  isSameDocumentNumber,
  parseDocumentNumber,
  safeParseDocumentNumber,
  type DocumentNumber,
} from "../../src/documents/documentNumber.js";
import {
  isRegistrationNumber,
  parseRegistrationNumber,
  RegistrationNumberSchema,
  safeParseRegistrationNumber,
} from "../../src/documents/registrationNumber.js";

function warningCodes(text: string, options?: { referenceYear?: number }): string[] {
  const result = safeParseDocumentNumber(text, options);
  if (!result.success) throw result.error;
  return result.warnings.map((w) => w.code);
}

function issueCodes(text: string, options?: { referenceYear?: number }): string[] {
  const result = safeParseDocumentNumber(text, options);
  if (result.success) throw new Error(`expected ${text} to fail`);
  return result.error.issues.map((i) => i.code);
}

describe("the seed report's numbers", () => {
  // 清府办〔2017〕59号 and the documents its evaluation report cites.
  it.each([
    ["国办发〔2016〕13号", "国办发", 2016, 13],
    ["粤府办〔2016〕66号", "粤府办", 2016, 66],
    ["清府办〔2017〕59号", "清府办", 2017, 59],
    ["商建字〔2016〕8号", "商建字", 2016, 8],
    ["粤商务管字〔2016〕20号", "粤商务管字", 2016, 20],
    ["国发〔2015〕68号", "国发", 2015, 68],
  ])("reads %s as a canonical 发文字号 without warnings", (text, issuerCode, year, serial) => {
    const result = safeParseDocumentNumber(text);
    expect(result).toEqual({
      success: true,
      data: { kind: "document", issuerCode, year, serial, canonical: text },
      warnings: [],
    });
  });

  it("reads the numbers as the report cites them, wrapped in （）", () => {
    // 《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》（粤府办〔2016〕66号）
    expect(safeParseDocumentNumber("（粤府办〔2016〕66号）")).toEqual({
      success: true,
      data: parseDocumentNumber("粤府办〔2016〕66号"),
      warnings: [],
    });
    expect(parseDocumentNumber("(国办发〔2016〕13号)").canonical).toBe("国办发〔2016〕13号");
  });

  it("reads 惠府〔2022〕32號 (traditional 號 on a mirror portal) with a warning", () => {
    const result = safeParseDocumentNumber("惠府〔2022〕32號");
    expect(result.success && result.data).toEqual({
      kind: "document",
      issuerCode: "惠府",
      year: 2022,
      serial: 32,
      canonical: "惠府〔2022〕32号",
    });
    expect(warningCodes("惠府〔2022〕32號")).toEqual(["traditional-hao"]);
  });

  it("folds only the closing 號: one inside an issuer code is part of its name (found by a property test)", () => {
    expect(parseDocumentNumber("號一令第1号")).toMatchObject({ kind: "order", issuerCode: "號一令", canonical: "號一令第1号" });
    expect(safeParseDocumentNumber("號一令第1號")).toMatchObject({
      success: true,
      data: { issuerCode: "號一令", canonical: "號一令第1号" },
      warnings: [{ code: "traditional-hao" }],
    });
  });

  it("reads order numbers (令号) with 第 and without a year", () => {
    expect(parseDocumentNumber("粤府令第277号")).toEqual({
      kind: "order",
      issuerCode: "粤府令",
      serial: 277,
      canonical: "粤府令第277号",
    });
    expect(parseDocumentNumber("粤府令第277号").year).toBeUndefined();
    expect(parseDocumentNumber("国务院令第752号")).toMatchObject({ kind: "order", issuerCode: "国务院令", serial: 752 });
    expect(parseDocumentNumber("广东省人民政府令第277号").issuerCode).toBe("广东省人民政府令");
    expect(warningCodes("粤府令第277号")).toEqual([]);
  });

  it("reads order numbers that carry a year (交通运输部令2016年第57号)", () => {
    expect(parseDocumentNumber("交通运输部令2016年第57号")).toEqual({
      kind: "order",
      issuerCode: "交通运输部令",
      year: 2016,
      serial: 57,
      canonical: "交通运输部令2016年第57号",
    });
  });

  it("reads announcement numbers (公告编号) as their own kind", () => {
    expect(parseDocumentNumber("国家税务总局公告2018年第31号")).toEqual({
      kind: "announcement",
      issuerCode: "国家税务总局公告",
      year: 2018,
      serial: 31,
      canonical: "国家税务总局公告2018年第31号",
    });
    expect(warningCodes("国家税务总局公告2018年第31号")).toEqual([]);
  });

  it("never takes the registration number HFGS-2022-7 for a 发文字号", () => {
    const error = errorOf(() => parseDocumentNumber("HFGS-2022-7"));
    expect(error.issues.map((i) => i.code)).toEqual(["registration-number-not-document-number"]);
    expect(error.issues[0]?.messages["zh-CN"]).toContain("统一编号");
    expect(error.issues[0]?.message).toContain("registration number");
    expect(parseRegistrationNumber("HFGS-2022-7")).toEqual({ prefix: "HFGS", year: 2022, serial: 7, canonical: "HFGS-2022-7" });
  });
});

describe("lenient reading of 发文字号 variants", () => {
  const canonical = "国办发〔2018〕37号";
  const key = "document|国办发|2018|37";

  it.each([
    ["国办发[2018]37号", ["nonstandard-bracket"]],
    ["国办发(2018)37号", ["nonstandard-bracket"]],
    ["国办发（2018）37号", ["nonstandard-bracket"]],
    ["国办发［2018］37号", ["nonstandard-bracket"]],
    ["国办发【2018】37号", ["nonstandard-bracket"]],
    ["国办发﹝2018﹞37号", ["nonstandard-bracket"]],
    ["国办发〖2018〗37号", ["nonstandard-bracket"]],
    ["国办发〔2018]37号", ["nonstandard-bracket"]],
    ["国办发[2018〕37号", ["nonstandard-bracket"]],
    ["国办发〔2018〕第37号", ["ordinal-di"]],
    ["国办发〔2018〕037号", ["zero-padded"]],
    ["国办发〔2018〕00037号", ["zero-padded"]],
    ["国办发 〔2018〕 37 号", ["spacing"]],
    ["国 办 发〔2018〕37号", ["spacing"]],
    ["国办发〔2018〕\u300037号", ["spacing"]],
    ["国办发〔2018〕37號", ["traditional-hao"]],
    ["国办发〔２０１８〕３７号", ["full-width-digits"]],
    ["国办发 [2018] 第037號", ["spacing", "nonstandard-bracket", "ordinal-di", "zero-padded", "traditional-hao"]],
    ["国办发（２０１８）第０３７号", ["full-width-digits", "nonstandard-bracket", "ordinal-di", "zero-padded"]],
  ])("%s is 国办发〔2018〕37号 with warnings %j", (text, codes) => {
    const result = safeParseDocumentNumber(text);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.canonical).toBe(canonical);
    expect(documentNumberKey(result.data)).toBe(key);
    expect(result.warnings.map((w) => w.code)).toEqual(codes);
  });

  it("trims surrounding whitespace without a warning", () => {
    expect(warningCodes("  国办发〔2018〕37号\n")).toEqual([]);
    expect(parseDocumentNumber(" 国办发〔2018〕37号 ")).toEqual(parseDocumentNumber(canonical));
  });

  it("gives every warning in both languages", () => {
    const result = safeParseDocumentNumber("国办发 [２０１８] 第037號");
    expect(result.success).toBe(true);
    if (!result.success) return;
    for (const w of result.warnings) {
      expect(DOCUMENT_NUMBER_WARNING_CODES).toContain(w.code);
      expect(w.message).toBe(w.messages.en);
      expect(w.messages["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("cites GB/T 9704-2012 §7.2.5 in the bracket, 第 and padding warnings", () => {
    const result = safeParseDocumentNumber("国办发[2018]第037号");
    expect(result.success && result.warnings.every((w) => w.message.includes("GB/T 9704-2012 §7.2.5"))).toBe(true);
  });

  it("reads variants of orders and announcements", () => {
    expect(safeParseDocumentNumber("国务院令 第 752 號")).toMatchObject({
      success: true,
      data: { canonical: "国务院令第752号" },
      warnings: [{ code: "spacing" }, { code: "traditional-hao" }],
    });
    expect(warningCodes("国务院令752号")).toEqual(["missing-di"]);
    expect(warningCodes("粤府令第0277号")).toEqual(["zero-padded"]);
    expect(warningCodes("国家税务总局公告２０１８年第31号")).toEqual(["full-width-digits"]);
    expect(warningCodes("国家税务总局公告2018年31号")).toEqual(["missing-di"]);
    // PDF extraction splits words: 财政部税务总 局公告.
    expect(safeParseDocumentNumber("财政部税务总 局公告2019年第39号")).toMatchObject({
      success: true,
      data: { issuerCode: "财政部税务总局公告", canonical: "财政部税务总局公告2019年第39号" },
      warnings: [{ code: "spacing" }],
    });
  });

  it("reads an announcement or order written with brackets as that kind, with a bracket warning", () => {
    expect(safeParseDocumentNumber("中国人民银行公告〔2018〕第7号")).toMatchObject({
      success: true,
      data: { kind: "announcement", issuerCode: "中国人民银行公告", year: 2018, serial: 7, canonical: "中国人民银行公告2018年第7号" },
      warnings: [{ code: "nonstandard-bracket" }],
    });
    expect(isSameDocumentNumber("国家税务总局公告〔2018〕31号", "国家税务总局公告2018年第31号")).toBe(true);
    expect(parseDocumentNumber("交通运输部令〔2016〕57号").kind).toBe("order");
  });
});

describe("two-digit years", () => {
  it("are an error without referenceYear: the century is never guessed", () => {
    const error = errorOf(() => parseDocumentNumber("国办发〔18〕37号"));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "short-year",
          "message": "The year "18" of the document number "国办发〔18〕37号" has two digits; GB/T 9704-2012 §7.2.5 wants the full year. Pass referenceYear to expand it: the century is never guessed",
          "messages": {
            "en": "The year "18" of the document number "国办发〔18〕37号" has two digits; GB/T 9704-2012 §7.2.5 wants the full year. Pass referenceYear to expand it: the century is never guessed",
            "zh-CN": "发文字号 "国办发〔18〕37号" 的年份“18”只有两位，年份应写全称（GB/T 9704-2012 第7.2.5条）；请提供参考年份 referenceYear 以补全，世纪不作猜测",
          },
          "params": {
            "text": "国办发〔18〕37号",
          },
          "path": [],
          "severity": "error",
        },
      ]
    `);
  });

  it("expand to the latest year not after referenceYear, with a short-year warning", () => {
    const result = safeParseDocumentNumber("国办发〔18〕37号", { referenceYear: 2021 });
    expect(result.success && result.data.year).toBe(2018);
    expect(result.success && result.data.canonical).toBe("国办发〔2018〕37号");
    expect(result.success && result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "short-year",
          "message": "Two-digit year "18" expanded to 2018 using referenceYear 2021; the year should be written in full (GB/T 9704-2012 §7.2.5)",
          "messages": {
            "en": "Two-digit year "18" expanded to 2018 using referenceYear 2021; the year should be written in full (GB/T 9704-2012 §7.2.5)",
            "zh-CN": "两位年份“18”已按参考年份 2021 补全为 2018；年份应写全称（GB/T 9704-2012 第7.2.5条）",
          },
        },
      ]
    `);
    expect(parseDocumentNumber("粤府〔99〕5号", { referenceYear: 2003 }).year).toBe(1999);
    expect(parseDocumentNumber("粤府〔03〕5号", { referenceYear: 2003 }).year).toBe(2003);
    expect(parseDocumentNumber("国家税务总局公告18年第31号", { referenceYear: 2019 }).year).toBe(2018);
  });

  it("do not reach into the future: 〔18〕 cited in 2017 is 1918, out of range", () => {
    expect(issueCodes("国办发〔18〕37号", { referenceYear: 2017 })).toEqual(["year-out-of-range"]);
  });

  it("leave four-digit years alone whatever referenceYear says", () => {
    expect(warningCodes("国办发〔2018〕37号", { referenceYear: 2010 })).toEqual([]);
  });

  it("reject a referenceYear that is not a plausible year", () => {
    expect(issueCodes("国办发〔18〕37号", { referenceYear: 21 })).toEqual(["invalid-reference-year"]);
    expect(issueCodes("国办发〔2018〕37号", { referenceYear: 2021.5 })).toEqual(["invalid-reference-year"]);
  });
});

describe("errors", () => {
  it("name the unreadable text in zh-CN and en", () => {
    const error = errorOf(() => parseDocumentNumber("关于促进二手车便利交易的通知"));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-document-number",
          "message": "Cannot read the document number "关于促进二手车便利交易的通知" (expected e.g. 国办发〔2018〕37号, 粤府令第277号 or 国家税务总局公告2018年第31号)",
          "messages": {
            "en": "Cannot read the document number "关于促进二手车便利交易的通知" (expected e.g. 国办发〔2018〕37号, 粤府令第277号 or 国家税务总局公告2018年第31号)",
            "zh-CN": "无法识别的发文字号："关于促进二手车便利交易的通知"（应形如 国办发〔2018〕37号、粤府令第277号 或 国家税务总局公告2018年第31号）",
          },
          "params": {
            "text": "关于促进二手车便利交易的通知",
          },
          "path": [],
          "severity": "error",
        },
      ]
    `);
  });

  it("report every problem at once", () => {
    expect(issueCodes("〔1900〕0号")).toEqual(["missing-issuer-code", "year-out-of-range", "invalid-serial"]);
  });

  it.each([
    ["国办发〔2018〕0号", ["invalid-serial"]],
    ["国办发〔2018〕000号", ["invalid-serial"]],
    ["国办发〔2018〕1234567890123456号", ["invalid-serial"]],
    ["国办发〔1948〕3号", ["year-out-of-range"]],
    ["国办发〔2101〕3号", ["year-out-of-range"]],
    ["〔2018〕37号", ["missing-issuer-code"]],
    ["令第5号", ["missing-issuer-code"]],
    ["公告2018年第5号", ["missing-issuer-code"]],
    ["国办发〔201〕37号", ["invalid-document-number"]],
    ["国办发〔2018〕37", ["invalid-document-number"]],
    ["国办发2018年37号", ["invalid-document-number"]],
    ["", ["invalid-document-number"]],
    ["   ", ["invalid-document-number"]],
    ["国办发〔2018〕37号文", ["invalid-document-number"]],
    ["HFGS-2022-7", ["registration-number-not-document-number"]],
    ["HFGS—2017—9", ["registration-number-not-document-number"]],
    ["（ＨＦＧＳ－２０２２－７）", ["registration-number-not-document-number"]],
  ])("%s fails with %j", (text, codes) => {
    expect(issueCodes(text)).toEqual(codes);
    expect(() => parseDocumentNumber(text)).toThrow(PolicyEvalError);
  });

  it("accepts the boundary years 1949 and 2100", () => {
    expect(parseDocumentNumber("政务院〔1949〕1号").year).toBe(1949);
    expect(parseDocumentNumber("国办发〔2100〕1号").year).toBe(2100);
  });

  it("turn a non-string from untyped callers into an issue, never a TypeError", () => {
    for (const value of [undefined, null, 42, {}, ["国办发〔2018〕37号"]]) {
      const result = safeParseDocumentNumber(value as unknown as string);
      expect(result.success).toBe(false);
      expect(!result.success && result.error.issues[0]?.code).toBe("invalid-document-number");
      expect(() => parseDocumentNumber(value as unknown as string)).toThrow(PolicyEvalError);
    }
    // An object whose string form is a number is still not a string.
    const sneaky = { toString: () => "国办发〔2018〕37号" };
    expect(() => parseDocumentNumber(sneaky as unknown as string)).toThrow(PolicyEvalError);
  });

  it("are PolicyEvalErrors that format in both locales", () => {
    const error = errorOf(() => parseDocumentNumber("国办发〔2018〕0号"));
    expect(isPolicyEvalError(error)).toBe(true);
    expect(error.format("zh-CN")).toContain("顺序号");
    expect(error.format("en")).toContain("(invalid-serial)");
  });
});

describe("identity", () => {
  it("is one key for every spelling of one number", () => {
    const spellings = ["国办发〔2016〕13号", "国办发[2016]13号", "国办发〔2016〕第13号", "国办发〔2016〕013号", "国办发 〔2016〕 13 號"];
    expect(new Set(spellings.map((s) => documentNumberKey(s)))).toEqual(new Set(["document|国办发|2016|13"]));
    for (const s of spellings) expect(isSameDocumentNumber(s, "国办发〔2016〕13号")).toBe(true);
  });

  it("keeps series apart: 粤府, 粤府办 and 粤府函; 国发 and 国函", () => {
    const keys = ["粤府〔2016〕66号", "粤府办〔2016〕66号", "粤府函〔2016〕66号"].map((s) => documentNumberKey(s));
    expect(new Set(keys).size).toBe(3);
    expect(isSameDocumentNumber("国发〔2015〕68号", "国函〔2015〕68号")).toBe(false);
    expect(isSameDocumentNumber("国发〔2015〕68号", "国发〔2016〕68号")).toBe(false);
    expect(isSameDocumentNumber("国发〔2015〕68号", "国发〔2015〕69号")).toBe(false);
  });

  it("keys orders with an empty year and keeps kinds apart", () => {
    expect(documentNumberKey("粤府令第277号")).toBe("order|粤府令||277");
    expect(documentNumberKey("国家税务总局公告2018年第31号")).toBe("announcement|国家税务总局公告|2018|31");
    expect(isSameDocumentNumber("粤府令第277号", "粤府令2016年第277号")).toBe(false);
  });

  it("compares parsed numbers and texts alike", () => {
    const parsed = parseDocumentNumber("清府办〔2017〕59号");
    expect(isSameDocumentNumber(parsed, "清府办[2017]第59号")).toBe(true);
    expect(isSameDocumentNumber("清府办[2017]第59号", parsed)).toBe(true);
    expect(isSameDocumentNumber(parsed, parsed)).toBe(true);
  });

  it("treats an unreadable text as the same as nothing", () => {
    expect(isSameDocumentNumber("abc", "abc")).toBe(false);
    expect(isSameDocumentNumber("HFGS-2022-7", "HFGS-2022-7")).toBe(false);
    expect(isSameDocumentNumber("国办发〔18〕37号", "国办发〔2018〕37号")).toBe(false);
    expect(isSameDocumentNumber("国办发〔18〕37号", "国办发〔2018〕37号", { referenceYear: 2020 })).toBe(true);
  });

  it("documentNumberKey throws on an unreadable text", () => {
    expect(() => documentNumberKey("HFGS-2022-7")).toThrow(PolicyEvalError);
  });
});

describe("formatDocumentNumber", () => {
  it("formats each kind canonically from its fields, ignoring a stale canonical", () => {
    const stale = { kind: "document", issuerCode: "国办发", year: 2018, serial: 37, canonical: "国办发[2018]037号" } as const;
    expect(formatDocumentNumber(stale)).toBe("国办发〔2018〕37号");
    expect(formatDocumentNumber({ kind: "order", issuerCode: "粤府令", serial: 277, canonical: "" })).toBe("粤府令第277号");
    expect(formatDocumentNumber({ kind: "order", issuerCode: "交通运输部令", year: 2016, serial: 57, canonical: "" })).toBe(
      "交通运输部令2016年第57号",
    );
    expect(formatDocumentNumber({ kind: "announcement", issuerCode: "国家税务总局公告", year: 2018, serial: 31, canonical: "" })).toBe(
      "国家税务总局公告2018年第31号",
    );
  });

  it("reads a text first", () => {
    expect(formatDocumentNumber("粤商务管字 [2016] 第020號")).toBe("粤商务管字〔2016〕20号");
    expect(formatDocumentNumber("国办发〔18〕37号", { referenceYear: 2018 })).toBe("国办发〔2018〕37号");
  });

  it("does not mutate its input", () => {
    const input = { kind: "document" as const, issuerCode: "国办发", year: 2018, serial: 37, canonical: "x" };
    const copy = structuredClone(input);
    formatDocumentNumber(input);
    documentNumberKey(input);
    expect(input).toEqual(copy);
  });

  it("lists every invalid field with its path", () => {
    const bad = { kind: "document", issuerCode: "", serial: 0, canonical: "" } as const;
    const error = errorOf(() => formatDocumentNumber(bad as unknown as DocumentNumber));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["missing-issuer-code", ["issuerCode"]],
      ["missing-year", ["year"]],
      ["invalid-serial", ["serial"]],
    ]);
  });

  it("rejects fields that would not read back as the same kind", () => {
    const error = errorOf(() => formatDocumentNumber({ kind: "document", issuerCode: "粤府令", year: 2016, serial: 3, canonical: "" }));
    expect(error.issues.map((i) => i.code)).toEqual(["invalid-issuer-code"]);
    const kindless = errorOf(() => formatDocumentNumber({ kind: "decree", issuerCode: "国发", year: 2016, serial: 3 } as unknown as DocumentNumber));
    expect(kindless.issues.map((i) => [i.code, i.path])).toEqual([["invalid-value", ["kind"]]]);
    const issuerless = errorOf(() => formatDocumentNumber({ kind: "order", serial: 3 } as unknown as DocumentNumber));
    expect(issuerless.issues.map((i) => [i.code, i.path])).toEqual([["missing-issuer-code", ["issuerCode"]]]);
    expect(errorOf(() => formatDocumentNumber(null as unknown as DocumentNumber)).issues[0]?.code).toBe("invalid-document-number");
  });
});

describe("parsed numbers", () => {
  it("are frozen", () => {
    expect(Object.isFrozen(parseDocumentNumber("国办发〔2016〕13号"))).toBe(true);
    expect(Object.isFrozen(parseDocumentNumber("国办发[2016]13号"))).toBe(true);
    const result = safeParseDocumentNumber("国办发[2016]13号");
    expect(result.success && Object.isFrozen(result.warnings[0])).toBe(true);
  });

  it("satisfy DocumentNumberSchema", () => {
    for (const text of ["国办发〔2016〕13号", "粤府令第277号", "交通运输部令2016年第57号", "国家税务总局公告2018年第31号"]) {
      expect(DocumentNumberSchema.parse(parseDocumentNumber(text))).toEqual(parseDocumentNumber(text));
    }
  });
});

describe("DocumentNumberSchema", () => {
  it("reports a canonical that does not match the fields", () => {
    const result = safeParseSchema(
      DocumentNumberSchema,
      { kind: "document", issuerCode: "粤府办", year: 2016, serial: 66, canonical: "粤府办[2016]66号" },
      ["number"],
    );
    expect(!result.success && result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "non-canonical-document-number",
          "message": "canonical must be the standard spelling "粤府办〔2016〕66号", received "粤府办[2016]66号"",
          "messages": {
            "en": "canonical must be the standard spelling "粤府办〔2016〕66号", received "粤府办[2016]66号"",
            "zh-CN": "canonical 应为规范写法 "粤府办〔2016〕66号"，实际为 "粤府办[2016]66号"",
          },
          "params": {
            "expected": "粤府办〔2016〕66号",
            "received": "粤府办[2016]66号",
          },
          "path": [
            "number",
            "canonical",
          ],
          "severity": "error",
        },
      ]
    `);
  });

  it("reports every problem at once, wrong types included", () => {
    const result = safeParseSchema(DocumentNumberSchema, {
      kind: "decree",
      issuerCode: "粤府办",
      year: 1900,
      serial: 0,
      canonical: "x",
      extra: true,
    });
    expect(!result.success && result.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-value", "kind"],
      ["unknown-field", ""],
      ["year-out-of-range", "year"],
      ["invalid-serial", "serial"],
    ]);
    const typed = safeParseSchema(DocumentNumberSchema, { kind: "order", issuerCode: 5, year: "2016", serial: 1, canonical: "x" });
    expect(!typed.success && typed.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-type", "issuerCode"],
      ["invalid-type", "year"],
    ]);
  });

  it("requires a year except for orders", () => {
    expect(DocumentNumberSchema.safeParse({ kind: "order", issuerCode: "粤府令", serial: 277, canonical: "粤府令第277号" }).success).toBe(true);
    const result = safeParseSchema(DocumentNumberSchema, { kind: "announcement", issuerCode: "国家税务总局公告", serial: 31, canonical: "x" });
    expect(!result.success && result.error.issues.map((i) => i.code)).toEqual(["missing-year"]);
  });
});

describe("DocumentNumberTextSchema", () => {
  it("reads a number as written into its parsed form", () => {
    expect(DocumentNumberTextSchema.parse("清府办[2017]59号")).toEqual(parseDocumentNumber("清府办〔2017〕59号"));
  });

  it("keeps the issue code of a number it cannot read", () => {
    const result = safeParseSchema(DocumentNumberTextSchema, "HFGS-2022-7", ["number"]);
    expect(!result.success && result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["registration-number-not-document-number", ["number"]],
    ]);
  });
});

describe("registration numbers (统一编号 / 登记号)", () => {
  it.each([
    ["HFGS-2022-7", { prefix: "HFGS", year: 2022, serial: 7, canonical: "HFGS-2022-7" }],
    ["HFGS—2017—9", { prefix: "HFGS", year: 2017, serial: 9, canonical: "HFGS-2017-9" }],
    ["GDFG–2021–3", { prefix: "GDFG", year: 2021, serial: 3, canonical: "GDFG-2021-3" }],
    [" hfgs - 2022 - 7 ", { prefix: "HFGS", year: 2022, serial: 7, canonical: "HFGS-2022-7" }],
    ["ＨＦＧＳ－２０２２－７", { prefix: "HFGS", year: 2022, serial: 7, canonical: "HFGS-2022-7" }],
    ["ZJSP01-2019-0003", { prefix: "ZJSP01", year: 2019, serial: 3, canonical: "ZJSP01-2019-0003" }],
    ["（HFGS-2022-7）", { prefix: "HFGS", year: 2022, serial: 7, canonical: "HFGS-2022-7" }],
  ])("reads %s", (text, expected) => {
    expect(parseRegistrationNumber(text)).toEqual(expected);
    expect(isRegistrationNumber(text)).toBe(true);
    expect(RegistrationNumberSchema.parse(expected)).toEqual(expected);
  });

  it.each(["国办发〔2016〕13号", "HFGS-22-7", "HFGS-2022-0", "HFGS-1900-7", "HFGS2022-7", "2022-7", "H-2022-7", ""])(
    "rejects %s",
    (text) => {
      expect(isRegistrationNumber(text)).toBe(false);
      const result = safeParseRegistrationNumber(text);
      expect(!result.success && result.error.issues.map((i) => i.code)).toEqual(["invalid-registration-number"]);
      expect(() => parseRegistrationNumber(text)).toThrow(PolicyEvalError);
    },
  );

  it("rejects a non-string quietly", () => {
    expect(isRegistrationNumber(7 as unknown as string)).toBe(false);
  });

  it("schema rejects fields that do not match the canonical text", () => {
    const result = safeParseSchema(RegistrationNumberSchema, { prefix: "HFGS", year: 2022, serial: 8, canonical: "HFGS-2022-7" });
    expect(!result.success && result.error.issues.map((i) => [i.code, i.path])).toEqual([["invalid-registration-number", ["canonical"]]]);
  });
});
