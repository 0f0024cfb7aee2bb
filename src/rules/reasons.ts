/**
 * A winning rule's reason: its text and basis, the facts whose values made
 * its condition hold, and the documents cited.
 *
 * The facts are the comparisons that support the result, found from the
 * root with the result wanted there — true, and under a `not` false (the
 * parts that were false made the `not` true). The one trick: the walk keeps
 * (node, wanted result) pairs in a flat reused array and the facts and
 * cites found so far in short reused lists searched linearly, so a reason
 * allocates only what it returns. The same walk over the trace is
 * `reasonOf` in src/rules/reference.ts.
 *
 * @module
 * @internal
 */
import { notTriCode, TRI_TRUE, type TriCode } from "../dates/triState.js";
import { jsonOf, type Subject } from "./factAccess.js";
import { NODE_LEAF, NODE_NOT, NODE_REF, type FactSlot, type LeafSpec, type Program, type RuleSpec, type Segment } from "./program.js";
import type { Reason, ReasonFact } from "./results.js";
import type { Basis } from "./schema.js";
import type { Scratch } from "./scratch.js";

/** The key under which a named condition, visited for a wanted result, is remembered (each pair once per reason). */
function visitKey(named: number, want: TriCode): number {
  return named * 4 + want;
}

/** Whether `list[0..n)` holds `x`. */
function holds<T>(list: readonly T[], n: number, x: T): boolean {
  for (let k = 0; k < n; k++) if (list[k] === x) return true;
  return false;
}

/** Adds `x` to `list[0..n)` unless it is there; returns the new count. */
function addOnce<T>(list: T[], n: number, x: T): number {
  if (holds(list, n, x)) return n;
  list[n] = x;
  return n + 1;
}

/** The fact slots of the comparisons that support rule `r`'s condition being true, in the order the condition names them; their count is returned, the slots are in `scratch.slots`. */
function supportingFacts(program: Program, rule: RuleSpec, res: Uint8Array, values: Subject["values"], scratch: Scratch): number {
  const { stack, slots, seen } = scratch;
  let top = 0;
  let nSlots = 0;
  let nSeen = 0;
  // Pairs: a node, then the result that supports the conclusion there.
  stack[top++] = rule.end - 1;
  stack[top++] = TRI_TRUE;
  while (top > 0) {
    const want = stack[--top] as TriCode;
    const i = stack[--top] as number;
    if (res[i] !== want) continue;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = program.leaves[i] as LeafSpec;
      if (values[leaf.slot] !== undefined) nSlots = addOnce(slots, nSlots, leaf.slot);
      const right = leaf.right;
      if (right.kind === "fact" && values[right.slot] !== undefined) nSlots = addOnce(slots, nSlots, right.slot);
    } else if (kind === NODE_REF) {
      const target = program.refTarget[i] as number;
      const key = visitKey(target, want);
      if (!holds(seen, nSeen, key)) {
        seen[nSeen++] = key;
        stack[top++] = (program.named[target] as Segment).end - 1;
        stack[top++] = want;
      }
    } else {
      const next = kind === NODE_NOT ? notTriCode(want) : want;
      const from = program.childStart[i] as number;
      // Pushed last to first, so that they are visited first to last.
      for (let k = from + (program.childCount[i] as number) - 1; k >= from; k--) {
        stack[top++] = program.childList[k] as number;
        stack[top++] = next;
      }
    }
  }
  return nSlots;
}

/** A winner's reason. @internal */
export function reasonFor(program: Program, r: number, res: Uint8Array, subject: Subject, scratch: Scratch): Reason<string, string> {
  const rule = program.rules[r] as RuleSpec;
  const nSlots = supportingFacts(program, rule, res, subject.values, scratch);
  const { slots } = scratch;
  // Cites gathered in the scratch, then copied at their size (an array grown by push reserves room for 17).
  const found = scratch.cites;
  let nCites = 0;
  // Indexed loops: the lists are frozen, and for…of over a frozen array allocates an iterator here.
  for (let k = 0; k < rule.basis.length; k++) nCites = addOnce(found, nCites, (rule.basis[k] as Basis).document);
  const facts = new Array<ReasonFact>(nSlots);
  for (let k = 0; k < nSlots; k++) {
    const s = slots[k] as number;
    const explanation = subject.explanations[s];
    const factCites = subject.cites[s];
    const name = (program.facts[s] as FactSlot).name;
    const value = jsonOf(subject, s);
    if (factCites !== undefined) for (let c = 0; c < factCites.length; c++) nCites = addOnce(found, nCites, factCites[c] as string);
    facts[k] =
      explanation === undefined
        ? factCites === undefined
          ? { name, value }
          : { name, value, cites: factCites }
        : factCites === undefined
          ? { name, value, explanation }
          : { name, value, explanation, cites: factCites };
  }
  const cites = found.slice(0, nCites);
  const { id, conclusion, ground, reason, basis } = rule;
  return ground === undefined
    ? { rule: id, conclusion, message: reason.en, messages: reason, basis, facts, cites }
    : { rule: id, conclusion, ground, message: reason.en, messages: reason, basis, facts, cites };
}
