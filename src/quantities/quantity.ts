/**
 * 数量 — an exact reported quantity: the value in base units, the base unit,
 * the magnitude and precision it was reported at, and whether the report gave
 * it only approximately (7万余户, 70多个).
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { ExactDecimal, isDigitCount, MAX_DIGITS, normalizeDecimal, safeToExactDecimal, scaleByPowerOfTen, type DecimalInput } from "./decimal.js";
import { invalidMagnitudeIssue, isMagnitude, isUnit, unknownUnitIssue, type Magnitude, type Unit } from "./units.js";

/** 约数标记 — a word that makes a number approximate. */
export type ApproximationMarker =
  | "约"
  | "大约"
  | "近"
  | "将近"
  | "接近"
  | "超过"
  | "逾"
  | "不足"
  | "不到"
  | "余"
  | "多"
  | "左右"
  | "上下"
  | "以上"
  | "以下";

/**
 * What an approximate value is: a lower bound (7万余户: more than 70000), an
 * upper bound (近7万户: nearly 70000) or about (约7万户).
 */
export type ApproximationBound = "lower" | "upper" | "about";

/** Where a marker is written: before the number, after the magnitude (7万余户), or after the unit (7万户左右). */
export type MarkerPosition = "prefix" | "infix" | "suffix";

/** How the report qualified an approximate number. */
export interface Approximation {
  /** The word as written. */
  readonly marker: ApproximationMarker;
  /** What the value is relative to the true number. */
  readonly bound: ApproximationBound;
}

/**
 * The approximation markers: where each is written and what it means.
 *
 * @example
 * ```ts
 * import { APPROXIMATION_MARKERS } from "policy-eval";
 * APPROXIMATION_MARKERS["余"]; //=> { position: "infix", bound: "lower" }
 * ```
 */
export const APPROXIMATION_MARKERS: Readonly<
  Record<ApproximationMarker, { readonly position: MarkerPosition; readonly bound: ApproximationBound }>
> = Object.freeze({
  约: { position: "prefix", bound: "about" },
  大约: { position: "prefix", bound: "about" },
  近: { position: "prefix", bound: "upper" },
  将近: { position: "prefix", bound: "upper" },
  接近: { position: "prefix", bound: "upper" },
  超过: { position: "prefix", bound: "lower" },
  逾: { position: "prefix", bound: "lower" },
  不足: { position: "prefix", bound: "upper" },
  不到: { position: "prefix", bound: "upper" },
  余: { position: "infix", bound: "lower" },
  多: { position: "infix", bound: "lower" },
  左右: { position: "suffix", bound: "about" },
  上下: { position: "suffix", bound: "about" },
  以上: { position: "suffix", bound: "lower" },
  以下: { position: "suffix", bound: "upper" },
});

/** How the number was written, so that {@link formatQuantity} gives it back. Absent fields are the defaults (Arabic digits, no separators). */
export interface QuantityNotation {
  /** `'chinese'` for 六个, 一百二十件, 百分之三十. */
  readonly numerals?: "chinese";
  /** Thousands separators, as in `1,234`. */
  readonly grouping?: true;
  /** 百分之三十 rather than 30%. */
  readonly percentWords?: true;
  /** An infix marker written before the magnitude: 10余万元 (rather than 10万余元). */
  readonly markerBeforeMagnitude?: true;
}

/**
 * 数量 — an exact quantity as a report gives it.
 *
 * `U` is the base unit when the types know it (`Quantity<'元'>`), so that
 * adding a count of 笔 to an amount of 元 is a compile error.
 *
 * @example
 * ```ts
 * import { parseQuantity } from "policy-eval";
 * const q = parseQuantity("326.16亿元");
 * q.value.toString(); //=> "32616000000"
 * [q.unit, q.magnitude, q.precision, q.approximate]; //=> ["元", 8, 2, false]
 * ```
 */
export interface Quantity<U extends Unit = Unit> {
  /**
   * The value in base units, exact, without trailing zeros after the point
   * (`32616000000` for 326.16亿元; the reported digits are in `precision`).
   * For a lower-bound approximation (7万余户) the bound.
   */
  readonly value: ExactDecimal;
  /** The base unit: `'元'` for 亿元, `'条'` for 万条. */
  readonly unit: U;
  /** The power of ten it was reported at: 8 for 亿, 4 for 万, 0. */
  readonly magnitude: Magnitude;
  /** Digits after the point at the reported magnitude: 2 for 326.16亿. */
  readonly precision: number;
  /** Whether the report gave only an approximation (余, 多, 约, 左右 …). */
  readonly approximate: boolean;
  /** The marker and its meaning, when approximate (otherwise undefined). */
  readonly approximation?: Approximation | undefined;
  /** How the number was written, when not plain Arabic digits (otherwise undefined). */
  readonly notation?: QuantityNotation | undefined;
}

/** The base unit of a quantity type. */
export type UnitOf<Q> = Q extends Quantity<infer U> ? U : never;

/**
 * Digits after the point needed to show `value` (base units) at `magnitude`
 * without dropping any. @internal
 */
export function digitsNeeded(value: ExactDecimal, magnitude: number): number {
  let digits = value.scale + magnitude;
  let c = value.coefficient;
  if (c === 0n) return 0;
  while (digits > 0 && c % 10n === 0n) {
    c /= 10n;
    digits--;
  }
  return digits;
}

/**
 * Allocates a frozen quantity. Every quantity has the same seven fields in
 * the same order (one hidden class for the engine). @internal
 */
export function newQuantity<U extends Unit>(
  value: ExactDecimal,
  unit: U,
  magnitude: Magnitude,
  precision: number,
  approximation: Approximation | undefined,
  notation: QuantityNotation | undefined,
): Quantity<U> {
  return Object.freeze({ value, unit, magnitude, precision, approximate: approximation !== undefined, approximation, notation });
}

function hasNotation(n: QuantityNotation): boolean {
  return n.numerals !== undefined || n.grouping === true || n.percentWords === true || n.markerBeforeMagnitude === true;
}

/**
 * Builds a frozen quantity from parts already checked. `precision` is raised
 * to what the value needs, so no digit can be lost. @internal
 */
export function makeQuantity<U extends Unit>(
  value: ExactDecimal,
  unit: U,
  magnitude: Magnitude,
  precision: number,
  approximation?: Approximation | undefined,
  notation?: QuantityNotation | undefined,
): Quantity<U> {
  const needed = digitsNeeded(value, magnitude);
  return newQuantity(
    normalizeDecimal(value),
    unit,
    magnitude,
    precision > needed ? precision : needed,
    approximation,
    notation !== undefined && hasNotation(notation) ? notation : undefined,
  );
}

/** Options of {@link createQuantity}. */
export interface CreateQuantityOptions {
  /** The magnitude `value` is given at (8 for 亿). Default 0. */
  readonly magnitude?: Magnitude | undefined;
  /** Digits after the point as reported; default: those of `value` (`"6.50"` → 2). */
  readonly precision?: number | undefined;
  /** An approximation marker (`'余'`) or the full {@link Approximation}. */
  readonly approximation?: ApproximationMarker | Approximation | undefined;
  /** How the number is written. */
  readonly notation?: QuantityNotation | undefined;
}

function approximationFrom(input: ApproximationMarker | Approximation | undefined, path: IssuePath, issues: PolicyEvalIssue[]): Approximation | undefined {
  if (input === undefined) return undefined;
  const marker = typeof input === "string" ? input : input.marker;
  const known = Object.prototype.hasOwnProperty.call(APPROXIMATION_MARKERS, marker) ? APPROXIMATION_MARKERS[marker] : undefined;
  if (known === undefined) {
    issues.push(
      createIssue(
        "unknown-approximation-marker",
        [...path, "approximation"],
        { "zh-CN": `未知的约数标记：${JSON.stringify(marker)}`, en: `Unknown approximation marker ${JSON.stringify(marker)}` },
        { params: { marker } },
      ),
    );
    return undefined;
  }
  return Object.freeze({ marker, bound: known.bound });
}

/**
 * Builds a quantity from a reported number, checking every part and
 * reporting every problem at once. Used by {@link createQuantity} and by the
 * observation schema. @internal
 */
export function quantityIssues(
  value: DecimalInput,
  unit: string,
  options: CreateQuantityOptions | undefined,
  path: IssuePath,
): { quantity?: Quantity; issues: PolicyEvalIssue[] } {
  const issues: PolicyEvalIssue[] = [];
  const decimal = safeToExactDecimal(value, [...path, "value"]);
  if (!decimal.success) issues.push(...decimal.error.issues);
  if (!isUnit(unit)) issues.push(unknownUnitIssue(unit, [...path, "unit"]));
  const magnitude = options?.magnitude ?? 0;
  if (!isMagnitude(magnitude)) issues.push(invalidMagnitudeIssue(magnitude, [...path, "magnitude"]));
  const precision = options?.precision;
  if (precision !== undefined && !isDigitCount(precision)) {
    issues.push(
      createIssue(
        "invalid-precision",
        [...path, "precision"],
        {
          "zh-CN": `精度（小数位数）应为 0 到 ${MAX_DIGITS} 之间的整数，实际为 ${String(precision)}`,
          en: `A precision must be an integer from 0 to ${MAX_DIGITS}, received ${String(precision)}`,
        },
        { params: { precision } },
      ),
    );
  }
  const approximation = approximationFrom(options?.approximation, path, issues);
  if (issues.length > 0 || !decimal.success || !isUnit(unit) || !isMagnitude(magnitude)) return { issues };
  const reported = decimal.data;
  return {
    quantity: makeQuantity(
      scaleByPowerOfTen(reported, magnitude), // the reported number in base units: 326.16 at 8 → 32616000000
      unit,
      magnitude,
      precision ?? reported.scale,
      approximation,
      options?.notation,
    ),
    issues,
  };
}

/**
 * 创建数量 — builds a quantity from a reported number, its base unit and the
 * magnitude it is given at (SDMX: value × 10^UNIT_MULT is in the unit).
 *
 * @param value - the number as reported: a decimal string, safe integer,
 *   bigint, {@link ExactDecimal} or decimal.js Decimal — never a float
 * @param unit - the base unit (`'元'` for 亿元)
 * @param options - magnitude, precision, approximation, notation
 * @returns a frozen quantity
 * @throws {@link PolicyEvalError} `invalid-number`, `unknown-unit`,
 *   `invalid-magnitude`, `invalid-precision` — all at once
 *
 * @example
 * ```ts
 * import { createQuantity, formatQuantity } from "policy-eval";
 * const amount = createQuantity("319.64", "元", { magnitude: 8 });
 * amount.value.toString(); //=> "31964000000"
 * formatQuantity(amount); //=> "319.64亿元"
 * ```
 */
export function createQuantity<U extends Unit>(value: DecimalInput, unit: U, options?: CreateQuantityOptions | undefined): Quantity<U> {
  const result = quantityIssues(value, unit, options, []);
  if (result.quantity === undefined) throw new PolicyEvalError(result.issues);
  return result.quantity as Quantity<U>;
}

/**
 * Like {@link createQuantity}, returning the error instead of throwing it.
 *
 * @param value - the number as reported
 * @param unit - the base unit
 * @param options - magnitude, precision, approximation, notation
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeCreateQuantity } from "policy-eval";
 * const result = safeCreateQuantity(0.1, "元");
 * result.success; //=> false
 * ```
 */
export function safeCreateQuantity<U extends Unit>(
  value: DecimalInput,
  unit: U,
  options?: CreateQuantityOptions | undefined,
): SafeResult<Quantity<U>> {
  const result = quantityIssues(value, unit, options, []);
  if (result.quantity === undefined) return { success: false, error: new PolicyEvalError(result.issues) };
  return { success: true, data: result.quantity as Quantity<U> };
}

/**
 * Whether a value is a quantity (has an exact value, a known unit and a magnitude).
 *
 * @param value - anything
 * @returns the type guard
 *
 * @example
 * ```ts
 * import { isQuantity, parseQuantity } from "policy-eval";
 * isQuantity(parseQuantity("7家")); //=> true
 * isQuantity({ value: 7, unit: "家" }); //=> false
 * ```
 */
export function isQuantity(value: unknown): value is Quantity {
  if (typeof value !== "object" || value === null) return false;
  const q = value as Partial<Quantity>;
  return q.value instanceof ExactDecimal && isUnit(q.unit) && isMagnitude(q.magnitude) && typeof q.precision === "number";
}

/**
 * Narrows a quantity to a unit known at run time, so that typed arithmetic
 * accepts it.
 *
 * @param quantity - a quantity of any unit
 * @param unit - the unit expected
 * @returns whether the quantity is in that unit
 *
 * @example
 * ```ts
 * import { hasUnit, parseQuantity } from "policy-eval";
 * const q = parseQuantity(["5011", "笔"].join(""));
 * hasUnit(q, "笔"); //=> true
 * ```
 */
export function hasUnit<U extends Unit>(quantity: Quantity, unit: U): quantity is Quantity<U> {
  return quantity.unit === unit;
}
