/**
 * Building a corpus: validate the whole catalogue (structure with zod, then
 * the semantics across documents), collect every problem at once, and only
 * then build the indexes. Nothing is half-built.
 *
 * Sized for a million documents on a small machine, which shapes the code:
 * - one pass over the documents reads each while it is in cache, and keeps
 *   what later steps need (fingerprints of ids, numbers and relation targets)
 *   in arrays, so that the hash tables are filled and probed afterwards in
 *   tight loops whose random memory accesses overlap;
 * - per-document and per-relation arrays live on the JS heap (plain number
 *   arrays), not in typed arrays: V8 counts typed-array memory as external,
 *   and every 64 MB of it allocated between full collections starts one — a
 *   full collection over a million input documents costs 0.3–0.6 s. Only the
 *   hash tables and byte-sized codes are typed arrays.
 *
 * @module
 * @internal
 */
import * as z from "zod";
import { formatDayNumber, type CalendarDate, type DateRange, type PartialDate } from "../dates/partialDate.js";
import { addMonthsToDay, daysInMonth, isLeapYear, toDayNumber } from "../dates/calendar.js";
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import { canonicalDocumentYear, parseDocumentNumber, safeParseDocumentNumber, type DocumentNumber } from "../documents/documentNumber.js";
import { ADMIN_LEVELS, PolicyDocumentSchema, type AdminLevel, type InstrumentRank, type PolicyDocument, type RelationType } from "../documents/schema.js";
import { durationMonths, validityClassOf, type ValidityPolicy } from "../documents/validityPolicy.js";
import { isCertainlyValidDocument } from "../documents/fastValidate.js";
import { issueAt, issueFromZod } from "../schema-issues.js";
import { findDuplicates, fingerprint, LazyStringTable, StringTable } from "./stringTable.js";
import { cycleIn, cyclicComponents, type Adjacency } from "./graph.js";

/** Relation type codes in the typed arrays. */
export const REL = {
  implements: 0,
  basedOn: 1,
  amends: 2,
  repeals: 3,
  replaces: 4,
  declaresExpired: 5,
  cites: 6,
} as const satisfies Record<RelationType, number>;

/** Relation type by code. @internal */
export const REL_NAMES: readonly RelationType[] = ["implements", "basedOn", "amends", "repeals", "replaces", "declaresExpired", "cites"];

/** Where a document's start date came from. */
export type StartSource = "effectiveFrom" | "publishedOn" | "adoptedOn" | "documentNumber";

/** Where a document's validity end came from. */
export type EndSource = "validUntil" | "validityPeriod" | "policyDefault";

/** Codes of {@link StartSource} in the typed arrays (0 = unknown). */
const START_SOURCES: readonly (StartSource | undefined)[] = [undefined, "effectiveFrom", "publishedOn", "adoptedOn", "documentNumber"];

/** Codes of {@link EndSource} in the typed arrays (0 = none). */
const END_SOURCES: readonly (EndSource | undefined)[] = [undefined, "validUntil", "validityPeriod", "policyDefault"];

const START_EFFECTIVE = 1;
const START_PUBLISHED = 2;
const START_ADOPTED = 3;
const START_NUMBER = 4;
const END_VALID_UNTIL = 1;
const END_PERIOD = 2;
const END_POLICY = 3;

/** Bits of {@link CorpusState.governed}. @internal */
export const GOVERNED = 1;
/** @internal */
export const EVALUATED = 2;

/** Where document k's start came from. @internal */
export function startSourceAt(state: CorpusState, k: number): StartSource | undefined {
  return START_SOURCES[state.startSourceCode[k]!];
}

/** Where document k's validity end came from (undefined: it has none). @internal */
export function endSourceAt(state: CorpusState, k: number): EndSource | undefined {
  return END_SOURCES[state.endSourceCode[k]!];
}

/**
 * The built, validated state of a corpus: plain arrays indexed by document
 * position, so that statusAt and dueForEvaluation run over 1M documents
 * without allocating per document. Day numbers are integers, NaN when unknown.
 * @internal
 */
export interface CorpusState {
  readonly documents: readonly PolicyDocument[];
  /**
   * Parsed numbers: filled at build time for numbers read leniently, and on
   * first request for numbers already canonical (see {@link numberAt}).
   */
  readonly numbers: Map<number, DocumentNumber>;
  /** The canonical spelling of each document's number, if it has one. */
  readonly canonicalNumbers: ReadonlyArray<string | undefined>;
  /** Document index by id. */
  readonly indexById: StringTable;
  /** Document index by canonical 发文字号 (built on first use). */
  readonly indexByNumber: LazyStringTable;
  /** First day in force, as a day range; NaN when unknown. */
  readonly startLo: readonly number[];
  readonly startHi: readonly number[];
  /** Where the start came from: an index into `START_SOURCES`, 0 when unknown. */
  readonly startSourceCode: Uint8Array;
  /** Adoption (成文) day range used for the existence checks and the periodic evaluation; NaN when unknown. */
  readonly bornLo: readonly number[];
  readonly bornHi: readonly number[];
  /** Last day in force by validity, as a day range; NaN when the document has no validity end. */
  readonly endLo: readonly number[];
  readonly endHi: readonly number[];
  /** Where the validity end came from: an index into `END_SOURCES`, 0 when none. */
  readonly endSourceCode: Uint8Array;
  /** Incoming lifecycle events per target (CSR): the acting document, type and date range. */
  readonly eventStart: ArrayLike<number>;
  readonly eventSource: ArrayLike<number>;
  readonly eventType: Uint8Array;
  readonly eventPartial: Uint8Array;
  readonly eventLo: ArrayLike<number>;
  readonly eventHi: ArrayLike<number>;
  /** The relation index on the acting document (for dates and paths). */
  readonly eventRelation: ArrayLike<number>;
  /** Children by hierarchy relation (CSR over parents): who implements / is based on each document. */
  readonly children: Adjacency;
  readonly childType: Uint8Array;
  /** Parents by hierarchy relation (CSR over children). */
  readonly parents: Adjacency;
  readonly parentType: Uint8Array;
  readonly policy: ValidityPolicy;
  /**
   * Flags: {@link GOVERNED} when the policy governs the document (normative, covered level and
   * jurisdiction), {@link EVALUATED} when it has a last evaluation date.
   */
  readonly governed: Uint8Array;
  readonly warnings: readonly PolicyEvalIssue[];
}

/** The index of a (valid) rank in INSTRUMENT_RANKS: their lengths differ. @internal */
export function rankOf(rank: InstrumentRank): number {
  switch (rank.length) {
    case 12:
      return 0; // constitution
    case 3:
      return 1; // law
    case 24:
      return 2; // administrativeRegulation
    case 15:
      return 3; // localRegulation
    case 5:
      return 4; // rules
    case 17:
      return 5; // normativeDocument
    default:
      return 6; // otherDocument
  }
}

/** The index of a (valid) level in ADMIN_LEVELS. @internal */
export function levelOf(level: AdminLevel): number {
  switch (level.length) {
    case 7:
      return 0; // central
    case 4:
      return 2; // city
    case 6:
      return 3; // county
    default:
      return level.charCodeAt(0) === 112 ? 1 : 4; // province, township
  }
}

/** The serialised form of a corpus (see `corpus.toJSON()`). */
export const CORPUS_FORMAT = "policy-eval.corpus/1";

const CorpusEnvelopeSchema = z.object({ format: z.literal(CORPUS_FORMAT), documents: z.array(z.unknown()) }).strict();

function documentsOf(input: unknown, issues: PolicyEvalIssue[]): readonly unknown[] | undefined {
  if (Array.isArray(input)) return input;
  const envelope = CorpusEnvelopeSchema.safeParse(input, { reportInput: true });
  if (envelope.success) return envelope.data.documents;
  issues.push(
    createIssue("invalid-type", [], {
      "zh-CN": `文件目录应为文件数组或 ${CORPUS_FORMAT} 格式的对象`,
      en: `A catalogue must be an array of documents or a ${CORPUS_FORMAT} object`,
    }),
  );
  return undefined;
}

const DAY_TEXT = new Map<number, string>();

/**
 * formatDayNumber, remembered: a sweep over a million documents formats the
 * same few thousand days again and again. With a length of 7 or 4, the
 * day's month (`YYYY-MM`) or year. @internal
 */
export function dayText(day: number): CalendarDate;
/** @internal */
export function dayText(day: number, length: 4 | 7 | 10): PartialDate;
/** @internal */
export function dayText(day: number, length: 4 | 7 | 10 = 10): PartialDate {
  const key = day * 16 + length;
  let text = DAY_TEXT.get(key);
  if (text === undefined) {
    if (DAY_TEXT.size >= 1 << 16) DAY_TEXT.clear();
    text = length === 10 ? formatDayNumber(day) : formatDayNumber(day).slice(0, length);
    DAY_TEXT.set(key, text);
  }
  return text as PartialDate;
}

/** A day span as calendar dates (from the formatting cache); undefined when unknown (NaN). @internal */
export function dayRange(lo: number, hi: number): DateRange | undefined {
  return Number.isNaN(lo) ? undefined : { earliest: dayText(lo), latest: dayText(hi) };
}

function fmtRange(lo: number, hi: number): string {
  return lo === hi ? formatDayNumber(lo) : `${formatDayNumber(lo)}…${formatDayNumber(hi)}`;
}

function yearOf(date: string): number {
  return date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 53328; // 48 × 1111
}

function monthOf(date: string): number {
  return date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528; // 48 × 11
}

/** The first day a valid partial date may stand for (as firstDayNumber). @internal */
export function firstDayOf(date: string): number {
  const year = yearOf(date);
  if (date.length === 4) return toDayNumber(year, 1, 1);
  return toDayNumber(year, monthOf(date), date.length === 7 ? 1 : date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528);
}

/** The last day a valid partial date may stand for (as lastDayNumber), given its first day. @internal */
export function lastDayOf(date: string, first: number): number {
  if (date.length === 10) return first;
  const year = yearOf(date);
  if (date.length === 4) return first + (isLeapYear(year) ? 365 : 364);
  return first + daysInMonth(year, monthOf(date)) - 1;
}

/** An array of n copies of value. @internal */
export function filled<T>(n: number, value: T): T[] {
  // new Array(n) is in fast (holey) element mode here; fill keeps it so.
  return new Array<T>(n).fill(value);
}

/**
 * An array of length n to be written before it is read, its element kind
 * set by `first` (its first element): cheaper than `filled` for a million
 * elements, which writes every element twice (holes, then the value). An
 * element never written reads as undefined.
 */
function sized<T>(n: number, first: T): T[] {
  const out = [first];
  out.length = n;
  return out;
}

/** A pass-1 error, with the step that found it (0 structure and id, 1 number, 2 validity). */
interface EarlyIssue {
  readonly head: number;
  readonly step: number;
  readonly issue: PolicyEvalIssue;
}

/**
 * Validates a catalogue and builds its state, or throws one PolicyEvalError
 * listing every problem (warnings included, marked as such).
 * @internal
 */
export function buildCorpusState(input: unknown, policy: ValidityPolicy): CorpusState {
  const issues: PolicyEvalIssue[] = [];
  const raw = documentsOf(input, issues);
  if (raw === undefined) throw new PolicyEvalError(issues);

  // One pass over the documents: structure, identity, dates and rank, each document read while it is
  // in cache (a million documents are a million cold objects). Relations need every id, so their
  // targets are only hashed here, and resolved after the pass.
  const size = raw.length;
  // Arrays are created with an element of the kind they will hold: storing an object into an array
  // created empty (`new Array(n)`) changes its element kind, and slows every later store.
  const documents = sized<PolicyDocument | undefined>(size, undefined) as PolicyDocument[];
  // Input position of each kept document; only built once an invalid document shifts them.
  let inputIndex: number[] | undefined;
  const invalid: number[] = [];
  // Ids of invalid documents (first position of each): a valid document with the same id after it is a duplicate too.
  const invalidIds = new Map<string, number>();
  const early: EarlyIssue[] = [];
  const numbers = new Map<number, DocumentNumber>();
  const canonicalNumbers = sized<string | undefined>(size, undefined);
  const ids = sized(size, "");
  const idHash = new Int32Array(size);
  const numberHash = new Int32Array(size);
  const warnings: PolicyEvalIssue[] = [];
  // Written for every document in the pass.
  const startLo = sized(size, Number.NaN);
  const startHi = sized(size, Number.NaN);
  // The adoption range is most often the start range: its own arrays are made only once a document
  // has a different one (until then they would be copies).
  let bornLo: number[] | undefined;
  let bornHi: number[] | undefined;
  const endLo = sized(size, Number.NaN);
  const endHi = sized(size, Number.NaN);
  const startSourceCode = new Uint8Array(size);
  const endSourceCode = new Uint8Array(size);
  const rank = new Uint8Array(size);
  const level = new Uint8Array(size);
  const governed = new Uint8Array(size);
  const levelGoverned = ADMIN_LEVELS.map((l) => policy.appliesTo.adminLevels.includes(l));
  // Per relation, in document and relation order: the target's fingerprint and text, and the type
  // with flags; the dates of relations that have one, in the same order. relationStart[k] is where
  // document k's relations begin.
  let capacity = relationCapacity(raw);
  let relationHash = new Int32Array(capacity);
  let relationInfo = new Uint8Array(capacity);
  const relationText = sized(capacity, "");
  const relationStart = new Int32Array(size + 1);
  const onLo: number[] = [];
  const onHi: number[] = [];
  let m = 0;
  const atOf = (k: number): number => (inputIndex === undefined ? k : inputIndex[k]!);

  let n = 0;
  for (let i = 0; i < size; i++) {
    // 1. Structure: valid documents are kept as given (the schema has no transforms, so its output
    // would equal them); anything else goes through zod, every issue kept.
    const value = raw[i];
    let doc: PolicyDocument;
    if (isCertainlyValidDocument(value)) {
      doc = value;
    } else {
      const result = PolicyDocumentSchema.safeParse(value, { reportInput: true });
      if (!result.success) {
        if (inputIndex === undefined) {
          inputIndex = [];
          for (let k = 0; k < n; k++) inputIndex.push(k);
        }
        invalid.push(i);
        for (const zi of result.error.issues) early.push({ head: i, step: 0, issue: issueFromZod(zi, [i]) });
        const id = (value as { id?: unknown } | null | undefined)?.id;
        if (typeof id === "string" && !invalidIds.has(id.trim())) invalidIds.set(id.trim(), i);
        continue;
      }
      doc = result.data;
    }
    const k = n++;
    documents[k] = doc;
    inputIndex?.push(i);

    // 2. Identity: ids and document numbers, hashed now and checked for duplicates after the pass.
    const id = doc.id;
    ids[k] = id;
    idHash[k] = fingerprint(id);
    // The year inside the document's number; NaN when none.
    const year = doc.number === undefined ? Number.NaN : readNumber(doc, k, i);

    // 3. Dates: start, adoption, validity end.
    let start: string | undefined;
    let code = 0;
    if (doc.effectiveFrom !== undefined) {
      start = doc.effectiveFrom;
      code = START_EFFECTIVE;
    } else if (doc.publishedOn !== undefined) {
      start = doc.publishedOn;
      code = START_PUBLISHED;
    } else if (doc.adoptedOn !== undefined) {
      start = doc.adoptedOn;
      code = START_ADOPTED;
    } else if (!Number.isNaN(year)) {
      code = START_NUMBER;
    }
    startSourceCode[k] = code;
    // The year inside a document number is a year-precision date (the number is assigned when the document is issued).
    const born = doc.adoptedOn ?? doc.publishedOn ?? doc.effectiveFrom;
    let lo = Number.NaN;
    let hi = Number.NaN;
    if (start !== undefined) {
      lo = firstDayOf(start);
      hi = lastDayOf(start, lo);
    } else if (code === START_NUMBER) {
      lo = toDayNumber(year, 1, 1);
      hi = toDayNumber(year, 12, 31);
    }
    startLo[k] = lo;
    startHi[k] = hi;
    if (born !== start) {
      if (bornLo === undefined || bornHi === undefined) {
        bornLo = sized(size, Number.NaN);
        bornHi = sized(size, Number.NaN);
        for (let earlier = 0; earlier < k; earlier++) {
          bornLo[earlier] = startLo[earlier]!;
          bornHi[earlier] = startHi[earlier]!;
        }
      }
      bornLo[k] = firstDayOf(born!);
      bornHi[k] = lastDayOf(born!, bornLo[k]!);
    } else if (bornLo !== undefined && bornHi !== undefined) {
      bornLo[k] = lo;
      bornHi[k] = hi;
    }
    rank[k] = rankOf(doc.instrumentRank);
    const lv = levelOf(doc.adminLevel);
    level[k] = lv;
    // isGovernedBy, with the level looked up once per policy.
    const isGoverned = doc.isNormative && levelGoverned[lv] === true && (doc.jurisdiction === undefined || policy.appliesTo.jurisdictions.includes(doc.jurisdiction));
    governed[k] = (isGoverned ? GOVERNED : 0) | (doc.lastEvaluatedOn === undefined ? 0 : EVALUATED);
    readValidityEnd(doc, k, i, isGoverned);

    relationStart[k] = m;
    const relations = doc.relations;
    if (relations !== undefined) {
      const count = relations.length;
      if (m + count > capacity) {
        capacity = Math.max(m + count, Math.ceil(capacity * 1.5) + 16);
        relationHash = grown(relationHash, new Int32Array(capacity));
        relationInfo = grown(relationInfo, new Uint8Array(capacity));
      }
      for (let j = 0; j < count; j++, m++) {
        const rel = relations[j]!;
        const target = rel.target;
        relationHash[m] = fingerprint(target);
        relationText[m] = target;
        let info = relationCode(rel.type);
        const on = rel.on;
        if (on !== undefined) {
          info |= HAS_ON;
          const lo = firstDayOf(on);
          onLo.push(lo);
          onHi.push(lastDayOf(on, lo));
        }
        if (rel.partial === true) info |= PARTIAL;
        relationInfo[m] = info;
      }
    }
  }
  documents.length = n;
  ids.length = n;
  const bornFrom = bornLo ?? startLo;
  const bornTo = bornHi ?? startHi;
  relationText.length = m;
  relationStart[n] = m;

  function readNumber(doc: PolicyDocument, k: number, at: number): number {
    const text = doc.number!;
    // Most catalogues write numbers canonically: check those without building a number object.
    const fastYear = canonicalDocumentYear(text);
    if (fastYear !== undefined) {
      canonicalNumbers[k] = text;
      numberHash[k] = fingerprint(text);
      return fastYear;
    }
    const parsed = safeParseDocumentNumber(text);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        early.push({
          head: at,
          step: 1,
          issue: issueAt(issue, [at, "number", ...issue.path]),
        });
      }
      return Number.NaN;
    }
    numbers.set(k, parsed.data);
    canonicalNumbers[k] = parsed.data.canonical;
    for (const warning of parsed.warnings) {
      warnings.push(
        createIssue("nonstandard-document-number", [at, "number"], warning.messages, {
          severity: "warning",
          params: { warning: warning.code, text, canonical: parsed.data.canonical },
        }),
      );
    }
    // The canonical spelling is one-to-one with the identity (kind, issuer code, year, serial).
    numberHash[k] = fingerprint(parsed.data.canonical);
    return parsed.data.year ?? Number.NaN;
  }

  function readValidityEnd(doc: PolicyDocument, k: number, at: number, isGoverned: boolean): void {
    let end0 = Number.NaN;
    let end1 = Number.NaN;
    let source = 0;
    if (doc.validUntil !== undefined) {
      end0 = firstDayOf(doc.validUntil);
      end1 = lastDayOf(doc.validUntil, end0);
      source = END_VALID_UNTIL;
    } else {
      let period: number | undefined;
      if (doc.validityPeriod !== undefined) {
        period = durationMonths(doc.validityPeriod);
        source = END_PERIOD;
      } else if (isGoverned) {
        period = validityMonths(policy, doc.title, "default");
        if (period !== undefined) source = END_POLICY;
      }
      // In force for `period` months from the first day: the last day is the day before the anniversary.
      // A length without a known start leaves the end unknown (NaN) while endSource says a length exists.
      if (period !== undefined && !Number.isNaN(startLo[k]!)) {
        end0 = addMonthsToDay(startLo[k]!, period) - 1;
        end1 = addMonthsToDay(startHi[k]!, period) - 1;
      }
    }
    endSourceCode[k] = source;
    endLo[k] = end0;
    endHi[k] = end1;
    if (source === 0) return;
    const field = doc.validUntil !== undefined ? "validUntil" : "validityPeriod";
    if (!Number.isNaN(end0) && !Number.isNaN(startLo[k]!) && end1 < startLo[k]!) {
      early.push({
        head: at,
        step: 2,
        issue: createIssue("validity-before-start", [at, field], {
          "zh-CN": `有效期截止（${fmtRange(end0, end1)}）早于施行日期（${fmtRange(startLo[k]!, startHi[k]!)}）`,
          en: `Validity ends (${fmtRange(end0, end1)}) before the document takes effect (${fmtRange(startLo[k]!, startHi[k]!)})`,
        }),
      });
    }
    const maxMonths = isGoverned ? validityMonths(policy, doc.title, "maximum") : undefined;
    if (maxMonths !== undefined && !Number.isNaN(end0) && !Number.isNaN(startLo[k]!) && end0 > addMonthsToDay(startHi[k]!, maxMonths) - 1) {
      warnings.push(
        createIssue(
          "validity-exceeds-maximum",
          [at, field],
          {
            "zh-CN": `有效期超过${policy.name["zh-CN"]}规定的上限（${maxMonths / 12} 年）`,
            en: `The validity period exceeds the ${maxMonths / 12}-year maximum of ${policy.name.en}`,
          },
          { severity: "warning", params: { maxMonths, basis: policy.validity?.basis } },
        ),
      );
    }
  }

  // Identity, in document order: an id or number seen before is a duplicate (of its first holder).
  const indexById = new StringTable(n, ids);
  const duplicateId = (k: number, seen: number): void => {
    const i = atOf(k);
    const first = Math.min(seen === -1 ? i : atOf(seen), invalidIds.get(ids[k]!) ?? i);
    if (first === i) return;
    early.push({ head: i, step: 0, issue: duplicateIdIssue(i, ids[k]!, first) });
  };
  for (let k = 0; k < n; k++) {
    const seen = indexById.insertHashed(idHash[k]!, k);
    // An id may also repeat an invalid document's: with those about, every document is checked.
    if (seen !== -1 || invalidIds.size > 0) duplicateId(k, seen);
  }
  // Numbers are only checked for duplicates here; their index is built if someone looks one up.
  findDuplicates(numberHash, n, canonicalNumbers, (k, other) => {
    early.push({ head: atOf(k), step: 1, issue: duplicateNumberIssue(atOf(k), canonicalNumbers[k]!, documents[other]!.id) });
  });
  const indexByNumber = new LazyStringTable(canonicalNumbers, n);
  // Errors of the pass in input order, and for one document in the order its checks ran.
  if (early.length > 0) {
    early.sort((a, b) => a.head - b.head || a.step - b.step);
    for (const e of early) issues.push(e.issue);
  }
  // With invalid documents about, identity checks use every readable raw id.
  const rawIds = invalid.length > 0 ? checkInvalidDocuments(raw, invalid, issues) : undefined;

  // 4. Relations. Targets first, in two tight loops: the document whose id has the target's
  // fingerprint, then the id itself (a fingerprint shared with another id takes the exact lookup).
  // The fingerprints are not needed after this: the candidates replace them (less memory at the peak).
  const targetIndex = relationHash;
  for (let e = 0; e < m; e++) targetIndex[e] = indexById.candidateOf(relationHash[e]!);
  for (let e = 0; e < m; e++) {
    const t = targetIndex[e]!;
    if (t !== -1 && ids[t] !== relationText[e]) targetIndex[e] = indexById.get(relationText[e]!);
  }

  // Then dates, rank and edge lists. Hierarchy edges come in child order: the parents' CSR is built as they come.
  const parentStart = sized(n + 1, 0);
  const parentTargets = sized(m, 0);
  const parentTypes = new Uint8Array(m);
  const lifeFrom: number[] = [];
  const lifeTo: number[] = [];
  const lifeRelation: number[] = [];
  const evType: number[] = [];
  const evPartial: number[] = [];
  const evLo: number[] = [];
  const evHi: number[] = [];
  // Whether every edge points to an earlier document: then neither graph can have a cycle.
  let backward = true;
  let h = 0;
  let dated = 0;
  for (let k = 0; k < n; k++) {
    parentStart[k] = h;
    const first = relationStart[k]!;
    const end = relationStart[k + 1]!;
    for (let e = first; e < end; e++) {
      const info = relationInfo[e]!;
      const code = info & CODE;
      let lo = startLo[k]!;
      let hi = startHi[k]!;
      if ((info & HAS_ON) !== 0) {
        lo = onLo[dated]!;
        hi = onHi[dated]!;
        dated++;
      }
      const t = targetIndex[e]!;
      const j = e - first;
      if (t === -1) {
        const target = relationText[e]!;
        if (rawIds?.has(target) === true) continue; // the target exists but is invalid: reported there
        issues.push(unknownReferenceIssue(atOf(k), j, target));
        continue;
      }
      if (t === k) {
        issues.push(
          createIssue("self-relation", [atOf(k), "relations", j, "target"], {
            "zh-CN": `文件不能与自身建立关系（${REL_NAMES[code]}）`,
            en: `A document cannot relate to itself (${REL_NAMES[code]})`,
          }),
        );
        continue;
      }
      if (t > k) backward = false;
      // A relation dated before its own document existed cannot be right.
      if ((info & HAS_ON) !== 0 && !Number.isNaN(bornFrom[k]!) && hi < bornFrom[k]!) {
        const doc = documents[k]!;
        const on = doc.relations![j]!.on;
        issues.push(
          createIssue(
            "relation-before-document",
            [atOf(k), "relations", j, "on"],
            {
              "zh-CN": `关系日期 ${on} 早于文件 ${doc.id} 的成文日期（${fmtRange(bornFrom[k]!, bornTo[k]!)}）`,
              en: `Relation dated ${on}, before document ${doc.id} existed (${fmtRange(bornFrom[k]!, bornTo[k]!)})`,
            },
            { params: { on } },
          ),
        );
      }
      if (code === REL.implements || code === REL.basedOn) {
        parentTargets[h] = t;
        parentTypes[h] = code;
        h++;
        if (rank[t]! > rank[k]! || level[t]! > level[k]!) hierarchyWarnings(k, t, j);
      } else if (code !== REL.cites) {
        lifeFrom.push(k);
        lifeTo.push(t);
        lifeRelation.push(j);
        evType.push(code);
        evPartial.push((info & PARTIAL) !== 0 ? 1 : 0);
        evLo.push(lo);
        evHi.push(hi);
        // An amendment or repeal cannot take effect before its target existed.
        if (!Number.isNaN(hi) && !Number.isNaN(bornFrom[t]!) && hi < bornFrom[t]!) {
          const type = REL_NAMES[code];
          const target = relationText[e]!;
          issues.push(
            createIssue(
              "relation-before-target",
              [atOf(k), "relations", j, (info & HAS_ON) === 0 ? "target" : "on"],
              {
                "zh-CN": `${type} 关系的日期（${fmtRange(lo, hi)}）早于目标文件 ${target} 的成文日期（${fmtRange(bornFrom[t]!, bornTo[t]!)}）`,
                en: `The ${type} relation is dated ${fmtRange(lo, hi)}, before its target ${target} existed (${fmtRange(bornFrom[t]!, bornTo[t]!)})`,
              },
              { params: { target } },
            ),
          );
        }
      }
    }
  }
  parentStart[n] = h;
  parentTargets.length = h;

  function hierarchyWarnings(k: number, t: number, j: number): void {
    const doc = documents[k]!;
    const target = documents[t]!;
    if (rank[t]! > rank[k]!) {
      warnings.push(
        createIssue(
          "parent-lower-rank",
          [atOf(k), "relations", j, "target"],
          {
            "zh-CN": `上位文件 ${target.id} 的效力位阶（${target.instrumentRank}）低于本文件（${doc.instrumentRank}）`,
            en: `Parent ${target.id} ranks lower (${target.instrumentRank}) than this document (${doc.instrumentRank})`,
          },
          { severity: "warning", params: { parent: target.id } },
        ),
      );
    }
    if (level[t]! > level[k]!) {
      warnings.push(
        createIssue(
          "parent-lower-level",
          [atOf(k), "relations", j, "target"],
          {
            "zh-CN": `上位文件 ${target.id} 的行政层级（${target.adminLevel}）低于本文件（${doc.adminLevel}）`,
            en: `Parent ${target.id} is at a lower administrative level (${target.adminLevel}) than this document (${doc.adminLevel})`,
          },
          { severity: "warning", params: { parent: target.id } },
        ),
      );
    }
  }

  // 5. Cycles, in the hierarchy and in the lifecycle relations.
  const parents: Adjacency = { start: parentStart, targets: parentTargets };
  if (!backward) {
    // The relation behind a hierarchy edge: its document's relations are walked again (a cycle is rare).
    const hierarchyRelation = (edge: number, from: number): number => {
      let r = edge - parentStart[from]!;
      for (let e = relationStart[from]!; ; e++) {
        const t = targetIndex[e]!;
        const code = relationInfo[e]! & CODE;
        if (t !== -1 && t !== from && (code === REL.implements || code === REL.basedOn) && r-- === 0) return e - relationStart[from]!;
      }
    };
    reportCycles(n, parents, hierarchyRelation, atOf, documents, "hierarchy", issues);
    // Lifecycle edges come in source order too, so the CSR keeps their order.
    reportCycles(n, csr(n, lifeFrom, lifeTo), (edge) => lifeRelation[edge]!, atOf, documents, "lifecycle", issues);
  }

  if (issues.length > 0) {
    // Every problem at once, in input order (warnings too, marked as such).
    const all = [...issues, ...warnings].map((issue, order) => ({ issue, order }));
    all.sort((a, b) => firstIndex(a.issue) - firstIndex(b.issue) || a.order - b.order);
    throw new PolicyEvalError(all.map((x) => x.issue));
  }

  // Children: the hierarchy edges again, grouped by parent (a stable counting sort).
  const parentType = parentTypes.subarray(0, h);
  const childStart = endsByNode(n, parentTargets);
  const childTargets = sized(h, 0);
  const childType = new Uint8Array(h);
  for (let v = n - 1; v >= 0; v--) {
    for (let e = parentStart[v + 1]! - 1; e >= parentStart[v]!; e--) {
      const slot = --childStart[parentTargets[e]!]!;
      childTargets[slot] = v;
      childType[slot] = parentType[e]!;
    }
  }
  // Events: lifecycle edges grouped by target, the same way.
  const l = lifeFrom.length;
  const eventStart = endsByNode(n, lifeTo);
  const eventSource = sized(l, 0);
  const eventType = new Uint8Array(l);
  const eventPartial = new Uint8Array(l);
  const eventLo = sized(l, Number.NaN);
  const eventHi = sized(l, Number.NaN);
  const eventRelation = sized(l, 0);
  for (let edge = l - 1; edge >= 0; edge--) {
    const slot = --eventStart[lifeTo[edge]!]!;
    eventSource[slot] = lifeFrom[edge]!;
    eventType[slot] = evType[edge]!;
    eventPartial[slot] = evPartial[edge]!;
    eventLo[slot] = evLo[edge]!;
    eventHi[slot] = evHi[edge]!;
    eventRelation[slot] = lifeRelation[edge]!;
  }

  return {
    documents,
    numbers,
    canonicalNumbers,
    indexById,
    indexByNumber,
    startLo,
    startHi,
    startSourceCode,
    bornLo: bornFrom,
    bornHi: bornTo,
    endLo,
    endHi,
    endSourceCode,
    eventStart,
    eventSource,
    eventType,
    eventPartial,
    eventLo,
    eventHi,
    eventRelation,
    children: { start: childStart, targets: childTargets },
    childType,
    parents,
    parentType,
    policy,
    governed,
    warnings,
  };
}

/** Relation info bits: the type code, whether the relation has its own date, whether it is partial. */
const CODE = 7;
const HAS_ON = 8;
const PARTIAL = 16;

/** The code of a (valid) relation type, by its length and first letter: REL[type] without a keyed lookup. */
function relationCode(type: RelationType): number {
  switch (type.length) {
    case 10:
      return REL.implements;
    case 7:
      return type.charCodeAt(0) === 98 ? REL.basedOn : REL.repeals;
    case 6:
      return REL.amends;
    case 8:
      return REL.replaces;
    case 15:
      return REL.declaresExpired;
    default:
      return REL.cites;
  }
}

/**
 * How many relations to make room for: the average over a sample of the
 * input, with a margin (the arrays grow if it falls short).
 */
function relationCapacity(raw: readonly unknown[]): number {
  const step = Math.max(1, Math.floor(raw.length / 1024));
  let sampled = 0;
  let count = 0;
  for (let i = 0; i < raw.length; i += step, sampled++) {
    const relations = (raw[i] as { relations?: unknown } | null | undefined)?.relations;
    if (Array.isArray(relations)) count += relations.length;
  }
  return sampled === 0 ? 16 : Math.ceil((count / sampled) * raw.length * 1.1) + 16;
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * For a counting sort of edges by target node: element v is where node v's
 * block ends (and element n is the edge count). Placing the edges from the
 * last one, each at `--ends[target]`, keeps their order within a block and
 * leaves element v at the start of node v's block: a CSR start array.
 */
function endsByNode(n: number, targets: readonly number[]): number[] {
  const ends = filled(n + 1, 0);
  for (let e = 0; e < targets.length; e++) ends[targets[e]!]! += 1;
  for (let v = 1; v < n; v++) ends[v]! += ends[v - 1]!;
  ends[n] = targets.length;
  return ends;
}

/** CSR adjacency from edge lists, edges of one node in list order (a stable counting sort). */
function csr(n: number, from: readonly number[], to: readonly number[]): Adjacency {
  const start = filled(n + 1, 0);
  for (let e = 0; e < from.length; e++) start[from[e]! + 1]! += 1;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const next = start.slice(0, n);
  const targets = filled(from.length, 0);
  for (let e = 0; e < from.length; e++) targets[next[from[e]!]!++] = to[e]!;
  return { start, targets };
}

/**
 * Documents that failed the schema still take part in the identity and
 * reference checks where their id and relations are readable, so one run
 * reports every problem.
 */
function checkInvalidDocuments(raw: readonly unknown[], invalid: readonly number[], issues: PolicyEvalIssue[]): Map<string, number> {
  const idOf = (value: unknown): string | undefined => {
    const id = (value as { id?: unknown } | null | undefined)?.id;
    return typeof id === "string" && id.trim() !== "" ? id.trim() : undefined;
  };
  const known = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const id = idOf(raw[i]);
    if (id !== undefined && !known.has(id)) known.set(id, i);
  }
  for (const i of invalid) {
    const id = idOf(raw[i]);
    const first = id === undefined ? undefined : known.get(id);
    if (id !== undefined && first !== undefined && first !== i) issues.push(duplicateIdIssue(i, id, first));
    const relations = (raw[i] as { relations?: unknown } | null | undefined)?.relations;
    if (!Array.isArray(relations)) continue;
    relations.forEach((rel: unknown, j) => {
      const target = (rel as { target?: unknown } | null | undefined)?.target;
      if (typeof target === "string" && target.trim() !== "" && !known.has(target.trim())) issues.push(unknownReferenceIssue(i, j, target));
    });
  }
  return known;
}

/** How a document is named in messages: its canonical 发文字号, else its title in 《》. @internal */
export function displayName(state: CorpusState, k: number): string {
  return state.canonicalNumbers[k] ?? `《${state.documents[k]!.title}》`;
}

/** The parsed number of document k, parsed on first request when it was canonical. @internal */
export function numberAt(state: CorpusState, k: number): DocumentNumber | undefined {
  const text = state.canonicalNumbers[k];
  if (text === undefined) return undefined;
  let parsed = state.numbers.get(k);
  if (parsed === undefined) {
    parsed = parseDocumentNumber(text);
    state.numbers.set(k, parsed);
  }
  return parsed;
}

/** The issue of an id that is not in the catalogue. @internal */
export function unknownDocumentIssue(id: string, path: IssuePath): PolicyEvalIssue {
  return createIssue("unknown-document", path, { "zh-CN": `目录中没有文件 ${id}`, en: `No document ${id} in the catalogue` }, { params: { id } });
}

function duplicateIdIssue(at: number, id: string, first: number): PolicyEvalIssue {
  return createIssue(
    "duplicate-id",
    [at, "id"],
    { "zh-CN": `文件标识重复：${id}（与第 ${first} 项相同）`, en: `Duplicate id ${id} (same as item ${first})` },
    { params: { id, firstIndex: first } },
  );
}

function unknownReferenceIssue(at: number, j: number, target: string): PolicyEvalIssue {
  return createIssue(
    "unknown-reference",
    [at, "relations", j, "target"],
    { "zh-CN": `引用了目录中不存在的文件：${target}`, en: `Unknown document referenced: ${target}` },
    { params: { target } },
  );
}

function duplicateNumberIssue(at: number, canonical: string, otherId: string): PolicyEvalIssue {
  return createIssue(
    "duplicate-number",
    [at, "number"],
    { "zh-CN": `发文字号重复：${canonical}（与文件 ${otherId} 相同）`, en: `Duplicate document number ${canonical} (same as document ${otherId})` },
    { params: { number: canonical, otherId } },
  );
}

function firstIndex(issue: PolicyEvalIssue): number {
  const head = issue.path[0];
  return typeof head === "number" ? head : -1;
}

/**
 * The policy's validity length, in months, for a document with this title:
 * its `default` or `maximum` for an ordinary document; a provisional or
 * announcement length serves as both.
 */
function validityMonths(policy: ValidityPolicy, title: string, bound: "default" | "maximum"): number | undefined {
  const validity = policy.validity;
  if (validity === undefined) return undefined;
  const cls = validityClassOf(title);
  const d = cls === "provisional" ? validity.provisional : cls === "announcement" ? validity.announcement : validity[bound];
  return d === undefined ? undefined : durationMonths(d);
}

function reportCycles(
  n: number,
  adj: Adjacency,
  relationOf: (edge: number, from: number) => number,
  atOf: (k: number) => number,
  documents: readonly PolicyDocument[],
  kind: "hierarchy" | "lifecycle",
  issues: PolicyEvalIssue[],
): void {
  const components = cyclicComponents(n, adj);
  for (const component of components) {
    const cycle = cycleIn(component, adj);
    const ids = cycle.map((v) => documents[v]!.id);
    // The issue points at the first relation of the cycle's first document to the next one.
    const from = cycle[0]!;
    let e = adj.start[from]!;
    while (adj.targets[e] !== cycle[1]) e++;
    const at = atOf(from);
    const j = relationOf(e, from);
    const label = kind === "hierarchy" ? { zh: "上下位关系", en: "hierarchy (implements/basedOn)" } : { zh: "修改/废止关系", en: "amend/repeal" };
    issues.push(
      createIssue(
        "relation-cycle",
        [at, "relations", j],
        {
          "zh-CN": `${label.zh}形成循环：${ids.join(" → ")}`,
          en: `Cycle in the ${label.en} relations: ${ids.join(" → ")}`,
        },
        { params: { cycle: ids, kind } },
      ),
    );
  }
}
