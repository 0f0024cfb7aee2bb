/**
 * 事实 — the named, typed inputs that evaluation rules test: declarations (a
 * {@link FactCatalogue}) and the values given for one subject ({@link Facts}).
 *
 * @module
 */
import * as z from "zod";
import type { LocalizedMessage } from "../errors.js";
import type { PartialDate } from "../dates/index.js";
import type { ExactDecimal } from "../quantities/decimal.js";
import { bilingualIssue } from "../schema-issues.js";

/**
 * The fact types a rule can test.
 *
 * @example
 * ```ts
 * import { FACT_TYPES } from "policy-eval";
 * FACT_TYPES.length; //=> 6
 * ```
 */
export const FACT_TYPES = Object.freeze(["boolean", "decimal", "date", "string", "enum", "stringList"] as const);

/**
 * 事实类型 — `boolean`; `decimal` (an exact {@link ExactDecimal}, never a float);
 * `date` (a {@link PartialDate}, compared with its precision); `string`;
 * `enum` (a string among declared values); `stringList` (a list of strings).
 */
export type FactType = (typeof FACT_TYPES)[number];

/**
 * zod schema of a text in zh-CN and en, as written in rule sets (both required).
 *
 * @example
 * ```ts
 * import { LocalizedTextSchema } from "policy-eval";
 * LocalizedTextSchema.safeParse({ "zh-CN": "继续沿用" }).success; //=> false
 * ```
 */
export const LocalizedTextSchema: z.ZodType<LocalizedMessage> = z.strictObject({
  "zh-CN": z.string().min(1),
  en: z.string().min(1),
});

/**
 * zod schema of a {@link FactDeclaration}: `enum` facts need a non-empty,
 * duplicate-free `values` list; other types must not have one.
 *
 * @example
 * ```ts
 * import { FactDeclarationSchema } from "policy-eval";
 * FactDeclarationSchema.safeParse({ type: "enum", description: { "zh-CN": "评级", en: "Rating" } }).success;
 * //=> false
 * ```
 */
export const FactDeclarationSchema: z.ZodType<FactDeclaration> = z
  .strictObject({
    type: z.enum(FACT_TYPES),
    values: z.array(z.string().min(1)).optional(),
    description: LocalizedTextSchema,
  })
  .superRefine((decl, ctx) => {
    if (decl.type === "enum") {
      if (decl.values === undefined || decl.values.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["values"],
          message: "An enum fact needs a non-empty list of values",
          params: bilingualIssue("missing-enum-values", "枚举事实须列出取值", "An enum fact needs a non-empty list of values"),
        });
      } else if (new Set(decl.values).size !== decl.values.length) {
        ctx.addIssue({
          code: "custom",
          path: ["values"],
          message: "Enum values must be distinct",
          params: bilingualIssue("duplicate-enum-value", "枚举取值重复", "Enum values must be distinct"),
        });
      }
    } else if (decl.values !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: "Only enum facts have values",
        params: bilingualIssue("unexpected-enum-values", "只有枚举事实才列出取值", "Only enum facts have values"),
      });
    }
  });

/**
 * 事实声明 — a fact's type, its values (enum only) and what it means.
 *
 * @example
 * ```ts
 * import type { FactDeclaration } from "policy-eval";
 * const effectsMet: FactDeclaration = {
 *   type: "boolean",
 *   description: { "zh-CN": "实施效果达到预期目的", en: "The effects met the expected aims" },
 * };
 * effectsMet.type; //=> "boolean"
 * ```
 */
export interface FactDeclaration {
  /** The fact's type. */
  readonly type: FactType;
  /** The allowed values of an `enum` fact. */
  readonly values?: readonly string[] | undefined;
  /** What the fact means, in zh-CN and en. */
  readonly description: LocalizedMessage;
}

/**
 * zod schema of a {@link FactCatalogue}.
 *
 * @example
 * ```ts
 * import { FactCatalogueSchema } from "policy-eval";
 * FactCatalogueSchema.safeParse({
 *   effectsMet: { type: "boolean", description: { "zh-CN": "效果达到预期", en: "Effects met" } },
 * }).success; //=> true
 * ```
 */
export const FactCatalogueSchema: z.ZodType<FactCatalogue> = z.record(z.string().min(1), FactDeclarationSchema);

/**
 * 事实目录 — every fact a rule set may test, by name. The lead's fact
 * derivation ships one; a rule set can declare more in its own `facts`.
 */
export type FactCatalogue = Readonly<Record<string, FactDeclaration>>;

/**
 * 事实值 — the value of one fact for one subject, with why it holds and the
 * documents it rests on (e.g. the parents found in force), which flow into
 * the reasons' `cites`.
 *
 * The `value` must fit the declared type: a boolean; an {@link ExactDecimal}
 * (a decimal string or a safe integer is also read exactly); a
 * {@link PartialDate} string; a string (an enum fact: one of its values); a
 * list of strings.
 *
 * @example
 * ```ts
 * import type { FactValue } from "policy-eval";
 * const parentsInForce: FactValue = {
 *   value: true,
 *   explanation: { "zh-CN": "上位文件仍在实施期且未修订", en: "The parent documents are in force and unrevised" },
 *   cites: ["国办发〔2016〕13号", "粤府办〔2016〕66号"],
 * };
 * parentsInForce.cites?.length; //=> 2
 * ```
 */
export interface FactValue {
  /** The value; see the type's rules above. */
  readonly value: boolean | string | ExactDecimal | PartialDate | readonly string[];
  /** Why the fact holds, for the reasons. */
  readonly explanation?: LocalizedMessage | undefined;
  /** Document numbers or titles the fact rests on. */
  readonly cites?: readonly string[] | undefined;
}

/**
 * 事实集 — the facts known about one subject. An absent or `undefined` fact is
 * **missing** (unknown), never false: a condition on it is unknown, and the
 * answer may be `undetermined`.
 */
export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** A fact or parameter value as it appears in results and traces: decimals as strings. */
export type JsonFactValue = boolean | string | readonly string[];
