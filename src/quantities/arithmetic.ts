/**
 * 数量运算 — the one arithmetic module for quantities, built on the exact
 * decimals of `decimal.ts`: add, subtract, compare, multiply by a number,
 * divide with an explicit scale and rounding mode, and exact sums of any
 * length.
 *
 * Units never mix silently. When the types know the units, adding 笔 to 元
 * is a compile error (the second operand is `Quantity<NoInfer<U>>`, as in
 * dinero.js); at run time it is a {@link PolicyEvalError} `unit-mismatch`.
 * 万元 and 亿元 are both 元 and add freely.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import {
  ExactDecimal,
  addDecimals,
  compareDecimals,
  divideDecimals,
  divideOptionsIssues,
  multiplyDecimals,
  safeToExactDecimal,
  subtractDecimals,
  sumByScale,
  toExactDecimal,
  type DecimalInput,
  type DivideOptions,
} from "./decimal.js";
import { makeQuantity, type Approximation, type ApproximationBound, type ApproximationMarker, type Quantity } from "./quantity.js";
import { invalidMagnitudeIssue, isMagnitude, unitKind, type Magnitude, type Unit } from "./units.js";

/**
 * `U` when it is one unit or the whole {@link Unit} union (not known until
 * run time); `never` for a union of some units, so that an array mixing
 * `Quantity<'笔'>` and `Quantity<'元'>` is rejected by the compiler.
 */
export type SingleUnit<U extends Unit> = [Unit] extends [U] ? U : IsUnion<U> extends true ? never : U;
/** Type-level: whether `T` is a union of several types. */
export type IsUnion<T, C = T> = T extends unknown ? ([C] extends [T] ? false : true) : never;

/** `unit-mismatch`. @internal */
export function unitMismatchIssue(operation: string, expected: Unit, received: Unit, path: IssuePath): PolicyEvalIssue {
  const show = (u: Unit): string => (u === "" ? "（无单位）" : u);
  const showEn = (u: Unit): string => (u === "" ? "(no unit)" : u);
  return createIssue(
    "unit-mismatch",
    path,
    {
      "zh-CN": `单位不一致，不能${operation === "add" ? "相加" : operation === "compare" ? "比较" : "运算"}：“${show(expected)}”（${unitKind(expected)}）与“${show(received)}”（${unitKind(received)}）`,
      en: `Units differ, cannot ${operation}: ${showEn(expected)} (${unitKind(expected)}) and ${showEn(received)} (${unitKind(received)})`,
    },
    { params: { operation, expected, received } },
  );
}

function assertSameUnit(operation: string, a: Quantity, b: Quantity): void {
  if (a.unit !== b.unit) throw new PolicyEvalError([unitMismatchIssue(operation, a.unit, b.unit, [1, "unit"])]);
}

const DERIVED_MARKERS: Readonly<Record<ApproximationBound, ApproximationMarker>> = { lower: "超过", upper: "不足", about: "约" };

function flip(bound: ApproximationBound): ApproximationBound {
  return bound === "lower" ? "upper" : bound === "upper" ? "lower" : "about";
}

/**
 * The approximation of a sum of terms: lower bounds add to a lower bound,
 * upper to upper; anything else is only "about". @internal
 */
export function combineApproximations(a: Approximation | undefined, b: Approximation | undefined): Approximation | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.marker === b.marker) return a;
  const bound: ApproximationBound = a.bound === b.bound ? a.bound : "about";
  return Object.freeze({ marker: DERIVED_MARKERS[bound], bound });
}

function negatedApproximation(a: Approximation | undefined): Approximation | undefined {
  if (a === undefined || a.bound === "about") return a;
  const bound = flip(a.bound);
  return Object.freeze({ marker: DERIVED_MARKERS[bound], bound });
}

/** The reported precision of `q` re-expressed at magnitude `m` (may be negative). */
function precisionAt(q: Quantity, m: number): number {
  return q.precision + m - q.magnitude;
}

function combine<U extends Unit>(a: Quantity<U>, b: Quantity, value: ExactDecimal, approximation: Approximation | undefined): Quantity<U> {
  const m = a.magnitude <= b.magnitude ? a.magnitude : b.magnitude;
  const pa = precisionAt(a, m);
  const pb = precisionAt(b, m);
  return makeQuantity(value, a.unit, m, Math.max(pa, pb, 0), approximation);
}

/**
 * 相加 — a + b, exact. The result is reported at the smaller of the two
 * magnitudes (19949万元 + 9.05亿元 = 110449万元) with every digit kept.
 *
 * @param a - a quantity
 * @param b - a quantity of the same base unit
 * @returns the sum
 * @throws {@link PolicyEvalError} `unit-mismatch` (笔 + 元)
 *
 * @example
 * ```ts
 * import { addQuantities, formatQuantity, parseQuantity } from "policy-eval";
 * formatQuantity(addQuantities(parseQuantity("6.52亿元"), parseQuantity("319.64亿元"))); //=> "326.16亿元"
 * formatQuantity(addQuantities(parseQuantity("19949万元"), parseQuantity("9.05亿元"))); //=> "110449万元"
 * ```
 */
export function addQuantities<U extends Unit>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  assertSameUnit("add", a, b);
  return combine(a, b, addDecimals(a.value, b.value), combineApproximations(a.approximation, b.approximation));
}

/**
 * 相减 — a − b, exact.
 *
 * @param a - a quantity
 * @param b - a quantity of the same base unit
 * @returns the difference
 * @throws {@link PolicyEvalError} `unit-mismatch`
 *
 * @example
 * ```ts
 * import { formatQuantity, parseQuantity, subtractQuantities } from "policy-eval";
 * formatQuantity(subtractQuantities(parseQuantity("326.16亿元"), parseQuantity("325.98亿元"))); //=> "0.18亿元"
 * ```
 */
export function subtractQuantities<U extends Unit>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  assertSameUnit("subtract", a, b);
  return combine(a, b, subtractDecimals(a.value, b.value), combineApproximations(a.approximation, negatedApproximation(b.approximation)));
}

/**
 * 比较 — compares the exact values (an approximate value compares as its bound).
 *
 * @param a - a quantity
 * @param b - a quantity of the same base unit
 * @returns -1, 0 or 1
 * @throws {@link PolicyEvalError} `unit-mismatch`
 *
 * @example
 * ```ts
 * import { compareQuantities, parseQuantity } from "policy-eval";
 * compareQuantities(parseQuantity("19949万元"), parseQuantity("1.9949亿元")); //=> 0
 * compareQuantities(parseQuantity("7家"), parseQuantity("16家")); //=> -1
 * ```
 */
export function compareQuantities<U extends Unit>(a: Quantity<U>, b: Quantity<NoInfer<U>>): -1 | 0 | 1 {
  assertSameUnit("compare", a, b);
  return compareDecimals(a.value, b.value);
}

/**
 * Whether two quantities have the same unit and exactly the same value,
 * whatever magnitude they were reported at.
 *
 * @param a - a quantity
 * @param b - a quantity
 * @returns true for 19949万元 and 1.9949亿元; false for different units
 *
 * @example
 * ```ts
 * import { quantitiesEqual, parseQuantity } from "policy-eval";
 * quantitiesEqual(parseQuantity("19949万元"), parseQuantity("1.9949亿元")); //=> true
 * quantitiesEqual(parseQuantity("5011笔"), parseQuantity("5011个")); //=> false
 * ```
 */
export function quantitiesEqual(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && compareDecimals(a.value, b.value) === 0;
}

/**
 * 乘以常数 — q × factor, exact. A negative factor turns a lower bound into an upper one.
 *
 * @param quantity - the quantity
 * @param factor - a plain number (decimal string, safe integer, bigint, ExactDecimal)
 * @returns the product, at the quantity's magnitude
 * @throws {@link PolicyEvalError} `invalid-number` for a float or NaN factor
 *
 * @example
 * ```ts
 * import { formatQuantity, multiplyQuantity, parseQuantity } from "policy-eval";
 * formatQuantity(multiplyQuantity(parseQuantity("6.52亿元"), "1.5")); //=> "9.78亿元"
 * ```
 */
export function multiplyQuantity<U extends Unit>(quantity: Quantity<U>, factor: DecimalInput): Quantity<U> {
  const f = toExactDecimal(factor, ["factor"]);
  const approximation = f.coefficient < 0n ? negatedApproximation(quantity.approximation) : quantity.approximation;
  return makeQuantity(multiplyDecimals(quantity.value, f), quantity.unit, quantity.magnitude, quantity.precision, approximation);
}

/**
 * 除以常数 — q ÷ divisor, rounded to `scale` digits of the base unit by
 * `rounding` (both required: a division always says how it rounds).
 *
 * @param quantity - the quantity
 * @param divisor - a plain non-zero number
 * @param options - `{ scale, rounding }`; `scale` counts digits after the point in base units (2 = 分 for 元)
 * @returns the quotient, at the quantity's magnitude
 * @throws {@link PolicyEvalError} `division-by-zero`, `invalid-number`, `invalid-scale`,
 *   `invalid-rounding` (a missing or unknown mode, even for an exact quotient)
 *
 * @example
 * ```ts
 * import { divideQuantity, formatQuantity, parseQuantity } from "policy-eval";
 * const share = divideQuantity(parseQuantity("9.05亿元"), 232, { scale: 2, rounding: "halfEven" });
 * share.value.toString(); //=> "3900862.07"
 * formatQuantity(share, { magnitude: 4 }); //=> "390.086207万元"
 * ```
 */
export function divideQuantity<U extends Unit>(quantity: Quantity<U>, divisor: DecimalInput, options: DivideOptions): Quantity<U> {
  const read = safeToExactDecimal(divisor, ["divisor"]);
  if (!read.success) throw new PolicyEvalError([...read.error.issues, ...(divideOptionsIssues(options) ?? [])]);
  const d = read.data;
  const value = divideDecimals(quantity.value, d, options);
  const approximation = d.coefficient < 0n ? negatedApproximation(quantity.approximation) : quantity.approximation;
  return makeQuantity(value, quantity.unit, quantity.magnitude, 0, approximation);
}

/**
 * 比率 — a ÷ b for two quantities of one unit (a share, a completion rate),
 * rounded to `scale` digits by `rounding`.
 *
 * @param a - the numerator
 * @param b - the denominator, same unit, not zero
 * @param options - `{ scale, rounding }`, both required
 * @returns a plain exact decimal (1 = 100%)
 * @throws {@link PolicyEvalError} `unit-mismatch`, `division-by-zero`, `invalid-scale`,
 *   `invalid-rounding` (a missing or unknown mode, even for an exact ratio)
 *
 * @example
 * ```ts
 * import { parseQuantity, ratioOfQuantities } from "policy-eval";
 * ratioOfQuantities(parseQuantity("319.64亿元"), parseQuantity("326.16亿元"), { scale: 4, rounding: "halfUp" }).toString(); //=> "0.9800"
 * ```
 */
export function ratioOfQuantities<U extends Unit>(a: Quantity<U>, b: Quantity<NoInfer<U>>, options: DivideOptions): ExactDecimal {
  if (a.unit !== b.unit) throw new PolicyEvalError([unitMismatchIssue("divide", a.unit, b.unit, [1, "unit"]), ...(divideOptionsIssues(options) ?? [])]);
  return divideDecimals(a.value, b.value, options);
}

/**
 * 换算数量级 — the same exact value reported at another magnitude:
 * 19949万元 → 1.9949亿元. Never drops a digit.
 *
 * @param quantity - the quantity
 * @param magnitude - the new magnitude
 * @returns the quantity at that magnitude
 * @throws {@link PolicyEvalError} `invalid-magnitude`
 *
 * @example
 * ```ts
 * import { formatQuantity, parseQuantity, withMagnitude } from "policy-eval";
 * formatQuantity(withMagnitude(parseQuantity("19949万元"), 8)); //=> "1.9949亿元"
 * formatQuantity(withMagnitude(parseQuantity("6.52亿元"), 4)); //=> "65200万元"
 * ```
 */
export function withMagnitude<U extends Unit>(quantity: Quantity<U>, magnitude: Magnitude): Quantity<U> {
  if (!isMagnitude(magnitude)) throw new PolicyEvalError([invalidMagnitudeIssue(magnitude, ["magnitude"])]);
  return makeQuantity(quantity.value, quantity.unit, magnitude, precisionAt(quantity, magnitude), quantity.approximation, quantity.notation);
}

/** Options of {@link sumQuantities}. */
export interface SumQuantitiesOptions<U extends Unit> {
  /** The unit of the sum when there are no terms (otherwise an empty sum is an error). */
  readonly unit?: U | undefined;
  /** The magnitude of an empty sum. Default 0. */
  readonly magnitude?: Magnitude | undefined;
}

/**
 * Running exact sum of quantities of one unit: bigints grouped by scale and
 * aligned once at the end, so a term costs one bigint addition. Shared by
 * sums and roll-ups. @internal
 */
export class QuantityAccumulator {
  private readonly byScale: bigint[] = [];
  private maxScale = 0;
  unit: Unit | undefined;
  count = 0;
  private minMagnitude: Magnitude = 12;
  private maxDigitsOffset = Number.NEGATIVE_INFINITY; // max(precision − magnitude)
  private approximation: Approximation | undefined;

  /**
   * Adds a term. Returns false (and adds nothing) when its unit differs from
   * the accumulated one.
   */
  add(q: Quantity): boolean {
    if (this.unit === undefined) this.unit = q.unit;
    else if (q.unit !== this.unit) return false;
    const v = q.value;
    const s = v.scale;
    this.byScale[s] = (this.byScale[s] ?? 0n) + v.coefficient;
    if (s > this.maxScale) this.maxScale = s;
    if (q.magnitude < this.minMagnitude) this.minMagnitude = q.magnitude;
    const offset = q.precision - q.magnitude;
    if (offset > this.maxDigitsOffset) this.maxDigitsOffset = offset;
    if (q.approximation !== undefined) this.approximation = combineApproximations(this.approximation, q.approximation);
    this.count++;
    return true;
  }

  /** The exact total so far. */
  total(): ExactDecimal {
    return sumByScale(this.byScale, this.maxScale);
  }

  /** The sum as a quantity (undefined before the first term). */
  result(): Quantity | undefined {
    if (this.unit === undefined) return undefined;
    const m = this.minMagnitude;
    return makeQuantity(this.total(), this.unit, m, Math.max(this.maxDigitsOffset + m, 0), this.approximation);
  }
}

/**
 * 求和 — the exact sum of any number of quantities of one unit, however many
 * terms and digits (no precision limit, unlike decimal.js's 20 significant
 * digits). Reported at the smallest magnitude among the terms.
 *
 * @param quantities - the terms (not changed)
 * @param options - `unit` (and `magnitude`) for an empty sum
 * @returns the sum
 * @throws {@link PolicyEvalError} `unit-mismatch` for every term whose unit
 *   differs from the first (paths `[index, "unit"]`); `empty-sum` with no
 *   terms and no `unit`
 *
 * @example
 * ```ts
 * import { formatQuantity, parseQuantity, sumQuantities } from "policy-eval";
 * formatQuantity(sumQuantities([parseQuantity("6.52亿元"), parseQuantity("319.64亿元")])); //=> "326.16亿元"
 * sumQuantities([], { unit: "笔" }).value.toString(); //=> "0"
 * ```
 */
export function sumQuantities<U extends Unit>(
  quantities: Iterable<Quantity<SingleUnit<U>>>,
  options?: SumQuantitiesOptions<U> | undefined,
): Quantity<U> {
  return sumOf<Quantity>(quantities, identity, options) as Quantity<U>;
}

const identity = (q: Quantity): Quantity => q;

/**
 * The exact sum of the quantities `quantityOf` reads from the items, with an
 * issue for each item it gives none for (`missing`) and each unit mismatch.
 * @internal
 */
export function sumOf<T>(
  items: Iterable<T>,
  quantityOf: (item: T) => Quantity | undefined,
  options?: SumQuantitiesOptions<Unit> | undefined,
  missing?: (item: T, index: number) => PolicyEvalIssue,
): Quantity {
  const acc = new QuantityAccumulator();
  if (options?.unit !== undefined) acc.unit = options.unit;
  let issues: PolicyEvalIssue[] | undefined;
  let index = 0;
  for (const item of items) {
    const q = quantityOf(item);
    if (q === undefined) {
      if (missing !== undefined) (issues ??= []).push(missing(item, index));
    } else if (!acc.add(q)) (issues ??= []).push(unitMismatchIssue("add", acc.unit as Unit, q.unit, [index, "unit"]));
    index++;
  }
  if (issues !== undefined) throw new PolicyEvalError(issues);
  const result = acc.result();
  if (result === undefined) throw new PolicyEvalError([emptySumIssue()]);
  if (acc.count === 0) return makeQuantity(new ExactDecimal(0n, 0), result.unit, options?.magnitude ?? 0, 0);
  return result;
}

/** `empty-sum`. @internal */
export function emptySumIssue(): PolicyEvalIssue {
  return createIssue("empty-sum", [], {
    "zh-CN": "没有可求和的数量，且未指定单位（unit）",
    en: "Nothing to sum and no unit given for the empty sum",
  });
}
