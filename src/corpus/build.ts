/**
 * Building a corpus: validate the whole catalogue (structure with zod, then
 * the semantics across documents), collect every problem at once, and only
 * then build the indexes. Nothing is half-built.
 *
 * @module
 * @internal
 */
import * as z from "zod";
import { dayBounds, firstDayNumber, formatDayNumber, lastDayNumber } from "../dates/partialDate.js";
import type { PartialDate } from "../dates/partialDate.js";
import { addMonthsToDay, toDayNumber } from "../dates/calendar.js";
import { createIssue, PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import { canonicalDocumentYear, parseDocumentNumber, safeParseDocumentNumber, type DocumentNumber } from "../documents/documentNumber.js";
import {
  ADMIN_LEVELS,
  INSTRUMENT_RANKS,
  PolicyDocumentSchema,
  type PolicyDocument,
  type RelationType,
} from "../documents/schema.js";
import { durationMonths, isGovernedBy, validityClassOf, type ValidityPolicy } from "../documents/validityPolicy.js";
import { isCertainlyValidDocument } from "../documents/fastValidate.js";
import { issueFromZod } from "../schema-issues.js";
import { StringTable } from "./stringTable.js";
import { buildAdjacency, cycleIn, cyclicComponents, type Adjacency } from "./graph.js";

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

/** Codes of {@link StartSource} in the typed arrays (0 = unknown). @internal */
export const START_SOURCES: readonly (StartSource | undefined)[] = [undefined, "effectiveFrom", "publishedOn", "adoptedOn", "documentNumber"];

/** Codes of {@link EndSource} in the typed arrays (0 = none). @internal */
export const END_SOURCES: readonly (EndSource | undefined)[] = [undefined, "validUntil", "validityPeriod", "policyDefault"];

/** Where document k's start came from. @internal */
export function startSourceAt(state: CorpusState, k: number): StartSource | undefined {
  return START_SOURCES[state.startSourceCode[k]!];
}

/** Where document k's validity end came from (undefined: it has none). @internal */
export function endSourceAt(state: CorpusState, k: number): EndSource | undefined {
  return END_SOURCES[state.endSourceCode[k]!];
}

// Day numbers are kept in Float32Arrays: exact for every integer below 2^24 (±45,000 years
// around 1970), NaN for "unknown", and half the memory of Float64Array — a million documents'
// typed arrays count as external memory, and their size decides how often V8 runs a full GC.

/**
 * The built, validated state of a corpus: plain arrays indexed by document
 * position, so that statusAt and dueForEvaluation run over 1M documents
 * without allocating per document.
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
  /** The year inside each document's number; NaN when none. */
  readonly numberYear: Float32Array;
  /** Document index by id. */
  readonly indexById: StringTable;
  /** Document index by canonical 发文字号. */
  readonly indexByNumber: StringTable;
  /** First day in force, as a day range; NaN when unknown. */
  readonly startLo: Float32Array;
  readonly startHi: Float32Array;
  /** Where the start came from: an index into {@link START_SOURCES}, 0 when unknown. */
  readonly startSourceCode: Uint8Array;
  /** Adoption (成文) day range used for the existence checks and the periodic evaluation; NaN when unknown. */
  readonly bornLo: Float32Array;
  readonly bornHi: Float32Array;
  /** Last day in force by validity, as a day range; NaN when the document has no validity end. */
  readonly endLo: Float32Array;
  readonly endHi: Float32Array;
  /** Where the validity end came from: an index into {@link END_SOURCES}, 0 when none. */
  readonly endSourceCode: Uint8Array;
  /** Incoming lifecycle events per target (CSR): the acting document, type and date range. */
  readonly eventStart: Int32Array;
  readonly eventSource: Int32Array;
  readonly eventType: Uint8Array;
  readonly eventPartial: Uint8Array;
  readonly eventLo: Float32Array;
  readonly eventHi: Float32Array;
  /** The relation index on the acting document (for dates and paths). */
  readonly eventRelation: Int32Array;
  /** Children by hierarchy relation (CSR over parents): who implements / is based on each document. */
  readonly children: Adjacency;
  readonly childType: Uint8Array;
  /** Parents by hierarchy relation (CSR over children). */
  readonly parents: Adjacency;
  readonly parentType: Uint8Array;
  readonly policy: ValidityPolicy;
  /** 1 when the policy governs the document (normative, covered level and jurisdiction). */
  readonly governed: Uint8Array;
  readonly warnings: readonly PolicyEvalIssue[];
}

const RANK = new Map<string, number>(INSTRUMENT_RANKS.map((r, i) => [r, i]));
const LEVEL = new Map<string, number>(ADMIN_LEVELS.map((l, i) => [l, i]));

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

function firstOrNaN(date: PartialDate | undefined): number {
  return date === undefined ? Number.NaN : firstDayNumber(date);
}

function lastOrNaN(date: PartialDate | undefined): number {
  return date === undefined ? Number.NaN : lastDayNumber(date);
}

function fmtRange(lo: number, hi: number): string {
  return lo === hi ? formatDayNumber(lo) : `${formatDayNumber(lo)}…${formatDayNumber(hi)}`;
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
  // in cache (a million documents are a million cold objects). Relations need every id, so they come after.
  const size = raw.length;
  const documents: PolicyDocument[] = [];
  const inputIndex = new GrowList(size);
  const invalid: number[] = [];
  // Ids of invalid documents seen so far: a later valid document with the same id is a duplicate too.
  const invalidIds = new Map<string, number>();
  // Filled, not `new Array(n)`: V8 keeps a presized array above 100k slots in slow dictionary mode.
  const numbers = new Map<number, DocumentNumber>();
  const canonicalNumbers: Array<string | undefined> = filled(size, undefined);
  const indexById = new StringTable(size);
  const indexByNumber = new StringTable(size);
  const numberYear = new Float32Array(size).fill(Number.NaN);
  const warnings: PolicyEvalIssue[] = [];
  const startLo = new Float32Array(size);
  const startHi = new Float32Array(size);
  const bornLo = new Float32Array(size);
  const bornHi = new Float32Array(size);
  const endLo = new Float32Array(size);
  const endHi = new Float32Array(size);
  const startSourceCode = new Uint8Array(size);
  const endSourceCode = new Uint8Array(size);
  const rank = new Uint8Array(size);
  const level = new Uint8Array(size);
  const governed = new Uint8Array(size);
  let hierarchyCount = 0;
  let lifecycleCount = 0;

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
        invalid.push(i);
        for (const zi of result.error.issues) issues.push(issueFromZod(zi, [i]));
        const id = (value as { id?: unknown } | null | undefined)?.id;
        if (typeof id === "string" && !invalidIds.has(id.trim())) invalidIds.set(id.trim(), i);
        continue;
      }
      doc = result.data;
    }
    const k = documents.length;
    documents.push(doc);
    inputIndex.push(i);

    // 2. Identity: ids and document numbers.
    const seen = indexById.insert(doc.id, k);
    const seenInvalid = invalidIds.get(doc.id);
    const first = Math.min(seen === -1 ? i : inputIndex.at(seen), seenInvalid ?? i);
    if (first !== i) {
      issues.push(
        createIssue(
          "duplicate-id",
          [i, "id"],
          { "zh-CN": `文件标识重复：${doc.id}（与第 ${first} 项相同）`, en: `Duplicate id ${doc.id} (same as item ${first})` },
          { params: { id: doc.id, firstIndex: first } },
        ),
      );
    }
    if (doc.number !== undefined) readNumber(doc, k, i);

    // 3. Dates: start, adoption, validity end.
    const year = numberYear[k]!;
    const startSource: StartSource | undefined =
      doc.effectiveFrom !== undefined ? "effectiveFrom" : doc.publishedOn !== undefined ? "publishedOn" : doc.adoptedOn !== undefined ? "adoptedOn" : Number.isNaN(year) ? undefined : "documentNumber";
    startSourceCode[k] = START_SOURCES.indexOf(startSource);
    // The year inside a document number is a year-precision date (the number is assigned when the document is issued).
    const startDate = doc.effectiveFrom ?? doc.publishedOn ?? doc.adoptedOn;
    startLo[k] = startDate !== undefined ? firstDayNumber(startDate) : Number.isNaN(year) ? Number.NaN : toDayNumber(year, 1, 1);
    startHi[k] = startDate !== undefined ? lastDayNumber(startDate) : Number.isNaN(year) ? Number.NaN : toDayNumber(year, 12, 31);
    const bornDate = doc.adoptedOn ?? doc.publishedOn ?? doc.effectiveFrom;
    bornLo[k] = bornDate !== undefined ? firstDayNumber(bornDate) : Number.isNaN(year) ? Number.NaN : toDayNumber(year, 1, 1);
    bornHi[k] = bornDate !== undefined ? lastDayNumber(bornDate) : Number.isNaN(year) ? Number.NaN : toDayNumber(year, 12, 31);
    readValidityEnd(doc, k, i);

    rank[k] = RANK.get(doc.instrumentRank)!;
    level[k] = LEVEL.get(doc.adminLevel)!;
    governed[k] = isGovernedBy(policy, doc) ? 1 : 0;
    const relations = doc.relations;
    if (relations !== undefined) {
      for (let j = 0; j < relations.length; j++) {
        const type = relations[j]!.type;
        if (type === "implements" || type === "basedOn") hierarchyCount++;
        else if (type !== "cites") lifecycleCount++;
      }
    }
  }
  const n = documents.length;
  // With invalid documents about, identity checks use every readable raw id.
  const rawIds = invalid.length > 0 ? checkInvalidDocuments(raw, invalid, issues) : undefined;

  function readNumber(doc: PolicyDocument, k: number, at: number): void {
    const text = doc.number!;
    // Most catalogues write numbers canonically: check those without building a number object.
    const fastYear = canonicalDocumentYear(text);
    if (fastYear !== undefined) {
      canonicalNumbers[k] = text;
      numberYear[k] = fastYear;
      const other = indexByNumber.insert(text, k);
      if (other !== -1) issues.push(duplicateNumberIssue(at, text, documents[other]!.id));
      return;
    }
    const parsed = safeParseDocumentNumber(text);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push(createIssue(issue.code, [at, "number", ...issue.path], issue.messages, issue.params === undefined ? {} : { params: issue.params }));
      }
      return;
    }
    numbers.set(k, parsed.data);
    canonicalNumbers[k] = parsed.data.canonical;
    if (parsed.data.year !== undefined) numberYear[k] = parsed.data.year;
    for (const warning of parsed.warnings) {
      warnings.push(
        createIssue("nonstandard-document-number", [at, "number"], warning.messages, {
          severity: "warning",
          params: { warning: warning.code, text, canonical: parsed.data.canonical },
        }),
      );
    }
    // The canonical spelling is one-to-one with the identity (kind, issuer code, year, serial).
    const other = indexByNumber.insert(parsed.data.canonical, k);
    if (other !== -1) issues.push(duplicateNumberIssue(at, parsed.data.canonical, documents[other]!.id));
  }

  function readValidityEnd(doc: PolicyDocument, k: number, at: number): void {
    let end0 = Number.NaN;
    let end1 = Number.NaN;
    let source: EndSource | undefined;
    if (doc.validUntil !== undefined) {
      end0 = firstDayNumber(doc.validUntil);
      end1 = lastDayNumber(doc.validUntil);
      source = "validUntil";
    } else {
      let period: number | undefined;
      if (doc.validityPeriod !== undefined) {
        period = durationMonths(doc.validityPeriod);
        source = "validityPeriod";
      } else if (policy.validity !== undefined && isGovernedBy(policy, doc)) {
        period = defaultValidityMonths(policy, doc.title);
        if (period !== undefined) source = "policyDefault";
      }
      // In force for `period` months from the first day: the last day is the day before the anniversary.
      // A length without a known start leaves the end unknown (NaN) while endSource says a length exists.
      if (period !== undefined && !Number.isNaN(startLo[k]!)) {
        end0 = addMonthsToDay(startLo[k]!, period) - 1;
        end1 = addMonthsToDay(startHi[k]!, period) - 1;
      }
    }
    endSourceCode[k] = END_SOURCES.indexOf(source);
    endLo[k] = end0;
    endHi[k] = end1;
    if (source === undefined) return;
    const field = doc.validUntil !== undefined ? "validUntil" : "validityPeriod";
    if (!Number.isNaN(end0) && !Number.isNaN(startLo[k]!) && end1 < startLo[k]!) {
      issues.push(
        createIssue("validity-before-start", [at, field], {
          "zh-CN": `有效期截止（${fmtRange(end0, end1)}）早于施行日期（${fmtRange(startLo[k]!, startHi[k]!)}）`,
          en: `Validity ends (${fmtRange(end0, end1)}) before the document takes effect (${fmtRange(startLo[k]!, startHi[k]!)})`,
        }),
      );
    }
    const maxMonths = policy.validity === undefined ? undefined : maxValidityMonths(policy, doc.title);
    if (maxMonths !== undefined && isGovernedBy(policy, doc) && !Number.isNaN(end0) && !Number.isNaN(startLo[k]!) && end0 > addMonthsToDay(startHi[k]!, maxMonths) - 1) {
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

  // 4. Relations: targets, dates, rank; edge lists for the indexes.
  // Edge lists in typed arrays sized by the count above: no growth, and no garbage-collected arrays of a million entries.
  const evTarget = new GrowList(lifecycleCount);
  const evSource = new GrowList(lifecycleCount);
  const evType = new GrowList(lifecycleCount);
  const evPartial = new GrowList(lifecycleCount);
  const evLo = new Float32Array(lifecycleCount);
  const evHi = new Float32Array(lifecycleCount);
  const evRel = new GrowList(lifecycleCount);
  const hFrom = new GrowList(hierarchyCount);
  const hTo = new GrowList(hierarchyCount);
  const hType = new GrowList(hierarchyCount);
  const lFrom = new GrowList(lifecycleCount);
  const lTo = new GrowList(lifecycleCount);
  const hEdgeRel = new GrowList(hierarchyCount);
  const lEdgeRel = new GrowList(lifecycleCount);
  for (let k = 0; k < n; k++) {
    const doc = documents[k]!;
    const at = inputIndex.at(k);
    const relations = doc.relations ?? [];
    for (let j = 0; j < relations.length; j++) {
      const rel = relations[j]!;
      const found = indexById.get(rel.target);
      const t = found === -1 ? undefined : found;
      if (t === undefined) {
        if (rawIds?.has(rel.target) === true) continue; // the target exists but is invalid: reported there
        issues.push(
          createIssue(
            "unknown-reference",
            [at, "relations", j, "target"],
            { "zh-CN": `引用了目录中不存在的文件：${rel.target}`, en: `Unknown document referenced: ${rel.target}` },
            { params: { target: rel.target } },
          ),
        );
        continue;
      }
      if (t === k) {
        issues.push(
          createIssue("self-relation", [at, "relations", j, "target"], {
            "zh-CN": `文件不能与自身建立关系（${rel.type}）`,
            en: `A document cannot relate to itself (${rel.type})`,
          }),
        );
        continue;
      }
      const code = REL[rel.type];
      const lo = rel.on === undefined ? startLo[k]! : firstDayNumber(rel.on);
      const hi = rel.on === undefined ? startHi[k]! : lastDayNumber(rel.on);
      // A relation dated before its own document existed cannot be right.
      if (rel.on !== undefined && !Number.isNaN(bornLo[k]!) && hi < bornLo[k]!) {
        issues.push(
          createIssue(
            "relation-before-document",
            [at, "relations", j, "on"],
            {
              "zh-CN": `关系日期 ${rel.on} 早于文件 ${doc.id} 的成文日期（${fmtRange(bornLo[k]!, bornHi[k]!)}）`,
              en: `Relation dated ${rel.on}, before document ${doc.id} existed (${fmtRange(bornLo[k]!, bornHi[k]!)})`,
            },
            { params: { on: rel.on } },
          ),
        );
      }
      if (code === REL.implements || code === REL.basedOn) {
        hFrom.push(k);
        hTo.push(t);
        hType.push(code);
        hEdgeRel.push(j);
        if (rank[t]! > rank[k]!) {
          const target = documents[t]!;
          warnings.push(
            createIssue(
              "parent-lower-rank",
              [at, "relations", j, "target"],
              {
                "zh-CN": `上位文件 ${target.id} 的效力位阶（${target.instrumentRank}）低于本文件（${doc.instrumentRank}）`,
                en: `Parent ${target.id} ranks lower (${target.instrumentRank}) than this document (${doc.instrumentRank})`,
              },
              { severity: "warning", params: { parent: target.id } },
            ),
          );
        }
        if (level[t]! > level[k]!) {
          const target = documents[t]!;
          warnings.push(
            createIssue(
              "parent-lower-level",
              [at, "relations", j, "target"],
              {
                "zh-CN": `上位文件 ${target.id} 的行政层级（${target.adminLevel}）低于本文件（${doc.adminLevel}）`,
                en: `Parent ${target.id} is at a lower administrative level (${target.adminLevel}) than this document (${doc.adminLevel})`,
              },
              { severity: "warning", params: { parent: target.id } },
            ),
          );
        }
      } else if (code !== REL.cites) {
        lFrom.push(k);
        lTo.push(t);
        lEdgeRel.push(j);
        evTarget.push(t);
        evSource.push(k);
        evType.push(code);
        evPartial.push(rel.partial === true ? 1 : 0);
        evLo[evRel.length] = lo;
        evHi[evRel.length] = hi;
        evRel.push(j);
        // An amendment or repeal cannot take effect before its target existed.
        if (!Number.isNaN(hi) && !Number.isNaN(bornLo[t]!) && hi < bornLo[t]!) {
          issues.push(
            createIssue(
              "relation-before-target",
              [at, "relations", j, rel.on === undefined ? "target" : "on"],
              {
                "zh-CN": `${rel.type} 关系的日期（${fmtRange(lo, hi)}）早于目标文件 ${rel.target} 的成文日期（${fmtRange(bornLo[t]!, bornHi[t]!)}）`,
                en: `The ${rel.type} relation is dated ${fmtRange(lo, hi)}, before its target ${rel.target} existed (${fmtRange(bornLo[t]!, bornHi[t]!)})`,
              },
              { params: { target: rel.target } },
            ),
          );
        }
      }
    }
  }

  // 5. Cycles, in the hierarchy and in the lifecycle relations.
  const parents = buildAdjacency(n, hFrom.values(), hTo.values());
  const lifecycle = buildAdjacency(n, lFrom.values(), lTo.values());
  reportCycles(n, parents, hFrom.values(), hTo.values(), hEdgeRel.values(), inputIndex.values(), documents, "hierarchy", issues);
  reportCycles(n, lifecycle, lFrom.values(), lTo.values(), lEdgeRel.values(), inputIndex.values(), documents, "lifecycle", issues);

  if (issues.length > 0) {
    // Every problem at once, in input order (warnings too, marked as such).
    const all = [...issues, ...warnings].map((issue, order) => ({ issue, order }));
    all.sort((a, b) => firstIndex(a.issue) - firstIndex(b.issue) || a.order - b.order);
    throw new PolicyEvalError(all.map((x) => x.issue));
  }

  const children = buildAdjacency(n, hTo.values(), hFrom.values());
  const m = evTarget.length;
  const edgeIds = new Int32Array(m);
  for (let e = 0; e < m; e++) edgeIds[e] = e;
  const events = buildAdjacency(n, evTarget.values(), edgeIds);
  const eventSource = new Int32Array(m);
  const eventType = new Uint8Array(m);
  const eventPartial = new Uint8Array(m);
  const eventLo = new Float32Array(m);
  const eventHi = new Float32Array(m);
  const eventRelation = new Int32Array(m);
  const [sources, types, partials, relationIndexes] = [evSource.values(), evType.values(), evPartial.values(), evRel.values()];
  for (let slot = 0; slot < m; slot++) {
    const e = events.targets[slot]!;
    eventSource[slot] = sources[e]!;
    eventType[slot] = types[e]!;
    eventPartial[slot] = partials[e]!;
    eventLo[slot] = evLo[e]!;
    eventHi[slot] = evHi[e]!;
    eventRelation[slot] = relationIndexes[e]!;
  }

  return {
    documents,
    numbers,
    canonicalNumbers,
    numberYear,
    indexById,
    indexByNumber,
    startLo,
    startHi,
    startSourceCode,
    bornLo,
    bornHi,
    endLo,
    endHi,
    endSourceCode,
    eventStart: events.start,
    eventSource,
    eventType,
    eventPartial,
    eventLo,
    eventHi,
    eventRelation,
    children,
    childType: typesInOrder(n, hTo.values(), hType.values()),
    parents,
    parentType: typesInOrder(n, hFrom.values(), hType.values()),
    policy,
    governed,
    warnings,
  };
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
    if (id !== undefined && first !== undefined && first !== i) {
      issues.push(
        createIssue(
          "duplicate-id",
          [i, "id"],
          { "zh-CN": `文件标识重复：${id}（与第 ${first} 项相同）`, en: `Duplicate id ${id} (same as item ${first})` },
          { params: { id, firstIndex: first } },
        ),
      );
    }
    const relations = (raw[i] as { relations?: unknown } | null | undefined)?.relations;
    if (!Array.isArray(relations)) continue;
    relations.forEach((rel: unknown, j) => {
      const target = (rel as { target?: unknown } | null | undefined)?.target;
      if (typeof target === "string" && target.trim() !== "" && !known.has(target.trim())) {
        issues.push(
          createIssue(
            "unknown-reference",
            [i, "relations", j, "target"],
            { "zh-CN": `引用了目录中不存在的文件：${target}`, en: `Unknown document referenced: ${target}` },
            { params: { target } },
          ),
        );
      }
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

function duplicateNumberIssue(at: number, canonical: string, otherId: string): PolicyEvalIssue {
  return createIssue(
    "duplicate-number",
    [at, "number"],
    { "zh-CN": `发文字号重复：${canonical}（与文件 ${otherId} 相同）`, en: `Duplicate document number ${canonical} (same as document ${otherId})` },
    { params: { number: canonical, otherId } },
  );
}

/** An append-only list of integers in a presized Int32Array. @internal */
class GrowList {
  readonly #data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.#data = new Int32Array(capacity);
  }
  push(value: number): void {
    this.#data[this.length++] = value;
  }
  /** The value at position i. */
  at(i: number): number {
    return this.#data[i]!;
  }
  /** The values pushed, as a view. */
  values(): Int32Array {
    return this.#data.subarray(0, this.length);
  }
}

/** An array of n copies of value, in V8's fast (packed) element mode. @internal */
export function filled<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}

function firstIndex(issue: PolicyEvalIssue): number {
  const head = issue.path[0];
  return typeof head === "number" ? head : -1;
}

/** Edge types laid out in the same order buildAdjacency lays out targets. */
function typesInOrder(n: number, from: Int32Array, types: Int32Array): Uint8Array {
  const start = new Int32Array(n + 1);
  for (const f of from) start[f + 1]! += 1;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const out = new Uint8Array(from.length);
  for (let e = 0; e < from.length; e++) out[start[from[e]!]!++] = types[e]!;
  return out;
}

function defaultValidityMonths(policy: ValidityPolicy, title: string): number | undefined {
  const validity = policy.validity;
  if (validity === undefined) return undefined;
  const cls = validityClassOf(title);
  const d = cls === "provisional" ? validity.provisional : cls === "announcement" ? validity.announcement : validity.default;
  return d === undefined ? undefined : durationMonths(d);
}

function maxValidityMonths(policy: ValidityPolicy, title: string): number | undefined {
  const validity = policy.validity;
  if (validity === undefined) return undefined;
  const cls = validityClassOf(title);
  const d = cls === "provisional" ? validity.provisional : cls === "announcement" ? validity.announcement : validity.maximum;
  return d === undefined ? undefined : durationMonths(d);
}

function reportCycles(
  n: number,
  adj: Adjacency,
  from: Int32Array,
  to: Int32Array,
  edgeRelation: Int32Array,
  inputIndex: Int32Array,
  documents: readonly PolicyDocument[],
  kind: "hierarchy" | "lifecycle",
  issues: PolicyEvalIssue[],
): void {
  const components = cyclicComponents(n, adj);
  if (components.length === 0) return;
  // Index the first edge of each (from, to) pair to point the issue at a relation.
  const edgeOf = new Map<string, number>();
  for (let e = 0; e < from.length; e++) {
    const key = `${from[e]}>${to[e]}`;
    if (!edgeOf.has(key)) edgeOf.set(key, e);
  }
  for (const component of components) {
    const cycle = cycleIn(component, adj);
    const ids = cycle.map((v) => documents[v]!.id);
    const e = edgeOf.get(`${cycle[0]}>${cycle[1]}`)!;
    const at = inputIndex[from[e]!]!;
    const j = edgeRelation[e]!;
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
