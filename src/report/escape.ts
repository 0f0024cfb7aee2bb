/**
 * Escaping of data text for each output format, by a hand-written scan
 * (linear on any input).
 *
 * @module
 */

/**
 * Text safe inside HTML (and SVG) elements and quoted attributes: `&`, `<`,
 * `>`, `"` and `'` become character references, so a title holding
 * `<script>` or `&amp;` is shown as written.
 *
 * @internal
 */
export function escapeHtml(value: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const entity = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 34 ? "&quot;" : c === 39 ? "&#39;" : undefined;
    if (entity === undefined) continue;
    out += value.slice(start, i) + entity;
    start = i + 1;
  }
  return start === 0 ? value : out + value.slice(start);
}

/** ASCII punctuation Markdown could read as markup inside a line (CommonMark lets any of it be backslash-escaped). */
const MARKDOWN_SPECIAL: ReadonlySet<number> = new Set([...'\\`*_[]<>&|~!#$'].map((c) => c.charCodeAt(0)));

/**
 * Text that Markdown shows as written: emphasis, links, code, HTML, entity
 * and table markers are backslash-escaped. Line starts need no care: the
 * report's lines start with its own numbering or words, and line breaks in
 * data were already turned into spaces.
 *
 * @internal
 */
export function escapeMarkdown(value: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (!MARKDOWN_SPECIAL.has(value.charCodeAt(i))) continue;
    out += `${value.slice(start, i)}\\${value[i]!}`;
    start = i + 1;
  }
  return start === 0 ? value : out + value.slice(start);
}
