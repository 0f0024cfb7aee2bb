/**
 * The hierarchy drawn as inline SVG for the HTML report: parents above the
 * documents that implement them, one row per layer, each box with the
 * document's number, title and status on the evaluation date, and an arrow
 * from each document to its parent labelled with the relation. A link that
 * skips a layer is routed through a gap in the rows between (a layered
 * drawing with dummy points, after Sugiyama), so it never crosses a box.
 *
 * @module
 */
import type { DocumentStatus } from "../documents/index.js";
import type { Hierarchy, HierarchyNode } from "./hierarchy.js";
import { escapeHtml } from "./escape.js";

const BOX_WIDTH = 300;
const PAD = 10;
const FONT = 13;
const LINE = 18;
const ROW_GAP = 64;
const SLOT_GAP = 36;
const DUMMY_WIDTH = 20;
const MARGIN = 16;
const MAX_TITLE_LINES = 6;

const STATUS_COLOR: Readonly<Record<DocumentStatus, string>> = {
  in_force: "#1b6e2a",
  partially_in_force: "#9a5b00",
  not_yet_in_force: "#555555",
  expired: "#b3261e",
  repealed: "#b3261e",
};

/** Width of a character in ems: CJK and other wide characters 1, the rest about half. */
function charWidth(code: number): number {
  return code >= 0x1100 ? 1 : 0.56;
}

/** Splits text into lines no wider than `width` pixels at `size` (by estimate: no fonts are measured). @internal */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!) * size;
    if (used + w > width && line !== "") {
      lines.push(line);
      if (lines.length === maxLines) {
        lines[maxLines - 1] = `${line.slice(0, -1)}…`;
        return lines;
      }
      line = "";
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line !== "") lines.push(line);
  return lines;
}

interface Slot {
  /** A node's index, or -1 for a point a long link passes through. */
  readonly node: number;
  readonly width: number;
  x: number;
}

interface Box {
  readonly lines: readonly string[];
  readonly height: number;
}

function boxOf(node: HierarchyNode): Box {
  const titleLines = wrapText(`《${node.title}》`, BOX_WIDTH - 2 * PAD, FONT, MAX_TITLE_LINES);
  const lines = [node.number ?? "", ...titleLines, node.statusText];
  return { lines, height: 2 * PAD + lines.length * LINE };
}

/** Rows of slots (top row = the highest layer), with the route of every link through them. */
function layout(h: Hierarchy): { rows: Slot[][]; slotOf: Slot[]; routes: Array<{ edge: number; slots: Slot[] }> } {
  const top = h.nodes.reduce((m, n) => Math.max(m, n.layer), 0);
  const rows: Slot[][] = Array.from({ length: top + 1 }, () => []);
  const slotOf = h.nodes.map((n, k) => {
    const slot: Slot = { node: k, width: BOX_WIDTH, x: 0 };
    rows[top - n.layer]!.push(slot);
    return slot;
  });
  const routes = h.edges.map((e, edge) => {
    const slots = [slotOf[e.from]!];
    for (let layer = h.nodes[e.from]!.layer + 1; layer < h.nodes[e.to]!.layer; layer++) {
      const dummy: Slot = { node: -1, width: DUMMY_WIDTH, x: 0 };
      rows[top - layer]!.push(dummy);
      slots.push(dummy);
    }
    slots.push(slotOf[e.to]!);
    return { edge, slots };
  });
  return { rows, slotOf, routes };
}

/**
 * The SVG element (no XML prolog), sized to its content and scaled to the
 * page by CSS.
 *
 * @internal
 */
export function hierarchySvg(h: Hierarchy, caption: string): string {
  const boxes = h.nodes.map(boxOf);
  const { rows, slotOf, routes } = layout(h);
  const rowWidths = rows.map((row) => row.reduce((sum, s) => sum + s.width, 0) + SLOT_GAP * Math.max(0, row.length - 1));
  const width = Math.max(...rowWidths) + 2 * MARGIN;
  const rowHeights = rows.map((row) => row.reduce((m, s) => Math.max(m, s.node < 0 ? 0 : boxes[s.node]!.height), 0));
  const rowTop: number[] = [];
  let y = MARGIN;
  rows.forEach((row, r) => {
    rowTop.push(y);
    let x = (width - rowWidths[r]!) / 2;
    for (const slot of row) {
      slot.x = x;
      x += slot.width + SLOT_GAP;
    }
    y += rowHeights[r]! + ROW_GAP;
  });
  const height = y - ROW_GAP + MARGIN;
  const rowOfSlot = new Map<Slot, number>();
  rows.forEach((row, r) => row.forEach((s) => rowOfSlot.set(s, r)));
  // Where links leave a box (top edge) and arrive (bottom edge): spread along it, in link order.
  const outCount = h.nodes.map(() => 0);
  const inCount = h.nodes.map(() => 0);
  const outIndex = h.edges.map((e) => outCount[e.from]!++);
  const inIndex = h.edges.map((e) => inCount[e.to]!++);
  const spread = (slot: Slot, index: number, count: number): number => slot.x + (slot.width * (index + 1)) / (count + 1);
  const parts: string[] = [];
  for (const { edge, slots } of routes) {
    const e = h.edges[edge]!;
    const points: Array<[number, number]> = [];
    slots.forEach((slot, i) => {
      const r = rowOfSlot.get(slot)!;
      if (i === 0) points.push([spread(slot, outIndex[edge]!, outCount[e.from]!), rowTop[r]!]);
      else if (i === slots.length - 1) points.push([spread(slot, inIndex[edge]!, inCount[e.to]!), rowTop[r]! + boxes[e.to]!.height]);
      else points.push([slot.x + slot.width / 2, rowTop[r]! + rowHeights[r]!], [slot.x + slot.width / 2, rowTop[r]!]);
    });
    const d = points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)} ${py.toFixed(1)}`).join(" ");
    parts.push(`<path class="link" d="${d}" marker-end="url(#arrow)"/>`);
    // The relation's label sits in the gap just above the child.
    const [x0, y0] = points[0]!;
    const label = escapeHtml(h.relationText[e.type]);
    parts.push(`<text class="link-label" x="${x0.toFixed(1)}" y="${(y0 - ROW_GAP / 2 + 4).toFixed(1)}" text-anchor="middle">${label}</text>`);
  }
  h.nodes.forEach((node, k) => {
    const slot = slotOf[k]!;
    parts.push(nodeSvg(node, boxes[k]!, slot.x, rowTop[rowOfSlot.get(slot)!]!));
  });
  return [
    `<svg class="hierarchy-diagram" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}" width="${width.toFixed(0)}" height="${height.toFixed(0)}">`,
    `<title>${escapeHtml(caption)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#444"/></marker></defs>`,
    ...parts,
    "</svg>",
  ].join("\n");
}

function nodeSvg(node: HierarchyNode, box: Box, x: number, y: number): string {
  const color = STATUS_COLOR[node.status];
  const cls = `doc${node.subject ? " subject" : ""}${node.certain ? "" : " uncertain"}`;
  const texts = box.lines.map((line, i) => {
    const role = i === 0 ? "number" : i === box.lines.length - 1 ? "status" : "title";
    const fill = role === "status" ? ` fill="${color}"` : "";
    return `<text class="${role}" x="${(x + PAD).toFixed(1)}" y="${(y + PAD + (i + 1) * LINE - 5).toFixed(1)}"${fill}>${escapeHtml(line)}</text>`;
  });
  return [`<g class="${cls}" data-id="${escapeHtml(node.id)}" data-status="${node.status}">`, `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${BOX_WIDTH}" height="${box.height}" rx="6" stroke="${color}"/>`, ...texts, "</g>"].join("");
}
