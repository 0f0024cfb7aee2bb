/**
 * The words of a rendered report, in Chinese and English: section titles,
 * the conclusion as a legal-affairs office words it, statuses, relations.
 *
 * @module
 */
import { DOCUMENT_STATUS_LABELS, type DocumentStatus, type RelationType } from "../documents/index.js";
import type { ImplementationStatus } from "../evaluation/index.js";
import type { ResultConclusion } from "../rules/index.js";

/** The two languages a report is written in. @internal */
export type Lang = "zh" | "en";

/** Every fixed word a report uses, per language. @internal */
export interface Words {
  readonly titleSuffix: string;
  readonly sections: readonly [string, string, string, string];
  readonly area: (name: string) => string;
  readonly otherIndicators: string;
  readonly noMeasures: string;
  readonly noCorpus: (subject: string) => string;
  readonly hierarchyCaption: (date: string) => string;
  readonly status: Readonly<Record<DocumentStatus, string>>;
  readonly uncertainStatus: (status: string, others: string) => string;
  readonly seeAbove: string;
  /** Brackets around a status in the tree (【现行有效】), apart from the round ones inside it. */
  readonly statusOpen: string;
  readonly statusClose: string;
  /** The parent's tie to the subject in a clause: 本文件贯彻落实的 / which the document implements. */
  readonly relationClause: Readonly<Record<RelationType, string>>;
  readonly relation: Readonly<Record<RelationType, string>>;
  readonly implementation: Readonly<Record<ImplementationStatus, string>>;
  readonly conclusion: Readonly<Record<Exclude<ResultConclusion, "continue">, string>> & { readonly continue: string; readonly continueInStep: string };
  readonly listSeparator: string;
  readonly lastSeparator: string;
  readonly sentenceEnd: string;
  readonly comma: string;
  readonly colon: string;
  readonly semicolon: string;
  readonly open: string;
  readonly close: string;
}

/** The words of a Chinese report. @internal */
export const ZH: Words = Object.freeze<Words>({
  titleSuffix: "实施情况和效果评估报告",
  sections: ["政策背景", "实施效果", "组织评估工作过程", "评估结论"],
  area: (name: string) => (name.endsWith("方面") ? name : `${name}方面`),
  otherIndicators: "其他指标",
  noMeasures: "评估记录未列出措施和数据。",
  noCorpus: (subject: string) => `被评估文件：${subject}（未提供文件目录，文件标题、上位文件及其时效性从略）。`,
  hierarchyCaption: (date: string) => `文件层级（各文件在评估日期${date}的时效性）`,
  status: DOCUMENT_STATUS_LABELS,
  uncertainStatus: (status: string, others: string) => `${status}（无法确定，亦可能为${others}）`,
  seeAbove: "（见上）",
  statusOpen: "【",
  statusClose: "】",
  relationClause: { implements: "本文件贯彻落实的", basedOn: "本文件依据的", amends: "本文件修改的", repeals: "本文件废止的", replaces: "本文件替代的", declaresExpired: "本文件宣布失效的", cites: "本文件引用的" },
  relation: { implements: "贯彻落实", basedOn: "依据", amends: "修改", repeals: "废止", replaces: "替代", declaresExpired: "宣布失效", cites: "引用" },
  implementation: { completed: "已完成", ongoing: "持续推进", partial: "部分完成", notStarted: "尚未实施", stalled: "进展停滞", unknown: "实施情况不明" },
  conclusion: {
    continue: "继续有效",
    continueInStep: "继续沿用",
    extend: "延期（延长有效期）",
    revise: "应予修订",
    repeal: "应予废止",
    declareExpired: "宣布失效",
    undetermined: "暂不能作出评估结论",
    conflict: "依评估规则得出相互冲突的结论，需研究确定",
  },
  listSeparator: "、",
  lastSeparator: "和",
  sentenceEnd: "。",
  comma: "，",
  colon: "：",
  semicolon: "；",
  open: "（",
  close: "）",
});

/** The words of an English report. @internal */
export const EN: Words = Object.freeze<Words>({
  titleSuffix: "Evaluation report on the implementation and effects of ",
  sections: ["Background", "Implementation and effects", "Evaluation process", "Conclusion"],
  area: (name: string) => name,
  otherIndicators: "Other indicators",
  noMeasures: "The evaluation record lists no measures and no figures.",
  noCorpus: (subject: string) => `Evaluated document: ${subject} (no catalogue given: titles, parent documents and their status are left out).`,
  hierarchyCaption: (date: string) => `Document hierarchy (status of each document on the evaluation date, ${date})`,
  status: { not_yet_in_force: "not yet in force", in_force: "in force", partially_in_force: "partly in force", expired: "expired", repealed: "repealed" },
  uncertainStatus: (status: string, others: string) => `${status} (uncertain; possibly ${others})`,
  seeAbove: " (see above)",
  statusOpen: " [",
  statusClose: "]",
  relationClause: {
    implements: "which the document implements",
    basedOn: "on which the document is based",
    amends: "which the document amends",
    repeals: "which the document repeals",
    replaces: "which the document replaces",
    declaresExpired: "which the document declares expired",
    cites: "which the document cites",
  },
  relation: { implements: "implements", basedOn: "based on", amends: "amends", repeals: "repeals", replaces: "replaces", declaresExpired: "declares expired", cites: "cites" },
  implementation: { completed: "completed", ongoing: "ongoing", partial: "partly done", notStarted: "not started", stalled: "stalled", unknown: "status unknown" },
  conclusion: {
    continue: "continues in force",
    continueInStep: "continues in force, in step with its superior documents (继续沿用)",
    extend: "has its validity extended (延期)",
    revise: "is to be revised (修订)",
    repeal: "is to be repealed (废止)",
    declareExpired: "is to be declared expired (宣布失效)",
    undetermined: "cannot be concluded on yet",
    conflict: "gets conflicting conclusions from the evaluation rules, to be settled by the office",
  },
  listSeparator: ", ",
  lastSeparator: " and ",
  sentenceEnd: ".",
  comma: ", ",
  colon: ": ",
  semicolon: "; ",
  open: " (",
  close: ")",
});

/** The words of a language. @internal */
export function wordsOf(lang: Lang): Words {
  return lang === "en" ? EN : ZH;
}

/** `a、b和c` / `a, b and c`. @internal */
export function joinList(items: readonly string[], words: Words): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(words.listSeparator)}${words.lastSeparator}${items[items.length - 1]!}`;
}

/** A sentence with its final stop, unless it already ends with one. @internal */
export function sentence(text: string, words: Words): string {
  const last = text.charCodeAt(text.length - 1);
  // 。！？；.!? already end a sentence; so does a closing quote after one.
  return last === 0x3002 || last === 0xff01 || last === 0xff1f || last === 0x2e || last === 0x21 || last === 0x3f ? text : `${text}${words.sentenceEnd}`;
}
