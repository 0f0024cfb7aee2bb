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
import type { CalendarDate, PartialDate } from "../dates/index.js";
import { isPartialDate } from "../dates/partialDate.js";
import type { RuleConclusion, Ground } from "./vocabulary.js";
import { FACT_TYPES, LocalizedTextSchema, type FactType, type JsonFactValue } from "./factTypes.js";
import { OPERATORS, type Operator } from "./operators.js";
import { BasisSchema, CalendarDateSchema, type Basis } from "./schema.js";

/**
 * The version tag of the trace format; it changes when the shape changes
 * incompatibly. Version 2 (partial evaluation dates, exceptions to several
 * rules) differs from version 1 in: `date` may be `YYYY` or `YYYY-MM`;
 * `ruleSet.inForce` and each rule's `inForce` (`true`, `false` or
 * `"uncertain"`) are new; a rule's `exceptionTo` is always a list (`[]` for
 * a base rule); a parameter is either settled (`uncertain: false`, `value`,
 * `from`) or uncertain (`uncertain: true`, `candidates`), and a parameter
 * operand may be `{ kind: "parameter", parameter, uncertain: true }`.
 *
 * @example
 * ```ts
 * import { TRACE_VERSION } from "policy-eval";
 * TRACE_VERSION; //=> "policy-eval.trace/2"
 * ```
 */
export const TRACE_VERSION = "policy-eval.trace/2";

/** A condition's three-valued result: `'unknown'` for a missing fact, an uncertain date or parameter, or a node not evaluated. */
export type TraceResult = boolean | "unknown";

/**
 * 规则状态 — what became of a rule: `applied` (it is in force, its condition
 * held and no applicable exception overrode it), `overridden` (it held, but
 * an applicable exception overrode it — see `overriddenBy`), `notApplicable`
 * (its condition was false), `unknown` (its condition could not be settled,
 * or it held but whether the rule is in force on a partial evaluation date
 * is uncertain — see the rule's `inForce`), `notInForce` (not in force on any
 * day the evaluation date may be; not evaluated).
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
  | {
      /** A literal written in the rule. */
      readonly kind: "literal";
      /** The literal as written (`"326.16"`, `"2017-09"`). */
      readonly value: JsonFactValue;
    }
  | {
      /** Another fact. */
      readonly kind: "fact";
      /** Its name. */
      readonly fact: string;
      /** Its value, when evaluated and known. */
      readonly value?: JsonFactValue;
      /** Set when it was missing. */
      readonly missing?: true;
    }
  | {
      /** A dated parameter. */
      readonly kind: "parameter";
      /** Its name. */
      readonly parameter: string;
      /** The value in force at the evaluation date. */
      readonly value: JsonFactValue;
      /** The date that value took effect. */
      readonly from: CalendarDate;
    }
  | {
      /** A dated parameter that changes within a partial evaluation date: its candidates are in {@link Trace.parameters}. */
      readonly kind: "parameter";
      /** Its name. */
      readonly parameter: string;
      /** Set: more than one value (or no value) may apply. */
      readonly uncertain: true;
    };

/** What every node of a traced condition tree has. */
export interface TraceNodeBase {
  /** true, false or `'unknown'`. */
  readonly result: TraceResult;
  /** false when the node was never evaluated (its rule was not in force). */
  readonly evaluated: boolean;
}

/** 条件节点 — one node of a traced condition tree. */
export type TraceNode =
  | (TraceNodeBase & {
      /** A combination of conditions. */
      readonly kind: "all" | "any" | "not";
      /** Its parts (one for `not`). */
      readonly children: readonly TraceNode[];
    })
  | (TraceNodeBase & {
      /** A reference to a named condition (its tree is in {@link Trace.conditions}). */
      readonly kind: "condition";
      /** The named condition. */
      readonly name: string;
    })
  | (TraceNodeBase & {
      /** A fact comparison. */
      readonly kind: "fact";
      /** The fact compared. */
      readonly fact: string;
      /** The operator. */
      readonly operator: Operator;
      /** The fact's value, when evaluated and known (decimals as strings). */
      readonly value?: JsonFactValue;
      /** Set when the fact was missing. */
      readonly missing?: true;
      /**
       * Set when the values were known but could not settle the comparison: a
       * partial date too imprecise, or a parameter whose value changes within a
       * partial evaluation date.
       */
      readonly uncertain?: true;
      /** The right-hand side, resolved. */
      readonly right?: TraceOperand;
    });

/** A fact the run read, with its value or `missing: true`. */
export interface TraceFact {
  /** The fact's name. */
  readonly name: string;
  /** Its declared type. */
  readonly type: FactType;
  /** Whether it was missing (absent or undefined). */
  readonly missing: boolean;
  /** Its value when known (decimals as strings, dates as given). */
  readonly value?: JsonFactValue;
  /** Why it holds, as given with the fact. */
  readonly explanation?: LocalizedMessage;
  /** The documents it rests on, as given with the fact. */
  readonly cites?: readonly string[];
}

/**
 * A parameter the run read: the value in force over the whole evaluation
 * date and since when (`uncertain: false`), or — when a partial evaluation
 * date spans a change — every value that may apply (`uncertain: true`).
 */
export type TraceParameter =
  | {
      /** The parameter's name. */
      readonly name: string;
      /** Its type. */
      readonly type: "decimal" | "boolean" | "date" | "string";
      /** One value applies on every day the evaluation date may be. */
      readonly uncertain: false;
      /** The value in force at the evaluation date (decimals as strings). */
      readonly value: JsonFactValue;
      /** The date the value took effect. */
      readonly from: CalendarDate;
      /** Where the value comes from, if the rule set says. */
      readonly basis?: readonly Basis[];
    }
  | {
      /** The parameter's name. */
      readonly name: string;
      /** Its type. */
      readonly type: "decimal" | "boolean" | "date" | "string";
      /** The value changes within the evaluation date: conditions reading it are settled only when every candidate agrees. */
      readonly uncertain: true;
      /** The values that may apply, in date order. */
      readonly candidates: readonly TraceParameterCandidate[];
    };

/** 候选取值 — one value an uncertain parameter may have over a partial evaluation date. */
export interface TraceParameterCandidate {
  /** The value (decimals as strings), or `null` for days without one (before the first value, or after the parameter ends). */
  readonly value: JsonFactValue | null;
  /** The date it takes effect; absent for the days before the parameter's first value. */
  readonly from?: CalendarDate;
  /** Where the value comes from, if the rule set says. */
  readonly basis?: readonly Basis[];
}

/** A named condition, evaluated once per run. */
export interface TraceCondition {
  /** Its name. */
  readonly name: string;
  /** Its result. */
  readonly result: TraceResult;
  /** false when no rule in force uses it. */
  readonly evaluated: boolean;
  /** Its condition tree. */
  readonly when: TraceNode;
}

/**
 * One rule of the set, with what became of it.
 *
 * @typeParam C - the conclusions of the rule set's vocabulary (default: {@link RuleConclusion})
 * @typeParam G - its grounds (default: {@link Ground})
 */
export interface TraceRule<C extends string = RuleConclusion, G extends string = Ground> {
  /** The rule's id. */
  readonly id: string;
  /** Its title. */
  readonly title?: LocalizedMessage;
  /** What became of it. */
  readonly status: RuleStatus;
  /**
   * Whether the rule (and its rule set) is in force on the evaluation date:
   * `"uncertain"` when a partial date spans one of their first or last days.
   */
  readonly inForce: boolean | "uncertain";
  /** What it concludes when it applies. */
  readonly conclusion: C;
  /** The ground of that conclusion. */
  readonly ground?: G;
  /** The rules this one is an exception to, always as a list (`[]` for a base rule). */
  readonly exceptionTo: readonly string[];
  /** The applicable exceptions that overrode this rule (nearest ones). */
  readonly overriddenBy: readonly string[];
  /** First day the rule is in force, if it says. */
  readonly inForceFrom?: CalendarDate;
  /** Last day the rule is in force, if it says. */
  readonly inForceUntil?: CalendarDate;
  /** Its legal basis. */
  readonly basis: readonly Basis[];
  /** Its condition tree with the values seen. */
  readonly when: TraceNode;
}

/**
 * 说理记录 — the whole trace of one run. JSON-serialisable as is
 * (`JSON.parse(JSON.stringify(trace))` deep-equals it).
 *
 * @typeParam C - the conclusions of the rule set's vocabulary (default: {@link RuleConclusion})
 * @typeParam G - its grounds (default: {@link Ground})
 */
export interface Trace<C extends string = RuleConclusion, G extends string = Ground> {
  /** {@link TRACE_VERSION}. */
  readonly version: typeof TRACE_VERSION;
  /** The rule set that ran. */
  readonly ruleSet: {
    /** Its id. */
    readonly id: string;
    /** Its version. */
    readonly version: string;
    /** First day it is in force. */
    readonly inForceFrom: CalendarDate;
    /** Last day it is in force, if it ends. */
    readonly inForceUntil?: CalendarDate;
    /** `true` when in force on every day the evaluation date may be; `"uncertain"` when the date spans its first or last day. */
    readonly inForce: true | "uncertain";
  };
  /** The evaluation date, as precise as it was given (`2021`, `2021-08`, `2021-08-20`). */
  readonly date: PartialDate;
  /** The answer (as in the result). */
  readonly conclusion: C | "undetermined" | "conflict";
  /** Every fact the in-force rules read, by name. */
  readonly facts: readonly TraceFact[];
  /** Every parameter they read, by name. */
  readonly parameters: readonly TraceParameter[];
  /** Every named condition, in declaration order. */
  readonly conditions: readonly TraceCondition[];
  /** Every rule, in rule-set order. */
  readonly rules: readonly TraceRule<C, G>[];
}

const NameSchema = z.string().min(1);
const JsonFactValueSchema = z.union([z.boolean(), z.string(), z.array(z.string())]);
const TraceResultSchema = z.union([z.boolean(), z.literal("unknown")]);

const TraceOperandSchema = z.union([
  z.strictObject({ kind: z.literal("literal"), value: JsonFactValueSchema }),
  z.strictObject({ kind: z.literal("fact"), fact: z.string(), value: JsonFactValueSchema.optional(), missing: z.literal(true).optional() }),
  z.strictObject({ kind: z.literal("parameter"), parameter: z.string(), value: JsonFactValueSchema, from: CalendarDateSchema }),
  z.strictObject({ kind: z.literal("parameter"), parameter: z.string(), uncertain: z.literal(true) }),
]);

const PartialDateSchema = z.string().refine(isPartialDate, "Invalid date: expected YYYY, YYYY-MM or YYYY-MM-DD");
const ParameterTypeSchema = z.enum(["decimal", "boolean", "date", "string"]);

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
 * zod schema of a stored {@link Trace} (version {@link TRACE_VERSION}), to
 * check one read back from JSON. A version-1 trace is refused: its version
 * tag tells it apart (see {@link TRACE_VERSION} for what changed). The
 * conclusions and grounds are those of the rule set that ran, whatever its
 * vocabulary, so they are typed as plain strings.
 *
 * @example
 * ```ts
 * import { TraceSchema } from "policy-eval";
 * TraceSchema.safeParse({ version: "policy-eval.trace/1" }).success; //=> false
 * ```
 */
export const TraceSchema = z.strictObject({
  version: z.literal(TRACE_VERSION),
  ruleSet: z.strictObject({
    id: z.string(),
    version: z.string(),
    inForceFrom: CalendarDateSchema,
    inForceUntil: CalendarDateSchema.optional(),
    inForce: z.union([z.literal(true), z.literal("uncertain")]),
  }),
  date: PartialDateSchema,
  conclusion: NameSchema,
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
    z.union([
      z.strictObject({
        name: z.string(),
        type: ParameterTypeSchema,
        uncertain: z.literal(false),
        value: JsonFactValueSchema,
        from: CalendarDateSchema,
        basis: z.array(BasisSchema).optional(),
      }),
      z.strictObject({
        name: z.string(),
        type: ParameterTypeSchema,
        uncertain: z.literal(true),
        candidates: z.array(
          z.strictObject({
            value: JsonFactValueSchema.nullable(),
            from: CalendarDateSchema.optional(),
            basis: z.array(BasisSchema).optional(),
          }),
        ),
      }),
    ]),
  ),
  conditions: z.array(
    z.strictObject({ name: z.string(), result: TraceResultSchema, evaluated: z.boolean(), when: TraceNodeSchema }),
  ),
  rules: z.array(
    z.strictObject({
      id: z.string(),
      title: LocalizedTextSchema.optional(),
      status: z.enum(RULE_STATUSES),
      inForce: z.union([z.boolean(), z.literal("uncertain")]),
      conclusion: NameSchema,
      ground: NameSchema.optional(),
      exceptionTo: z.array(z.string()),
      overriddenBy: z.array(z.string()),
      inForceFrom: CalendarDateSchema.optional(),
      inForceUntil: CalendarDateSchema.optional(),
      basis: z.array(BasisSchema),
      when: TraceNodeSchema,
    }),
  ),
}) as unknown as z.ZodType<Trace<string, string>>;
