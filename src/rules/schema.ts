/**
 * 评估规则语言 — the JSON rule language, as zod schemas: conditions
 * (`all` / `any` / `not`, named conditions, fact comparisons), dated
 * parameters, rules with their legal basis and Catala-style exceptions, and
 * the dated rule set that holds them. See docs/rules.md.
 *
 * These schemas check the shape only; {@link validateRuleSet} also checks the
 * meaning (facts exist, operators fit their types, no cycles, …) and compiles.
 *
 * @module
 */
import * as z from "zod";
import type { CalendarDate } from "../dates/index.js";
import { isPartialDate } from "../dates/partialDate.js";
import { bilingualIssue, forwardIssues } from "../schema-issues.js";
import type { LocalizedMessage } from "../errors.js";
import { RULE_CONCLUSIONS, GROUNDS, vocabularyIssues, type RuleConclusion, type Ground } from "./vocabulary.js";
import { FactDeclarationSchema, LocalizedTextSchema, type FactCatalogue } from "./factTypes.js";
import { OPERATORS, type Operator } from "./operators.js";

/** A non-empty name: fact, parameter, condition or rule id. */
const NameSchema = z.string().min(1);

/**
 * zod schema of a {@link CalendarDate} `YYYY-MM-DD` that exists (2021-02-29
 * does not): rule sets, rules and parameter values are dated to the day.
 *
 * @example
 * ```ts
 * import { CalendarDateSchema } from "policy-eval";
 * CalendarDateSchema.safeParse("2021-02-29").success; //=> false
 * ```
 */
export const CalendarDateSchema = z.string().superRefine((value, ctx) => {
  if (value.length !== 10 || !isPartialDate(value)) {
    const en = `Invalid date ${JSON.stringify(value)}: expected a real date YYYY-MM-DD`;
    ctx.addIssue({
      code: "custom",
      message: en,
      params: bilingualIssue("invalid-date", `日期无效：${JSON.stringify(value)}（应为 YYYY-MM-DD 形式的真实日期）`, en, { value }),
    });
  }
}) as unknown as z.ZodType<CalendarDate>;

/**
 * zod schema of a {@link Basis}.
 *
 * @example
 * ```ts
 * import { BasisSchema } from "policy-eval";
 * BasisSchema.parse({ document: "粤府令第277号", article: "第三十四条" }).article; //=> "第三十四条"
 * ```
 */
export const BasisSchema: z.ZodType<Basis> = z.strictObject({
  document: z.string().min(1),
  article: z.string().min(1).optional(),
  quote: z.string().min(1).optional(),
});

/**
 * 依据 — the legal basis of a rule or parameter: a document (its 发文字号 such
 * as `粤府令第277号`, or its title), optionally the article and a quotation.
 */
export interface Basis {
  /** 文件 — the document number (`粤府令第277号`) or title. */
  readonly document: string;
  /** 条款 — the article, e.g. `第三十四条`. */
  readonly article?: string | undefined;
  /** 原文 — the words relied on. */
  readonly quote?: string | undefined;
}

/**
 * 字面值 — a literal on the right of a comparison: a decimal **string** or a safe
 * integer for decimal facts (never a float), a partial-date string for date
 * facts, a string, a boolean, or a list of strings for `in` / `notIn`.
 */
export type Literal = string | number | boolean | readonly string[];

/**
 * 右操作数 — what a fact is compared with: a {@link Literal}, another fact
 * `{ fact: name }` or a dated parameter `{ parameter: name }`.
 */
export type RightOperand =
  | Literal
  | {
      /** Compare with this other fact. */
      readonly fact: string;
    }
  | {
      /** Compare with this dated parameter's value at the evaluation date. */
      readonly parameter: string;
    };

/**
 * 事实条件 — a comparison of a fact: `{ fact, operator, value? }`.
 */
export interface FactCondition {
  /** The fact tested. */
  readonly fact: string;
  /** How it is tested; must fit the fact's type ({@link operatorsForFactType}). */
  readonly operator: Operator;
  /** The right-hand side; absent for `isTrue`, `isFalse`, `isKnown`, `isUnknown`. */
  readonly value?: RightOperand | undefined;
}

/**
 * 条件 — a condition tree: `{ all: [...] }` (every one holds; `[]` holds),
 * `{ any: [...] }` (at least one holds; `[]` does not), `{ not: c }`,
 * `{ condition: name }` (a named shared condition) or a {@link FactCondition}.
 * Evaluated in three-valued logic: true, false or unknown.
 */
export type Condition =
  | {
      /** 全部 — holds when every part holds (`[]` holds). */
      readonly all: readonly Condition[];
    }
  | {
      /** 任一 — holds when at least one part holds (`[]` does not). */
      readonly any: readonly Condition[];
    }
  | {
      /** 非 — flips true and false; unknown stays unknown. */
      readonly not: Condition;
    }
  | {
      /** 具名条件 — the name of a shared condition of the rule set. */
      readonly condition: string;
    }
  | FactCondition;

/** Whether a right-hand side is `{ fact: name }`. @internal */
export function isFactOperand(value: RightOperand | undefined): value is { readonly fact: string } {
  return typeof value === "object" && value !== null && "fact" in value;
}

/** Whether a right-hand side is `{ parameter: name }`. @internal */
export function isParameterOperand(value: RightOperand | undefined): value is { readonly parameter: string } {
  return typeof value === "object" && value !== null && "parameter" in value;
}

/** The ids an `exceptionTo` names, in order (a string or an array); anything else names none. @internal */
export function exceptionTargets(raw: unknown): readonly string[] {
  if (typeof raw === "string") return [raw];
  if (Array.isArray(raw)) return raw.filter((t): t is string => typeof t === "string");
  return [];
}

/** zod schema of a {@link RightOperand}. */
const RightOperandSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.strictObject({ fact: NameSchema }),
  z.strictObject({ parameter: NameSchema }),
]);

/**
 * zod schema of a {@link FactCondition} (a leaf of a condition tree).
 *
 * @example
 * ```ts
 * import { FactConditionSchema } from "policy-eval";
 * FactConditionSchema.safeParse({ fact: "effectsMet", operator: "isTrue" }).success; //=> true
 * ```
 */
export const FactConditionSchema: z.ZodType<FactCondition> = z.strictObject({
  fact: NameSchema,
  operator: z.enum(OPERATORS),
  value: RightOperandSchema.optional(),
});

/**
 * The shallow node schemas used by {@link validateRuleSet}, which walks the
 * tree itself (iteratively, with a depth cap) so that a deep or broken tree
 * gives precise issues instead of zod's "matches none of the union".
 * @internal
 */
export const CONDITION_NODE_SCHEMAS = Object.freeze({
  all: z.strictObject({ all: z.array(z.unknown()) }),
  any: z.strictObject({ any: z.array(z.unknown()) }),
  not: z.strictObject({ not: z.unknown() }),
  condition: z.strictObject({ condition: NameSchema }),
  fact: FactConditionSchema,
});

/**
 * zod schema of a {@link Condition} tree (recursive). {@link validateRuleSet}
 * checks trees itself, with better messages and a depth cap; this schema is
 * for typing, JSON Schema export and quick checks.
 *
 * @example
 * ```ts
 * import { ConditionSchema } from "policy-eval";
 * ConditionSchema.safeParse({
 *   all: [{ fact: "effectsMet", operator: "isTrue" }, { not: { condition: "conflictFound" } }],
 * }).success; //=> true
 * ```
 */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FactConditionSchema,
    z.strictObject({ all: z.array(ConditionSchema) }),
    z.strictObject({ any: z.array(ConditionSchema) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ condition: NameSchema }),
  ]),
);

/**
 * zod schema of a {@link Parameter}.
 *
 * @example
 * ```ts
 * import { ParameterSchema } from "policy-eval";
 * ParameterSchema.safeParse({
 *   type: "decimal",
 *   values: [{ from: "2018-01-01", value: "0.9" }],
 * }).success; //=> true
 * ```
 */
export const ParameterSchema: z.ZodType<Parameter> = z.strictObject({
  type: z.enum(["decimal", "boolean", "date", "string"]),
  description: LocalizedTextSchema.optional(),
  values: z
    .array(
      z.strictObject({
        from: CalendarDateSchema,
        value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        basis: z.array(BasisSchema).min(1).optional(),
      }),
    )
    .min(1),
});

/** One dated value of a {@link Parameter}. */
export interface ParameterValue {
  /** 生效日期 — the first day this value is in force. */
  readonly from: CalendarDate;
  /**
   * The value: a decimal string or safe integer (`decimal`), a boolean, a
   * partial-date string (`date`), a string — or `null` to end the parameter.
   */
  readonly value: string | number | boolean | null;
  /** Where the value comes from. */
  readonly basis?: readonly Basis[] | undefined;
}

/**
 * 参数 — a dated parameter (OpenFisca style): each value is in force from its
 * `from` date until the next one; `value: null` ends the parameter. A lookup
 * at the evaluation date takes the value in force and the trace records it
 * with its date.
 */
export interface Parameter {
  /** The type of its values; it must fit the facts it is compared with. */
  readonly type: "decimal" | "boolean" | "date" | "string";
  /** What the parameter means. */
  readonly description?: LocalizedMessage | undefined;
  /** Its values, sorted by `from`, no date twice. */
  readonly values: readonly ParameterValue[];
}

/**
 * A rule's schema, with the given schemas for its condition and for its
 * conclusion and ground (the default vocabulary, or any name when the rule
 * set's own vocabulary is checked beside it).
 */
function ruleSchemaWith<W extends z.ZodType, C extends z.ZodType, G extends z.ZodType>(when: W, conclusion: C, ground: G) {
  return z.strictObject({
    id: NameSchema,
    title: LocalizedTextSchema.optional(),
    conclusion,
    ground: ground.optional(),
    when,
    exceptionTo: z.union([NameSchema, z.array(NameSchema).min(1)]).optional(),
    reason: LocalizedTextSchema,
    basis: z.array(BasisSchema).superRefine((basis, ctx) => {
      if (basis.length === 0) {
        const en = "Every rule needs a legal basis: at least one { document, article? }";
        ctx.addIssue({ code: "custom", message: en, params: bilingualIssue("missing-basis", "每条规则都须列明依据：至少一项 { document, article? }", en) });
      }
    }),
    inForceFrom: CalendarDateSchema.optional(),
    inForceUntil: CalendarDateSchema.optional(),
  });
}

/**
 * zod schema of a {@link Rule} of the default vocabulary
 * ({@link RULE_CONCLUSIONS}, {@link GROUNDS}). In a rule set that declares
 * its own `conclusions` or `grounds`, {@link RuleSetSchema} and
 * {@link validateRuleSet} check each rule against those instead.
 *
 * @example
 * ```ts
 * import { RuleSchema } from "policy-eval";
 * RuleSchema.safeParse({
 *   id: "continue",
 *   conclusion: "continue",
 *   when: { fact: "effectsMet", operator: "isTrue" },
 *   reason: { "zh-CN": "效果达到预期", en: "The effects met the aims" },
 *   basis: [],
 * }).success; //=> false
 * RuleSchema.parse({
 *   id: "declare-expired-parent-ended",
 *   conclusion: "declareExpired",
 *   exceptionTo: ["revise-parent-changed", "revise-conflict"],
 *   when: { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" },
 *   reason: { "zh-CN": "上位文件已废止且无替代文件", en: "A parent was repealed without successor" },
 *   basis: [{ document: "粤府令第277号", article: "第三十六条" }],
 * }).exceptionTo; //=> ["revise-parent-changed", "revise-conflict"]
 * ```
 */
export const RuleSchema: z.ZodType<Rule> = ruleSchemaWith(ConditionSchema, z.enum(RULE_CONCLUSIONS), z.enum(GROUNDS));

/**
 * 评估规则 — one rule: when `when` holds (and the rule is in force), it
 * concludes `conclusion`, for `reason`, on its `basis` (required, non-empty).
 *
 * @typeParam C - the conclusions of its rule set's vocabulary (default: {@link RuleConclusion})
 * @typeParam G - the grounds of its rule set's vocabulary (default: {@link Ground})
 */
export interface Rule<C extends string = RuleConclusion, G extends string = Ground> {
  /** Unique in its rule set. */
  readonly id: string;
  /** 标题 — a short name. */
  readonly title?: LocalizedMessage | undefined;
  /** 结论 — what the rule concludes when it applies: one of its rule set's `conclusions`. */
  readonly conclusion: C;
  /** 理由类别 — the ground of the conclusion: one of its rule set's `grounds`. */
  readonly ground?: G | undefined;
  /** 条件 — when the rule applies. */
  readonly when: Condition;
  /**
   * 例外 — the rule this one overrides when it applies (Catala `exception`):
   * a rule id, or a non-empty list of ids when one exception overrides
   * several rules at once (each id once).
   */
  readonly exceptionTo?: string | readonly string[] | undefined;
  /** 理由 — the sentence a report quotes. */
  readonly reason: LocalizedMessage;
  /** 依据 — the legal basis, at least one document. */
  readonly basis: readonly Basis[];
  /** First day the rule is in force (default: with the set). */
  readonly inForceFrom?: CalendarDate | undefined;
  /** Last day the rule is in force. */
  readonly inForceUntil?: CalendarDate | undefined;
}

function ruleSetSchemaWith<R extends z.ZodType, C extends z.ZodType>(rule: R, condition: C) {
  return z.strictObject({
    id: NameSchema,
    name: z.string().min(1).optional(),
    version: z.string().min(1),
    jurisdiction: z.string().min(1).optional(),
    inForceFrom: CalendarDateSchema,
    inForceUntil: CalendarDateSchema.optional(),
    description: z.string().min(1).optional(),
    conclusions: z.array(NameSchema).min(1).optional(),
    grounds: z.array(NameSchema).optional(),
    facts: z.record(NameSchema, FactDeclarationSchema).optional(),
    parameters: z.record(NameSchema, ParameterSchema).optional(),
    conditions: z.record(NameSchema, condition).optional(),
    rules: z.array(rule),
  });
}

/**
 * zod schema of a {@link RuleSet} (shape, and rules concluding only what the
 * set's vocabulary declares; use {@link validateRuleSet} for the meaning).
 * Any vocabulary passes, so the parsed set is typed with plain strings.
 *
 * @example
 * ```ts
 * import { RuleSetSchema } from "policy-eval";
 * RuleSetSchema.safeParse({ id: "gd", version: "1", inForceFrom: "2019-01-01", rules: [] }).success;
 * //=> true
 * RuleSetSchema.safeParse({ id: "gd", version: "1", inForceFrom: "2019-01-01", conclusions: ["keep", "conflict"], rules: [] }).success;
 * //=> false
 * ```
 */
export const RuleSetSchema: z.ZodType<RuleSet<string, string>> = ruleSetSchemaWith(ruleSchemaWith(ConditionSchema, NameSchema, NameSchema), ConditionSchema).superRefine(
  (set, ctx) => forwardIssues(ctx, vocabularyIssues(set)),
);

/**
 * 评估规则集 — a dated, versioned set of rules for a jurisdiction, with its
 * vocabulary, the facts it declares, its dated parameters and its named
 * shared conditions.
 *
 * @typeParam C - the conclusions it declares (default: {@link RuleConclusion})
 * @typeParam G - the grounds it declares (default: {@link Ground})
 */
export interface RuleSet<C extends string = RuleConclusion, G extends string = Ground> {
  /** Identifies the set in traces. */
  readonly id: string;
  /** 名称 */
  readonly name?: string | undefined;
  /** 版本 — shown in every trace. */
  readonly version: string;
  /** 适用地区 — e.g. `广东省`. */
  readonly jurisdiction?: string | undefined;
  /** 施行日期 — first day the set is in force. */
  readonly inForceFrom: CalendarDate;
  /** Last day the set is in force. */
  readonly inForceUntil?: CalendarDate | undefined;
  /** 说明 */
  readonly description?: string | undefined;
  /**
   * 结论 — what its rules may conclude, in the order a report lists them
   * (a conflict lists its conclusions in this order); none of them
   * `undetermined` or `conflict`. Default: {@link RULE_CONCLUSIONS}.
   */
  readonly conclusions?: readonly C[] | undefined;
  /** 理由类别 — the grounds its rules may give. Default: {@link GROUNDS}. */
  readonly grounds?: readonly G[] | undefined;
  /** Facts the set declares beyond the caller's catalogue. */
  readonly facts?: FactCatalogue | undefined;
  /** Dated parameters, by name. */
  readonly parameters?: Readonly<Record<string, Parameter>> | undefined;
  /** Named shared conditions, by name; `{ condition: name }` refers to one. */
  readonly conditions?: Readonly<Record<string, Condition>> | undefined;
  /** The rules. */
  readonly rules: readonly Rule<C, G>[];
}

/** The rule set with condition trees and rules left unchecked, for the validator's own walk. @internal */
export const ShallowRuleSetSchema = ruleSetSchemaWith(z.unknown(), z.unknown()).extend({
  facts: z.record(NameSchema, z.unknown()).optional(),
  parameters: z.record(NameSchema, z.unknown()).optional(),
});

/** A rule with its condition tree left unchecked, and any name as conclusion and ground (the validator checks them against the set's vocabulary). @internal */
export const ShallowRuleSchema = ruleSchemaWith(z.unknown(), NameSchema, NameSchema);
