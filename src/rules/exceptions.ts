/**
 * Exceptions: which applicable rules are overridden, and by which
 * exceptions.
 *
 * A rule is overridden when an applicable rule is an exception to it,
 * directly or through other rules, along any of an exception's targets; its
 * `overriddenBy` names the nearest such exceptions (with no applicable rule
 * between). The one trick: for each rule, the nearest applicable rules at or
 * below it are found once per run and memoised (a rule with one target
 * shares its target's list), so even a 10k-rule chain costs linear time;
 * the walk uses an explicit stack. The same meaning, written plainly, is
 * `overrides` in src/rules/reference.ts.
 *
 * @module
 * @internal
 */
import { applies, OVERRIDDEN, type Program, type RuleSpec } from "./program.js";
import type { Scratch } from "./scratch.js";

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Marks each applicable rule that has an applicable exception above it as
 * overridden (in `status`), and returns, by rule, the ids of the nearest
 * exceptions that override it (in rule-set order). `idLists` keeps each
 * rule's `[id]` list, shared by every run.
 * @internal
 */
export function markOverridden(program: Program, status: Uint8Array, scratch: Scratch, idLists: (readonly string[] | undefined)[]): readonly (readonly string[] | undefined)[] {
  const rules = program.rules;
  const { overriddenBy, nearest, walk, selfLists } = scratch;
  overriddenBy.fill(undefined);
  nearest.fill(undefined);
  for (let e = 0; e < rules.length; e++) {
    const parents = (rules[e] as RuleSpec).parents;
    if (parents.length === 0 || !applies(status[e] as number)) continue;
    // Along each target: a rule reached along two of them is overridden once.
    for (let p = 0; p < parents.length; p++) {
      const targets = nearestApplicable(rules, status, parents[p] as number, nearest, walk, selfLists);
      for (let k = 0; k < targets.length; k++) overrideBy(program, overriddenBy, status, targets[k] as number, e, idLists);
    }
  }
  return overriddenBy;
}

/**
 * Records that exception `e` overrides rule `t` (once). A rule overridden
 * by one exception shows that exception's shared `[id]`; by more, a fresh
 * list in the order the exceptions come in the rule set.
 */
function overrideBy(program: Program, overriddenBy: (readonly string[] | undefined)[], status: Uint8Array, t: number, e: number, idLists: (readonly string[] | undefined)[]): void {
  const id = (program.rules[e] as RuleSpec).id;
  const list = overriddenBy[t];
  if (list === undefined) overriddenBy[t] = idLists[e] ??= Object.freeze([id]);
  else if (list[list.length - 1] === id) return;
  else if (Object.isFrozen(list)) overriddenBy[t] = [...list, id];
  else (list as string[]).push(id);
  status[t] = OVERRIDDEN;
}

/** The first applicable rules going from `start` towards the base rules, memoised in `nearest`; an explicit stack, no recursion. */
function nearestApplicable(
  rules: readonly RuleSpec[],
  status: Uint8Array,
  start: number,
  nearest: (readonly number[] | undefined)[],
  stack: number[],
  selfLists: (readonly number[] | undefined)[],
): readonly number[] {
  stack.push(start);
  while (stack.length > 0) {
    const r = stack[stack.length - 1] as number;
    if (nearest[r] !== undefined) {
      stack.pop();
      continue;
    }
    if (applies(status[r] as number)) {
      nearest[r] = selfLists[r] ??= Object.freeze([r]);
      stack.pop();
      continue;
    }
    const parents = (rules[r] as RuleSpec).parents;
    let ready = true;
    for (let k = 0; k < parents.length; k++) {
      const p = parents[k] as number;
      if (nearest[p] === undefined) {
        ready = false;
        stack.push(p);
      }
    }
    if (!ready) continue;
    stack.pop();
    if (parents.length === 0) nearest[r] = EMPTY;
    else if (parents.length === 1) nearest[r] = nearest[parents[0] as number] as readonly number[];
    else nearest[r] = unionOf(parents.map((p) => nearest[p] as readonly number[]));
  }
  return nearest[start] as readonly number[];
}

/** The distinct numbers of several lists, in first-seen order. */
function unionOf(lists: readonly (readonly number[])[]): readonly number[] {
  const seen = new Set<number>();
  for (const list of lists) for (const n of list) seen.add(n);
  return [...seen];
}
