/**
 * Allocating the build's large arrays. How an array is created decides how
 * V8 stores it (its "elements kind"): an array created empty and then given
 * an object changes kind, and every later store into it is slower; an array
 * of numbers created with a number stays a packed array of doubles or small
 * integers. For a million elements the difference is tens of milliseconds
 * per array.
 *
 * @module
 * @internal
 */

/** An array of n copies of value. @internal */
export function filled<T>(n: number, value: T): T[] {
  // new Array(n) is in fast (holey) element mode here; fill keeps it so.
  return new Array<T>(n).fill(value);
}

/**
 * An array of length n to be written before it is read, its element kind
 * set by `first` (its first element): cheaper than `filled` for a million
 * elements, which writes every element twice (holes, then the value). An
 * element never written reads as undefined.
 * @internal
 */
export function sized<T>(n: number, first: T): T[] {
  const out = [first];
  out.length = n;
  return out;
}

/** `to`, holding a copy of `from` at its start: a typed array grown. @internal */
export function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
