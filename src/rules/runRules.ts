/**
 * 规则推理 — runs a compiled rule set on one subject's facts: three-valued
 * conditions, Catala-style default logic (exceptions override the rule they
 * are an exception to; disagreeing winners are a conflict, never settled by
 * order), an honest `undetermined` when missing facts could change the
 * answer, and a full trace.
 *
 * This file puts the engine's parts together, in the order a run uses them:
 * the date (src/rules/dateContext.ts), the facts (src/rules/factAccess.ts),
 * the evaluation loop (src/rules/evaluationLoop.ts), exceptions
 * (src/rules/exceptions.ts), the unknowns (src/rules/outcomes.ts,
 * src/rules/openQuestions.ts), the reasons (src/rules/reasons.ts) and the
 * trace (src/rules/traceBuild.ts). What it computes is stated plainly by the
 * reference interpreter, src/rules/reference.ts, which the differential
 * tests hold it equal to.
 *
 * @module
 */
import { PolicyEvalError } from "../errors.js";
import type { PartialDate } from "../dates/index.js";
import { dateContext, type DateContext } from "./dateContext.js";
import type { Engine } from "./engineState.js";
import { readFacts, type Subject } from "./factAccess.js";
import type { Facts } from "./factTypes.js";
import { evaluateNodes, ruleStatuses, SOME_EXCEPTION_APPLIES, SOME_UNSETTLED } from "./evaluationLoop.js";
import { markOverridden } from "./exceptions.js";
import { notCompiledIssue } from "./issues.js";
import { collectOpenQuestions, type OpenQuestions } from "./openQuestions.js";
import { analyseUnknowns } from "./outcomes.js";
import { APPLIED, type Program, type RuleSpec } from "./program.js";
import { reasonFor } from "./reasons.js";
import type { Reason, RulesConflict, RulesResult, RunRulesOptions } from "./results.js";
import { acquireScratch, type Scratch } from "./scratch.js";
import { buildTrace } from "./traceBuild.js";
import { engineOf, type CompiledRuleSet } from "./validateRuleSet.js";

/** The one frozen empty list results share. */
const EMPTY: readonly never[] = Object.freeze([]);

/**
 * 运行规则 — evaluates a compiled rule set on one subject's facts at a date.
 *
 * Semantics (Catala's default logic, three-valued; stated plainly, as code,
 * by the reference interpreter src/rules/reference.ts):
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
 * The conclusions are those of the rule set's vocabulary (its
 * `conclusions`, by default {@link RULE_CONCLUSIONS}); a conflict lists the
 * winners' conclusions in that vocabulary's order. The result is typed with
 * the default vocabulary: a result of a set with its own is a
 * `RulesResult<string, string>` (assign it to one).
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
  const engine = engineOf(compiled);
  if (engine === undefined) throw new PolicyEvalError([notCompiledIssue()]);
  const ctx = dateContext(compiled, engine.program, engine.state.dates, (options as RunRulesOptions | undefined)?.date as PartialDate);
  if (ctx.issues.length > 0) throw new PolicyEvalError(ctx.issues);
  const scratch = acquireScratch(engine.state, engine.program);
  try {
    // Typed with the default vocabulary (see validateRuleSet); the conclusions are the set's own.
    return run(engine, ctx, facts, scratch) as RulesResult;
  } finally {
    scratch.busy = false;
  }
}

/** The class of the winners' conclusions: none, the one they share, or a disagreement. */
const NO_WINNER = -1;
const WINNERS_DISAGREE = -2;

/** The class of the winners' conclusions: the index of the one they share, NO_WINNER or WINNERS_DISAGREE. */
function winnerClass(rules: readonly RuleSpec[], active: readonly number[], status: Uint8Array): number {
  let cls = NO_WINNER;
  for (let k = 0; k < active.length; k++) {
    const r = active[k] as number;
    if (status[r] !== APPLIED) continue;
    const c = (rules[r] as RuleSpec).conclusionIndex;
    cls = cls === NO_WINNER || cls === c ? c : WINNERS_DISAGREE;
  }
  return cls;
}

/** One reason per winner, in rule order. */
function reasonsOf(program: Program, active: readonly number[], res: Uint8Array, subject: Subject, scratch: Scratch): Reason<string, string>[] {
  const status = scratch.status;
  let count = 0;
  for (let k = 0; k < active.length; k++) if (status[active[k] as number] === APPLIED) count++;
  // Sized once: an array grown by push from empty reserves room for 17.
  const reasons = new Array<Reason<string, string>>(count);
  let w = 0;
  for (let k = 0; k < active.length; k++) {
    const r = active[k] as number;
    if (status[r] === APPLIED) reasons[w++] = reasonFor(program, r, res, subject, scratch);
  }
  return reasons;
}

/** The distinct conclusions of the winners, in the vocabulary's order. */
function conflictOf(engine: Engine, active: readonly number[], status: Uint8Array): RulesConflict<string> {
  const { rules, conclusions } = engine.program;
  const ids: string[] = [];
  const seen = new Set<number>();
  for (const r of active) {
    if (status[r] !== APPLIED) continue;
    ids.push((rules[r] as RuleSpec).id);
    seen.add((rules[r] as RuleSpec).conclusionIndex);
  }
  return { rules: ids, conclusions: [...seen].sort((a, b) => a - b).map((i) => conclusions[i] as string) };
}

function sortedOrEmpty(set: Set<string> | undefined): readonly string[] {
  return set === undefined || set.size === 0 ? EMPTY : [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function run(engine: Engine, ctx: DateContext, facts: Facts, scratch: Scratch): RulesResult<string, string> {
  const { program, state } = engine;
  const { subject, res, status } = scratch; // every status notInForce until evaluated
  readFacts(program.facts, ctx.usedFacts, facts, subject);
  evaluateNodes(program, ctx, subject.values, res);
  const flags = ruleStatuses(program, ctx, res, status);
  const overriddenBy = (flags & SOME_EXCEPTION_APPLIES) !== 0 ? markOverridden(program, status, scratch, state.shared.idLists) : undefined;
  const active = ctx.activeRules;
  let open: OpenQuestions | undefined;
  if ((flags & SOME_UNSETTLED) !== 0) {
    const analysis = analyseUnknowns(program, status, scratch.classes);
    if (!analysis.settled) open = collectOpenQuestions(program, ctx, res, subject.values, analysis.relevant);
  }
  const cls = open === undefined ? winnerClass(program.rules, active, status) : NO_WINNER;
  const conclusion = cls === NO_WINNER ? "undetermined" : cls === WINNERS_DISAGREE ? "conflict" : (program.conclusions[cls] as string);
  const reasons = conclusion === "undetermined" ? EMPTY : reasonsOf(program, active, res, subject, scratch);
  const trace = buildTrace(program, state.shared, ctx, { conclusion, status, overriddenBy }, res, subject, scratch);
  const missingFacts = sortedOrEmpty(open?.missing);
  const uncertainFacts = sortedOrEmpty(open?.uncertain);
  const uncertainParameters = sortedOrEmpty(open?.parameters);
  // Rule-set order: the order a reader meets them in the trace.
  const uncertainRules = open === undefined || open.rules.size === 0 ? EMPTY : [...open.rules].sort((a, b) => a - b).map((r) => (program.rules[r] as RuleSpec).id);
  if (conclusion === "conflict") {
    const conflict = conflictOf(engine, active, status);
    return { conclusion, reasons, conflict, missingFacts, uncertainFacts, uncertainParameters, uncertainRules, trace };
  }
  if (conclusion === "undetermined") return { conclusion, reasons: EMPTY as readonly [], missingFacts, uncertainFacts, uncertainParameters, uncertainRules, trace };
  const winning = reasons as unknown as readonly [Reason<string, string>, ...Reason<string, string>[]];
  return { conclusion, reasons: winning, missingFacts, uncertainFacts, uncertainParameters, uncertainRules, trace };
}
