/**
 * 二、实施效果 — one （一） per measure area, one 1、 per measure, one (1) per
 * figure: the indicators' observations as reported (698.14万条, 326.16亿元),
 * each with its as-of date, and every breakdown with its parts (其中…).
 *
 * @module
 */
import type { Measure } from "../evaluation/index.js";
import { NOT_STATED, partsSumToTotal, type Indicator, type Observation } from "../indicators/index.js";
import { formatQuantity, quantitiesEqual, sumQuantities } from "../quantities/index.js";
import type { Block, Ctx } from "./model.js";
import { clean } from "./escape.js";
import { sentence, type Words } from "./words.js";

/** Where each observation goes: the measure that lists (or is named by) its indicator. */
interface Placement {
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** Indicator ids per measure id, in the measure's order, then the catalogue's. */
  readonly byMeasure: ReadonlyMap<string, readonly string[]>;
  /** Observations per indicator id, in input order. */
  readonly byIndicator: ReadonlyMap<string, readonly Observation[]>;
  /** Indicator ids whose observations no measure shows, in order of first observation. */
  readonly unplaced: readonly string[];
  /** The area most figures are for; others are named. */
  readonly usualArea: string | undefined;
  /** The report's date words, each written once (a report repeats a few, such as 截至7月末, many times). */
  readonly reportedDates: Map<string, string>;
}

function place(measures: readonly Measure[], indicators: readonly Indicator[], observations: readonly Observation[]): Placement {
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const measureIds = new Set(measures.map((m) => m.id));
  const owner = new Map<string, string>();
  const byMeasure = new Map<string, string[]>(measures.map((m) => [m.id, []]));
  const assign = (indicatorId: string, measureId: string): void => {
    if (owner.has(indicatorId)) return;
    owner.set(indicatorId, measureId);
    byMeasure.get(measureId)!.push(indicatorId);
  };
  for (const m of measures) for (const id of m.indicators ?? []) assign(id, m.id);
  for (const i of indicators) if (measureIds.has(i.measureId)) assign(i.id, i.measureId);
  const byIndicator = new Map<string, Observation[]>();
  const unplaced: string[] = [];
  const areaCount = new Map<string, number>();
  for (const o of observations) {
    let list = byIndicator.get(o.indicatorId);
    if (list === undefined) {
      list = [];
      byIndicator.set(o.indicatorId, list);
      if (!owner.has(o.indicatorId)) unplaced.push(o.indicatorId);
    }
    list.push(o);
    if (o.area !== NOT_STATED) areaCount.set(o.area, (areaCount.get(o.area) ?? 0) + 1);
  }
  let usualArea: string | undefined;
  let most = 0;
  for (const [area, count] of areaCount) {
    if (count > most) {
      usualArea = area;
      most = count;
    }
  }
  return { indicators: indicatorById, byMeasure, byIndicator, unplaced, usualArea, reportedDates: new Map() };
}

/** The report's own words for a date: spaces of the layout dropped, 截止 written 截至. */
function reportedDate(text: string): string {
  const words = clean(text).replaceAll(" ", "");
  // 截止 is a deadline; "as of" is 截至 (现代汉语词典): the report's 截止 2021 年 7 月 reads 截至2021年7月.
  return words.startsWith("截止") && words.length > 2 ? `截至${words.slice(2)}` : words;
}

/** {@link reportedDate}, each text written once per report. */
function reportedOnce(p: Placement, text: string): string {
  let words = p.reportedDates.get(text);
  if (words === undefined) {
    words = reportedDate(text);
    p.reportedDates.set(text, words);
  }
  return words;
}

/** 截至2021年7月 — the report's own words for the as-of date, else the date itself (in English, the date first). */
function asOfPhrase(ctx: Ctx, p: Placement, o: Observation): string | undefined {
  if (ctx.lang === "en") {
    if (o.asOf !== undefined) return `as of ${o.asOf}`;
    if (o.period !== undefined) return `from ${o.period.start} to ${o.period.end}`;
    return o.asOfText === undefined ? undefined : reportedOnce(p, o.asOfText);
  }
  if (o.asOfText !== undefined) return reportedOnce(p, o.asOfText);
  if (o.asOf !== undefined) return `截至${ctx.date(o.asOf)}`;
  if (o.period !== undefined) return `${ctx.date(o.period.start)}至${ctx.date(o.period.end)}`;
  return undefined;
}

/** The figure as reported (326.16亿元), the qualitative text, or 数据缺失. */
function value(ctx: Ctx, o: Observation): string {
  if (o.quantity !== undefined) return formatQuantity(o.quantity);
  if (o.comment !== undefined) return clean(o.comment);
  return ctx.lang === "en" ? "missing" : "数据缺失";
}

/** A part's name: its options' names from the indicator's dimensions (粤信融), else their ids. */
function partLabel(indicator: Indicator | undefined, o: Observation): string {
  let out = "";
  for (const dimension in o.dimensions) {
    const option = o.dimensions[dimension]!;
    const d = indicator?.dimensions.find((x) => x.id === dimension);
    const name = clean(d?.options.find((x) => x.id === option)?.name ?? option);
    out = out === "" ? name : `${out}、${name}`;
  }
  return out;
}

/** Who reported it and where, when that is not the usual area: （市交警部门）, （全国，公安部）. */
function qualifier(ctx: Ctx, o: Observation, usualArea: string | undefined): string {
  const parts: string[] = [];
  if (o.area !== NOT_STATED && o.area !== usualArea) parts.push(clean(o.area));
  if (o.department !== NOT_STATED) parts.push(clean(o.department));
  return parts.length === 0 ? "" : `${ctx.words.open}${parts.join(ctx.words.comma)}${ctx.words.close}`;
}

/** Parts that do not add up to their total are said so, with the difference (exact). */
function breakdownCheck(ctx: Ctx, total: Observation, parts: readonly Observation[]): string {
  const q = total.quantity;
  if (q === undefined || parts.length === 0 || parts.some((p) => p.quantity === undefined || p.quantity.unit !== q.unit)) return "";
  // The usual case (the parts add up) costs one exact sum; the full check only runs on a mismatch.
  if (quantitiesEqual(sumQuantities(parts.map((p) => p.quantity!)), q)) return "";
  const check = partsSumToTotal(total, parts);
  if (check.status !== "fail" || check.imbalance === undefined) return "";
  // imbalance = total − Σ parts: said as how far the parts fall short of it or exceed it.
  const text = formatQuantity(check.imbalance);
  const over = text.startsWith("-");
  const gap = over ? text.slice(1) : text;
  if (ctx.lang === "en") return ` (the parts ${over ? "exceed" : "fall short of"} the total by ${gap}${check.withinRounding === true ? ", within rounding" : ""})`;
  return `（分项之和比合计${over ? "多" : "少"}${gap}${check.withinRounding === true ? "，在四舍五入误差以内" : ""}）`;
}

function figureText(ctx: Ctx, p: Placement, indicator: Indicator | undefined, indicatorId: string, total: Observation | undefined, parts: readonly Observation[]): string {
  const first = (total ?? parts[0])!;
  const name = clean(ctx.lang === "en" ? (indicator?.nameEn ?? indicator?.name ?? indicatorId) : (indicator?.name ?? indicatorId));
  const when = asOfPhrase(ctx, p, first);
  const partList = parts.map((o) => `${partLabel(indicator, o)}${ctx.lang === "en" ? " " : ""}${value(ctx, o)}`);
  const check = total === undefined ? "" : breakdownCheck(ctx, total, parts);
  const who = qualifier(ctx, first, p.usualArea);
  if (ctx.lang === "en") {
    const head = `${when === undefined ? "" : `${when[0]!.toUpperCase()}${when.slice(1)}, `}${name}${who}: `;
    if (total === undefined) return `${head}${partList.join(", ")}.`;
    return `${head}${value(ctx, total)}${partList.length === 0 ? "" : `, of which ${partList.join(", ")}`}${check}.`;
  }
  const head = `${when === undefined ? "" : `${when}，`}${name}`;
  if (total === undefined) return `${head}${who}：${partList.join("、")}。`;
  // A figure follows its name (服务站7家); a text or a missing value after a colon (建设情况：已建成3个).
  const joint = total.quantity === undefined ? "：" : "";
  return `${head}${joint}${value(ctx, total)}${who}${partList.length === 0 ? "" : `，其中${partList.join("、")}`}${check}。`;
}

/**
 * One sentence per figure: observations reported together (same date,
 * period and area) form a total and its parts; a total without parts stands
 * alone, parts without a total are listed together.
 */
function figures(ctx: Ctx, p: Placement, indicatorId: string): string[] {
  const observations = p.byIndicator.get(indicatorId) ?? [];
  const indicator = p.indicators.get(indicatorId);
  const groups: Group[] = [];
  // An indicator has a few dates: its groups are searched in a list; a long series gets an index by key.
  let byKey: Map<string, Group> | undefined;
  let last: Group | undefined;
  for (const o of observations) {
    // Figures reported together are usually listed together: the previous group is tried first.
    let group = last !== undefined && sameReport(last.first, o) ? last : undefined;
    if (group === undefined && byKey === undefined) group = groups.find((g) => sameReport(g.first, o));
    const key = byKey === undefined || group !== undefined ? undefined : reportKey(o);
    if (group === undefined && key !== undefined) group = byKey!.get(key);
    if (group === undefined) {
      group = { first: o, totals: [], parts: [] };
      groups.push(group);
      if (byKey !== undefined) byKey.set(key ?? reportKey(o), group);
      else if (groups.length > 16) byKey = new Map(groups.map((g) => [reportKey(g.first), g]));
    }
    (hasKeys(o.dimensions) ? group.parts : group.totals).push(o);
    last = group;
  }
  const out: string[] = [];
  for (const { totals, parts } of groups) {
    if (totals.length === 0) out.push(figureText(ctx, p, indicator, indicatorId, undefined, parts));
    totals.forEach((t, k) => out.push(figureText(ctx, p, indicator, indicatorId, t, k === 0 ? parts : [])));
  }
  return out;
}

/** Observations reported together: a total and its parts. */
interface Group {
  readonly first: Observation;
  readonly totals: Observation[];
  readonly parts: Observation[];
}

/** What {@link sameReport} compares, as one string. */
function reportKey(o: Observation): string {
  return `${o.asOf ?? ""}|${o.asOfText ?? ""}|${o.period?.start ?? ""}|${o.period?.end ?? ""}|${o.area}`;
}

/** Same date, period and area: reported together. */
function sameReport(a: Observation, b: Observation): boolean {
  return a.asOf === b.asOf && a.asOfText === b.asOfText && a.period?.start === b.period?.start && a.period?.end === b.period?.end && a.area === b.area;
}

function hasKeys(record: Readonly<Record<string, string>>): boolean {
  for (const _ in record) return true;
  return false;
}

/** Names from the data, listed: 市公安局、市财政局. */
function nameList(names: readonly string[], words: Words): string {
  return names.map(clean).join(words.listSeparator);
}

function measureText(ctx: Ctx, m: Measure): string {
  const { words } = ctx;
  const en = ctx.lang === "en";
  const parts = [sentence(clean(m.description), words)];
  if (m.leadDepartments !== "notStated") parts.push(`${en ? "Lead: " : "牵头单位："}${nameList(m.leadDepartments, words)}${words.sentenceEnd}`);
  if (m.cooperatingDepartments !== undefined && m.cooperatingDepartments.length > 0) parts.push(`${en ? "Cooperating: " : "配合单位："}${nameList(m.cooperatingDepartments, words)}${words.sentenceEnd}`);
  if (m.implementers !== undefined && m.implementers.length > 0) parts.push(`${en ? "Carried out by: " : "实施主体："}${nameList(m.implementers, words)}${words.sentenceEnd}`);
  parts.push(`${en ? "Status: " : "实施状态："}${words.implementation[m.status]}${words.sentenceEnd}`);
  return parts.join(en ? " " : "");
}

/**
 * The blocks of 二、实施效果.
 *
 * @internal
 */
export function effectsBlocks(ctx: Ctx): Block[] {
  const { data, words } = ctx;
  const measures = data.evaluation.measures ?? [];
  const blocks: Block[] = [{ kind: "section", number: ctx.number(1, 2), text: words.sections[1] }];
  const p = place(measures, data.indicators, data.observations);
  const areas = new Map<string, Measure[]>();
  for (const m of measures) {
    const list = areas.get(m.area) ?? [];
    list.push(m);
    areas.set(m.area, list);
  }
  let areaNumber = 0;
  for (const [area, list] of areas) {
    blocks.push({ kind: "subsection", number: ctx.number(2, ++areaNumber), text: clean(words.area(area)) });
    list.forEach((m, k) => {
      blocks.push({ kind: "item", depth: 3, number: ctx.number(3, k + 1), text: measureText(ctx, m) });
      const lines = (p.byMeasure.get(m.id) ?? []).flatMap((id) => figures(ctx, p, id));
      lines.forEach((line, j) => blocks.push({ kind: "item", depth: 4, number: ctx.number(4, j + 1), text: line }));
    });
  }
  const rest = p.unplaced.flatMap((id) => figures(ctx, p, id));
  if (rest.length > 0) {
    blocks.push({ kind: "subsection", number: ctx.number(2, ++areaNumber), text: words.otherIndicators });
    rest.forEach((line, j) => blocks.push({ kind: "item", depth: 3, number: ctx.number(3, j + 1), text: line }));
  }
  if (areaNumber === 0) blocks.push({ kind: "paragraph", text: words.noMeasures });
  return blocks;
}
