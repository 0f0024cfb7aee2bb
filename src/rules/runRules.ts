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
import type { PartialDate } from "../dates/index.js";
import { ExactDecimal, safeToExactDecimal } from "../quantities/decimal.js";
import { RULE_CONCLUSIONS, type RuleConclusion, type Ground, type ResultConclusion } from "./conclusions.js";
import type { FactDeclaration, FactValue, Facts, JsonFactValue } from "./facts.js";
import {
  FALSE,
  NODE_ALL,
  NODE_ANY,
  NODE_LEAF,
  NODE_NOT,
  NODE_REF,
  ParameterCandidates,
  TRUE,
  UNKNOWN,
  toDaySpan,
  toJsonValue,
  type FactSlot,
  type LeafSpec,
  type NamedSpec,
  type ParameterSpec,
  type CompiledParameterValue,
  type Compare,
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
  type TraceParameterCandidate,
  type TraceResult,
  type TraceRule,
} from "./trace.js";
import { programOf, type CompiledRuleSet } from "./validateRuleSet.js";

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /**
   * 评估日期 — the evaluation date: rules, the rule set and parameters are
   * taken as in force on it. It may be known only to the month or the year
   * (`'2021'`, as the reference report): a question it cannot settle — a rule
   * in force on part of the year only, a parameter changing within it — is
   * answered as unknown, never by guessing a day.
   */
  readonly date: PartialDate;
}

/** A fact behind a reason: its value (decimals as strings), why it holds, what it cites. */
export interface ReasonFact {
  /** The fact's name. */
  readonly name: string;
  /** Its value (decimals as strings, dates as given). */
  readonly value: JsonFactValue;
  /** Why it holds, as given with the fact. */
  readonly explanation?: LocalizedMessage;
  /** The documents it rests on, as given with the fact. */
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
  /** What it concludes. */
  readonly conclusion: RuleConclusion;
  /** On which ground. */
  readonly ground?: Ground;
  /** The reason in English (same as `messages.en`). */
  readonly message: string;
  /** The reason in zh-CN and en. */
  readonly messages: LocalizedMessage;
  /** The rule's legal basis. */
  readonly basis: readonly Basis[];
  /** The fact leaves that made the condition hold, in the order the condition names them. */
  readonly facts: readonly ReasonFact[];
  /** Basis documents and the facts' cites, without duplicates. */
  readonly cites: readonly string[];
}

/** The rules that disagreed, and their conclusions (in {@link RULE_CONCLUSIONS} order). */
export interface RulesConflict {
  /** The winning rules, in rule-set order. */
  readonly rules: readonly string[];
  /** Their distinct conclusions. */
  readonly conclusions: readonly RuleConclusion[];
}

/** What every {@link RulesResult} has, whatever its conclusion. */
export interface RulesResultBase {
  /**
   * 缺失事实 — when the answer is `undetermined`: the missing facts that kept
   * the conditions that could change it unknown (sorted). Empty otherwise.
   */
  readonly missingFacts: readonly string[];
  /** Like `missingFacts`, for facts known too imprecisely (a partial date) to settle a comparison. */
  readonly uncertainFacts: readonly string[];
  /**
   * Like `missingFacts`, for parameters whose value changes within a partial
   * evaluation date (or has no value on some of its days), so that a
   * comparison with them could not be settled (sorted).
   */
  readonly uncertainParameters: readonly string[];
  /**
   * Like `missingFacts`, for rules that could change the answer but may or
   * may not be in force on a partial evaluation date (it spans their, or
   * their rule set's, first or last day), in rule-set order.
   */
  readonly uncertainRules: readonly string[];
  /** The full trace; never empty. */
  readonly trace: Trace;
}

/**
 * 推理结果 — what {@link runRules} answers. Narrow on `conclusion`:
 * a {@link RuleConclusion} comes with at least one reason; `conflict` with the
 * disagreeing rules; `undetermined` with no reason, and `missingFacts` /
 * `uncertainFacts` naming what is missing (both empty when no rule applies
 * at all).
 */
export type RulesResult =
  | (RulesResultBase & {
      /** The winners' common conclusion. */
      readonly conclusion: RuleConclusion;
      /** One per winning rule. */
      readonly reasons: readonly [Reason, ...Reason[]];
    })
  | (RulesResultBase & {
      /** The winners disagree. */
      readonly conclusion: "conflict";
      /** One per winning rule, each with its own conclusion. */
      readonly reasons: readonly Reason[];
      /** Which rules disagree, on what. */
      readonly conflict: RulesConflict;
    })
  | (RulesResultBase & {
      /** No rule applies, or missing facts could change the answer. */
      readonly conclusion: "undetermined";
      /** None. */
      readonly reasons: readonly [];
    });

// Rule statuses as small integers (a Uint8Array per run), named by STATUS_NAMES; 0 is notInForce.
const APPLIED = 1;
const NOT_APPLICABLE = 2;
const UNSETTLED = 3;
const OVERRIDDEN = 4;
const STATUS_NAMES: readonly RuleStatus[] = ["notInForce", "applied", "notApplicable", "unknown", "overridden"];

/** The one frozen empty list results, traces and memos share. */
const EMPTY: readonly never[] = Object.freeze([]);

function issue(code: string, path: IssuePath, zh: string, en: string, params?: Record<string, unknown>): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, params === undefined ? undefined : { params });
}

// ---------------------------------------------------------------------------
// What depends only on the date, computed once per date and memoised.

/** Whether a rule is in force on the evaluation date's span: not, on every day, or on some days only. */
const NOT_IN_FORCE = 0;
const IN_FORCE = 1;
const MAYBE_IN_FORCE = 2;

interface DateContext {
  readonly date: PartialDate;
  readonly issues: readonly PolicyEvalIssue[];
  /** The trace's `ruleSet` entry, shared by every run on this date. */
  readonly traceRuleSet: Trace["ruleSet"];
  /** Named conditions some rule possibly in force reaches (dependencies first), then those rules. */
  readonly activeSegments: readonly Segment[];
  readonly namedActive: Uint8Array;
  /** Rules in force on at least one day of the date, in rule order. */
  readonly activeRules: readonly number[];
  /** By rule: NOT_IN_FORCE, IN_FORCE or MAYBE_IN_FORCE. */
  readonly inForce: Uint8Array;
  /** Whether some active rule is only maybe in force (the date spans one of its first or last days). */
  readonly anyMaybe: boolean;
  /** Fact slots read by the active segments, sorted by name. */
  readonly usedFacts: readonly number[];
  /** By parameter index: its value in evaluation form, a {@link ParameterCandidates} when it changes within the date, or undefined when unused. */
  readonly paramValues: readonly unknown[];
  readonly paramOperands: readonly (TraceOperand | undefined)[];
  readonly traceParameters: readonly TraceParameter[];
  /**
   * Frozen trace nodes of comparisons with a parameter, by node × result
   * code, when their fact is missing or they were not evaluated: the node
   * shows the parameter's operand on this date, so it is shared per date.
   */
  readonly parameterLeaves: (TraceNode | undefined)[];
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many evaluation dates a compiled set remembers (a batch usually uses one). */
const DATE_CACHE_SIZE = 8;

/** In force on every day of [d0, d1], on none, or on some: the rule's own dates within its set's. */
function inForceOn(program: Program, rule: RuleSpec, d0: number, d1: number): number {
  const from = Math.max(program.fromDay, rule.fromDay);
  const until = Math.min(program.untilDay, rule.untilDay);
  if (from > until || d1 < from || d0 > until) return NOT_IN_FORCE;
  return from <= d0 && d1 <= until ? IN_FORCE : MAYBE_IN_FORCE;
}

function parameterCandidate(v: CompiledParameterValue | undefined): TraceParameterCandidate {
  if (v === undefined) return Object.freeze({ value: null });
  return Object.freeze(v.basis === undefined ? { value: v.json, from: v.from } : { value: v.json, from: v.from, basis: v.basis });
}

function createDateContext(compiled: CompiledRuleSet, program: Program, date: PartialDate, d0: number, d1: number): DateContext {
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

  const issues: PolicyEvalIssue[] = [];
  const paramValues: unknown[] = new Array<unknown>(program.params.length);
  const paramOperands: (TraceOperand | undefined)[] = new Array<TraceOperand | undefined>(program.params.length);
  const traceParameters: TraceParameter[] = [];
  const paramName = (k: number): string => (program.params[k] as ParameterSpec).name;
  for (const k of [...paramUsers.keys()].sort((a, b) => compareText(paramName(a), paramName(b)))) {
    const p = program.params[k] as ParameterSpec;
    const users = paramUsers.get(k) ?? [];
    // The value in force on the first day, then every change within the span.
    const first = valueIndexAt(p.values, d0);
    const candidates: (CompiledParameterValue | undefined)[] = [first < 0 ? undefined : p.values[first]];
    for (let i = first + 1; i < p.values.length && (p.values[i] as CompiledParameterValue).fromDay <= d1; i++) candidates.push(p.values[i]);
    const withValue = candidates.filter((v): v is CompiledParameterValue => v !== undefined && v.value !== null);
    if (withValue.length === 0) {
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
    const single = candidates.length === 1 ? withValue[0] : undefined;
    if (single !== undefined) {
      const json = single.json as JsonFactValue;
      paramValues[k] = single.value;
      paramOperands[k] = Object.freeze({ kind: "parameter", parameter: p.name, value: json, from: single.from });
      traceParameters.push(
        Object.freeze({ name: p.name, type: p.type, uncertain: false, value: json, from: single.from, ...(single.basis === undefined ? {} : { basis: single.basis }) }),
      );
      continue;
    }
    // The value changes within the date (or is missing on some of its days): a condition reading it holds only if it does for every candidate.
    paramValues[k] = new ParameterCandidates(candidates.map((v) => (v === undefined || v.value === null ? undefined : v.value)));
    paramOperands[k] = Object.freeze({ kind: "parameter", parameter: p.name, uncertain: true });
    traceParameters.push(Object.freeze({ name: p.name, type: p.type, uncertain: true, candidates: Object.freeze(candidates.map(parameterCandidate)) }));
  }
  const setInForce = program.fromDay <= d0 && d1 <= program.untilDay;
  const context: DateContext = {
    date,
    issues,
    traceRuleSet: Object.freeze({
      id: compiled.id,
      version: compiled.version,
      inForceFrom: compiled.inForceFrom,
      ...(compiled.inForceUntil === undefined ? {} : { inForceUntil: compiled.inForceUntil }),
      inForce: setInForce ? true : ("uncertain" as const),
    }),
    activeSegments: [...activeNamed.map((n) => program.named[n] as Segment), ...activeRules.map((r) => program.rules[r] as Segment)],
    namedActive: reached,
    activeRules,
    inForce,
    anyMaybe,
    usedFacts,
    paramValues,
    paramOperands,
    traceParameters: Object.freeze(traceParameters),
    parameterLeaves: [],
  };
  if (program.dateCache.size >= DATE_CACHE_SIZE) program.dateCache.delete(program.dateCache.keys().next().value as string);
  program.dateCache.set(date, context);
  return context;
}

/** The date's context, checking the date the first time it is seen. */
function dateContext(compiled: CompiledRuleSet, program: Program, date: PartialDate): DateContext {
  const cached = program.dateCache.get(date) as DateContext | undefined;
  if (cached !== undefined) return cached;
  const span = typeof date === "string" ? toDaySpan(date) : undefined;
  if (span === undefined) {
    throw new PolicyEvalError([
      issue(
        "invalid-date",
        ["options", "date"],
        `评估日期无效：${JSON.stringify(date)}（应为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的真实日期）`,
        `Invalid evaluation date ${JSON.stringify(date)} (expected a real date YYYY, YYYY-MM or YYYY-MM-DD)`,
        { value: date },
      ),
    ]);
  }
  const [d0, d1] = span;
  // Outside on every day the date may be: an error. Straddling a first or last day: every rule's being in force is uncertain.
  if (d1 < program.fromDay || d0 > program.untilDay) {
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
  return createDateContext(compiled, program, date, d0, d1);
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
 * copied, so the trace shows the facts as they were when runRules was
 * called, whatever the caller does with its objects later. The arrays are
 * the run's scratch (by fact slot), reset at the start of each run.
 */
interface Subject {
  /** Evaluation form by fact slot (ExactDecimal, DaySpan, boolean, string, list); undefined = missing. */
  readonly values: unknown[];
  /** The value as given, for display: boolean, string, ExactDecimal or a frozen list. */
  readonly shown: unknown[];
  readonly explanations: (LocalizedMessage | undefined)[];
  readonly cites: (readonly string[] | undefined)[];
  /** The JSON form of `shown`, made on first need. */
  readonly json: (JsonFactValue | undefined)[];
}

function jsonOf(subject: Subject, s: number): JsonFactValue {
  let json = subject.json[s];
  if (json === undefined) {
    const shown = subject.shown[s];
    // A list is already a frozen copy (readValue): shown as is.
    json = Array.isArray(shown) ? (shown as readonly string[]) : toJsonValue(shown);
    subject.json[s] = json;
  }
  return json;
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
      return isStringList(v) ? Object.freeze([...v]) : undefined;
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

/** Reads the facts the in-force rules use into `subject`; throws one error listing every bad one. */
function readFacts(program: Program, ctx: DateContext, facts: Facts, subject: Subject): void {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) {
    throw new PolicyEvalError([issue("invalid-facts", ["facts"], "事实集应为以事实名为键的对象", "Facts must be an object keyed by fact name")]);
  }
  let bad: PolicyEvalIssue[] | undefined;
  const used = ctx.usedFacts;
  for (let k = 0; k < used.length; k++) {
    const s = used[k] as number;
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
      subject.explanations[s] = { "zh-CN": explanation["zh-CN"], en: explanation.en };
    }
    const cites = (raw as FactValue).cites;
    if (cites !== undefined) {
      if (!isStringList(cites)) {
        (bad ??= []).push(badFact(name, declaration, raw, BAD_CITES));
        continue;
      }
      subject.cites[s] = cites.slice();
    }
    subject.values[s] = v;
    // Dates are shown as given ("2017-09"); decimals and lists in their checked form.
    subject.shown[s] = declaration.type === "decimal" || declaration.type === "stringList" ? v : given;
  }
  if (bad !== undefined) throw new PolicyEvalError(bad);
}

function isStringList(v: unknown): v is readonly string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

// ---------------------------------------------------------------------------
// The run's scratch: buffers reused from one call to the next.

/**
 * What a run works in. Kept on the program and reused by the next run on
 * it (a batch runs one compiled set 100k times); nothing in it outlives a
 * call — the result holds none of it — and it is reset at the start of each
 * run, so no result depends on what ran before. A run that starts while
 * another on the same program is under way (a fact getter calling
 * runRules) gets buffers of its own.
 */
interface Scratch {
  busy: boolean;
  readonly subject: Subject;
  /** Result code by node. */
  readonly res: Uint8Array;
  /** Status by rule. */
  readonly status: Uint8Array;
  /** Trace node by node, and whether it is a shared (frozen) one. */
  readonly built: TraceNode[];
  readonly shared: Uint8Array;
  /** markOverridden's stack (empty between uses). */
  readonly walk: number[];
  /** Work lists of reasonFor (grown as needed, never shrunk). */
  readonly stack: number[];
  readonly slots: number[];
  readonly seen: number[];
  readonly cites: string[];
  /** By rule: the ids of the exceptions that overrode it (markOverridden). */
  readonly overriddenBy: (readonly string[] | undefined)[];
  /** By rule: the nearest applicable rules at or below it (markOverridden). */
  readonly nearest: (readonly number[] | undefined)[];
  /** By rule: `[its index]`, frozen. */
  readonly selfLists: (readonly number[] | undefined)[];
}

function filled<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}

function newScratch(program: Program): Scratch {
  const n = program.facts.length;
  const nodes = program.kinds.length;
  const rules = program.rules.length;
  return {
    busy: false,
    subject: { values: filled(n, undefined), shown: filled(n, undefined), explanations: filled(n, undefined), cites: filled(n, undefined), json: filled(n, undefined) },
    res: new Uint8Array(nodes),
    status: new Uint8Array(rules),
    built: filled<TraceNode | undefined>(nodes, undefined) as TraceNode[],
    shared: new Uint8Array(nodes),
    walk: [],
    stack: [],
    slots: [],
    seen: [],
    cites: [],
    overriddenBy: filled(rules, undefined),
    nearest: filled(rules, undefined),
    selfLists: filled(rules, undefined),
  };
}

/** The program's scratch, reset and marked busy (or a fresh one when it is busy). */
function acquireScratch(program: Program): Scratch {
  let scratch = program.scratch as Scratch | undefined;
  if (scratch === undefined || scratch.busy) {
    const fresh = newScratch(program);
    if (scratch === undefined) program.scratch = fresh;
    fresh.busy = true;
    return fresh;
  }
  scratch.busy = true;
  const { values, shown, explanations, cites, json } = scratch.subject;
  for (let s = 0; s < values.length; s++) {
    values[s] = undefined;
    shown[s] = undefined;
    explanations[s] = undefined;
    cites[s] = undefined;
    json[s] = undefined;
  }
  scratch.res.fill(0);
  scratch.status.fill(0);
  return scratch;
}

// ---------------------------------------------------------------------------
// Evaluation.

/** Evaluates every node of the active segments, children before parents. */
function evaluateNodes(program: Program, ctx: DateContext, values: readonly unknown[], res: Uint8Array): void {
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
}

/**
 * Marks each applicable rule that has an applicable exception above it —
 * directly or through rules that do not apply, along any of an exception's
 * targets — as overridden, recording the nearest such exceptions (those
 * with no applicable rule between). The nearest applicable rules at or
 * below each rule are memoised (a rule with one target shares its target's
 * list), so even a 10k-rule chain costs linear time.
 */
function markOverridden(program: Program, status: Uint8Array, scratch: Scratch): readonly (readonly string[] | undefined)[] {
  const rules = program.rules;
  const overriddenBy = scratch.overriddenBy;
  const nearest = scratch.nearest;
  overriddenBy.fill(undefined);
  nearest.fill(undefined);
  const stack = scratch.walk;
  for (let e = 0; e < rules.length; e++) {
    const parents = (rules[e] as RuleSpec).parents;
    if (parents.length === 0 || (status[e] !== APPLIED && status[e] !== OVERRIDDEN)) continue;
    // Along each target: a rule reached along two of them is overridden once.
    for (let p = 0; p < parents.length; p++) {
      const targets = nearestApplicable(rules, status, parents[p] as number, nearest, stack, scratch.selfLists);
      for (let k = 0; k < targets.length; k++) overrideBy(program, overriddenBy, status, targets[k] as number, e);
    }
  }
  return overriddenBy;
}

/**
 * Records that exception `e` overrides rule `t` (once). A rule overridden
 * by one exception shows that exception's shared `[id]`; by more, a fresh
 * list in the order the exceptions come in the rule set.
 */
function overrideBy(program: Program, overriddenBy: (readonly string[] | undefined)[], status: Uint8Array, t: number, e: number): void {
  const id = (program.rules[e] as RuleSpec).id;
  const list = overriddenBy[t];
  if (list === undefined) overriddenBy[t] = program.shared.idLists[e] ??= Object.freeze([id]);
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
    if (status[r] === APPLIED || status[r] === OVERRIDDEN) {
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
 * exception graph (exceptions before the rules they override), each rule
 * gets the set of conclusion-sets the winners among it and its exceptions
 * may have (bits over the 32 subsets of the 5 conclusions), for every way
 * the unknown rules may turn out; the answer is settled when every possible
 * set gives the same outcome. An exception to several rules is counted in
 * each of their sets; combining them as if independent can only add
 * possibilities, never drop one, so a settled answer is never a guess (and
 * the property tests find it exact against enumeration). Also returns the
 * unknown rules with no applicable exception below them (those whose facts
 * matter).
 */
function analyseUnknowns(program: Program, status: Uint8Array): { settled: boolean; relevant: number[] } {
  const rules = program.rules;
  const possible = new Uint32Array(rules.length);
  const applicableBelow = new Uint8Array(rules.length);
  const relevant: number[] = [];
  let total = 1;
  const order = program.exceptionOrder;
  for (let o = 0; o < order.length; o++) {
    const r = order[o] as number;
    let set = 1;
    let below = 0;
    const exceptions = program.exceptions[r] as readonly number[];
    for (let k = 0; k < exceptions.length; k++) {
      const c = exceptions[k] as number;
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
    if ((rules[r] as RuleSpec).parents.length === 0) total = combineOutcomes(total, set);
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

/** What kept an undetermined answer open. */
interface OpenQuestions {
  readonly missing: Set<string>;
  readonly uncertain: Set<string>;
  readonly parameters: Set<string>;
  /** Rule indexes. */
  readonly rules: Set<number>;
}

/**
 * Walks down the unknown nodes of the relevant rules to what made them
 * unknown: missing facts, facts too imprecise (partial dates), parameters
 * changing within a partial evaluation date; and names the relevant rules
 * whose being in force on the date is uncertain.
 */
function collectOpenQuestions(
  program: Program,
  ctx: DateContext,
  res: Uint8Array,
  values: readonly unknown[],
  relevant: readonly number[],
  open: OpenQuestions,
): void {
  const seenNamed = new Uint8Array(program.named.length);
  for (const r of relevant) if (ctx.inForce[r] === MAYBE_IN_FORCE) open.rules.add(r);
  const stack: number[] = relevant.map((r) => (program.rules[r] as Segment).end - 1);
  const nameOf = (s: number): string => (program.facts[s] as FactSlot).name;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (res[i] !== UNKNOWN) continue;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = program.leaves[i] as LeafSpec;
      const right = leaf.right;
      const rightSlot = right.kind === "fact" ? right.slot : -1;
      const leftMissing = values[leaf.slot] === undefined;
      const rightMissing = rightSlot >= 0 && values[rightSlot] === undefined;
      if (leftMissing) open.missing.add(nameOf(leaf.slot));
      if (rightMissing) open.missing.add(nameOf(rightSlot));
      if (leftMissing || rightMissing) continue;
      const candidates = right.kind === "parameter" ? ctx.paramValues[right.index] : undefined;
      if (right.kind === "parameter" && candidates instanceof ParameterCandidates) {
        open.parameters.add((program.params[right.index] as ParameterSpec).name);
        // The fact is too imprecise as well if one candidate alone cannot settle the comparison.
        const compare = leaf.compare as Compare;
        if (candidates.values.some((v) => v !== undefined && compare(values[leaf.slot], v) === UNKNOWN)) open.uncertain.add(nameOf(leaf.slot));
        continue;
      }
      // Both known: a partial date too imprecise to settle the comparison.
      open.uncertain.add(nameOf(leaf.slot));
      if (rightSlot >= 0) open.uncertain.add(nameOf(rightSlot));
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

/** Whether `list[0..n)` holds `x`. */
function holds(list: readonly number[], n: number, x: number): boolean {
  for (let k = 0; k < n; k++) if (list[k] === x) return true;
  return false;
}

/** Adds `cite` to `found[0..n)` unless it is there; returns the new count. */
function addCite(found: string[], n: number, cite: string): number {
  for (let k = 0; k < n; k++) if (found[k] === cite) return n;
  found[n] = cite;
  return n + 1;
}

/** A winner's reason: the fact leaves whose results made its condition true. */
function reasonFor(program: Program, r: number, res: Uint8Array, subject: Subject, scratch: Scratch): Reason {
  const rule = program.rules[r] as RuleSpec;
  const { stack, slots, seen } = scratch;
  let top = 0;
  let nSlots = 0;
  let nSeen = 0;
  const values = subject.values;
  // Each entry: a node and the result that supports the conclusion there
  // (under a `not`, the parts that were false).
  stack[top++] = rule.end - 1;
  stack[top++] = TRUE;
  while (top > 0) {
    const want = stack[--top] as number;
    const i = stack[--top] as number;
    if (res[i] !== want) continue;
    const kind = program.kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = program.leaves[i] as LeafSpec;
      if (values[leaf.slot] !== undefined && !holds(slots, nSlots, leaf.slot)) slots[nSlots++] = leaf.slot;
      const right = leaf.right;
      if (right.kind === "fact" && values[right.slot] !== undefined && !holds(slots, nSlots, right.slot)) slots[nSlots++] = right.slot;
    } else if (kind === NODE_REF) {
      const key = (program.refTarget[i] as number) * 4 + want;
      if (!holds(seen, nSeen, key)) {
        seen[nSeen++] = key;
        stack[top++] = (program.named[program.refTarget[i] as number] as Segment).end - 1;
        stack[top++] = want;
      }
    } else {
      const next = kind === NODE_NOT ? (want === TRUE ? FALSE : TRUE) : want;
      const from = program.childStart[i] as number;
      for (let k = from + (program.childCount[i] as number) - 1; k >= from; k--) {
        stack[top++] = program.childList[k] as number;
        stack[top++] = next;
      }
    }
  }
  // Cites gathered in the scratch, then copied at their size (an array grown by push reserves room for 17).
  const found = scratch.cites;
  let nCites = 0;
  // Indexed loops: the lists are frozen, and for…of over a frozen array allocates an iterator here.
  for (let k = 0; k < rule.basis.length; k++) nCites = addCite(found, nCites, (rule.basis[k] as Basis).document);
  const facts = new Array<ReasonFact>(nSlots);
  for (let k = 0; k < nSlots; k++) {
    const s = slots[k] as number;
    const explanation = subject.explanations[s];
    const factCites = subject.cites[s];
    const name = (program.facts[s] as FactSlot).name;
    const value = jsonOf(subject, s);
    if (factCites !== undefined) for (let c = 0; c < factCites.length; c++) nCites = addCite(found, nCites, factCites[c] as string);
    facts[k] =
      explanation === undefined
        ? factCites === undefined
          ? { name, value }
          : { name, value, cites: factCites }
        : factCites === undefined
          ? { name, value, explanation }
          : { name, value, explanation, cites: factCites };
  }
  const cites = found.slice(0, nCites);
  const { id, conclusion, ground, reason, basis } = rule;
  return ground === undefined
    ? { rule: id, conclusion, message: reason.en, messages: reason, basis, facts, cites }
    : { rule: id, conclusion, ground, message: reason.en, messages: reason, basis, facts, cites };
}

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
 *   through other rules, an exception to it (an exception may name several
 *   rules: it overrides each). The winners are the applicable rules not
 *   overridden.
 * - Winners that agree give their conclusion, with one reason each; winners
 *   that disagree give `conflict` — never settled by order or priority.
 * - `undetermined` when no rule applies, and also when a rule whose
 *   condition is unknown could change the answer if it held (an exception,
 *   through any of its targets, to a winner; or a rule at the winners' level
 *   — neither an exception to a winner nor overridden by one — with another
 *   conclusion): the answer would be a guess, so the result names what is
 *   missing instead. Unknown rules that could not change the answer are
 *   ignored.
 * - The date may be partial (`'2021'`, `'2021-08'`): it stands for any of
 *   its days, and nothing is guessed. A rule (or the rule set) in force on
 *   some of those days only is treated like a rule whose condition is
 *   unknown (`inForce: "uncertain"` in the trace, named in `uncertainRules`
 *   if it could change the answer); a parameter whose value changes within
 *   the date settles a comparison only if every value it may have agrees
 *   (else `uncertainParameters` names it). A date wholly outside the rule
 *   set's validity is an error.
 *
 * Only the facts the in-force rules read are looked at; others are ignored.
 * The result is read-only: parts of it (bases, reason texts, literal and
 * parameter operands, and the trace's nodes, rule and condition entries and
 * `overriddenBy` lists that look the same from one subject to the next) are
 * frozen and shared between results; nothing in it aliases the caller's
 * facts. A batch over one compiled set thus allocates little per subject;
 * what is shared never depends on what ran before (a shared part is only
 * used where a fresh one would be equal to it).
 *
 * @param compiled - a rule set from {@link validateRuleSet}
 * @param facts - the subject's facts; an absent fact is missing, never false
 * @param options - `date`: the evaluation date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
 * @returns `{ conclusion, reasons, missingFacts, uncertainFacts,
 *   uncertainParameters, uncertainRules, conflict?, trace }`
 * @throws {@link PolicyEvalError} `rule-set-not-in-force` when every day of
 *   the date is outside the rule set's validity; `invalid-fact-value` for
 *   every fact whose value does not fit its type; `parameter-not-in-force`
 *   when a rule possibly in force reads a parameter with no value on any day
 *   of the date; `invalid-date`; `rule-set-not-compiled` when `compiled` did
 *   not come from validateRuleSet
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
 * // The reference report is dated only to the year: 2021 is wholly inside every validity here.
 * const year = runRules(rules, { parentsInForce: { value: true }, effectsMet: { value: true }, parentAmended: { value: false } }, { date: "2021" });
 * year.conclusion; //=> "continue"
 * year.trace.date; //=> "2021"
 * ```
 */
export function runRules(compiled: CompiledRuleSet, facts: Facts, options: RunRulesOptions): RulesResult {
  const program = programOf(compiled);
  if (program === undefined) {
    throw new PolicyEvalError([
      issue("rule-set-not-compiled", [], "规则集未经编译：请先调用 validateRuleSet", "The rule set is not compiled: pass the result of validateRuleSet"),
    ]);
  }
  const ctx = dateContext(compiled, program, (options as RunRulesOptions | undefined)?.date as PartialDate);
  if (ctx.issues.length > 0) throw new PolicyEvalError(ctx.issues);
  const scratch = acquireScratch(program);
  try {
    return run(program, ctx, facts, scratch);
  } finally {
    scratch.busy = false;
  }
}

function run(program: Program, ctx: DateContext, facts: Facts, scratch: Scratch): RulesResult {
  const subject = scratch.subject;
  readFacts(program, ctx, facts, subject);
  const res = scratch.res;
  evaluateNodes(program, ctx, subject.values, res);

  // Rule statuses and exceptions.
  const rules = program.rules;
  const status = scratch.status; // all notInForce until evaluated
  let unsettled = false;
  let exceptionApplies = false;
  const maybe = ctx.anyMaybe ? ctx.inForce : undefined;
  const active = ctx.activeRules;
  for (let k = 0; k < active.length; k++) {
    const r = active[k] as number;
    const rule = rules[r] as RuleSpec;
    const code = res[rule.end - 1];
    if (code === FALSE) {
      status[r] = NOT_APPLICABLE;
    } else if (code === UNKNOWN || maybe?.[r] === MAYBE_IN_FORCE) {
      // A rule that holds but may not be in force on the date is treated like one whose condition is unknown.
      status[r] = UNSETTLED;
      unsettled = true;
    } else {
      status[r] = APPLIED;
      if (rule.parents.length > 0) exceptionApplies = true;
    }
  }
  const overriddenBy = exceptionApplies ? markOverridden(program, status, scratch) : undefined;

  let winnerMask = 0;
  let winnerCount = 0;
  for (let k = 0; k < active.length; k++) {
    const r = active[k] as number;
    if (status[r] === APPLIED) {
      winnerCount++;
      winnerMask |= 1 << (rules[r] as RuleSpec).conclusionIndex;
    }
  }
  let conclusion: ResultConclusion;
  let open: OpenQuestions | undefined;
  const analysis = unsettled ? analyseUnknowns(program, status) : undefined;
  if (analysis !== undefined && !analysis.settled) {
    conclusion = "undetermined";
    open = { missing: new Set(), uncertain: new Set(), parameters: new Set(), rules: new Set() };
    collectOpenQuestions(program, ctx, res, subject.values, analysis.relevant, open);
  } else {
    const cls = outcomeClass(winnerMask);
    conclusion = cls === -1 ? "undetermined" : cls === 99 ? "conflict" : (RULE_CONCLUSIONS[cls] as RuleConclusion);
  }
  const reasons: Reason[] = conclusion === "undetermined" ? [] : new Array<Reason>(winnerCount);
  const winners: string[] = conclusion === "conflict" ? new Array<string>(winnerCount) : [];
  if (conclusion !== "undetermined") {
    let w = 0;
    for (let k = 0; k < active.length; k++) {
      const r = active[k] as number;
      if (status[r] !== APPLIED) continue;
      if (conclusion === "conflict") winners[w] = (rules[r] as RuleSpec).id;
      reasons[w++] = reasonFor(program, r, res, subject, scratch);
    }
  }

  const trace = buildTrace(program, ctx, conclusion, res, subject, status, overriddenBy, scratch);
  const missingFacts = sortedOrEmpty(open?.missing);
  const uncertainFacts = sortedOrEmpty(open?.uncertain);
  const uncertainParameters = sortedOrEmpty(open?.parameters);
  // Rule-set order: the order a reader meets them in the trace.
  const uncertainRules = open === undefined || open.rules.size === 0 ? EMPTY : [...open.rules].sort((a, b) => a - b).map((r) => (rules[r] as RuleSpec).id);
  if (conclusion === "conflict") {
    const conflict: RulesConflict = {
      rules: winners,
      conclusions: RULE_CONCLUSIONS.filter((_, i) => (winnerMask & (1 << i)) !== 0),
    };
    return { conclusion, reasons, conflict, missingFacts, uncertainFacts, uncertainParameters, uncertainRules, trace };
  }
  if (conclusion === "undetermined") return { conclusion, reasons: EMPTY as readonly [], missingFacts, uncertainFacts, uncertainParameters, uncertainRules, trace };
  return { conclusion, reasons: reasons as unknown as readonly [Reason, ...Reason[]], missingFacts, uncertainFacts, uncertainParameters, uncertainRules, trace };
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
 * Which shared variant a comparison's trace node is, or -1 when it must be
 * built afresh. Shared are comparisons whose right side is a literal or
 * nothing, and that were not evaluated (0), or are on a missing fact (the
 * code), a boolean (4 + code for true, 8 + code for false) or an enum value
 * (12 + 4 × its index + code): their node depends only on those. (A
 * comparison with a parameter is shared per date: see parameterLeaves.)
 */
function leafVariant(program: Program, leaf: LeafSpec, code: number, value: unknown): number {
  if (code === 0) return 0;
  if (value === undefined) return code;
  if (value === true) return 4 + code;
  if (value === false) return 8 + code;
  const declaration = (program.facts[leaf.slot] as FactSlot).declaration;
  if (declaration.type !== "enum") return -1;
  const k = (declaration.values as readonly string[]).indexOf(value as string);
  return k < 0 ? -1 : 12 + 4 * k + code;
}

/** The shared trace node of a comparison, or undefined when it must be built afresh. */
function sharedLeaf(program: Program, ctx: DateContext, i: number, leaf: LeafSpec, code: number, subject: Subject): TraceNode | undefined {
  const kind = leaf.right.kind;
  if (kind === "fact") return undefined;
  const value = subject.values[leaf.slot];
  if (kind === "parameter") {
    if (code !== 0 && value !== undefined) return undefined;
    return (ctx.parameterLeaves[i * 4 + code] ??= Object.freeze(leafNode(leaf, code, subject, ctx, program.facts)));
  }
  const variant = leafVariant(program, leaf, code, value);
  if (variant < 0) return undefined;
  const variants = (program.shared.nodes[i] ??= []);
  return (variants[variant] ??= Object.freeze(leafNode(leaf, code, subject, ctx, program.facts)));
}

/** A comparison's trace node. */
function leafNode(leaf: LeafSpec, code: number, subject: Subject, ctx: DateContext, facts: Program["facts"]): TraceNode {
  const values = subject.values;
  const evaluated = code !== 0;
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
  if (code === UNKNOWN && node.missing === undefined && !rightMissing) node.uncertain = true;
  return node;
}

/**
 * How many shared combinations (of a node's children, or of a rule's parts)
 * are kept per node and result code, or per rule and status: the first ones
 * seen. Others are built afresh each time (and equal to what sharing would
 * give).
 */
const SHARED_PER_KEY = 4;

/**
 * The trace of one segment. Nodes come in post-order, so each node's
 * children are already built (in `built`, by node index): no recursion.
 * Nodes that look the same for every subject with the same results are
 * frozen and shared (`program.shared.nodes`); `shared` marks them, and a
 * combination whose parts are all shared is shared too.
 */
function buildTree(program: Program, seg: Segment, res: Uint8Array, subject: Subject, ctx: DateContext, built: TraceNode[], shared: Uint8Array): TraceNode {
  const { kinds, leaves, childStart, childCount, childList } = program;
  const nodes = program.shared.nodes;
  for (let i = seg.start; i < seg.end; i++) {
    const code = res[i] as number;
    const kind = kinds[i];
    if (kind === NODE_LEAF) {
      const leaf = leaves[i] as LeafSpec;
      const node = sharedLeaf(program, ctx, i, leaf, code, subject);
      if (node === undefined) {
        built[i] = leafNode(leaf, code, subject, ctx, program.facts);
        shared[i] = 0;
      } else {
        built[i] = node;
        shared[i] = 1;
      }
    } else if (kind === NODE_REF) {
      const variants = (nodes[i] ??= []);
      built[i] = variants[code] ??= Object.freeze({
        kind: "condition",
        name: (program.named[program.refTarget[i] as number] as NamedSpec).name,
        result: resultOf(code),
        evaluated: code !== 0,
      });
      shared[i] = 1;
    } else {
      const from = childStart[i] as number;
      const n = childCount[i] as number;
      let allShared = true;
      for (let k = 0; k < n; k++) if (shared[childList[from + k] as number] !== 1) allShared = false;
      // Up to SHARED_PER_KEY combinations of shared children are kept per result code.
      const variants = (nodes[i] ??= []);
      let free = -1;
      if (allShared) {
        let found: TraceNode | undefined;
        for (let v = code * SHARED_PER_KEY; v < (code + 1) * SHARED_PER_KEY && found === undefined; v++) {
          const cached = variants[v] as Extract<TraceNode, { children: unknown }> | undefined;
          if (cached === undefined) {
            if (free < 0) free = v;
            continue;
          }
          let same = true;
          for (let k = 0; k < n && same; k++) if (cached.children[k] !== built[childList[from + k] as number]) same = false;
          if (same) found = cached;
        }
        if (found !== undefined) {
          built[i] = found;
          shared[i] = 1;
          continue;
        }
      }
      const children = new Array<TraceNode>(n);
      for (let k = 0; k < n; k++) children[k] = built[childList[from + k] as number] as TraceNode;
      const node: TraceNode = { kind: kind === NODE_ALL ? "all" : kind === NODE_ANY ? "any" : "not", result: resultOf(code), evaluated: code !== 0, children };
      if (allShared) {
        Object.freeze(children);
        Object.freeze(node);
        if (free >= 0) variants[free] = node;
      }
      shared[i] = allShared ? 1 : 0;
      built[i] = node;
    }
  }
  return built[seg.end - 1] as TraceNode;
}

/** A fact the run read, as the trace shows it; a missing one's entry is shared. */
function traceFact(program: Program, subject: Subject, s: number): TraceFact {
  const slot = program.facts[s] as FactSlot;
  if (subject.values[s] === undefined) return (program.shared.missingFacts[s] ??= Object.freeze({ name: slot.name, type: slot.declaration.type, missing: true }));
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
function traceRule(program: Program, ctx: DateContext, r: number, st: number, overriddenBy: readonly string[], when: TraceNode, whenShared: boolean): TraceRule {
  const rule = program.rules[r] as RuleSpec;
  const code = ctx.inForce[r];
  const inForce = code === IN_FORCE ? true : code === NOT_IN_FORCE ? false : "uncertain";
  const at = (r * STATUS_NAMES.length + st) * SHARED_PER_KEY;
  const kept = program.shared.rules;
  let free = -1;
  for (let v = at; v < at + SHARED_PER_KEY; v++) {
    const cached = kept[v];
    if (cached === undefined) {
      if (free < 0) free = v;
    } else if (cached.when === when && cached.overriddenBy === overriddenBy && cached.inForce === inForce) return cached;
  }
  // Keys in reading order: what the rule is, what became of it, why, then its condition.
  const entry: { -readonly [K in keyof TraceRule]?: TraceRule[K] } = { id: rule.id };
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
    if (free >= 0) kept[free] = entry as TraceRule;
  }
  return entry as TraceRule;
}

/** A named condition's trace entry, shared like a rule's. */
function traceCondition(program: Program, n: number, evaluated: boolean, when: TraceNode, whenShared: boolean): TraceCondition {
  const at = (n * 2 + (evaluated ? 1 : 0)) * SHARED_PER_KEY;
  const kept = program.shared.conditions;
  let free = -1;
  for (let v = at; v < at + SHARED_PER_KEY; v++) {
    const cached = kept[v];
    if (cached === undefined) {
      if (free < 0) free = v;
    } else if (cached.when === when) return cached;
  }
  const entry: TraceCondition = { name: (program.named[n] as NamedSpec).name, result: when.result, evaluated, when };
  if (whenShared) {
    Object.freeze(entry);
    if (free >= 0) kept[free] = entry;
  }
  return entry;
}

function buildTrace(
  program: Program,
  ctx: DateContext,
  conclusion: ResultConclusion,
  res: Uint8Array,
  subject: Subject,
  status: Uint8Array,
  overriddenBy: readonly (readonly string[] | undefined)[] | undefined,
  scratch: Scratch,
): Trace {
  const used = ctx.usedFacts;
  const facts = new Array<TraceFact>(used.length);
  for (let k = 0; k < used.length; k++) facts[k] = traceFact(program, subject, used[k] as number);
  const { built, shared } = scratch;
  const named = program.named;
  const conditions = new Array<TraceCondition>(named.length);
  for (let n = 0; n < named.length; n++) {
    const seg = named[n] as NamedSpec;
    const when = buildTree(program, seg, res, subject, ctx, built, shared);
    conditions[n] = traceCondition(program, n, ctx.namedActive[n] === 1, when, shared[seg.end - 1] === 1);
  }
  const rules = new Array<TraceRule>(program.rules.length);
  for (let r = 0; r < rules.length; r++) {
    const rule = program.rules[r] as RuleSpec;
    const when = buildTree(program, rule, res, subject, ctx, built, shared);
    rules[r] = traceRule(program, ctx, r, status[r] as number, overriddenBy?.[r] ?? EMPTY, when, shared[rule.end - 1] === 1);
  }
  return {
    version: TRACE_VERSION,
    ruleSet: ctx.traceRuleSet,
    date: ctx.date,
    conclusion,
    facts,
    parameters: ctx.traceParameters,
    conditions,
    rules,
  };
}
