/**
 * 三值 — the library's one three-valued type, and the one integer encoding of
 * it that typed arrays use.
 *
 * A question about a partial date (`'2017-09'` before `'2017-09-15'`?), a
 * condition on a missing fact, a status the catalogue cannot settle: each is
 * answered `true`, `false` or `'uncertain'` ({@link TriState}). Code that
 * keeps many such answers in a `Uint8Array` (the rules engine, the catalogue
 * build) stores them as a {@link TriCode} and converts with
 * {@link toTriCode} / {@link fromTriCode}; 0 is left free for "not computed".
 * The trace of the rules engine spells `'uncertain'` as `'unknown'` (its
 * public format, src/rules/trace.ts).
 *
 * @module
 */

/** 三值 — a yes/no answer that may be unknown: `true`, `false` or `'uncertain'`. */
export type TriState = boolean | "uncertain";

/** {@link TriState} `true` as a {@link TriCode}. @internal */
export const TRI_TRUE = 1;
/** {@link TriState} `false` as a {@link TriCode}. @internal */
export const TRI_FALSE = 2;
/** {@link TriState} `'uncertain'` as a {@link TriCode}. @internal */
export const TRI_UNCERTAIN = 3;

/**
 * A {@link TriState} as a small integer, for typed arrays: 1 true, 2 false,
 * 3 uncertain (0 is never a TriCode: users keep it for "not computed").
 * @internal
 */
export type TriCode = typeof TRI_TRUE | typeof TRI_FALSE | typeof TRI_UNCERTAIN;

/** The code of a boolean. @internal */
export function triCodeOf(value: boolean): TriCode {
  return value ? TRI_TRUE : TRI_FALSE;
}

/** The code of a {@link TriState}. @internal */
export function toTriCode(value: TriState): TriCode {
  return value === "uncertain" ? TRI_UNCERTAIN : value ? TRI_TRUE : TRI_FALSE;
}

/** The {@link TriState} of a code. @internal */
export function fromTriCode(code: TriCode): TriState {
  return code === TRI_TRUE ? true : code === TRI_FALSE ? false : "uncertain";
}

/** Negation on codes: true and false swap, uncertain stays. @internal */
export function notTriCode(code: TriCode): TriCode {
  return code === TRI_TRUE ? TRI_FALSE : code === TRI_FALSE ? TRI_TRUE : TRI_UNCERTAIN;
}

/** Negation: true and false swap, `'uncertain'` stays. @internal */
export function triNot(value: TriState): TriState {
  return value === "uncertain" ? value : !value;
}

/**
 * Conjunction (Kleene): false if any part is false; else uncertain if any is
 * uncertain; else true (`[]` is true). @internal
 */
export function triAll(values: readonly TriState[]): TriState {
  if (values.includes(false)) return false;
  return values.includes("uncertain") ? "uncertain" : true;
}

/**
 * Disjunction (Kleene): true if any part is true; else uncertain if any is
 * uncertain; else false (`[]` is false). @internal
 */
export function triAny(values: readonly TriState[]): TriState {
  if (values.includes(true)) return true;
  return values.includes("uncertain") ? "uncertain" : false;
}
