/**
 * When a normative document falls due for evaluation. Default rule (粤府令第277号
 * art. 34): a document with a validity period is evaluated 6 months before it
 * expires; one without, no later than 5 years after its adoption or its last
 * evaluation. The numbers come from the corpus's {@link ValidityPolicy}.
 *
 * @module
 */
import { spanBefore } from "../dates/daySpan.js";
import { fromTriCode } from "../dates/triState.js";
import { addMonthsToDay, fromDayNumber } from "../dates/calendar.js";
import { dayBounds, formatDayNumber, type DateRange, type PartialDate, type TriState } from "../dates/partialDate.js";
import type { LocalizedMessage } from "../errors.js";
import type { DocumentStatus, PolicyDocument } from "../documents/schema.js";
import type { LegalBasis, ValidityPolicy } from "../documents/validityPolicy.js";
import { EVALUATED, GOVERNED, REL } from "./codes.js";
import { dayRange, dayText } from "./dayText.js";
import { daySpanOf } from "../dates/daySpan.js";
import { displayName, endSourceAt, startSourceAt, type CorpusState } from "./state.js";
import { computeStatus, quickStatus } from "./status.js";

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

/** What a due date is computed from. */
interface DueComputation {
  rule: DueRule;
  lo: number;
  hi: number;
  field: DueBaseField | undefined;
  baseDate: PartialDate | undefined;
  baseLo: number;
  baseHi: number;
}

/** addMonthsToDay, keeping an unknown day (NaN) unknown. */
function shiftDay(day: number, months: number): number {
  return Number.isNaN(day) ? day : addMonthsToDay(day, months);
}

/**
 * The first day a document may fall due, without allocating (NaN when
 * unknown): computeDue's `lo`. Reads the document itself only if it has a
 * last evaluation date.
 */
function dueLo(state: CorpusState, k: number): number {
  const evaluation = state.policy.evaluation;
  if (state.endSourceCode[k] !== 0) return shiftDay(state.endLo[k]!, -evaluation.monthsBeforeExpiry);
  const lo = (state.governed[k]! & EVALUATED) === 0 ? state.bornLo[k]! : daySpanOf(state.documents[k]!.lastEvaluatedOn!)[0];
  return shiftDay(lo, evaluation.periodicYears * 12);
}

function computeDue(state: CorpusState, k: number, doc: PolicyDocument = state.documents[k]!): DueComputation {
  const { monthsBeforeExpiry, periodicYears } = state.policy.evaluation;
  const endSource = endSourceAt(state, k);
  if (endSource !== undefined) {
    const baseLo = state.endLo[k]!;
    const baseHi = state.endHi[k]!;
    return {
      rule: "beforeExpiry",
      lo: shiftDay(baseLo, -monthsBeforeExpiry),
      hi: shiftDay(baseHi, -monthsBeforeExpiry),
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
    const span = daySpanOf(baseDate);
    baseLo = span[0];
    baseHi = span[1];
  } else {
    baseLo = state.bornLo[k]!;
    baseHi = state.bornHi[k]!;
    if (doc.adoptedOn !== undefined) {
      field = "adoptedOn";
      baseDate = doc.adoptedOn;
    } else if (doc.publishedOn !== undefined) {
      field = "publishedOn";
      baseDate = doc.publishedOn;
    } else if (doc.effectiveFrom !== undefined) {
      field = "effectiveFrom";
      baseDate = doc.effectiveFrom;
    } else if (!Number.isNaN(baseLo)) {
      // Without any date on record, the adoption range is the year in the number.
      field = "documentNumber";
      baseDate = String(fromDayNumber(baseLo).year) as PartialDate;
    }
  }
  return {
    rule: "periodic",
    lo: shiftDay(baseLo, periodicYears * 12),
    hi: shiftDay(baseHi, periodicYears * 12),
    field,
    baseDate,
    baseLo,
    baseHi,
  };
}

/**
 * shiftDate(baseDate, { months }), read off `lo`, the shifted first day of
 * baseDate (a shifted first of a month is a first of a month): the same
 * text, from the formatting cache.
 */
function shiftedDate(baseDate: PartialDate, lo: number, months: number): PartialDate | undefined {
  if (baseDate.length === 4 && months % 12 !== 0) return undefined;
  return dayText(lo, baseDate.length as 4 | 7 | 10);
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

  constructor(state: CorpusState, k: number, date: PartialDate, d0: number, d1: number) {
    const doc = state.documents[k]!;
    const due = computeDue(state, k, doc);
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
          ? dayText(due.lo)
          : undefined
        : shiftedDate(due.baseDate, due.lo, due.rule === "beforeExpiry" ? -monthsBeforeExpiry : periodicYears * 12);
    this.dueRange = dayRange(due.lo, due.hi);
    // Overdue when every day it may be due on is before every day of the query (NaN: unknown).
    this.overdue = fromTriCode(spanBefore(due.lo, due.hi, d0, d1));
    this.countedFrom = { field: due.field, date: due.baseDate, range: dayRange(due.baseLo, due.baseHi) };
    const quick = quickStatus(state, k, d0, d1);
    if (quick === undefined) {
      const status = computeStatus(state, k, date, d0, d1);
      this.status = status.status;
      this.statusCertainty = status.certainty;
    } else {
      this.status = quick;
      this.statusCertainty = "certain";
    }
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
export function listDue(state: CorpusState, date: PartialDate, options: DueForEvaluationOptions | undefined): DueItem[] {
  const [d0, d1] = dayBounds(date);
  const within = options?.within;
  const windowEnd = addMonthsToDay(d1, (within?.years ?? 0) * 12 + (within?.months ?? 0)) + (within?.days ?? 0);
  const includeUnknown = options?.includeUnknown ?? true;
  // Items are built while the catalogue is swept in order (each document is then read where it lies),
  // and sorted afterwards.
  const items: DueItem[] = [];
  // Sort keys: the first possible due day, unknown (NaN) as +Infinity so that it sorts last.
  const keys: number[] = [];
  const n = state.documents.length;
  for (let k = 0; k < n; k++) {
    if ((state.governed[k]! & GOVERNED) === 0 || certainlyEnded(state, k, d0)) continue;
    const lo = dueLo(state, k);
    if (Number.isNaN(lo) ? includeUnknown : lo <= windowEnd) {
      items.push(new DueItemRecord(state, k, date, d0, d1));
      keys.push(Number.isNaN(lo) ? Number.POSITIVE_INFINITY : lo);
    }
  }
  // Earliest due first; unknown due dates last; ties by catalogue order (items are in catalogue order,
  // and Infinity - Infinity is NaN, which falls through to the position).
  const order = new Int32Array(items.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const out: DueItem[] = [];
  for (let i = 0; i < order.length; i++) out.push(items[order[i]!]!);
  return out;
}

/** @internal */
export function dueOf(state: CorpusState, k: number, date: PartialDate): DueItem | undefined {
  if ((state.governed[k]! & GOVERNED) === 0) return undefined;
  const [d0, d1] = dayBounds(date);
  return new DueItemRecord(state, k, date, d0, d1);
}
