/**
 * 规则推理 — runs a compiled rule set on one subject's facts: three-valued
 * conditions, Catala-style default logic (exceptions override the rule they
 * are an exception to; disagreeing winners are a conflict, never settled by
 * order), an honest `undetermined` when missing facts could change the
 * answer, and a full trace.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type LocalizedMessage, type PolicyEvalIssue } from "../errors.js";
import type { CalendarDate } from "../dates/index.js";
import { ExactDecimal, safeToExactDecimal } from "../quantities/decimal.js";
import { CONCLUSIONS, type Conclusion, type Ground, type ResultConclusion } from "./conclusions.js";
import type { FactDeclaration, FactValue, Facts, JsonFactValue } from "./facts.js";
import {
  FALSE,
  NODE_ALL,
  NODE_ANY,
  NODE_LEAF,
  NODE_NOT,
  NODE_REF,
  TRUE,
  UNKNOWN,
  toDaySpan,
  toJsonValue,
  type FactSlot,
  type LeafSpec,
  type NamedSpec,
  type ParameterSpec,
  type ParameterValue,
  type Program,
  type RuleSpec,
  type Segment,
} from "./program.js";
import type { Basis } from "./schema.js";
import {
  TRACE_VERSION,
  type RuleStatus,
  type Trace,
  type TraceCondition,
  type TraceFact,
  type TraceNode,
  type TraceOperand,
  type TraceParameter,
  type TraceResult,
  type TraceRule,
} from "./trace.js";
import { programOf, type CompiledRuleSet } from "./validateRuleSet.js";

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /** 评估日期 — the evaluation date: rules, the rule set and parameters are taken as in force on it. */
  readonly date: CalendarDate;
}

/** A fact behind a reason: its value (decimals as strings), why it holds, what it cites. */
export interface ReasonFact {
  readonly name: string;
  readonly value: JsonFactValue;
  readonly explanation?: LocalizedMessage;
  readonly cites?: readonly string[];
}

/**
 * 理由 — why a winning rule concludes what it does: its reason text, its
 * basis, the facts whose values made its condition hold, and every document
 * cited (the basis documents first, then the facts' `cites`).
 */
export interface Reason {
  /** The rule's id. */
  readonly rule: string;
  readonly conclusion: Conclusion;
  readonly ground?: Ground;
  /** The reason in English (same as `messages.en`). */
  readonly message: string;
  readonly messages: LocalizedMessage;
  readonly basis: readonly Basis[];
  /** The fact leaves that made the condition hold, in the order the condition names them. */
  readonly facts: readonly ReasonFact[];
  /** Basis documents and the facts' cites, without duplicates. */
  readonly cites: readonly string[];
}

/** The rules that disagreed, and their conclusions (in {@link CONCLUSIONS} order). */
export interface RulesConflict {
  readonly rules: readonly string[];
  readonly conclusions: readonly Conclusion[];
}

interface RulesResultBase {
  /**
   * 缺失事实 — when the answer is `undetermined`: the missing facts that kept
   * the conditions that could change it unknown (sorted). Empty otherwise.
   */
  readonly missingFacts: readonly string[];
  /** Like `missingFacts`, for facts known too imprecisely (a partial date) to settle a comparison. */
  readonly uncertainFacts: readonly string[];
  /** The full trace; never empty. */
  readonly trace: Trace;
}

/**
 * 推理结果 — what {@link runRules} answers. Narrow on `conclusion`:
 * a {@link Conclusion} comes with at least one reason; `conflict` with the
 * disagreeing rules; `undetermined` with no reason, and `missingFacts` /
 * `uncertainFacts` naming what is missing (both empty when no rule applies
 * at all).
 */
export type RulesResult =
  | (RulesResultBase & { readonly conclusion: Conclusion; readonly reasons: readonly [Reason, ...Reason[]] })
  | (RulesResultBase & { readonly conclusion: "conflict"; readonly reasons: readonly Reason[]; readonly conflict: RulesConflict })
  | (RulesResultBase & { readonly conclusion: "undetermined"; readonly reasons: readonly [] });

// Rule statuses, indexed like RuleStatus below.
const NOT_IN_FORCE = 0;
const APPLIED = 1;
const NOT_APPLICABLE = 2;
const UNSETTLED = 3;
const OVERRIDDEN = 4;
const STATUS_NAMES: readonly RuleStatus[] = ["notInForce", "applied", "notApplicable", "unknown", "overridden"];

function issue(code: string, path: IssuePath, zh: string, en: string, params?: Record<string, unknown>): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, params === undefined ? undefined : { params });
}

// ---------------------------------------------------------------------------
// What depends only on the date, computed once per date and memoised.

interface DateContext {
  readonly date: CalendarDate;
  readonly issues: readonly PolicyEvalIssue[];
  /** Named conditions some in-force rule reaches (dependencies first), then the in-force rules. */
  readonly activeSegments: readonly Segment[];
  readonly namedActive: Uint8Array;
  readonly activeRules: readonly number[];
  /** Fact slots read by the active segments, sorted by name. */
  readonly usedFacts: readonly number[];
  /** Parameter values in force, by parameter index (undefined when unused). */
  readonly paramValues: readonly unknown[];
  readonly paramOperands: readonly (TraceOperand | undefined)[];
  readonly traceParameters: readonly TraceParameter[];
}

function valueAt(values: readonly ParameterValue[], day: number): ParameterValue | undefined {
  let found: ParameterValue | undefined;
  for (const v of values) {
    if (v.fromDay > day) break;
    found = v;
  }
  return found === undefined || found.value === null ? undefined : found;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateContext(program: Program, date: CalendarDate, day: number): DateContext {
  const cached = program.cache as DateContext | undefined;
  if (cached !== undefined && cached.date === date) return cached;
  const activeRules: number[] = [];
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
    if (rule.fromDay <= day && day <= rule.untilDay) {
      activeRules.push(r);
      reach(rule);
    }
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

  const issues: PolicyEvalIssue[] = [];
  const paramValues: unknown[] = new Array<unknown>(program.params.length);
  const paramOperands: (TraceOperand | undefined)[] = new Array<TraceOperand | undefined>(program.params.length);
  const traceParameters: TraceParameter[] = [];
  const paramName = (k: number): string => (program.params[k] as ParameterSpec).name;
  for (const k of [...paramUsers.keys()].sort((a, b) => compareText(paramName(a), paramName(b)))) {
    const p = program.params[k] as ParameterSpec;
    const users = paramUsers.get(k) ?? [];
    const v = valueAt(p.values, day);
    if (v === undefined) {
      issues.push(
        issue(
          "parameter-not-in-force",
          ["parameters", p.name],
          `参数 ${p.name} 在 ${date} 没有有效取值，而 ${users.join("、")} 用到它`,
          `Parameter ${p.name} has no value in force on ${date}, but ${users.join(", ")} use${users.length === 1 ? "s" : ""} it`,
          { parameter: p.name, date, usedBy: users },
        ),
      );
      continue;
    }
    const json = v.json as JsonFactValue;
    paramValues[k] = v.value;
    paramOperands[k] = Object.freeze({ kind: "parameter", parameter: p.name, value: json, from: v.from });
    traceParameters.push(Object.freeze({ name: p.name, type: p.type, value: json, from: v.from, ...(v.basis === undefined ? {} : { basis: v.basis }) }));
  }
  const context: DateContext = {
    date,
    issues,
    activeSegments: [...activeNamed.map((n) => program.named[n] as Segment), ...activeRules.map((r) => program.rules[r] as Segment)],
    namedActive: reached,
    activeRules,
    usedFacts,
    paramValues,
    paramOperands,
    traceParameters: Object.freeze(traceParameters),
  };
  program.cache = context;
  return context;
}

// ---------------------------------------------------------------------------
// Fact values: checked against their declared type, read into evaluation form.

const TYPE_TEXT: Readonly<Record<FactDeclaration["type"], { zh: string; en: string }>> = {
  boolean: { zh: "布尔值", en: "a boolean" },
  decimal: { zh: "精确小数（ExactDecimal、十进制数字字符串或安全整数）", en: "an exact decimal (ExactDecimal, a decimal string or a safe integer)" },
  date: { zh: "YYYY、YYYY-MM 或 YYYY-MM-DD 形式的日期", en: "a date YYYY, YYYY-MM or YYYY-MM-DD" },
  string: { zh: "字符串", en: "a string" },
  enum: { zh: "枚举取值之一", en: "one of the enum's values" },
  stringList: { zh: "字符串数组", en: "an array of strings" },
};

/**
 * One subject's facts as read at call time. Everything kept is immutable or
 * copied, so the (lazily built) trace shows the facts as they were when
 * runRules was called, whatever the caller does with its objects later.
 */
interface Subject {
  /** Evaluation form by fact slot (ExactDecimal, DaySpan, boolean, string, list); undefined = missing. */
  readonly values: unknown[];
  /** The value as given, for display: boolean, string, ExactDecimal or a frozen list. */
  readonly shown: unknown[];
  explanations: (LocalizedMessage | undefined)[] | undefined;
  cites: (readonly string[] | undefined)[] | undefined;
  json: (JsonFactValue | undefined)[] | undefined;
}

function jsonOf(subject: Subject, s: number): JsonFactValue {
  const json = (subject.json ??= []);
  return (json[s] ??= toJsonValue(subject.shown[s]));
}

/** The evaluation form of a fact value, or undefined if it does not fit the declaration. */
function readValue(decl: FactDeclaration, v: unknown): unknown {
  switch (decl.type) {
    case "boolean":
      return typeof v === "boolean" ? v : undefined;
    case "decimal": {
      if (v instanceof ExactDecimal) return v;
      // An ExactDecimal from another copy of the library (two bundles).
      if (typeof v === "object" && v !== null && typeof (v as ExactDecimal).coefficient === "bigint" && Number.isSafeInteger((v as ExactDecimal).scale)) {
        return new ExactDecimal((v as ExactDecimal).coefficient, (v as ExactDecimal).scale);
      }
      if (typeof v !== "string" && typeof v !== "number") return undefined;
      const d = safeToExactDecimal(v);
      return d.success ? d.data : undefined;
    }
    case "date":
      return typeof v === "string" ? toDaySpan(v) : undefined;
    case "string":
      return typeof v === "string" ? v : undefined;
    case "enum":
      return typeof v === "string" && (decl.values as readonly string[]).includes(v) ? v : undefined;
    case "stringList":
      return Array.isArray(v) && v.every((x) => typeof x === "string") ? Object.freeze([...(v as string[])]) : undefined;
  }
}

function isLocalized(v: unknown): v is LocalizedMessage {
  return typeof v === "object" && v !== null && typeof (v as LocalizedMessage)["zh-CN"] === "string" && typeof (v as LocalizedMessage).en === "string";
}

function badFact(name: string, decl: FactDeclaration, raw: unknown, problem: { zh: string; en: string } | undefined): PolicyEvalIssue {
  const expected = TYPE_TEXT[decl.type];
  const values = decl.type === "enum" ? { zh: `（${(decl.values ?? []).join("、")}）`, en: ` (${(decl.values ?? []).join(", ")})` } : { zh: "", en: "" };
  const what = problem ?? { zh: `值应为${expected.zh}${values.zh}`, en: `value must be ${expected.en}${values.en}` };
  let received: unknown = raw;
  if (typeof raw === "object" && raw !== null && "value" in raw) received = (raw as { value: unknown }).value;
  return issue("invalid-fact-value", ["facts", name], `事实 ${name}（${decl.type}）无效：${what.zh}`, `Fact ${name} (${decl.type}) is invalid: ${what.en}`, {
    fact: name,
    type: decl.type,
    received: typeof received === "bigint" || received instanceof ExactDecimal ? received.toString() : received,
  });
}

const NOT_AN_OBJECT = { zh: "应为 { value, explanation?, cites? } 形式的对象", en: "expected an object { value, explanation?, cites? }" };
const BAD_EXPLANATION = { zh: "explanation 应含 zh-CN 与 en 文本", en: "explanation must have zh-CN and en texts" };
const BAD_CITES = { zh: "cites 应为字符串数组", en: "cites must be an array of strings" };

/** Reads the facts the in-force rules use; throws one error listing every bad one. */
function readFacts(program: Program, ctx: DateContext, facts: Facts): Subject {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) {
    throw new PolicyEvalError([issue("invalid-facts", ["facts"], "事实集应为以事实名为键的对象", "Facts must be an object keyed by fact name")]);
  }
  const n = program.facts.length;
  const subject: Subject = { values: new Array<unknown>(n), shown: new Array<unknown>(n), explanations: undefined, cites: undefined, json: undefined };
  let bad: PolicyEvalIssue[] | undefined;
  for (const s of ctx.usedFacts) {
    const { name, declaration } = program.facts[s] as FactSlot;
    const raw: unknown = Object.prototype.hasOwnProperty.call(facts, name) ? facts[name] : undefined;
    if (raw === undefined) continue;
    if (typeof raw !== "object" || raw === null || !("value" in raw)) {
      (bad ??= []).push(badFact(name, declaration, raw, NOT_AN_OBJECT));
      continue;
    }
    const given = (raw as FactValue).value;
    const v = readValue(declaration, given);
    if (v === undefined) {
      (bad ??= []).push(badFact(name, declaration, raw, undefined));
      continue;
    }
    const explanation = (raw as FactValue).explanation;
    if (explanation !== undefined) {
      if (!isLocalized(explanation)) {
        (bad ??= []).push(badFact(name, declaration, raw, BAD_EXPLANATION));
        continue;
      }
      (subject.explanations ??= [])[s] = { "zh-CN": explanation["zh-CN"], en: explanation.en };
    }
    const cites = (raw as FactValue).cites;
    if (cites !== undefined) {
      if (!Array.isArray(cites) || !cites.every((c) => typeof c === "string")) {
        (bad ??= []).push(badFact(name, declaration, raw, BAD_CITES));
        continue;
      }
      (subject.cites ??= [])[s] = (cites as readonly string[]).slice();
    }
    subject.values[s] = v;
    // Dates are shown as given ("2017-09"); decimals and lists in their checked form.
    subject.shown[s] = declaration.type === "decimal" || declaration.type === "stringList" ? v : given;
  }
  if (bad !== undefined) throw new PolicyEvalError(bad);
  return subject;
}

// ---------------------------------------------------------------------------
// Evaluation.

/** Evaluates every node of the active segments, children before parents. */
function evaluateNodes(program: Program, ctx: DateContext, values: readonly unknown[]): Uint8Array {
  const { kinds, childStart, childCount, childList, refTarget, leaves, named } = program;
  const res = new Uint8Array(kinds.length);
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
        const c = res[childList[childStart[i] as number] as number];
        res[i] = c === TRUE ? FALSE : c === FALSE ? TRUE : UNKNOWN;
      } else {
        // all: a false part decides, else an unknown one makes it unknown; any: the dual.
        const decisive = kind === NODE_ALL ? FALSE : TRUE;
        let out = kind === NODE_ALL ? TRUE : FALSE;
        const from = childStart[i] as number;
        const to = from + (childCount[i] as number);
        for (let k = from; k < to; k++) {
          const c = res[childList[k] as number];
          if (c === decisive) {
            out = decisive;
            break;
          }
          if (c === UNKNOWN) out = UNKNOWN;
        }
        res[i] = out;
      }
    }
  }
  return res;
}

/**
 * Marks each applicable rule that has an applicable exception below it as
 * overridden, recording the nearest such exceptions. Nearest applicable
 * ancestors are memoised, so even a 10k-rule chain costs linear time.
 */
function markOverridden(program: Program, status: Uint8Array): (string[] | undefined)[] {
  const rules = program.rules;
  const overriddenBy: (string[] | undefined)[] = new Array<string[] | undefined>(rules.length);
  const applicable = (r: number): boolean => status[r] === APPLIED || status[r] === OVERRIDDEN;
  const nearest = new Int32Array(rules.length).fill(-2);
  const path: number[] = [];
  for (let e = 0; e < rules.length; e++) {
    const rule = rules[e] as RuleSpec;
    if (!applicable(e) || rule.parent < 0) continue;
    let p = rule.parent;
    path.length = 0;
    while (p >= 0 && !applicable(p) && nearest[p] === -2) {
      path.push(p);
      p = (rules[p] as RuleSpec).parent;
    }
    const found = p < 0 ? -1 : applicable(p) ? p : (nearest[p] as number);
    for (const n of path) nearest[n] = found;
    if (found >= 0) {
      (overriddenBy[found] ??= []).push(rule.id);
      status[found] = OVERRIDDEN;
    }
  }
  return overriddenBy;
}

/** Possible-outcome sets: bit m set when the winners' conclusions may be the set of conclusions m. */
function combineOutcomes(a: number, b: number): number {
  if (a === 1) return b;
  if (b === 1) return a;
  let out = 0;
  for (let i = 0; i < 32; i++) {
    if (((a >>> i) & 1) === 0) continue;
    for (let j = 0; j < 32; j++) if (((b >>> j) & 1) !== 0) out |= 1 << (i | j);
  }
  return out >>> 0;
}

/** -1 for no winner, the conclusion index for one, 99 for a conflict. */
function outcomeClass(mask: number): number {
  if (mask === 0) return -1;
  if ((mask & (mask - 1)) !== 0) return 99;
  return 31 - Math.clz32(mask);
}

/**
 * Whether the unknown rules could change the outcome. Bottom-up over the
 * exception forest, each rule gets the set of conclusion-sets its subtree's
 * winners may have (bits over the 32 subsets of the 5 conclusions), for
 * every way the unknown conditions may turn out; the answer is settled when
 * every possible set gives the same outcome. Also returns the unknown rules
 * with no applicable exception below them (those whose facts matter).
 */
function analyseUnknowns(program: Program, status: Uint8Array): { settled: boolean; relevant: number[] } {
  const rules = program.rules;
  const possible = new Uint32Array(rules.length);
  const applicableBelow = new Uint8Array(rules.length);
  const relevant: number[] = [];
  let total = 1;
  for (const r of program.exceptionOrder) {
    let set = 1;
    let below = 0;
    for (const c of program.exceptions[r] as readonly number[]) {
      set = combineOutcomes(set, possible[c] as number);
      if (applicableBelow[c] === 1 || status[c] === APPLIED || status[c] === OVERRIDDEN) below = 1;
    }
    applicableBelow[r] = below;
    const s = status[r];
    const fires = s === APPLIED || s === OVERRIDDEN ? 1 : s === UNSETTLED ? 2 : 0;
    if (s === UNSETTLED && below === 0) relevant.push(r);
    if (fires !== 0) {
      // No winner below: this rule wins (or, if unknown, may not fire at all).
      const own = 1 << (rules[r] as RuleSpec).conclusionIndex;
      let out = 0;
      for (let m = 0; m < 32; m++) {
        if (((set >>> m) & 1) === 0) continue;
        if (m !== 0) out |= 1 << m;
        else out |= (1 << own) | (fires === 2 ? 1 : 0);
      }
      set = out >>> 0;
    }
    possible[r] = set;
    if ((rules[r] as RuleSpec).parent < 0) total = combineOutcomes(total, set);
  }
  let first: number | undefined;
  for (let m = 0; m < 32; m++) {
    if (((total >>> m) & 1) === 0) continue;
    const cls = outcomeClass(m);
    if (first === undefined) first = cls;
    else if (cls !== first) return { settled: false, relevant };
  }
  return { settled: true, relevant };
}

/** Walks down the unknown nodes of the relevant rules to the facts that made them unknown. */
function collectMissing(
  program: Program,
  res: Uint8Array,
  values: readonly unknown[],
  relevant: readonly number[],
  missing: Set<string>,
  uncertain: Set<string>,
): void {
  const seenNamed = new Uint8Array(program.named.length);
  const stack: number[] = relevant.map((r) => (program.rules[r] as Segment).end - 1);
  const nameOf = (s: number): string => (program.facts[s] as FactSlot).name;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (res[i] !== UNKNOWN) continue;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = program.leaves[i] as LeafSpec;
      const rightSlot = leaf.right.kind === "fact" ? leaf.right.slot : -1;
      const leftMissing = values[leaf.slot] === undefined;
      const rightMissing = rightSlot >= 0 && values[rightSlot] === undefined;
      if (leftMissing) missing.add(nameOf(leaf.slot));
      if (rightMissing) missing.add(nameOf(rightSlot));
      if (!leftMissing && !rightMissing) {
        // Both known: a partial date too imprecise to settle the comparison.
        uncertain.add(nameOf(leaf.slot));
        if (rightSlot >= 0) uncertain.add(nameOf(rightSlot));
      }
    } else if (kind === NODE_REF) {
      const t = program.refTarget[i] as number;
      if (seenNamed[t] === 0) {
        seenNamed[t] = 1;
        stack.push((program.named[t] as Segment).end - 1);
      }
    } else {
      const from = program.childStart[i] as number;
      for (let k = from + (program.childCount[i] as number) - 1; k >= from; k--) stack.push(program.childList[k] as number);
    }
  }
}

/** A winner's reason: the fact leaves whose results made its condition true. */
function reasonFor(program: Program, r: number, res: Uint8Array, subject: Subject): Reason {
  const rule = program.rules[r] as RuleSpec;
  const slots: number[] = [];
  const seen: number[] = [];
  const values = subject.values;
  // Each entry: a node and the result that supports the conclusion there
  // (under a `not`, the parts that were false).
  const stack: number[] = [rule.end - 1, TRUE];
  while (stack.length > 0) {
    const want = stack.pop() as number;
    const i = stack.pop() as number;
    if (res[i] !== want) continue;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = program.leaves[i] as LeafSpec;
      if (values[leaf.slot] !== undefined && !slots.includes(leaf.slot)) slots.push(leaf.slot);
      const right = leaf.right;
      if (right.kind === "fact" && values[right.slot] !== undefined && !slots.includes(right.slot)) slots.push(right.slot);
    } else if (kind === NODE_REF) {
      const key = (program.refTarget[i] as number) * 4 + want;
      if (!seen.includes(key)) {
        seen.push(key);
        stack.push((program.named[program.refTarget[i] as number] as Segment).end - 1, want);
      }
    } else {
      const next = kind === NODE_NOT ? (want === TRUE ? FALSE : TRUE) : want;
      const from = program.childStart[i] as number;
      for (let k = from + (program.childCount[i] as number) - 1; k >= from; k--) stack.push(program.childList[k] as number, next);
    }
  }
  const cites: string[] = [];
  for (const b of rule.basis) if (!cites.includes(b.document)) cites.push(b.document);
  const facts: ReasonFact[] = [];
  for (const s of slots) {
    const explanation = subject.explanations?.[s];
    const factCites = subject.cites?.[s];
    const name = (program.facts[s] as FactSlot).name;
    const value = jsonOf(subject, s);
    if (factCites !== undefined) for (const c of factCites) if (!cites.includes(c)) cites.push(c);
    facts.push(
      explanation === undefined
        ? factCites === undefined
          ? { name, value }
          : { name, value, cites: factCites }
        : factCites === undefined
          ? { name, value, explanation }
          : { name, value, explanation, cites: factCites },
    );
  }
  const { id, conclusion, ground, reason, basis } = rule;
  return ground === undefined
    ? { rule: id, conclusion, message: reason.en, messages: reason, basis, facts, cites }
    : { rule: id, conclusion, ground, message: reason.en, messages: reason, basis, facts, cites };
}

const EMPTY: readonly never[] = Object.freeze([]);

function sortedOrEmpty(set: Set<string> | undefined): readonly string[] {
  return set === undefined || set.size === 0 ? EMPTY : [...set].sort(compareText);
}

/**
 * 运行规则 — evaluates a compiled rule set on one subject's facts at a date.
 *
 * Semantics (Catala's default logic, three-valued):
 * - A condition is true, false or unknown (a missing fact; a partial date
 *   that cannot settle a comparison). `all` is false if any part is false,
 *   true if all are true, else unknown; `any` is the dual; `not` flips.
 *   Every part is evaluated (no short-circuit), so the trace is complete;
 *   only conditions of rules not in force stay `evaluated: false`.
 * - A rule applies when it is in force at the date and its condition is
 *   true. A rule is overridden when an applicable rule is, directly or
 *   through other rules, an exception to it. The winners are the applicable
 *   rules not overridden.
 * - Winners that agree give their conclusion, with one reason each; winners
 *   that disagree give `conflict` — never settled by order or priority.
 * - `undetermined` when no rule applies, and also when a rule whose
 *   condition is unknown could change the answer if it held (an exception to
 *   a winner, or a rule at the winners' level with another conclusion): the
 *   answer would be a guess, so the result names the missing facts instead.
 *   Unknown rules that could not change the answer are ignored.
 *
 * Only the facts the in-force rules read are looked at; others are ignored.
 *
 * @param compiled - a rule set from {@link validateRuleSet}
 * @param facts - the subject's facts; an absent fact is missing, never false
 * @param options - `date`: the evaluation date
 * @returns `{ conclusion, reasons, missingFacts, uncertainFacts, conflict?, trace }`
 * @throws {@link PolicyEvalError} `rule-set-not-in-force` when the date is
 *   outside the rule set's validity; `invalid-fact-value` for every fact
 *   whose value does not fit its type; `parameter-not-in-force` when a rule
 *   in force reads a parameter with no value at the date; `invalid-date`;
 *   `rule-set-not-compiled` when `compiled` did not come from validateRuleSet
 *
 * @example
 * ```ts
 * import { runRules, validateRuleSet } from "policy-eval";
 * const bool = (zh: string, en: string) => ({ type: "boolean" as const, description: { "zh-CN": zh, en } });
 * const rules = validateRuleSet(
 *   {
 *     id: "demo",
 *     version: "1",
 *     inForceFrom: "2019-01-01",
 *     rules: [
 *       {
 *         id: "continue",
 *         conclusion: "continue",
 *         when: { all: [{ fact: "parentsInForce", operator: "isTrue" }, { fact: "effectsMet", operator: "isTrue" }] },
 *         reason: { "zh-CN": "与上位法律法规同步实施", en: "Implemented in step with the superior documents" },
 *         basis: [{ document: "粤府令第277号", article: "第三十四条" }],
 *       },
 *       {
 *         id: "revise",
 *         exceptionTo: "continue",
 *         conclusion: "revise",
 *         when: { fact: "parentAmended", operator: "isTrue" },
 *         reason: { "zh-CN": "上位文件已修订", en: "A parent document was amended" },
 *         basis: [{ document: "粤府令第277号", article: "第三十六条" }],
 *       },
 *     ],
 *   },
 *   {
 *     facts: {
 *       parentsInForce: bool("上位文件有效", "Parents in force"),
 *       effectsMet: bool("效果达到预期", "Effects met"),
 *       parentAmended: bool("上位文件已修订", "A parent was amended"),
 *     },
 *   },
 * );
 * const result = runRules(
 *   rules,
 *   {
 *     parentsInForce: { value: true, cites: ["国办发〔2016〕13号", "粤府办〔2016〕66号"] },
 *     effectsMet: { value: true },
 *     parentAmended: { value: false },
 *   },
 *   { date: "2021-08-20" },
 * );
 * result.conclusion; //=> "continue"
 * result.reasons[0]?.cites; //=> ["粤府令第277号", "国办发〔2016〕13号", "粤府办〔2016〕66号"]
 * runRules(rules, { parentsInForce: { value: true }, effectsMet: { value: true } }, { date: "2021-08-20" }).missingFacts;
 * //=> ["parentAmended"]
 * ```
 */
export function runRules(compiled: CompiledRuleSet, facts: Facts, options: RunRulesOptions): RulesResult {
  const program = programOf(compiled);
  if (program === undefined) {
    throw new PolicyEvalError([
      issue("rule-set-not-compiled", [], "规则集未经编译：请先调用 validateRuleSet", "The rule set is not compiled: pass the result of validateRuleSet"),
    ]);
  }
  const date = options.date;
  const span = typeof date === "string" && date.length === 10 ? toDaySpan(date) : undefined;
  if (span === undefined) {
    throw new PolicyEvalError([
      issue(
        "invalid-date",
        ["options", "date"],
        `评估日期无效：${JSON.stringify(date)}（应为 YYYY-MM-DD）`,
        `Invalid evaluation date ${JSON.stringify(date)} (expected YYYY-MM-DD)`,
        { value: date },
      ),
    ]);
  }
  const day = span[0];
  if (day < program.fromDay || day > program.untilDay) {
    const until = compiled.inForceUntil;
    throw new PolicyEvalError([
      issue(
        "rule-set-not-in-force",
        ["options", "date"],
        `规则集 ${compiled.id} 在 ${date} 不在有效期内（${compiled.inForceFrom} 至 ${until ?? "今"}）`,
        `Rule set ${compiled.id} is not in force on ${date} (in force ${compiled.inForceFrom} to ${until ?? "open end"})`,
        { date, inForceFrom: compiled.inForceFrom, inForceUntil: until ?? null },
      ),
    ]);
  }
  const ctx = dateContext(program, date, day);
  if (ctx.issues.length > 0) throw new PolicyEvalError(ctx.issues);
  const subject = readFacts(program, ctx, facts);
  const res = evaluateNodes(program, ctx, subject.values);

  // Rule statuses and exceptions.
  const rules = program.rules;
  const status = new Uint8Array(rules.length);
  let unsettled = false;
  let exceptionApplies = false;
  for (const r of ctx.activeRules) {
    const rule = rules[r] as RuleSpec;
    const code = res[rule.end - 1];
    status[r] = code === TRUE ? APPLIED : code === FALSE ? NOT_APPLICABLE : UNSETTLED;
    if (code === UNKNOWN) unsettled = true;
    else if (code === TRUE && rule.parent >= 0) exceptionApplies = true;
  }
  const overriddenBy = exceptionApplies ? markOverridden(program, status) : undefined;

  let winnerMask = 0;
  const winners: number[] = [];
  for (const r of ctx.activeRules) {
    if (status[r] === APPLIED) {
      winners.push(r);
      winnerMask |= 1 << (rules[r] as RuleSpec).conclusionIndex;
    }
  }
  let conclusion: ResultConclusion;
  let missing: Set<string> | undefined;
  let uncertain: Set<string> | undefined;
  const analysis = unsettled ? analyseUnknowns(program, status) : undefined;
  if (analysis !== undefined && !analysis.settled) {
    conclusion = "undetermined";
    missing = new Set();
    uncertain = new Set();
    collectMissing(program, res, subject.values, analysis.relevant, missing, uncertain);
  } else {
    const cls = outcomeClass(winnerMask);
    conclusion = cls === -1 ? "undetermined" : cls === 99 ? "conflict" : (CONCLUSIONS[cls] as Conclusion);
  }
  const reasons: Reason[] = [];
  if (conclusion !== "undetermined") for (const r of winners) reasons.push(reasonFor(program, r, res, subject));

  const trace = buildTrace(compiled, program, ctx, conclusion, res, subject, status, overriddenBy);
  const missingFacts = sortedOrEmpty(missing);
  const uncertainFacts = sortedOrEmpty(uncertain);
  if (conclusion === "conflict") {
    const conflict: RulesConflict = {
      rules: winners.map((r) => (rules[r] as RuleSpec).id),
      conclusions: CONCLUSIONS.filter((_, i) => (winnerMask & (1 << i)) !== 0),
    };
    return { conclusion, reasons, conflict, missingFacts, uncertainFacts, trace };
  }
  if (conclusion === "undetermined") return { conclusion, reasons: EMPTY as readonly [], missingFacts, uncertainFacts, trace };
  return { conclusion, reasons: reasons as unknown as readonly [Reason, ...Reason[]], missingFacts, uncertainFacts, trace };
}

// ---------------------------------------------------------------------------
// The trace.

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

function resultOf(code: number): TraceResult {
  return code === TRUE ? true : code === FALSE ? false : "unknown";
}

/**
 * The trace of one segment. Nodes come in post-order, so each node's
 * children are already built (in `built`, by node index): no recursion.
 */
function buildTree(program: Program, seg: Segment, res: Uint8Array, subject: Subject, ctx: DateContext, built: TraceNode[]): TraceNode {
  const { kinds, leaves, facts, childStart, childCount, childList } = program;
  const values = subject.values;
  for (let i = seg.start; i < seg.end; i++) {
    const code = res[i] as number;
    const result = resultOf(code);
    const evaluated = code !== 0;
    const kind = kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = leaves[i] as LeafSpec;
      const node: MutableLeaf = { kind: "fact", fact: (facts[leaf.slot] as FactSlot).name, operator: leaf.operator, result, evaluated };
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
      if (code === UNKNOWN && node.missing === undefined && !rightMissing) node.uncertain = true;
      built[i] = node;
    } else if (kind === NODE_REF) {
      built[i] = { kind: "condition", name: (program.named[program.refTarget[i] as number] as NamedSpec).name, result, evaluated };
    } else {
      const from = childStart[i] as number;
      const n = childCount[i] as number;
      const children = new Array<TraceNode>(n);
      for (let k = 0; k < n; k++) children[k] = built[childList[from + k] as number] as TraceNode;
      built[i] = { kind: kind === NODE_ALL ? "all" : kind === NODE_ANY ? "any" : "not", result, evaluated, children };
    }
  }
  return built[seg.end - 1] as TraceNode;
}

function buildTrace(
  compiled: CompiledRuleSet,
  program: Program,
  ctx: DateContext,
  conclusion: ResultConclusion,
  res: Uint8Array,
  subject: Subject,
  status: Uint8Array,
  overriddenBy: readonly (string[] | undefined)[] | undefined,
): Trace {
  const facts: TraceFact[] = ctx.usedFacts.map((s) => {
    const slot = program.facts[s] as FactSlot;
    if (subject.values[s] === undefined) return { name: slot.name, type: slot.declaration.type, missing: true };
    const entry: { -readonly [K in keyof TraceFact]: TraceFact[K] } = { name: slot.name, type: slot.declaration.type, missing: false, value: jsonOf(subject, s) };
    const explanation = subject.explanations?.[s];
    const cites = subject.cites?.[s];
    if (explanation !== undefined) entry.explanation = explanation;
    if (cites !== undefined) entry.cites = cites;
    return entry;
  });
  const built = new Array<TraceNode>(program.kinds.length);
  const conditions: TraceCondition[] = program.named.map((seg, n) => {
    const when = buildTree(program, seg, res, subject, ctx, built);
    return { name: seg.name, result: when.result, evaluated: ctx.namedActive[n] === 1, when };
  });
  const rules: TraceRule[] = program.rules.map((rule, r) => {
    const entry: { -readonly [K in keyof TraceRule]: TraceRule[K] } = {
      id: rule.id,
      status: STATUS_NAMES[status[r] as number] as RuleStatus,
      conclusion: rule.conclusion,
      overriddenBy: overriddenBy?.[r] ?? [],
      basis: rule.basis,
      when: buildTree(program, rule, res, subject, ctx, built),
    };
    if (rule.title !== undefined) entry.title = rule.title;
    if (rule.ground !== undefined) entry.ground = rule.ground;
    if (rule.exceptionTo !== undefined) entry.exceptionTo = rule.exceptionTo;
    if (rule.inForceFrom !== undefined) entry.inForceFrom = rule.inForceFrom;
    if (rule.inForceUntil !== undefined) entry.inForceUntil = rule.inForceUntil;
    return entry;
  });
  return {
    version: TRACE_VERSION,
    ruleSet: {
      id: compiled.id,
      version: compiled.version,
      inForceFrom: compiled.inForceFrom,
      ...(compiled.inForceUntil === undefined ? {} : { inForceUntil: compiled.inForceUntil }),
    },
    date: ctx.date,
    conclusion,
    facts,
    parameters: ctx.traceParameters,
    conditions,
    rules,
  };
}
