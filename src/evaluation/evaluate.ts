/**
 * 评估结论 — from a document, its parents' status, its measures, indicators
 * and the evaluators' findings, derive the conclusion with the reasons and a
 * trace that cites the documents and articles it rests on.
 *
 * @module
 */
import { safeCreateCorpus, type Corpus } from "../corpus/index.js";
import { isPartialDate } from "../dates/partialDate.js";
import { createIssue, PolicyEvalError, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { safeParseIndicators, safeParseObservations, type Indicator, type Observation } from "../indicators/schemas.js";
import { isQuantity } from "../quantities/quantity.js";
import { RULE_CONCLUSIONS, runRules, safeValidateRuleSet, validateRuleSet, type CompiledRuleSet, type Facts, type RulesResult } from "../rules/index.js";
import { isNonBlankText, issueAt, safeParseSchema } from "../schema-issues.js";
import { deriveFactsOnly, EVALUATION_FACTS } from "./facts.js";
import { GUANGDONG_RULE_SET } from "./guangdongRules.js";
import { CRITERIA, ENDING_GROUNDS, EvaluationSchema, RATINGS, toCriterion, type Criterion, type Evaluation } from "./schema.js";

/** What {@link evaluate} needs. */
export interface EvaluateInput {
  /** The catalogue holding the subject and its parents: a built corpus (reuse it across subjects) or its documents. */
  readonly corpus: Corpus | readonly unknown[];
  /** The evaluation record (validated by `EvaluationSchema`). */
  readonly evaluation: unknown;
  /** Indicators, for achievement against targets: parsed ones (from `parseIndicators`), or inputs to validate. */
  readonly indicators?: readonly unknown[] | undefined;
  /** Observations of those indicators: parsed ones (from `parseObservations`), or inputs to validate. */
  readonly observations?: readonly unknown[] | undefined;
  /** Extra facts for custom rules; they override derived facts of the same name. */
  readonly facts?: Facts | undefined;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * The rule set: a compiled one (from `validateRuleSet(…, { facts: EVALUATION_FACTS })`,
   * reused across subjects) or a rule set to validate. Default: {@link GUANGDONG_RULE_SET}.
   */
  readonly rules?: CompiledRuleSet | unknown;
}

/**
 * 评估结果 — the rules' answer (`conclusion`, `reasons`, `trace`,
 * `missingFacts`, …) with the subject, the date and the facts derived.
 */
export type EvaluationResult = RulesResult & {
  /** The evaluated document's id. */
  readonly subject: string;
  /** The evaluation date (as precise as the record gives it). */
  readonly evaluatedOn: Evaluation["evaluatedOn"];
  /** The facts the rules read, as derived (only those are derived), with any given in `input.facts`. */
  readonly facts: Facts;
  /** The validated evaluation record. */
  readonly evaluation: Evaluation;
};

let defaultCompiled: CompiledRuleSet | undefined;

/** The default rule set, compiled once (it is a constant). */
function defaultRules(): CompiledRuleSet {
  defaultCompiled ??= validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS });
  return defaultCompiled;
}

function isCompiled(value: unknown): value is CompiledRuleSet {
  return typeof value === "object" && value !== null && "ruleSet" in value && "facts" in value && "warnings" in value;
}

/**
 * 评估 — derives the facts of the evaluation's subject on its evaluation date
 * and runs the rules on them.
 *
 * The result's `conclusion` is one of `continue`, `extend`, `revise`,
 * `repeal`, `declareExpired`, or `undetermined` (facts missing; see
 * `missingFacts`) or `conflict` (two rules at one level disagree; never
 * settled by order). Each reason cites its legal basis and the documents its
 * facts rest on; the trace shows every rule and condition with the values it
 * saw.
 *
 * @param input - the catalogue, the evaluation record, and optionally indicators, observations and extra facts
 * @param options - `rules`: a compiled or plain rule set (Guangdong's default otherwise)
 * @returns the result
 * @throws {@link PolicyEvalError} listing every problem of the input (the
 *   record, indicators, observations, an unknown subject, bad rules)
 *
 * @example
 * ```ts
 * import { evaluate } from "policy-eval";
 * import { qingyuanDocuments, qingyuanEvaluation } from "policy-eval/examples";
 * const result = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
 * result.conclusion; //=> "continue"
 * result.reasons[0]?.cites.includes("国办发〔2016〕13号"); //=> true
 * ```
 */
export function evaluate(input: EvaluateInput, options?: EvaluateOptions | undefined): EvaluationResult {
  const issues: PolicyEvalIssue[] = [];
  // A failed catalogue's warnings are not problems of the evaluation.
  const corpus = Array.isArray(input.corpus) ? valueOrIssues(safeCreateCorpus(input.corpus), "corpus", issues, true) : (input.corpus as Corpus);
  // Ordinary records skip zod (see fastEvaluation); anything unusual, and every invalid one, goes through it.
  let evaluation = fastEvaluation(input.evaluation);
  if (evaluation === undefined) {
    const parsed = safeParseSchema(EvaluationSchema, input.evaluation, ["evaluation"]);
    if (parsed.success) evaluation = parsed.data;
    else issues.push(...parsed.error.issues);
  }
  const indicators =
    input.indicators === undefined || isParsedIndicators(input.indicators)
      ? (input.indicators as readonly Indicator[] | undefined)
      : valueOrIssues(safeParseIndicators(input.indicators), "indicators", issues);
  const observations =
    input.observations === undefined || isParsedObservations(input.observations)
      ? (input.observations as readonly Observation[] | undefined)
      : valueOrIssues(safeParseObservations(input.observations), "observations", issues);
  const rules =
    options?.rules === undefined
      ? defaultRules()
      : isCompiled(options.rules)
        ? options.rules
        : valueOrIssues(safeValidateRuleSet(options.rules, { facts: EVALUATION_FACTS }), "rules", issues);
  if (evaluation !== undefined && corpus !== undefined && !corpus.has(evaluation.subject)) {
    issues.push(
      createIssue(
        "unknown-document",
        ["evaluation", "subject"],
        { "zh-CN": `目录中没有被评估文件 ${evaluation.subject}`, en: `The subject ${evaluation.subject} is not in the catalogue` },
        { params: { id: evaluation.subject } },
      ),
    );
  }
  if (issues.length > 0 || evaluation === undefined || corpus === undefined || rules === undefined) throw new PolicyEvalError(issues);

  // Only the facts the rules read are derived (a rule set names them when compiled).
  const derived = deriveFactsOnly(corpus, evaluation, indicators === undefined || indicators.length === 0 ? undefined : { indicators, observations: observations ?? [] }, rules.facts);
  const facts = input.facts === undefined ? derived : { ...derived, ...input.facts };
  const result = runRules(rules, facts, { date: evaluation.evaluatedOn });
  // Built field by field: spreading the engine's result (three shapes) goes through a slow generic copy.
  const out = {
    conclusion: result.conclusion,
    reasons: result.reasons,
    missingFacts: result.missingFacts,
    uncertainFacts: result.uncertainFacts,
    uncertainParameters: result.uncertainParameters,
    uncertainRules: result.uncertainRules,
    trace: result.trace,
    subject: evaluation.subject,
    evaluatedOn: evaluation.evaluatedOn,
    facts,
    evaluation,
  };
  return (result.conclusion === "conflict" ? { ...out, conflict: result.conflict } : out) as EvaluationResult;
}

/**
 * Like {@link evaluate}, returning the error instead of throwing it.
 *
 * @param input - see {@link evaluate}
 * @param options - see {@link evaluate}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeEvaluate } from "policy-eval";
 * import { qingyuanDocuments } from "policy-eval/examples";
 * const result = safeEvaluate({ corpus: qingyuanDocuments, evaluation: { subject: "nope", evaluatedOn: "2021" } });
 * result.success; //=> false
 * ```
 */
export function safeEvaluate(input: EvaluateInput, options?: EvaluateOptions | undefined): SafeResult<EvaluationResult> {
  try {
    return { success: true, data: evaluate(input, options) };
  } catch (error) {
    if (error instanceof PolicyEvalError) return { success: false, error };
    throw error;
  }
}

/** Parsed indicators carry their defaults filled in (magnitude, ascending, aggregations, dimensions). */
function isParsedIndicators(value: readonly unknown[]): value is readonly Indicator[] {
  return value.every((v) => {
    const i = v as Partial<Record<keyof Indicator, unknown>>;
    return typeof i.magnitude === "number" && typeof i.ascending === "boolean" && typeof i.areaAggregation === "string" && Array.isArray(i.dimensions);
  });
}

/** Parsed observations hold exact quantities (never report text) and their defaults filled in. */
function isParsedObservations(value: readonly unknown[]): value is readonly Observation[] {
  return value.every((v) => {
    const o = v as Partial<Record<keyof Observation | "value", unknown>>;
    return (o.quantity === undefined ? o.value === undefined : isQuantity(o.quantity)) && typeof o.status === "string" && typeof o.dimensions === "object" && o.dimensions !== null;
  });
}

/** A part's value, or undefined with its issues added to `issues` under `head` (only its errors, with `errorsOnly`). */
function valueOrIssues<T>(result: SafeResult<T>, head: string, issues: PolicyEvalIssue[], errorsOnly = false): T | undefined {
  if (result.success) return result.data;
  for (const issue of result.error.issues) if (!errorsOnly || issue.severity === "error") issues.push(issueAt(issue, [head, ...issue.path]));
  return undefined;
}


// ---------------------------------------------------------------------------
// A conservative fast path in front of EvaluationSchema: a batch evaluates
// 100k records, and zod spends more on each than the rules do. It accepts
// only records it can prove valid — the usual keys, each checked as the
// schema would — and builds the very output zod would (a fresh copy, keys in
// the schema's order, criteria aliases resolved). Anything else (another key,
// evidence, a key present with `undefined`, a class instance, any doubt) is
// left to zod, which stays the only source of issues and messages. A
// property test keeps the two in step.

const RATING_SET: ReadonlySet<string> = new Set(RATINGS);
const GROUND_SET: ReadonlySet<string> = new Set(ENDING_GROUNDS);
const CONCLUSION_SET: ReadonlySet<string> = new Set(RULE_CONCLUSIONS);

/** An ordinary object (zod keeps a null prototype in its output, so those are left to it). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

type Finding = NonNullable<Evaluation["findings"]>[number];
type Conflict = NonNullable<Evaluation["conflicts"]>[number];
type Ending = NonNullable<Evaluation["endingGrounds"]>[number];

function fastFindings(value: unknown): Finding[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // Sized once: an array grown by push from empty reserves room for 17.
  const out = new Array<Finding>(value.length);
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const f: unknown = value[i];
    if (!isPlainObject(f)) return undefined;
    let criterion: Criterion | undefined;
    let rating: string | undefined;
    for (const key in f) {
      if (key === "criterion") {
        const name = f[key];
        // Read as the schema reads it (ours or an alias).
        criterion = typeof name === "string" ? toCriterion(name) : undefined;
      }
      else if (key === "rating") rating = f[key] as string;
      else return undefined; // evidence, or an unknown key: zod decides
    }
    if (criterion === undefined || typeof rating !== "string" || !RATING_SET.has(rating)) return undefined;
    // A second finding on one criterion is an issue zod reports.
    const bit = 1 << CRITERIA.indexOf(criterion);
    if ((seen & bit) !== 0) return undefined;
    seen |= bit;
    out[i] = { criterion, rating: rating as Finding["rating"] };
  }
  return out;
}

function fastConflicts(value: unknown): Conflict[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Array<Conflict>(value.length);
  for (let i = 0; i < value.length; i++) {
    const c: unknown = value[i];
    if (!isPlainObject(c)) return undefined;
    let provision: string | undefined;
    let superior: Conflict["superior"] | undefined;
    let description: string | undefined;
    for (const key in c) {
      const x = c[key];
      if (key === "provision" && isNonBlankText(x)) provision = x;
      else if (key === "description" && isNonBlankText(x)) description = x;
      else if (key === "superior" && isPlainObject(x)) {
        let document: string | undefined;
        let article: string | undefined;
        for (const k in x) {
          const y = x[k];
          if (k === "document" && isNonBlankText(y)) document = y;
          else if (k === "article" && isNonBlankText(y)) article = y;
          else return undefined;
        }
        if (document === undefined) return undefined;
        superior = article === undefined ? { document } : { document, article };
      } else return undefined;
    }
    if (superior === undefined || description === undefined) return undefined;
    out[i] = provision === undefined ? { superior, description } : { provision, superior, description };
  }
  return out;
}

function fastEndingGrounds(value: unknown): Ending[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Array<Ending>(value.length);
  for (let i = 0; i < value.length; i++) {
    const g: unknown = value[i];
    if (!isPlainObject(g)) return undefined;
    let ground: unknown;
    for (const key in g) {
      if (key !== "ground") return undefined; // evidence, or an unknown key: zod decides
      ground = g[key];
    }
    if (typeof ground !== "string" || !GROUND_SET.has(ground)) return undefined;
    out[i] = { ground: ground as Ending["ground"] };
  }
  return out;
}

function fastRecommendation(value: unknown): Evaluation["recommendation"] {
  if (!isPlainObject(value)) return undefined;
  let conclusion: unknown;
  let quote: string | undefined;
  for (const key in value) {
    const x = value[key];
    if (key === "conclusion") conclusion = x;
    else if (key === "quote" && isNonBlankText(x)) quote = x;
    else return undefined;
  }
  if (typeof conclusion !== "string" || !CONCLUSION_SET.has(conclusion)) return undefined;
  const c = conclusion as NonNullable<Evaluation["recommendation"]>["conclusion"];
  return quote === undefined ? { conclusion: c } : { conclusion: c, quote };
}

/**
 * The output `EvaluationSchema` would give for `value` when the fast path
 * can prove it valid; `undefined` means zod must decide.
 * @internal
 */
export function fastEvaluation(value: unknown): Evaluation | undefined {
  if (!isPlainObject(value)) return undefined;
  let subject: string | undefined;
  let evaluatedOn: Evaluation["evaluatedOn"] | undefined;
  let evaluatingBody: string | undefined;
  let asWritten: string | undefined;
  let findings: Finding[] | undefined;
  let conflicts: Conflict[] | undefined;
  let endingGrounds: Ending[] | undefined;
  let recommendation: Evaluation["recommendation"];
  // One pass over the keys present; an unknown key (or one the fast path does not read) ends it.
  for (const key in value) {
    const x = value[key];
    switch (key) {
      case "subject":
        if (!isNonBlankText(x)) return undefined;
        subject = x;
        break;
      case "evaluatedOn":
        if (!isPartialDate(x)) return undefined;
        evaluatedOn = x;
        break;
      case "evaluatingBody":
        if (!isNonBlankText(x)) return undefined;
        evaluatingBody = x;
        break;
      case "evaluatingBodyAsWritten":
        if (!isNonBlankText(x)) return undefined;
        asWritten = x;
        break;
      case "findings":
        findings = fastFindings(x);
        if (findings === undefined) return undefined;
        break;
      case "conflicts":
        conflicts = fastConflicts(x);
        if (conflicts === undefined) return undefined;
        break;
      case "endingGrounds":
        endingGrounds = fastEndingGrounds(x);
        if (endingGrounds === undefined) return undefined;
        break;
      case "recommendation":
        recommendation = fastRecommendation(x);
        if (recommendation === undefined) return undefined;
        break;
      default:
        return undefined;
    }
  }
  if (subject === undefined || evaluatedOn === undefined) return undefined;
  // The schema's key order, as zod builds its output.
  const out: { -readonly [K in keyof Evaluation]: Evaluation[K] } = { subject, evaluatedOn };
  if (evaluatingBody !== undefined) out.evaluatingBody = evaluatingBody;
  if (asWritten !== undefined) out.evaluatingBodyAsWritten = asWritten;
  if (findings !== undefined) out.findings = findings;
  if (conflicts !== undefined) out.conflicts = conflicts;
  if (endingGrounds !== undefined) out.endingGrounds = endingGrounds;
  if (recommendation !== undefined) out.recommendation = recommendation;
  return out;
}
