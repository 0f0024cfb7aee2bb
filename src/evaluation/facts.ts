/**
 * Facts derived for one subject at its evaluation date, from the catalogue
 * (the parents' status, amendments, repeals), the evaluation record
 * (findings, conflicts, ending grounds) and the indicators (achievement
 * against targets). A fact that the inputs cannot settle is left out — the
 * rules then treat it as missing, never as false.
 *
 * @module
 */
import type { Corpus, StatusAnswer } from "../corpus/index.js";
import type { DateRange, PartialDate } from "../dates/partialDate.js";
import { DOCUMENT_STATUSES } from "../documents/schema.js";
import type { LocalizedMessage } from "../errors.js";
import { achievement, latestAsOf } from "../indicators/aggregate.js";
import type { Indicator, Observation } from "../indicators/schemas.js";
import { compareDecimals, type ExactDecimal } from "../quantities/decimal.js";
import type { FactCatalogue, Facts, FactValue } from "../rules/index.js";
import { CRITERIA, CRITERION_LABELS, RATING_LABELS, RATINGS, type Criterion, type Evaluation } from "./schema.js";

const bool = (zh: string, en: string) => Object.freeze({ type: "boolean" as const, description: Object.freeze({ "zh-CN": zh, en }) });

/**
 * The facts {@link deriveFacts} can give, with their types — the catalogue
 * rule sets are validated against. Custom rule sets may use any of them, and
 * declare more in their own `facts`.
 *
 * @example
 * ```ts
 * import { EVALUATION_FACTS } from "policy-eval";
 * EVALUATION_FACTS["parents.allInForce"]?.type; //=> "boolean"
 * EVALUATION_FACTS["criteria.legality"]?.values?.includes("met"); //=> true
 * ```
 */
export const EVALUATION_FACTS: FactCatalogue = Object.freeze({
  "subject.status": {
    type: "enum",
    values: [...DOCUMENT_STATUSES],
    description: { "zh-CN": "被评估文件在评估日期的时效性", en: "The subject's status on the evaluation date" },
  },
  "subject.hasValidityPeriod": bool("被评估文件规定了有效期", "The subject has a validity period"),
  "subject.evaluationOverdue": bool("被评估文件的评估已逾期", "The subject's evaluation is overdue"),
  "parents.count": { type: "decimal", description: { "zh-CN": "上位文件（贯彻落实或依据）数量", en: "Number of parent documents (implemented or based on)" } },
  "parents.inForce": { type: "stringList", description: { "zh-CN": "在评估日期现行有效的上位文件", en: "Parents in force on the evaluation date" } },
  "parents.allInForce": bool("上位文件均仍在实施期", "Every parent document is in force"),
  "parents.anyAmendedSinceAdoption": bool("上位文件在本文件印发后修改（含部分废止）", "A parent was amended (or partly repealed) after the subject's adoption"),
  "parents.anyReplaced": bool("上位文件已被新文件替代", "A parent was replaced by a successor"),
  "parents.anyEndedWithoutSuccessor": bool("上位文件已废止或失效且无替代文件", "A parent was repealed or expired without a successor"),
  "conflicts.found": bool("发现与上位法律法规或上级文件冲突的内容", "A conflict with superior law or documents was found"),
  ...Object.fromEntries(
    CRITERIA.map((c) => [
      `criteria.${c}`,
      { type: "enum" as const, values: [...RATINGS], description: { "zh-CN": `${CRITERION_LABELS[c]}评价`, en: `Finding on ${c}` } },
    ]),
  ),
  "effects.stated": {
    type: "enum",
    values: ["met", "partlyMet", "notMet", "notStated"],
    description: {
      "zh-CN": "评估报告对实施效果（实效性）的评价；notStated 表示评估发现中未作评价或无法判断",
      en: "The effectiveness the evaluators state; notStated when their findings make no (or an unknown) rating",
    },
  },
  "indicators.minAchievement": {
    type: "decimal",
    description: { "zh-CN": "有目标值指标的最低完成率（1 = 完成目标）", en: "The lowest achievement among indicators with a target (1 = met)" },
  },
  "task.completed": bool("工作任务已完成", "The document's task is completed"),
  "subject.gone": bool("调整对象已消失", "What the document regulates no longer exists"),
  "conditions.unsuited": bool("已不适应经济社会发展要求", "The document no longer suits the conditions"),
  recommendation: {
    type: "enum",
    values: ["continue", "extend", "revise", "repeal", "declareExpired"],
    description: { "zh-CN": "评估小组的建议", en: "The evaluators' recommendation" },
  },
} satisfies FactCatalogue);

/** Options of {@link deriveFacts}. */
export interface DeriveFactsOptions {
  /** Derive only these facts (a compiled rule set's `facts`); all when absent. */
  readonly only?: Readonly<Record<string, unknown>> | undefined;
}

/** The indicator data {@link deriveFacts} may use. */
export interface IndicatorData {
  /** The indicators (with targets for achievement). */
  readonly indicators: readonly Indicator[];
  /** Their observations. */
  readonly observations: readonly Observation[];
}

type Tri = boolean | "uncertain";

function and2(a: Tri, b: Tri): Tri {
  return a === false || b === false ? false : a === "uncertain" || b === "uncertain" ? "uncertain" : true;
}

function or2(a: Tri, b: Tri): Tri {
  return a === true || b === true ? true : a === "uncertain" || b === "uncertain" ? "uncertain" : false;
}

function or(values: Iterable<Tri>): Tri {
  let result: Tri = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === "uncertain") result = "uncertain";
  }
  return result;
}

function fact(value: FactValue["value"], explanation?: LocalizedMessage, cites?: readonly string[]): FactValue {
  if (cites !== undefined && cites.length > 0) return explanation === undefined ? { value, cites } : { value, explanation, cites };
  return explanation === undefined ? { value } : { value, explanation };
}

/** Sets a tri-state fact: left out when uncertain. */
function setTri(facts: Record<string, FactValue>, name: string, value: Tri, explanation: LocalizedMessage, cites: readonly string[]): void {
  if (value !== "uncertain") facts[name] = fact(value, explanation, cites);
}

function join(names: readonly string[], zh: boolean): string {
  return names.join(zh ? "、" : ", ");
}

/**
 * 评估事实 — the facts of one subject on its evaluation date. Parent facts
 * come from the catalogue: each parent's status, whether it was amended
 * after the subject's adoption (dates compared honestly: an amendment in the
 * adoption month of a month-precision subject is uncertain), and whether it
 * ended with or without a successor. Record facts come from the evaluation:
 * `conflicts: []` gives `conflicts.found = false`, while no `conflicts` at
 * all leaves the fact missing.
 *
 * @param corpus - the catalogue holding the subject and its parents
 * @param evaluation - the evaluation record (validated)
 * @param data - indicators and observations, for achievement
 * @param options - `only`: the facts wanted (e.g. a compiled rule set's `facts`)
 * @returns the facts, each with an explanation and the documents it cites
 *
 * @example
 * ```ts
 * import { createCorpus, deriveFacts, EvaluationSchema } from "policy-eval";
 * import { qingyuanDocuments, qingyuanEvaluation } from "policy-eval/examples";
 * const facts = deriveFacts(createCorpus(qingyuanDocuments), EvaluationSchema.parse(qingyuanEvaluation));
 * facts["parents.allInForce"]?.value; //=> true
 * facts["parents.allInForce"]?.cites; //=> ["粤府办〔2016〕66号", "国办发〔2016〕13号"]
 * facts["conflicts.found"]?.value; //=> false
 * facts["effects.stated"]?.value; //=> "met"
 * ```
 */
export function deriveFacts(
  corpus: Corpus,
  evaluation: Evaluation,
  data?: IndicatorData | undefined,
  options?: DeriveFactsOptions | undefined,
): Facts {
  const facts: Record<string, FactValue> = {};
  const date = evaluation.evaluatedOn;
  const subject = evaluation.subject;
  const only = options?.only;
  const want = (...names: string[]): boolean => only === undefined || names.some((n) => n in only);
  const name = (id: string): string => corpus.nameOf(id);

  // The subject itself.
  if (want("subject.status")) {
    const own = corpus.statusAt(subject, date);
    if (own.certainty === "certain") facts["subject.status"] = fact(own.status, own.explanation, [name(subject)]);
  }
  const doc = corpus.get(subject);
  facts["subject.hasValidityPeriod"] = fact(doc.validUntil !== undefined || doc.validityPeriod !== undefined);
  if (want("subject.evaluationOverdue")) {
    const due = corpus.evaluationDueOf(subject, date);
    if (due !== undefined && due.overdue !== "uncertain") facts["subject.evaluationOverdue"] = fact(due.overdue, due.explanation, [due.basis.document]);
  }
  if (!want("parents.count", "parents.inForce", "parents.allInForce", "parents.anyAmendedSinceAdoption", "parents.anyReplaced", "parents.anyEndedWithoutSuccessor")) {
    return recordFacts(facts, evaluation, data, date, want);
  }

  // The parents, on the evaluation date: one pass, each parent's status looked at once.
  const parents = corpus.parentsAt(subject, date);
  const adopted = corpus.adoptionRangeOf(subject);
  const names: string[] = [];
  const inForceNames: string[] = [];
  const amendedNames: string[] = [];
  const replacedNames: string[] = [];
  const endedNames: string[] = [];
  let allInForce: Tri = true;
  let anyAmended: Tri = false;
  let anyReplaced: Tri = false;
  let anyEnded: Tri = false;
  for (const parent of parents) {
    const status = parent.status;
    names.push(parent.name);
    const inForce: Tri = status.certainty !== "certain" ? "uncertain" : status.status === "in_force" || status.status === "partially_in_force";
    if (inForce === true) inForceNames.push(parent.name);
    allInForce = and2(allInForce, inForce);
    const amended = amendedAfter(status, adopted);
    if (amended === true) amendedNames.push(parent.name);
    anyAmended = or2(anyAmended, amended);
    const ended = endedHow(status);
    if (ended === "replaced") replacedNames.push(parent.name);
    if (ended === "withoutSuccessor") endedNames.push(parent.name);
    anyReplaced = or2(anyReplaced, ended === "uncertain" ? "uncertain" : ended === "replaced");
    anyEnded = or2(anyEnded, ended === "uncertain" ? "uncertain" : ended === "withoutSuccessor");
  }
  const zhAll = join(names, true);
  const enAll = join(names, false);
  facts["parents.count"] = fact(String(parents.length));
  facts["parents.inForce"] = fact(inForceNames, undefined, inForceNames);
  setTri(
    facts,
    "parents.allInForce",
    allInForce,
    parents.length === 0
      ? { "zh-CN": "无上位文件", en: "No parent document" }
      : {
          "zh-CN": `${zhAll}${allInForce === true ? "仍在实施期" : "并非均在实施期"}（截至 ${date}）`,
          en: `${enAll} ${allInForce === true ? "are in force" : "are not all in force"} on ${date}`,
        },
    names,
  );
  setTri(
    facts,
    "parents.anyAmendedSinceAdoption",
    anyAmended,
    anyAmended === true
      ? { "zh-CN": `${join(amendedNames, true)}在本文件印发后已修改`, en: `${join(amendedNames, false)} amended after the subject's adoption` }
      : { "zh-CN": `${zhAll}在本文件印发后未进行修订`, en: `${enAll} not revised since the subject's adoption` },
    anyAmended === true ? amendedNames : names,
  );
  setTri(
    facts,
    "parents.anyReplaced",
    anyReplaced,
    anyReplaced === true
      ? { "zh-CN": `${join(replacedNames, true)}已被新文件替代`, en: `${join(replacedNames, false)} replaced by a successor` }
      : { "zh-CN": "上位文件均未被替代", en: "No parent was replaced" },
    anyReplaced === true ? replacedNames : names,
  );
  setTri(
    facts,
    "parents.anyEndedWithoutSuccessor",
    anyEnded,
    anyEnded === true
      ? { "zh-CN": `${join(endedNames, true)}已废止或失效，且无替代文件`, en: `${join(endedNames, false)} repealed or expired without a successor` }
      : { "zh-CN": "上位文件均未在无替代的情况下废止或失效", en: "No parent ended without a successor" },
    anyEnded === true ? endedNames : names,
  );

  return recordFacts(facts, evaluation, data, date, want);
}

/** The facts that come from the evaluation record and the indicators. */
function recordFacts(
  facts: Record<string, FactValue>,
  evaluation: Evaluation,
  data: IndicatorData | undefined,
  date: PartialDate,
  want: (...names: string[]) => boolean,
): Facts {
  if (evaluation.conflicts !== undefined) {
    const found = evaluation.conflicts.length > 0;
    facts["conflicts.found"] = fact(
      found,
      found
        ? {
            "zh-CN": `发现与上位规定冲突：${evaluation.conflicts.map((c) => `${c.superior.document}${c.superior.article ?? ""}`).join("、")}`,
            en: `Conflicts with ${evaluation.conflicts.map((c) => `${c.superior.document} ${c.superior.article ?? ""}`.trim()).join(", ")}`,
          }
        : { "zh-CN": "未发现与现行法律、法规及上级政策文件冲突的内容", en: "No conflict with current laws, regulations or superior documents was found" },
      found ? evaluation.conflicts.map((c) => c.superior.document) : [],
    );
  }
  if (evaluation.findings !== undefined) {
    // The findings are listed: without an effectiveness rating (or with `unknown`), the evaluators did not state it.
    facts["effects.stated"] = fact("notStated", { "zh-CN": "评估发现未对实施效果作出评价", en: "The findings rate no effectiveness" });
  }
  for (const finding of evaluation.findings ?? []) {
    const quote = finding.evidence?.find((e) => e.quote !== undefined)?.quote;
    const explanation = {
      "zh-CN": `${CRITERION_LABELS[finding.criterion]}：${RATING_LABELS[finding.rating]}${quote === undefined ? "" : `（“${quote}”）`}`,
      en: `${finding.criterion}: ${finding.rating}${quote === undefined ? "" : ` ("${quote}")`}`,
    };
    facts[`criteria.${finding.criterion}`] = fact(finding.rating, explanation);
    // A finding the evaluators could not make (rating `unknown`) leaves the effects open.
    if (finding.criterion === ("effectiveness" satisfies Criterion) && finding.rating !== "unknown") facts["effects.stated"] = fact(finding.rating, explanation);
  }
  if (evaluation.endingGrounds !== undefined) {
    const raised = new Set(evaluation.endingGrounds.map((g) => g.ground));
    const none = { "zh-CN": "评估未提出该终止理由", en: "Not raised by the evaluators" };
    const yes = { "zh-CN": "评估提出该终止理由", en: "Raised by the evaluators" };
    facts["task.completed"] = fact(raised.has("taskCompleted"), raised.has("taskCompleted") ? yes : none);
    facts["subject.gone"] = fact(raised.has("subjectGone"), raised.has("subjectGone") ? yes : none);
    facts["conditions.unsuited"] = fact(raised.has("unsuitedToConditions"), raised.has("unsuitedToConditions") ? yes : none);
  }
  if (evaluation.recommendation !== undefined) facts["recommendation"] = fact(evaluation.recommendation.conclusion);

  // Indicators with targets: the lowest achievement, when every one is settled.
  const min = data === undefined || !want("indicators.minAchievement") ? undefined : minimumAchievement(data, date);
  if (min !== undefined) facts["indicators.minAchievement"] = min;
  return facts;
}

/** Whether a parent was amended (or partly repealed) after the subject's adoption, by the evaluation date. */
function amendedAfter(status: StatusAnswer, adopted: DateRange | undefined): Tri {
  const events = [...status.amendments];
  if (status.decidedBy.kind === "partiallyRepealed") events.push(status.decidedBy);
  for (const e of status.uncertainEvents) if (e.kind === "partiallyRepealed") events.push(e);
  return or(
    events.map((e): Tri => {
      if (e.range === undefined || adopted === undefined) return "uncertain";
      // ISO calendar dates compare as strings.
      const after: Tri = e.range.earliest > adopted.latest ? true : e.range.latest <= adopted.earliest ? false : "uncertain";
      return e.certainty === "certain" ? after : after === false ? false : "uncertain";
    }),
  );
}

/** How a parent ended by the evaluation date, if it did. */
function endedHow(status: StatusAnswer): "no" | "replaced" | "withoutSuccessor" | "uncertain" {
  if (status.certainty !== "certain") return "uncertain";
  if (status.status !== "expired" && status.status !== "repealed") return "no";
  return status.decidedBy.kind === "replaced" ? "replaced" : "withoutSuccessor";
}

/** The achievement scale and rounding, recorded in the fact's explanation. */
const ACHIEVEMENT_DIVISION = { scale: 4, rounding: "halfEven" } as const;

function minimumAchievement(data: IndicatorData, date: PartialDate): FactValue | undefined {
  const targeted = data.indicators.filter((i) => i.target?.quantity !== undefined);
  if (targeted.length === 0) return undefined;
  const standing = latestAsOf(data.observations, date, { indicators: data.indicators });
  let lowest: { ratio: ExactDecimal; indicator: Indicator } | undefined;
  for (const indicator of targeted) {
    const totals = standing.observations.filter((o) => o.indicatorId === indicator.id && Object.keys(o.dimensions).length === 0 && o.quantity !== undefined);
    // One settled total per indicator, or the minimum cannot be known.
    if (totals.length !== 1) return undefined;
    if (!indicator.ascending && indicator.baseline?.quantity === undefined) return undefined;
    const ratio = achievement(totals[0]!.quantity!, indicator.target!.quantity!, indicator.baseline?.quantity, indicator.ascending, ACHIEVEMENT_DIVISION).ratio;
    if (lowest === undefined || compareDecimals(ratio, lowest.ratio) < 0) lowest = { ratio, indicator };
  }
  if (lowest === undefined) return undefined;
  return fact(lowest.ratio, {
    "zh-CN": `有目标值的 ${targeted.length} 项指标中最低完成率为 ${lowest.ratio.toString()}（${lowest.indicator.name}；保留 ${ACHIEVEMENT_DIVISION.scale} 位小数，银行家舍入）`,
    en: `Lowest achievement among ${targeted.length} indicators with a target: ${lowest.ratio.toString()} (${lowest.indicator.name}; ${ACHIEVEMENT_DIVISION.scale} decimals, half-even rounding)`,
  });
}
