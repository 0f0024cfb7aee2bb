/**
 * Writes quantities back the way the report wrote them (326.16亿元, 7万余户,
 * 1,234个, 一百二十件, 百分之三十), or at the magnitude Chinese reports would
 * choose — never dropping a digit unless a rounding mode is given.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import { formatChineseNumeral } from "./chineseNumerals.js";
import {
  absDecimal,
  isDigitCount,
  MAX_DIGITS,
  pow10,
  roundDecimal,
  roundingIssue,
  scaleByPowerOfTen,
  type ExactDecimal,
  type RoundingMode,
} from "./decimal.js";
import { APPROXIMATION_MARKERS, digitsNeeded, type Quantity } from "./quantity.js";
import { invalidMagnitudeIssue, isMagnitude, MAGNITUDE_PREFIXES, unitKind, type Magnitude } from "./units.js";

/** Options of {@link formatQuantity}. */
export interface FormatQuantityOptions {
  /**
   * `'reported'` (default): the magnitude the quantity was reported at.
   * `'auto'`: 亿 from 1亿 up, 万 from 1万 up, none below — see {@link autoMagnitude}.
   * A number: that magnitude.
   */
  readonly magnitude?: "reported" | "auto" | Magnitude | undefined;
  /**
   * Digits after the point. Default: as many as the reported precision and
   * the value need, so nothing is dropped. Fewer than the value needs
   * requires `rounding`.
   */
  readonly decimals?: number | undefined;
  /**
   * How to drop digits when `decimals` asks for fewer than the value has. No
   * default: rounding is never silent. Optional while nothing is dropped, but
   * when given it must be a known {@link RoundingMode}.
   */
  readonly rounding?: RoundingMode | undefined;
  /** Thousands separators; default as reported. */
  readonly grouping?: boolean | undefined;
  /** `'arabic'` or `'chinese'` numerals; default as reported. */
  readonly numerals?: "arabic" | "chinese" | undefined;
}

/**
 * The magnitude Chinese reports would write a quantity at: 亿 (8) when its
 * absolute value is at least 1亿, 万 (4) when at least 1万, otherwise none.
 * Percentages and other ratios are never scaled.
 *
 * @param quantity - the quantity
 * @returns 8, 4 or 0
 *
 * @example
 * ```ts
 * import { autoMagnitude, parseQuantity } from "policy-eval";
 * autoMagnitude(parseQuantity("19949万元")); //=> 8
 * autoMagnitude(parseQuantity("266067个")); //=> 4
 * autoMagnitude(parseQuantity("7家")); //=> 0
 * ```
 */
export function autoMagnitude(quantity: Quantity): Magnitude {
  const kind = unitKind(quantity.unit);
  if (kind === "percent" || kind === "permille" || kind === "percentagePoint") return 0;
  const { coefficient, scale } = quantity.value;
  const abs = coefficient < 0n ? -coefficient : coefficient;
  // |value| ≥ 10^k  ⇔  |coefficient| ≥ 10^(k + scale)
  if (abs >= pow10(8 + scale)) return 8;
  if (abs >= pow10(4 + scale)) return 4;
  return 0;
}

function groupThousands(digits: string): string {
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) {
    const start = end - 3 > 0 ? end - 3 : 0;
    out = out === "" ? digits.slice(start, end) : `${digits.slice(start, end)},${out}`;
  }
  return out;
}

function formatError(code: string, zh: string, en: string, params: Record<string, unknown>): PolicyEvalError {
  return new PolicyEvalError([createIssue(code, [], { "zh-CN": zh, en }, { params })]);
}

/**
 * 格式化数量 — writes a quantity. By default it gives back the reported form:
 * `formatQuantity(parseQuantity("326.16亿元"))` is `"326.16亿元"`; spaces
 * and full-width digits of the source are not kept (they are layout).
 * Chinese numerals come back in standard form, with 两 for a lone 2.
 *
 * With `{ magnitude: 'auto' }` it chooses 万/亿 by {@link autoMagnitude} and
 * shows every digit the value has (19949万元 → 1.9949亿元). A shorter form
 * (`decimals: 2`) that would drop digits needs an explicit `rounding`.
 *
 * @param quantity - the quantity
 * @param options - magnitude, decimals, rounding, grouping, numerals
 * @returns the text
 * @throws {@link PolicyEvalError} `rounding-required` when `decimals` would
 *   drop digits and no `rounding` is given; `invalid-rounding` for a
 *   `rounding` that is not a known mode (whether or not it is needed);
 *   `invalid-magnitude`, `invalid-decimals` (every bad option at once)
 *
 * @example
 * ```ts
 * import { formatQuantity, parseQuantity } from "policy-eval";
 * formatQuantity(parseQuantity("326.16亿元")); //=> "326.16亿元"
 * formatQuantity(parseQuantity("19949 万元"), { magnitude: "auto" }); //=> "1.9949亿元"
 * formatQuantity(parseQuantity("266067 个"), { magnitude: "auto", decimals: 2, rounding: "halfUp" }); //=> "26.61万个"
 * formatQuantity(parseQuantity("7万余户")); //=> "7万余户"
 * ```
 */
export function formatQuantity(quantity: Quantity, options?: FormatQuantityOptions | undefined): string {
  const choice = options?.magnitude ?? "reported";
  const magnitude: Magnitude = choice === "reported" ? quantity.magnitude : choice === "auto" ? autoMagnitude(quantity) : choice;
  let decimals = options?.decimals;
  const rounding = options?.rounding;
  let issues: PolicyEvalIssue[] | undefined;
  if (!isMagnitude(magnitude)) (issues ??= []).push(invalidMagnitudeIssue(magnitude, ["magnitude"]));
  if (decimals !== undefined && !isDigitCount(decimals)) {
    (issues ??= []).push(
      createIssue(
        "invalid-decimals",
        [],
        {
          "zh-CN": `小数位数应为 0 到 ${MAX_DIGITS} 之间的整数，实际为 ${String(decimals)}`,
          en: `decimals must be an integer from 0 to ${MAX_DIGITS}, received ${String(decimals)}`,
        },
        { params: { decimals } },
      ),
    );
  }
  // optional, but never an unknown mode (untyped callers)
  const badRounding = rounding === undefined ? undefined : roundingIssue(rounding);
  if (badRounding !== undefined) (issues ??= []).push(badRounding);
  if (issues !== undefined) throw new PolicyEvalError(issues);

  // the number at that magnitude, and the digits it needs
  const atMagnitude = scaleByPowerOfTen(quantity.value, -magnitude);
  const needed = digitsNeeded(quantity.value, magnitude);
  // at the reported magnitude the reported precision (6.50亿元 keeps its 0); elsewhere only the digits the value has
  const reported = magnitude === quantity.magnitude ? quantity.precision : 0;
  let shown: ExactDecimal;
  if (decimals === undefined) {
    decimals = needed > reported ? needed : reported > 0 ? reported : 0;
    shown = roundDecimal(atMagnitude, decimals, "halfEven"); // exact: decimals ≥ needed
  } else if (decimals >= needed) {
    shown = roundDecimal(atMagnitude, decimals, "halfEven"); // exact
  } else {
    if (rounding === undefined) {
      throw formatError(
        "rounding-required",
        `以 ${decimals} 位小数显示 ${atMagnitude.toString()}${MAGNITUDE_PREFIXES[magnitude]}${quantity.unit} 会丢失数字，请指定舍入方式（rounding）`,
        `Showing ${atMagnitude.toString()} at ${decimals} decimals drops digits; pass a rounding mode`,
        { value: atMagnitude.toString(), decimals, needed },
      );
    }
    shown = roundDecimal(atMagnitude, decimals, rounding);
  }

  const negative = shown.coefficient < 0n;
  const text = absDecimal(shown).toString();
  const point = text.indexOf(".");
  const intPart = point < 0 ? text : text.slice(0, point);
  const fracPart = point < 0 ? "" : text.slice(point + 1);
  const notation = quantity.notation;
  const chinese = (options?.numerals ?? (notation?.numerals === "chinese" ? "chinese" : "arabic")) === "chinese" && intPart.length <= 16;
  let number: string;
  const percentWords = notation?.percentWords === true && quantity.unit === "%";
  // 两 for a lone 2 of things (两名, 两万元, 两个百分点), not of a ratio (百分之二)
  const kind = unitKind(quantity.unit);
  const liang = !percentWords && kind !== "percent" && kind !== "permille";
  if (chinese) number = formatChineseNumeral(BigInt(intPart), fracPart, { liang });
  else {
    const grouped = options?.grouping ?? notation?.grouping === true;
    number = (grouped ? groupThousands(intPart) : intPart) + (fracPart === "" ? "" : `.${fracPart}`);
  }

  const marker = quantity.approximation?.marker;
  const position = marker === undefined ? undefined : APPROXIMATION_MARKERS[marker].position;
  let out = position === "prefix" ? (marker as string) : "";
  if (negative) out += chinese ? "负" : "-";
  if (percentWords) out += "百分之";
  out += number;
  const infix = position === "infix" ? (marker as string) : "";
  if (notation?.markerBeforeMagnitude === true) out += infix + MAGNITUDE_PREFIXES[magnitude];
  else out += MAGNITUDE_PREFIXES[magnitude] + infix;
  if (!percentWords) out += quantity.unit;
  if (position === "suffix") out += marker as string;
  return out;
}
