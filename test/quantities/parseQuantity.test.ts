import { describe, expect, it } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import { errorOf } from "../thrown.js";
import {
  formatQuantity,
  parseCompoundQuantity,
  parseQuantity,
  safeParseCompoundQuantity,
  safeParseQuantity,
  type Quantity,
} from "../../src/quantities/index.js";

/** The essentials of a quantity, for compact assertions. */
function facts(q: Quantity): [string, string, number, number, boolean] {
  return [q.value.toString(), q.unit, q.magnitude, q.precision, q.approximate];
}

function codeOf(text: unknown): string | undefined {
  const result = safeParseQuantity(text as string);
  return result.success ? undefined : result.error.issues[0]?.code;
}

describe("parseQuantity — the seed report's figures", () => {
  it.each([
    ["7家", ["7", "家", 0, 0, false]],
    ["698.14 万条", ["6981400", "条", 4, 2, false]],
    ["266067 个", ["266067", "个", 0, 0, false]],
    ["326.16亿元", ["32616000000", "元", 8, 2, false]],
    ["19949 万元", ["199490000", "元", 4, 0, false]],
    ["9.05 亿元", ["905000000", "元", 8, 2, false]],
    ["18 个", ["18", "个", 0, 0, false]],
    ["5011笔", ["5011", "笔", 0, 0, false]],
    ["4.95 亿元", ["495000000", "元", 8, 2, false]],
  ] as const)("%s → value in base units, unit, magnitude, precision", (text, expected) => {
    expect(facts(parseQuantity(text))).toEqual(expected);
  });

  it("gives 326.16亿元 the exact value 32616000000 (the DESIGN §5 contract)", () => {
    expect(parseQuantity("326.16亿元").value.toString()).toBe("32616000000");
  });

  it("keeps a trailing zero of the reported precision (6.50亿元 is precise to 0.01亿)", () => {
    const q = parseQuantity("6.50亿元");
    expect([q.value.toString(), q.precision]).toEqual(["650000000", 2]);
    expect(formatQuantity(q)).toBe("6.50亿元");
  });
});

describe("parseQuantity — other forms", () => {
  it("reads 3.91万件次 with the two-character unit 件次 (not 次)", () => {
    expect(facts(parseQuantity("3.91万件次"))).toEqual(["39100", "件次", 4, 2, false]);
  });

  it("reads 7万余户 as a lower bound of 70000 households", () => {
    const q = parseQuantity("7万余户");
    expect(facts(q)).toEqual(["70000", "户", 4, 0, true]);
    expect(q.approximation).toEqual({ marker: "余", bound: "lower" });
  });

  it("reads 70多个 as a lower bound of 70", () => {
    const q = parseQuantity("70多个");
    expect(facts(q)).toEqual(["70", "个", 0, 0, true]);
    expect(q.approximation?.bound).toBe("lower");
  });

  it.each([
    ["约7万户", "约", "about"],
    ["7万户左右", "左右", "about"],
    ["近5000家", "近", "upper"],
    ["超过300笔", "超过", "lower"],
    ["10余万元", "余", "lower"],
    ["200个以上", "以上", "lower"],
  ] as const)("reads the approximation marker of %s", (text, marker, bound) => {
    expect(parseQuantity(text).approximation).toEqual({ marker, bound });
  });

  it("reads thousands separators (1,234) and remembers them", () => {
    const q = parseQuantity("1,234");
    expect(facts(q)).toEqual(["1234", "", 0, 0, false]);
    expect(q.notation?.grouping).toBe(true);
    expect(parseQuantity("12,345,678.5元").value.toString()).toBe("12345678.5");
  });

  it("reads full-width digits, point and percent sign", () => {
    expect(facts(parseQuantity("３．９１万件次"))).toEqual(["39100", "件次", 4, 2, false]);
    expect(facts(parseQuantity("１２．５％"))).toEqual(["12.5", "%", 0, 1, false]);
    expect(parseQuantity("1，234个").value.toString()).toBe("1234");
  });

  it.each([
    ["六个", "6", "个"],
    ["两名", "2", "名"],
    ["三名", "3", "名"],
    ["十八个", "18", "个"],
    ["一百二十件", "120", "件"],
    ["一万零五百个", "10500", "个"],
    ["三千五百万元", "35000000", "元"],
  ] as const)("reads the Chinese numeral %s", (text, value, unit) => {
    const q = parseQuantity(text);
    expect([q.value.toString(), q.unit, q.notation?.numerals]).toEqual([value, unit, "chinese"]);
  });

  it("reads 七万余户 with the magnitude taken from the numeral", () => {
    expect(facts(parseQuantity("七万余户"))).toEqual(["70000", "户", 4, 0, true]);
  });

  it.each([
    ["12.5%", "12.5", 1],
    ["百分之三十", "30", 0],
    ["百分之十二点五", "12.5", 1],
    ["-3.5%", "-3.5", 1],
  ] as const)("reads the percentage %s", (text, value, precision) => {
    const q = parseQuantity(text);
    expect([q.value.toString(), q.unit, q.precision]).toEqual([value, "%", precision]);
  });

  it("reads percentage points and units that begin with 千 as units, not magnitudes", () => {
    expect(facts(parseQuantity("1.5个百分点"))).toEqual(["1.5", "个百分点", 0, 1, false]);
    expect(facts(parseQuantity("5千米"))).toEqual(["5", "千米", 0, 0, false]);
    expect(facts(parseQuantity("5千元"))).toEqual(["5000", "元", 3, 0, false]);
  });

  it("keeps values beyond 2^53 exact", () => {
    expect(parseQuantity("12345678901234567890.123亿元").value.toString()).toBe("1234567890123456789012300000");
    expect(parseQuantity("9007199254740993笔").value.toString()).toBe("9007199254740993");
  });

  it("does not change its input", () => {
    const text = "326.16亿元";
    parseQuantity(text);
    expect(text).toBe("326.16亿元");
  });

  it("returns a frozen quantity", () => {
    expect(Object.isFrozen(parseQuantity("7家"))).toBe(true);
  });
});

describe("parseQuantity — bad input gives a typed error naming the problem", () => {
  it.each([
    ["", "empty-quantity"],
    ["   ", "empty-quantity"],
    ["abc万", "missing-number"],
    ["NaN", "invalid-number"],
    ["Infinity", "invalid-number"],
    ["-Infinity", "invalid-number"],
    ["1e400", "invalid-number"],
    ["1E5元", "invalid-number"],
    ["1,23", "invalid-number"],
    ["326.", "invalid-number"],
    [".5", "invalid-number"],
    ["5辆车", "unknown-unit"],
    ["5万万元", "unknown-unit"],
    ["五零个", "unreadable-quantity"],
    ["约7万余户", "unreadable-quantity"],
    ["百分之三十个", "unreadable-quantity"],
  ])("%j → %s", (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it("refuses a JS number, naming NaN, Infinity and other numbers", () => {
    expect(codeOf(Number.NaN)).toBe("invalid-number");
    expect(codeOf(Number.POSITIVE_INFINITY)).toBe("invalid-number");
    expect(codeOf(0.5)).toBe("invalid-type");
  });

  it("says which text and which unit are wrong, in both languages", () => {
    const result = safeParseQuantity("5辆车");
    expect(result.success).toBe(false);
    if (result.success) return;
    const [issue] = result.error.issues;
    expect(issue?.params).toEqual({ unit: "辆车" });
    expect(issue?.messages["zh-CN"]).toContain("辆车");
    expect(issue?.message).toContain("5辆车");
  });

  it("points a compound phrase such as 5011笔326.16亿元 to parseCompoundQuantity, in both languages", () => {
    for (const text of ["5011笔326.16亿元", "232 笔共 9.05 亿元", "46家、93笔"]) {
      const result = safeParseQuantity(text);
      const issue = result.success ? undefined : result.error.issues[0];
      expect(issue?.code).toBe("unknown-unit");
      expect(issue?.messages.en).toContain("parseCompoundQuantity");
      expect(issue?.messages["zh-CN"]).toContain("parseCompoundQuantity");
      expect(issue?.params?.["use"]).toBe("parseCompoundQuantity");
    }
    expect(errorOf(() => parseQuantity("5011笔326.16亿元")).issues[0]?.params).toEqual({ unit: "笔326.16亿元", use: "parseCompoundQuantity" });
    // no hint when no further quantity follows
    for (const text of ["5辆车", "5元.3", "5万万元"]) {
      const result = safeParseQuantity(text);
      expect(result.success ? "" : result.error.issues[0]?.message).not.toContain("parseCompoundQuantity");
    }
  });

  it("names exponent notation in the message for 1e400", () => {
    const result = safeParseQuantity("1e400");
    expect(result.success ? "" : result.error.issues[0]?.message).toMatch(/exponent/);
  });

  it("throws a PolicyEvalError from parseQuantity", () => {
    expect(() => parseQuantity("abc万")).toThrow(PolicyEvalError);
  });
});

describe("parseCompoundQuantity", () => {
  it("reads 5011笔326.16亿元 as a count and an amount of one item", () => {
    const [count, amount] = parseCompoundQuantity("5011笔326.16亿元");
    expect(count && facts(count)).toEqual(["5011", "笔", 0, 0, false]);
    expect(amount && facts(amount)).toEqual(["32616000000", "元", 8, 2, false]);
  });

  it.each([
    ["116笔6.52亿元", ["116笔", "6.52亿元"]],
    ["232 笔共 9.05 亿元", ["232笔", "9.05亿元"]],
    ["51 笔贷款共 19949 万元".replace("贷款", ""), ["51笔", "19949万元"]],
    ["46家、93笔", ["46家", "93笔"]],
    ["1,234笔，约5万元", ["1,234笔", "约5万元"]],
    ["326.16亿元", ["326.16亿元"]],
  ] as const)("splits %s", (text, expected) => {
    expect(parseCompoundQuantity(text).map((q) => formatQuantity(q))).toEqual(expected);
  });

  it("rejects a unit that repeats, and reports every unreadable part with its index", () => {
    expect(safeParseCompoundQuantity("5笔3笔").success).toBe(false);
    const result = safeParseCompoundQuantity("5辆车3万英镑");
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-unit", [0]],
      ["unknown-unit", [1]],
    ]);
  });
});
