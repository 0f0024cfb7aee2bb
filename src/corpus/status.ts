/**
 * 时效性 on a date: computed from the document's dates and the events other
 * documents cause (repeal, replacement, declaration of expiry, amendment),
 * never stored. A partial date that cannot settle the question gives an
 * `uncertain` answer listing every status still possible.
 *
 * @module
 */
import { spanOnOrBefore } from "../dates/daySpan.js";
import { TRI_FALSE, TRI_TRUE, TRI_UNCERTAIN, type TriCode } from "../dates/triState.js";
import type { LocalizedMessage } from "../errors.js";
import { fromDayNumber } from "../dates/calendar.js";
import type { DateRange, PartialDate, TriState } from "../dates/partialDate.js";
import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from "../documents/schema.js";
import { REL, type StartSource } from "./codes.js";
import { dayRange } from "./dayText.js";
import { displayName, endSourceAt, startSourceAt, type CorpusState } from "./state.js";

/** What happened to a document, or is known about it, that bears on its status. */
export type StatusEventKind =
  | "notYetEffective"
  | "inForceSince"
  | "validityEnded"
  | "repealed"
  | "replaced"
  | "declaredExpired"
  | "partiallyRepealed"
  | "amended";

/** One event that bears on a document's status. */
export interface StatusEvent {
  /** What happened. */
  readonly kind: StatusEventKind;
  /** The acting document's id (for repeal, replacement, declaration, amendment). */
  readonly by?: string | undefined;
  /** The acting document's canonical 发文字号, when it has one. */
  readonly byNumber?: string | undefined;
  /** The date as recorded (partial dates kept), when it was recorded as one date. */
  readonly date?: PartialDate | undefined;
  /** The span of days it may fall on; absent when unknown. */
  readonly range?: DateRange | undefined;
  /** Whether it had certainly happened by the queried date (`certain`) or may have (`uncertain`). */
  readonly certainty: "certain" | "uncertain";
}

/**
 * The answer of `corpus.statusAt(id, date)`.
 *
 * @example
 * ```ts
 * import { createCorpus } from "policy-eval";
 * import { qingyuanDocuments } from "policy-eval/examples";
 * const corpus = createCorpus(qingyuanDocuments);
 * const answer = corpus.statusAt("gbf-2016-13", "2021-08-20");
 * answer.status; //=> "in_force"
 * answer.certainty; //=> "certain"
 * ```
 */
export interface StatusAnswer {
  /** The document. */
  readonly id: string;
  /** The date asked about. */
  readonly date: PartialDate;
  /**
   * 时效性. When uncertain, the status that holds if every uncertain event
   * has not happened yet; {@link StatusAnswer.possibleStatuses} lists the rest.
   */
  readonly status: DocumentStatus;
  /** `certain` when the dates on record settle it. */
  readonly certainty: "certain" | "uncertain";
  /** Every status the document may have on that date (one when certain). */
  readonly possibleStatuses: readonly DocumentStatus[];
  /** 已修改 — whether an amendment had taken effect by the date. */
  readonly amended: TriState;
  /** The amendments that had, or may have, taken effect by the date. */
  readonly amendments: readonly StatusEvent[];
  /** The event or date that decided the status. */
  readonly decidedBy: StatusEvent;
  /** Other events that make the answer uncertain. */
  readonly uncertainEvents: readonly StatusEvent[];
  /** One sentence saying why, in zh-CN and en. */
  readonly explanation: LocalizedMessage;
}

const KIND_OF_EVENT: Readonly<Record<number, StatusEventKind>> = {
  [REL.repeals]: "repealed",
  [REL.replaces]: "replaced",
  [REL.declaresExpired]: "declaredExpired",
  [REL.amends]: "amended",
};

const STATUS_OF_KIND: Readonly<Partial<Record<StatusEventKind, DocumentStatus>>> = {
  validityEnded: "expired",
  repealed: "repealed",
  replaced: "repealed",
  declaredExpired: "expired",
  partiallyRepealed: "partially_in_force",
};

const EMPTY: readonly never[] = Object.freeze([]);
const ONLY: Readonly<Record<DocumentStatus, readonly DocumentStatus[]>> = Object.freeze({
  not_yet_in_force: Object.freeze(["not_yet_in_force"] as const),
  in_force: Object.freeze(["in_force"] as const),
  partially_in_force: Object.freeze(["partially_in_force"] as const),
  expired: Object.freeze(["expired"] as const),
  repealed: Object.freeze(["repealed"] as const),
});

/**
 * Whether an event that takes effect on a day of [lo, hi] has happened by
 * every day of the queried span [d0, d1]: certainly, certainly not, or
 * uncertain (also when its date is unknown: NaN).
 */
const happened = spanOnOrBefore;
type Happened = TriCode;
const NO = TRI_FALSE;
const YES = TRI_TRUE;
const MAYBE = TRI_UNCERTAIN;

/**
 * The start of a document as an event. Its day span is formatted on first
 * read: a sweep over a million documents rarely looks at it.
 */
class StartEvent implements StatusEvent {
  readonly #lo: number;
  readonly #hi: number;
  constructor(
    readonly kind: StatusEventKind,
    readonly date: PartialDate | undefined,
    lo: number,
    hi: number,
    readonly certainty: "certain" | "uncertain",
  ) {
    this.#lo = lo;
    this.#hi = hi;
  }

  get range(): DateRange | undefined {
    return dayRange(this.#lo, this.#hi);
  }

  toJSON(): StatusEvent {
    return { kind: this.kind, date: this.date, range: this.range, certainty: this.certainty };
  }
}

function startEvent(state: CorpusState, k: number, certainty: "certain" | "uncertain", kind: StatusEventKind): StatusEvent {
  return new StartEvent(kind, startDateOf(state, k), state.startLo[k]!, state.startHi[k]!, certainty);
}

interface Candidate {
  readonly kind: StatusEventKind;
  readonly lo: number;
  readonly hi: number;
  readonly h: Happened;
  readonly slot: number; // event slot, -1 for the validity end
}

/**
 * The status on [d0, d1] when the dates settle it for certain in one of the
 * common ways — not started yet; started, and nothing has happened to it but
 * perhaps a validity end — without building an answer; undefined otherwise.
 * computeStatus answers these cases from it (status, with certainty `certain`).
 * @internal
 */
export function quickStatus(state: CorpusState, k: number, d0: number, d1: number): DocumentStatus | undefined {
  const started = happened(state.startLo[k]!, state.startHi[k]!, d0, d1);
  if (started === NO) return "not_yet_in_force";
  if (started !== YES || state.eventStart[k] !== state.eventStart[k + 1]) return undefined;
  if (state.endSourceCode[k] === 0) return "in_force";
  const h = happened(state.endLo[k]! + 1, state.endHi[k]! + 1, d0, d1);
  return h === NO ? "in_force" : h === YES ? "expired" : undefined;
}

/** @internal */
export function computeStatus(state: CorpusState, k: number, date: PartialDate, d0: number, d1: number): StatusAnswer {
  // The common cases, settled by quickStatus: what the general steps below give, without their lists.
  switch (quickStatus(state, k, d0, d1)) {
    case "not_yet_in_force":
      return answer(state, k, date, "not_yet_in_force", ONLY.not_yet_in_force, startEvent(state, k, "certain", "notYetEffective"), EMPTY, EMPTY, false);
    case "in_force":
      return answer(state, k, date, "in_force", ONLY.in_force, startEvent(state, k, "certain", "inForceSince"), EMPTY, EMPTY, false);
    case "expired":
      // Expired from the day after the last valid day.
      return answer(state, k, date, "expired", ONLY.expired, validityEndEvent(state, k, state.endLo[k]! + 1, state.endHi[k]! + 1, YES), EMPTY, EMPTY, false);
  }
  const started = happened(state.startLo[k]!, state.startHi[k]!, d0, d1);

  // Terminating and partial events that happened, or may have, by the date.
  const candidates: Candidate[] = [];
  if (endSourceAt(state, k) !== undefined) {
    const lo = state.endLo[k]!;
    const hi = state.endHi[k]!;
    // Expired from the day after the last valid day.
    const h = happened(lo + 1, hi + 1, d0, d1);
    if (h !== NO) candidates.push({ kind: "validityEnded", lo: lo + 1, hi: hi + 1, h, slot: -1 });
  }
  const amendments: StatusEvent[] = [];
  let amended: TriState = false;
  for (let slot = state.eventStart[k]!; slot < state.eventStart[k + 1]!; slot++) {
    const lo = state.eventLo[slot]!;
    const hi = state.eventHi[slot]!;
    const h = happened(lo, hi, d0, d1);
    if (h === NO) continue;
    const type = state.eventType[slot]!;
    if (type === REL.amends) {
      amendments.push(eventOf(state, slot, "amended", h));
      amended = h === YES ? true : amended === true ? true : "uncertain";
      continue;
    }
    const kind = type === REL.repeals && state.eventPartial[slot] === 1 ? "partiallyRepealed" : KIND_OF_EVENT[type]!;
    candidates.push({ kind, lo, hi, h, slot });
  }

  // The earliest event that certainly happened decides; others that may have come first stay possible.
  let decided: Candidate | undefined;
  let partial: Candidate | undefined;
  for (const c of candidates) {
    if (c.h !== YES) continue;
    if (c.kind === "partiallyRepealed") {
      if (partial === undefined || c.lo < partial.lo) partial = c;
    } else if (decided === undefined || c.lo < decided.lo || (c.lo === decided.lo && c.hi < decided.hi)) {
      decided = c;
    }
  }
  const possible = new Set<DocumentStatus>();
  let status: DocumentStatus;
  let decidedBy: StatusEvent;
  const uncertain: StatusEvent[] = [];
  if (decided !== undefined) {
    status = STATUS_OF_KIND[decided.kind]!;
    decidedBy = candidateEvent(state, k, decided);
    possible.add(status);
    for (const c of candidates) {
      // A different full termination whose span overlaps the decider's may have come first.
      if (c === decided || c.kind === "partiallyRepealed" || STATUS_OF_KIND[c.kind] === status) continue;
      if (Number.isNaN(c.lo) || c.lo <= decided.hi) {
        possible.add(STATUS_OF_KIND[c.kind]!);
        uncertain.push(candidateEvent(state, k, c));
      }
    }
  } else {
    status = partial !== undefined ? "partially_in_force" : started === YES ? "in_force" : "not_yet_in_force";
    decidedBy =
      partial !== undefined ? candidateEvent(state, k, partial) : startEvent(state, k, started === YES ? "certain" : "uncertain", started === YES ? "inForceSince" : "notYetEffective");
    possible.add(status);
    if (started === MAYBE) {
      possible.add("not_yet_in_force");
      possible.add(partial !== undefined ? "partially_in_force" : "in_force");
    }
    for (const c of candidates) {
      if (c.h !== MAYBE) continue;
      possible.add(STATUS_OF_KIND[c.kind]!);
      uncertain.push(candidateEvent(state, k, c));
    }
  }
  if (started === MAYBE && decided === undefined && startSourceAt(state, k) === undefined) {
    // No date at all on record: whether it has started is unknown.
    decidedBy = { kind: "notYetEffective", certainty: "uncertain" };
  }
  return answer(state, k, date, status, possible.size === 1 ? ONLY[status] : [...possible], decidedBy, uncertain, amendments, amended);
}

function startDateOf(state: CorpusState, k: number): PartialDate | undefined {
  const doc = state.documents[k]!;
  switch (startSourceAt(state, k)) {
    case "effectiveFrom":
      return doc.effectiveFrom;
    case "publishedOn":
      return doc.publishedOn;
    case "adoptedOn":
      return doc.adoptedOn;
    case "documentNumber":
      // The start is then the year in the number, from its first day.
      return String(fromDayNumber(state.startLo[k]!).year) as PartialDate;
    default:
      return undefined;
  }
}

function eventOf(state: CorpusState, slot: number, kind: StatusEventKind, h: Happened): StatusEvent {
  const source = state.eventSource[slot]!;
  const relation = state.documents[source]!.relations![state.eventRelation[slot]!]!;
  return {
    kind,
    by: state.documents[source]!.id,
    byNumber: state.canonicalNumbers[source],
    date: relation.on ?? startDateOf(state, source),
    range: dayRange(state.eventLo[slot]!, state.eventHi[slot]!),
    certainty: h === YES ? "certain" : "uncertain",
  };
}

function candidateEvent(state: CorpusState, k: number, c: Candidate): StatusEvent {
  return c.slot >= 0 ? eventOf(state, c.slot, c.kind, c.h) : validityEndEvent(state, k, c.lo, c.hi, c.h);
}

/** The end of validity as an event, expiry falling on [lo, hi] (the day after the last valid day). */
function validityEndEvent(state: CorpusState, k: number, lo: number, hi: number, h: Happened): StatusEvent {
  return {
    kind: "validityEnded",
    date: endSourceAt(state, k) === "validUntil" ? state.documents[k]!.validUntil : undefined,
    range: dayRange(lo - 1, hi - 1),
    certainty: h === YES ? "certain" : "uncertain",
  };
}

const STATUS_ORDER: readonly DocumentStatus[] = ["not_yet_in_force", "in_force", "partially_in_force", "expired", "repealed"];

/**
 * A status answer. A class so that the explanation, rarely read in a sweep
 * over a million documents, is built on first read without a closure per
 * answer; `toJSON` includes it.
 */
class StatusAnswerRecord implements StatusAnswer {
  readonly #state: CorpusState;
  readonly #k: number;
  #explanation: LocalizedMessage | undefined;
  readonly id: string;
  readonly date: PartialDate;
  readonly status: DocumentStatus;
  readonly certainty: "certain" | "uncertain";
  readonly possibleStatuses: readonly DocumentStatus[];
  readonly amended: TriState;
  readonly amendments: readonly StatusEvent[];
  readonly decidedBy: StatusEvent;
  readonly uncertainEvents: readonly StatusEvent[];

  constructor(
    state: CorpusState,
    k: number,
    date: PartialDate,
    status: DocumentStatus,
    possibleStatuses: readonly DocumentStatus[],
    decidedBy: StatusEvent,
    uncertainEvents: readonly StatusEvent[],
    amendments: readonly StatusEvent[],
    amended: TriState,
  ) {
    this.#state = state;
    this.#k = k;
    this.id = state.documents[k]!.id;
    this.date = date;
    this.status = status;
    this.certainty = possibleStatuses.length === 1 && decidedBy.certainty === "certain" ? "certain" : "uncertain";
    this.possibleStatuses = possibleStatuses;
    this.amended = amended;
    this.amendments = amendments;
    this.decidedBy = decidedBy;
    this.uncertainEvents = uncertainEvents;
  }

  get explanation(): LocalizedMessage {
    this.#explanation ??= explain(this.#state, this.#k, this.date, this.status, this.certainty, this.possibleStatuses, this.decidedBy, this.amended);
    return this.#explanation;
  }

  toJSON(): StatusAnswer {
    const { id, date, status, certainty, possibleStatuses, amended, amendments, decidedBy, uncertainEvents, explanation } = this;
    return { id, date, status, certainty, possibleStatuses, amended, amendments, decidedBy, uncertainEvents, explanation };
  }
}

function answer(
  state: CorpusState,
  k: number,
  date: PartialDate,
  status: DocumentStatus,
  possible: readonly DocumentStatus[],
  decidedBy: StatusEvent,
  uncertainEvents: readonly StatusEvent[],
  amendments: readonly StatusEvent[],
  amended: TriState,
): StatusAnswer {
  const possibleStatuses = possible.length === 1 ? possible : STATUS_ORDER.filter((s) => possible.includes(s));
  return new StatusAnswerRecord(
    state,
    k,
    date,
    status,
    possibleStatuses,
    decidedBy,
    uncertainEvents.length === 0 ? EMPTY : uncertainEvents,
    amendments.length === 0 ? EMPTY : amendments,
    amended,
  );
}

/**
 * Without an effective date a document is taken to be in force from its
 * publication, else its adoption, else the year in its number (normative
 * documents commonly take effect 自印发之日起); the explanation says which.
 */
const START_LABELS: Readonly<Record<StartSource, readonly [string, string]>> = {
  effectiveFrom: ["", ""],
  publishedOn: ["（按印发日期）", " (from its issue date)"],
  adoptedOn: ["（按成文日期）", " (from its adoption date)"],
  documentNumber: ["（按文号年份）", " (from the year in its number)"],
};

function when(event: StatusEvent): { zh: string; en: string } {
  const d = event.date ?? (event.range === undefined ? undefined : event.range.earliest === event.range.latest ? event.range.earliest : `${event.range.earliest}…${event.range.latest}`);
  return d === undefined ? { zh: "（日期不详）", en: " (date unknown)" } : { zh: `于 ${d} `, en: ` on ${d}` };
}

function byWhom(event: StatusEvent): string {
  return event.byNumber ?? event.by ?? "";
}

function explain(
  state: CorpusState,
  k: number,
  date: PartialDate,
  status: DocumentStatus,
  certainty: "certain" | "uncertain",
  possible: readonly DocumentStatus[],
  decidedBy: StatusEvent,
  amended: TriState,
): LocalizedMessage {
  const name = displayName(state, k);
  const w = when(decidedBy);
  let zh: string;
  let en: string;
  switch (decidedBy.kind) {
    case "notYetEffective":
      zh = decidedBy.range === undefined ? `${name} 无施行、发布或成文日期记录` : `${name} ${w.zh}施行`;
      en = decidedBy.range === undefined ? `${name} has no effective, publication or adoption date on record` : `${name} takes effect${w.en}`;
      break;
    case "inForceSince": {
      const [sz, se] = START_LABELS[startSourceAt(state, k) ?? "effectiveFrom"];
      zh = `${name} 自 ${decidedBy.date ?? decidedBy.range?.earliest} 起施行${sz}`;
      en = `${name} in force since ${decidedBy.date ?? decidedBy.range?.earliest}${se}`;
      break;
    }
    case "validityEnded":
      zh = `${name} 有效期${decidedBy.range === undefined ? "届满日期不详" : `至 ${decidedBy.date ?? decidedBy.range.latest}`}`;
      en = `${name} validity ${decidedBy.range === undefined ? "end unknown" : `ended ${decidedBy.date ?? decidedBy.range.latest}`}`;
      break;
    default: {
      const verb: Record<string, [string, string]> = {
        repealed: ["废止", "repealed"],
        replaced: ["替代（废止）", "replaced (repealed)"],
        declaredExpired: ["宣布失效", "declared expired"],
        partiallyRepealed: ["部分废止", "partially repealed"],
      };
      const [vz, ve] = verb[decidedBy.kind] ?? ["变更", "changed"];
      zh = `${name} ${w.zh}被 ${byWhom(decidedBy)} ${vz}`;
      en = `${name} ${ve} by ${byWhom(decidedBy)}${w.en}`;
    }
  }
  const label = DOCUMENT_STATUS_LABELS[status];
  const head =
    certainty === "certain"
      ? { zh: `截至 ${date}：${label}`, en: `On ${date}: ${status}` }
      : {
          zh: `截至 ${date}：无法确定（可能为${possible.map((s) => DOCUMENT_STATUS_LABELS[s]).join("或")}）`,
          en: `On ${date}: uncertain (${possible.join(" or ")})`,
        };
  const amendNote =
    amended === true ? { zh: "；已修改", en: "; amended" } : amended === "uncertain" ? { zh: "；可能已修改", en: "; possibly amended" } : { zh: "", en: "" };
  return { "zh-CN": `${head.zh}。${zh}${amendNote.zh}。`, en: `${head.en}. ${en}${amendNote.en}.` };
}
