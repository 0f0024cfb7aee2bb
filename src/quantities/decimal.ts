/**
 * Exact decimals: an integer coefficient and a power-of-ten scale
 * (value = coefficient × 10^-scale), the way dinero.js keeps amounts. Sums,
 * differences, products and comparisons are exact whatever the number of
 * terms and digits; division takes an explicit scale and rounding mode.
 *
 * decimal.js is used only at the boundary (reading a `Decimal` a caller hands
 * in, handing one back) and only through a library-owned clone, so the
 * caller's global decimal.js configuration is never read or changed.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue, type SafeResult } from "../errors.js";

/**
 * The decimal.js constructor this library uses: a clone with enough precision
 * for any value it hands out. Never `Decimal.set` on the global constructor.
 */
const LibDecimal = Decimal.clone({ precision: 1000, toExpPos: 9e15, toExpNeg: -9e15, rounding: Decimal.ROUND_HALF_EVEN });

/** 舍入方式 — how a division or rounding drops digits. */
export type RoundingMode = "halfUp" | "halfDown" | "halfEven" | "up" | "down" | "ceil" | "floor";

/** The rounding modes, for validation and docs. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  "halfUp",
  "halfDown",
  "halfEven",
  "up",
  "down",
  "ceil",
  "floor",
]);

const ROUNDING_MODE_SET: ReadonlySet<unknown> = new Set<unknown>(ROUNDING_MODES);

/**
 * The one check of a required rounding mode: `invalid-rounding` when
 * `rounding` is not one of {@link ROUNDING_MODES} (a missing mode included;
 * untyped callers can pass anything), otherwise undefined. One Set lookup.
 * @internal
 */
export function roundingIssue(rounding: unknown, path: IssuePath = ["rounding"]): PolicyEvalIssue | undefined {
  if (ROUNDING_MODE_SET.has(rounding)) return undefined;
  const missing = rounding === undefined;
  const shown =
    typeof rounding === "string"
      ? JSON.stringify(rounding)
      : typeof rounding === "bigint"
        ? `${rounding}n`
        : (typeof rounding === "object" && rounding !== null) || typeof rounding === "function"
          ? Object.prototype.toString.call(rounding)
          : String(rounding);
  return createIssue(
    "invalid-rounding",
    path,
    {
      "zh-CN": `${missing ? "未指定舍入方式（rounding）" : `舍入方式（rounding）无效：${shown}`}；应为 ${ROUNDING_MODES.join("、")} 之一`,
      en: `${missing ? "No rounding mode given" : `Unknown rounding mode ${shown}`}; expected one of ${ROUNDING_MODES.join(", ")}`,
    },
    { params: { rounding: typeof rounding === "bigint" ? rounding.toString() : rounding, accepted: ROUNDING_MODES } },
  );
}

const POW10: bigint[] = [1n];
/** 10^n as a bigint, cached. @internal */
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push((POW10[i - 1] as bigint) * 10n);
  return POW10[n] as bigint;
}

/**
 * 精确小数 — an exact decimal value. Immutable; compare with
 * {@link compareDecimals}, never with `===`.
 *
 * @example
 * ```ts
 * import { toExactDecimal } from "policy-eval";
 * toExactDecimal("326.16").toString(); //=> "326.16"
 * ```
 */
export class ExactDecimal {
  /** The integer coefficient. */
  readonly coefficient: bigint;
  /** Digits after the decimal point (≥ 0). */
  readonly scale: number;

  /**
   * Builds coefficient × 10^-scale. Prefer {@link toExactDecimal}, which validates.
   *
   * @param coefficient - integer coefficient
   * @param scale - digits after the decimal point (a non-negative integer)
   */
  constructor(coefficient: bigint, scale: number) {
    this.coefficient = coefficient;
    this.scale = scale;
    Object.freeze(this);
  }

  /**
   * Plain decimal notation, never exponential, trailing zeros kept as stored.
   *
   * @returns e.g. `"32616000000"` or `"6.52"`
   *
   * @example
   * ```ts
   * import { toExactDecimal } from "policy-eval";
   * toExactDecimal("-0.05").toString(); //=> "-0.05"
   * ```
   */
  toString(): string {
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient).toString();
    if (this.scale === 0) return negative ? `-${digits}` : digits;
    const padded = digits.padStart(this.scale + 1, "0");
    const point = padded.length - this.scale;
    return `${negative ? "-" : ""}${padded.slice(0, point)}.${padded.slice(point)}`;
  }

  /**
   * JSON form: the decimal string (bigint has no JSON form).
   *
   * @returns the same as {@link ExactDecimal.toString}
   *
   * @example
   * ```ts
   * import { toExactDecimal } from "policy-eval";
   * JSON.stringify({ v: toExactDecimal("6.52") }); //=> '{"v":"6.52"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }
}

/** What {@link toExactDecimal} accepts: a decimal string, a safe integer, a bigint, a decimal.js `Decimal` or an {@link ExactDecimal}. */
export type DecimalInput = string | number | bigint | ExactDecimal | Decimal;

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;
/** The most digits a value, a scale or a precision may have. @internal */
export const MAX_DIGITS = 400;

/** Whether `n` is a digit count this module accepts: an integer from 0 to {@link MAX_DIGITS}. @internal */
export function isDigitCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_DIGITS;
}

function badNumber(input: unknown, path: IssuePath, reason: { zh: string; en: string }): PolicyEvalError {
  const shown = typeof input === "bigint" ? `${input}n` : typeof input === "string" ? JSON.stringify(input) : String(input);
  return new PolicyEvalError([
    createIssue(
      "invalid-number",
      path,
      { "zh-CN": `数值无效：${shown}（${reason.zh}）`, en: `Invalid number ${shown} (${reason.en})` },
      { params: { input: typeof input === "bigint" ? input.toString() : input } },
    ),
  ]);
}

function fromText(text: string, original: unknown, path: IssuePath): ExactDecimal {
  const m = DECIMAL_TEXT.exec(text);
  if (m === null) {
    throw badNumber(original, path, {
      zh: "应为十进制数字字符串，如 326.16",
      en: "expected a decimal string such as 326.16",
    });
  }
  const [, sign, int, frac = ""] = m;
  if ((int as string).length + frac.length > MAX_DIGITS) {
    throw badNumber(original, path, { zh: `超过 ${MAX_DIGITS} 位有效数字`, en: `more than ${MAX_DIGITS} digits` });
  }
  const coefficient = BigInt(`${int}${frac}`);
  return new ExactDecimal(sign === "-" ? -coefficient : coefficient, frac.length);
}

/**
 * Reads an exact decimal. Strings, bigints, safe integers, decimal.js
 * Decimals. A JS number that is not a safe integer is refused: `0.1` as a
 * float is already not 0.1.
 *
 * @param input - the value
 * @param path - where it sits in a larger input, for the error
 * @returns the exact value
 * @throws {@link PolicyEvalError} `invalid-number` for NaN, Infinity, `1e400`,
 *   `0.5` (a float), `"abc"`, `""`
 *
 * @example
 * ```ts
 * import { toExactDecimal } from "policy-eval";
 * toExactDecimal("319.64").scale; //=> 2
 * toExactDecimal(5011).toString(); //=> "5011"
 * ```
 */
export function toExactDecimal(input: DecimalInput, path: IssuePath = []): ExactDecimal {
  if (input instanceof ExactDecimal) return input;
  if (typeof input === "string") return fromText(input.trim(), input, path);
  if (typeof input === "bigint") return new ExactDecimal(input, 0);
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw badNumber(input, path, { zh: "不是有限数", en: "not a finite number" });
    if (!Number.isSafeInteger(input)) {
      throw badNumber(input, path, {
        zh: "JS 数字只接受安全整数，小数请用字符串传入",
        en: "a JS number must be a safe integer; pass decimals as strings",
      });
    }
    return new ExactDecimal(BigInt(input), 0);
  }
  if (Decimal.isDecimal(input)) {
    if (!input.isFinite()) throw badNumber(input.toString(), path, { zh: "不是有限数", en: "not a finite number" });
    return fromText(input.toFixed(), input.toString(), path);
  }
  throw badNumber(input, path, { zh: "类型不受支持", en: "unsupported type" });
}

/**
 * Like {@link toExactDecimal}, returning the error instead of throwing it.
 *
 * @param input - the value
 * @param path - where it sits in a larger input, for the error
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeToExactDecimal } from "policy-eval";
 * safeToExactDecimal(Number.NaN).success; //=> false
 * ```
 */
export function safeToExactDecimal(input: DecimalInput, path: IssuePath = []): SafeResult<ExactDecimal> {
  try {
    return { success: true, data: toExactDecimal(input, path) };
  } catch (error) {
    if (error instanceof PolicyEvalError) return { success: false, error };
    throw error;
  }
}

/**
 * A decimal.js `Decimal` (from the library's own clone) for callers who
 * want one; the conversion is exact.
 *
 * @param value - an exact decimal
 * @returns a Decimal equal to it
 *
 * @example
 * ```ts
 * import { toExactDecimal, toDecimalJs } from "policy-eval";
 * toDecimalJs(toExactDecimal("326.16")).toFixed(); //=> "326.16"
 * ```
 */
export function toDecimalJs(value: ExactDecimal): Decimal {
  return new LibDecimal(value.toString());
}

/** Both coefficients at the larger scale. */
function align(a: ExactDecimal, b: ExactDecimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.coefficient, b.coefficient, a.scale];
  if (a.scale > b.scale) return [a.coefficient, b.coefficient * pow10(a.scale - b.scale), a.scale];
  return [a.coefficient * pow10(b.scale - a.scale), b.coefficient, b.scale];
}

/**
 * a + b, exact.
 *
 * @param a - left operand
 * @param b - right operand
 * @returns the exact sum
 *
 * @example
 * ```ts
 * import { addDecimals, toExactDecimal } from "policy-eval";
 * addDecimals(toExactDecimal("6.52"), toExactDecimal("319.64")).toString(); //=> "326.16"
 * ```
 */
export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = align(a, b);
  return new ExactDecimal(x + y, scale);
}

/**
 * a − b, exact.
 *
 * @param a - left operand
 * @param b - right operand
 * @returns the exact difference
 *
 * @example
 * ```ts
 * import { subtractDecimals, toExactDecimal } from "policy-eval";
 * subtractDecimals(toExactDecimal("326.16"), toExactDecimal("326.34")).toString(); //=> "-0.18"
 * ```
 */
export function subtractDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = align(a, b);
  return new ExactDecimal(x - y, scale);
}

/**
 * a × b, exact.
 *
 * @param a - left operand
 * @param b - right operand
 * @returns the exact product
 *
 * @example
 * ```ts
 * import { multiplyDecimals, toExactDecimal } from "policy-eval";
 * multiplyDecimals(toExactDecimal("1.9949"), toExactDecimal("100000000")).toString(); //=> "199490000.0000"
 * ```
 */
export function multiplyDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return new ExactDecimal(a.coefficient * b.coefficient, a.scale + b.scale);
}

/**
 * Compares exactly.
 *
 * @param a - left operand
 * @param b - right operand
 * @returns -1, 0 or 1
 *
 * @example
 * ```ts
 * import { compareDecimals, toExactDecimal } from "policy-eval";
 * compareDecimals(toExactDecimal("0.10"), toExactDecimal("0.1")); //=> 0
 * ```
 */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Integer division of n by d (d > 0) rounded by `mode`. */
function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const negative = n < 0n;
  const away = negative ? q - 1n : q + 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "ceil":
      return negative ? q : away;
    case "floor":
      return negative ? away : q;
    case "halfUp":
      return twice >= d ? away : q;
    case "halfDown":
      return twice > d ? away : q;
    case "halfEven":
      return twice > d || (twice === d && q % 2n !== 0n) ? away : q;
  }
}

/**
 * Rounds to `scale` digits after the point.
 *
 * @param value - the value
 * @param scale - digits to keep (≥ 0)
 * @param rounding - the rounding mode (required: no silent default)
 * @returns the rounded value, with exactly `scale` digits
 * @throws {@link PolicyEvalError} `invalid-scale`; `invalid-rounding` for a
 *   missing or unknown mode, even when no digit is dropped
 *
 * @example
 * ```ts
 * import { roundDecimal, toExactDecimal } from "policy-eval";
 * roundDecimal(toExactDecimal("2.345"), 2, "halfEven").toString(); //=> "2.34"
 * roundDecimal(toExactDecimal("2.345"), 2, "halfUp").toString(); //=> "2.35"
 * ```
 */
export function roundDecimal(value: ExactDecimal, scale: number, rounding: RoundingMode): ExactDecimal {
  const issues = scaleAndRoundingIssues(scale, rounding);
  if (issues !== undefined) throw new PolicyEvalError(issues);
  if (scale >= value.scale) return new ExactDecimal(value.coefficient * pow10(scale - value.scale), scale);
  return new ExactDecimal(divideRounded(value.coefficient, pow10(value.scale - scale), rounding), scale);
}

function scaleIssue(scale: number): PolicyEvalIssue | undefined {
  if (isDigitCount(scale)) return undefined;
  return createIssue(
    "invalid-scale",
    [],
    {
      "zh-CN": `小数位数应为 0 到 ${MAX_DIGITS} 之间的整数，实际为 ${String(scale)}`,
      en: `A scale must be an integer from 0 to ${MAX_DIGITS}, received ${String(scale)}`,
    },
    { params: { scale } },
  );
}

/** `invalid-scale` and `invalid-rounding` together, or undefined when both are valid (no allocation then). */
function scaleAndRoundingIssues(scale: number, rounding: unknown): PolicyEvalIssue[] | undefined {
  const badScale = scaleIssue(scale);
  const badRounding = roundingIssue(rounding);
  if (badScale === undefined && badRounding === undefined) return undefined;
  return [badScale, badRounding].filter((i): i is PolicyEvalIssue => i !== undefined);
}

/**
 * The issues of a division's options (`invalid-scale`, `invalid-rounding`),
 * or undefined when both are valid. For callers that report them together
 * with their own. @internal
 */
export function divideOptionsIssues(options: DivideOptions | undefined): PolicyEvalIssue[] | undefined {
  return scaleAndRoundingIssues(options?.scale as number, options?.rounding);
}

/** Options of {@link divideDecimals}: both are required, so every division says how it rounds. */
export interface DivideOptions {
  /** Digits after the point in the result. */
  readonly scale: number;
  /** How to drop the rest. */
  readonly rounding: RoundingMode;
}

/**
 * a ÷ b to `scale` digits, rounded by `rounding`.
 *
 * @param a - dividend
 * @param b - divisor (not zero)
 * @param options - `{ scale, rounding }`, both required
 * @returns the rounded quotient
 * @throws {@link PolicyEvalError} `division-by-zero`; `invalid-scale`;
 *   `invalid-rounding` for a missing or unknown mode, even when the
 *   division happens to be exact
 *
 * @example
 * ```ts
 * import { divideDecimals, toExactDecimal } from "policy-eval";
 * divideDecimals(toExactDecimal("2"), toExactDecimal("3"), { scale: 4, rounding: "halfUp" }).toString(); //=> "0.6667"
 * ```
 */
export function divideDecimals(a: ExactDecimal, b: ExactDecimal, options: DivideOptions): ExactDecimal {
  const optionIssues = divideOptionsIssues(options);
  if (b.coefficient === 0n) {
    throw new PolicyEvalError([
      createIssue("division-by-zero", [], { "zh-CN": "除数为零", en: "Division by zero" }, { params: { dividend: a.toString() } }),
      ...(optionIssues ?? []),
    ]);
  }
  if (optionIssues !== undefined) throw new PolicyEvalError(optionIssues);
  // a/b = (ca × 10^-sa) / (cb × 10^-sb); scaled by 10^scale: ca × 10^(scale + sb - sa) / cb
  const shift = options.scale + b.scale - a.scale;
  let n = a.coefficient;
  let d = b.coefficient;
  if (shift >= 0) n *= pow10(shift);
  else d *= pow10(-shift);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return new ExactDecimal(divideRounded(n, d, options.rounding), options.scale);
}

/**
 * Multiplies by 10^power exactly (万 = 4, 亿 = 8; negative to divide).
 *
 * @param value - the value
 * @param power - the power of ten
 * @returns value × 10^power
 *
 * @example
 * ```ts
 * import { scaleByPowerOfTen, toExactDecimal } from "policy-eval";
 * scaleByPowerOfTen(toExactDecimal("326.16"), 8).toString(); //=> "32616000000"
 * scaleByPowerOfTen(toExactDecimal("19949"), -4).toString(); //=> "1.9949"
 * ```
 */
export function scaleByPowerOfTen(value: ExactDecimal, power: number): ExactDecimal {
  if (power === 0) return value;
  if (power < 0) return new ExactDecimal(value.coefficient, value.scale - power);
  if (power <= value.scale) return new ExactDecimal(value.coefficient, value.scale - power);
  return new ExactDecimal(value.coefficient * pow10(power - value.scale), 0);
}

/**
 * Drops trailing zeros after the point (`"5.20"` → `"5.2"`, `"100.0"` → `"100"`).
 *
 * @param value - the value
 * @returns the same number with the smallest scale
 *
 * @example
 * ```ts
 * import { normalizeDecimal, toExactDecimal } from "policy-eval";
 * normalizeDecimal(toExactDecimal("199490000.0000")).toString(); //=> "199490000"
 * ```
 */
export function normalizeDecimal(value: ExactDecimal): ExactDecimal {
  let { coefficient, scale } = value;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return scale === value.scale ? value : new ExactDecimal(coefficient, scale);
}

/**
 * The exact sum of any number of values. Terms are grouped by scale and
 * summed as bigints, then aligned once, so a million terms cost a million
 * bigint additions.
 *
 * @param values - the terms
 * @returns the exact sum (0 for none)
 *
 * @example
 * ```ts
 * import { sumDecimals, toExactDecimal } from "policy-eval";
 * sumDecimals(["116", "4895"].map((v) => toExactDecimal(v))).toString(); //=> "5011"
 * ```
 */
export function sumDecimals(values: Iterable<ExactDecimal>): ExactDecimal {
  const byScale: bigint[] = [];
  let maxScale = 0;
  for (const v of values) {
    const s = v.scale;
    byScale[s] = (byScale[s] ?? 0n) + v.coefficient;
    if (s > maxScale) maxScale = s;
  }
  return sumByScale(byScale, maxScale);
}

/**
 * The total of coefficients summed per scale (`byScale[s]` at scale `s`),
 * aligned once to `maxScale`. Shared by {@link sumDecimals} and the
 * quantity accumulator. @internal
 */
export function sumByScale(byScale: readonly (bigint | undefined)[], maxScale: number): ExactDecimal {
  let total = 0n;
  for (let s = 0; s <= maxScale; s++) {
    const part = byScale[s];
    if (part !== undefined) total += part * pow10(maxScale - s);
  }
  return new ExactDecimal(total, maxScale);
}

/**
 * Whether a value is zero.
 *
 * @param value - the value
 * @returns true for 0, 0.00, -0
 *
 * @example
 * ```ts
 * import { isZeroDecimal, toExactDecimal } from "policy-eval";
 * isZeroDecimal(toExactDecimal("0.00")); //=> true
 * ```
 */
export function isZeroDecimal(value: ExactDecimal): boolean {
  return value.coefficient === 0n;
}

/**
 * −value.
 *
 * @param value - the value
 * @returns its negation
 *
 * @example
 * ```ts
 * import { negateDecimal, toExactDecimal } from "policy-eval";
 * negateDecimal(toExactDecimal("0.18")).toString(); //=> "-0.18"
 * ```
 */
export function negateDecimal(value: ExactDecimal): ExactDecimal {
  return new ExactDecimal(-value.coefficient, value.scale);
}

/**
 * |value|.
 *
 * @param value - the value
 * @returns its absolute value
 *
 * @example
 * ```ts
 * import { absDecimal, toExactDecimal } from "policy-eval";
 * absDecimal(toExactDecimal("-0.18")).toString(); //=> "0.18"
 * ```
 */
export function absDecimal(value: ExactDecimal): ExactDecimal {
  return value.coefficient < 0n ? negateDecimal(value) : value;
}
