/**
 * The three writers: the same blocks as plain text, Markdown and HTML.
 *
 * @module
 */
import { escapeMarkdown } from "./escape.js";
import { hierarchyMermaid, hierarchyTree } from "./hierarchy.js";
import type { Block } from "./model.js";
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
        out.push(`${b.number}${separator(b.number)}${b.text}`);
        break;
      case "hierarchy":
        out.push([b.caption, ...hierarchyTree(b.hierarchy, words).map((line) => `  ${line}`)].join("\n"));
        break;
    }
  }
  return `${out.join("\n\n")}\n`;
}

/** After 一、 or （一） the text follows at once; after I. or (1) a space. */
function separator(number: string): string {
  const last = number.charCodeAt(number.length - 1);
  return last === 0x3001 || last === 0xff09 ? "" : " ";
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
        out.push(`## ${b.number}${separator(b.number)}${escapeMarkdown(b.text)}`);
        break;
      case "subsection":
        out.push(`### ${b.number}${separator(b.number)}${escapeMarkdown(b.text)}`);
        break;
      case "item":
        out.push(`${b.number}${separator(b.number)}${escapeMarkdown(b.text)}`);
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
