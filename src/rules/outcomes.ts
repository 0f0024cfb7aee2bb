/**
 * Whether the rules whose status is unknown could change the answer.
 *
 * Stated plainly (src/rules/reference.ts, `couldChange`): try every way the
 * unknown rules could turn out — each applies or not — and see whether all
 * of them give the same answer. What matters of an answer is its class: no
 * winner (undetermined), a single conclusion c, or a conflict.
 *
 * The one trick: instead of trying the 2^k ways, one pass bottom-up over the
 * exception graph (exceptions before the rules they override) gives each
 * rule the set of classes the winners among it and its exceptions may have.
 * The class of a union of winners depends only on the classes of its parts
 * (no winner is neutral; c with c is c; c with d, or anything with a
 * conflict, is a conflict), so a set of classes is small — a flag for "no
 * winner", a flag for "a conflict", and a bitset of the conclusions c that
 * may win alone, as wide as the rule set's vocabulary — and sets combine
 * with a few bitwise operations. An exception to several rules is counted
 * in each of their sets as if independently, which can only add classes
 * (the answer is never a guess); the differential tests find it equal to
 * trying every way.
 *
 * @module
 * @internal
 */
import { applies, UNSETTLED, type Program, type RuleSpec } from "./program.js";

/** Flag: the winners may be none. */
const NO_WINNER = 1;
/** Flag: the winners may disagree. */
const A_CONFLICT = 2;

/**
 * Sets of answer classes, one per rule plus one for the whole set: flags,
 * and a bitset over the conclusions (`width` 32-bit words each); and, by
 * rule, whether an applicable rule is above it. Kept in a run's scratch
 * (src/rules/scratch.ts) and reset before each use.
 * @internal
 */
export class ClassSets {
  readonly flags: Uint8Array;
  readonly singles: Uint32Array;
  readonly applicableAbove: Uint8Array;

  constructor(
    count: number,
    readonly width: number,
  ) {
    this.flags = new Uint8Array(count);
    this.singles = new Uint32Array(count * width);
    this.applicableAbove = new Uint8Array(count);
  }

  /** Every set back to {no winner}. */
  reset(): void {
    this.flags.fill(NO_WINNER);
    this.singles.fill(0);
    this.applicableAbove.fill(0);
  }

  /** How many conclusions may win alone in set `a`. */
  singleCount(a: number): number {
    let n = 0;
    for (let w = a * this.width; w < (a + 1) * this.width; w++) {
      let x = this.singles[w] as number;
      while (x !== 0) {
        x &= x - 1;
        n++;
      }
    }
    return n;
  }

  /** Whether sets a and b have the same single conclusions. */
  sameSingles(a: number, b: number): boolean {
    for (let w = 0; w < this.width; w++) if (this.singles[a * this.width + w] !== this.singles[b * this.width + w]) return false;
    return true;
  }

  /** Set a becomes every union of a class of a with a class of b. */
  combine(a: number, b: number): void {
    const { flags, singles, width } = this;
    const aNone = ((flags[a] as number) & NO_WINNER) !== 0;
    const bNone = ((flags[b] as number) & NO_WINNER) !== 0;
    const aSingles = this.singleCount(a);
    const bSingles = this.singleCount(b);
    // c with d (c ≠ d) is a conflict: any two singles, unless both sets hold the same one conclusion only.
    const cross = aSingles > 0 && bSingles > 0 && !(aSingles === 1 && bSingles === 1 && this.sameSingles(a, b));
    const conflict = (((flags[a] as number) | (flags[b] as number)) & A_CONFLICT) !== 0 || cross;
    for (let w = 0; w < width; w++) {
      const x = singles[a * width + w] as number;
      const y = singles[b * width + w] as number;
      // c alone: c with c, or c with no winner.
      singles[a * width + w] = (x & y) | (bNone ? x : 0) | (aNone ? y : 0);
    }
    flags[a] = (aNone && bNone ? NO_WINNER : 0) | (conflict ? A_CONFLICT : 0);
  }

  /** A rule that applies (`maybe`: that may apply) with no winner above it wins alone: "no winner" becomes its conclusion. */
  fire(a: number, conclusion: number, maybe: boolean): void {
    if (((this.flags[a] as number) & NO_WINNER) === 0) return;
    const at = a * this.width + (conclusion >>> 5);
    this.singles[at] = ((this.singles[at] as number) | (1 << (conclusion & 31))) >>> 0;
    if (!maybe) this.flags[a] = (this.flags[a] as number) & ~NO_WINNER;
  }

  /** How many classes set a holds. */
  classCount(a: number): number {
    const f = this.flags[a] as number;
    return ((f & NO_WINNER) !== 0 ? 1 : 0) + ((f & A_CONFLICT) !== 0 ? 1 : 0) + this.singleCount(a);
  }
}

/** The answer of {@link analyseUnknowns}. */
export interface UnknownsAnalysis {
  /** Whether every way the unknown rules could turn out gives the same class of answer. */
  readonly settled: boolean;
  /** The unknown rules with no applicable rule above them: those whose facts could matter. */
  readonly relevant: readonly number[];
}

/** Whether the unknown (unsettled) rules could change the class of the answer, given each rule's status. @internal */
export function analyseUnknowns(program: Program, status: Uint8Array, sets: ClassSets): UnknownsAnalysis {
  const rules = program.rules;
  const total = rules.length;
  sets.reset();
  const applicableAbove = sets.applicableAbove;
  const relevant: number[] = [];
  const order = program.exceptionOrder;
  for (let o = 0; o < order.length; o++) {
    const r = order[o] as number;
    let above = 0;
    const exceptions = program.exceptions[r] as readonly number[];
    for (let k = 0; k < exceptions.length; k++) {
      const c = exceptions[k] as number;
      sets.combine(r, c);
      if (applicableAbove[c] === 1 || applies(status[c] as number)) above = 1;
    }
    applicableAbove[r] = above;
    const s = status[r];
    if (s === UNSETTLED && above === 0) relevant.push(r);
    if (applies(s as number) || s === UNSETTLED) sets.fire(r, (rules[r] as RuleSpec).conclusionIndex, s === UNSETTLED);
    if ((rules[r] as RuleSpec).parents.length === 0) sets.combine(total, r);
  }
  return { settled: sets.classCount(total) === 1, relevant };
}
