/**
 * 指标与数据 — indicators (what is measured, in which unit, which way is
 * better, how it aggregates over time and areas) and observations (one
 * reported number with its date, area, department, dimensions, status and
 * source), as zod schemas with their types.
 *
 * Models borrowed: IATI (measure type, `ascending`, baseline/target), DHIS2
 * (aggregation split over time and areas, disaggregation categories), SDMX
 * (`UNIT_MULT` = magnitude, `OBS_STATUS`).
 *
 * @module
 */
import * as z from "zod";
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { dayBounds, type PartialDate } from "../dates/partialDate.js";
import { PartialDateSchema } from "../documents/schema.js";
import { forwardIssues, NonBlankStringSchema, safeParseSchema } from "../schema-issues.js";
import { safeToExactDecimal, type DecimalInput } from "../quantities/decimal.js";
import { parseQuantityAt } from "../quantities/parseQuantity.js";
import { quantityIssues, type Quantity } from "../quantities/quantity.js";
import { invalidMagnitudeIssue, isMagnitude, isUnit, unknownUnitIssue, type Magnitude, type Unit } from "../quantities/units.js";

/**
 * `未说明` — the area or department of an observation the report does not
 * name (the seed report names who did the registration work, 市交警部门, but
 * not who signed the 18 memoranda). Kept as a value so roll-ups group it.
 *
 * @example
 * ```ts
 * import { NOT_STATED } from "policy-eval";
 * NOT_STATED; //=> "notStated"
 * ```
 */
export const NOT_STATED = "notStated";

/** 计量类型 (IATI IndicatorMeasure): unit 数量, percentage 百分比, nominal 名义, ordinal 顺序, qualitative 定性 (a comment, no number). */
export const MEASURE_TYPES = ["unit", "percentage", "nominal", "ordinal", "qualitative"] as const;
/** One of {@link MEASURE_TYPES}. */
export type MeasureType = (typeof MEASURE_TYPES)[number];

/**
 * 时间汇总方式 (DHIS2, period axis): `sum` for flows (loans made in a month),
 * `last` for stocks and running totals (stations open, records collected "as
 * of"), `lastInPeriod` only inside the period, `first`, `max`, `min`,
 * `average`, `count`, `none`.
 */
export const TIME_AGGREGATIONS = ["sum", "last", "lastInPeriod", "first", "max", "min", "average", "count", "none"] as const;
/** One of {@link TIME_AGGREGATIONS}. */
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

/** 地区汇总方式 (DHIS2, org-unit axis). */
export const AREA_AGGREGATIONS = ["sum", "average", "max", "min", "count", "none"] as const;
/** One of {@link AREA_AGGREGATIONS}. */
export type AreaAggregation = (typeof AREA_AGGREGATIONS)[number];

/**
 * 数据状态 (SDMX `OBS_STATUS`), with the SDMX code of each: normal A, break B,
 * estimated E, forecast F, provisional P, lowReliability U, unvalidated V,
 * missing M, includedElsewhere K, includesOther W (codes as listed in
 * research/indicators-rules.md).
 *
 * @example
 * ```ts
 * import { OBSERVATION_STATUSES } from "policy-eval";
 * OBSERVATION_STATUSES.provisional; //=> "P"
 * ```
 */
export const OBSERVATION_STATUSES = Object.freeze({
  normal: "A",
  break: "B",
  estimated: "E",
  forecast: "F",
  provisional: "P",
  lowReliability: "U",
  unvalidated: "V",
  missing: "M",
  includedElsewhere: "K",
  includesOther: "W",
} as const);
/** A key of {@link OBSERVATION_STATUSES}. */
export type ObservationStatus = keyof typeof OBSERVATION_STATUSES;
const STATUS_KEYS = Object.keys(OBSERVATION_STATUSES) as [ObservationStatus, ...ObservationStatus[]];

// ---------------------------------------------------------------- field schemas

const nonEmpty = NonBlankStringSchema;

/** A reported number: a decimal string, safe integer, bigint, ExactDecimal or decimal.js Decimal — never a float. @internal */
export const DecimalValueSchema = z
  // every check (type included) is toExactDecimal's, so the message names what is wrong
  .custom<DecimalInput>(() => true)
  .transform((v, ctx) => {
    const result = safeToExactDecimal(v);
    if (result.success) return result.data;
    forwardIssues(ctx, result.error.issues);
    return z.NEVER;
  });

const UnitSchema = z.string().transform((text, ctx): Unit => {
  if (isUnit(text)) return text;
  forwardIssues(ctx, [unknownUnitIssue(text, [])]);
  return z.NEVER;
});

const MagnitudeSchema = z.number().transform((m, ctx): Magnitude => {
  if (isMagnitude(m)) return m;
  forwardIssues(ctx, [invalidMagnitudeIssue(m, [])]);
  return z.NEVER;
});

const QuantityTextSchema = z.string().transform((text, ctx): Quantity => {
  const parsed = parseQuantityAt(text, []);
  if (parsed.quantity !== undefined) return parsed.quantity;
  forwardIssues(ctx, [parsed.issue]);
  return z.NEVER;
});

// ---------------------------------------------------------------- indicator

/**
 * 分解维度 — a disaggregation category and its options (DHIS2 category →
 * options), e.g. platform {省中小企业融资平台, 粤信融}.
 *
 * @example
 * ```ts
 * import { DimensionSchema } from "policy-eval";
 * DimensionSchema.parse({ id: "platform", name: "融资平台", options: [{ id: "yuexinrong", name: "粤信融" }] }).options.length; //=> 1
 * ```
 */
export const DimensionSchema = z.strictObject({
  /** Stable id, e.g. `platform`. */
  id: nonEmpty,
  /** Name as the report says it. */
  name: nonEmpty,
  /** The options; observations use their ids. */
  options: z.array(z.strictObject({ id: nonEmpty, name: nonEmpty })).min(1),
});
/** 分解维度 — see {@link DimensionSchema}. */
export type Dimension = z.output<typeof DimensionSchema>;

const ReferenceValueInputSchema = z.strictObject({
  /** The number at the indicator's magnitude (or `magnitude` below). */
  value: DecimalValueSchema.optional(),
  /** Magnitude of `value`, if not the indicator's. */
  magnitude: MagnitudeSchema.optional(),
  /** When the baseline was measured or the target is due. */
  date: PartialDateSchema,
  /** A qualitative baseline or target, or a note. */
  comment: nonEmpty.optional(),
});

/** 基线值 / 目标值 — a baseline or target with its date. */
export interface ReferenceValue {
  /** The value, exact, in the indicator's unit (absent for a qualitative one). */
  readonly quantity?: Quantity;
  /** When it was measured or is due. */
  readonly date: PartialDate;
  /** Text, for a qualitative indicator or a note. */
  readonly comment?: string;
}

/**
 * 指标 — what is measured. Output of {@link IndicatorSchema}.
 */
export interface Indicator {
  /** Stable id, e.g. `matched-loans-amount`. */
  readonly id: string;
  /** Name as the report says it, e.g. 撮合贷款金额. */
  readonly name: string;
  /** English name. */
  readonly nameEn?: string;
  /** The measure (措施) it belongs to, e.g. `financial-services`. */
  readonly measureId: string;
  /** Measure type (IATI). */
  readonly measureType: MeasureType;
  /** The base unit (absent only for a qualitative indicator). */
  readonly unit?: Unit;
  /** The magnitude values are usually reported at (亿元 → 8); default 0. */
  readonly magnitude: Magnitude;
  /** True when more is better (IATI `@ascending`); default true. */
  readonly ascending: boolean;
  /** Aggregation over time (stock `last` vs flow `sum`). */
  readonly timeAggregation: TimeAggregation;
  /** Aggregation over areas; default `sum`. */
  readonly areaAggregation: AreaAggregation;
  /** Disaggregation dimensions; default none. */
  readonly dimensions: readonly Dimension[];
  /** 基线. */
  readonly baseline?: ReferenceValue;
  /** 目标. */
  readonly target?: ReferenceValue;
  /** Definition or note. */
  readonly description?: string;
}

function referenceValue(
  input: z.output<typeof ReferenceValueInputSchema>,
  unit: Unit | undefined,
  magnitude: Magnitude,
  qualitative: boolean,
  path: IssuePath,
  issues: PolicyEvalIssue[],
): ReferenceValue | undefined {
  let quantity: Quantity | undefined;
  if (input.value !== undefined) {
    if (qualitative) issues.push(unexpectedValueIssue([...path, "value"]));
    else if (unit !== undefined) {
      const built = quantityIssues(input.value, unit, { magnitude: input.magnitude ?? magnitude }, path);
      issues.push(...built.issues);
      quantity = built.quantity;
    }
  } else if (input.comment === undefined) issues.push(missingValueIssue(path));
  return {
    ...(quantity === undefined ? {} : { quantity }),
    date: input.date,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
  };
}

function missingValueIssue(path: IssuePath): PolicyEvalIssue {
  return createIssue("missing-value", path, {
    "zh-CN": "缺少数值（value 或 quantity），定性指标请填写 comment",
    en: "No value (value or quantity); a qualitative indicator takes a comment",
  });
}

function unexpectedValueIssue(path: IssuePath): PolicyEvalIssue {
  return createIssue("unexpected-value", path, {
    "zh-CN": "定性指标不应有数值，请使用 comment",
    en: "A qualitative indicator takes a comment, not a value",
  });
}

/**
 * 指标 schema. Input: `{ id, name, measureId, measureType, unit, magnitude?,
 * ascending?, timeAggregation, areaAggregation?, dimensions?, baseline?,
 * target?, … }` with values as strings; output: an {@link Indicator} whose
 * baseline and target are exact quantities.
 *
 * @example
 * ```ts
 * import { IndicatorSchema } from "policy-eval";
 * const indicator = IndicatorSchema.parse({
 *   id: "matched-loans-amount", name: "撮合贷款金额", measureId: "financial-services",
 *   measureType: "unit", unit: "元", magnitude: 8, timeAggregation: "last",
 * });
 * [indicator.ascending, indicator.areaAggregation]; //=> [true, "sum"]
 * ```
 */
export const IndicatorSchema = z
  .strictObject({
    id: nonEmpty,
    name: nonEmpty,
    nameEn: nonEmpty.optional(),
    measureId: nonEmpty,
    measureType: z.enum(MEASURE_TYPES),
    unit: UnitSchema.optional(),
    magnitude: MagnitudeSchema.optional(),
    ascending: z.boolean().optional(),
    timeAggregation: z.enum(TIME_AGGREGATIONS),
    areaAggregation: z.enum(AREA_AGGREGATIONS).optional(),
    dimensions: z.array(DimensionSchema).optional(),
    baseline: ReferenceValueInputSchema.optional(),
    target: ReferenceValueInputSchema.optional(),
    description: nonEmpty.optional(),
  })
  .transform((input, ctx): Indicator => {
    const issues: PolicyEvalIssue[] = [];
    const qualitative = input.measureType === "qualitative";
    if (!qualitative && input.unit === undefined) {
      issues.push(
        createIssue("missing-unit", ["unit"], {
          "zh-CN": "非定性指标必须有计量单位（unit）",
          en: "An indicator that is not qualitative needs a unit",
        }),
      );
    }
    if (input.measureType === "percentage" && input.unit !== undefined && input.unit !== "%") {
      issues.push(
        createIssue(
          "unit-mismatch",
          ["unit"],
          { "zh-CN": `百分比指标的单位应为 %，实际为“${input.unit}”`, en: `A percentage indicator is in %, not ${JSON.stringify(input.unit)}` },
          { params: { expected: "%", received: input.unit } },
        ),
      );
    }
    const seen = new Set<string>();
    (input.dimensions ?? []).forEach((d, k) => {
      if (seen.has(d.id)) issues.push(duplicateIdIssue(d.id, ["dimensions", k, "id"]));
      seen.add(d.id);
    });
    const magnitude = input.magnitude ?? 0;
    const baseline = input.baseline && referenceValue(input.baseline, input.unit, magnitude, qualitative, ["baseline"], issues);
    const target = input.target && referenceValue(input.target, input.unit, magnitude, qualitative, ["target"], issues);
    if (issues.length > 0) {
      forwardIssues(ctx, issues);
      return z.NEVER;
    }
    return {
      id: input.id,
      name: input.name,
      ...(input.nameEn === undefined ? {} : { nameEn: input.nameEn }),
      measureId: input.measureId,
      measureType: input.measureType,
      ...(input.unit === undefined ? {} : { unit: input.unit }),
      magnitude,
      ascending: input.ascending ?? true,
      timeAggregation: input.timeAggregation,
      areaAggregation: input.areaAggregation ?? "sum",
      dimensions: input.dimensions ?? [],
      ...(baseline === undefined ? {} : { baseline }),
      ...(target === undefined ? {} : { target }),
      ...(input.description === undefined ? {} : { description: input.description }),
    };
  });

/** What {@link IndicatorSchema} accepts. */
export type IndicatorInput = z.input<typeof IndicatorSchema>;

// ---------------------------------------------------------------- observation

/**
 * 来源 — where a number comes from: the document and the exact text quoted.
 *
 * @example
 * ```ts
 * import { ObservationSourceSchema } from "policy-eval";
 * ObservationSourceSchema.safeParse({ document: "评估报告", quote: "" }).success; //=> false
 * ```
 */
export const ObservationSourceSchema = z.strictObject({
  /** The document (an id or its title). */
  document: nonEmpty,
  /** The sentence quoted, exactly as in the document. */
  quote: nonEmpty.optional(),
  /** Where in the document (`二（三）2`, a page). */
  locator: nonEmpty.optional(),
});
/** 来源 — see {@link ObservationSourceSchema}. */
export type ObservationSource = z.output<typeof ObservationSourceSchema>;

/** 期间 — a period a flow is counted over, both ends partial dates. */
export interface Period {
  /** First day (or month, year) of the period. */
  readonly start: PartialDate;
  /** Last day (or month, year) of the period. */
  readonly end: PartialDate;
}

/** 数据 — one reported number. Output of {@link ObservationSchema}. */
export interface Observation {
  /** Stable id. */
  readonly id: string;
  /** The indicator it reports. */
  readonly indicatorId: string;
  /** The exact value (absent for a qualitative indicator or a missing value). */
  readonly quantity?: Quantity;
  /** The text of a qualitative observation, or a note. */
  readonly comment?: string;
  /** 截止日期 — the date a stock or running total is given as of. */
  readonly asOf?: PartialDate;
  /** The report's own date expression (`截至7月末`, `截止目前`), kept even when it cannot be settled. */
  readonly asOfText?: string;
  /** The period a flow is counted over. */
  readonly period?: Period;
  /** 地区, or {@link NOT_STATED}. */
  readonly area: string;
  /** 责任单位, or {@link NOT_STATED}. */
  readonly department: string;
  /** Disaggregation: dimension id → option id (`{ platform: 'yuexinrong' }`); `{}` for a total. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** SDMX observation status; default `normal`. */
  readonly status: ObservationStatus;
  /** Where the number comes from. */
  readonly source: ObservationSource;
}

/**
 * 数据 schema. The value is given either as report text (`quantity:
 * "326.16亿元"`) or as `value` + `unit` (+ `magnitude`): `{ value: "326.16",
 * unit: "元", magnitude: 8 }`. Values are strings, safe integers, bigints or
 * ExactDecimals — never floats.
 *
 * @example
 * ```ts
 * import { ObservationSchema } from "policy-eval";
 * const o = ObservationSchema.parse({
 *   id: "loans-total-amount", indicatorId: "matched-loans-amount", quantity: "326.16亿元",
 *   asOfText: "截至7月末", source: { document: "评估报告", quote: "共撮合贷款5011笔326.16亿元" },
 * });
 * [o.quantity?.value.toString(), o.department]; //=> ["32616000000", "notStated"]
 * ```
 */
export const ObservationSchema = z
  .strictObject({
    id: nonEmpty,
    indicatorId: nonEmpty,
    quantity: QuantityTextSchema.optional(),
    value: DecimalValueSchema.optional(),
    unit: UnitSchema.optional(),
    magnitude: MagnitudeSchema.optional(),
    comment: nonEmpty.optional(),
    asOf: PartialDateSchema.optional(),
    asOfText: nonEmpty.optional(),
    period: z.strictObject({ start: PartialDateSchema, end: PartialDateSchema }).optional(),
    area: nonEmpty.optional(),
    department: nonEmpty.optional(),
    dimensions: z.record(nonEmpty, nonEmpty).optional(),
    status: z.enum(STATUS_KEYS).optional(),
    source: ObservationSourceSchema,
  })
  .transform((input, ctx): Observation => {
    const issues: PolicyEvalIssue[] = [];
    let quantity = input.quantity;
    if (quantity !== undefined) {
      if (input.value !== undefined) {
        issues.push(
          createIssue("conflicting-value", ["value"], {
            "zh-CN": "quantity 与 value 只能给出一个",
            en: "Give either quantity or value, not both",
          }),
        );
      }
      if (input.unit !== undefined && input.unit !== quantity.unit) {
        issues.push(
          createIssue(
            "unit-mismatch",
            ["unit"],
            {
              "zh-CN": `unit“${input.unit}”与 quantity 的单位“${quantity.unit}”不一致`,
              en: `unit ${JSON.stringify(input.unit)} differs from the unit of quantity, ${JSON.stringify(quantity.unit)}`,
            },
            { params: { expected: quantity.unit, received: input.unit } },
          ),
        );
      }
      if (input.magnitude !== undefined && input.magnitude !== quantity.magnitude) {
        issues.push(
          createIssue(
            "conflicting-value",
            ["magnitude"],
            {
              "zh-CN": `magnitude ${input.magnitude} 与 quantity 的数量级 ${quantity.magnitude} 不一致`,
              en: `magnitude ${input.magnitude} differs from the magnitude of quantity, ${quantity.magnitude}`,
            },
            { params: { expected: quantity.magnitude, received: input.magnitude } },
          ),
        );
      }
    } else if (input.value !== undefined) {
      if (input.unit === undefined) {
        issues.push(createIssue("missing-unit", ["unit"], { "zh-CN": "给出 value 时必须给出 unit", en: "A value needs a unit" }));
      } else {
        quantity = quantityIssues(input.value, input.unit, { magnitude: input.magnitude ?? 0 }, []).quantity;
      }
    } else if (input.comment === undefined && input.status !== "missing") {
      issues.push(missingValueIssue(["value"]));
    }
    if (input.asOf !== undefined && input.period !== undefined) {
      issues.push(
        createIssue("conflicting-dates", ["period"], {
          "zh-CN": "asOf（截止日期）与 period（期间）只能给出一个",
          en: "Give either asOf or period, not both",
        }),
      );
    }
    if (input.period !== undefined) {
      const [start] = dayBounds(input.period.start);
      const [, end] = dayBounds(input.period.end);
      if (start > end) {
        issues.push(
          createIssue(
            "invalid-period",
            ["period"],
            {
              "zh-CN": `期间起点 ${input.period.start} 晚于终点 ${input.period.end}`,
              en: `The period starts (${input.period.start}) after it ends (${input.period.end})`,
            },
            { params: { ...input.period } },
          ),
        );
      }
    }
    if (issues.length > 0) {
      forwardIssues(ctx, issues);
      return z.NEVER;
    }
    return {
      id: input.id,
      indicatorId: input.indicatorId,
      ...(quantity === undefined ? {} : { quantity }),
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
      ...(input.asOfText === undefined ? {} : { asOfText: input.asOfText }),
      ...(input.period === undefined ? {} : { period: input.period }),
      area: input.area ?? NOT_STATED,
      department: input.department ?? NOT_STATED,
      dimensions: input.dimensions ?? {},
      status: input.status ?? "normal",
      source: input.source,
    };
  });

/** What {@link ObservationSchema} accepts. */
export type ObservationInput = z.input<typeof ObservationSchema>;

// ---------------------------------------------------------------- parse functions

function duplicateIdIssue(id: string, path: IssuePath): PolicyEvalIssue {
  return createIssue(
    "duplicate-id",
    path,
    { "zh-CN": `标识重复：${JSON.stringify(id)}`, en: `Duplicate id ${JSON.stringify(id)}` },
    { params: { id } },
  );
}

function safeParseList<T extends { readonly id: string }>(schema: z.ZodType<T>, input: unknown): SafeResult<readonly T[]> {
  const result = safeParseSchema(z.array(schema), input);
  const issues: PolicyEvalIssue[] = result.success ? [] : [...result.error.issues];
  if (Array.isArray(input)) {
    // duplicates are checked on the raw ids, so they are reported together with the other problems
    const seen = new Set<string>();
    input.forEach((item: unknown, k) => {
      const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id !== "string") return;
      if (seen.has(id)) issues.push(duplicateIdIssue(id, [k, "id"]));
      seen.add(id);
    });
  }
  if (issues.length > 0) return { success: false, error: new PolicyEvalError(issues) };
  return { success: true, data: Object.freeze((result as { data: T[] }).data) };
}

/**
 * Validates a list of indicators, returning every problem at once (including duplicate ids).
 *
 * @param input - an array of {@link IndicatorInput}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeParseIndicators } from "policy-eval";
 * const result = safeParseIndicators([{ id: "x", name: "X", measureId: "m", measureType: "unit", timeAggregation: "last" }]);
 * if (!result.success) result.error.issues[0]?.code; //=> "missing-unit"
 * ```
 */
export function safeParseIndicators(input: unknown): SafeResult<readonly Indicator[]> {
  return safeParseList(IndicatorSchema, input);
}

/**
 * Validates a list of indicators.
 *
 * @param input - an array of {@link IndicatorInput}
 * @returns the indicators
 * @throws {@link PolicyEvalError} with every problem and its path
 *
 * @example
 * ```ts
 * import { parseIndicators } from "policy-eval";
 * const [stations] = parseIndicators([
 *   { id: "stations", name: "二手机动车登记服务站", measureId: "trade-registration", measureType: "unit", unit: "家", timeAggregation: "last" },
 * ]);
 * stations?.unit; //=> "家"
 * ```
 */
export function parseIndicators(input: unknown): readonly Indicator[] {
  const result = safeParseIndicators(input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Validates a list of observations, returning every problem at once (including duplicate ids).
 *
 * @param input - an array of {@link ObservationInput}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeParseObservations } from "policy-eval";
 * const result = safeParseObservations([
 *   { id: "a", indicatorId: "x", value: 0.1, unit: "元", source: { document: "d" } },
 * ]);
 * if (!result.success) result.error.issues[0]?.code; //=> "invalid-number"
 * ```
 */
export function safeParseObservations(input: unknown): SafeResult<readonly Observation[]> {
  return safeParseList(ObservationSchema, input);
}

/**
 * Validates a list of observations.
 *
 * @param input - an array of {@link ObservationInput}
 * @returns the observations, values exact
 * @throws {@link PolicyEvalError} with every problem and its path
 *
 * @example
 * ```ts
 * import { parseObservations } from "policy-eval";
 * const [o] = parseObservations([
 *   { id: "a", indicatorId: "risk-pool-loans-amount", value: "19949", unit: "元", magnitude: 4, source: { document: "评估报告" } },
 * ]);
 * o?.quantity?.value.toString(); //=> "199490000"
 * ```
 */
export function parseObservations(input: unknown): readonly Observation[] {
  const result = safeParseObservations(input);
  if (!result.success) throw result.error;
  return result.data;
}
