import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parseChineseDate, safeParseChineseDate } from "../../src/dates/index.js";
import { PolicyEvalError } from "../../src/errors.js";

const reference = { referenceDate: "2021-08-20" } as const;

describe("parseChineseDate", () => {
  it("reads the expressions of the reference report", () => {
    // 清府办〔2017〕59号“于2017年9月正式印发”
    expect(parseChineseDate("2017年9月")).toBe("2017-09");
    // 公安部自2021年6月1日起实施
    expect(parseChineseDate("2021年6月1日")).toBe("2021-06-01");
    // 截止 2021 年 7 月 (as of the end of that month)
    expect(parseChineseDate("截止 2021 年 7 月")).toBe("2021-07-31");
    expect(parseChineseDate("截止 2021 年 6 月")).toBe("2021-06-30");
    expect(parseChineseDate("截至 2021 年 7 月末")).toBe("2021-07-31");
    // 截至7月末 / 截至 7 月末: the year comes from the reference date
    expect(parseChineseDate("截至7月末", reference)).toBe("2021-07-31");
    expect(parseChineseDate("截至 7 月末", reference)).toBe("2021-07-31");
    // 截止目前 = the reference date
    expect(parseChineseDate("截止目前", reference)).toBe("2021-08-20");
  });

  it("keeps the precision of what is written", () => {
    expect(parseChineseDate("2021 年 7 月")).toBe("2021-07");
    expect(parseChineseDate("2016年")).toBe("2016");
    expect(parseChineseDate("2021年底")).toBe("2021-12-31");
    expect(parseChineseDate("2021-6-1")).toBe("2021-06-01");
    expect(parseChineseDate("2021/06")).toBe("2021-06");
  });

  it("reads 元月, 前, full-width digits and Chinese numerals", () => {
    expect(parseChineseDate("2019年元月")).toBe("2019-01");
    expect(parseChineseDate("2021年12月31日前")).toBe("2021-12-31");
    expect(parseChineseDate("２０２１年６月１日")).toBe("2021-06-01");
    expect(parseChineseDate("二〇二一年六月一日")).toBe("2021-06-01");
    expect(parseChineseDate("二〇一七年十二月三十一日")).toBe("2017-12-31");
  });

  it("takes a month without a year as the most recent one up to the reference date", () => {
    expect(parseChineseDate("7月末", reference)).toBe("2021-07-31");
    expect(parseChineseDate("8月", reference)).toBe("2021-08");
    expect(parseChineseDate("12月", reference)).toBe("2020-12");
    expect(parseChineseDate("去年12月底", reference)).toBe("2020-12-31");
  });

  it("never guesses: unreadable text, impossible dates and missing references are typed errors", () => {
    const cases: Array<[string, string]> = [
      ["2021年2月29日", "invalid-date"],
      ["2021年13月", "invalid-date"],
      ["明年", "unreadable-date"],
      ["", "unreadable-date"],
      ["截止目前", "missing-reference-date"],
      ["截至7月末", "missing-reference-date"],
    ];
    for (const [text, code] of cases) {
      const result = safeParseChineseDate(text);
      expect(result.success, text).toBe(false);
      if (!result.success) {
        expect(result.error.issues[0]?.code, text).toBe(code);
        expect(result.error.issues[0]?.messages["zh-CN"].length).toBeGreaterThan(0);
      }
      expect(() => parseChineseDate(text)).toThrow(PolicyEvalError);
    }
  });

  it("rejects a reference date that is not a full date", () => {
    expect(() => parseChineseDate("截止目前", { referenceDate: "2021-08" as never })).toThrow(PolicyEvalError);
  });

  test.prop([fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })])(
    "Y年M月D日 round-trips every real day, in half- and full-width digits",
    (d) => {
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const iso = d.toISOString().slice(0, 10);
      expect(parseChineseDate(`${y}年${m}月${day}日`)).toBe(iso);
      const wide = `${y}年${m}月${day}日`.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      expect(parseChineseDate(wide)).toBe(iso);
    },
  );

  test.prop([fc.string()])("returns a date or a PolicyEvalError, never anything else", (text) => {
    const result = safeParseChineseDate(text, reference);
    if (!result.success) expect(result.error).toBeInstanceOf(PolicyEvalError);
  });
});

describe("formatChineseDate", () => {
  it("writes the report's dates back in Chinese, keeping their precision", async () => {
    const { formatChineseDate } = await import("../../src/dates/index.js");
    expect(formatChineseDate("2017-09")).toBe("2017年9月");
    expect(formatChineseDate("2021-06-01")).toBe("2021年6月1日");
    expect(formatChineseDate("2016")).toBe("2016年");
    expect(() => formatChineseDate("2021-02-29" as "2021-02-28")).toThrow(PolicyEvalError);
  });

  test.prop([fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), fc.constantFrom(4, 7, 10)])(
    "parseChineseDate reads back what formatChineseDate writes",
    async (d, len) => {
      const { formatChineseDate } = await import("../../src/dates/index.js");
      const date = d.toISOString().slice(0, len) as "2021-06-01";
      expect(parseChineseDate(formatChineseDate(date))).toBe(date);
    },
  );
});
