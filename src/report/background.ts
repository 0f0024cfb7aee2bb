/**
 * 一、政策背景 — the subject and its parents as 《title》（number）, their issue
 * dates as precise as recorded, and the hierarchy with each document's status
 * on the evaluation date.
 *
 * @module
 */
import type { Corpus } from "../corpus/index.js";
import type { PartialDate } from "../dates/index.js";
import type { RelationType } from "../documents/index.js";
import { buildHierarchy, type Hierarchy } from "./hierarchy.js";
import type { Block, Ctx } from "./model.js";
import { joinList } from "./words.js";

/** 印发 — the date a document was issued, as recorded: publication, else adoption. */
function issuedOn(corpus: Corpus, id: string): PartialDate | undefined {
  const doc = corpus.get(id);
  return doc.publishedOn ?? doc.adoptedOn;
}

/**
 * One document's sentence: `A于2017年9月印发，贯彻落实B和C。` /
 * `A, issued 2017-09, implements B and C.` — the date only when recorded.
 */
function documentSentence(ctx: Ctx, corpus: Corpus, h: Hierarchy, k: number): string {
  const id = h.nodes[k]!.id;
  const on = issuedOn(corpus, id);
  const parents = parentPhrase(ctx, h, k);
  const ref = ctx.ref(id);
  if (ctx.lang === "en") {
    if (on === undefined) return `${ref}${parents === "" ? "" : ` ${parents}`}.`;
    return parents === "" ? `${ref} was issued ${ctx.date(on)}.` : `${ref}, issued ${ctx.date(on)}, ${parents}.`;
  }
  const date = on === undefined ? "" : `于${ctx.date(on)}印发`;
  return `${ref}${date}${date !== "" && parents !== "" ? "，" : ""}${parents}。`;
}

/** `贯彻落实 A 和 B；依据 C` — one phrase per relation type, in the order first met. */
function parentPhrase(ctx: Ctx, h: Hierarchy, from: number): string {
  const byType = new Map<RelationType, string[]>();
  for (const e of h.up[from]!) {
    const list = byType.get(e.type) ?? [];
    list.push(ctx.ref(h.nodes[e.to]!.id));
    byType.set(e.type, list);
  }
  return [...byType].map(([type, refs]) => `${ctx.words.relation[type]}${ctx.lang === "en" ? " " : ""}${joinList(refs, ctx.words)}`).join(ctx.words.semicolon);
}

/** The subject's sentence, then one for each ancestor that has a recorded date or parents of its own. */
function chainSentences(ctx: Ctx, corpus: Corpus, h: Hierarchy): string[] {
  const out = [documentSentence(ctx, corpus, h, 0)];
  for (let k = 1; k < h.nodes.length; k++) {
    const hasParents = h.up[k]!.length > 0;
    if (hasParents || issuedOn(corpus, h.nodes[k]!.id) !== undefined) out.push(documentSentence(ctx, corpus, h, k));
  }
  return out;
}

function statusSentence(ctx: Ctx, h: Hierarchy): string {
  const { words } = ctx;
  if (h.nodes.every((n) => n.certain && n.status === "in_force")) {
    return ctx.lang === "en" ? `On the evaluation date (${ctx.dateText}) all of these documents are in force.` : `在评估日期（${ctx.dateText}），上述文件均现行有效。`;
  }
  const parts = h.nodes.map((n) => `${ctx.ref(n.id)}${ctx.lang === "en" ? ": " : ""}${n.statusText}`);
  return ctx.lang === "en"
    ? `On the evaluation date (${ctx.dateText}): ${parts.join("; ")}.`
    : `在评估日期（${ctx.dateText}），${parts.join(words.semicolon)}。`;
}

/**
 * The blocks of 一、政策背景.
 *
 * @internal
 */
export function backgroundBlocks(ctx: Ctx): Block[] {
  const { data, words } = ctx;
  const blocks: Block[] = [{ kind: "section", number: ctx.number(1, 1), text: words.sections[0] }];
  const { corpus } = data;
  if (corpus === undefined) {
    blocks.push({ kind: "paragraph", text: words.noCorpus(ctx.ref(data.subject)) });
    return blocks;
  }
  const h = buildHierarchy(corpus, data.subject, data.evaluatedOn, ctx.hierarchyDepth, words);
  blocks.push({ kind: "paragraph", text: chainSentences(ctx, corpus, h).join(ctx.lang === "en" ? " " : "") });
  blocks.push({ kind: "paragraph", text: statusSentence(ctx, h) });
  blocks.push({ kind: "hierarchy", caption: words.hierarchyCaption(ctx.dateText), hierarchy: h });
  return blocks;
}
