/**
 * The report as a list of blocks (title, sections, numbered items,
 * paragraphs, the hierarchy diagram), built once from the data and written
 * out as Markdown, HTML or text. Blocks hold plain text: each writer escapes
 * it for its format.
 *
 * @module
 */
import { formatChineseDate, type PartialDate } from "../dates/index.js";
import { clean } from "./escape.js";
import type { Hierarchy } from "./hierarchy.js";
import type { ReportData } from "./input.js";
import { formatOutlineNumber, type OutlineDepth } from "./numbering.js";
import { wordsOf, type Lang, type Words } from "./words.js";

/** One block of a report. @internal */
export type Block =
  | { readonly kind: "title"; readonly text: string }
  /** 一、 — a section heading. */
  | { readonly kind: "section"; readonly number: string; readonly text: string }
  /** （一） — a heading inside a section (a measure area). */
  | { readonly kind: "subsection"; readonly number: string; readonly text: string }
  /** A numbered paragraph at depth 2 （一）, 3 1、 or 4 (1). */
  | { readonly kind: "item"; readonly depth: 2 | 3 | 4; readonly number: string; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "hierarchy"; readonly caption: string; readonly hierarchy: Hierarchy };

/** What the section builders share. @internal */
export interface Ctx {
  readonly lang: Lang;
  readonly words: Words;
  readonly data: ReportData;
  /** The evaluation date, written for the language. */
  readonly dateText: string;
  /** How many levels of parents the hierarchy shows. */
  readonly hierarchyDepth: number;
  /** 《title》（number） of a catalogue document; the id without a catalogue. */
  readonly ref: (id: string) => string;
  /** A cited number or title, as a reference when the catalogue knows it. */
  readonly refCite: (cite: string) => string;
  /** The outline number of the n-th entry at a depth. */
  readonly number: (depth: OutlineDepth, n: number) => string;
  /** A date as the language writes it. */
  readonly date: (date: PartialDate) => string;
}

/** The shared context of one rendering. @internal */
export function createCtx(data: ReportData, lang: Lang, hierarchyDepth: number): Ctx {
  const words = wordsOf(lang);
  const { corpus } = data;
  // A report repeats few dates many times (every figure as of 2021-07-31): each is written once.
  const written = new Map<PartialDate, string>();
  const date = (d: PartialDate): string => {
    if (lang === "en") return d;
    let text = written.get(d);
    if (text === undefined) {
      text = formatChineseDate(d);
      written.set(d, text);
    }
    return text;
  };
  const ref = (id: string): string => {
    if (corpus === undefined || !corpus.has(id)) return clean(id);
    const doc = corpus.get(id);
    const number = corpus.numberOf(id)?.canonical;
    const title = `《${clean(doc.title)}》`;
    return number === undefined ? title : `${title}${words.open}${number}${words.close}`;
  };
  const refCite = (cite: string): string => {
    const doc = corpus?.findByNumber(cite);
    return doc === undefined ? clean(cite) : ref(doc.id);
  };
  return {
    lang,
    words,
    data,
    dateText: date(data.evaluatedOn),
    hierarchyDepth,
    ref,
    refCite,
    number: (depth, n) => formatOutlineNumber(depth, n, lang),
    date,
  };
}

/**
 * What follows an outline number: nothing after 一、 or （一）, whose
 * punctuation already separates; a space after I. or (1).
 *
 * @internal
 */
export function numberGap(number: string): string {
  const last = number.charCodeAt(number.length - 1);
  return last === 0x3001 || last === 0xff09 ? "" : " ";
}
