import { describe, expectTypeOf, it } from "vitest";
import {
  addQuantities,
  compareQuantities,
  createQuantity,
  hasUnit,
  parseQuantity,
  ratioOfQuantities,
  subtractQuantities,
  sumQuantities,
  type ExactDecimal,
  type Quantity,
  type Unit,
  type UnitOfText,
} from "../../src/quantities/index.js";
import { parseObservations, sum } from "../../src/indicators/index.js";

describe("the unit of a literal text is known to the types", () => {
  it("reads the base unit from the text", () => {
    expectTypeOf<UnitOfText<"326.16亿元">>().toEqualTypeOf<"元">();
    expectTypeOf<UnitOfText<"5011笔">>().toEqualTypeOf<"笔">();
    expectTypeOf<UnitOfText<"3.91万件次">>().toEqualTypeOf<"件次">();
    expectTypeOf<UnitOfText<"7万余户">>().toEqualTypeOf<"户">();
    expectTypeOf<UnitOfText<"7万户左右">>().toEqualTypeOf<"户">();
    expectTypeOf<UnitOfText<"12.5％">>().toEqualTypeOf<"%">();
    expectTypeOf<UnitOfText<"百分之三十">>().toEqualTypeOf<"%">();
    expectTypeOf<UnitOfText<"1.5个百分点">>().toEqualTypeOf<"个百分点">();
    expectTypeOf<UnitOfText<"1,234">>().toEqualTypeOf<"">();
    expectTypeOf<UnitOfText<"7 万户 左右 ">>().toEqualTypeOf<"户">();
    expectTypeOf<UnitOfText<"5千米">>().toEqualTypeOf<"千米">();
    expectTypeOf<UnitOfText<"5千元">>().toEqualTypeOf<"元">();
  });

  it("falls back to every unit for a text not known until run time", () => {
    expectTypeOf<UnitOfText<string>>().toEqualTypeOf<Unit>();
    expectTypeOf(parseQuantity(String(7) + "家")).toEqualTypeOf<Quantity>();
  });

  it("types parseQuantity and createQuantity by unit", () => {
    expectTypeOf(parseQuantity("326.16亿元")).toEqualTypeOf<Quantity<"元">>();
    expectTypeOf(createQuantity("116", "笔")).toEqualTypeOf<Quantity<"笔">>();
    expectTypeOf(parseQuantity("7家").value).toEqualTypeOf<ExactDecimal>();
  });
});

describe("units that differ cannot be combined (a compile error)", () => {
  const count = parseQuantity("116笔");
  const amount = parseQuantity("6.52亿元");

  it("adds 万元 to 亿元 (both 元)", () => {
    expectTypeOf(addQuantities(parseQuantity("19949万元"), amount)).toEqualTypeOf<Quantity<"元">>();
  });

  it("refuses 笔 + 元, 笔 − 元, comparing and dividing them", () => {
    // @ts-expect-error a count of 笔 and an amount of 元 cannot be added
    addQuantities(count, amount);
    // @ts-expect-error nor subtracted
    subtractQuantities(count, amount);
    // @ts-expect-error nor compared
    compareQuantities(count, amount);
    // @ts-expect-error nor divided into a ratio
    ratioOfQuantities(count, amount, { scale: 2, rounding: "halfUp" });
    // @ts-expect-error createQuantity knows its unit too
    addQuantities(createQuantity("116", "笔"), createQuantity("6.52", "元", { magnitude: 8 }));
  });

  it("refuses a list that mixes 笔 and 元", () => {
    // @ts-expect-error a sum of 笔 and 元
    sumQuantities([count, amount]);
    // @ts-expect-error the same through sum
    sum([count, amount]);
    expectTypeOf(sumQuantities([count, parseQuantity("4895笔")])).toEqualTypeOf<Quantity<"笔">>();
    expectTypeOf(sum([count, parseQuantity("4895笔")])).toEqualTypeOf<Quantity<"笔">>();
    expectTypeOf(sum(parseObservations([]))).toEqualTypeOf<Quantity>();
    expectTypeOf(sumQuantities([], { unit: "笔" })).toEqualTypeOf<Quantity<"笔">>();
    // @ts-expect-error the unit of an empty sum must match the terms
    sumQuantities([count], { unit: "元" });
  });

  it("leaves quantities read at run time to the run-time check, and narrows them with hasUnit", () => {
    const unknown: Quantity = parseQuantity(String(116) + "笔");
    expectTypeOf(addQuantities(unknown, unknown)).toEqualTypeOf<Quantity>();
    expectTypeOf(sumQuantities([unknown, unknown])).toEqualTypeOf<Quantity>();
    if (hasUnit(unknown, "笔")) expectTypeOf(addQuantities(unknown, count)).toEqualTypeOf<Quantity<"笔">>();
  });

  it("requires a rounding mode for a division", () => {
    // @ts-expect-error scale and rounding are both required
    ratioOfQuantities(count, count, { scale: 2 });
  });
});
