/**
 * The compiled form of a rule set: every condition tree flattened into
 * post-order arrays (children before their parent), each fact comparison a
 * closure chosen once for its type, operator and right-hand side, facts and
 * parameters numbered. Evaluation is then a loop over arrays — no recursion,
 * no lookup by name, no re-parsing of literals.
 *
 * @internal
 * @module
 */
import type { LocalizedMessage } from "../errors.js";
import { daysInMonth, toDayNumber } from "../dates/calendar.js";
import type { CalendarDate } from "../dates/index.js";
import { firstDayNumber } from "../dates/partialDate.js";
import { compareDecimals, ExactDecimal, toExactDecimal } from "../quantities/decimal.js";
import { RULE_CONCLUSIONS, type RuleConclusion, type Ground } from "./conclusions.js";
import type { FactDeclaration, FactType, JsonFactValue } from "./facts.js";
import type { Operator } from "./operators.js";
import type { TraceCondition, TraceFact, TraceNode, TraceOperand, TraceRule } from "./trace.js";
import { exceptionTargets, isFactOperand, isParameterOperand, type Basis, type Condition, type Literal, type Parameter, type RightOperand, type Rule } from "./schema.js";

/** Node kinds in the flat arrays. */
export const NODE_ALL = 0;
export const NODE_ANY = 1;
export const NODE_NOT = 2;
export const NODE_REF = 3;
export const NODE_LEAF = 4;

/** Three-valued results; 0 = not evaluated. */
export const TRUE = 1;
export const FALSE = 2;
export const UNKNOWN = 3;
export type Truth = 1 | 2 | 3;

/** The span of days a partial date may stand for, both ends included. */
export type DaySpan = readonly [number, number];

/** A fact comparison: reads fact values and parameter values by number. */
export type LeafTest = (facts: readonly unknown[], params: readonly unknown[]) => Truth;

/** The right-hand side of a compiled comparison. */
export type RightSpec =
  | { readonly kind: "none" }
  | { readonly kind: "literal"; readonly json: JsonFactValue; readonly trace: TraceOperand }
  | { readonly kind: "fact"; readonly slot: number }
  | { readonly kind: "parameter"; readonly index: number };

export interface LeafSpec {
  readonly slot: number;
  readonly operator: Operator;
  readonly right: RightSpec;
  readonly test: LeafTest;
  /** The comparison behind `test` (undefined for the unary operators), to tell apart why a leaf is unknown. */
  readonly compare: Compare | undefined;
}

export interface FactSlot {
  readonly name: string;
  readonly declaration: FactDeclaration;
}

export interface CompiledParameterValue {
  readonly from: CalendarDate;
  readonly fromDay: number;
  /** Normalised (ExactDecimal, DaySpan, boolean, string), or null when the parameter ends. */
  readonly value: unknown;
  readonly json: JsonFactValue | null;
  readonly basis: readonly Basis[] | undefined;
}

export interface ParameterSpec {
  readonly name: string;
  readonly type: Parameter["type"];
  readonly values: readonly CompiledParameterValue[];
}

/** A run of nodes: one named condition or one rule's `when`. */
export interface Segment {
  readonly start: number;
  /** Exclusive; the root is `end - 1`. */
  readonly end: number;
  /** Named conditions referenced directly. */
  readonly refs: readonly number[];
  /** Fact slots its leaves read (left or right). */
  readonly facts: readonly number[];
  /** Parameters its leaves read. */
  readonly params: readonly number[];
}

export interface NamedSpec extends Segment {
  readonly name: string;
}

export interface RuleSpec extends Segment {
  readonly id: string;
  readonly conclusion: RuleConclusion;
  readonly conclusionIndex: number;
  readonly ground: Ground | undefined;
  readonly title: LocalizedMessage | undefined;
  readonly reason: LocalizedMessage;
  readonly basis: readonly Basis[];
  /** Indexes of the rules this one is an exception to (empty for a base rule). */
  readonly parents: readonly number[];
  /** Their ids, always as a (frozen, shared) list, as the trace shows them. */
  readonly exceptionTo: readonly string[];
  readonly inForceFrom: CalendarDate | undefined;
  readonly inForceUntil: CalendarDate | undefined;
  readonly fromDay: number;
  readonly untilDay: number;
}

export interface Program {
  readonly kinds: Uint8Array;
  readonly childCount: Int32Array;
  /** For each node, where its children start in `childList`. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Named-condition index of a `condition` node, else -1. */
  readonly refTarget: Int32Array;
  readonly leaves: ReadonlyArray<LeafSpec | undefined>;
  readonly named: readonly NamedSpec[];
  /** Named conditions, dependencies first. */
  readonly namedOrder: readonly number[];
  readonly rules: readonly RuleSpec[];
  /** Exceptions of each rule (its children in the exception graph, a DAG once exceptions have several targets). */
  readonly exceptions: readonly (readonly number[])[];
  /** Rules, every exception before each rule it overrides. */
  readonly exceptionOrder: Int32Array;
  /** Whether some exception has several targets (the graph is then not a forest). */
  readonly sharedExceptions: boolean;
  readonly facts: readonly FactSlot[];
  readonly params: readonly ParameterSpec[];
  readonly fromDay: number;
  readonly untilDay: number;
  /** Per-date memo of what depends only on the date (see runRules); invisible to callers, results never depend on it. */
  readonly dateCache: Map<string, unknown>;
  /**
   * Frozen parts of traces, shared by every run's trace (see runRules): most
   * nodes and rule entries look the same from one subject to the next, so a
   * batch allocates little for its traces. A shared part is only ever
   * reused where a fresh one would be equal to it.
   */
  readonly shared: SharedTraceParts;
  /** Buffers runRules reuses from one call to the next (set on first run); nothing in them outlives a call. */
  scratch: unknown;
}

/** See {@link Program.shared}. */
export interface SharedTraceParts {
  /** By node: its shared variants (see leafVariant in runRules). */
  readonly nodes: ((TraceNode | undefined)[] | undefined)[];
  /** By rule × status: the first few frozen entries of the rule. */
  readonly rules: (TraceRule | undefined)[];
  /** By named condition × evaluated: the first few frozen entries of the condition. */
  readonly conditions: (TraceCondition | undefined)[];
  /** By fact slot: the entry of the fact when missing. */
  readonly missingFacts: (TraceFact | undefined)[];
  /** By rule: `[its id]`, as an `overriddenBy` list. */
  readonly idLists: (readonly string[] | undefined)[];
}

/** Reads `len` ASCII digits at `at`, or -1. */
function readDigits(text: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The day span of a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or
 * undefined if it is not a real one. Hand-parsed in one pass: it runs once
 * per date fact per subject, and `isPartialDate` then `dayBounds` (the
 * dates module's pair) parse the text three times — about twice the cost.
 * @internal
 */
export function toDaySpan(text: string): DaySpan | undefined {
  const n = text.length;
  if (n !== 4 && n !== 7 && n !== 10) return undefined;
  const year = readDigits(text, 0, 4);
  if (year < 0) return undefined;
  if (n === 4) return [toDayNumber(year, 1, 1), toDayNumber(year, 12, 31)];
  const month = text.charCodeAt(4) === 45 ? readDigits(text, 5, 2) : -1;
  if (month < 1 || month > 12) return undefined;
  if (n === 7) return [toDayNumber(year, month, 1), toDayNumber(year, month, daysInMonth(year, month))];
  const day = text.charCodeAt(7) === 45 ? readDigits(text, 8, 2) : -1;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const d = toDayNumber(year, month, day);
  return [d, d];
}

/** Reads a literal or parameter value, already validated for `type`, into its evaluation form. */
function normalizeValue(type: FactType | Parameter["type"], value: Literal): unknown {
  if (type === "decimal") return toExactDecimal(value as string | number);
  if (type === "date") return toDaySpan(value as string);
  return value;
}

/** The JSON-friendly form of a literal or value. @internal */
export function toJsonValue(value: unknown): JsonFactValue {
  if (value instanceof ExactDecimal) return value.toString();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return Object.freeze([...(value as string[])]);
  return value as boolean | string;
}

function literalRight(json: JsonFactValue): RightSpec {
  // The trace operand is shared by every run's trace: frozen.
  return Object.freeze({ kind: "literal", json, trace: Object.freeze({ kind: "literal", value: json }) });
}

function flip(t: Truth): Truth {
  return t === TRUE ? FALSE : t === FALSE ? TRUE : UNKNOWN;
}

function truth(b: boolean): Truth {
  return b ? TRUE : FALSE;
}

/** Whether every day of `a` is before every day of `b` (tri-state, as isDateBefore). */
function spanBefore(a: DaySpan, b: DaySpan): Truth {
  if (a[1] < b[0]) return TRUE;
  if (a[0] >= b[1]) return FALSE;
  return UNKNOWN;
}

function spanSame(a: DaySpan, b: DaySpan): Truth {
  if (a[1] < b[0] || a[0] > b[1]) return FALSE;
  return a[0] === a[1] && b[0] === b[1] ? TRUE : UNKNOWN;
}

export type Compare = (left: unknown, right: unknown) => Truth;

/**
 * The values a parameter may have over a partial evaluation date whose span
 * it changes in: `undefined` stands for days without a value. A comparison
 * with it holds (or fails) only if it does for every candidate.
 * @internal
 */
export class ParameterCandidates {
  constructor(readonly values: readonly unknown[]) {}
}

/** A comparison with each candidate: settled only when they all agree and none is missing. */
function compareEach(compare: Compare, left: unknown, candidates: readonly unknown[]): Truth {
  let out: Truth | 0 = 0;
  for (let k = 0; k < candidates.length; k++) {
    const v = candidates[k];
    if (v === undefined) return UNKNOWN;
    const t = compare(left, v);
    if (t === UNKNOWN || (out !== 0 && t !== out)) return UNKNOWN;
    out = t;
  }
  return out === 0 ? UNKNOWN : out;
}

const COMPARE: Partial<Record<FactType, Partial<Record<Operator, Compare>>>> = {
  boolean: {
    equal: (l, r) => truth(l === r),
    notEqual: (l, r) => truth(l !== r),
  },
  decimal: {
    equal: (l, r) => truth(compareDecimals(l as ExactDecimal, r as ExactDecimal) === 0),
    notEqual: (l, r) => truth(compareDecimals(l as ExactDecimal, r as ExactDecimal) !== 0),
    lessThan: (l, r) => truth(compareDecimals(l as ExactDecimal, r as ExactDecimal) < 0),
    lessThanInclusive: (l, r) => truth(compareDecimals(l as ExactDecimal, r as ExactDecimal) <= 0),
    greaterThan: (l, r) => truth(compareDecimals(l as ExactDecimal, r as ExactDecimal) > 0),
    greaterThanInclusive: (l, r) => truth(compareDecimals(l as ExactDecimal, r as ExactDecimal) >= 0),
  },
  date: {
    before: (l, r) => spanBefore(l as DaySpan, r as DaySpan),
    after: (l, r) => spanBefore(r as DaySpan, l as DaySpan),
    onOrBefore: (l, r) => flip(spanBefore(r as DaySpan, l as DaySpan)),
    onOrAfter: (l, r) => flip(spanBefore(l as DaySpan, r as DaySpan)),
    equal: (l, r) => spanSame(l as DaySpan, r as DaySpan),
    notEqual: (l, r) => flip(spanSame(l as DaySpan, r as DaySpan)),
  },
  string: {
    equal: (l, r) => truth(l === r),
    notEqual: (l, r) => truth(l !== r),
    in: (l, r) => truth((r as readonly string[]).includes(l as string)),
    notIn: (l, r) => truth(!(r as readonly string[]).includes(l as string)),
  },
  stringList: {
    contains: (l, r) => truth((l as readonly string[]).includes(r as string)),
    doesNotContain: (l, r) => truth(!(l as readonly string[]).includes(r as string)),
  },
};
COMPARE.enum = COMPARE.string as Partial<Record<Operator, Compare>>;

/**
 * The closure testing one comparison (`compare` is not used by the unary
 * operators). A missing left or right fact makes it unknown, except for
 * `isKnown` / `isUnknown`, which ask exactly that.
 */
function compileTest(operator: Operator, compare: Compare, slot: number, right: RightSpec, literal: unknown): LeafTest {
  switch (operator) {
    case "isKnown":
      return (f) => (f[slot] === undefined ? FALSE : TRUE);
    case "isUnknown":
      return (f) => (f[slot] === undefined ? TRUE : FALSE);
    case "isTrue":
      return (f) => (f[slot] === undefined ? UNKNOWN : f[slot] === true ? TRUE : FALSE);
    case "isFalse":
      return (f) => (f[slot] === undefined ? UNKNOWN : f[slot] === false ? TRUE : FALSE);
    default:
      break;
  }
  if ((operator === "in" || operator === "notIn") && right.kind === "literal") {
    // A set keeps long lists of allowed values cheap.
    const set = new Set(literal as readonly string[]);
    const member = operator === "in";
    return (f) => {
      const l = f[slot];
      return l === undefined ? UNKNOWN : truth(set.has(l as string) === member);
    };
  }
  switch (right.kind) {
    case "literal":
      return (f) => {
        const l = f[slot];
        return l === undefined ? UNKNOWN : compare(l, literal);
      };
    case "fact": {
      const r = right.slot;
      return (f) => {
        const l = f[slot];
        const v = f[r];
        return l === undefined || v === undefined ? UNKNOWN : compare(l, v);
      };
    }
    case "parameter": {
      const k = right.index;
      return (f, p) => {
        const l = f[slot];
        if (l === undefined) return UNKNOWN;
        const r = p[k];
        return r instanceof ParameterCandidates ? compareEach(compare, l, r.values) : compare(l, r);
      };
    }
    case "none":
      throw new Error(`operator ${operator} needs a value`); // unreachable after validation
  }
}

/** What buildProgram needs: the validated parts of a rule set. */
export interface ProgramParts {
  readonly facts: ReadonlyMap<string, FactDeclaration>;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly conditions: ReadonlyMap<string, Condition>;
  /** Named conditions, dependencies first (from the cycle check). */
  readonly conditionOrder: readonly string[];
  readonly rules: readonly Rule[];
  readonly inForceFrom: CalendarDate;
  readonly inForceUntil: CalendarDate | undefined;
}

function childrenOf(c: Condition): readonly Condition[] {
  if ("all" in c) return c.all;
  if ("any" in c) return c.any;
  if ("not" in c) return [c.not];
  return [];
}

/** Freezes a fresh structure all the way down, iteratively. @internal */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}

const NO_IDS: readonly string[] = Object.freeze([]);

function frozenIds(ids: readonly string[]): readonly string[] {
  return ids.length === 0 ? NO_IDS : Object.freeze([...ids]);
}

/** Compiles validated parts. Assumes validateRuleSet found no issue. @internal */
export function buildProgram(parts: ProgramParts): Program {
  const kinds: number[] = [];
  const childCount: number[] = [];
  const childStart: number[] = [];
  const childList: number[] = [];
  const refTarget: number[] = [];
  const leaves: (LeafSpec | undefined)[] = [];

  const factSlots: FactSlot[] = [];
  const slotOf = new Map<string, number>();
  const slot = (name: string): number => {
    let s = slotOf.get(name);
    if (s === undefined) {
      s = factSlots.length;
      slotOf.set(name, s);
      factSlots.push({ name, declaration: parts.facts.get(name) as FactDeclaration });
    }
    return s;
  };

  const params: ParameterSpec[] = [];
  const paramOf = new Map<string, number>();
  for (const [name, p] of parts.parameters) {
    paramOf.set(name, params.length);
    params.push({
      name,
      type: p.type,
      values: p.values.map((v) => ({
        from: v.from,
        fromDay: firstDayNumber(v.from),
        value: v.value === null ? null : normalizeValue(p.type, v.value),
        json: v.value === null ? null : toJsonValue(v.value),
        basis: v.basis === undefined ? undefined : deepFreeze(v.basis),
      })),
    });
  }

  // Named conditions keep their declaration order; `namedOrder` lists them dependencies first.
  const namedNames = [...parts.conditions.keys()];
  const namedIndex = new Map<string, number>();
  namedNames.forEach((name, i) => namedIndex.set(name, i));

  /** Flattens one tree in post-order with an explicit stack. */
  const flatten = (root: Condition): Segment => {
    const start = kinds.length;
    const refs = new Set<number>();
    const facts = new Set<number>();
    const usedParams = new Set<number>();
    const stack: { c: Condition; kids: readonly Condition[]; next: number; built: number[] }[] = [
      { c: root, kids: childrenOf(root), next: 0, built: [] },
    ];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      if (top.next < top.kids.length) {
        const kid = top.kids[top.next++] as Condition;
        stack.push({ c: kid, kids: childrenOf(kid), next: 0, built: [] });
        continue;
      }
      stack.pop();
      const c = top.c;
      const index = kinds.length;
      childStart.push(childList.length);
      childCount.push(top.built.length);
      for (const b of top.built) childList.push(b);
      let leaf: LeafSpec | undefined;
      let target = -1;
      if ("all" in c) kinds.push(NODE_ALL);
      else if ("any" in c) kinds.push(NODE_ANY);
      else if ("not" in c) kinds.push(NODE_NOT);
      else if ("condition" in c) {
        kinds.push(NODE_REF);
        target = namedIndex.get(c.condition) as number;
        refs.add(target);
      } else {
        kinds.push(NODE_LEAF);
        const decl = parts.facts.get(c.fact) as FactDeclaration;
        const s = slot(c.fact);
        facts.add(s);
        const { right, literal } = compileRight(c.value, decl.type);
        if (right.kind === "fact") facts.add(right.slot);
        if (right.kind === "parameter") usedParams.add(right.index);
        const compare = COMPARE[decl.type]?.[c.operator];
        leaf = { slot: s, operator: c.operator, right, test: compileTest(c.operator, compare as Compare, s, right, literal), compare };
      }
      refTarget.push(target);
      leaves.push(leaf);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.built.push(index);
    }
    return { start, end: kinds.length, refs: [...refs], facts: [...facts], params: [...usedParams] };
  };

  const compileRight = (value: RightOperand | undefined, type: FactType): { right: RightSpec; literal: unknown } => {
    if (value === undefined) return { right: { kind: "none" }, literal: undefined };
    if (Array.isArray(value)) {
      const list = Object.freeze([...(value as readonly string[])]);
      return { right: literalRight(list), literal: list };
    }
    if (isFactOperand(value)) return { right: { kind: "fact", slot: slot(value.fact) }, literal: undefined };
    if (isParameterOperand(value)) return { right: { kind: "parameter", index: paramOf.get(value.parameter) as number }, literal: undefined };
    // The trace shows the literal as written ("0.90", "2017-09"); the test uses its exact form.
    const json = typeof value === "number" ? String(value) : value;
    const literal = type === "decimal" || type === "date" ? normalizeValue(type, value) : value;
    return { right: literalRight(json), literal };
  };

  const named: NamedSpec[] = namedNames.map((name) => ({
    name,
    ...flatten(parts.conditions.get(name) as Condition),
  }));

  const ruleIndex = new Map<string, number>();
  parts.rules.forEach((r, i) => ruleIndex.set(r.id, i));
  const rules: RuleSpec[] = parts.rules.map((r) => ({
    id: r.id,
    conclusion: r.conclusion,
    conclusionIndex: RULE_CONCLUSIONS.indexOf(r.conclusion),
    ground: r.ground,
    title: r.title === undefined ? undefined : Object.freeze({ ...r.title }),
    reason: Object.freeze({ ...r.reason }),
    basis: deepFreeze(r.basis.map((b) => ({ ...b }))),
    parents: Object.freeze(exceptionTargets(r.exceptionTo).map((id) => ruleIndex.get(id) as number)),
    exceptionTo: frozenIds(exceptionTargets(r.exceptionTo)),
    inForceFrom: r.inForceFrom,
    inForceUntil: r.inForceUntil,
    fromDay: r.inForceFrom === undefined ? -Infinity : firstDayNumber(r.inForceFrom),
    untilDay: r.inForceUntil === undefined ? Infinity : firstDayNumber(r.inForceUntil),
    ...flatten(r.when),
  }));

  const exceptions: number[][] = rules.map(() => []);
  rules.forEach((r, i) => {
    for (const p of r.parents) (exceptions[p] as number[]).push(i);
  });
  const exceptionOrder = exceptionPostOrder(rules, exceptions);

  return {
    kinds: Uint8Array.from(kinds),
    childCount: Int32Array.from(childCount),
    childStart: Int32Array.from(childStart),
    childList: Int32Array.from(childList),
    refTarget: Int32Array.from(refTarget),
    leaves,
    named,
    namedOrder: parts.conditionOrder.map((name) => namedIndex.get(name) as number),
    rules,
    exceptions,
    exceptionOrder,
    sharedExceptions: rules.some((r) => r.parents.length > 1),
    facts: factSlots,
    params,
    fromDay: firstDayNumber(parts.inForceFrom),
    untilDay: parts.inForceUntil === undefined ? Infinity : firstDayNumber(parts.inForceUntil),
    dateCache: new Map(),
    shared: { nodes: [], rules: [], conditions: [], missingFacts: [], idLists: [] },
    scratch: undefined,
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
