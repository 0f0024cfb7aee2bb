import { describe, expect, it } from "vitest";
import {
  formatChineseNumeral,
  isMagnitude,
  isQuantity,
  isUnit,
  lookupUnit,
  MAGNITUDE_PREFIXES,
  parseChineseNumeral,
  parseQuantity,
  UNIT_CATALOGUE,
  unitKind,
} from "../../src/quantities/index.js";

describe("units catalogue", () => {
  it("gives each of the issue's counting units the kind count, 元 money and % percent", () => {
    for (const u of ["家", "个", "条", "笔", "件", "份", "名", "人", "户", "次", "件次", "项", "宗", "台", "辆", "座", "所"] as const) {
      expect(unitKind(u)).toBe("count");
    }
    expect(unitKind("元")).toBe("money");
    expect(unitKind("%")).toBe("percent");
  });

  it("knows base units, not magnitudes: 万元 is 元 at magnitude 4", () => {
    expect(isUnit("元")).toBe(true);
    expect(isUnit("万元")).toBe(false);
    expect(lookupUnit("万元")).toBeUndefined();
    expect(isUnit("toString")).toBe(false);
  });

  it("maps aliases to base units", () => {
    expect(lookupUnit("％")).toBe("%");
    expect(lookupUnit("百分点")).toBe("个百分点");
  });

  it("lists the magnitudes with their characters", () => {
    expect(MAGNITUDE_PREFIXES[4]).toBe("万");
    expect(MAGNITUDE_PREFIXES[8]).toBe("亿");
    expect(isMagnitude(12)).toBe(true);
    expect(isMagnitude(2)).toBe(false);
    expect(Object.keys(UNIT_CATALOGUE)).toContain("件次");
  });

  it("recognises quantities", () => {
    expect(isQuantity(parseQuantity("7家"))).toBe(true);
    expect(isQuantity({ value: "7", unit: "家", magnitude: 0, precision: 0 })).toBe(false);
    expect(isQuantity(null)).toBe(false);
  });
});

describe("Chinese numerals", () => {
  it.each([
    ["零", "0"],
    ["六", "6"],
    ["两", "2"],
    ["十", "10"],
    ["十八", "18"],
    ["二十", "20"],
    ["一百二十", "120"],
    ["一百零五", "105"],
    ["一千零五", "1005"],
    ["一万零五百", "10500"],
    ["十万零一十八", "100018"],
    ["三千五百万", "35000000"],
    ["一亿二千万", "120000000"],
    ["一万亿", "1000000000000"],
  ])("%s = %s", (text, value) => {
    expect(parseChineseNumeral(text)?.integer).toBe(value);
  });

  it.each([["五零"], ["一十百"], ["百"], ["万"], [""], ["十二点"], ["十二点两"], ["七个"]])("refuses %j", (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it("writes numerals in standard form and reads them back", () => {
    for (const n of [0, 1, 2, 10, 11, 18, 20, 101, 110, 120, 1005, 1010, 10500, 100018, 35000000, 120000000, 1000000000000]) {
      const text = formatChineseNumeral(n);
      expect(parseChineseNumeral(text)?.integer).toBe(String(n));
    }
    expect(formatChineseNumeral(2, "", { liang: false })).toBe("二");
    expect(formatChineseNumeral(12n, "5")).toBe("十二点五");
    expect(() => formatChineseNumeral(-1)).toThrow(RangeError);
  });
});
