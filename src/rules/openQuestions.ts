/**
 * What kept an undetermined answer open: walking down the unknown nodes of
 * the rules that could change the answer to what made them unknown.
 *
 * A comparison is unknown because a fact it reads is missing, because a
 * partial date is too imprecise to settle it, or because a parameter
 * changes within a partial evaluation date; a rule is also open when it may
 * or may not be in force on such a date. The walk uses an explicit stack
 * and visits each named condition once.
 *
 * @module
 * @internal
 */
import { TRI_UNCERTAIN } from "../dates/triState.js";
import type { DateContext } from "./dateContext.js";
import { MAYBE_IN_FORCE, NODE_LEAF, NODE_REF, ParameterCandidates, type Compare, type EvalValue, type FactSlot, type LeafSpec, type ParameterSpec, type Program, type Segment } from "./program.js";

/** What kept an undetermined answer open. */
export interface OpenQuestions {
  readonly missing: Set<string>;
  readonly uncertain: Set<string>;
  readonly parameters: Set<string>;
  /** Rule indexes. */
  readonly rules: Set<number>;
}

/** The open questions of the `relevant` rules (src/rules/outcomes.ts). @internal */
export function collectOpenQuestions(program: Program, ctx: DateContext, res: Uint8Array, values: readonly (EvalValue | undefined)[], relevant: readonly number[]): OpenQuestions {
  const open: OpenQuestions = { missing: new Set(), uncertain: new Set(), parameters: new Set(), rules: new Set() };
  const seenNamed = new Uint8Array(program.named.length);
  for (const r of relevant) if (ctx.inForce[r] === MAYBE_IN_FORCE) open.rules.add(r);
  const stack: number[] = relevant.map((r) => (program.rules[r] as Segment).end - 1);
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (res[i] !== TRI_UNCERTAIN) continue;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      leafQuestions(program, ctx, program.leaves[i] as LeafSpec, values, open);
    } else if (kind === NODE_REF) {
      const t = program.refTarget[i] as number;
      if (seenNamed[t] === 0) {
        seenNamed[t] = 1;
        stack.push((program.named[t] as Segment).end - 1);
      }
    } else {
      const from = program.childStart[i] as number;
      for (let k = from + (program.childCount[i] as number) - 1; k >= from; k--) stack.push(program.childList[k] as number);
    }
  }
  return open;
}

/** Why one unknown comparison is unknown. */
function leafQuestions(program: Program, ctx: DateContext, leaf: LeafSpec, values: readonly (EvalValue | undefined)[], open: OpenQuestions): void {
  const nameOf = (s: number): string => (program.facts[s] as FactSlot).name;
  const right = leaf.right;
  const rightSlot = right.kind === "fact" ? right.slot : -1;
  const left = values[leaf.slot];
  const leftMissing = left === undefined;
  const rightMissing = rightSlot >= 0 && values[rightSlot] === undefined;
  if (leftMissing) open.missing.add(nameOf(leaf.slot));
  if (rightMissing) open.missing.add(nameOf(rightSlot));
  if (left === undefined || rightMissing) return;
  const candidates = right.kind === "parameter" ? ctx.paramValues[right.index] : undefined;
  if (right.kind === "parameter" && candidates instanceof ParameterCandidates) {
    open.parameters.add((program.params[right.index] as ParameterSpec).name);
    // The fact is too imprecise as well if one candidate alone cannot settle the comparison.
    const compare = leaf.compare as Compare;
    if (candidates.values.some((v) => v !== undefined && compare(left, v) === TRI_UNCERTAIN)) open.uncertain.add(nameOf(leaf.slot));
    return;
  }
  // Both known: a partial date too imprecise to settle the comparison.
  open.uncertain.add(nameOf(leaf.slot));
  if (rightSlot >= 0) open.uncertain.add(nameOf(rightSlot));
}
