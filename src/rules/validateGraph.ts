/**
 * Validation of the two graphs of a rule set: named conditions that refer
 * to each other, and exceptions (a rule → each rule it is an exception
 * to). Each cycle is reported once with its path; named conditions are put
 * in dependency order for the compiler. Depth-first search with an explicit
 * stack: graphs of any size, no recursion.
 *
 * @module
 * @internal
 */
import type { IssuePath, PolicyEvalIssue } from "../errors.js";
import { excerpt, issue, listed } from "./issues.js";
import { exceptionTargets } from "./schema.js";

/** A cycle's path as a message shows it (a long one cut after 20 steps). */
function pathText(cycle: readonly string[]): string {
  return listed(cycle.map(excerpt), " → ");
}

/**
 * Depth-first search from each start in turn, with an explicit stack and
 * three colours. `edgesOf` gives a node's successors, or undefined for a
 * node that is not in the graph (unknown or broken: reported elsewhere, and
 * skipped). Every back edge is a cycle, passed to `onCycle` once as its
 * path (`[a, b, …, a]`), from the node the walk first entered it by.
 * Returns the nodes reached in post-order (each after its successors).
 */
function depthFirst(
  starts: Iterable<string>,
  edgesOf: (node: string) => readonly string[] | undefined,
  onCycle: (cycle: string[]) => void,
): string[] {
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const order: string[] = [];
  const stack: [string, number][] = [];
  for (const start of starts) {
    if (state.has(start)) continue;
    state.set(start, 1);
    stack.push([start, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const next = (edgesOf(top[0]) ?? [])[top[1]++];
      if (next === undefined) {
        stack.pop();
        state.set(top[0], 2);
        order.push(top[0]);
        continue;
      }
      if (edgesOf(next) === undefined) continue;
      const seen = state.get(next);
      if (seen === undefined) {
        state.set(next, 1);
        stack.push([next, 0]);
      } else if (seen === 1) {
        const from = stack.findIndex(([n]) => n === next);
        onCycle([...stack.slice(from).map(([n]) => n), next]);
      }
    }
  }
  return order;
}

/** Named conditions, dependencies first; each cycle reported with its path. @internal */
export function orderConditions(deps: ReadonlyMap<string, readonly string[]>, issues: PolicyEvalIssue[]): string[] {
  return depthFirst(
    deps.keys(),
    (name) => deps.get(name),
    (cycle) =>
      issues.push(
        issue(
          "condition-cycle",
          ["conditions", cycle[0] as string],
          `具名条件循环引用：${pathText(cycle)}`,
          `Named conditions refer to each other in a cycle: ${pathText(cycle)}`,
          { cycle },
        ),
      ),
  );
}

/** A rule as the exception graph sees it. */
export interface ExceptionNode {
  readonly index: number;
  /** Whether `exceptionTo` was written as an array (the issue path then names the element). */
  readonly isArray: boolean;
  readonly targets: readonly string[];
}

/**
 * Reports every cycle of the exception graph (rule → each rule it is an
 * exception to) once, with its path, at the edge from the cycle's first
 * rule. Multi-target exceptions make the graph a DAG rather than a forest,
 * so the walk follows every target.
 * @internal
 */
export function findExceptionCycles(nodes: ReadonlyMap<string, ExceptionNode>, issues: PolicyEvalIssue[]): void {
  depthFirst(
    nodes.keys(),
    (id) => nodes.get(id)?.targets,
    (cycle) => {
      const first = nodes.get(cycle[0] as string) as ExceptionNode;
      // The edge from the cycle's first rule into the cycle: its position in an array.
      const toSecond = first.targets.indexOf(cycle[1] as string);
      issues.push(
        issue(
          "exception-cycle",
          first.isArray ? ["rules", first.index, "exceptionTo", toSecond] : ["rules", first.index, "exceptionTo"],
          `例外关系循环：${pathText(cycle)}`,
          `Exceptions form a cycle: ${pathText(cycle)}`,
          { cycle },
        ),
      );
    },
  );
}

/** Each id an exception names must exist, once. @internal */
export function checkExceptionTargets(exceptionTo: string | readonly string[], path: IssuePath, ruleIds: ReadonlyMap<string, unknown>, issues: PolicyEvalIssue[]): void {
  const isArray = typeof exceptionTo !== "string";
  const targets = exceptionTargets(exceptionTo);
  targets.forEach((target, i) => {
    const at: IssuePath = isArray ? [...path, "exceptionTo", i] : [...path, "exceptionTo"];
    const first = targets.indexOf(target);
    if (first !== i) {
      issues.push(
        issue(
          "duplicate-exception-target",
          at,
          `例外所指的规则重复：${excerpt(target)}（已见于 exceptionTo[${first}]）`,
          `exceptionTo names ${excerpt(target)} twice (first at exceptionTo[${first}])`,
          { rule: target, first },
        ),
      );
    } else if (!ruleIds.has(target)) {
      issues.push(
        issue("unknown-rule", at, `例外所指的规则不存在：${excerpt(target)}`, `exceptionTo names a rule that does not exist: ${excerpt(target)}`, { rule: target }),
      );
    }
  });
}
