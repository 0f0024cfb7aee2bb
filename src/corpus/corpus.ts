/**
 * 文件目录 — a validated catalogue of policy documents, with status on any
 * date, evaluation due dates and the impact of a parent's change.
 *
 * @module
 */
import { dayBounds, partialDateIssues, type DateRange, type PartialDate } from "../dates/partialDate.js";
import { PolicyEvalError, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { safeParseDocumentNumber, type DocumentNumber } from "../documents/documentNumber.js";
import type { PolicyDocument, RelationType } from "../documents/schema.js";
import { GUANGDONG_VALIDITY_POLICY, type ValidityPolicy } from "../documents/validityPolicy.js";
import { buildCorpusState } from "./build.js";
import { REL_NAMES } from "./codes.js";
import { dayRange } from "./dayText.js";
import { unknownDocumentIssue } from "./issues.js";
import { displayName, numberAt, type CorpusState } from "./state.js";
import { CORPUS_FORMAT } from "./validate.js";
import { dueOf, listDue, type DueForEvaluationOptions, type DueItem } from "./due.js";
import { computeImpact, type ImpactQuery, type ImpactResult } from "./impact.js";
import { computeStatus, type StatusAnswer } from "./status.js";

/** Options of {@link createCorpus}. */
export interface CreateCorpusOptions {
  /** The validity and evaluation policy (default: {@link GUANGDONG_VALIDITY_POLICY}). */
  readonly validityPolicy?: ValidityPolicy | undefined;
}

/** A parent or child link of a document. */
export interface RelatedDocument {
  /** The other document's id. */
  readonly id: string;
  /** `implements` or `basedOn`. */
  readonly type: RelationType;
}

/** One ancestor found by `corpus.ancestorsOf`. */
export interface AncestorDocument {
  /** The ancestor's id. */
  readonly id: string;
  /** Relations between it and the document asked about (1 = a parent). */
  readonly depth: number;
  /** The document through which it was reached, and how. */
  readonly via: {
    /** The document that implements or is based on the ancestor. */
    readonly child: string;
    /** `implements` or `basedOn`. */
    readonly type: RelationType;
  };
}

/** One parent and its status on a date, from `corpus.parentsAt`. */
export interface ParentStatus {
  /** The parent's id. */
  readonly id: string;
  /** `implements` or `basedOn`. */
  readonly type: RelationType;
  /** Its canonical 发文字号, else its title in 《》. */
  readonly name: string;
  /** Its status on the date. */
  readonly status: StatusAnswer;
}

/** The JSON form of a corpus: `createCorpus(JSON.parse(JSON.stringify(corpus)))` rebuilds it. */
export interface SerializedCorpus {
  /** Always `policy-eval.corpus/1`. */
  readonly format: typeof CORPUS_FORMAT;
  /** The documents, as validated. */
  readonly documents: readonly PolicyDocument[];
}

/**
 * 文件目录 — a catalogue built by {@link createCorpus}. Immutable.
 *
 * @example
 * ```ts
 * import { createCorpus } from "policy-eval";
 * import { qingyuanDocuments } from "policy-eval/examples";
 * const corpus = createCorpus(qingyuanDocuments);
 * corpus.size; //=> 6
 * corpus.parentsOf("qfb-2017-59").map((p) => p.id); //=> ["yfb-2016-66", "gbf-2016-13"]
 * ```
 */
export interface Corpus {
  /** Number of documents. */
  readonly size: number;
  /** The documents, validated, in input order. */
  readonly documents: readonly PolicyDocument[];
  /** Warnings found while building (nonstandard numbers, a parent of lower rank …). */
  readonly warnings: readonly PolicyEvalIssue[];
  /** The validity and evaluation policy in use. */
  readonly validityPolicy: ValidityPolicy;
  /** Whether a document id exists. */
  has(id: string): boolean;
  /** The document with this id (throws `unknown-document`). */
  get(id: string): PolicyDocument;
  /** The parsed 发文字号 of a document, if it has one. */
  numberOf(id: string): DocumentNumber | undefined;
  /**
   * 成文日期 — the span of days a document may have been adopted on (falling
   * back to its publication, its taking effect, or the year in its number);
   * undefined when nothing is on record.
   */
  adoptionRangeOf(id: string): DateRange | undefined;
  /** How messages name a document: its canonical 发文字号, else its title in 《》. */
  nameOf(id: string): string;
  /** Finds a document by its 发文字号, however it is spelt (`国办发[2016]13号` finds `国办发〔2016〕13号`). */
  findByNumber(text: string): PolicyDocument | undefined;
  /** The documents this one implements or is based on. */
  parentsOf(id: string): readonly RelatedDocument[];
  /**
   * 上位文件时效性 — each parent (implemented or based on) with its name and
   * its status on a date.
   */
  parentsAt(id: string, date: PartialDate): readonly ParentStatus[];
  /** The documents that implement or are based on this one. */
  childrenOf(id: string): readonly RelatedDocument[];
  /**
   * 上位文件 — every document this one implements or is based on, directly or
   * through others, nearest first, each with its distance and the relation
   * through which it was first reached.
   */
  ancestorsOf(id: string): readonly AncestorDocument[];
  /** 时效性 — the status of a document on a date. */
  statusAt(id: string, date: PartialDate): StatusAnswer;
  /** The normative documents due for evaluation on a date (and within a window after it). */
  dueForEvaluation(date: PartialDate, options?: DueForEvaluationOptions | undefined): readonly DueItem[];
  /** When one document falls due for evaluation, seen from a date (undefined for a non-normative document). */
  evaluationDueOf(id: string, date: PartialDate): DueItem | undefined;
  /** The documents to review when one changes. */
  impactOf(query: ImpactQuery): ImpactResult;
  /** The JSON form. */
  toJSON(): SerializedCorpus;
}

function unknownDocument(id: string): PolicyEvalError {
  return new PolicyEvalError([unknownDocumentIssue(id, [])]);
}

function checkDate(date: PartialDate, name: string): void {
  const issues = partialDateIssues(date, [name]);
  if (issues.length > 0) throw new PolicyEvalError(issues);
}

function related(state: CorpusState, k: number, which: "parents" | "children"): RelatedDocument[] {
  const adj = state[which];
  const types = which === "parents" ? state.parentType : state.childType;
  const out: RelatedDocument[] = [];
  for (let e = adj.start[k]!; e < adj.start[k + 1]!; e++) {
    out.push({ id: state.documents[adj.targets[e]!]!.id, type: REL_NAMES[types[e]!]! });
  }
  return out;
}

/**
 * 建立文件目录 — validates a whole catalogue and builds its indexes.
 *
 * Every problem is reported at once in one {@link PolicyEvalError}: missing
 * fields and wrong types (zod), duplicate ids or document numbers, unknown
 * references, cycles (with the cycle's path), a relation dated before its
 * document existed; warnings (a parent of lower rank or level, a
 * nonstandard 发文字号) are kept on `corpus.warnings`. Nothing is half-built.
 * Cost is linear in documents + relations; nothing is recursive.
 *
 * @param documents - an array of documents, or a corpus's JSON form
 * @param options - the validity policy (Guangdong by default)
 * @returns the corpus
 * @throws {@link PolicyEvalError} listing every problem
 *
 * @example
 * ```ts
 * import { createCorpus } from "policy-eval";
 * const corpus = createCorpus([
 *   { id: "p", title: "上位文件", number: "国办发〔2016〕13号", issuer: "国务院办公厅", adminLevel: "central", instrumentRank: "normativeDocument", isNormative: true, adoptedOn: "2016-03-14" },
 *   { id: "c", title: "实施方案", issuer: "某市人民政府", adminLevel: "city", instrumentRank: "normativeDocument", isNormative: true, adoptedOn: "2017-09", relations: [{ type: "implements", target: "p" }] },
 * ]);
 * corpus.statusAt("c", "2017-09-15").certainty; //=> "uncertain"
 * corpus.impactOf({ id: "p", change: "amended", on: "2020-01-01" }).affected[0]?.id; //=> "c"
 * ```
 */
export function createCorpus(documents: unknown, options?: CreateCorpusOptions | undefined): Corpus {
  const policy = options?.validityPolicy ?? GUANGDONG_VALIDITY_POLICY;
  const state = buildCorpusState(documents, policy);
  // A sweep asks about one date a million times: validate and read it once.
  let lastDate: string | undefined;
  let lastBounds: [number, number] = [0, 0];
  const boundsOf = (date: PartialDate): [number, number] => {
    if (date !== lastDate) {
      checkDate(date, "date");
      lastBounds = dayBounds(date);
      lastDate = date;
    }
    return lastBounds;
  };
  // Sweeps ask about documents in catalogue order: try the next one before the hash lookup.
  let lastIndex = -1;
  const indexOf = (id: string): number => {
    // The same document twice in a row (`has` then `parentsAt`), or the next one in a sweep.
    const last = state.documents[lastIndex];
    if (last !== undefined && last.id === id) return lastIndex;
    const next = state.documents[lastIndex + 1];
    if (next !== undefined && next.id === id) return ++lastIndex;
    const k = state.indexById.get(id);
    if (k === -1) throw unknownDocument(id);
    lastIndex = k;
    return k;
  };
  const corpus: Corpus = {
    size: state.documents.length,
    documents: state.documents,
    warnings: state.warnings,
    validityPolicy: policy,
    has(id) {
      const k = state.indexById.get(id);
      if (k !== -1) lastIndex = k;
      return k !== -1;
    },
    get: (id) => state.documents[indexOf(id)]!,
    numberOf: (id) => numberAt(state, indexOf(id)),
    nameOf: (id) => displayName(state, indexOf(id)),
    adoptionRangeOf(id) {
      const k = indexOf(id);
      return dayRange(state.bornLo[k]!, state.bornHi[k]!);
    },
    findByNumber(text) {
      const parsed = safeParseDocumentNumber(text);
      if (!parsed.success) return undefined;
      const k = state.indexByNumber.get(parsed.data.canonical);
      return k === -1 ? undefined : state.documents[k];
    },
    parentsOf: (id) => related(state, indexOf(id), "parents"),
    childrenOf: (id) => related(state, indexOf(id), "children"),
    parentsAt(id, date) {
      const k = indexOf(id);
      const [d0, d1] = boundsOf(date);
      const out: ParentStatus[] = [];
      for (let e = state.parents.start[k]!; e < state.parents.start[k + 1]!; e++) {
        const p = state.parents.targets[e]!;
        out.push({ id: state.documents[p]!.id, type: REL_NAMES[state.parentType[e]!]!, name: displayName(state, p), status: computeStatus(state, p, date, d0, d1) });
      }
      return out;
    },
    ancestorsOf(id) {
      const start = indexOf(id);
      const depth = new Map<number, number>([[start, 0]]);
      const queue = [start];
      const out: AncestorDocument[] = [];
      for (let head = 0; head < queue.length; head++) {
        const v = queue[head]!;
        for (let e = state.parents.start[v]!; e < state.parents.start[v + 1]!; e++) {
          const w = state.parents.targets[e]!;
          if (depth.has(w)) continue;
          depth.set(w, depth.get(v)! + 1);
          queue.push(w);
          out.push({ id: state.documents[w]!.id, depth: depth.get(w)!, via: { child: state.documents[v]!.id, type: REL_NAMES[state.parentType[e]!]! } });
        }
      }
      return out;
    },
    statusAt(id, date) {
      const k = indexOf(id);
      const [d0, d1] = boundsOf(date);
      return computeStatus(state, k, date, d0, d1);
    },
    dueForEvaluation(date, dueOptions) {
      checkDate(date, "date");
      return listDue(state, date, dueOptions);
    },
    evaluationDueOf(id, date) {
      const k = indexOf(id);
      checkDate(date, "date");
      return dueOf(state, k, date);
    },
    impactOf: (query) => computeImpact(state, query),
    toJSON: () => ({ format: CORPUS_FORMAT, documents: state.documents }),
  };
  return Object.freeze(corpus);
}

/**
 * Like {@link createCorpus}, returning the error instead of throwing it.
 *
 * @param documents - an array of documents, or a corpus's JSON form
 * @param options - the validity policy
 * @returns `{ success: true, data: corpus }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeCreateCorpus } from "policy-eval";
 * const result = safeCreateCorpus([{ id: "x" }]);
 * result.success; //=> false
 * ```
 */
export function safeCreateCorpus(documents: unknown, options?: CreateCorpusOptions | undefined): SafeResult<Corpus> {
  try {
    return { success: true, data: createCorpus(documents, options) };
  } catch (error) {
    if (error instanceof PolicyEvalError) return { success: false, error };
    throw error;
  }
}
