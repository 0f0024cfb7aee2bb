/**
 * Relations, in three steps. While each document is read, its relations are
 * encoded into flat per-relation arrays (a fingerprint and the text of the
 * target, a byte of type and flags, the span of an own date). Once every id
 * is known, the targets are resolved in two tight loops. Then each relation
 * is checked and becomes an edge: hierarchy edges (implements, basedOn) go
 * to the parents' adjacency, lifecycle edges (amends, repeals, replaces,
 * declaresExpired) become events on their targets.
 *
 * @module
 * @internal
 */
import type { PolicyDocument } from "../documents/schema.js";
import type { PolicyEvalIssue } from "../errors.js";
import { filled, grown, sized } from "./arrays.js";
import { isHierarchyCode, REL, REL_NAMES, RELATION_INFO, relationInfo } from "./codes.js";
import type { Adjacency } from "./graph.js";
import { parentLowerLevelWarning, parentLowerRankWarning, relationBeforeDocumentIssue, relationBeforeTargetIssue, selfRelationIssue, unknownReferenceIssue } from "./issues.js";
import { daySpanOf } from "../dates/daySpan.js";
import type { Standing } from "./standing.js";
import { fingerprint, type StringTable } from "./stringTable.js";
import type { KeptDocuments } from "./validate.js";

/**
 * Every relation of the kept documents, in document and relation order:
 * document k's relations are `start[k] … start[k + 1] − 1`.
 * @internal
 */
export class RelationList {
  /** The fingerprint of each target; after {@link resolveTargets}, the target's index (-1 when unknown). */
  hash: Int32Array;
  /** Type code and flags (RELATION_INFO in codes.ts). */
  info: Uint8Array;
  readonly target: string[];
  readonly start: Int32Array;
  /** The day spans of the relations that have their own date, in the same order. */
  readonly onLo: number[] = [];
  readonly onHi: number[] = [];
  count = 0;
  #capacity: number;

  constructor(size: number, capacity: number) {
    this.#capacity = capacity;
    this.hash = new Int32Array(capacity);
    this.info = new Uint8Array(capacity);
    this.target = sized(capacity, "");
    this.start = new Int32Array(size + 1);
  }

  /** Makes room for `more` relations. */
  reserve(more: number): void {
    const needed = this.count + more;
    if (needed <= this.#capacity) return;
    this.#capacity = Math.max(needed, Math.ceil(this.#capacity * 1.5) + 16);
    this.hash = grown(this.hash, new Int32Array(this.#capacity));
    this.info = grown(this.info, new Uint8Array(this.#capacity));
  }

  /** Ends the read pass over `n` documents. */
  finish(n: number): void {
    this.target.length = this.count;
    this.start[n] = this.count;
  }
}

/**
 * How many relations to make room for: the average over a sample of the
 * input, with a margin (the arrays grow if it falls short).
 * @internal
 */
export function relationCapacity(raw: readonly unknown[]): number {
  const step = Math.max(1, Math.floor(raw.length / 1024));
  let sampled = 0;
  let count = 0;
  for (let i = 0; i < raw.length; i += step, sampled++) {
    const relations = (raw[i] as { relations?: unknown } | null | undefined)?.relations;
    if (Array.isArray(relations)) count += relations.length;
  }
  return sampled === 0 ? 16 : Math.ceil((count / sampled) * raw.length * 1.1) + 16;
}

/** Appends document k's relations to the list. @internal */
export function encodeRelations(list: RelationList, doc: PolicyDocument, k: number): void {
  list.start[k] = list.count;
  const relations = doc.relations;
  if (relations === undefined) return;
  list.reserve(relations.length);
  for (let j = 0; j < relations.length; j++) {
    const rel = relations[j]!;
    const m = list.count++;
    list.hash[m] = fingerprint(rel.target);
    list.target[m] = rel.target;
    list.info[m] = relationInfo(rel.type, rel.on !== undefined, rel.partial === true);
    if (rel.on !== undefined) {
      const span = daySpanOf(rel.on);
      list.onLo.push(span[0]);
      list.onHi.push(span[1]);
    }
  }
}

/**
 * Resolves every target to a document index (-1 when there is none), in
 * place of its fingerprint (less memory at the peak). First the document
 * whose id has the target's fingerprint, then the id itself (a fingerprint
 * shared with another id takes the exact lookup).
 * @internal
 */
export function resolveTargets(list: RelationList, ids: readonly string[], indexById: StringTable): Int32Array {
  const hash = list.hash;
  const target = list.target;
  const m = list.count;
  const index = hash;
  for (let e = 0; e < m; e++) index[e] = indexById.candidateOf(hash[e]!);
  for (let e = 0; e < m; e++) {
    const t = index[e]!;
    if (t !== -1 && ids[t] !== target[e]) index[e] = indexById.get(target[e]!);
  }
  return index;
}

/** Lifecycle edges (amends, repeals …), in source order, as parallel arrays. @internal */
export interface LifecycleEdges {
  readonly from: number[];
  readonly to: number[];
  /** The relation's index on its source document. */
  readonly relation: number[];
  readonly type: number[];
  /** 1 for a partial relation. */
  readonly partial: number[];
  /** The day span it takes effect on: its own date, else its source's start. */
  readonly lo: number[];
  readonly hi: number[];
}

/** The edges of the kept relations. @internal */
export interface Links {
  /** Parents of each document, in relation order (CSR over children). */
  readonly parents: Adjacency;
  /** The relation code of each parent edge. */
  readonly parentType: Uint8Array;
  readonly lifecycle: LifecycleEdges;
  /** Whether every edge points to an earlier document: then neither graph can have a cycle. */
  readonly backward: boolean;
}

/** What {@link linkRelations} reads. @internal */
export interface LinkInput {
  readonly kept: KeptDocuments;
  readonly relations: RelationList;
  /** Resolved targets (see {@link resolveTargets}). */
  readonly targetIndex: Int32Array;
  readonly standing: Standing;
  readonly startLo: readonly number[];
  readonly startHi: readonly number[];
  readonly bornLo: readonly number[];
  readonly bornHi: readonly number[];
  /** With invalid documents about, every id readable in the input: a target among them is reported there. */
  readonly rawIds: ReadonlyMap<string, number> | undefined;
}

/**
 * Checks every relation and builds the edges: an unknown target, a relation
 * to itself, a relation dated before its own document or (a lifecycle one)
 * before its target existed are errors; a parent of lower rank or level is
 * a warning.
 * @internal
 */
export function linkRelations(input: LinkInput, issues: PolicyEvalIssue[], warnings: PolicyEvalIssue[]): Links {
  const { kept, relations, targetIndex, startLo, startHi, bornLo } = input;
  const n = kept.count;
  const { start, info: infos, onLo, onHi } = relations;
  // Hierarchy edges come in child order: the parents' CSR is built as they come.
  const parentStart = sized(n + 1, 0);
  const parentTargets = sized(relations.count, 0);
  const parentTypes = new Uint8Array(relations.count);
  const life: LifecycleEdges = { from: [], to: [], relation: [], type: [], partial: [], lo: [], hi: [] };
  let backward = true;
  let h = 0;
  let dated = 0;
  for (let k = 0; k < n; k++) {
    parentStart[k] = h;
    const first = start[k]!;
    const end = start[k + 1]!;
    for (let e = first; e < end; e++) {
      const info = infos[e]!;
      const code = info & RELATION_INFO.codeMask;
      const ownDate = (info & RELATION_INFO.hasOwnDate) !== 0;
      const lo = ownDate ? onLo[dated]! : startLo[k]!;
      const hi = ownDate ? onHi[dated++]! : startHi[k]!;
      const t = targetIndex[e]!;
      const j = e - first;
      if (t === -1 || t === k) {
        const problem = t === k ? selfRelationIssue(kept.atOf(k), j, REL_NAMES[code]!) : unknownTarget(input, k, j, relations.target[e]!);
        if (problem !== undefined) issues.push(problem);
        continue;
      }
      if (t > k) backward = false;
      // A relation dated before its own document existed cannot be right.
      if (ownDate && !Number.isNaN(bornLo[k]!) && hi < bornLo[k]!) issues.push(relationBeforeDocumentIssue(kept.atOf(k), j, kept.documents[k]!, bornLo[k]!, input.bornHi[k]!));
      if (isHierarchyCode(code)) {
        parentTargets[h] = t;
        parentTypes[h++] = code;
        hierarchyWarnings(input, k, t, j, warnings);
      } else if (code !== REL.cites) {
        life.from.push(k);
        life.to.push(t);
        life.relation.push(j);
        life.type.push(code);
        life.partial.push((info & RELATION_INFO.partial) !== 0 ? 1 : 0);
        life.lo.push(lo);
        life.hi.push(hi);
        // An amendment or repeal cannot take effect before its target existed.
        if (!Number.isNaN(hi) && !Number.isNaN(bornLo[t]!) && hi < bornLo[t]!) {
          const path = [kept.atOf(k), "relations", j, ownDate ? "on" : "target"];
          issues.push(relationBeforeTargetIssue(path, REL_NAMES[code]!, relations.target[e]!, lo, hi, bornLo[t]!, input.bornHi[t]!));
        }
      }
    }
  }
  parentStart[n] = h;
  parentTargets.length = h;
  return { parents: { start: parentStart, targets: parentTargets }, parentType: parentTypes.subarray(0, h), lifecycle: life, backward };
}

/** The issue of an unknown target, unless the target exists but is invalid (then it is reported there). */
function unknownTarget(input: LinkInput, k: number, j: number, target: string): PolicyEvalIssue | undefined {
  return input.rawIds?.has(target) === true ? undefined : unknownReferenceIssue(input.kept.atOf(k), j, target);
}

function hierarchyWarnings(input: LinkInput, k: number, parent: number, j: number, warnings: PolicyEvalIssue[]): void {
  const { kept, standing } = input;
  const lowerRank = standing.ranksLower(parent, k);
  const lowerLevel = standing.isLowerLevel(parent, k);
  if (!lowerRank && !lowerLevel) return;
  const doc = kept.documents[k]!;
  const target = kept.documents[parent]!;
  if (lowerRank) warnings.push(parentLowerRankWarning(kept.atOf(k), j, doc, target));
  if (lowerLevel) warnings.push(parentLowerLevelWarning(kept.atOf(k), j, doc, target));
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

/** Children of each document (CSR over parents), each parent's in child order: the hierarchy edges regrouped. @internal */
export function childrenOf(n: number, parents: Adjacency, parentType: Uint8Array): { readonly children: Adjacency; readonly childType: Uint8Array } {
  const { start, targets } = parents;
  const childStart = endsByNode(n, targets);
  const childTargets = sized(targets.length, 0);
  const childType = new Uint8Array(targets.length);
  for (let v = n - 1; v >= 0; v--) {
    for (let e = start[v + 1]! - 1; e >= start[v]!; e--) {
      const slot = --childStart[targets[e]!]!;
      childTargets[slot] = v;
      childType[slot] = parentType[e]!;
    }
  }
  return { children: { start: childStart, targets: childTargets }, childType };
}

/** Lifecycle events of each document (CSR over targets), in source order. @internal */
export interface Events {
  readonly eventStart: readonly number[];
  readonly eventSource: readonly number[];
  readonly eventType: Uint8Array;
  readonly eventPartial: Uint8Array;
  readonly eventLo: readonly number[];
  readonly eventHi: readonly number[];
  readonly eventRelation: readonly number[];
}

/** The lifecycle edges regrouped by target. @internal */
export function eventsOf(n: number, life: LifecycleEdges): Events {
  const l = life.from.length;
  const eventStart = endsByNode(n, life.to);
  const eventSource = sized(l, 0);
  const eventType = new Uint8Array(l);
  const eventPartial = new Uint8Array(l);
  const eventLo = sized(l, Number.NaN);
  const eventHi = sized(l, Number.NaN);
  const eventRelation = sized(l, 0);
  for (let edge = l - 1; edge >= 0; edge--) {
    const slot = --eventStart[life.to[edge]!]!;
    eventSource[slot] = life.from[edge]!;
    eventType[slot] = life.type[edge]!;
    eventPartial[slot] = life.partial[edge]!;
    eventLo[slot] = life.lo[edge]!;
    eventHi[slot] = life.hi[edge]!;
    eventRelation[slot] = life.relation[edge]!;
  }
  return { eventStart, eventSource, eventType, eventPartial, eventLo, eventHi, eventRelation };
}
