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
  // Whole runs between special characters are appended (V8 joins them as a rope, flattened once), never one character at a time.
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
const MARKDOWN_SPECIAL: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const c of "\\`*_[]<>&|~!#$") table[c.charCodeAt(0)] = 1;
  return table;
})();

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
  let escaped = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || MARKDOWN_SPECIAL[c] === 0) continue;
    out += `${value.slice(start, i)}\\`;
    start = i;
    escaped = true;
  }
  return escaped ? out + value.slice(start) : value;
}

/**
 * Text from the data, made safe for one line of any format: line breaks,
 * tabs and other control characters become spaces (a title cannot start a
 * new Markdown block), and runs of spaces shrink to one.
 *
 * @internal
 */
export function clean(value: string): string {
  if (isClean(value)) return value;
  let out = "";
  let start = -1; // start of the current run of kept characters
  for (let i = 0; i <= value.length; i++) {
    const c = i === value.length ? 0x20 : value.charCodeAt(i);
    const blank = c <= 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 || c === 0x85;
    if (blank && start >= 0) {
      out += out === "" ? value.slice(start, i) : ` ${value.slice(start, i)}`;
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return out;
}

/** Whether {@link clean} would leave the text as it is (the usual case: checked without building a string). */
function isClean(value: string): boolean {
  let previous = 0x20;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 || c === 0x85 || (c === 0x20 && previous === 0x20)) return false;
    previous = c;
  }
  return previous !== 0x20 || value.length === 0;
}
