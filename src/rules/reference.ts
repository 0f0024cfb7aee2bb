/**
 * 参考解释器 — the meaning of the rule language, stated plainly as code.
 *
 * `runRulesReference` answers exactly what {@link runRules} answers — the
 * same conclusion, reasons, open questions and trace, deep-equal (the
 * differential tests, test/rules/reference.property.test.ts, hold them so on
 * random rule sets and facts) — but is written to be read, not to be fast:
 * it walks the validated rule set (`compiled.ruleSet`) as written, recursing
 * on condition trees (never deeper than MAX_CONDITION_DEPTH, which
 * validation enforces), and decides whether unknown rules could change the
 * answer by trying every way they could turn out (2^k answers for k unknown
 * rules). It shares with the engine only the checking of inputs (dates,
 * fact values: src/rules/factAccess.ts) and the words of the problems it
 * reports (src/rules/issues.ts). Not exported from the package.
 *
 * @module
 * @internal
 */
import { PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import { firstDayOf, parseDaySpan } from "../dates/daySpan.js";
import { isDateAfter, isDateBefore, isDateOnOrAfter, isDateOnOrBefore, isSameDate, type PartialDate } from "../dates/partialDate.js";
import { triAll, triAny, triNot, type TriState } from "../dates/triState.js";
import { compareDecimals, toExactDecimal, type ExactDecimal } from "../quantities/decimal.js";
import { toJsonValue } from "./comparisons.js";
import { jsonOf, newSubject, readFacts, type ShownValue } from "./factAccess.js";
import type { FactDeclaration, FactType, Facts, JsonFactValue } from "./factTypes.js";
import { invalidDateIssue, notCompiledIssue, parameterNotInForceIssue, ruleSetNotInForceIssue } from "./issues.js";
import type { Operator } from "./operators.js";
import type { Reason, ReasonFact, RulesResult, RunRulesOptions } from "./results.js";
import { exceptionTargets, isFactOperand, isParameterOperand, type Condition, type FactCondition, type Parameter, type ParameterValue, type Rule, type RuleSet } from "./schema.js";
import { TRACE_VERSION, type RuleStatus, type Trace, type TraceFact, type TraceNode, type TraceOperand, type TraceParameter, type TraceResult, type TraceRule } from "./trace.js";
import { conditionOrderOf, type CompiledRuleSet } from "./validateRuleSet.js";

type AnyRule = Rule<string, string>;
/** A value as compared: a boolean, a string (a date as written), an ExactDecimal, a list of strings. */
type Plain = boolean | string | ExactDecimal | readonly string[];
/** A fact as read; `value` and `json` undefined when it is missing. */
interface ReadFact {
  readonly type: FactType;
  readonly value: Plain | undefined;
  readonly json: JsonFactValue | undefined;
  readonly explanation: ReasonFact["explanation"];
  readonly cites: readonly string[] | undefined;
}
/** A parameter on the evaluation date: the values it may have (undefined: days without one), its operand and its trace. */
interface ParameterAt {
  readonly type: Parameter["type"];
  readonly candidates: readonly (ParameterValue | undefined)[];
  readonly operand: TraceOperand;
  readonly trace: TraceParameter;
}
/** Who reads what: `conditions.x` / `rules.y`, and what its condition reads. */
type Readers = readonly (readonly [string, ReturnType<typeof reads>])[];
/** What a run knows once the date, the parameters and the facts are read. */
interface Run {
  readonly set: RuleSet<string, string>;
  readonly facts: ReadonlyMap<string, ReadFact>;
  readonly parameters: ReadonlyMap<string, ParameterAt>;
  /** Named conditions, as traced (evaluated when a rule in force reads them). */
  readonly named: Map<string, TraceNode>;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** The trace spells "uncertain" as "unknown". */
const spell = (t: TriState): TraceResult => (t === "uncertain" ? "unknown" : t);
const unspell = (r: TraceResult): TriState => (r === "unknown" ? "uncertain" : r);

/** What one comparison means, for known values (`left` the fact's, `right` the literal's, other fact's or parameter's). @internal */
export function compareValues(type: FactType, operator: Operator, left: Plain, right: Plain): TriState {
  if (type === "decimal") {
    const c = compareDecimals(left as ExactDecimal, right as ExactDecimal);
    return ({ equal: c === 0, notEqual: c !== 0, lessThan: c < 0, lessThanInclusive: c <= 0, greaterThan: c > 0, greaterThanInclusive: c >= 0 } as Record<string, boolean>)[operator] as boolean;
  }
  if (type === "date") {
    // A partial date stands for any day of its span: "uncertain" when the spans cannot settle it.
    const [l, r] = [left as PartialDate, right as PartialDate];
    if (operator === "before") return isDateBefore(l, r);
    if (operator === "after") return isDateAfter(l, r);
    if (operator === "onOrBefore") return isDateOnOrBefore(l, r);
    if (operator === "onOrAfter") return isDateOnOrAfter(l, r);
    return operator === "equal" ? isSameDate(l, r) : triNot(isSameDate(l, r));
  }
  if (operator === "in" || operator === "notIn") return (right as readonly string[]).includes(left as string) === (operator === "in");
  if (operator === "contains" || operator === "doesNotContain") return (left as readonly string[]).includes(right as string) === (operator === "contains");
  return (left === right) === (operator === "equal");
}

/** A literal or parameter value as compared: decimals exact, dates as written. */
function plain(type: FactType, value: string | number | boolean | readonly string[]): Plain {
  return type === "decimal" ? toExactDecimal(value as string | number) : (value as Plain);
}

/** The facts, parameters and named conditions a condition reads (named conditions: not followed). */
function reads(c: Condition, out: { facts: Set<string>; parameters: Set<string>; refs: Set<string> } = { facts: new Set(), parameters: new Set(), refs: new Set() }) {
  if ("all" in c || "any" in c) for (const part of "all" in c ? c.all : c.any) reads(part, out);
  else if ("not" in c) reads(c.not, out);
  else if ("condition" in c) out.refs.add(c.condition);
  else {
    out.facts.add(c.fact);
    if (isFactOperand(c.value)) out.facts.add(c.value.fact);
    if (isParameterOperand(c.value)) out.parameters.add(c.value.parameter);
  }
  return out;
}

/**
 * 参考解释 — runs a compiled rule set on one subject's facts at a date, as
 * {@link runRules} does (same result, deep-equal), the plain way.
 * @internal
 */
export function runRulesReference(compiled: CompiledRuleSet, facts: Facts, options: RunRulesOptions): RulesResult<string, string> {
  const order = conditionOrderOf(compiled);
  if (order === undefined) throw new PolicyEvalError([notCompiledIssue()]);
  // Any vocabulary: the set's own conclusions and grounds.
  const set = compiled.ruleSet as unknown as RuleSet<string, string>;
  const date = (options as RunRulesOptions | undefined)?.date as PartialDate;
  const span = parseDaySpan(date);
  if (span === undefined) throw new PolicyEvalError([invalidDateIssue(date)]);

  // 1. What is in force. A partial date stands for any of its days; a rule is in force on its own
  // days within its set's: on all of the date's days (true), on none (false), or on some ("uncertain").
  const [first, last] = span;
  const dayOf = (day: string | undefined, otherwise: number): number => (day === undefined ? otherwise : firstDayOf(day));
  const inForceOn = (from: string | undefined, until: string | undefined): TriState => {
    const a = Math.max(firstDayOf(set.inForceFrom), dayOf(from, -Infinity));
    const b = Math.min(dayOf(set.inForceUntil, Infinity), dayOf(until, Infinity));
    if (a > b || last < a || first > b) return false;
    return a <= first && last <= b ? true : "uncertain";
  };
  const setInForce = inForceOn(undefined, undefined);
  if (setInForce === false) throw new PolicyEvalError([ruleSetNotInForceIssue(compiled, date)]);
  const inForce = new Map(set.rules.map((r) => [r.id, inForceOn(r.inForceFrom, r.inForceUntil)]));
  const active = set.rules.filter((r) => inForce.get(r.id) !== false);

  // 2. What the rules in force read: named conditions (and those these refer to), facts, parameters.
  const conditions = set.conditions ?? {};
  const reached = new Set<string>();
  const toVisit = active.flatMap((r) => [...reads(r.when).refs]);
  while (toVisit.length > 0) {
    const name = toVisit.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    toVisit.push(...reads(conditions[name] as Condition).refs);
  }
  const readers: Readers = [
    ...order.filter((n) => reached.has(n)).map((n) => [`conditions.${n}`, reads(conditions[n] as Condition)] as const),
    ...active.map((r) => [`rules.${r.id}`, reads(r.when)] as const),
  ];
  // Parameters first: a gap in the rule set is reported before the subject's facts are looked at.
  const parameters = parametersOn(set, readers, date, first, last);
  const run: Run = { set, facts: readSubject(compiled, readers.flatMap(([, r]) => [...r.facts]), facts), parameters, named: new Map() };

  // 3. Conditions: named ones first, each after those it refers to. A rule applies when in force and
  // true; it is unknown when its condition is unknown, or true while it is only maybe in force.
  for (const name of order) run.named.set(name, traceOf(run, conditions[name] as Condition, reached.has(name)));
  const whenOf = new Map(set.rules.map((r) => [r.id, traceOf(run, r.when, inForce.get(r.id) !== false)]));
  const status = new Map<string, RuleStatus>();
  for (const r of set.rules) {
    const held = unspell((whenOf.get(r.id) as TraceNode).result);
    if (inForce.get(r.id) === false) status.set(r.id, "notInForce");
    else if (held === false) status.set(r.id, "notApplicable");
    else if (held === "uncertain" || inForce.get(r.id) === "uncertain") status.set(r.id, "unknown");
    else status.set(r.id, "applied");
  }
  const applied = set.rules.filter((r) => status.get(r.id) === "applied");
  const overriddenBy = overrides(set, applied);

  // 4. Could the unknown rules change the answer? Not those with an applicable rule above them (they
  // would be overridden anyway). Try every way the others could turn out — each applies or not.
  const above = rulesAbove(set);
  const unknown = set.rules.filter((r) => status.get(r.id) === "unknown" && ![...(above.get(r.id) as Set<string>)].some((a) => status.get(a) === "applied"));
  const answers = new Set<string>();
  for (let way = 0; way < 2 ** unknown.length; way++) {
    const alsoApplying = unknown.filter((_, k) => Math.floor(way / 2 ** k) % 2 === 1);
    answers.add(answerWith(above, [...applied, ...alsoApplying]).answer);
  }
  const { answer, winners } = answerWith(above, applied);
  const conclusion = answers.size > 1 ? "undetermined" : answer;
  const open = answers.size > 1 ? openQuestions(run, unknown.map((r) => whenOf.get(r.id) as TraceNode)) : undefined;

  const rules = set.rules.map((r) => traceRule(r, overriddenBy.has(r.id) ? "overridden" : (status.get(r.id) as RuleStatus), inForce.get(r.id) as TriState, overriddenBy.get(r.id) ?? [], whenOf.get(r.id) as TraceNode));
  const lists = {
    missingFacts: [...(open?.missing ?? [])].sort(byName),
    uncertainFacts: [...(open?.uncertain ?? [])].sort(byName),
    uncertainParameters: [...(open?.parameters ?? [])].sort(byName),
    uncertainRules: open === undefined ? [] : unknown.filter((r) => inForce.get(r.id) === "uncertain").map((r) => r.id),
    trace: traceOfRun(run, date, setInForce, conclusion, reached, rules),
  };
  if (conclusion === "undetermined") return { conclusion, reasons: [], ...lists };
  const reasons = winners.map((r) => reasonOf(run, r, whenOf.get(r.id) as TraceNode));
  if (conclusion !== "conflict") return { conclusion, reasons: reasons as [Reason<string, string>, ...Reason<string, string>[]], ...lists };
  return { conclusion, reasons, conflict: { rules: winners.map((w) => w.id), conclusions: compiled.conclusions.filter((c) => winners.some((w) => w.conclusion === c)) }, ...lists };
}

/** The whole trace of a run: the set, the date, the answer, every fact and parameter read, every named condition and rule. */
function traceOfRun(run: Run, date: PartialDate, setInForce: TriState, conclusion: string, reached: ReadonlySet<string>, rules: TraceRule<string, string>[]): Trace<string, string> {
  const set = run.set;
  const named = (name: string) => run.named.get(name) as TraceNode;
  return {
    version: TRACE_VERSION,
    ruleSet: { id: set.id, version: set.version, inForceFrom: set.inForceFrom, ...(set.inForceUntil === undefined ? {} : { inForceUntil: set.inForceUntil }), inForce: setInForce as true | "uncertain" },
    date,
    conclusion,
    facts: [...run.facts].map(([name, f]): TraceFact => (f.json === undefined ? { name, type: f.type, missing: true } : { name, type: f.type, missing: false, value: f.json, ...extras(f) })),
    parameters: [...run.parameters.values()].map((p) => p.trace),
    conditions: Object.keys(set.conditions ?? {}).map((name) => ({ name, result: named(name).result, evaluated: reached.has(name), when: named(name) })),
    rules,
  };
}

/** The facts read (sorted by name), checked against their declarations; absent or undefined is missing. */
function readSubject(compiled: CompiledRuleSet, names: readonly string[], facts: Facts): Map<string, ReadFact> {
  const used = [...new Set(names)].sort(byName);
  const subject = newSubject(used.length);
  readFacts(used.map((name) => ({ name, declaration: compiled.facts[name] as FactDeclaration })), used.map((_, s) => s), facts, subject);
  return new Map(
    used.map((name, s) => {
      const known = subject.values[s] !== undefined;
      const fact = { type: (compiled.facts[name] as FactDeclaration).type, value: known ? (subject.shown[s] as ShownValue) : undefined, json: known ? jsonOf(subject, s) : undefined };
      return [name, { ...fact, explanation: subject.explanations[s], cites: subject.cites[s] }];
    }),
  );
}

/**
 * The parameters read, by name, on the date: the value in force on its first day, then every change
 * within it. One value on every day: that value. Several, or days without one: candidates. No value on
 * any day: an error naming who reads it.
 */
function parametersOn(set: RuleSet<string, string>, readers: Readers, date: string, first: number, last: number): Map<string, ParameterAt> {
  const users = new Map<string, string[]>();
  for (const [user, r] of readers) for (const p of r.parameters) users.set(p, [...(users.get(p) ?? []), user]);
  const out = new Map<string, ParameterAt>();
  const problems: PolicyEvalIssue[] = [];
  for (const name of [...users.keys()].sort(byName)) {
    const { type, values } = (set.parameters ?? {})[name] as Parameter;
    const candidates = [values.filter((v) => firstDayOf(v.from) <= first).at(-1), ...values.filter((v) => firstDayOf(v.from) > first && firstDayOf(v.from) <= last)];
    const withValue = candidates.filter((v) => v !== undefined && v.value !== null) as ParameterValue[];
    const listed = (v: ParameterValue) => ({ value: v.value === null ? null : toJsonValue(v.value), from: v.from, ...(v.basis === undefined ? {} : { basis: v.basis }) });
    if (withValue.length === 0) problems.push(parameterNotInForceIssue(name, date, users.get(name) ?? []));
    else if (candidates.length === 1) {
      const only = listed(withValue[0] as ParameterValue) as ReturnType<typeof listed> & { value: JsonFactValue };
      out.set(name, { type, candidates, operand: { kind: "parameter", parameter: name, value: only.value, from: only.from }, trace: { name, type, uncertain: false, ...only } });
    } else {
      const trace: TraceParameter = { name, type, uncertain: true, candidates: candidates.map((v) => (v === undefined ? { value: null } : listed(v))) };
      out.set(name, { type, candidates, operand: { kind: "parameter", parameter: name, uncertain: true }, trace });
    }
  }
  if (problems.length > 0) throw new PolicyEvalError(problems);
  return out;
}

/**
 * Whether a comparison holds: unknown when a fact it reads is missing, or when known values cannot
 * settle it (a partial date; a parameter whose candidates disagree, or that has no value on some day).
 */
function testLeaf(run: Run, leaf: FactCondition): TriState {
  const left = run.facts.get(leaf.fact) as ReadFact;
  if (leaf.operator === "isKnown" || leaf.operator === "isUnknown") return (left.value !== undefined) === (leaf.operator === "isKnown");
  if (left.value === undefined) return "uncertain";
  if (leaf.operator === "isTrue" || leaf.operator === "isFalse") return left.value === (leaf.operator === "isTrue");
  const value = leaf.value;
  if (isFactOperand(value)) {
    const right = run.facts.get(value.fact) as ReadFact;
    return right.value === undefined ? "uncertain" : compareValues(left.type, leaf.operator, left.value, right.value);
  }
  if (isParameterOperand(value)) {
    const p = run.parameters.get(value.parameter) as ParameterAt;
    const results = p.candidates.map((v) => (v === undefined || v.value === null ? "uncertain" : compareValues(left.type, leaf.operator, left.value as Plain, plain(p.type, v.value))));
    return results.every((r) => r === results[0]) ? (results[0] as TriState) : "uncertain";
  }
  return compareValues(left.type, leaf.operator, left.value, plain(left.type, value as string | number | boolean | readonly string[]));
}

/**
 * A condition's trace, three-valued, every part evaluated: `all` false if a part is, else unknown if a
 * part is, else true; `any` the dual; `not` swaps true and false. A condition no rule in force reads is
 * not evaluated: each node "unknown", `evaluated: false`.
 */
function traceOf(run: Run, c: Condition, evaluate: boolean): TraceNode {
  const node = (result: () => TriState) => ({ result: evaluate ? spell(result()) : ("unknown" as const), evaluated: evaluate });
  if ("all" in c || "any" in c) {
    const children = ("all" in c ? c.all : c.any).map((part) => traceOf(run, part, evaluate));
    const results = children.map((n) => unspell(n.result));
    return { kind: "all" in c ? "all" : "any", ...node(() => ("all" in c ? triAll(results) : triAny(results))), children };
  }
  if ("not" in c) {
    const child = traceOf(run, c.not, evaluate);
    return { kind: "not", ...node(() => triNot(unspell(child.result))), children: [child] };
  }
  if ("condition" in c) return { kind: "condition", name: c.condition, ...node(() => unspell((run.named.get(c.condition) as TraceNode).result)) };
  const value = c.value;
  const rightFact = isFactOperand(value) ? run.facts.get(value.fact)?.json : undefined;
  let right: TraceOperand | undefined;
  if (isFactOperand(value)) right = !evaluate ? { kind: "fact", fact: value.fact } : rightFact === undefined ? { kind: "fact", fact: value.fact, missing: true } : { kind: "fact", fact: value.fact, value: rightFact };
  // A parameter's operand as on the date, when a rule in force reads it.
  else if (isParameterOperand(value)) right = run.parameters.get(value.parameter)?.operand;
  else if (value !== undefined) right = { kind: "literal", value: toJsonValue(value) };
  const leaf = { kind: "fact" as const, fact: c.fact, operator: c.operator, ...node(() => testLeaf(run, c)), ...(right === undefined ? {} : { right }) };
  if (!evaluate) return leaf;
  const json = (run.facts.get(c.fact) as ReadFact).json;
  // Uncertain: the values were known, yet could not settle it.
  const uncertain = leaf.result === "unknown" && json !== undefined && !(isFactOperand(value) && rightFact === undefined);
  return { ...leaf, ...(json === undefined ? { missing: true as const } : { value: json }), ...(uncertain ? { uncertain: true as const } : {}) };
}

/** Each applicable rule overridden, with the applicable exceptions nearest above it on some path (no applicable rule between), in rule-set order. */
function overrides(set: RuleSet<string, string>, applied: readonly AnyRule[]): Map<string, string[]> {
  const byId = new Map(set.rules.map((r) => [r.id, r]));
  const out = new Map<string, string[]>();
  for (const e of applied) {
    const stack = [...exceptionTargets(e.exceptionTo)];
    const visited = new Set<string>();
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (visited.has(id)) continue;
      visited.add(id);
      if (!applied.includes(byId.get(id) as AnyRule)) stack.push(...exceptionTargets((byId.get(id) as AnyRule).exceptionTo));
      else if (!(out.get(id) ?? []).includes(e.id)) out.set(id, [...(out.get(id) ?? []), e.id]);
    }
  }
  return out;
}

/** By rule, the rules above it: the exceptions to it, and the exceptions to those, through any target. */
function rulesAbove(set: RuleSet<string, string>): Map<string, Set<string>> {
  const exceptionsTo = new Map(set.rules.map((r) => [r.id, set.rules.filter((e) => exceptionTargets(e.exceptionTo).includes(r.id)).map((e) => e.id)]));
  return new Map(
    set.rules.map((r) => {
      const out = new Set<string>();
      for (let stack = [r.id], id = stack.pop(); id !== undefined; id = stack.pop()) for (const e of exceptionsTo.get(id) ?? []) if (!out.has(e)) stack.push((out.add(e), e));
      return [r.id, out];
    }),
  );
}

/** The answer when the `firing` rules apply: the winners are those with none of them above; agreeing winners give their conclusion. */
function answerWith(above: ReadonlyMap<string, Set<string>>, firing: readonly AnyRule[]): { answer: string; winners: AnyRule[] } {
  const ids = new Set(firing.map((r) => r.id));
  const winners = firing.filter((r) => ![...(above.get(r.id) as Set<string>)].some((a) => ids.has(a)));
  const distinct = new Set(winners.map((r) => r.conclusion));
  return { answer: distinct.size === 0 ? "undetermined" : distinct.size === 1 ? (winners[0] as AnyRule).conclusion : "conflict", winners };
}

function extras(f: ReadFact): { explanation?: NonNullable<ReadFact["explanation"]>; cites?: readonly string[] } {
  return { ...(f.explanation === undefined ? {} : { explanation: f.explanation }), ...(f.cites === undefined ? {} : { cites: f.cites }) };
}

function traceRule(r: AnyRule, status: RuleStatus, inForce: TriState, overriddenBy: readonly string[], when: TraceNode): TraceRule<string, string> {
  const dates = { ...(r.inForceFrom === undefined ? {} : { inForceFrom: r.inForceFrom }), ...(r.inForceUntil === undefined ? {} : { inForceUntil: r.inForceUntil }) };
  const ground = r.ground === undefined ? {} : { ground: r.ground };
  return { id: r.id, ...(r.title === undefined ? {} : { title: r.title }), status, inForce, conclusion: r.conclusion, ...ground, exceptionTo: exceptionTargets(r.exceptionTo), overriddenBy, ...dates, basis: r.basis, when };
}

/**
 * Why a winner wins: the comparisons that support its condition being true — from the root, the parts
 * with the result wanted there (true; under a `not`, false) — and the known facts they read, in the
 * order the condition names them; cited: the basis documents, then the facts' cites.
 */
function reasonOf(run: Run, rule: AnyRule, when: TraceNode): Reason<string, string> {
  const names: string[] = [];
  const visited = new Set<string>();
  const stack: [TraceNode, boolean][] = [[when, true]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, want] = top;
    if (node.result !== want) continue;
    if (node.kind === "fact") {
      for (const name of [node.fact, ...(node.right?.kind === "fact" ? [node.right.fact] : [])]) if (run.facts.get(name)?.json !== undefined && !names.includes(name)) names.push(name);
    } else if (node.kind === "condition") {
      if (!visited.has(`${node.name}\u0000${want}`)) stack.push((visited.add(`${node.name}\u0000${want}`), [run.named.get(node.name) as TraceNode, want]));
    } else for (const child of [...node.children].reverse()) stack.push([child, node.kind === "not" ? !want : want]);
  }
  const facts = names.map((name): ReasonFact => ({ name, value: (run.facts.get(name) as ReadFact).json as JsonFactValue, ...extras(run.facts.get(name) as ReadFact) }));
  const cites = [...new Set([...rule.basis.map((b) => b.document), ...facts.flatMap((f) => f.cites ?? [])])];
  return { rule: rule.id, conclusion: rule.conclusion, ...(rule.ground === undefined ? {} : { ground: rule.ground }), message: rule.reason.en, messages: rule.reason, basis: rule.basis, facts, cites };
}

/**
 * What kept the answer open: in the conditions of the unknown rules that could change it, what made
 * each unknown comparison unknown — a missing fact; a parameter whose candidates disagree (and the fact
 * too, if one candidate alone cannot settle it); else a fact too imprecise (a partial date).
 */
function openQuestions(run: Run, roots: readonly TraceNode[]) {
  const open = { missing: new Set<string>(), uncertain: new Set<string>(), parameters: new Set<string>() };
  const visited = new Set<string>();
  const stack = [...roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.result !== "unknown") continue;
    if (node.kind === "condition") {
      if (!visited.has(node.name)) stack.push((visited.add(node.name), run.named.get(node.name) as TraceNode));
    } else if (node.kind !== "fact") stack.push(...node.children);
    else if (node.missing === true || (node.right?.kind === "fact" && node.right.missing === true)) {
      if (node.missing === true) open.missing.add(node.fact);
      if (node.right?.kind === "fact" && node.right.missing === true) open.missing.add(node.right.fact);
    } else if (node.right?.kind === "parameter" && "uncertain" in node.right) {
      open.parameters.add(node.right.parameter);
      const left = run.facts.get(node.fact) as ReadFact;
      const p = run.parameters.get(node.right.parameter) as ParameterAt;
      if (p.candidates.some((v) => v !== undefined && v.value !== null && compareValues(left.type, node.operator, left.value as Plain, plain(p.type, v.value)) === "uncertain")) open.uncertain.add(node.fact);
    } else {
      open.uncertain.add(node.fact);
      if (node.right?.kind === "fact") open.uncertain.add(node.right.fact);
    }
  }
  return open;
}
