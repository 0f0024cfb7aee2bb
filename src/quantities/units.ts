/**
 * 计量单位 — the units Chinese government reports count and measure in, each
 * with its kind (计数 count, 金额 money, 百分比 percent, …), and the
 * magnitudes (数量级) they are reported at: 万 = 10^4, 亿 = 10^8 (SDMX
 * `UNIT_MULT`).
 *
 * A quantity's `unit` is always a base unit of this catalogue: `'元'` for
 * 326.16亿元, `'条'` for 698.14万条. Two quantities add only when their base
 * units are the same, so 万元 and 亿元 add (both 元) while 笔 and 元 do not.
 *
 * @module
 */
import { createIssue, type IssuePath, type PolicyEvalIssue } from "../errors.js";

/** 单位类别 — what a unit measures. Units of one kind still do not mix (亩 and 公顷 are both areas). */
export type UnitKind =
  | "count"
  | "money"
  | "percent"
  | "permille"
  | "percentagePoint"
  | "duration"
  | "area"
  | "length"
  | "mass"
  | "volume"
  | "number";

/** One entry of the catalogue. */
export interface UnitDefinition {
  /** What the unit measures. */
  readonly kind: UnitKind;
  /** An English gloss, for messages. */
  readonly en: string;
}

/**
 * 计量单位目录 — every base unit the parser knows, with its kind. `''` is a
 * bare number (纯数, as in `1,234`).
 *
 * @example
 * ```ts
 * import { UNIT_CATALOGUE } from "policy-eval";
 * UNIT_CATALOGUE["笔"].kind; //=> "count"
 * UNIT_CATALOGUE["元"].kind; //=> "money"
 * ```
 */
export const UNIT_CATALOGUE = Object.freeze({
  // counting units (量词); a count is a whole number of them
  家: { kind: "count", en: "establishments" },
  个: { kind: "count", en: "items" },
  条: { kind: "count", en: "records" },
  笔: { kind: "count", en: "transactions" },
  件: { kind: "count", en: "pieces" },
  份: { kind: "count", en: "copies" },
  名: { kind: "count", en: "persons" },
  人: { kind: "count", en: "persons" },
  位: { kind: "count", en: "persons" },
  户: { kind: "count", en: "households" },
  次: { kind: "count", en: "times" },
  件次: { kind: "count", en: "case-times" },
  人次: { kind: "count", en: "person-times" },
  户次: { kind: "count", en: "household-times" },
  辆次: { kind: "count", en: "vehicle-times" },
  项: { kind: "count", en: "items" },
  宗: { kind: "count", en: "cases" },
  起: { kind: "count", en: "incidents" },
  例: { kind: "count", en: "cases" },
  单: { kind: "count", en: "orders" },
  票: { kind: "count", en: "consignments" },
  台: { kind: "count", en: "machines" },
  辆: { kind: "count", en: "vehicles" },
  艘: { kind: "count", en: "vessels" },
  架: { kind: "count", en: "aircraft" },
  部: { kind: "count", en: "units" },
  座: { kind: "count", en: "structures" },
  所: { kind: "count", en: "institutions" },
  间: { kind: "count", en: "rooms" },
  栋: { kind: "count", en: "buildings" },
  套: { kind: "count", en: "sets" },
  批: { kind: "count", en: "batches" },
  场: { kind: "count", en: "sessions" },
  期: { kind: "count", en: "issues" },
  篇: { kind: "count", en: "articles" },
  本: { kind: "count", en: "volumes" },
  张: { kind: "count", en: "sheets" },
  块: { kind: "count", en: "pieces" },
  处: { kind: "count", en: "sites" },
  只: { kind: "count", en: "units" },
  头: { kind: "count", en: "head" },
  支: { kind: "count", en: "teams" },
  类: { kind: "count", en: "categories" },
  种: { kind: "count", en: "kinds" },
  款: { kind: "count", en: "models" },
  // money
  元: { kind: "money", en: "yuan" },
  美元: { kind: "money", en: "US dollars" },
  // ratios
  "%": { kind: "percent", en: "percent" },
  "‰": { kind: "permille", en: "per mille" },
  个百分点: { kind: "percentagePoint", en: "percentage points" },
  // durations
  天: { kind: "duration", en: "days" },
  日: { kind: "duration", en: "days" },
  个工作日: { kind: "duration", en: "working days" },
  小时: { kind: "duration", en: "hours" },
  分钟: { kind: "duration", en: "minutes" },
  个月: { kind: "duration", en: "months" },
  年: { kind: "duration", en: "years" },
  // physical measures
  亩: { kind: "area", en: "mu" },
  平方米: { kind: "area", en: "square metres" },
  公顷: { kind: "area", en: "hectares" },
  平方公里: { kind: "area", en: "square kilometres" },
  米: { kind: "length", en: "metres" },
  千米: { kind: "length", en: "kilometres" },
  公里: { kind: "length", en: "kilometres" },
  吨: { kind: "mass", en: "tonnes" },
  千克: { kind: "mass", en: "kilograms" },
  公斤: { kind: "mass", en: "kilograms" },
  立方米: { kind: "volume", en: "cubic metres" },
  // a bare number
  "": { kind: "number", en: "(no unit)" },
} as const satisfies Record<string, UnitDefinition>);

/** 计量单位 — a base unit of {@link UNIT_CATALOGUE} (`'元'`, `'笔'`, `'%'`, `''` …). */
export type Unit = keyof typeof UNIT_CATALOGUE;

/** The units whose kind is `K`. */
export type UnitOfKind<K extends UnitKind> = {
  [U in Unit]: (typeof UNIT_CATALOGUE)[U]["kind"] extends K ? U : never;
}[Unit];

/** 计数单位 — 家, 个, 条, 笔, 件, 件次 … */
export type CountUnit = UnitOfKind<"count">;

/** 货币单位 — 元 (万元 and 亿元 are 元 at magnitude 4 and 8). */
export type MoneyUnit = UnitOfKind<"money">;

/**
 * 单位别名 — other spellings of a base unit: the full-width `％`, 百分点
 * for 个百分点, 工作日 for 个工作日.
 *
 * @example
 * ```ts
 * import { UNIT_ALIASES } from "policy-eval";
 * UNIT_ALIASES["％"]; //=> "%"
 * ```
 */
export const UNIT_ALIASES = Object.freeze({
  "％": "%",
  百分点: "个百分点",
  工作日: "个工作日",
} as const satisfies Record<string, Unit>);

/** A spelling {@link UNIT_ALIASES} maps to a base unit. */
export type UnitAlias = keyof typeof UNIT_ALIASES;

const UNIT_LOOKUP: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ...(Object.keys(UNIT_CATALOGUE) as Unit[]).map((u): [string, Unit] => [u, u]),
  ...(Object.entries(UNIT_ALIASES) as Array<[string, Unit]>),
]);

/**
 * Reads a unit spelling: a base unit or an alias.
 *
 * @param text - `'笔'`, `'％'`, `'百分点'` …
 * @returns the base unit, or `undefined` when the catalogue does not know it
 *
 * @example
 * ```ts
 * import { lookupUnit } from "policy-eval";
 * lookupUnit("％"); //=> "%"
 * lookupUnit("件次"); //=> "件次"
 * lookupUnit("万元"); //=> undefined
 * ```
 */
export function lookupUnit(text: string): Unit | undefined {
  return UNIT_LOOKUP.get(text);
}

/**
 * Whether a string is a base unit of the catalogue.
 *
 * @param value - anything
 * @returns true for `'元'`, `'笔'`, `''`; false for `'万元'` (元 at magnitude 4) or aliases
 *
 * @example
 * ```ts
 * import { isUnit } from "policy-eval";
 * isUnit("笔"); //=> true
 * isUnit("万元"); //=> false
 * ```
 */
export function isUnit(value: unknown): value is Unit {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(UNIT_CATALOGUE, value);
}

/**
 * The kind of a unit.
 *
 * @param unit - a base unit
 * @returns `'count'`, `'money'`, `'percent'` …
 *
 * @example
 * ```ts
 * import { unitKind } from "policy-eval";
 * unitKind("件次"); //=> "count"
 * unitKind("元"); //=> "money"
 * ```
 */
export function unitKind(unit: Unit): UnitKind {
  return UNIT_CATALOGUE[unit].kind;
}

/** 数量级 — the power of ten a number is reported at: 0, 千 3, 万 4, 百万 6, 千万 7, 亿 8, 万亿 12 (SDMX `UNIT_MULT`). */
export type Magnitude = 0 | 3 | 4 | 6 | 7 | 8 | 12;

/**
 * The character(s) each magnitude is written with.
 *
 * @example
 * ```ts
 * import { MAGNITUDE_PREFIXES } from "policy-eval";
 * MAGNITUDE_PREFIXES[8]; //=> "亿"
 * ```
 */
export const MAGNITUDE_PREFIXES: Readonly<Record<Magnitude, string>> = Object.freeze({
  0: "",
  3: "千",
  4: "万",
  6: "百万",
  7: "千万",
  8: "亿",
  12: "万亿",
});

/** The magnitudes, for validation and docs. */
export const MAGNITUDES: readonly Magnitude[] = Object.freeze([0, 3, 4, 6, 7, 8, 12]);

/**
 * Whether a value is a supported magnitude.
 *
 * @param value - anything
 * @returns true for 0, 3, 4, 6, 7, 8, 12
 *
 * @example
 * ```ts
 * import { isMagnitude } from "policy-eval";
 * isMagnitude(8); //=> true
 * isMagnitude(5); //=> false
 * ```
 */
export function isMagnitude(value: unknown): value is Magnitude {
  return typeof value === "number" && (MAGNITUDES as readonly number[]).includes(value);
}

/** `unknown-unit`: a unit the catalogue does not know, with an optional hint on what to do instead. @internal */
export function unknownUnitIssue(text: string, path: IssuePath, context?: string, hint?: { readonly zh: string; readonly en: string; readonly use: string }): PolicyEvalIssue {
  const where = context === undefined ? "" : `（${context}）`;
  const whereEn = context === undefined ? "" : ` (in ${JSON.stringify(context)})`;
  return createIssue(
    "unknown-unit",
    path,
    {
      "zh-CN": `未知计量单位：${JSON.stringify(text)}${where}${hint === undefined ? "" : `；${hint.zh}`}`,
      en: `Unknown unit ${JSON.stringify(text)}${whereEn}${hint === undefined ? "" : `; ${hint.en}`}`,
    },
    { params: hint === undefined ? { unit: text } : { unit: text, use: hint.use } },
  );
}

/** `invalid-magnitude`. @internal */
export function invalidMagnitudeIssue(value: unknown, path: IssuePath): PolicyEvalIssue {
  return createIssue(
    "invalid-magnitude",
    path,
    {
      "zh-CN": `数量级应为 ${MAGNITUDES.join("、")} 之一，实际为 ${String(value)}`,
      en: `A magnitude must be one of ${MAGNITUDES.join(", ")}, received ${String(value)}`,
    },
    { params: { magnitude: value } },
  );
}
