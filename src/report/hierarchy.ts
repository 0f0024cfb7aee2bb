/**
 * 文件层级 — the evaluated document, its parents and their parents (to a
 * chosen depth), each with its status on the evaluation date; and the
 * diagram of it as an indented tree (text) and as Mermaid source.
 *
 * @module
 */
import type { Corpus } from "../corpus/index.js";
import type { PartialDate } from "../dates/index.js";
import type { DocumentStatus, RelationType } from "../documents/index.js";
import { clean } from "./escape.js";
import type { Words } from "./words.js";

/** One document of the hierarchy. @internal */
export interface HierarchyNode {
  readonly id: string;
  readonly number: string | undefined;
  readonly title: string;
  readonly status: DocumentStatus;
  /** The status as the report words it (with the other possible ones when uncertain). */
  readonly statusText: string;
  readonly certain: boolean;
  /** 0 for the subject; a parent sits above every document that implements it. */
  readonly layer: number;
  readonly subject: boolean;
}

/** A child → parent link. @internal */
export interface HierarchyEdge {
  readonly from: number;
  readonly to: number;
  readonly type: RelationType;
}

/** The hierarchy of one subject. @internal */
export interface Hierarchy {
  readonly nodes: readonly HierarchyNode[];
  readonly edges: readonly HierarchyEdge[];
  /** The links from each node to its parents, in catalogue order. */
  readonly up: readonly (readonly HierarchyEdge[])[];
  /** The relation words of the report's language (edge labels). */
  readonly relationText: Readonly<Record<RelationType, string>>;
}

/** The status as the report words it: uncertain answers name every status still possible. @internal */
export function statusText(status: DocumentStatus, possible: readonly DocumentStatus[], certain: boolean, words: Words): string {
  if (certain) return words.status[status];
  const others = possible.filter((s) => s !== status).map((s) => words.status[s]);
  return words.uncertainStatus(words.status[status], others.join(words.listSeparator));
}

/**
 * The subject and its ancestors up to `depth` relations away, found
 * breadth-first (no recursion), with the links among them. Layers follow the
 * longest path, so a grandparent that is also a parent sits above the parent.
 *
 * @internal
 */
export function buildHierarchy(corpus: Corpus, subject: string, date: PartialDate, depth: number, words: Words): Hierarchy {
  const index = new Map<string, number>([[subject, 0]]);
  const ids = [subject];
  const distance = [0];
  const edges: HierarchyEdge[] = [];
  for (let head = 0; head < ids.length; head++) {
    if (distance[head]! >= depth) continue;
    for (const parent of corpus.parentsOf(ids[head]!)) {
      let k = index.get(parent.id);
      if (k === undefined) {
        k = ids.length;
        index.set(parent.id, k);
        ids.push(parent.id);
        distance.push(distance[head]! + 1);
      }
      edges.push({ from: head, to: k, type: parent.type });
    }
  }
  const layers = longestPathLayers(ids.length, edges, distance);
  const nodes = ids.map((id, k): HierarchyNode => {
    const answer = corpus.statusAt(id, date);
    const certain = answer.certainty === "certain";
    return {
      id,
      number: corpus.numberOf(id)?.canonical,
      title: clean(corpus.get(id).title),
      status: answer.status,
      statusText: statusText(answer.status, answer.possibleStatuses, certain, words),
      certain,
      layer: layers[k]!,
      subject: k === 0,
    };
  });
  const up: HierarchyEdge[][] = nodes.map(() => []);
  for (const e of edges) up[e.from]!.push(e);
  return { nodes, edges, up, relationText: words.relation };
}

/** Longest distance from the subject along child → parent links (Kahn's order); the BFS distance if a cycle slipped in. */
function longestPathLayers(n: number, edges: readonly HierarchyEdge[], fallback: readonly number[]): number[] {
  const indegree = new Array<number>(n).fill(0);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    indegree[e.to]!++;
    out[e.from]!.push(e.to);
  }
  const layer = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let k = 0; k < n; k++) if (indegree[k] === 0) queue.push(k);
  let done = 0;
  for (let head = 0; head < queue.length; head++, done++) {
    const v = queue[head]!;
    for (const w of out[v]!) {
      layer[w] = Math.max(layer[w]!, layer[v]! + 1);
      if (--indegree[w]! === 0) queue.push(w);
    }
  }
  return done === n ? layer : [...fallback];
}

/** How a node reads in the text tree and in Mermaid: number (or title), status. */
function nodeLine(node: HierarchyNode): string {
  return `${node.number ?? ""}《${node.title}》`;
}

/**
 * The hierarchy as an indented tree, the subject at the root and each
 * document's parents below it. A document reached a second time is named
 * again but not expanded (marked 见上 / see above), so the tree stays as
 * long as the links.
 *
 * @internal
 */
export function hierarchyTree(h: Hierarchy, words: Words): string[] {
  const lines: string[] = [];
  const expanded = new Set<number>();
  // Explicit stack of [node, prefix for its children, its own line prefix, relation label].
  const stack: Array<[number, string, string, string]> = [[0, "", "", ""]];
  while (stack.length > 0) {
    const [k, childPrefix, linePrefix, label] = stack.pop()!;
    const node = h.nodes[k]!;
    const again = expanded.has(k);
    lines.push(`${linePrefix}${label}${nodeLine(node)}${words.statusOpen}${node.statusText}${words.statusClose}${again ? words.seeAbove : ""}`);
    if (again) continue;
    expanded.add(k);
    const list = h.up[k]!;
    for (let i = list.length - 1; i >= 0; i--) {
      const last = i === list.length - 1;
      const e = list[i]!;
      stack.push([e.to, `${childPrefix}${last ? "   " : "│  "}`, `${childPrefix}${last ? "└─ " : "├─ "}`, `${h.relationText[e.type]} `]);
    }
  }
  return lines;
}

/** Text inside a Mermaid quoted label: its own entity codes for the characters that end or format a label. */
function mermaidText(value: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const code = c === 34 ? "#quot;" : c === 35 ? "#35;" : c === 60 ? "#lt;" : c === 62 ? "#gt;" : c === 38 ? "#amp;" : c === 96 ? "#96;" : undefined;
    if (code === undefined) continue;
    out += value.slice(start, i) + code;
    start = i + 1;
  }
  return start === 0 ? value : out + value.slice(start);
}

/**
 * The hierarchy as Mermaid flowchart source: parents above, arrows from each
 * document to the one it implements, the subject drawn bold.
 *
 * @internal
 */
export function hierarchyMermaid(h: Hierarchy): string {
  const lines = ["flowchart BT"];
  h.nodes.forEach((node, k) => {
    const label = [node.number, `《${node.title}》`, node.statusText].filter((x): x is string => x !== undefined).map(mermaidText).join("<br/>");
    lines.push(`  d${k}["${label}"]`);
  });
  for (const e of h.edges) lines.push(`  d${e.from} -->|${mermaidText(h.relationText[e.type])}| d${e.to}`);
  lines.push("  classDef subject stroke-width:3px", "  class d0 subject");
  return lines.join("\n");
}
