/**
 * The evaluation loop: every node of the conditions in force, then each
 * rule's status.
 *
 * The one trick: nodes are stored in post-order (src/rules/program.ts), so
 * one left-to-right pass over the active segments evaluates each node after
 * its children — no recursion, no short-circuit (every part is evaluated,
 * so the trace shows every value), and a named condition is evaluated once,
 * before the rules that refer to it. Results are {@link TriCode}s in a
 * `Uint8Array`; the three-valued tables they follow are stated plainly in
 * src/rules/reference.ts.
 *
 * @module
 * @internal
 */
import { notTriCode, TRI_FALSE, TRI_TRUE, TRI_UNCERTAIN, type TriCode } from "../dates/triState.js";
import type { DateContext } from "./dateContext.js";
import { APPLIED, MAYBE_IN_FORCE, NODE_ALL, NODE_LEAF, NODE_NOT, NODE_REF, NOT_APPLICABLE, UNSETTLED, type EvalValue, type LeafSpec, type Program, type RuleSpec, type Segment } from "./program.js";

/** Evaluates every node of the active segments, children before parents, into `res`. @internal */
export function evaluateNodes(program: Program, ctx: DateContext, values: readonly (EvalValue | undefined)[], res: Uint8Array): void {
  const { kinds, childStart, childCount, childList, refTarget, leaves, named } = program;
  const params = ctx.paramValues;
  const segments = ctx.activeSegments;
  for (let g = 0; g < segments.length; g++) {
    const seg = segments[g] as Segment;
    for (let i = seg.start; i < seg.end; i++) {
      const kind = kinds[i];
      if (kind === NODE_LEAF) {
        res[i] = (leaves[i] as LeafSpec).test(values, params);
      } else if (kind === NODE_REF) {
        res[i] = res[(named[refTarget[i] as number] as Segment).end - 1] as number;
      } else if (kind === NODE_NOT) {
        res[i] = notTriCode(res[childList[childStart[i] as number] as number] as TriCode);
      } else {
        // all: a false part decides, else an unknown one makes it unknown; any: the dual.
        const decisive = kind === NODE_ALL ? TRI_FALSE : TRI_TRUE;
        let out: TriCode = kind === NODE_ALL ? TRI_TRUE : TRI_FALSE;
        const from = childStart[i] as number;
        const to = from + (childCount[i] as number);
        for (let k = from; k < to; k++) {
          const c = res[childList[k] as number];
          if (c === decisive) {
            out = decisive;
            break;
          }
          if (c === TRI_UNCERTAIN) out = TRI_UNCERTAIN;
        }
        res[i] = out;
      }
    }
  }
}

/** Flags of {@link ruleStatuses}' answer: some rule is unsettled; some exception applies. */
export const SOME_UNSETTLED = 1;
export const SOME_EXCEPTION_APPLIES = 2;

/**
 * Each active rule's status before exceptions are applied: notApplicable
 * (condition false), unsettled (condition unknown, or true while the rule
 * is only maybe in force on the date), applied (true and in force).
 * Inactive rules keep status 0, notInForce. Answers flags
 * ({@link SOME_UNSETTLED}, {@link SOME_EXCEPTION_APPLIES}).
 * @internal
 */
export function ruleStatuses(program: Program, ctx: DateContext, res: Uint8Array, status: Uint8Array): number {
  let flags = 0;
  const maybe = ctx.anyMaybe ? ctx.inForce : undefined;
  const active = ctx.activeRules;
  for (let k = 0; k < active.length; k++) {
    const r = active[k] as number;
    const rule = program.rules[r] as RuleSpec;
    const code = res[rule.end - 1];
    if (code === TRI_FALSE) {
      status[r] = NOT_APPLICABLE;
    } else if (code === TRI_UNCERTAIN || maybe?.[r] === MAYBE_IN_FORCE) {
      // A rule that holds but may not be in force on the date is treated like one whose condition is unknown.
      status[r] = UNSETTLED;
      flags |= SOME_UNSETTLED;
    } else {
      status[r] = APPLIED;
      if (rule.parents.length > 0) flags |= SOME_EXCEPTION_APPLIES;
    }
  }
  return flags;
}
