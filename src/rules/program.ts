/**
 * The compiled form of a rule set (built once by src/rules/compile.ts, run
 * many times by src/rules/runRules.ts), and every integer encoding the
 * engine keeps in typed arrays — named here, in one place.
 *
 * The one trick: each condition tree is flattened into post-order arrays
 * (children before their parent), so that evaluating a tree is one loop
 * from left to right — no recursion, no lookup by name. A tree (a named
 * condition or a rule's `when`) is a {@link Segment} of those arrays, its
 * root at `end - 1`. The plain meaning of everything compiled here is stated
 * by the reference interpreter, src/rules/reference.ts.
 *
 * @module
 * @internal
 */
import type { LocalizedMessage } from "../errors.js";
import type { CalendarDate } from "../dates/index.js";
import type { DaySpan } from "../dates/daySpan.js";
import type { TriCode } from "../dates/triState.js";
import type { ExactDecimal } from "../quantities/decimal.js";
import type { FactDeclaration, JsonFactValue } from "./factTypes.js";
import type { Operator } from "./operators.js";
import type { TraceOperand } from "./trace.js";
import type { Basis, Parameter } from "./schema.js";

// ---------------------------------------------------------------------------
// Encodings.

/** Node kinds in {@link Program.kinds}. */
export const NODE_ALL = 0;
export const NODE_ANY = 1;
export const NODE_NOT = 2;
/** `{ condition: name }`: its result is the named condition's. */
export const NODE_REF = 3;
/** A fact comparison. */
export const NODE_LEAF = 4;

/**
 * A node's result in the run's `Uint8Array`: a {@link TriCode} (1 true,
 * 2 false, 3 unknown; src/dates/triState.ts) once evaluated, or
 * NOT_EVALUATED (its rule is not in force on the date).
 */
export const NOT_EVALUATED = 0;
/** See {@link NOT_EVALUATED}. */
export type ResultCode = TriCode | typeof NOT_EVALUATED;

/** What became of a rule, in the run's `Uint8Array`; {@link STATUS_NAMES} names them for the trace. */
export const NOT_IN_FORCE_STATUS = 0;
/** In force, its condition true, no applicable exception above it: a winner. */
export const APPLIED = 1;
/** Its condition false. */
export const NOT_APPLICABLE = 2;
/** Its condition unknown, or true while the rule is only maybe in force. */
export const UNSETTLED = 3;
/** Its condition true, but an applicable exception overrides it. */
export const OVERRIDDEN = 4;
/** The trace's name of each rule status code. */
export const STATUS_NAMES = Object.freeze(["notInForce", "applied", "notApplicable", "unknown", "overridden"] as const);
/** A rule status code. */
export type StatusCode = typeof NOT_IN_FORCE_STATUS | typeof APPLIED | typeof NOT_APPLICABLE | typeof UNSETTLED | typeof OVERRIDDEN;

/** Whether a status is that of a rule that applies (a winner, or overridden by one above it). @internal */
export function applies(status: number): boolean {
  return status === APPLIED || status === OVERRIDDEN;
}

/** Whether a rule is in force on the evaluation date: on no day of it, on every day, or on some days only. */
export const NOT_IN_FORCE = 0;
export const IN_FORCE = 1;
export const MAYBE_IN_FORCE = 2;
/** See {@link NOT_IN_FORCE}. */
export type InForceCode = typeof NOT_IN_FORCE | typeof IN_FORCE | typeof MAYBE_IN_FORCE;

// ---------------------------------------------------------------------------
// Values.

/**
 * A fact or literal in evaluation form: a boolean, a string (enum values
 * too), an ExactDecimal, the {@link DaySpan} of a date, a list of strings.
 */
export type EvalValue = boolean | string | ExactDecimal | DaySpan | readonly string[];

/**
 * The values a parameter may have over a partial evaluation date within
 * which it changes: `undefined` stands for days without a value. A
 * comparison with it holds (or fails) only if it does for every candidate.
 * @internal
 */
export class ParameterCandidates {
  constructor(readonly values: readonly (EvalValue | undefined)[]) {}
}

/** A parameter on the evaluation date: its one value, or its candidates. */
export type ParameterAtDate = EvalValue | ParameterCandidates;

/** A comparison of two values in evaluation form. */
export type Compare = (left: EvalValue, right: EvalValue) => TriCode;

/** A fact comparison compiled to a closure: reads fact values and parameters by number. */
export type LeafTest = (facts: readonly (EvalValue | undefined)[], params: readonly (ParameterAtDate | undefined)[]) => TriCode;

// ---------------------------------------------------------------------------
// The compiled rule set.

/** The right-hand side of a compiled comparison. */
export type RightSpec =
  | { readonly kind: "none" }
  | { readonly kind: "literal"; readonly json: JsonFactValue; readonly trace: TraceOperand }
  | { readonly kind: "fact"; readonly slot: number }
  | { readonly kind: "parameter"; readonly index: number };

/** A compiled fact comparison. */
export interface LeafSpec {
  readonly slot: number;
  readonly operator: Operator;
  readonly right: RightSpec;
  readonly test: LeafTest;
  /** The comparison behind `test` (undefined for the unary operators), to tell apart why a leaf is unknown. */
  readonly compare: Compare | undefined;
}

/** A fact some condition reads, by slot number. */
export interface FactSlot {
  readonly name: string;
  readonly declaration: FactDeclaration;
}

/** One dated value of a parameter, compiled. */
export interface CompiledParameterValue {
  readonly from: CalendarDate;
  readonly fromDay: number;
  /** In evaluation form, or null when the parameter ends. */
  readonly value: EvalValue | null;
  readonly json: JsonFactValue | null;
  readonly basis: readonly Basis[] | undefined;
}

/** A parameter, compiled. */
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

/** A named condition, compiled. */
export interface NamedSpec extends Segment {
  readonly name: string;
}

/** A rule, compiled. */
export interface RuleSpec extends Segment {
  readonly id: string;
  readonly conclusion: string;
  /** Its conclusion's position in {@link Program.conclusions}. */
  readonly conclusionIndex: number;
  readonly ground: string | undefined;
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

/** A compiled rule set. Immutable once built. */
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
  /** The rule set's conclusions, in its order (a conflict lists them so). */
  readonly conclusions: readonly string[];
  /** Exceptions of each rule (its children in the exception graph, a DAG once exceptions have several targets). */
  readonly exceptions: readonly (readonly number[])[];
  /** Rules, every exception before each rule it overrides. */
  readonly exceptionOrder: Int32Array;
  readonly facts: readonly FactSlot[];
  readonly params: readonly ParameterSpec[];
  readonly fromDay: number;
  readonly untilDay: number;
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
