/**
 * The three writers: the same blocks as plain text, Markdown and HTML.
 *
 * @module
 */
import { escapeMarkdown } from "./escape.js";
import { hierarchyMermaid, hierarchyTree } from "./hierarchy.js";
import { numberGap, type Block } from "./model.js";
import type { Words } from "./words.js";

/**
 * Plain text, as a report is typed: one paragraph per line, a blank line
 * between, the hierarchy as an indented tree.
 *
 * @internal
 */
export function writeText(blocks: readonly Block[], words: Words): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
      case "paragraph":
        out.push(b.text);
        break;
      case "section":
      case "subsection":
      case "item":
        out.push(`${b.number}${numberGap(b.number)}${b.text}`);
        break;
      case "hierarchy":
        out.push([b.caption, ...hierarchyTree(b.hierarchy, words).map((line) => `  ${line}`)].join("\n"));
        break;
    }
  }
  return `${out.join("\n\n")}\n`;
}

/**
 * Markdown (CommonMark): `#` title, `##` sections, `###` measure areas,
 * numbered paragraphs, and the hierarchy as a Mermaid block. Data text is
 * escaped; the Mermaid labels use Mermaid's own entity codes.
 *
 * @internal
 */
export function writeMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        out.push(`# ${escapeMarkdown(b.text)}`);
        break;
      case "section":
        out.push(`## ${b.number}${numberGap(b.number)}${escapeMarkdown(b.text)}`);
        break;
      case "subsection":
        out.push(`### ${b.number}${numberGap(b.number)}${escapeMarkdown(b.text)}`);
        break;
      case "item":
        out.push(`${b.number}${numberGap(b.number)}${escapeMarkdown(b.text)}`);
        break;
      case "paragraph":
        out.push(escapeMarkdown(b.text));
        break;
      case "hierarchy":
        out.push(`*${escapeMarkdown(b.caption)}*`, ["```mermaid", hierarchyMermaid(b.hierarchy), "```"].join("\n"));
        break;
    }
  }
  return `${out.join("\n\n")}\n`;
}
