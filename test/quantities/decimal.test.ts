import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import { errorOf, thrownCodes } from "../thrown.js";
import {
  absDecimal,
  addDecimals,
  compareDecimals,
  divideDecimals,
  ExactDecimal,
  isZeroDecimal,
  multiplyDecimals,
  negateDecimal,
  normalizeDecimal,
  roundDecimal,
  ROUNDING_MODES,
  safeToExactDecimal,
  scaleByPowerOfTen,
  subtractDecimals,
  sumDecimals,
  toDecimalJs,
  toExactDecimal,
  type RoundingMode,
} from "../../src/quantities/index.js";

const d = (text: string) => toExactDecimal(text);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyEvalError) return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

describe("toExactDecimal", () => {
  it("reads strings, safe integers, bigints, decimal.js Decimals and ExactDecimals", () => {
    expect(d("326.16").toString()).toBe("326.16");
    expect(d(" -0.05 ").toString()).toBe("-0.05");
    expect(d("+7").toString()).toBe("7");
    expect(toExactDecimal(5011).toString()).toBe("5011");
    expect(toExactDecimal(9007199254740993n).toString()).toBe("9007199254740993");
    expect(toExactDecimal(new Decimal("1e-7")).toString()).toBe("0.0000001");
    expect(toExactDecimal(new Decimal("1.5e25")).toString()).toBe("15000000000000000000000000");
    const x = d("1.5");
    expect(toExactDecimal(x)).toBe(x);
  });

  it.each([
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1e400],
    [0.1],
    [2 ** 53],
    ["abc"],
    [""],
    ["1e5"],
    ["1.2.3"],
    [new Decimal(Number.NaN)],
    [new Decimal(Number.POSITIVE_INFINITY)],
    ["1".repeat(401)],
  ])("refuses %s with invalid-number", (input) => {
    expect(codeOf(() => toExactDecimal(input as never))).toBe("invalid-number");
  });

  it("refuses unsupported types and keeps the path", () => {
    expect(codeOf(() => toExactDecimal({} as never))).toBe("invalid-number");
    try {
      toExactDecimal(0.5, ["observations", 3, "value"]);
    } catch (error) {
      expect((error as PolicyEvalError).issues[0]?.path).toEqual(["observations", 3, "value"]);
    }
    expect(safeToExactDecimal(Number.NaN).success).toBe(false);
    expect(safeToExactDecimal("6.52")).toMatchObject({ success: true });
  });

  it("is immutable and serialises as its decimal string", () => {
    const x = d("6.52");
    expect(Object.isFrozen(x)).toBe(true);
    expect(JSON.stringify({ x })).toBe('{"x":"6.52"}');
    expect(new ExactDecimal(-5n, 3).toString()).toBe("-0.005");
  });

  it("converts to a decimal.js Decimal exactly, without touching the global configuration", () => {
    const before = Decimal.precision;
    expect(toDecimalJs(d("12345678901234567890.123456789")).toFixed()).toBe("12345678901234567890.123456789");
    expect(Decimal.precision).toBe(before);
  });
});

describe("arithmetic on exact decimals", () => {
  it("adds, subtracts, multiplies and compares exactly", () => {
    expect(addDecimals(d("6.52"), d("319.64")).toString()).toBe("326.16");
    expect(subtractDecimals(d("326.16"), d("325.98")).toString()).toBe("0.18");
    expect(multiplyDecimals(d("1.9949"), d("100000000")).toString()).toBe("199490000.0000");
    expect(compareDecimals(d("0.10"), d("0.1"))).toBe(0);
    expect(compareDecimals(d("-1"), d("0.5"))).toBe(-1);
    expect(compareDecimals(d("2"), d("1.99"))).toBe(1);
  });

  it("scales by powers of ten in both directions", () => {
    expect(scaleByPowerOfTen(d("326.16"), 8).toString()).toBe("32616000000");
    expect(scaleByPowerOfTen(d("326.16"), 2).toString()).toBe("32616");
    expect(scaleByPowerOfTen(d("326.16"), 1).toString()).toBe("3261.6");
    expect(scaleByPowerOfTen(d("19949"), -4).toString()).toBe("1.9949");
    expect(scaleByPowerOfTen(d("7"), 0).toString()).toBe("7");
  });

  it("normalises, negates, takes absolute values, detects zero", () => {
    expect(normalizeDecimal(d("199490000.0000")).toString()).toBe("199490000");
    expect(normalizeDecimal(d("5.20")).toString()).toBe("5.2");
    const five = d("5");
    expect(normalizeDecimal(five)).toBe(five);
    expect(negateDecimal(d("0.18")).toString()).toBe("-0.18");
    expect(absDecimal(d("-0.18")).toString()).toBe("0.18");
    expect(absDecimal(d("0.18")).toString()).toBe("0.18");
    expect(isZeroDecimal(d("0.00"))).toBe(true);
    expect(isZeroDecimal(d("0.01"))).toBe(false);
  });

  it("sums any number of terms exactly, aligning scales once", () => {
    expect(sumDecimals([]).toString()).toBe("0");
    expect(sumDecimals([d("0.1"), d("0.2"), d("0.3")]).toString()).toBe("0.6");
    expect(sumDecimals([d("1"), d("0.001"), d("-0.01")]).toString()).toBe("0.991");
  });
});

describe("rounding and division", () => {
  it.each([
    ["2.345", "halfUp", "2.35"],
    ["2.345", "halfDown", "2.34"],
    ["2.345", "halfEven", "2.34"],
    ["2.355", "halfEven", "2.36"],
    ["2.341", "up", "2.35"],
    ["2.349", "down", "2.34"],
    ["-2.341", "ceil", "-2.34"],
    ["-2.341", "floor", "-2.35"],
    ["2.341", "ceil", "2.35"],
    ["2.349", "floor", "2.34"],
    ["-2.345", "halfUp", "-2.35"],
    ["-2.345", "halfEven", "-2.34"],
    ["2.3", "halfUp", "2.30"],
  ] as const)("rounds %s %s to %s", (value, mode, expected) => {
    expect(roundDecimal(d(value), 2, mode).toString()).toBe(expected);
  });

  it("divides with an explicit scale and rounding", () => {
    expect(divideDecimals(d("2"), d("3"), { scale: 4, rounding: "halfUp" }).toString()).toBe("0.6667");
    expect(divideDecimals(d("1"), d("-3"), { scale: 2, rounding: "floor" }).toString()).toBe("-0.34");
    expect(divideDecimals(d("1000"), d("0.001"), { scale: 0, rounding: "down" }).toString()).toBe("1000000");
    expect(divideDecimals(d("0.001"), d("1000"), { scale: 2, rounding: "up" }).toString()).toBe("0.01");
  });

  it("refuses division by zero and a bad scale", () => {
    expect(codeOf(() => divideDecimals(d("1"), d("0.00"), { scale: 2, rounding: "halfUp" }))).toBe("division-by-zero");
    expect(codeOf(() => roundDecimal(d("1"), -1, "halfUp"))).toBe("invalid-scale");
    expect(codeOf(() => divideDecimals(d("1"), d("3"), { scale: 1.5, rounding: "halfUp" }))).toBe("invalid-scale");
  });

  describe("a rounding mode is required at run time (untyped callers)", () => {
    const untyped = (options: unknown) => options as never;

    it("refuses an unknown mode instead of returning an undefined coefficient", () => {
      expect(thrownCodes(() => divideDecimals(d("2"), d("3"), untyped({ scale: 2, rounding: "nope" })))).toEqual(["invalid-rounding"]);
      expect(thrownCodes(() => roundDecimal(d("2.345"), 2, untyped("HALF_UP")))).toEqual(["invalid-rounding"]);
      expect(thrownCodes(() => roundDecimal(d("2.345"), 2, untyped(null)))).toEqual(["invalid-rounding"]);
      expect(errorOf(() => roundDecimal(d("2.345"), 2, untyped(1n))).issues[0]?.message).toMatch(/Unknown rounding mode 1n/);
      expect(errorOf(() => roundDecimal(d("2.345"), 2, untyped({}))).issues[0]?.message).toMatch(/Unknown rounding mode \[object Object\]/);
      expect(thrownCodes(() => roundDecimal(d("2.345"), -1, untyped("x")))).toEqual(["invalid-scale", "invalid-rounding"]);
    });

    it("refuses a missing mode", () => {
      expect(thrownCodes(() => divideDecimals(d("2"), d("3"), untyped({ scale: 2 })))).toEqual(["invalid-rounding"]);
      expect(thrownCodes(() => roundDecimal(d("2.345"), 2, untyped(undefined)))).toEqual(["invalid-rounding"]);
    });

    it("refuses a missing mode even when the division or rounding happens to be exact", () => {
      expect(thrownCodes(() => divideDecimals(d("6"), d("3"), untyped({ scale: 2 })))).toEqual(["invalid-rounding"]);
      expect(thrownCodes(() => divideDecimals(d("6"), d("3"), untyped({ scale: 2, rounding: undefined })))).toEqual(["invalid-rounding"]);
      expect(thrownCodes(() => roundDecimal(d("2.3"), 2, untyped(undefined)))).toEqual(["invalid-rounding"]);
      expect(thrownCodes(() => roundDecimal(d("2.3"), 4, untyped("x")))).toEqual(["invalid-rounding"]);
    });

    it("names the value received and the accepted modes, in both languages, at path rounding", () => {
      const [issue, ...rest] = errorOf(() => divideDecimals(d("2"), d("3"), untyped({ scale: 2, rounding: "nope" }))).issues;
      expect(rest).toEqual([]);
      expect(issue?.path).toEqual(["rounding"]);
      expect(issue?.params).toEqual({ rounding: "nope", accepted: ROUNDING_MODES });
      for (const message of [issue?.messages.en, issue?.messages["zh-CN"]]) {
        expect(message).toContain('"nope"');
        for (const mode of ROUNDING_MODES) expect(message).toContain(mode);
      }
      const missing = errorOf(() => divideDecimals(d("6"), d("3"), untyped({ scale: 2 }))).issues[0];
      expect([missing?.messages.en, missing?.messages["zh-CN"]]).toEqual([expect.stringMatching(/No rounding mode/), expect.stringMatching(/未指定舍入方式/)]);
    });

    it("lists every problem of a division at once", () => {
      expect(thrownCodes(() => divideDecimals(d("1"), d("3"), untyped({ scale: -1, rounding: "x" })))).toEqual(["invalid-scale", "invalid-rounding"]);
      expect(thrownCodes(() => divideDecimals(d("1"), d("0"), untyped(undefined)))).toEqual(["division-by-zero", "invalid-scale", "invalid-rounding"]);
    });

    it("accepts every listed mode", () => {
      for (const mode of ROUNDING_MODES) expect(divideDecimals(d("6"), d("3"), { scale: 0, rounding: mode }).toString()).toBe("2");
    });
  });

  const DECIMAL_JS_MODE: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
    halfUp: Decimal.ROUND_HALF_UP,
    halfDown: Decimal.ROUND_HALF_DOWN,
    halfEven: Decimal.ROUND_HALF_EVEN,
    up: Decimal.ROUND_UP,
    down: Decimal.ROUND_DOWN,
    ceil: Decimal.ROUND_CEIL,
    floor: Decimal.ROUND_FLOOR,
  };
  const Precise = Decimal.clone({ precision: 200 });
  const decimalText = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 8 }))
    .map(([c, s]) => new ExactDecimal(c, s));

  test.prop([decimalText, decimalText.filter((x) => x.coefficient !== 0n), fc.integer({ min: 0, max: 10 }), fc.constantFrom(...ROUNDING_MODES)], {
    numRuns: 300,
  })("division agrees with decimal.js at high precision for every rounding mode", (a, b, scale, mode) => {
    const expected = new Precise(a.toString()).div(new Precise(b.toString())).toDecimalPlaces(scale, DECIMAL_JS_MODE[mode]);
    expect(compareDecimals(divideDecimals(a, b, { scale, rounding: mode }), toExactDecimal(expected.toFixed()))).toBe(0);
  });
});
