/**
 * Building the trace of a run: every named condition and rule with its
 * condition tree and the values it saw, every fact and parameter read.
 *
 * The one trick: parts of traces that look the same from one subject to
 * the next are frozen and shared by every run's trace, so that a batch of
 * 100k subjects allocates little for its traces. A comparison's node
 * depends only on its result and on its fact's value when that value is
 * missing, a boolean or an enum value (its *variant*); a combination whose
 * parts are all shared is shared in turn (the first {@link SHARED_PER_KEY}
 * seen per node and result); so are rule and condition entries made of
 * shared parts. A shared part is only ever used where a fresh one would be
 * equal to it, so no result depends on what ran before. The plain
 * construction of the same trace is in src/rules/reference.ts.
 *
 * @module
 * @internal
 */
import { TRI_FALSE, TRI_TRUE, TRI_UNCERTAIN } from "../dates/triState.js";
import type { DateContext } from "./dateContext.js";
import { jsonOf, type Subject } from "./factAccess.js";
import type { JsonFactValue } from "./factTypes.js";
import {
  IN_FORCE,
  NODE_ALL,
  NODE_ANY,
  NODE_LEAF,
  NODE_REF,
  NOT_EVALUATED,
  NOT_IN_FORCE,
  STATUS_NAMES,
  type FactSlot,
  type LeafSpec,
  type NamedSpec,
  type Program,
  type ResultCode,
  type RuleSpec,
  type Segment,
} from "./program.js";
import type { Scratch } from "./scratch.js";
import { TRACE_VERSION, type RuleStatus, type Trace, type TraceCondition, type TraceFact, type TraceNode, type TraceOperand, type TraceResult, type TraceRule } from "./trace.js";

/** The frozen parts of traces a compiled set shares between runs. */
export interface SharedTraceParts {
  /** By node: its shared variants (see {@link variantKey}, and combinations by result code). */
  readonly nodes: ((TraceNode | undefined)[] | undefined)[];
  /** By rule × status: the first few frozen entries of the rule. */
  readonly rules: (TraceRule<string, string> | undefined)[];
  /** By named condition × evaluated: the first few frozen entries of the condition. */
  readonly conditions: (TraceCondition | undefined)[];
  /** By fact slot: the entry of the fact when missing. */
  readonly missingFacts: (TraceFact | undefined)[];
  /** By rule: `[its id]`, as an `overriddenBy` list. */
  readonly idLists: (readonly string[] | undefined)[];
}

/** Nothing shared yet. @internal */
export function newSharedTraceParts(): SharedTraceParts {
  return { nodes: [], rules: [], conditions: [], missingFacts: [], idLists: [] };
}

/**
 * How many shared combinations (of a node's children, or of a rule's parts)
 * are kept per node and result code, or per rule and status: the first ones
 * seen. Others are built afresh each time (and equal to what sharing would
 * give).
 */
const SHARED_PER_KEY = 4;

/** Result codes (0 not evaluated, 1–3 a TriCode) per value class. */
const CODES = 4;
/** Value classes of a comparison's fact that decide its node: missing, true, false, then each enum value. */
const VALUE_MISSING = 0;
const VALUE_TRUE = 1;
const VALUE_FALSE = 2;
const FIRST_ENUM_VALUE = 3;

/** The index of a comparison's shared variant: its fact's value class and its result code (a node not evaluated shows no value: class 0). */
function variantKey(valueClass: number, code: ResultCode): number {
  return code === NOT_EVALUATED ? 0 : valueClass * CODES + code;
}

/** The index of a per-date shared comparison (with a parameter) by node and result code. */
function nodeCodeKey(node: number, code: ResultCode): number {
  return node * CODES + code;
}

/** A result as the trace spells it: `'unknown'` for uncertain, and for a node not evaluated. @internal */
export function resultOf(code: ResultCode): TraceResult {
  return code === TRI_TRUE ? true : code === TRI_FALSE ? false : "unknown";
}

/**
 * Which shared variant a comparison's node is, or -1 when it must be built
 * afresh: comparisons whose right side is a literal or nothing, whose fact
 * is missing, a boolean or an enum value. (A comparison with a parameter is
 * shared per date: see DateContext.parameterLeaves.)
 */
function leafVariant(program: Program, leaf: LeafSpec, code: ResultCode, value: unknown): number {
  if (value === undefined) return variantKey(VALUE_MISSING, code);
  if (value === true) return variantKey(VALUE_TRUE, code);
  if (value === false) return variantKey(VALUE_FALSE, code);
  const declaration = (program.facts[leaf.slot] as FactSlot).declaration;
  if (declaration.type !== "enum") return -1;
  const k = (declaration.values as readonly string[]).indexOf(value as string);
  return k < 0 ? -1 : variantKey(FIRST_ENUM_VALUE + k, code);
}

/** The shared trace node of a comparison, or undefined when it must be built afresh. */
function sharedLeaf(program: Program, shared: SharedTraceParts, ctx: DateContext, i: number, leaf: LeafSpec, code: ResultCode, subject: Subject): TraceNode | undefined {
  const kind = leaf.right.kind;
  if (kind === "fact") return undefined;
  const value = subject.values[leaf.slot];
  if (kind === "parameter") {
    if (code !== NOT_EVALUATED && value !== undefined) return undefined;
    return (ctx.parameterLeaves[nodeCodeKey(i, code)] ??= Object.freeze(leafNode(leaf, code, subject, ctx, program.facts)));
  }
  const variant = leafVariant(program, leaf, code, value);
  if (variant < 0) return undefined;
  const variants = (shared.nodes[i] ??= []);
  return (variants[variant] ??= Object.freeze(leafNode(leaf, code, subject, ctx, program.facts)));
}

type MutableLeaf = {
  kind: "fact";
  fact: string;
  operator: LeafSpec["operator"];
  result: TraceResult;
  evaluated: boolean;
  value?: JsonFactValue;
  missing?: true;
  uncertain?: true;
  right?: TraceOperand;
};

/** A comparison's trace node. */
function leafNode(leaf: LeafSpec, code: ResultCode, subject: Subject, ctx: DateContext, facts: Program["facts"]): TraceNode {
  const values = subject.values;
  const evaluated = code !== NOT_EVALUATED;
  const node: MutableLeaf = { kind: "fact", fact: (facts[leaf.slot] as FactSlot).name, operator: leaf.operator, result: resultOf(code), evaluated };
  if (evaluated) {
    if (values[leaf.slot] === undefined) node.missing = true;
    else node.value = jsonOf(subject, leaf.slot);
  }
  const right = leaf.right;
  let rightMissing = false;
  if (right.kind === "literal") node.right = right.trace;
  else if (right.kind === "parameter") {
    const operand = ctx.paramOperands[right.index];
    if (operand !== undefined) node.right = operand;
  } else if (right.kind === "fact") {
    const fact = (facts[right.slot] as FactSlot).name;
    if (!evaluated) node.right = { kind: "fact", fact };
    else if (values[right.slot] === undefined) {
      rightMissing = true;
      node.right = { kind: "fact", fact, missing: true };
    } else node.right = { kind: "fact", fact, value: jsonOf(subject, right.slot) };
  }
  if (code === TRI_UNCERTAIN && node.missing === undefined && !rightMissing) node.uncertain = true;
  return node;
}

/** The node of an all / any / not: a kept one when its children are all shared and the same. */
function combinationNode(program: Program, shared: SharedTraceParts, i: number, code: ResultCode, built: (TraceNode | undefined)[], isShared: Uint8Array): TraceNode {
  const { kinds, childStart, childCount, childList } = program;
  const from = childStart[i] as number;
  const n = childCount[i] as number;
  let allShared = true;
  for (let k = 0; k < n; k++) if (isShared[childList[from + k] as number] !== 1) allShared = false;
  const variants = (shared.nodes[i] ??= []);
  let free = -1;
  if (allShared) {
    // Up to SHARED_PER_KEY combinations of shared children are kept per result code.
    for (let v = code * SHARED_PER_KEY; v < (code + 1) * SHARED_PER_KEY; v++) {
      const cached = variants[v] as Extract<TraceNode, { children: unknown }> | undefined;
      if (cached === undefined) {
        if (free < 0) free = v;
        continue;
      }
      let same = true;
      for (let k = 0; k < n && same; k++) if (cached.children[k] !== built[childList[from + k] as number]) same = false;
      if (same) {
        isShared[i] = 1;
        return cached;
      }
    }
  }
  const children = new Array<TraceNode>(n);
  for (let k = 0; k < n; k++) children[k] = built[childList[from + k] as number] as TraceNode;
  const kind = kinds[i];
  const node: TraceNode = { kind: kind === NODE_ALL ? "all" : kind === NODE_ANY ? "any" : "not", result: resultOf(code), evaluated: code !== NOT_EVALUATED, children };
  if (allShared) {
    Object.freeze(children);
    Object.freeze(node);
    if (free >= 0) variants[free] = node;
  }
  isShared[i] = allShared ? 1 : 0;
  return node;
}

/**
 * The trace of one segment. Nodes come in post-order, so each node's
 * children are already built (in `built`, by node index): no recursion.
 * `isShared` marks the nodes that are shared (frozen) ones.
 */
function buildTree(program: Program, shared: SharedTraceParts, seg: Segment, res: Uint8Array, subject: Subject, ctx: DateContext, built: (TraceNode | undefined)[], isShared: Uint8Array): TraceNode {
  for (let i = seg.start; i < seg.end; i++) {
    const code = res[i] as ResultCode;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = program.leaves[i] as LeafSpec;
      const node = sharedLeaf(program, shared, ctx, i, leaf, code, subject);
      built[i] = node ?? leafNode(leaf, code, subject, ctx, program.facts);
      isShared[i] = node === undefined ? 0 : 1;
    } else if (kind === NODE_REF) {
      const variants = (shared.nodes[i] ??= []);
      built[i] = variants[code] ??= Object.freeze({
        kind: "condition",
        name: (program.named[program.refTarget[i] as number] as NamedSpec).name,
        result: resultOf(code),
        evaluated: code !== NOT_EVALUATED,
      });
      isShared[i] = 1;
    } else {
      built[i] = combinationNode(program, shared, i, code, built, isShared);
    }
  }
  return built[seg.end - 1] as TraceNode;
}

/** A fact the run read, as the trace shows it; a missing one's entry is shared. */
function traceFact(program: Program, shared: SharedTraceParts, subject: Subject, s: number): TraceFact {
  const slot = program.facts[s] as FactSlot;
  if (subject.values[s] === undefined) return (shared.missingFacts[s] ??= Object.freeze({ name: slot.name, type: slot.declaration.type, missing: true }));
  const value = jsonOf(subject, s);
  const explanation = subject.explanations[s];
  const cites = subject.cites[s];
  const { name } = slot;
  const type = slot.declaration.type;
  // Object literals of fixed shapes (rather than keys added one by one): a batch makes 100k of them.
  if (explanation === undefined) return cites === undefined ? { name, type, missing: false, value } : { name, type, missing: false, value, cites };
  return cites === undefined ? { name, type, missing: false, value, explanation } : { name, type, missing: false, value, explanation, cites };
}

/**
 * A rule's trace entry. An entry that comes out the same as a kept one of
 * the rule with that status (same condition tree, same overriding
 * exceptions, same `inForce`: all shared parts, compared by identity) is
 * that entry; an entry made only of shared parts is frozen, and kept while
 * there is room.
 */
function traceRule(program: Program, shared: SharedTraceParts, ctx: DateContext, r: number, st: number, overriddenBy: readonly string[], when: TraceNode, whenShared: boolean): TraceRule<string, string> {
  const rule = program.rules[r] as RuleSpec;
  const code = ctx.inForce[r];
  const inForce = code === IN_FORCE ? true : code === NOT_IN_FORCE ? false : "uncertain";
  const at = (r * STATUS_NAMES.length + st) * SHARED_PER_KEY;
  let free = -1;
  for (let v = at; v < at + SHARED_PER_KEY; v++) {
    const cached = shared.rules[v];
    if (cached === undefined) {
      if (free < 0) free = v;
    } else if (cached.when === when && cached.overriddenBy === overriddenBy && cached.inForce === inForce) return cached;
  }
  // Keys in reading order: what the rule is, what became of it, why, then its condition.
  const entry: { -readonly [K in keyof TraceRule<string, string>]?: TraceRule<string, string>[K] } = { id: rule.id };
  if (rule.title !== undefined) entry.title = rule.title;
  entry.status = STATUS_NAMES[st] as RuleStatus;
  entry.inForce = inForce;
  entry.conclusion = rule.conclusion;
  if (rule.ground !== undefined) entry.ground = rule.ground;
  entry.exceptionTo = rule.exceptionTo;
  entry.overriddenBy = overriddenBy;
  if (rule.inForceFrom !== undefined) entry.inForceFrom = rule.inForceFrom;
  if (rule.inForceUntil !== undefined) entry.inForceUntil = rule.inForceUntil;
  entry.basis = rule.basis;
  entry.when = when;
  if (whenShared && Object.isFrozen(overriddenBy)) {
    Object.freeze(entry);
    if (free >= 0) shared.rules[free] = entry as TraceRule<string, string>;
  }
  return entry as TraceRule<string, string>;
}

/** A named condition's trace entry, shared like a rule's. */
function traceCondition(program: Program, shared: SharedTraceParts, n: number, evaluated: boolean, when: TraceNode, whenShared: boolean): TraceCondition {
  const at = (n * 2 + (evaluated ? 1 : 0)) * SHARED_PER_KEY;
  let free = -1;
  for (let v = at; v < at + SHARED_PER_KEY; v++) {
    const cached = shared.conditions[v];
    if (cached === undefined) {
      if (free < 0) free = v;
    } else if (cached.when === when) return cached;
  }
  const entry: TraceCondition = { name: (program.named[n] as NamedSpec).name, result: when.result, evaluated, when };
  if (whenShared) {
    Object.freeze(entry);
    if (free >= 0) shared.conditions[free] = entry;
  }
  return entry;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** What a run decided, for its trace. */
export interface RunOutcome {
  readonly conclusion: string;
  readonly status: Uint8Array;
  readonly overriddenBy: readonly (readonly string[] | undefined)[] | undefined;
}

/** The trace of a run. @internal */
export function buildTrace(program: Program, shared: SharedTraceParts, ctx: DateContext, outcome: RunOutcome, res: Uint8Array, subject: Subject, scratch: Scratch): Trace<string, string> {
  const used = ctx.usedFacts;
  const facts = new Array<TraceFact>(used.length);
  for (let k = 0; k < used.length; k++) facts[k] = traceFact(program, shared, subject, used[k] as number);
  const { built } = scratch;
  const isShared = scratch.shared;
  const named = program.named;
  const conditions = new Array<TraceCondition>(named.length);
  for (let n = 0; n < named.length; n++) {
    const seg = named[n] as NamedSpec;
    const when = buildTree(program, shared, seg, res, subject, ctx, built, isShared);
    conditions[n] = traceCondition(program, shared, n, ctx.namedActive[n] === 1, when, isShared[seg.end - 1] === 1);
  }
  const rules = new Array<TraceRule<string, string>>(program.rules.length);
  for (let r = 0; r < rules.length; r++) {
    const rule = program.rules[r] as RuleSpec;
    const when = buildTree(program, shared, rule, res, subject, ctx, built, isShared);
    rules[r] = traceRule(program, shared, ctx, r, outcome.status[r] as number, outcome.overriddenBy?.[r] ?? EMPTY, when, isShared[rule.end - 1] === 1);
  }
  return { version: TRACE_VERSION, ruleSet: ctx.traceRuleSet, date: ctx.date, conclusion: outcome.conclusion, facts, parameters: ctx.traceParameters, conditions, rules };
}
