/**
 * 四、评估结论 — the conclusion in a legal office's words (继续沿用, 应予修订,
 * 宣布失效 …), each reason with the facts it rests on and the documents it
 * cites; a reason resting on the parents' status names each parent and its
 * status on the evaluation date, with the document that changed it. For an
 * undetermined answer, what is missing.
 *
 * @module
 */
import type { StatusAnswer, StatusEvent } from "../corpus/index.js";
import type { RelationType } from "../documents/index.js";
import { EVALUATION_FACTS } from "../evaluation/index.js";
import { ExactDecimal } from "../quantities/index.js";
import type { Basis, ResultConclusion, RuleConclusion } from "../rules/index.js";
import type { ReportReason } from "./input.js";
import type { Block, Ctx } from "./model.js";
import { clean } from "./escape.js";
import { sentence } from "./words.js";

/** The verdict as a legal-affairs office words it. */
function verdict(ctx: Ctx, conclusion: ResultConclusion, reasons: readonly ReportReason[]): string {
  const words = ctx.words.conclusion;
  if (conclusion !== "continue") return words[conclusion];
  // 与上位法律法规同步实施 — the reference report's 继续沿用.
  return reasons.some((r) => r.ground === "parentsInForceUnchanged") ? words.continueInStep : words.continue;
}

/** 粤府令第277号第三十四条、第三十六条 — articles of one document written together. */
function basisText(ctx: Ctx, basis: readonly Basis[]): string {
  const byDocument = new Map<string, string[]>();
  for (const b of basis) {
    const list = byDocument.get(b.document) ?? [];
    if (b.article !== undefined) list.push(clean(b.article));
    byDocument.set(b.document, list);
  }
  const sep = ctx.lang === "en" ? " " : "";
  return [...byDocument]
    .map(([document, articles]) => `${ctx.refCite(document)}${articles.length === 0 ? "" : `${sep}${articles.join(ctx.words.listSeparator)}`}`)
    .join(ctx.words.listSeparator);
}

const EVENT_ZH: Readonly<Partial<Record<StatusEvent["kind"], string>>> = {
  amended: "修改",
  partiallyRepealed: "部分废止",
  repealed: "废止",
  replaced: "替代",
  declaredExpired: "宣布失效",
};

const EVENT_EN: Readonly<Partial<Record<StatusEvent["kind"], string>>> = {
  amended: "amended",
  partiallyRepealed: "partly repealed",
  repealed: "repealed",
  replaced: "replaced",
  declaredExpired: "declared expired",
};

/** `于2020年3月15日被《…》（粤府办〔2020〕9号）修改` — an event, its date and the document that acted. */
function eventText(ctx: Ctx, event: StatusEvent): string | undefined {
  const en = ctx.lang === "en";
  const when = event.date === undefined ? "" : en ? ` on ${ctx.date(event.date)}` : `于${ctx.date(event.date)}`;
  const maybe = event.certainty === "uncertain" ? (en ? "possibly " : "可能已") : "";
  if (event.kind === "validityEnded") return en ? `its validity ${maybe}ended${when}` : `有效期${maybe === "" ? "已" : maybe}${when}届满`;
  const verb = (en ? EVENT_EN : EVENT_ZH)[event.kind];
  if (verb === undefined) return undefined;
  const by = event.by === undefined ? "" : ctx.ref(event.by);
  if (en) return `it was ${maybe}${verb}${when}${by === "" ? "" : ` by ${by}`}`;
  return `${maybe}${when}${by === "" ? "" : `被${by}`}${verb}`;
}

/** One parent on the evaluation date: its status, and what changed it (amendments, repeal, replacement). */
function parentLine(ctx: Ctx, id: string, answer: StatusAnswer, relation: RelationType): string {
  const en = ctx.lang === "en";
  const status = ctx.words.status[answer.status];
  const changes = [...answer.amendments, answer.decidedBy, ...answer.uncertainEvents].map((e) => eventText(ctx, e)).filter((x): x is string => x !== undefined);
  const unique = [...new Set(changes)];
  const certain = answer.certainty === "certain";
  if (en) {
    const state = certain ? status : `${status} (uncertain; possibly ${answer.possibleStatuses.filter((s) => s !== answer.status).map((s) => ctx.words.status[s]).join(", ")})`;
    const unchanged = certain && answer.status === "in_force" && answer.amended === false ? ", and has not been amended" : "";
    return `On the evaluation date (${ctx.dateText}), ${ctx.ref(id)}, ${ctx.words.relationClause[relation]}, is ${state}${unchanged}${unique.length === 0 ? "" : `; ${unique.join("; ")}`}.`;
  }
  const state = certain ? status : `${status}（无法确定，亦可能为${answer.possibleStatuses.filter((s) => s !== answer.status).map((s) => ctx.words.status[s]).join("、")}）`;
  const unchanged = certain && answer.status === "in_force" && answer.amended === false ? "，仍在实施期且未进行修订" : "";
  return `${ctx.words.relationClause[relation]}${ctx.ref(id)}在评估日期（${ctx.dateText}）${state}${unchanged}${unique.length === 0 ? "" : `，${unique.join("，")}`}。`;
}

/** A fact's value without its explanation: text, a truth value, a list; anything else is not shown. */
function valueText(value: unknown, ctx: Ctx): string {
  if (typeof value === "string") return clean(value);
  if (typeof value === "boolean") return ctx.lang === "en" ? (value ? "yes" : "no") : value ? "是" : "否";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map(clean).join(ctx.words.listSeparator);
  if (value instanceof ExactDecimal) return value.toString();
  return "—";
}

/** The facts of one reason, each a sentence; the parents' facts become one line per parent when the catalogue is known. */
function factLines(ctx: Ctx, reason: ReportReason, shown: Set<string>): string[] {
  const { data, words } = ctx;
  const corpus = data.corpus;
  const lines: string[] = [];
  let parentsDone = false;
  for (const fact of reason.facts) {
    if (corpus !== undefined && fact.name.startsWith("parents.")) {
      if (parentsDone) continue;
      parentsDone = true;
      for (const parent of corpus.parentsAt(data.subject, data.evaluatedOn)) {
        lines.push(parentLine(ctx, parent.id, parent.status, parent.type));
        const number = corpus.numberOf(parent.id)?.canonical;
        if (number !== undefined) shown.add(number);
      }
      continue;
    }
    if (corpus !== undefined && fact.name === "subject.status") {
      const answer = corpus.statusAt(data.subject, data.evaluatedOn);
      lines.push(
        ctx.lang === "en"
          ? `On the evaluation date (${ctx.dateText}) ${ctx.ref(data.subject)} is ${ctx.words.status[answer.status]}${answer.certainty === "certain" ? "" : " (uncertain)"}.`
          : `${ctx.ref(data.subject)}在评估日期（${ctx.dateText}）${ctx.words.status[answer.status]}${answer.certainty === "certain" ? "" : "（无法确定）"}。`,
      );
      continue;
    }
    const explanation = fact.explanation === undefined ? `${clean(fact.name)}${words.colon}${valueText(fact.value, ctx)}` : clean(fact.explanation[ctx.lang === "en" ? "en" : "zh-CN"]);
    const cites = (fact.cites ?? []).filter((c) => !shown.has(c));
    for (const c of cites) shown.add(c);
    lines.push(sentence(`${explanation}${cites.length === 0 ? "" : `${words.open}${cites.map(ctx.refCite).join(words.listSeparator)}${words.close}`}`, words));
  }
  return lines;
}

/** （一）the reason; 1、its facts; then its basis and any document cited and not yet named. */
function reasonBlocks(ctx: Ctx, reason: ReportReason, n: number, withConclusion: boolean): Block[] {
  const en = ctx.lang === "en";
  const { words } = ctx;
  const message = clean(reason.messages[en ? "en" : "zh-CN"]);
  const head = withConclusion ? `${verdictWord(ctx, reason.conclusion, reason)}${words.colon}${message}` : message;
  const blocks: Block[] = [{ kind: "item", depth: 2, number: ctx.number(2, n), text: sentence(head, words) }];
  const shown = new Set<string>(reason.basis.map((b) => b.document));
  const lines = factLines(ctx, reason, shown);
  if (reason.basis.length > 0) lines.push(`${en ? "Legal basis: " : "依据："}${basisText(ctx, reason.basis)}${words.sentenceEnd}`);
  const rest = reason.cites.filter((c) => !shown.has(c));
  if (rest.length > 0) lines.push(`${en ? "Documents cited: " : "引用文件："}${rest.map(ctx.refCite).join(words.listSeparator)}${words.sentenceEnd}`);
  lines.forEach((line, k) => blocks.push({ kind: "item", depth: 3, number: ctx.number(3, k + 1), text: line }));
  return blocks;
}

function verdictWord(ctx: Ctx, conclusion: RuleConclusion, reason: ReportReason): string {
  return verdict(ctx, conclusion, [reason]);
}

/** For `undetermined`: the facts missing or too imprecise, the parameters and rules that could not be settled. */
function missingBlocks(ctx: Ctx): Block[] {
  const en = ctx.lang === "en";
  const { data, words } = ctx;
  const describe = (name: string): string => {
    const description = Object.prototype.hasOwnProperty.call(EVALUATION_FACTS, name) ? EVALUATION_FACTS[name]?.description : undefined;
    return description === undefined ? clean(name) : `${description[en ? "en" : "zh-CN"]}${words.open}${clean(name)}${words.close}`;
  };
  const groups: Array<[readonly string[], string, string, (name: string) => string]> = [
    [data.missingFacts, "尚缺以下事实，无法作出结论：", "These facts are missing:", describe],
    [data.uncertainFacts, "以下事实因日期不够精确而无法确定：", "These facts are too imprecise (a partial date) to settle the answer:", describe],
    [data.uncertainParameters, "以下规则参数在评估日期内取值不确定：", "These rule parameters change within the evaluation date:", clean],
    [data.uncertainRules, "以下规则在评估日期是否施行无法确定：", "These rules may or may not be in force on the evaluation date:", clean],
  ];
  const blocks: Block[] = [];
  let n = 0;
  for (const [names, zh, enText, show] of groups) {
    if (names.length === 0) continue;
    blocks.push({ kind: "item", depth: 2, number: ctx.number(2, ++n), text: en ? enText : zh });
    names.forEach((name, k) => blocks.push({ kind: "item", depth: 3, number: ctx.number(3, k + 1), text: sentence(show(name), words) }));
  }
  if (n === 0) blocks.push({ kind: "item", depth: 2, number: ctx.number(2, 1), text: en ? "No evaluation rule applies to this document." : "没有适用于本文件的评估规则。" });
  return blocks;
}

/** The evaluators' own recommendation, and whether the rules agree with it. */
function recommendationBlock(ctx: Ctx): Block | undefined {
  const en = ctx.lang === "en";
  const { data } = ctx;
  const recommendation = data.evaluation.recommendation;
  if (recommendation === undefined) return undefined;
  // The record gives no ground for its recommendation: 继续有效, the plain word (its quote says the rest).
  const word = verdict(ctx, recommendation.conclusion, []);
  const quote = recommendation.quote === undefined ? "" : en ? ` ("${clean(recommendation.quote)}")` : `（“${clean(recommendation.quote)}”）`;
  const agrees = recommendation.conclusion === data.conclusion;
  if (en) return { kind: "paragraph", text: `The evaluators recommend that the document ${word}${quote}.${agrees ? "" : " This differs from the conclusion the rules reach: to be reviewed."}` };
  return { kind: "paragraph", text: `评估小组意见：${word}${quote}。${agrees ? "" : "该意见与依评估规则得出的结论不一致，请予复核。"}` };
}

/**
 * The blocks of 四、评估结论.
 *
 * @internal
 */
export function conclusionBlocks(ctx: Ctx): Block[] {
  const { data, words } = ctx;
  const en = ctx.lang === "en";
  const blocks: Block[] = [{ kind: "section", number: ctx.number(1, 4), text: words.sections[3] }];
  const subject = ctx.ref(data.subject);
  const word = verdict(ctx, data.conclusion, data.reasons);
  const conflict = data.conclusion === "conflict";
  const rules = conflict && data.conflictRules.length > 0 ? `${words.open}${data.conflictRules.map(clean).join(words.listSeparator)}${words.close}` : "";
  blocks.push({ kind: "paragraph", text: en ? `Conclusion: ${subject} ${word}${rules}.` : `经评估，${subject}${word}${rules}。` });
  if (data.conclusion === "undetermined") blocks.push(...missingBlocks(ctx));
  else data.reasons.forEach((reason, k) => blocks.push(...reasonBlocks(ctx, reason, k + 1, conflict)));
  const recommendation = recommendationBlock(ctx);
  if (recommendation !== undefined) blocks.push(recommendation);
  return blocks;
}
