/**
 * 说理 — the trace of a {@link runRules} run: a versioned, JSON-serialisable
 * record of every rule and condition with the values it saw, the parameters
 * with their effective dates, and the basis cited. {@link TraceSchema}
 * validates a stored trace.
 *
 * @module
 */
import * as z from "zod";
import type { LocalizedMessage } from "../errors.js";
import type { CalendarDate } from "../dates/index.js";
import { CONCLUSIONS, GROUNDS, type Conclusion, type Ground, type ResultConclusion } from "./conclusions.js";
import { FACT_TYPES, LocalizedTextSchema, type FactType, type JsonFactValue } from "./facts.js";
import { OPERATORS, type Operator } from "./operators.js";
import { BasisSchema, CalendarDateSchema, type Basis } from "./schema.js";

/**
 * The version tag of the trace format; it changes when the shape changes
 * incompatibly.
 *
 * @example
 * ```ts
 * import { TRACE_VERSION } from "policy-eval";
 * TRACE_VERSION; //=> "policy-eval.trace/1"
 * ```
 */
export const TRACE_VERSION = "policy-eval.trace/1";

/** A condition's three-valued result: `'unknown'` for a missing fact, an uncertain date, or a node not evaluated. */
export type TraceResult = boolean | "unknown";

/**
 * 规则状态 — what became of a rule: `applied` (its condition held and no
 * applicable exception overrode it), `overridden` (it held, but an applicable
 * exception overrode it — see `overriddenBy`), `notApplicable` (its
 * condition was false), `unknown` (its condition could not be settled),
 * `notInForce` (not in force at the evaluation date; not evaluated).
 */
export type RuleStatus = "applied" | "overridden" | "notApplicable" | "unknown" | "notInForce";

/**
 * The statuses of {@link RuleStatus}.
 *
 * @example
 * ```ts
 * import { RULE_STATUSES } from "policy-eval";
 * RULE_STATUSES.includes("overridden"); //=> true
 * ```
 */
export const RULE_STATUSES = Object.freeze(["applied", "overridden", "notApplicable", "unknown", "notInForce"] as const);

/** The right-hand side of a comparison, resolved. */
export type TraceOperand =
  | { readonly kind: "literal"; readonly value: JsonFactValue }
  | { readonly kind: "fact"; readonly fact: string; readonly value?: JsonFactValue; readonly missing?: true }
  | { readonly kind: "parameter"; readonly parameter: string; readonly value: JsonFactValue; readonly from: CalendarDate };

/** What every node of a traced condition tree has. */
interface TraceNodeBase {
  /** true, false or `'unknown'`. */
  readonly result: TraceResult;
  /** false when the node was never evaluated (its rule was not in force). */
  readonly evaluated: boolean;
}

/** 条件节点 — one node of a traced condition tree. */
export type TraceNode =
  | (TraceNodeBase & { readonly kind: "all" | "any" | "not"; readonly children: readonly TraceNode[] })
  | (TraceNodeBase & { readonly kind: "condition"; readonly name: string })
  | (TraceNodeBase & {
      readonly kind: "fact";
      readonly fact: string;
      readonly operator: Operator;
      /** The fact's value, when evaluated and known (decimals as strings). */
      readonly value?: JsonFactValue;
      /** Set when the fact was missing. */
      readonly missing?: true;
      /** Set when the fact was known but its precision (a partial date) could not settle the comparison. */
      readonly uncertain?: true;
      /** The right-hand side, resolved. */
      readonly right?: TraceOperand;
    });

/** A fact the run read, with its value or `missing: true`. */
export interface TraceFact {
  readonly name: string;
  readonly type: FactType;
  readonly missing: boolean;
  readonly value?: JsonFactValue;
  readonly explanation?: LocalizedMessage;
  readonly cites?: readonly string[];
}

/** A parameter the run read: the value in force at the evaluation date and since when. */
export interface TraceParameter {
  readonly name: string;
  readonly type: "decimal" | "boolean" | "date" | "string";
  readonly value: JsonFactValue;
  /** The date the value took effect. */
  readonly from: CalendarDate;
  readonly basis?: readonly Basis[];
}

/** A named condition, evaluated once per run. */
export interface TraceCondition {
  readonly name: string;
  readonly result: TraceResult;
  readonly evaluated: boolean;
  readonly when: TraceNode;
}

/** One rule of the set, with what became of it. */
export interface TraceRule {
  readonly id: string;
  readonly title?: LocalizedMessage;
  readonly status: RuleStatus;
  readonly conclusion: Conclusion;
  readonly ground?: Ground;
  /** The rule this one is an exception to. */
  readonly exceptionTo?: string;
  /** The applicable exceptions that overrode this rule (nearest ones). */
  readonly overriddenBy: readonly string[];
  readonly inForceFrom?: CalendarDate;
  readonly inForceUntil?: CalendarDate;
  readonly basis: readonly Basis[];
  readonly when: TraceNode;
}

/**
 * 说理记录 — the whole trace of one run. JSON-serialisable as is
 * (`JSON.parse(JSON.stringify(trace))` deep-equals it).
 */
export interface Trace {
  readonly version: typeof TRACE_VERSION;
  readonly ruleSet: {
    readonly id: string;
    readonly version: string;
    readonly inForceFrom: CalendarDate;
    readonly inForceUntil?: CalendarDate;
  };
  /** The evaluation date. */
  readonly date: CalendarDate;
  readonly conclusion: ResultConclusion;
  /** Every fact the in-force rules read, by name. */
  readonly facts: readonly TraceFact[];
  /** Every parameter they read, by name. */
  readonly parameters: readonly TraceParameter[];
  /** Every named condition, in declaration order. */
  readonly conditions: readonly TraceCondition[];
  /** Every rule, in rule-set order. */
  readonly rules: readonly TraceRule[];
}

const JsonFactValueSchema = z.union([z.boolean(), z.string(), z.array(z.string())]);
const TraceResultSchema = z.union([z.boolean(), z.literal("unknown")]);

const TraceOperandSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("literal"), value: JsonFactValueSchema }),
  z.strictObject({ kind: z.literal("fact"), fact: z.string(), value: JsonFactValueSchema.optional(), missing: z.literal(true).optional() }),
  z.strictObject({ kind: z.literal("parameter"), parameter: z.string(), value: JsonFactValueSchema, from: CalendarDateSchema }),
]);

const TraceNodeSchema: z.ZodType<TraceNode> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.enum(["all", "any", "not"]),
      result: TraceResultSchema,
      evaluated: z.boolean(),
      children: z.array(TraceNodeSchema),
    }),
    z.strictObject({ kind: z.literal("condition"), name: z.string(), result: TraceResultSchema, evaluated: z.boolean() }),
    z.strictObject({
      kind: z.literal("fact"),
      fact: z.string(),
      operator: z.enum(OPERATORS),
      result: TraceResultSchema,
      evaluated: z.boolean(),
      value: JsonFactValueSchema.optional(),
      missing: z.literal(true).optional(),
      uncertain: z.literal(true).optional(),
      right: TraceOperandSchema.optional(),
    }),
  ]),
) as z.ZodType<TraceNode>;

/**
 * zod schema of a stored {@link Trace}, to check one read back from JSON.
 *
 * @example
 * ```ts
 * import { TraceSchema } from "policy-eval";
 * TraceSchema.safeParse({ version: "policy-eval.trace/0" }).success; //=> false
 * ```
 */
export const TraceSchema = z.strictObject({
  version: z.literal(TRACE_VERSION),
  ruleSet: z.strictObject({
    id: z.string(),
    version: z.string(),
    inForceFrom: CalendarDateSchema,
    inForceUntil: CalendarDateSchema.optional(),
  }),
  date: CalendarDateSchema,
  conclusion: z.enum([...CONCLUSIONS, "undetermined", "conflict"]),
  facts: z.array(
    z.strictObject({
      name: z.string(),
      type: z.enum(FACT_TYPES),
      missing: z.boolean(),
      value: JsonFactValueSchema.optional(),
      explanation: LocalizedTextSchema.optional(),
      cites: z.array(z.string()).optional(),
    }),
  ),
  parameters: z.array(
    z.strictObject({
      name: z.string(),
      type: z.enum(["decimal", "boolean", "date", "string"]),
      value: JsonFactValueSchema,
      from: CalendarDateSchema,
      basis: z.array(BasisSchema).optional(),
    }),
  ),
  conditions: z.array(
    z.strictObject({ name: z.string(), result: TraceResultSchema, evaluated: z.boolean(), when: TraceNodeSchema }),
  ),
  rules: z.array(
    z.strictObject({
      id: z.string(),
      title: LocalizedTextSchema.optional(),
      status: z.enum(RULE_STATUSES),
      conclusion: z.enum(CONCLUSIONS),
      ground: z.enum(GROUNDS).optional(),
      exceptionTo: z.string().optional(),
      overriddenBy: z.array(z.string()),
      inForceFrom: CalendarDateSchema.optional(),
      inForceUntil: CalendarDateSchema.optional(),
      basis: z.array(BasisSchema),
      when: TraceNodeSchema,
    }),
  ),
}) as unknown as z.ZodType<Trace>;
