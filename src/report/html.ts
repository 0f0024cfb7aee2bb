/**
 * The HTML report: one standalone page (inline CSS, no script, nothing
 * fetched — a Content-Security-Policy says so to the browser), laid out for
 * A4 print after GB/T 9704-2012 (仿宋 body, 黑体 section headings, 楷体 second
 * level), with Chinese font stacks; the hierarchy as inline SVG, its Mermaid
 * source kept in the page for tools that render it.
 *
 * @module
 */
import { escapeHtml } from "./escape.js";
import { hierarchyMermaid } from "./hierarchy.js";
import { numberGap, type Block } from "./model.js";
import { hierarchySvg } from "./svg.js";
import type { Lang } from "./words.js";

const SERIF = `"FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif`;
const SANS = `"SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
const KAI = `"KaiTi", "STKaiti", "KaiTi_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const TITLE = `"FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`;

const CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #eceff1; color: #111; font-family: ${SERIF}; font-size: 17px; line-height: 1.9; }
.report { max-width: 210mm; margin: 24px auto; padding: 25mm 24mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
h1 { font-family: ${TITLE}; font-size: 1.55em; font-weight: 700; line-height: 1.5; text-align: center; margin: 0 0 1.2em; }
h2 { font-family: ${SANS}; font-size: 1em; font-weight: 700; margin: 1.2em 0 .3em; text-indent: 2em; break-after: avoid; }
h3 { font-family: ${KAI}; font-size: 1em; font-weight: 700; margin: .6em 0 .2em; text-indent: 2em; break-after: avoid; }
p { margin: 0 0 .25em; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
p.depth-3 .num { font-weight: 700; }
.num { white-space: nowrap; }
figure.hierarchy { margin: .8em 0 1em; text-indent: 0; break-inside: avoid; }
figure.hierarchy figcaption { font-family: ${SANS}; font-size: .85em; text-align: center; margin-bottom: .4em; }
svg.hierarchy-diagram { display: block; max-width: 100%; height: auto; margin: 0 auto; font-family: ${SANS}; }
svg.hierarchy-diagram rect { fill: #fff; stroke-width: 1.5; }
svg.hierarchy-diagram .subject rect { fill: #eef3fb; stroke-width: 3; }
svg.hierarchy-diagram .uncertain rect { stroke-dasharray: 6 4; }
svg.hierarchy-diagram text { font-size: 13px; fill: #222; }
svg.hierarchy-diagram text.number { font-weight: 700; }
svg.hierarchy-diagram text.status { font-weight: 700; }
svg.hierarchy-diagram .link { fill: none; stroke: #444; stroke-width: 1.4; }
svg.hierarchy-diagram .link-label { font-size: 12px; fill: #444; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
details.mermaid-source { margin-top: .4em; font-size: .8em; }
details.mermaid-source pre { white-space: pre-wrap; font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; background: #f6f8fa; padding: .6em; }
@media print {
  body { background: none; font-size: 16pt; line-height: 28pt; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1 { font-size: 22pt; }
  details.mermaid-source { display: none; }
}
`;

function numbered(tag: string, cls: string, b: { readonly number: string; readonly text: string }): string {
  return `<${tag} class="${cls}"><span class="num">${escapeHtml(b.number)}</span>${numberGap(b.number)}${escapeHtml(b.text)}</${tag}>`;
}

function hierarchyHtml(b: Extract<Block, { kind: "hierarchy" }>): string {
  return [
    `<figure class="hierarchy">`,
    `<figcaption>${escapeHtml(b.caption)}</figcaption>`,
    hierarchySvg(b.hierarchy, b.caption),
    `<details class="mermaid-source"><summary>Mermaid</summary><pre class="mermaid">${escapeHtml(hierarchyMermaid(b.hierarchy))}</pre></details>`,
    `</figure>`,
  ].join("\n");
}

/**
 * One standalone HTML page.
 *
 * @internal
 */
export function writeHtml(blocks: readonly Block[], lang: Lang): string {
  const title = blocks.find((b) => b.kind === "title")?.text ?? "";
  const body: string[] = [];
  let open = false;
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        body.push(`<h1>${escapeHtml(b.text)}</h1>`);
        break;
      case "section":
        if (open) body.push("</section>");
        body.push("<section>", numbered("h2", "section", b));
        open = true;
        break;
      case "subsection":
        body.push(numbered("h3", "subsection", b));
        break;
      case "item":
        body.push(numbered("p", `item depth-${b.depth}`, b));
        break;
      case "paragraph":
        body.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case "hierarchy":
        body.push(hierarchyHtml(b));
        break;
    }
  }
  if (open) body.push("</section>");
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang === "en" ? "en" : "zh-CN"}">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<main class="report">`,
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
