import { describe, expect, it } from "vitest";
import { thrownCodes } from "../thrown.js";
import { PolicyEvalError } from "../../src/errors.js";
import {
  addQuantities,
  compareQuantities,
  divideQuantity,
  formatQuantity,
  hasUnit,
  multiplyQuantity,
  parseQuantity,
  quantitiesEqual,
  ratioOfQuantities,
  subtractQuantities,
  sumQuantities,
  withMagnitude,
  type Quantity,
} from "../../src/quantities/index.js";

describe("adding and subtracting", () => {
  it("adds 6.52亿元 and 319.64亿元 to exactly 326.16亿元 (floats give 326.15999999999997)", () => {
    expect(6.52 + 319.64).not.toBe(326.16);
    const total = addQuantities(parseQuantity("6.52亿元"), parseQuantity("319.64亿元"));
    expect(total.value.toString()).toBe("32616000000");
    expect(formatQuantity(total)).toBe("326.16亿元");
  });

  it("adds 万元 to 亿元 (both 元) at the smaller magnitude", () => {
    const total = addQuantities(parseQuantity("19949万元"), parseQuantity("9.05亿元"));
    expect([total.value.toString(), total.magnitude, formatQuantity(total)]).toEqual(["1104490000", 4, "110449万元"]);
  });

  it("subtracts exactly: 326.16亿元 − 325.98亿元 = 0.18亿元 = 18000000元", () => {
    const d = subtractQuantities(parseQuantity("326.16亿元"), parseQuantity("325.98亿元"));
    expect([d.value.toString(), formatQuantity(d)]).toEqual(["18000000", "0.18亿元"]);
  });

  it("refuses to add a count of 笔 to an amount of 元", () => {
    const count: Quantity = parseQuantity("116笔");
    const amount: Quantity = parseQuantity("6.52亿元");
    expect(thrownCodes(() => addQuantities(count, amount))).toEqual(["unit-mismatch"]);
    expect(thrownCodes(() => subtractQuantities(count, amount))).toEqual(["unit-mismatch"]);
    expect(thrownCodes(() => compareQuantities(count, amount))).toEqual(["unit-mismatch"]);
  });

  it("names both units and their kinds in the error", () => {
    try {
      addQuantities(parseQuantity("116笔") as Quantity, parseQuantity("6.52亿元"));
    } catch (error) {
      const issue = (error as PolicyEvalError).issues[0];
      expect(issue?.params).toEqual({ operation: "add", expected: "笔", received: "元" });
      expect(issue?.message).toContain("count");
      expect(issue?.messages["zh-CN"]).toContain("笔");
    }
  });

  it("keeps approximation: two lower bounds add to a lower bound; a lower minus a lower is only about", () => {
    const sum = addQuantities(parseQuantity("7万余户"), parseQuantity("3万余户"));
    expect([sum.approximate, sum.approximation?.bound]).toEqual([true, "lower"]);
    const diff = subtractQuantities(parseQuantity("7万余户"), parseQuantity("3万余户"));
    expect(diff.approximation?.bound).toBe("about");
    const exact = addQuantities(parseQuantity("7万户"), parseQuantity("3万户"));
    expect(exact.approximate).toBe(false);
  });

  it.each([
    ["7万余户", "3万多户", "超过", "lower"],
    ["近7万户", "不足3万户", "不足", "upper"],
    ["7万余户", "近3万户", "约", "about"],
    ["约7万户", "3万余户", "约", "about"],
    ["7万余户", "3万户", "余", "lower"],
  ] as const)("%s + %s is %s (%s)", (a, b, marker, bound) => {
    const sum = addQuantities(parseQuantity(a), parseQuantity(b));
    expect(sum.approximation).toEqual({ marker, bound });
    expect(formatQuantity(sum).includes(marker)).toBe(true);
  });
});

describe("comparing", () => {
  it("19949万元 equals 1.9949亿元 exactly", () => {
    expect(compareQuantities(parseQuantity("19949万元"), parseQuantity("1.9949亿元"))).toBe(0);
    expect(quantitiesEqual(parseQuantity("19949万元"), parseQuantity("1.9949亿元"))).toBe(true);
  });

  it("orders values and tells units apart", () => {
    expect(compareQuantities(parseQuantity("15家"), parseQuantity("16家"))).toBe(-1);
    expect(compareQuantities(parseQuantity("1亿元"), parseQuantity("9999万元"))).toBe(1);
    expect(quantitiesEqual(parseQuantity("5011笔"), parseQuantity("5011个"))).toBe(false);
  });
});

describe("multiplying and dividing", () => {
  it("multiplies exactly by a decimal string and refuses a float factor", () => {
    expect(multiplyQuantity(parseQuantity("6.52亿元"), "1.5").value.toString()).toBe("978000000");
    expect(thrownCodes(() => multiplyQuantity(parseQuantity("6.52亿元"), 1.5))).toEqual(["invalid-number"]);
  });

  it("turns a lower bound into an upper one under a negative factor", () => {
    expect(multiplyQuantity(parseQuantity("7万余户"), -1).approximation?.bound).toBe("upper");
  });

  it("divides with an explicit scale and rounding mode", () => {
    const share = divideQuantity(parseQuantity("9.05亿元"), 232, { scale: 2, rounding: "halfEven" });
    expect(share.value.toString()).toBe("3900862.07");
    expect(divideQuantity(parseQuantity("10元"), 3, { scale: 0, rounding: "ceil" }).value.toString()).toBe("4");
    expect(thrownCodes(() => divideQuantity(parseQuantity("10元"), 0, { scale: 2, rounding: "halfUp" }))).toEqual(["division-by-zero"]);
  });

  it("computes a ratio of two quantities of one unit", () => {
    const r = ratioOfQuantities(parseQuantity("116笔"), parseQuantity("5011笔"), { scale: 4, rounding: "halfUp" });
    expect(r.toString()).toBe("0.0231");
  });

  it("refuses a missing or unknown rounding mode, even for an exact quotient", () => {
    const untyped = (options: unknown) => options as never;
    const q = parseQuantity("10元");
    expect(thrownCodes(() => divideQuantity(q, 3, untyped({ scale: 2, rounding: "nope" })))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => divideQuantity(q, 3, untyped({ scale: 2 })))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => divideQuantity(q, 5, untyped({ scale: 2 })))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => divideQuantity(q, 0.5, untyped({ scale: 2 })))).toEqual(["invalid-number", "invalid-rounding"]);
    const n = parseQuantity("116笔");
    expect(thrownCodes(() => ratioOfQuantities(n, parseQuantity("5011笔"), untyped({ scale: 4, rounding: "x" })))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => ratioOfQuantities(n, parseQuantity("5011笔"), untyped({ scale: 4 })))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => ratioOfQuantities(n, parseQuantity("116笔"), untyped({ scale: 4 })))).toEqual(["invalid-rounding"]);
    expect(thrownCodes(() => ratioOfQuantities(n, parseQuantity("5元") as never, untyped({ scale: 4 })))).toEqual(["unit-mismatch", "invalid-rounding"]);
  });
});

describe("changing the magnitude", () => {
  it("re-expresses 19949万元 as 1.9949亿元 and 6.52亿元 as 65200万元", () => {
    expect(formatQuantity(withMagnitude(parseQuantity("19949万元"), 8))).toBe("1.9949亿元");
    expect(formatQuantity(withMagnitude(parseQuantity("6.52亿元"), 4))).toBe("65200万元");
    expect(formatQuantity(withMagnitude(parseQuantity("6.50亿元"), 8))).toBe("6.50亿元");
  });

  it("refuses an unknown magnitude", () => {
    expect(thrownCodes(() => withMagnitude(parseQuantity("7家"), 5 as never))).toEqual(["invalid-magnitude"]);
  });
});

describe("sumQuantities", () => {
  it("sums the loans of the two platforms exactly", () => {
    const total = sumQuantities([parseQuantity("6.52亿元"), parseQuantity("319.64亿元")]);
    expect(formatQuantity(total)).toBe("326.16亿元");
    expect(formatQuantity(sumQuantities([parseQuantity("116笔"), parseQuantity("4895笔")]))).toBe("5011笔");
  });

  it("keeps every digit of many terms (0.1 × 10 is exactly 1)", () => {
    const tenths = Array.from({ length: 10 }, () => parseQuantity("0.1元"));
    expect(sumQuantities(tenths).value.toString()).toBe("1");
    expect(tenths.reduce((a) => a + 0.1, 0)).not.toBe(1);
  });

  it("reports every term whose unit differs from the first", () => {
    const mixed: Quantity[] = [parseQuantity("1笔"), parseQuantity("2元"), parseQuantity("3笔"), parseQuantity("4家")];
    try {
      sumQuantities(mixed);
      expect.unreachable();
    } catch (error) {
      expect((error as PolicyEvalError).issues.map((i) => [i.code, i.path])).toEqual([
        ["unit-mismatch", [1, "unit"]],
        ["unit-mismatch", [3, "unit"]],
      ]);
    }
  });

  it("needs a unit for an empty sum", () => {
    expect(thrownCodes(() => sumQuantities([]))).toEqual(["empty-sum"]);
    const zero = sumQuantities([], { unit: "笔" });
    expect([zero.value.toString(), zero.unit]).toEqual(["0", "笔"]);
  });

  it("does not change its input", () => {
    const terms = Object.freeze([parseQuantity("6.52亿元"), parseQuantity("319.64亿元")]);
    const before = JSON.stringify(terms);
    sumQuantities(terms);
    expect(JSON.stringify(terms)).toBe(before);
  });
});

describe("hasUnit", () => {
  it("narrows a quantity read at run time", () => {
    const q: Quantity = parseQuantity(["116", "笔"].join(""));
    expect(hasUnit(q, "笔")).toBe(true);
    expect(hasUnit(q, "元")).toBe(false);
  });
});
