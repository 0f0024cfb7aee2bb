/**
 * The impact of a change to a superior document (粤府令第277号 art. 36: the
 * issuing body cleans up its documents as laws and superior documents
 * change). Every document that implements or is based on the changed one,
 * directly or through others, gets a review flag with the chain of relations
 * that links it. Flags only: a child's status never changes by itself.
 *
 * @module
 */
import { spanBefore } from "../dates/daySpan.js";
import { fromTriCode } from "../dates/triState.js";
import { dayBounds, partialDateIssues, type PartialDate, type TriState } from "../dates/partialDate.js";
import { createIssue, PolicyEvalError, type LocalizedMessage, type PolicyEvalIssue } from "../errors.js";
import type { DocumentStatus, RelationType } from "../documents/schema.js";
import type { LegalBasis } from "../documents/validityPolicy.js";
import { REL_NAMES } from "./codes.js";
import { unknownDocumentIssue } from "./issues.js";
import { displayName, type CorpusState } from "./state.js";
import { computeStatus } from "./status.js";

/** The kinds of change {@link ImpactQuery} describes. */
export type ParentChange = "amended" | "repealed" | "expired";

/** A change to one document, as asked to `corpus.impactOf`. */
export interface ImpactQuery {
  /** The document that changes. */
  readonly id: string;
  /** What happens to it. */
  readonly change: ParentChange;
  /** When (partial dates allowed). */
  readonly on: PartialDate;
}

/** One relation of an impact chain: `source` implements / is based on `target`. */
export interface ChainLink {
  /** The child. */
  readonly source: string;
  /** `implements` or `basedOn`. */
  readonly type: RelationType;
  /** The parent. */
  readonly target: string;
}

/** 需审查文件 — one document flagged for review. */
export interface ImpactedDocument {
  /** The flagged document. */
  readonly id: string;
  /** Its canonical 发文字号, if any. */
  readonly number?: string | undefined;
  /** Its title. */
  readonly title: string;
  /** How many relations away from the changed document (1 = a direct child). */
  readonly depth: number;
  /** The first relation of the chain: this document implements / is based on `via.target`. */
  readonly via: ChainLink;
  /**
   * The relations that link it, from the flagged document up to the changed
   * one. Built on first read: on a long chain, materialising every chain
   * eagerly would cost the square of its length.
   */
  readonly chain: readonly ChainLink[];
  /** Its status on the change date (unchanged by the change itself). */
  readonly statusOnChange: DocumentStatus;
  /** Whether it was adopted after the change (then it may already reflect it). */
  readonly adoptedAfterChange: TriState;
  /** Always `review`: the cleanup decision is the issuing body's. */
  readonly action: "review";
  /** Why, in zh-CN and en. */
  readonly reason: LocalizedMessage;
}

/** The answer of `corpus.impactOf`. */
export interface ImpactResult {
  /** The change asked about. */
  readonly change: ImpactQuery;
  /** Every document flagged, nearest first (breadth-first order). */
  readonly affected: readonly ImpactedDocument[];
  /** The legal source of the cleanup duty. */
  readonly basis: LegalBasis;
}

const CLEANUP_BASIS: LegalBasis = Object.freeze({ document: "粤府令第277号", article: "第三十六条" });

const CHANGE_WORDS: Readonly<Record<ParentChange, readonly [string, string]>> = {
  amended: ["修改", "amended"],
  repealed: ["废止", "repealed"],
  expired: ["失效", "expired"],
};

/** What every record of one impactOf call shares. */
interface ImpactWalk {
  readonly state: CorpusState;
  readonly start: number;
  readonly previous: Int32Array;
  readonly viaType: Uint8Array;
  readonly rootName: string;
  readonly query: ImpactQuery;
  readonly words: readonly [string, string];
}

function linkOf(walk: ImpactWalk, v: number): ChainLink {
  const { state, previous, viaType } = walk;
  return { source: state.documents[v]!.id, type: REL_NAMES[viaType[v]!]!, target: state.documents[previous[v]!]!.id };
}

/**
 * A flagged document. The chain, its first link and the reason are built on
 * first read: an impact over a million-long chain of implements would
 * otherwise cost the square of its length in links, and a sweep rarely reads
 * every reason. `toJSON` includes them.
 */
class ImpactedRecord implements ImpactedDocument {
  readonly #walk: ImpactWalk;
  readonly #k: number;
  #chain: readonly ChainLink[] | undefined;
  readonly id: string;
  readonly number: string | undefined;
  readonly title: string;
  readonly action = "review" as const;

  constructor(
    walk: ImpactWalk,
    k: number,
    readonly depth: number,
    readonly statusOnChange: DocumentStatus,
    readonly adoptedAfterChange: TriState,
  ) {
    this.#walk = walk;
    this.#k = k;
    this.id = walk.state.documents[k]!.id;
    this.number = walk.state.canonicalNumbers[k];
    this.title = walk.state.documents[k]!.title;
  }

  get via(): ChainLink {
    return linkOf(this.#walk, this.#k);
  }

  get chain(): readonly ChainLink[] {
    if (this.#chain === undefined) {
      const chain: ChainLink[] = [];
      for (let v = this.#k; v !== this.#walk.start; v = this.#walk.previous[v]!) chain.push(linkOf(this.#walk, v));
      this.#chain = Object.freeze(chain);
    }
    return this.#chain;
  }

  get reason(): LocalizedMessage {
    const { state, rootName, query, words } = this.#walk;
    const [cz, ce] = words;
    const name = displayName(state, this.#k);
    const how = this.depth === 1 ? { zh: "直接", en: "directly" } : { zh: `经 ${this.depth} 层关系`, en: `through ${this.depth} relations` };
    return {
      "zh-CN": `上位文件 ${rootName} 于 ${query.on} ${cz}，${name} ${how.zh}依据或贯彻该文件，应及时评估清理（粤府令第277号第三十六条）。`,
      en: `Superior document ${rootName} ${ce} on ${query.on}; ${name} implements or is based on it ${how.en} and must be reviewed (粤府令第277号 art. 36).`,
    };
  }

  toJSON(): ImpactedDocument {
    const { id, number, title, depth, via, chain, statusOnChange, adoptedAfterChange, action, reason } = this;
    return { id, number, title, depth, via, chain, statusOnChange, adoptedAfterChange, action, reason };
  }
}

/** @internal */
export function computeImpact(state: CorpusState, query: ImpactQuery): ImpactResult {
  const found = state.indexById.get(query.id);
  const root = found === -1 ? undefined : found;
  const issues: PolicyEvalIssue[] = [];
  if (root === undefined) {
    issues.push(unknownDocumentIssue(query.id, ["id"]));
  }
  if (!(query.change in CHANGE_WORDS)) {
    issues.push(
      createIssue("invalid-value", ["change"], {
        "zh-CN": `变更类型应为 amended、repealed 或 expired，实际为 ${JSON.stringify(query.change)}`,
        en: `change must be amended, repealed or expired, received ${JSON.stringify(query.change)}`,
      }),
    );
  }
  issues.push(...partialDateIssues(query.on, ["on"]));
  if (issues.length > 0) throw new PolicyEvalError(issues);
  const [d0, d1] = dayBounds(query.on);
  const start = root!;

  // Breadth-first over children: each document is reached once, by a shortest chain.
  const n = state.documents.length;
  const previous = new Int32Array(n).fill(-1);
  const viaType = new Uint8Array(n);
  const depth = new Int32Array(n);
  previous[start] = start;
  const queue: number[] = [start];
  const { children, childType } = state;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let e = children.start[v]!; e < children.start[v + 1]!; e++) {
      const w = children.targets[e]!;
      if (previous[w] !== -1) continue;
      previous[w] = v;
      viaType[w] = childType[e]!;
      depth[w] = depth[v]! + 1;
      queue.push(w);
    }
  }

  const walk: ImpactWalk = { state, start, previous, viaType, rootName: displayName(state, start), query, words: CHANGE_WORDS[query.change] };
  const affected: ImpactedDocument[] = [];
  for (let q = 1; q < queue.length; q++) {
    const k = queue[q]!;
    const status = computeStatus(state, k, query.on, d0, d1);
    const bornLo = state.bornLo[k]!;
    const bornHi = state.bornHi[k]!;
    // After the change: every day the document may have been adopted on is after every day the change may be on.
    const adoptedAfterChange = fromTriCode(spanBefore(d0, d1, bornLo, bornHi));
    affected.push(new ImpactedRecord(walk, k, depth[k]!, status.status, adoptedAfterChange));
  }
  return { change: query, affected, basis: CLEANUP_BASIS };
}
