/**
 * What {@link renderReport} reads, and its validation: an evaluation result
 * (as `evaluate` returns it, or its JSON) plus the catalogue, indicators and
 * observations the report shows. Everything is checked before anything is
 * rendered; every problem is reported at once with its path.
 *
 * @module
 */
import * as z from "zod";
import { safeCreateCorpus, type Corpus } from "../corpus/index.js";
import { isPartialDate, type PartialDate } from "../dates/index.js";
import { createIssue, PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import { EvaluationSchema, type Evaluation, type EvaluationResult } from "../evaluation/index.js";
import { OBSERVATION_STATUSES, safeParseIndicators, safeParseObservations, type Indicator, type Observation } from "../indicators/index.js";
import { isQuantity } from "../quantities/index.js";
import { GROUNDS, RULE_CONCLUSIONS, type Basis, type ResultConclusion, type RuleConclusion } from "../rules/index.js";
import { issueAt, safeParseSchema } from "../schema-issues.js";

/**
 * 报告资料 — what a report shows beside the evaluation result: the catalogue
 * (titles, dates, the parents' statuses and the hierarchy), the indicators
 * and their observations (the figures of 二、实施效果). Each is optional; the
 * report shows what it is given.
 */
export interface ReportContext {
  /** The catalogue holding the subject and its parents: a built corpus or its documents. */
  readonly corpus?: Corpus | readonly unknown[] | undefined;
  /** Indicators: parsed ones (from `parseIndicators`), or inputs to validate. */
  readonly indicators?: readonly unknown[] | undefined;
  /** Observations of those indicators: parsed ones (from `parseObservations`), or inputs to validate. */
  readonly observations?: readonly unknown[] | undefined;
}

/**
 * 报告输入 — an evaluation result (what `evaluate` returns) with the
 * {@link ReportContext}: `renderReport(evaluate(x), …)` renders the result
 * alone, `renderReport({ ...evaluate(x), corpus, indicators, observations }, …)`
 * the full report. A result read back from JSON is accepted too (its
 * reasons, record and conclusion are validated again); only `conclusion` and
 * `evaluation` are required, and keys the report does not read (`trace`,
 * `facts`) are ignored.
 */
export type ReportInput = EvaluationResult & ReportContext;

/** One reason as the report reads it (a subset of the engine's `Reason`). @internal */
export interface ReportReason {
  readonly rule: string;
  readonly conclusion: RuleConclusion;
  readonly ground?: (typeof GROUNDS)[number] | undefined;
  readonly messages: { readonly "zh-CN": string; readonly en: string };
  readonly basis: readonly Basis[];
  readonly facts: readonly ReportReasonFact[];
  readonly cites: readonly string[];
}

/** One fact of a reason as the report reads it. @internal */
export interface ReportReasonFact {
  readonly name: string;
  readonly value?: unknown;
  readonly explanation?: { readonly "zh-CN": string; readonly en: string } | undefined;
  readonly cites?: readonly string[] | undefined;
}

/** The validated input, ready to render. @internal */
export interface ReportData {
  readonly conclusion: ResultConclusion;
  readonly reasons: readonly ReportReason[];
  readonly conflictRules: readonly string[];
  readonly missingFacts: readonly string[];
  readonly uncertainFacts: readonly string[];
  readonly uncertainParameters: readonly string[];
  readonly uncertainRules: readonly string[];
  readonly evaluation: Evaluation;
  readonly subject: string;
  readonly evaluatedOn: PartialDate;
  readonly corpus: Corpus | undefined;
  readonly indicators: readonly Indicator[];
  readonly observations: readonly Observation[];
}

const text = z.string().min(1);
const Localized = z.object({ "zh-CN": z.string(), en: z.string() });
const Names = z.array(z.string());

const ReasonSchema = z.object({
  rule: text,
  conclusion: z.enum(RULE_CONCLUSIONS),
  ground: z.enum(GROUNDS).optional(),
  messages: Localized,
  basis: z.array(z.object({ document: text, article: text.optional(), quote: text.optional() })).default([]),
  facts: z.array(z.object({ name: text, value: z.unknown(), explanation: Localized.optional(), cites: Names.optional() })).default([]),
  cites: Names.default([]),
});

// Loose on purpose: a result carries more than the report reads (trace, facts), and may gain fields.
const ResultSchema = z.object({
  conclusion: z.enum([...RULE_CONCLUSIONS, "undetermined", "conflict"]),
  reasons: z.array(ReasonSchema).default([]),
  conflict: z.object({ rules: Names }).optional(),
  missingFacts: Names.default([]),
  uncertainFacts: Names.default([]),
  uncertainParameters: Names.default([]),
  uncertainRules: Names.default([]),
  subject: text.optional(),
  evaluatedOn: z.string().optional(),
  evaluation: EvaluationSchema,
});

const CORPUS_METHODS = ["has", "get", "nameOf", "numberOf", "parentsOf", "parentsAt", "statusAt"] as const;

function isCorpus(value: unknown): value is Corpus {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return CORPUS_METHODS.every((m) => typeof record[m] === "function") && Array.isArray(record["documents"]);
}

function readCorpus(value: unknown, issues: PolicyEvalIssue[]): Corpus | undefined {
  if (value === undefined) return undefined;
  if (isCorpus(value)) return value;
  if (!Array.isArray(value)) {
    issues.push(wrongType(["corpus"], "文件目录（corpus）应为 createCorpus 的结果或文件数组", "corpus must be a built corpus or an array of documents"));
    return undefined;
  }
  const built = safeCreateCorpus(value);
  if (built.success) return built.data;
  // A catalogue's warnings are not problems of the report.
  for (const issue of built.error.issues) if (issue.severity === "error") issues.push(issueAt(issue, ["corpus", ...issue.path]));
  return undefined;
}

function wrongType(path: readonly (string | number)[], zh: string, en: string): PolicyEvalIssue {
  return createIssue("invalid-type", path, { "zh-CN": zh, en });
}

const isText = (v: unknown): v is string => typeof v === "string";
const isOptionalText = (v: unknown): boolean => v === undefined || typeof v === "string";
const STATUS_SET: ReadonlySet<string> = new Set(Object.keys(OBSERVATION_STATUSES));

function isStringRecord(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const key of Object.keys(value)) if (typeof (value as Record<string, unknown>)[key] !== "string") return false;
  return true;
}

/** An observation as `parseObservations` gives it: every field the report reads has its parsed type. */
function isParsedObservation(value: unknown): value is Observation {
  if (typeof value !== "object" || value === null) return false;
  const o = value as Record<string, unknown>;
  const period = o["period"] as Record<string, unknown> | undefined;
  return (
    isText(o["id"]) &&
    isText(o["indicatorId"]) &&
    (o["quantity"] === undefined || isQuantity(o["quantity"])) &&
    isOptionalText(o["comment"]) &&
    (o["asOf"] === undefined || isPartialDate(o["asOf"])) &&
    isOptionalText(o["asOfText"]) &&
    (period === undefined || (typeof period === "object" && period !== null && isPartialDate(period["start"]) && isPartialDate(period["end"]))) &&
    isText(o["area"]) &&
    isText(o["department"]) &&
    isStringRecord(o["dimensions"]) &&
    typeof o["status"] === "string" &&
    STATUS_SET.has(o["status"])
  );
}

/** `{ id, name }`, both text: a dimension or one of its options. */
function isIdAndName(value: unknown): boolean {
  return typeof value === "object" && value !== null && isText((value as Record<string, unknown>)["id"]) && isText((value as Record<string, unknown>)["name"]);
}

/** An indicator as `parseIndicators` gives it (the fields the report reads). */
function isParsedIndicator(value: unknown): value is Indicator {
  if (typeof value !== "object" || value === null) return false;
  const i = value as Record<string, unknown>;
  const dimensions = i["dimensions"];
  return (
    isText(i["id"]) &&
    isText(i["name"]) &&
    isOptionalText(i["nameEn"]) &&
    isText(i["measureId"]) &&
    typeof i["magnitude"] === "number" &&
    Array.isArray(dimensions) &&
    dimensions.every((d: unknown) => {
      if (!isIdAndName(d)) return false;
      const options = (d as Record<string, unknown>)["options"];
      return Array.isArray(options) && options.every(isIdAndName);
    })
  );
}

/**
 * A list of parsed items, each kept as it is when it already has the parsed
 * shape and validated on its own otherwise (its issues at its place in the
 * list), ids checked for duplicates across the list.
 */
function readList<T extends { readonly id: string }>(
  value: unknown,
  key: "indicators" | "observations",
  isParsed: (v: unknown) => v is T,
  parse: (items: unknown) => { success: true; data: readonly T[] } | { success: false; error: PolicyEvalError },
  issues: PolicyEvalIssue[],
): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(wrongType([key], `${key} 应为数组`, `${key} must be an array`));
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    let parsed: T | undefined;
    if (isParsed(item)) parsed = item;
    else {
      const result = parse([item]);
      if (result.success) parsed = result.data[0];
      else for (const issue of result.error.issues) issues.push(issueAt(issue, [key, i, ...issue.path.slice(1)]));
    }
    if (parsed === undefined) continue;
    if (seen.has(parsed.id)) {
      issues.push(
        createIssue("duplicate-id", [key, i, "id"], { "zh-CN": `标识重复：${excerpt(parsed.id)}`, en: `Duplicate id ${excerpt(parsed.id)}` }, { params: { id: parsed.id } }),
      );
    }
    seen.add(parsed.id);
    out.push(parsed);
  }
  return out;
}

/** At most 40 characters of user text in a message. @internal */
export function excerpt(value: string): string {
  return value.length <= 40 ? value : `${value.slice(0, 39)}…`;
}

/**
 * Validates a report input, every problem at once.
 *
 * @internal
 */
export function readReportInput(input: unknown): ReportData {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new PolicyEvalError([wrongType([], "报告输入应为评估结果对象（evaluate 的返回值）", "The report input must be an evaluation result object (what evaluate returns)")]);
  }
  const record = input as Record<string, unknown>;
  const issues: PolicyEvalIssue[] = [];
  const parsed = safeParseSchema(ResultSchema, input);
  if (!parsed.success) issues.push(...parsed.error.issues);
  const corpus = readCorpus(record["corpus"], issues);
  const indicators = readList(record["indicators"], "indicators", isParsedIndicator, safeParseIndicators, issues);
  const observations = readList(record["observations"], "observations", isParsedObservation, safeParseObservations, issues);
  if (parsed.success) consistencyIssues(parsed.data, corpus, issues);
  if (issues.length > 0 || !parsed.success) throw new PolicyEvalError(issues);
  const result = parsed.data;
  return {
    conclusion: result.conclusion,
    reasons: result.reasons,
    conflictRules: result.conflict?.rules ?? [],
    missingFacts: result.missingFacts,
    uncertainFacts: result.uncertainFacts,
    uncertainParameters: result.uncertainParameters,
    uncertainRules: result.uncertainRules,
    evaluation: result.evaluation,
    subject: result.evaluation.subject,
    evaluatedOn: result.evaluation.evaluatedOn,
    corpus,
    indicators,
    observations,
  };
}

function consistencyIssues(result: z.output<typeof ResultSchema>, corpus: Corpus | undefined, issues: PolicyEvalIssue[]): void {
  const { subject, evaluatedOn } = result.evaluation;
  if (result.subject !== undefined && result.subject !== subject) {
    issues.push(
      createIssue(
        "conflicting-value",
        ["subject"],
        { "zh-CN": `subject 与评估记录的被评估文件（${excerpt(subject)}）不一致`, en: `subject differs from the evaluation record's subject (${excerpt(subject)})` },
        { params: { expected: subject, received: result.subject } },
      ),
    );
  }
  if (result.evaluatedOn !== undefined && result.evaluatedOn !== evaluatedOn) {
    issues.push(
      createIssue(
        "conflicting-value",
        ["evaluatedOn"],
        { "zh-CN": `evaluatedOn 与评估记录的评估日期（${evaluatedOn}）不一致`, en: `evaluatedOn differs from the evaluation record's date (${evaluatedOn})` },
        { params: { expected: evaluatedOn, received: result.evaluatedOn } },
      ),
    );
  }
  if (corpus !== undefined && !corpus.has(subject)) {
    issues.push(
      createIssue(
        "unknown-document",
        ["evaluation", "subject"],
        { "zh-CN": `目录中没有被评估文件 ${excerpt(subject)}`, en: `The subject ${excerpt(subject)} is not in the catalogue` },
        { params: { id: subject } },
      ),
    );
  }
}
