/**
 * When a normative document falls due for evaluation. Default rule (粤府令第277号
 * art. 34): a document with a validity period is evaluated 6 months before it
 * expires; one without, no later than 5 years after its adoption or its last
 * evaluation. The numbers come from the corpus's {@link ValidityPolicy}.
 *
 * @module
 */
import { addMonthsToDay } from "../dates/calendar.js";
import { dayBounds, formatDayNumber, shiftDate, type DateRange, type PartialDate, type TriState } from "../dates/partialDate.js";
import type { LocalizedMessage } from "../errors.js";
import type { DocumentStatus } from "../documents/schema.js";
import type { LegalBasis, ValidityPolicy } from "../documents/validityPolicy.js";
import { displayName, endSourceAt, REL, startSourceAt, type CorpusState } from "./build.js";
import { computeStatus } from "./status.js";

/** Which rule set the due date. */
export type DueRule = "beforeExpiry" | "periodic";

/** The date a due date was counted from. */
export type DueBaseField =
  | "validUntil"
  | "validityPeriod"
  | "policyDefault"
  | "lastEvaluatedOn"
  | "adoptedOn"
  | "publishedOn"
  | "effectiveFrom"
  | "documentNumber";

/**
 * 评估期限 — when one document falls due for evaluation.
 *
 * @example
 * ```ts
 * import { createCorpus } from "policy-eval";
 * import { qingyuanDocuments } from "policy-eval/examples";
 * const due = createCorpus(qingyuanDocuments).evaluationDueOf("qfb-2017-59", "2021-08-20");
 * due?.dueOn; //=> "2022-09"
 * due?.overdue; //=> false
 * ```
 */
export interface DueItem {
  /** The document. */
  readonly id: string;
  /** Its canonical 发文字号, if any. */
  readonly number?: string | undefined;
  /** Its title. */
  readonly title: string;
  /** `beforeExpiry` (has a validity end) or `periodic` (has none). */
  readonly rule: DueRule;
  /** The due date as a partial date, when the result is one (`'2022-09'`). */
  readonly dueOn?: PartialDate | undefined;
  /** The span of days the due date may fall on; absent when the base date is unknown. */
  readonly dueRange?: DateRange | undefined;
  /** Whether the due date had passed on the date asked about. */
  readonly overdue: TriState;
  /** What the due date was counted from. */
  readonly countedFrom: {
    /** Which field (undefined when no date is on record). */
    readonly field: DueBaseField | undefined;
    /** The date as recorded, when it is one partial date. */
    readonly date?: PartialDate | undefined;
    /** Its span of days, when known. */
    readonly range?: DateRange | undefined;
  };
  /** The document's status on the date asked about. */
  readonly status: DocumentStatus;
  /** Whether that status is certain. */
  readonly statusCertainty: "certain" | "uncertain";
  /** The rule's legal source. */
  readonly basis: LegalBasis;
  /** One sentence saying why, in zh-CN and en. */
  readonly explanation: LocalizedMessage;
}

/** A window after the date asked about. */
export interface DueWindow {
  /** Whole years. */
  readonly years?: number | undefined;
  /** Whole months. */
  readonly months?: number | undefined;
  /** Days. */
  readonly days?: number | undefined;
}

/** Options of `corpus.dueForEvaluation`. */
export interface DueForEvaluationOptions {
  /** Also list documents falling due within this window after the date (default: none, i.e. due on or before it). */
  readonly within?: DueWindow | undefined;
  /** List documents whose due date cannot be computed (no date on record). Default true. */
  readonly includeUnknown?: boolean | undefined;
}

/** Whether k is certainly no longer in force (expired or repealed) by [d0, d1]; no allocation. */
function certainlyEnded(state: CorpusState, k: number, d0: number): boolean {
  if (endSourceAt(state, k) !== undefined && state.endHi[k]! < d0) return true;
  for (let slot = state.eventStart[k]!; slot < state.eventStart[k + 1]!; slot++) {
    const type = state.eventType[slot]!;
    if (type === REL.amends || (type === REL.repeals && state.eventPartial[slot] === 1)) continue;
    if (state.eventHi[slot]! <= d0) return true;
  }
  return false;
}

interface DueComputation {
  rule: DueRule;
  lo: number;
  hi: number;
  field: DueBaseField | undefined;
  baseDate: PartialDate | undefined;
  baseLo: number;
  baseHi: number;
}

/** The first day a document may fall due, without allocating (NaN when unknown). */
function dueLo(state: CorpusState, k: number): number {
  const { monthsBeforeExpiry, periodicYears } = state.policy.evaluation;
  if (endSourceAt(state, k) !== undefined) {
    const lo = state.endLo[k]!;
    return Number.isNaN(lo) ? lo : addMonthsToDay(lo, -monthsBeforeExpiry);
  }
  const evaluated = state.documents[k]!.lastEvaluatedOn;
  const lo = evaluated === undefined ? state.bornLo[k]! : dayBounds(evaluated)[0];
  return Number.isNaN(lo) ? lo : addMonthsToDay(lo, periodicYears * 12);
}

function computeDue(state: CorpusState, k: number): DueComputation {
  const { monthsBeforeExpiry, periodicYears } = state.policy.evaluation;
  const doc = state.documents[k]!;
  const endSource = endSourceAt(state, k);
  if (endSource !== undefined) {
    const baseLo = state.endLo[k]!;
    const baseHi = state.endHi[k]!;
    return {
      rule: "beforeExpiry",
      lo: Number.isNaN(baseLo) ? baseLo : addMonthsToDay(baseLo, -monthsBeforeExpiry),
      hi: Number.isNaN(baseHi) ? baseHi : addMonthsToDay(baseHi, -monthsBeforeExpiry),
      field: endSource,
      baseDate: endSource === "validUntil" ? doc.validUntil : undefined,
      baseLo,
      baseHi,
    };
  }
  let field: DueBaseField | undefined;
  let baseDate: PartialDate | undefined;
  let baseLo: number;
  let baseHi: number;
  if (doc.lastEvaluatedOn !== undefined) {
    field = "lastEvaluatedOn";
    baseDate = doc.lastEvaluatedOn;
    [baseLo, baseHi] = dayBounds(doc.lastEvaluatedOn);
  } else {
    baseLo = state.bornLo[k]!;
    baseHi = state.bornHi[k]!;
    const year = Number.isNaN(state.numberYear[k]!) ? undefined : state.numberYear[k]!;
    [field, baseDate] =
      doc.adoptedOn !== undefined
        ? ["adoptedOn", doc.adoptedOn]
        : doc.publishedOn !== undefined
          ? ["publishedOn", doc.publishedOn]
          : doc.effectiveFrom !== undefined
            ? ["effectiveFrom", doc.effectiveFrom]
            : year !== undefined
              ? ["documentNumber", String(year) as PartialDate]
              : [undefined, undefined];
  }
  const months = periodicYears * 12;
  return {
    rule: "periodic",
    lo: Number.isNaN(baseLo) ? baseLo : addMonthsToDay(baseLo, months),
    hi: Number.isNaN(baseHi) ? baseHi : addMonthsToDay(baseHi, months),
    field,
    baseDate,
    baseLo,
    baseHi,
  };
}

function range(lo: number, hi: number): DateRange | undefined {
  return Number.isNaN(lo) ? undefined : { earliest: formatDayNumber(lo), latest: formatDayNumber(hi) };
}

const BASE_LABELS: Readonly<Record<DueBaseField, readonly [string, string]>> = {
  lastEvaluatedOn: ["上次评估", "last evaluation"],
  adoptedOn: ["成文", "adoption"],
  publishedOn: ["印发", "issue"],
  effectiveFrom: ["施行", "taking effect"],
  documentNumber: ["发文年份", "year of issue (from its number)"],
  validUntil: ["有效期届满", "validity end"],
  validityPeriod: ["有效期届满", "validity end"],
  policyDefault: ["有效期届满", "validity end"],
};

/**
 * A due item. A class so that the explanation, rarely read when a sweep
 * lists a hundred thousand items, is built on first read; `toJSON`
 * includes it.
 */
class DueItemRecord implements DueItem {
  readonly #state: CorpusState;
  readonly #k: number;
  readonly #due: DueComputation;
  #explanation: LocalizedMessage | undefined;
  readonly id: string;
  readonly number: string | undefined;
  readonly title: string;
  readonly rule: DueRule;
  readonly dueOn: PartialDate | undefined;
  readonly dueRange: DateRange | undefined;
  readonly overdue: TriState;
  readonly countedFrom: DueItem["countedFrom"];
  readonly status: DocumentStatus;
  readonly statusCertainty: "certain" | "uncertain";
  readonly basis: LegalBasis;

  constructor(state: CorpusState, k: number, date: PartialDate, d0: number, d1: number, due: DueComputation) {
    const doc = state.documents[k]!;
    const { monthsBeforeExpiry, periodicYears } = state.policy.evaluation;
    this.#state = state;
    this.#k = k;
    this.#due = due;
    this.id = doc.id;
    this.number = state.canonicalNumbers[k];
    this.title = doc.title;
    this.rule = due.rule;
    this.dueOn =
      due.baseDate === undefined
        ? due.lo === due.hi && !Number.isNaN(due.lo)
          ? formatDayNumber(due.lo)
          : undefined
        : due.rule === "beforeExpiry"
          ? shiftDate(due.baseDate, { months: -monthsBeforeExpiry })
          : shiftDate(due.baseDate, { years: periodicYears });
    this.dueRange = range(due.lo, due.hi);
    this.overdue = Number.isNaN(due.lo) ? "uncertain" : due.hi < d0 ? true : due.lo >= d1 ? false : "uncertain";
    this.countedFrom = { field: due.field, date: due.baseDate, range: range(due.baseLo, due.baseHi) };
    const status = computeStatus(state, k, date, d0, d1);
    this.status = status.status;
    this.statusCertainty = status.certainty;
    this.basis = state.policy.evaluation.basis;
  }

  get explanation(): LocalizedMessage {
    this.#explanation ??= explainDue(this.#state, this.#k, this.#due, this.dueOn, this.dueRange, this.overdue);
    return this.#explanation;
  }

  toJSON(): DueItem {
    const { id, number, title, rule, dueOn, dueRange, overdue, countedFrom, status, statusCertainty, basis, explanation } = this;
    return { id, number, title, rule, dueOn, dueRange, overdue, countedFrom, status, statusCertainty, basis, explanation };
  }
}

function explainDue(
  state: CorpusState,
  k: number,
  due: DueComputation,
  dueOn: PartialDate | undefined,
  dueRange: DateRange | undefined,
  overdue: TriState,
): LocalizedMessage {
  const policy: ValidityPolicy = state.policy;
  const name = displayName(state, k);
  const when = dueOn ?? (dueRange === undefined ? undefined : `${dueRange.earliest}…${dueRange.latest}`);
  const from = due.baseDate ?? (due.baseLo === due.baseHi && !Number.isNaN(due.baseLo) ? formatDayNumber(due.baseLo) : undefined);
  const since = BASE_LABELS[due.field ?? "adoptedOn"];
  const rule =
    due.rule === "beforeExpiry"
      ? { zh: `有效期届满（${from ?? "日期不详"}）前 ${policy.evaluation.monthsBeforeExpiry} 个月`, en: `${policy.evaluation.monthsBeforeExpiry} months before its validity ends (${from ?? "date unknown"})` }
      : {
          zh: `${since[0]}（${from ?? "日期不详"}）后 ${policy.evaluation.periodicYears} 年内`,
          en: `within ${policy.evaluation.periodicYears} years of its ${since[1]} (${from ?? "date unknown"})`,
        };
  const late =
    overdue === true ? { zh: "，已逾期", en: "; overdue" } : overdue === "uncertain" && when !== undefined ? { zh: "，是否逾期无法确定", en: "; whether overdue is uncertain" } : { zh: "", en: "" };
  const basis = policy.evaluation.basis;
  return {
    "zh-CN": `${name} 应于${rule.zh}评估${when === undefined ? "（评估期限无法计算）" : `，即 ${when}`}${late.zh}（${basis.document}${basis.article ?? ""}）。`,
    en: `${name} is due for evaluation ${rule.en}${when === undefined ? " (the due date cannot be computed)" : `, i.e. ${when}`}${late.en} (${basis.document} ${basis.article ?? ""}).`.replace(" )", ")"),
  };
}

/** @internal */
export function dueItem(state: CorpusState, k: number, date: PartialDate, d0: number, d1: number, due: DueComputation = computeDue(state, k)): DueItem {
  return new DueItemRecord(state, k, date, d0, d1, due);
}

/** @internal */
export function listDue(state: CorpusState, date: PartialDate, options: DueForEvaluationOptions | undefined): DueItem[] {
  const [d0, d1] = dayBounds(date);
  const within = options?.within;
  const windowEnd = addMonthsToDay(d1, (within?.years ?? 0) * 12 + (within?.months ?? 0)) + (within?.days ?? 0);
  const includeUnknown = options?.includeUnknown ?? true;
  const picked: Array<{ k: number; due: DueComputation }> = [];
  const n = state.documents.length;
  for (let k = 0; k < n; k++) {
    if (state.governed[k] === 0 || certainlyEnded(state, k, d0)) continue;
    const lo = dueLo(state, k);
    if (Number.isNaN(lo) ? includeUnknown : lo <= windowEnd) picked.push({ k, due: computeDue(state, k) });
  }
  // Earliest due first; unknown due dates last; ties by catalogue order.
  picked.sort((a, b) => (Number.isNaN(a.due.lo) ? 1 : 0) - (Number.isNaN(b.due.lo) ? 1 : 0) || a.due.lo - b.due.lo || a.k - b.k);
  return picked.map(({ k, due }) => dueItem(state, k, date, d0, d1, due));
}

/** @internal */
export function dueOf(state: CorpusState, k: number, date: PartialDate): DueItem | undefined {
  if (state.governed[k] === 0) return undefined;
  const [d0, d1] = dayBounds(date);
  return dueItem(state, k, date, d0, d1);
}
