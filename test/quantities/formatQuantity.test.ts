import { describe, expect, it } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import { autoMagnitude, createQuantity, formatQuantity, parseQuantity, safeCreateQuantity } from "../../src/quantities/index.js";

describe("formatQuantity — the reported form", () => {
  it.each([
    ["326.16亿元", "326.16亿元"],
    ["7家", "7家"],
    ["698.14 万条", "698.14万条"],
    ["266067 个", "266067个"],
    ["19949 万元", "19949万元"],
    ["3.91万件次", "3.91万件次"],
    ["7万余户", "7万余户"],
    ["70多个", "70多个"],
    ["10余万元", "10余万元"],
    ["约7万户", "约7万户"],
    ["7万户左右", "7万户左右"],
    ["1,234", "1,234"],
    ["３．９１万件次", "3.91万件次"],
    ["六个", "六个"],
    ["两名", "两名"],
    ["十八个", "十八个"],
    ["一百二十件", "一百二十件"],
    ["七万余户", "七万余户"],
    ["12.5%", "12.5%"],
    ["百分之三十", "百分之三十"],
    ["百分之十二点五", "百分之十二点五"],
    ["-3.5%", "-3.5%"],
    ["6.50亿元", "6.50亿元"],
  ])("%s → %s", (text, expected) => {
    expect(formatQuantity(parseQuantity(text))).toBe(expected);
  });

  it("writes a lone 2 as 两 (二名 comes back as 两名)", () => {
    expect(formatQuantity(parseQuantity("二名"))).toBe("两名");
  });
});

describe("formatQuantity — magnitude 'auto'", () => {
  it.each([
    ["19949 万元", "1.9949亿元"],
    ["326.16亿元", "326.16亿元"],
    ["266067 个", "26.6067万个"],
    ["7家", "7家"],
    ["9999个", "9999个"],
    ["10000个", "1万个"],
    ["一万零五百个", "一点零五万个"],
    ["12345.6%", "12345.6%"],
    ["-5000000000元", "-50亿元"],
  ])("%s → %s (亿 from 1亿, 万 from 1万, ratios never scaled)", (text, expected) => {
    expect(formatQuantity(parseQuantity(text), { magnitude: "auto" })).toBe(expected);
  });

  it("chooses the magnitude by the documented rule", () => {
    expect(autoMagnitude(parseQuantity("99999999元"))).toBe(4);
    expect(autoMagnitude(parseQuantity("100000000元"))).toBe(8);
    expect(autoMagnitude(parseQuantity("0.5万元"))).toBe(0);
  });

  it("never drops a digit silently: fewer decimals need a rounding mode", () => {
    const q = parseQuantity("266067 个");
    expect(() => formatQuantity(q, { magnitude: "auto", decimals: 2 })).toThrow(PolicyEvalError);
    try {
      formatQuantity(q, { magnitude: "auto", decimals: 2 });
    } catch (error) {
      expect((error as PolicyEvalError).issues[0]?.code).toBe("rounding-required");
    }
    expect(formatQuantity(q, { magnitude: "auto", decimals: 2, rounding: "halfUp" })).toBe("26.61万个");
    expect(formatQuantity(q, { magnitude: "auto", decimals: 2, rounding: "down" })).toBe("26.60万个");
  });

  it("refuses an unknown rounding mode, whether or not digits are dropped; a missing one only when they are", () => {
    const codes = (fn: () => unknown): string[] => {
      try {
        fn();
      } catch (error) {
        if (error instanceof PolicyEvalError) return error.issues.map((i) => [i.code, ...i.path].join(":"));
        throw error;
      }
      return [];
    };
    const q = parseQuantity("266067 个");
    const x = "x" as never;
    expect(codes(() => formatQuantity(q, { magnitude: "auto", decimals: 2, rounding: x }))).toEqual(["invalid-rounding:rounding"]);
    expect(codes(() => formatQuantity(q, { magnitude: "auto", decimals: 6, rounding: x }))).toEqual(["invalid-rounding:rounding"]);
    expect(codes(() => formatQuantity(q, { rounding: x }))).toEqual(["invalid-rounding:rounding"]);
    expect(codes(() => formatQuantity(q, { magnitude: "auto", decimals: 2 }))).toEqual(["rounding-required"]);
    // documented: rounding is optional while nothing is dropped
    expect(formatQuantity(q, { magnitude: "auto", decimals: 6 })).toBe("26.606700万个");
    expect(codes(() => formatQuantity(q, { magnitude: 5 as never, decimals: -1, rounding: x }))).toEqual([
      "invalid-magnitude:magnitude",
      "invalid-decimals",
      "invalid-rounding:rounding",
    ]);
  });

  it("pads with zeros when more decimals are asked for, without rounding", () => {
    expect(formatQuantity(parseQuantity("19949万元"), { magnitude: 8, decimals: 6 })).toBe("1.994900亿元");
  });

  it("writes at an explicit magnitude, with separators or Chinese numerals on request", () => {
    const q = parseQuantity("326.16亿元");
    expect(formatQuantity(q, { magnitude: 4 })).toBe("3261600万元");
    expect(formatQuantity(q, { magnitude: 0, grouping: true })).toBe("32,616,000,000元");
    expect(formatQuantity(parseQuantity("120件"), { numerals: "chinese" })).toBe("一百二十件");
  });

  it("refuses a bad magnitude or decimals", () => {
    const q = parseQuantity("7家");
    expect(() => formatQuantity(q, { magnitude: 5 as never })).toThrow(/magnitude/);
    expect(() => formatQuantity(q, { decimals: -1 })).toThrow(/decimals/);
  });
});

describe("createQuantity", () => {
  it("builds 319.64亿元 from the reported number and magnitude", () => {
    const q = createQuantity("319.64", "元", { magnitude: 8 });
    expect([q.value.toString(), q.precision, formatQuantity(q)]).toEqual(["31964000000", 2, "319.64亿元"]);
  });

  it("takes a precision and an approximation marker", () => {
    const q = createQuantity("7", "户", { magnitude: 4, approximation: "余" });
    expect(formatQuantity(q)).toBe("7万余户");
    expect(formatQuantity(createQuantity("6.5", "元", { magnitude: 8, precision: 2 }))).toBe("6.50亿元");
  });

  it("takes a notation, and safeCreateQuantity returns the quantity", () => {
    expect(formatQuantity(createQuantity("1234567", "元", { notation: { grouping: true } }))).toBe("1,234,567元");
    expect(formatQuantity(createQuantity("30", "%", { notation: { numerals: "chinese", percentWords: true } }))).toBe("百分之三十");
    expect(createQuantity("7", "家", { notation: {} }).notation).toBeUndefined();
    const result = safeCreateQuantity("7", "家");
    expect(result.success && formatQuantity(result.data)).toBe("7家");
  });

  it("reports every problem at once: a float, an unknown unit, a bad magnitude and precision", () => {
    const result = safeCreateQuantity(0.1, "英镑" as never, { magnitude: 5 as never, precision: -1, approximation: "大概" as never });
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid-number", ["value"]],
      ["unknown-unit", ["unit"]],
      ["invalid-magnitude", ["magnitude"]],
      ["invalid-precision", ["precision"]],
      ["unknown-approximation-marker", ["approximation"]],
    ]);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [1e400], [0.5], ["abc"], [""]])("refuses %s as a value", (value) => {
    const result = safeCreateQuantity(value as never, "元");
    expect(result.success ? undefined : result.error.issues[0]?.code).toBe("invalid-number");
  });
});
