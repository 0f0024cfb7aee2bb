/**
 * 评估结论 — from a document, its parents' status, its measures, indicators
 * and the evaluators' findings, derive the conclusion with the reasons and a
 * trace that cites the documents and articles it rests on.
 *
 * @module
 */
import { safeCreateCorpus, type Corpus } from "../corpus/index.js";
import { createIssue, PolicyEvalError, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { safeParseIndicators, safeParseObservations, type Indicator, type Observation } from "../indicators/schemas.js";
import { isQuantity } from "../quantities/quantity.js";
import { runRules, safeValidateRuleSet, validateRuleSet, type CompiledRuleSet, type Facts, type RulesResult } from "../rules/index.js";
import { issueAt, safeParseSchema } from "../schema-issues.js";
import { deriveFactsOnly, EVALUATION_FACTS } from "./facts.js";
import { fastEvaluation } from "./fastEvaluation.js";
import { GUANGDONG_RULE_SET } from "./guangdongRules.js";
import { EvaluationSchema, type Evaluation } from "./schema.js";

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
