/**
 * 运算符 — the comparisons a condition can make, and which fact types each fits.
 *
 * @module
 */
import type { FactType } from "./factTypes.js";

/**
 * Every operator of the rule language.
 *
 * @example
 * ```ts
 * import { OPERATORS } from "policy-eval";
 * OPERATORS.includes("onOrBefore"); //=> true
 * ```
 */
export const OPERATORS = Object.freeze([
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "before",
  "after",
  "onOrBefore",
  "onOrAfter",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  "isTrue",
  "isFalse",
  "isKnown",
  "isUnknown",
] as const);

/** 运算符 — one of {@link OPERATORS}. */
export type Operator = (typeof OPERATORS)[number];

/** Operators that take no right-hand value. */
const UNARY: ReadonlySet<Operator> = new Set<Operator>(["isTrue", "isFalse", "isKnown", "isUnknown"]);

const BY_TYPE: Readonly<Record<FactType, readonly Operator[]>> = Object.freeze({
  boolean: Object.freeze<Operator[]>(["isTrue", "isFalse", "equal", "notEqual", "isKnown", "isUnknown"]),
  decimal: Object.freeze<Operator[]>([
    "equal",
    "notEqual",
    "lessThan",
    "lessThanInclusive",
    "greaterThan",
    "greaterThanInclusive",
    "isKnown",
    "isUnknown",
  ]),
  date: Object.freeze<Operator[]>(["before", "after", "onOrBefore", "onOrAfter", "equal", "notEqual", "isKnown", "isUnknown"]),
  string: Object.freeze<Operator[]>(["equal", "notEqual", "in", "notIn", "isKnown", "isUnknown"]),
  enum: Object.freeze<Operator[]>(["equal", "notEqual", "in", "notIn", "isKnown", "isUnknown"]),
  stringList: Object.freeze<Operator[]>(["contains", "doesNotContain", "isKnown", "isUnknown"]),
});

/**
 * The operators that fit a fact type: numbers compare exactly, dates with
 * their precision (`before` … `onOrAfter`; `lessThan` is refused on dates so
 * that a partial date is never compared as text), lists by membership.
 *
 * @param type - a fact type
 * @returns the operators a condition on such a fact may use
 *
 * @example
 * ```ts
 * import { operatorsForFactType } from "policy-eval";
 * operatorsForFactType("stringList"); //=> ["contains", "doesNotContain", "isKnown", "isUnknown"]
 * ```
 */
export function operatorsForFactType(type: FactType): readonly Operator[] {
  return BY_TYPE[type];
}

/**
 * Whether an operator takes a right-hand `value` (`isTrue`, `isFalse`,
 * `isKnown` and `isUnknown` do not).
 *
 * @param operator - an operator
 * @returns true when the condition needs a `value`
 *
 * @example
 * ```ts
 * import { operatorTakesValue } from "policy-eval";
 * operatorTakesValue("isKnown"); //=> false
 * operatorTakesValue("greaterThanInclusive"); //=> true
 * ```
 */
export function operatorTakesValue(operator: Operator): boolean {
  return !UNARY.has(operator);
}
