/**
 * Fact comparisons, compiled: for each leaf of a condition, the closure that
 * tests it.
 *
 * The one trick: the closure is chosen once, at compile time, for the
 * leaf's fact type, operator and kind of right-hand side (a literal already
 * read into its exact form, another fact, a parameter), so that a run does
 * no dispatch and parses no literal. What each comparison means is stated
 * plainly by `compareValues` in src/rules/reference.ts.
 *
 * @module
 * @internal
 */
import { spanBefore, spanOnOrBefore, spanSameDay, daySpanOf, type DaySpan } from "../dates/daySpan.js";
import { notTriCode, TRI_FALSE, TRI_TRUE, TRI_UNCERTAIN, triCodeOf, type TriCode } from "../dates/triState.js";
import { compareDecimals, ExactDecimal, toExactDecimal } from "../quantities/decimal.js";
import type { FactType, JsonFactValue } from "./factTypes.js";
import type { Operator } from "./operators.js";
import { ParameterCandidates, type Compare, type EvalValue, type LeafTest, type RightSpec } from "./program.js";
import type { Literal, Parameter } from "./schema.js";

/** Reads a literal or parameter value, already validated for `type`, into its evaluation form. @internal */
export function normalizeValue(type: FactType | Parameter["type"], value: Literal): EvalValue {
  if (type === "decimal") return toExactDecimal(value as string | number);
  if (type === "date") return daySpanOf(value as string);
  return value as boolean | string | readonly string[];
}

/** The JSON-friendly form of a value as given: decimals as strings, lists as frozen copies. @internal */
export function toJsonValue(value: boolean | string | number | ExactDecimal | readonly string[]): JsonFactValue {
  if (value instanceof ExactDecimal) return value.toString();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return Object.freeze([...(value as readonly string[])]);
  return value as boolean | string;
}

const decimal = (l: EvalValue, r: EvalValue): number => compareDecimals(l as ExactDecimal, r as ExactDecimal);
const span = (v: EvalValue): DaySpan => v as DaySpan;
const list = (v: EvalValue): readonly string[] => v as readonly string[];

/** Date comparisons: tri-state on the spans of days the dates may stand for (src/dates/daySpan.ts). */
const before: Compare = (l, r) => spanBefore(span(l)[0], span(l)[1], span(r)[0], span(r)[1]);
const onOrBefore: Compare = (l, r) => spanOnOrBefore(span(l)[0], span(l)[1], span(r)[0], span(r)[1]);
const sameDay: Compare = (l, r) => spanSameDay(span(l)[0], span(l)[1], span(r)[0], span(r)[1]);

const EQUALITY: Partial<Record<Operator, Compare>> = {
  equal: (l, r) => triCodeOf(l === r),
  notEqual: (l, r) => triCodeOf(l !== r),
};

const STRINGS: Partial<Record<Operator, Compare>> = {
  ...EQUALITY,
  in: (l, r) => triCodeOf(list(r).includes(l as string)),
  notIn: (l, r) => triCodeOf(!list(r).includes(l as string)),
};

/** Each fact type's comparisons (the unary operators are compiled apart, in compileTest). */
const COMPARE: Readonly<Record<FactType, Partial<Record<Operator, Compare>>>> = {
  boolean: EQUALITY,
  decimal: {
    equal: (l, r) => triCodeOf(decimal(l, r) === 0),
    notEqual: (l, r) => triCodeOf(decimal(l, r) !== 0),
    lessThan: (l, r) => triCodeOf(decimal(l, r) < 0),
    lessThanInclusive: (l, r) => triCodeOf(decimal(l, r) <= 0),
    greaterThan: (l, r) => triCodeOf(decimal(l, r) > 0),
    greaterThanInclusive: (l, r) => triCodeOf(decimal(l, r) >= 0),
  },
  date: {
    before,
    after: (l, r) => before(r, l),
    onOrBefore,
    onOrAfter: (l, r) => onOrBefore(r, l),
    equal: sameDay,
    notEqual: (l, r) => notTriCode(sameDay(l, r)),
  },
  string: STRINGS,
  enum: STRINGS,
  stringList: {
    contains: (l, r) => triCodeOf(list(l).includes(r as string)),
    doesNotContain: (l, r) => triCodeOf(!list(l).includes(r as string)),
  },
};

/** The comparison of a binary operator on a fact type (undefined for the unary operators). @internal */
export function compareFor(type: FactType, operator: Operator): Compare | undefined {
  return COMPARE[type][operator];
}

/** A comparison with each candidate: settled only when they all agree and none is missing. @internal */
export function compareEach(compare: Compare, left: EvalValue, candidates: readonly (EvalValue | undefined)[]): TriCode {
  let out: TriCode | undefined;
  for (let k = 0; k < candidates.length; k++) {
    const v = candidates[k];
    if (v === undefined) return TRI_UNCERTAIN;
    const t = compare(left, v);
    if (t === TRI_UNCERTAIN || (out !== undefined && t !== out)) return TRI_UNCERTAIN;
    out = t;
  }
  return out ?? TRI_UNCERTAIN;
}

/** The closure of a unary operator: `isKnown` / `isUnknown` ask whether the fact is missing; `isTrue` / `isFalse` are unknown on a missing fact. */
function unaryTest(operator: Operator, slot: number): LeafTest | undefined {
  switch (operator) {
    case "isKnown":
      return (f) => (f[slot] === undefined ? TRI_FALSE : TRI_TRUE);
    case "isUnknown":
      return (f) => (f[slot] === undefined ? TRI_TRUE : TRI_FALSE);
    case "isTrue":
      return (f) => (f[slot] === undefined ? TRI_UNCERTAIN : f[slot] === true ? TRI_TRUE : TRI_FALSE);
    case "isFalse":
      return (f) => (f[slot] === undefined ? TRI_UNCERTAIN : f[slot] === false ? TRI_TRUE : TRI_FALSE);
    default:
      return undefined;
  }
}

/**
 * The closure testing one comparison. A missing left or right fact makes it
 * unknown, except for `isKnown` / `isUnknown`, which ask exactly that.
 * @internal
 */
export function compileTest(operator: Operator, compare: Compare | undefined, slot: number, right: RightSpec, literal: EvalValue | undefined): LeafTest {
  const unary = unaryTest(operator, slot);
  if (unary !== undefined) return unary;
  const cmp = compare as Compare; // every binary operator has one (validated)
  if ((operator === "in" || operator === "notIn") && right.kind === "literal") {
    // A set keeps long lists of allowed values cheap.
    const set = new Set(literal as readonly string[]);
    const member = operator === "in";
    return (f) => {
      const l = f[slot];
      return l === undefined ? TRI_UNCERTAIN : triCodeOf(set.has(l as string) === member);
    };
  }
  switch (right.kind) {
    case "literal": {
      const r = literal as EvalValue;
      return (f) => {
        const l = f[slot];
        return l === undefined ? TRI_UNCERTAIN : cmp(l, r);
      };
    }
    case "fact": {
      const r = right.slot;
      return (f) => {
        const l = f[slot];
        const v = f[r];
        return l === undefined || v === undefined ? TRI_UNCERTAIN : cmp(l, v);
      };
    }
    case "parameter": {
      const k = right.index;
      return (f, p) => {
        const l = f[slot];
        if (l === undefined) return TRI_UNCERTAIN;
        const r = p[k] as EvalValue | ParameterCandidates;
        return r instanceof ParameterCandidates ? compareEach(cmp, l, r.values) : cmp(l, r);
      };
    }
    case "none":
      throw new Error(`operator ${operator} needs a value`); // unreachable after validation
  }
}
