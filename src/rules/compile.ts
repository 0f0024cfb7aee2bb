/**
 * Compiling a validated rule set into a {@link Program}: condition trees
 * flattened into post-order arrays, facts and parameters numbered, each
 * comparison a closure (src/rules/comparisons.ts), the exception graph
 * ordered exceptions-first.
 *
 * The one trick: a tree is flattened with an explicit stack, each node
 * written when its last child is done, so that children always precede
 * their parent in the arrays and a run evaluates them in one left-to-right
 * loop. Nothing here runs per subject.
 *
 * @module
 * @internal
 */
import type { CalendarDate } from "../dates/index.js";
import { firstDayOf } from "../dates/daySpan.js";
import type { FactDeclaration, FactType, JsonFactValue } from "./factTypes.js";
import { compareFor, compileTest, normalizeValue, toJsonValue } from "./comparisons.js";
import {
  deepFreeze,
  NODE_ALL,
  NODE_ANY,
  NODE_LEAF,
  NODE_NOT,
  NODE_REF,
  type EvalValue,
  type FactSlot,
  type LeafSpec,
  type NamedSpec,
  type ParameterSpec,
  type Program,
  type RightSpec,
  type RuleSpec,
  type Segment,
} from "./program.js";
import { exceptionTargets, isFactOperand, isParameterOperand, type Condition, type Parameter, type RightOperand, type Rule } from "./schema.js";

/** What {@link buildProgram} needs: the validated parts of a rule set. */
export interface ProgramParts {
  readonly facts: ReadonlyMap<string, FactDeclaration>;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly conditions: ReadonlyMap<string, Condition>;
  /** Named conditions, dependencies first (from the cycle check). */
  readonly conditionOrder: readonly string[];
  readonly rules: readonly Rule<string, string>[];
  /** The set's conclusions, in its order. */
  readonly conclusions: readonly string[];
  readonly inForceFrom: CalendarDate;
  readonly inForceUntil: CalendarDate | undefined;
}

function childrenOf(c: Condition): readonly Condition[] {
  if ("all" in c) return c.all;
  if ("any" in c) return c.any;
  if ("not" in c) return [c.not];
  return [];
}

const NO_IDS: readonly string[] = Object.freeze([]);

function frozenIds(ids: readonly string[]): readonly string[] {
  return ids.length === 0 ? NO_IDS : Object.freeze([...ids]);
}

function literalRight(json: JsonFactValue): RightSpec {
  // The trace operand is shared by every run's trace: frozen.
  return Object.freeze({ kind: "literal", json, trace: Object.freeze({ kind: "literal", value: json }) });
}

/** A stack entry of the flattening walk: a node, its parts, the next part to visit, the indexes of the parts done. */
interface Pending {
  readonly c: Condition;
  readonly kids: readonly Condition[];
  next: number;
  readonly built: number[];
}

/** The arrays of a program under construction, and the numbering of facts and parameters. */
class Flattener {
  readonly kinds: number[] = [];
  readonly childCount: number[] = [];
  readonly childStart: number[] = [];
  readonly childList: number[] = [];
  readonly refTarget: number[] = [];
  readonly leaves: (LeafSpec | undefined)[] = [];
  readonly factSlots: FactSlot[] = [];
  readonly #slotOf = new Map<string, number>();

  constructor(
    readonly declarations: ReadonlyMap<string, FactDeclaration>,
    readonly paramOf: ReadonlyMap<string, number>,
    readonly namedIndex: ReadonlyMap<string, number>,
  ) {}

  /** The slot of a fact, numbered on first use. */
  slot(name: string): number {
    let s = this.#slotOf.get(name);
    if (s === undefined) {
      s = this.factSlots.length;
      this.#slotOf.set(name, s);
      this.factSlots.push({ name, declaration: this.declarations.get(name) as FactDeclaration });
    }
    return s;
  }

  /** Flattens one tree in post-order with an explicit stack. */
  flatten(root: Condition): Segment {
    const start = this.kinds.length;
    const refs = new Set<number>();
    const facts = new Set<number>();
    const params = new Set<number>();
    const stack: Pending[] = [{ c: root, kids: childrenOf(root), next: 0, built: [] }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Pending;
      if (top.next < top.kids.length) {
        const kid = top.kids[top.next++] as Condition;
        stack.push({ c: kid, kids: childrenOf(kid), next: 0, built: [] });
        continue;
      }
      stack.pop();
      const index = this.kinds.length;
      this.childStart.push(this.childList.length);
      this.childCount.push(top.built.length);
      for (const b of top.built) this.childList.push(b);
      this.push(top.c, refs, facts, params);
      stack[stack.length - 1]?.built.push(index);
    }
    return { start, end: this.kinds.length, refs: [...refs], facts: [...facts], params: [...params] };
  }

  /** Writes one node's kind, reference and comparison, recording what it reads. */
  private push(c: Condition, refs: Set<number>, facts: Set<number>, params: Set<number>): void {
    let leaf: LeafSpec | undefined;
    let target = -1;
    if ("all" in c) this.kinds.push(NODE_ALL);
    else if ("any" in c) this.kinds.push(NODE_ANY);
    else if ("not" in c) this.kinds.push(NODE_NOT);
    else if ("condition" in c) {
      this.kinds.push(NODE_REF);
      target = this.namedIndex.get(c.condition) as number;
      refs.add(target);
    } else {
      this.kinds.push(NODE_LEAF);
      const type = (this.declarations.get(c.fact) as FactDeclaration).type;
      const s = this.slot(c.fact);
      facts.add(s);
      const { right, literal } = this.compileRight(c.value, type);
      if (right.kind === "fact") facts.add(right.slot);
      if (right.kind === "parameter") params.add(right.index);
      const compare = compareFor(type, c.operator);
      leaf = { slot: s, operator: c.operator, right, test: compileTest(c.operator, compare, s, right, literal), compare };
    }
    this.refTarget.push(target);
    this.leaves.push(leaf);
  }

  private compileRight(value: RightOperand | undefined, type: FactType): { right: RightSpec; literal: EvalValue | undefined } {
    if (value === undefined) return { right: { kind: "none" }, literal: undefined };
    if (Array.isArray(value)) {
      const items = Object.freeze([...(value as readonly string[])]);
      return { right: literalRight(items), literal: items };
    }
    if (isFactOperand(value)) return { right: { kind: "fact", slot: this.slot(value.fact) }, literal: undefined };
    if (isParameterOperand(value)) return { right: { kind: "parameter", index: this.paramOf.get(value.parameter) as number }, literal: undefined };
    // The trace shows the literal as written ("0.90", "2017-09"); the test uses its exact form.
    const literal = value as string | number | boolean;
    return { right: literalRight(typeof literal === "number" ? String(literal) : literal), literal: normalizeValue(type, literal) };
  }
}

function compileParameters(parameters: ReadonlyMap<string, Parameter>): ParameterSpec[] {
  return [...parameters].map(([name, p]) => ({
    name,
    type: p.type,
    values: p.values.map((v) => ({
      from: v.from,
      fromDay: firstDayOf(v.from),
      value: v.value === null ? null : normalizeValue(p.type, v.value),
      json: v.value === null ? null : toJsonValue(v.value),
      basis: v.basis === undefined ? undefined : deepFreeze(v.basis),
    })),
  }));
}

function compileRule(r: Rule<string, string>, flattener: Flattener, ruleIndex: ReadonlyMap<string, number>, conclusions: readonly string[]): RuleSpec {
  const targets = exceptionTargets(r.exceptionTo);
  return {
    id: r.id,
    conclusion: r.conclusion,
    conclusionIndex: conclusions.indexOf(r.conclusion),
    ground: r.ground,
    title: r.title === undefined ? undefined : Object.freeze({ ...r.title }),
    reason: Object.freeze({ ...r.reason }),
    basis: deepFreeze(r.basis.map((b) => ({ ...b }))),
    parents: Object.freeze(targets.map((id) => ruleIndex.get(id) as number)),
    exceptionTo: frozenIds(targets),
    inForceFrom: r.inForceFrom,
    inForceUntil: r.inForceUntil,
    fromDay: r.inForceFrom === undefined ? -Infinity : firstDayOf(r.inForceFrom),
    untilDay: r.inForceUntil === undefined ? Infinity : firstDayOf(r.inForceUntil),
    ...flattener.flatten(r.when),
  };
}

/** Compiles validated parts. Assumes validateRuleSet found no issue. @internal */
export function buildProgram(parts: ProgramParts): Program {
  const params = compileParameters(parts.parameters);
  const paramOf = new Map(params.map((p, i) => [p.name, i]));
  // Named conditions keep their declaration order; `namedOrder` lists them dependencies first.
  const namedNames = [...parts.conditions.keys()];
  const namedIndex = new Map(namedNames.map((name, i) => [name, i]));
  const flattener = new Flattener(parts.facts, paramOf, namedIndex);
  const named: NamedSpec[] = namedNames.map((name) => ({ name, ...flattener.flatten(parts.conditions.get(name) as Condition) }));
  const ruleIndex = new Map(parts.rules.map((r, i) => [r.id, i]));
  const rules = parts.rules.map((r) => compileRule(r, flattener, ruleIndex, parts.conclusions));
  const exceptions: number[][] = rules.map(() => []);
  rules.forEach((r, i) => {
    for (const p of r.parents) (exceptions[p] as number[]).push(i);
  });
  return {
    kinds: Uint8Array.from(flattener.kinds),
    childCount: Int32Array.from(flattener.childCount),
    childStart: Int32Array.from(flattener.childStart),
    childList: Int32Array.from(flattener.childList),
    refTarget: Int32Array.from(flattener.refTarget),
    leaves: flattener.leaves,
    named,
    namedOrder: parts.conditionOrder.map((name) => namedIndex.get(name) as number),
    rules,
    conclusions: Object.freeze([...parts.conclusions]),
    exceptions,
    exceptionOrder: exceptionPostOrder(rules, exceptions),
    facts: flattener.factSlots,
    params,
    fromDay: firstDayOf(parts.inForceFrom),
    untilDay: parts.inForceUntil === undefined ? Infinity : firstDayOf(parts.inForceUntil),
  };
}

/**
 * Post-order of the (acyclic) exception graph from its base rules: each
 * rule comes after all its exceptions, direct or not. Iterative; a rule
 * reached through several targets is placed once.
 */
function exceptionPostOrder(rules: readonly RuleSpec[], exceptions: readonly (readonly number[])[]): Int32Array {
  const order = new Int32Array(rules.length);
  const placed = new Uint8Array(rules.length);
  let k = 0;
  const stack: [number, number][] = [];
  rules.forEach((r, root) => {
    if (r.parents.length > 0) return;
    placed[root] = 1;
    stack.push([root, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const kids = exceptions[top[0]] as readonly number[];
      if (top[1] < kids.length) {
        const kid = kids[top[1]++] as number;
        if (placed[kid] === 0) {
          placed[kid] = 1;
          stack.push([kid, 0]);
        }
      } else {
        stack.pop();
        order[k++] = top[0];
      }
    }
  });
  return order;
}
