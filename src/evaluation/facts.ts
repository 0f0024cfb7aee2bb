/**
 * Facts derived for one subject at its evaluation date, from the catalogue
 * (the parents' status, amendments, repeals), the evaluation record
 * (findings, conflicts, ending grounds) and the indicators (achievement
 * against targets). A fact that the inputs cannot settle is left out — the
 * rules then treat it as missing, never as false.
 *
 * `evaluate` derives only the facts its rule set reads, once per subject of
 * a batch: the derivation makes one pass over the parents, and explanations
 * that do not depend on the subject are frozen constants shared by every
 * set of facts.
 *
 * @module
 */
import { triAll, triAny, type TriState } from "../dates/triState.js";
import type { Corpus, ParentStatus, StatusAnswer, StatusEvent } from "../corpus/index.js";
import type { DateRange, PartialDate } from "../dates/partialDate.js";
import { DOCUMENT_STATUSES } from "../documents/schema.js";
import type { LocalizedMessage } from "../errors.js";
import { achievement } from "../indicators/aggregate.js";
import { latestAsOf } from "../indicators/asOf.js";
import type { Indicator, Observation } from "../indicators/schemas.js";
import { compareDecimals, type ExactDecimal } from "../quantities/decimal.js";
import { RULE_CONCLUSIONS, type FactCatalogue, type Facts, type FactValue } from "../rules/index.js";
import { CRITERIA, CRITERION_LABELS, RATING_LABELS, RATINGS, type Criterion, type Evaluation, type Rating } from "./schema.js";

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
  "parents.amendedSinceAdoption": {
    type: "stringList",
    description: {
      "zh-CN": "在本文件印发后修改（含部分废止）的上位文件；任一上位文件无法确定时不给出",
      en: "Parents amended (or partly repealed) after the subject's adoption; left out when that is uncertain for any parent",
    },
  },
  "parents.replaced": {
    type: "stringList",
    description: { "zh-CN": "已被新文件替代的上位文件；任一上位文件无法确定时不给出", en: "Parents replaced by a successor; left out when that is uncertain for any parent" },
  },
  "parents.endedWithoutSuccessor": {
    type: "stringList",
    description: {
      "zh-CN": "已废止或失效且无替代文件的上位文件；任一上位文件无法确定时不给出",
      en: "Parents repealed or expired without a successor; left out when that is uncertain for any parent",
    },
  },
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
    values: RULE_CONCLUSIONS,
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

type Tri = TriState;

function and2(a: Tri, b: Tri): Tri {
  return triAll([a, b]);
}

function or2(a: Tri, b: Tri): Tri {
  return triAny([a, b]);
}

function fact(value: FactValue["value"], explanation?: LocalizedMessage, cites?: readonly string[]): FactValue {
  if (cites !== undefined && cites.length > 0) return explanation === undefined ? { value, cites } : { value, explanation, cites };
  return explanation === undefined ? { value } : { value, explanation };
}

/** Sets a tri-state fact: left out when uncertain. */
function setTri(facts: Record<string, FactValue>, name: string, value: Tri, explanation: LocalizedMessage, cites: readonly string[]): void {
  if (value !== "uncertain") facts[name] = fact(value, explanation, cites);
}

/** Joins names by hand: a batch joins a few short lists per subject, where `Array#join` costs more than the text. */
function join(names: readonly string[], zh: boolean): string {
  const separator = zh ? "、" : ", ";
  let out = names.length === 0 ? "" : (names[0] as string);
  for (let i = 1; i < names.length; i++) out += separator + (names[i] as string);
  return out;
}

function hasOwn(object: object, key: unknown): boolean {
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(object, key);
}

// Which facts to derive, as bits of one number (one per fact of EVALUATION_FACTS): a batch asks the same set 100k times.
const FACT_NAMES: readonly string[] = Object.freeze(Object.keys(EVALUATION_FACTS));
const ALL_FACTS = FACT_NAMES.length >= 31 ? -1 : (1 << FACT_NAMES.length) - 1;
const bit = (name: string): number => 1 << FACT_NAMES.indexOf(name);
const SUBJECT_STATUS = bit("subject.status");
const HAS_VALIDITY_PERIOD = bit("subject.hasValidityPeriod");
const EVALUATION_OVERDUE = bit("subject.evaluationOverdue");
const PARENTS_COUNT = bit("parents.count");
const PARENTS_IN_FORCE = bit("parents.inForce");
const ALL_IN_FORCE = bit("parents.allInForce");
const ANY_AMENDED = bit("parents.anyAmendedSinceAdoption");
const ANY_REPLACED = bit("parents.anyReplaced");
const ANY_ENDED = bit("parents.anyEndedWithoutSuccessor");
const AMENDED_LIST = bit("parents.amendedSinceAdoption");
const REPLACED_LIST = bit("parents.replaced");
const ENDED_LIST = bit("parents.endedWithoutSuccessor");
const PARENT_FACTS = PARENTS_COUNT | PARENTS_IN_FORCE | ALL_IN_FORCE | ANY_AMENDED | ANY_REPLACED | ANY_ENDED | AMENDED_LIST | REPLACED_LIST | ENDED_LIST;
const CONFLICTS_FOUND = bit("conflicts.found");
const EFFECTS_STATED = bit("effects.stated");
const MIN_ACHIEVEMENT = bit("indicators.minAchievement");
const TASK_COMPLETED = bit("task.completed");
const SUBJECT_GONE = bit("subject.gone");
const CONDITIONS_UNSUITED = bit("conditions.unsuited");
const RECOMMENDATION = bit("recommendation");

let lastOnly: object | undefined;
let lastSelection = 0;

/**
 * The facts `only` names (its own keys), as bits. A frozen `only` — a
 * compiled rule set's `facts` — cannot change, so the last one is
 * remembered; any other is read afresh.
 */
function selectionOf(only: Readonly<Record<string, unknown>> | undefined): number {
  if (only === undefined) return ALL_FACTS;
  if (only === lastOnly) return lastSelection;
  let selection = 0;
  for (let i = 0; i < FACT_NAMES.length; i++) if (Object.prototype.hasOwnProperty.call(only, FACT_NAMES[i] as string)) selection |= 1 << i;
  if (Object.isFrozen(only)) {
    lastOnly = only;
    lastSelection = selection;
  }
  return selection;
}

// Explanations that do not depend on the subject: frozen, and shared by every set of facts.
const message = (zh: string, en: string): LocalizedMessage => Object.freeze({ "zh-CN": zh, en });
const NO_PARENT = message("无上位文件", "No parent document");
const NONE_REPLACED = message("上位文件均未被替代", "No parent was replaced");
const NONE_ENDED = message("上位文件均未在无替代的情况下废止或失效", "No parent ended without a successor");
const NO_CONFLICT = message("未发现与现行法律、法规及上级政策文件冲突的内容", "No conflict with current laws, regulations or superior documents was found");
const EFFECTS_NOT_STATED = message("评估发现未对实施效果作出评价", "The findings rate no effectiveness");
const GROUND_RAISED = message("评估提出该终止理由", "Raised by the evaluators");
const GROUND_NOT_RAISED = message("评估未提出该终止理由", "Not raised by the evaluators");

/** The fact each criterion's finding gives, and its bit. */
const CRITERION_FACTS = Object.freeze(Object.fromEntries(CRITERIA.map((c) => [c, `criteria.${c}`])) as Record<Criterion, string>);
const CRITERION_BITS = Object.freeze(Object.fromEntries(CRITERIA.map((c) => [c, bit(`criteria.${c}`)])) as Record<Criterion, number>);

/** A finding's explanation: shared when it quotes no evidence. */
const FINDING_MESSAGES = Object.freeze(
  Object.fromEntries(CRITERIA.map((c) => [c, Object.freeze(Object.fromEntries(RATINGS.map((r) => [r, findingMessage(c, r, undefined)])))])) as Record<
    Criterion,
    Record<Rating, LocalizedMessage>
  >,
);

function findingMessage(criterion: Criterion, rating: Rating, quote: string | undefined): LocalizedMessage {
  return message(
    `${CRITERION_LABELS[criterion]}：${RATING_LABELS[rating]}${quote === undefined ? "" : `（“${quote}”）`}`,
    `${criterion}: ${rating}${quote === undefined ? "" : ` ("${quote}")`}`,
  );
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
 * @param options - `only`: the facts wanted (e.g. a compiled rule set's `facts`); the others are not derived
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
  return deriveFactsOnly(corpus, evaluation, data, options?.only);
}

/**
 * {@link deriveFacts} with `only` passed as is (evaluate calls it once per subject).
 * @internal
 */
export function deriveFactsOnly(
  corpus: Corpus,
  evaluation: Evaluation,
  data: IndicatorData | undefined,
  only: Readonly<Record<string, unknown>> | undefined,
): Facts {
  const facts: Record<string, FactValue> = {};
  const date = evaluation.evaluatedOn;
  const subject = evaluation.subject;
  const selection = selectionOf(only);

  // The subject itself.
  if ((selection & SUBJECT_STATUS) !== 0) {
    const own = corpus.statusAt(subject, date);
    // No cites: a reason never needs to cite the document it concludes about.
    if (own.certainty === "certain") facts["subject.status"] = fact(own.status, own.explanation);
  }
  if ((selection & HAS_VALIDITY_PERIOD) !== 0) {
    const doc = corpus.get(subject);
    facts["subject.hasValidityPeriod"] = fact(doc.validUntil !== undefined || doc.validityPeriod !== undefined);
  }
  if ((selection & EVALUATION_OVERDUE) !== 0) {
    const due = corpus.evaluationDueOf(subject, date);
    if (due !== undefined && due.overdue !== "uncertain") facts["subject.evaluationOverdue"] = fact(due.overdue, due.explanation, [due.basis.document]);
  }
  if ((selection & PARENT_FACTS) !== 0) parentFactsOf(corpus, subject, date, selection, facts);
  recordFacts(facts, evaluation, data, date, selection);
  return facts;
}

/** The parents, on the evaluation date: one pass, each parent's status looked at once. */
function parentFactsOf(corpus: Corpus, subject: string, date: PartialDate, selection: number, facts: Record<string, FactValue>): void {
  const parents = corpus.parentsAt(subject, date);
  const n = parents.length;
  const names = new Array<string>(n);
  const listInForce = (selection & PARENTS_IN_FORCE) !== 0;
  let inForceNames: string[] | undefined;
  let amendedNames: string[] | undefined;
  let replacedNames: string[] | undefined;
  let endedNames: string[] | undefined;
  let allInForce: Tri = true;
  let anyAmended: Tri = false;
  let anyReplaced: Tri = false;
  let anyEnded: Tri = false;
  // Whether every parent's amendment / ending is certain (the name lists are given only then).
  let amendedKnown = true;
  let endedKnown = true;
  // The subject's adoption span, read only when some parent has an amendment to date.
  let adopted: DateRange | undefined | null = null;
  for (let i = 0; i < n; i++) {
    const parent = parents[i] as ParentStatus;
    const status = parent.status;
    const name = parent.name;
    names[i] = name;
    const certain = status.certainty === "certain";
    const inForce: Tri = !certain ? "uncertain" : status.status === "in_force" || status.status === "partially_in_force";
    if (inForce === true && listInForce) (inForceNames ??= []).push(name);
    allInForce = and2(allInForce, inForce);
    let amended: Tri = false;
    if (status.amendments.length > 0 || status.uncertainEvents.length > 0 || status.decidedBy.kind === "partiallyRepealed") {
      if (adopted === null) adopted = corpus.adoptionRangeOf(subject);
      amended = amendedAfter(status, adopted);
    }
    if (amended === true) (amendedNames ??= []).push(name);
    anyAmended = or2(anyAmended, amended);
    if (amended === "uncertain") amendedKnown = false;
    const ended = endedHow(status);
    if (ended === "uncertain") endedKnown = false;
    if (ended === "replaced") (replacedNames ??= []).push(name);
    else if (ended === "withoutSuccessor") (endedNames ??= []).push(name);
    anyReplaced = or2(anyReplaced, ended === "uncertain" ? "uncertain" : ended === "replaced");
    anyEnded = or2(anyEnded, ended === "uncertain" ? "uncertain" : ended === "withoutSuccessor");
  }
  if ((selection & PARENTS_COUNT) !== 0) facts["parents.count"] = fact(String(n));
  if (listInForce) facts["parents.inForce"] = fact(inForceNames ?? [], undefined, inForceNames);
  const zhAll = join(names, true);
  const enAll = join(names, false);
  if ((selection & ALL_IN_FORCE) !== 0) {
    setTri(
      facts,
      "parents.allInForce",
      allInForce,
      n === 0
        ? NO_PARENT
        : {
            "zh-CN": `${zhAll}${allInForce === true ? "仍在实施期" : "并非均在实施期"}（截至 ${date}）`,
            en: `${enAll} ${allInForce === true ? "are in force" : "are not all in force"} on ${date}`,
          },
      names,
    );
  }
  if ((selection & ANY_AMENDED) !== 0) {
    setTri(
      facts,
      "parents.anyAmendedSinceAdoption",
      anyAmended,
      amendedNames !== undefined
        ? { "zh-CN": `${join(amendedNames, true)}在本文件印发后已修改`, en: `${join(amendedNames, false)} amended after the subject's adoption` }
        : { "zh-CN": `${zhAll}在本文件印发后未进行修订`, en: `${enAll} not revised since the subject's adoption` },
      amendedNames ?? names,
    );
  }
  if ((selection & ANY_REPLACED) !== 0) {
    setTri(
      facts,
      "parents.anyReplaced",
      anyReplaced,
      replacedNames !== undefined ? { "zh-CN": `${join(replacedNames, true)}已被新文件替代`, en: `${join(replacedNames, false)} replaced by a successor` } : NONE_REPLACED,
      replacedNames ?? names,
    );
  }
  if ((selection & ANY_ENDED) !== 0) {
    setTri(
      facts,
      "parents.anyEndedWithoutSuccessor",
      anyEnded,
      endedNames !== undefined
        ? { "zh-CN": `${join(endedNames, true)}已废止或失效，且无替代文件`, en: `${join(endedNames, false)} repealed or expired without a successor` }
        : NONE_ENDED,
      endedNames ?? names,
    );
  }
  // Each parent by name: a list is given only when every parent's answer is certain, so that
  // `doesNotContain` is as sound as `contains`.
  if ((selection & AMENDED_LIST) !== 0 && amendedKnown) facts["parents.amendedSinceAdoption"] = fact(amendedNames ?? [], undefined, amendedNames);
  if ((selection & REPLACED_LIST) !== 0 && endedKnown) facts["parents.replaced"] = fact(replacedNames ?? [], undefined, replacedNames);
  if ((selection & ENDED_LIST) !== 0 && endedKnown) facts["parents.endedWithoutSuccessor"] = fact(endedNames ?? [], undefined, endedNames);
}

/** The facts that come from the evaluation record and the indicators. */
function recordFacts(
  facts: Record<string, FactValue>,
  evaluation: Evaluation,
  data: IndicatorData | undefined,
  date: PartialDate,
  selection: number,
): void {
  const conflicts = evaluation.conflicts;
  if (conflicts !== undefined && (selection & CONFLICTS_FOUND) !== 0) {
    if (conflicts.length === 0) facts["conflicts.found"] = fact(false, NO_CONFLICT);
    else {
      let zh = "";
      let en = "";
      const cites = new Array<string>(conflicts.length);
      for (let i = 0; i < conflicts.length; i++) {
        const superior = (conflicts[i] as (typeof conflicts)[number]).superior;
        zh += `${i === 0 ? "" : "、"}${superior.document}${superior.article ?? ""}`;
        en += `${i === 0 ? "" : ", "}${`${superior.document} ${superior.article ?? ""}`.trim()}`;
        cites[i] = superior.document;
      }
      facts["conflicts.found"] = fact(true, { "zh-CN": `发现与上位规定冲突：${zh}`, en: `Conflicts with ${en}` }, cites);
    }
  }
  const findings = evaluation.findings;
  if (findings !== undefined) {
    const wantEffects = (selection & EFFECTS_STATED) !== 0;
    // The findings are listed: without an effectiveness rating (or with `unknown`), the evaluators did not state it.
    if (wantEffects) facts["effects.stated"] = fact("notStated", EFFECTS_NOT_STATED);
    for (let k = 0; k < findings.length; k++) {
      const finding = findings[k] as (typeof findings)[number];
      // Only our criteria and ratings make facts (an inherited key such as `toString` is none of them).
      if (!hasOwn(CRITERION_FACTS, finding.criterion) || !hasOwn(RATING_LABELS, finding.rating)) continue;
      const wantCriterion = (selection & CRITERION_BITS[finding.criterion]) !== 0;
      const effects = wantEffects && finding.criterion === ("effectiveness" satisfies Criterion) && finding.rating !== "unknown";
      if (!effects && !wantCriterion) continue;
      let quote: string | undefined;
      if (finding.evidence !== undefined) {
        for (let j = 0; j < finding.evidence.length && quote === undefined; j++) quote = (finding.evidence[j] as (typeof finding.evidence)[number]).quote;
      }
      const explanation = quote === undefined ? FINDING_MESSAGES[finding.criterion][finding.rating] : findingMessage(finding.criterion, finding.rating, quote);
      if (wantCriterion) facts[CRITERION_FACTS[finding.criterion]] = fact(finding.rating, explanation);
      // A finding the evaluators could not make (rating `unknown`) leaves the effects open.
      if (effects) facts["effects.stated"] = fact(finding.rating, explanation);
    }
  }
  const grounds = evaluation.endingGrounds;
  if (grounds !== undefined) {
    let taskCompleted = false;
    let subjectGone = false;
    let unsuited = false;
    for (let k = 0; k < grounds.length; k++) {
      const g = grounds[k] as (typeof grounds)[number];
      if (g.ground === "taskCompleted") taskCompleted = true;
      else if (g.ground === "subjectGone") subjectGone = true;
      else if (g.ground === "unsuitedToConditions") unsuited = true;
    }
    if ((selection & TASK_COMPLETED) !== 0) facts["task.completed"] = fact(taskCompleted, taskCompleted ? GROUND_RAISED : GROUND_NOT_RAISED);
    if ((selection & SUBJECT_GONE) !== 0) facts["subject.gone"] = fact(subjectGone, subjectGone ? GROUND_RAISED : GROUND_NOT_RAISED);
    if ((selection & CONDITIONS_UNSUITED) !== 0) facts["conditions.unsuited"] = fact(unsuited, unsuited ? GROUND_RAISED : GROUND_NOT_RAISED);
  }
  if (evaluation.recommendation !== undefined && (selection & RECOMMENDATION) !== 0) facts["recommendation"] = fact(evaluation.recommendation.conclusion);

  // Indicators with targets: the lowest achievement, when every one is settled.
  const min = data === undefined || (selection & MIN_ACHIEVEMENT) === 0 ? undefined : minimumAchievement(data, date);
  if (min !== undefined) facts["indicators.minAchievement"] = min;
}

/** Whether a parent was amended (or partly repealed) after the subject's adoption, by the evaluation date. */
function amendedAfter(status: StatusAnswer, adopted: DateRange | undefined): Tri {
  let out: Tri = false;
  for (let k = 0; k < status.amendments.length; k++) out = or2(out, amendedEvent(status.amendments[k] as StatusEvent, adopted));
  if (status.decidedBy.kind === "partiallyRepealed") out = or2(out, amendedEvent(status.decidedBy, adopted));
  for (let k = 0; k < status.uncertainEvents.length; k++) {
    const e = status.uncertainEvents[k] as StatusEvent;
    if (e.kind === "partiallyRepealed") out = or2(out, amendedEvent(e, adopted));
  }
  return out;
}

/** Whether one amendment (or partial repeal) came after the adoption: uncertain when either date cannot settle it. */
function amendedEvent(e: StatusEvent, adopted: DateRange | undefined): Tri {
  if (e.range === undefined || adopted === undefined) return "uncertain";
  // ISO calendar dates compare as strings.
  const after: Tri = e.range.earliest > adopted.latest ? true : e.range.latest <= adopted.earliest ? false : "uncertain";
  return e.certainty === "certain" ? after : after === false ? false : "uncertain";
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
