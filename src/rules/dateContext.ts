/**
 * What a run needs that depends only on the evaluation date: which rules are
 * in force (on every day of the date, on none, or on some), which named
 * conditions, facts and parameters they read, each parameter's value (or
 * candidates) and the parts of the trace that follow from them.
 *
 * The one trick: all of it is computed once per date and remembered on the
 * compiled set for the last few dates ({@link DATE_MEMO_SIZE}), so that a
 * batch of subjects evaluated on one date pays for it once. Results never
 * depend on the memo: a context is a pure function of the program and the
 * date.
 *
 * @module
 * @internal
 */
import { PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import type { CalendarDate, PartialDate } from "../dates/index.js";
import { parseDaySpan } from "../dates/daySpan.js";
import type { JsonFactValue } from "./factTypes.js";
import { unset } from "./factAccess.js";
import { invalidDateIssue, parameterNotInForceIssue, ruleSetNotInForceIssue } from "./issues.js";
import {
  IN_FORCE,
  MAYBE_IN_FORCE,
  NOT_IN_FORCE,
  ParameterCandidates,
  type CompiledParameterValue,
  type FactSlot,
  type InForceCode,
  type NamedSpec,
  type ParameterAtDate,
  type ParameterSpec,
  type Program,
  type RuleSpec,
  type Segment,
} from "./program.js";
import type { Trace, TraceNode, TraceOperand, TraceParameter, TraceParameterCandidate } from "./trace.js";

/** What a run on one date shares with every other run on it. */
export interface DateContext {
  readonly date: PartialDate;
  /** Problems of the rule set on this date (parameters with no value), thrown by every run on it. */
  readonly issues: readonly PolicyEvalIssue[];
  /** The trace's `ruleSet` entry. */
  readonly traceRuleSet: Trace["ruleSet"];
  /** Named conditions some rule possibly in force reaches (dependencies first), then those rules. */
  readonly activeSegments: readonly Segment[];
  /** By named condition: 1 when reached. */
  readonly namedActive: Uint8Array;
  /** Rules in force on at least one day of the date, in rule order. */
  readonly activeRules: readonly number[];
  /** By rule: an {@link InForceCode}. */
  readonly inForce: Uint8Array;
  /** Whether some active rule is only maybe in force (the date spans one of its first or last days). */
  readonly anyMaybe: boolean;
  /** Fact slots read by the active segments, sorted by name. */
  readonly usedFacts: readonly number[];
  /** By parameter: its value or candidates on the date; undefined when no active segment reads it. */
  readonly paramValues: readonly (ParameterAtDate | undefined)[];
  /** By parameter: its operand in trace nodes. */
  readonly paramOperands: readonly (TraceOperand | undefined)[];
  readonly traceParameters: readonly TraceParameter[];
  /**
   * Frozen trace nodes of comparisons with a parameter, by node and result
   * code (see src/rules/traceBuild.ts), when their fact is missing or they
   * were not evaluated: such a node shows the parameter's operand on this
   * date, so it is shared per date.
   */
  readonly parameterLeaves: (TraceNode | undefined)[];
}

/** How many evaluation dates a compiled set remembers (a batch usually uses one). */
export const DATE_MEMO_SIZE = 8;

/** The dates a compiled set remembers, oldest first. */
export type DateMemo = Map<string, DateContext>;

/** Identifies a rule set in messages and traces. */
export interface RuleSetDates {
  readonly id: string;
  readonly version: string;
  readonly inForceFrom: CalendarDate;
  readonly inForceUntil?: CalendarDate | undefined;
}

/** Code-unit order, as the trace sorts facts and parameters by name. @internal */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** In force on every day of [d0, d1], on none, or on some: the rule's own dates within its set's. @internal */
export function inForceOn(program: Program, rule: RuleSpec, d0: number, d1: number): InForceCode {
  const from = Math.max(program.fromDay, rule.fromDay);
  const until = Math.min(program.untilDay, rule.untilDay);
  if (from > until || d1 < from || d0 > until) return NOT_IN_FORCE;
  return from <= d0 && d1 <= until ? IN_FORCE : MAYBE_IN_FORCE;
}

/**
 * The context of a date: remembered, or computed (checking the date) and
 * remembered. Throws `invalid-date`, or `rule-set-not-in-force` when every
 * day of the date is outside the rule set's validity.
 * @internal
 */
export function dateContext(set: RuleSetDates, program: Program, memo: DateMemo, date: PartialDate): DateContext {
  const remembered = memo.get(date);
  if (remembered !== undefined) return remembered;
  const span = parseDaySpan(date);
  if (span === undefined) throw new PolicyEvalError([invalidDateIssue(date)]);
  const [d0, d1] = span;
  // Outside on every day the date may be: an error. Straddling a first or last day: every rule's being in force is uncertain.
  if (d1 < program.fromDay || d0 > program.untilDay) throw new PolicyEvalError([ruleSetNotInForceIssue(set, date)]);
  const context = createDateContext(set, program, date, d0, d1);
  if (memo.size >= DATE_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(date, context);
  return context;
}

/** The rules in force on some day of [d0, d1], the named conditions they reach, and the facts and parameters all of these read. */
interface ActiveParts {
  readonly activeRules: number[];
  readonly inForce: Uint8Array;
  readonly anyMaybe: boolean;
  readonly namedActive: Uint8Array;
  readonly activeNamed: number[];
  readonly usedFacts: number[];
  /** By parameter: who reads it (`conditions.x`, `rules.y`), named conditions first. */
  readonly paramUsers: Map<number, string[]>;
}

function activeParts(program: Program, d0: number, d1: number): ActiveParts {
  const activeRules: number[] = [];
  const inForce = new Uint8Array(program.rules.length);
  let anyMaybe = false;
  const reached = new Uint8Array(program.named.length);
  const queue: number[] = [];
  const reach = (seg: Segment): void => {
    for (const t of seg.refs) {
      if (reached[t] === 0) {
        reached[t] = 1;
        queue.push(t);
      }
    }
  };
  program.rules.forEach((rule, r) => {
    const state = inForceOn(program, rule, d0, d1);
    inForce[r] = state;
    if (state === NOT_IN_FORCE) return;
    if (state === MAYBE_IN_FORCE) anyMaybe = true;
    activeRules.push(r);
    reach(rule);
  });
  for (let k = 0; k < queue.length; k++) reach(program.named[queue[k] as number] as Segment);
  const activeNamed = program.namedOrder.filter((n) => reached[n] === 1);

  const factSet = new Set<number>();
  const paramUsers = new Map<number, string[]>();
  const collect = (seg: Segment, user: string): void => {
    for (const s of seg.facts) factSet.add(s);
    for (const p of seg.params) paramUsers.set(p, [...(paramUsers.get(p) ?? []), user]);
  };
  for (const n of activeNamed) collect(program.named[n] as NamedSpec, `conditions.${(program.named[n] as NamedSpec).name}`);
  for (const r of activeRules) collect(program.rules[r] as RuleSpec, `rules.${(program.rules[r] as RuleSpec).id}`);
  const nameOf = (s: number): string => (program.facts[s] as FactSlot).name;
  const usedFacts = [...factSet].sort((a, b) => compareText(nameOf(a), nameOf(b)));
  return { activeRules, inForce, anyMaybe, namedActive: reached, activeNamed, usedFacts, paramUsers };
}

/** A candidate as the trace lists it: `{ value: null }` for the days before the first value. */
function parameterCandidate(v: CompiledParameterValue | undefined): TraceParameterCandidate {
  if (v === undefined) return Object.freeze({ value: null });
  return Object.freeze(v.basis === undefined ? { value: v.json, from: v.from } : { value: v.json, from: v.from, basis: v.basis });
}

/** The index of the parameter value in force on `day` (the last one from on or before it), or -1. */
function valueIndexAt(values: readonly CompiledParameterValue[], day: number): number {
  let found = -1;
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as CompiledParameterValue).fromDay > day) break;
    found = i;
  }
  return found;
}

/** The values a parameter may have on [d0, d1]: the one in force on the first day (undefined before its first value), then every change within. */
function candidatesOn(p: ParameterSpec, d0: number, d1: number): (CompiledParameterValue | undefined)[] {
  const first = valueIndexAt(p.values, d0);
  const candidates: (CompiledParameterValue | undefined)[] = [first < 0 ? undefined : p.values[first]];
  for (let i = first + 1; i < p.values.length && (p.values[i] as CompiledParameterValue).fromDay <= d1; i++) candidates.push(p.values[i]);
  return candidates;
}

/** Each parameter read on the date, by name: its value, operand and trace entry, or the issue of one with no value on any day. */
interface ParametersAt {
  readonly issues: PolicyEvalIssue[];
  readonly values: (ParameterAtDate | undefined)[];
  readonly operands: (TraceOperand | undefined)[];
  readonly trace: TraceParameter[];
}

function parametersAt(program: Program, paramUsers: ReadonlyMap<number, string[]>, date: PartialDate, d0: number, d1: number): ParametersAt {
  const out: ParametersAt = { issues: [], values: unset(program.params.length), operands: unset(program.params.length), trace: [] };
  const paramName = (k: number): string => (program.params[k] as ParameterSpec).name;
  for (const k of [...paramUsers.keys()].sort((a, b) => compareText(paramName(a), paramName(b)))) {
    const p = program.params[k] as ParameterSpec;
    const candidates = candidatesOn(p, d0, d1);
    const withValue = candidates.filter((v): v is CompiledParameterValue => v !== undefined && v.value !== null);
    if (withValue.length === 0) {
      out.issues.push(parameterNotInForceIssue(p.name, date, paramUsers.get(k) ?? []));
      continue;
    }
    const single = candidates.length === 1 ? withValue[0] : undefined;
    if (single !== undefined) {
      const json = single.json as JsonFactValue;
      out.values[k] = single.value as ParameterAtDate;
      out.operands[k] = Object.freeze({ kind: "parameter", parameter: p.name, value: json, from: single.from });
      out.trace.push(Object.freeze({ name: p.name, type: p.type, uncertain: false, value: json, from: single.from, ...(single.basis === undefined ? {} : { basis: single.basis }) }));
      continue;
    }
    // The value changes within the date (or is missing on some of its days): a condition reading it holds only if it does for every candidate.
    out.values[k] = new ParameterCandidates(candidates.map((v) => (v === undefined || v.value === null ? undefined : v.value)));
    out.operands[k] = Object.freeze({ kind: "parameter", parameter: p.name, uncertain: true });
    out.trace.push(Object.freeze({ name: p.name, type: p.type, uncertain: true, candidates: Object.freeze(candidates.map(parameterCandidate)) }));
  }
  return out;
}

function createDateContext(set: RuleSetDates, program: Program, date: PartialDate, d0: number, d1: number): DateContext {
  const active = activeParts(program, d0, d1);
  const params = parametersAt(program, active.paramUsers, date, d0, d1);
  const setInForce = program.fromDay <= d0 && d1 <= program.untilDay;
  return {
    date,
    issues: params.issues,
    traceRuleSet: Object.freeze({
      id: set.id,
      version: set.version,
      inForceFrom: set.inForceFrom,
      ...(set.inForceUntil === undefined ? {} : { inForceUntil: set.inForceUntil }),
      inForce: setInForce ? true : ("uncertain" as const),
    }),
    activeSegments: [...active.activeNamed.map((n) => program.named[n] as Segment), ...active.activeRules.map((r) => program.rules[r] as Segment)],
    namedActive: active.namedActive,
    activeRules: active.activeRules,
    inForce: active.inForce,
    anyMaybe: active.anyMaybe,
    usedFacts: active.usedFacts,
    paramValues: params.values,
    paramOperands: params.operands,
    traceParameters: Object.freeze(params.trace),
    parameterLeaves: [],
  };
}
