import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { formatOutlineNumber, MAX_OUTLINE_NUMBER } from "../../src/index.js";
import { errorOf } from "../thrown.js";

const TENS = ["", "十", "二十", "三十", "四十", "五十", "六十", "七十", "八十", "九十"];
const ONES = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 … 99 written out independently of the library: 十一, 二十, 九十九 (never 两, never 一十). */
function chinese(n: number): string {
  return `${TENS[Math.floor(n / 10)]}${ONES[n % 10]}`;
}

describe("formatOutlineNumber", () => {
  it("numbers the four depths of a Chinese report: 一、（一）1、(1)", () => {
    expect([1, 2, 3, 4].map((d) => formatOutlineNumber(d as 1 | 2 | 3 | 4, 1))).toEqual(["一、", "（一）", "1、", "(1)"]);
    expect([1, 2, 3, 4].map((d) => formatOutlineNumber(d as 1 | 2 | 3 | 4, 1, "zh-CN"))).toEqual(["一、", "（一）", "1、", "(1)"]);
  });

  it("writes every number from 1 to 99 at every depth", () => {
    for (let n = 1; n <= 99; n++) {
      expect(formatOutlineNumber(1, n)).toBe(`${chinese(n)}、`);
      expect(formatOutlineNumber(2, n, "zh")).toBe(`（${chinese(n)}）`);
      expect(formatOutlineNumber(3, n)).toBe(`${n}、`);
      expect(formatOutlineNumber(4, n)).toBe(`(${n})`);
    }
    expect(formatOutlineNumber(1, 2)).toBe("二、"); // never 两 in a heading
    expect(formatOutlineNumber(2, 10)).toBe("（十）");
    expect(formatOutlineNumber(2, 100)).toBe("（一百）");
    expect(formatOutlineNumber(1, 101)).toBe("一百零一、");
    expect(formatOutlineNumber(1, 110)).toBe("一百一十、");
  });

  it("has an English counterpart: I. A. 1. (a)", () => {
    expect([1, 2, 3, 4].map((d) => formatOutlineNumber(d as 1 | 2 | 3 | 4, 1, "en"))).toEqual(["I.", "A.", "1.", "(a)"]);
    const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    roman.forEach((r, k) => expect(formatOutlineNumber(1, k + 1, "en")).toBe(`${r}.`));
    expect(formatOutlineNumber(1, 14, "en")).toBe("XIV.");
    expect(formatOutlineNumber(1, 40, "en")).toBe("XL.");
    expect(formatOutlineNumber(1, 49, "en")).toBe("XLIX.");
    expect(formatOutlineNumber(1, 90, "en")).toBe("XC.");
    expect(formatOutlineNumber(1, 99, "en")).toBe("XCIX.");
    expect(formatOutlineNumber(1, 400, "en")).toBe("CD.");
    expect(formatOutlineNumber(1, 944, "en")).toBe("CMXLIV.");
    expect(formatOutlineNumber(1, 1994, "en")).toBe("MCMXCIV.");
    expect(formatOutlineNumber(2, 26, "en")).toBe("Z.");
    expect(formatOutlineNumber(2, 27, "en")).toBe("AA.");
    expect(formatOutlineNumber(2, 52, "en")).toBe("AZ.");
    expect(formatOutlineNumber(2, 53, "en")).toBe("BA.");
    expect(formatOutlineNumber(2, 99, "en")).toBe("CU.");
    expect(formatOutlineNumber(2, 702, "en")).toBe("ZZ.");
    expect(formatOutlineNumber(2, 703, "en")).toBe("AAA.");
    expect(formatOutlineNumber(3, 99, "en")).toBe("99.");
    expect(formatOutlineNumber(4, 2, "en")).toBe("(b)");
    expect(formatOutlineNumber(4, 99, "en")).toBe("(cu)");
  });

  test.prop([fc.constantFrom(1, 2, 3, 4), fc.constantFrom("zh", "en")], { numRuns: 8 })("gives 99 distinct numbers at each depth", (depth, lang) => {
    const numbers = Array.from({ length: 99 }, (_, k) => formatOutlineNumber(depth as 1 | 2 | 3 | 4, k + 1, lang as "zh" | "en"));
    expect(new Set(numbers).size).toBe(99);
  });

  test.prop([fc.integer({ min: 1, max: 702 })], { numRuns: 50 })("English letters count like spreadsheet columns", (n) => {
    const letters = formatOutlineNumber(2, n, "en").slice(0, -1);
    const back = [...letters].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0);
    expect(back).toBe(n);
  });

  it("refuses a depth, number or language out of range, every problem at once", () => {
    const error = errorOf(() => formatOutlineNumber(5 as 1, 0, "fr" as "en"));
    expect(error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-value", "depth"],
      ["invalid-value", "n"],
      ["invalid-value", "lang"],
    ]);
    for (const bad of [1.5, -1, Number.NaN, MAX_OUTLINE_NUMBER + 1, "3", null, 3n, Symbol("x")]) {
      expect(errorOf(() => formatOutlineNumber(1, bad as number)).issues.map((i) => i.code)).toEqual(["invalid-value"]);
    }
    expect(formatOutlineNumber(3, MAX_OUTLINE_NUMBER)).toBe(`${MAX_OUTLINE_NUMBER}、`);
  });
});
