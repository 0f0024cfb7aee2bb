/**
 * Cycles: a document cannot be, through others, its own parent, nor amend
 * or repeal itself. Each strongly connected component with a cycle is
 * reported once (graph.ts walks the graphs without recursion: a catalogue
 * may hold a million-long chain).
 *
 * @module
 * @internal
 */
import type { PolicyEvalIssue } from "../errors.js";
import { isHierarchyCode, RELATION_INFO } from "./codes.js";
import { csr, cycleIn, cyclicComponents, type Adjacency } from "./graph.js";
import { relationCycleIssue, type CycleKind } from "./issues.js";
import type { Links, RelationList } from "./relations.js";
import type { KeptDocuments } from "./validate.js";

/**
 * Reports the cycles in the hierarchy and in the lifecycle relations.
 * @internal
 */
export function detectCycles(kept: KeptDocuments, links: Links, relations: RelationList, targetIndex: Int32Array, issues: PolicyEvalIssue[]): void {
  // Every edge to an earlier document: no cycle is possible (the usual case, a catalogue in adoption order).
  if (links.backward) return;
  const n = kept.count;
  const parentStart = links.parents.start;
  // The relation behind a hierarchy edge: its document's relations are walked again (a cycle is rare).
  const hierarchyRelation = (edge: number, from: number): number => {
    const first = relations.start[from]!;
    let r = edge - parentStart[from]!;
    for (let e = first; ; e++) {
      const t = targetIndex[e]!;
      if (t !== -1 && t !== from && isHierarchyCode(relations.info[e]! & RELATION_INFO.codeMask) && r-- === 0) return e - first;
    }
  };
  reportCycles(kept, links.parents, hierarchyRelation, "hierarchy", issues);
  // Lifecycle edges come in source order, so the CSR keeps their order.
  const life = links.lifecycle;
  reportCycles(kept, csr(n, life.from, life.to), (edge) => life.relation[edge]!, "lifecycle", issues);
}

function reportCycles(
  kept: KeptDocuments,
  adj: Adjacency,
  relationOf: (edge: number, from: number) => number,
  kind: CycleKind,
  issues: PolicyEvalIssue[],
): void {
  for (const component of cyclicComponents(kept.count, adj)) {
    const cycle = cycleIn(component, adj);
    const ids = cycle.map((v) => kept.documents[v]!.id);
    // The issue points at the first relation of the cycle's first document to the next one.
    const from = cycle[0]!;
    let e = adj.start[from]!;
    while (adj.targets[e] !== cycle[1]) e++;
    issues.push(relationCycleIssue(kept.atOf(from), relationOf(e, from), ids, kind));
  }
}
