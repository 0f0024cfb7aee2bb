/**
 * 校验规则 — checks that the numbers of a report add up: `left op right`
 * rules over observations (DHIS2 validation rules: importance, missing-value
 * strategy, compulsory and exclusive pairs) with an explicit tolerance (exact
 * by default) and the imbalance of SDMX VTL `check_hierarchy`; and
 * {@link partsSumToTotal}, which also says whether an imbalance is within the
 * rounding of the reported figures.
 *
 * Every result carries both sides' values, the imbalance and each operand with
 * the observation and source it came from.
 *
 * @module
 */
import * as z from "zod";
import { createIssue, PolicyEvalError, type IssuePath, type LocalizedMessage, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { bilingualIssue, forwardIssues, NonBlankStringSchema, safeParseSchema } from "../schema-issues.js";
import {
  absDecimal,
  addDecimals,
  compareDecimals,
  ExactDecimal,
  negateDecimal,
  safeToExactDecimal,
  scaleByPowerOfTen,
  type DecimalInput,
} from "../quantities/decimal.js";
import { QuantityAccumulator, subtractQuantities, unitMismatchIssue } from "../quantities/arithmetic.js";
import { formatQuantity } from "../quantities/formatQuantity.js";
import { isQuantity, makeQuantity, type Quantity } from "../quantities/quantity.js";
import { unitKind, type Magnitude, type Unit } from "../quantities/units.js";
import type { Observation, ObservationSource } from "./schemas.js";

const nonEmpty = NonBlankStringSchema;
const ZERO = new ExactDecimal(0n, 0);
const FIVE = new ExactDecimal(5n, 0);

/** 运算符 — DHIS2's operators; the pairs check presence, not values. */
export const VALIDATION_OPERATORS = [
  "equalTo",
  "notEqualTo",
  "lessThan",
  "lessThanOrEqualTo",
  "greaterThan",
  "greaterThanOrEqualTo",
  "compulsoryPair",
  "exclusivePair",
] as const;
/** One of {@link VALIDATION_OPERATORS}. */
export type ValidationOperator = (typeof VALIDATION_OPERATORS)[number];

/**
 * How each operator is written (also accepted as input).
 *
 * @example
 * ```ts
 * import { OPERATOR_SYMBOLS } from "policy-eval";
 * OPERATOR_SYMBOLS.lessThanOrEqualTo; //=> "≤"
 * ```
 */
export const OPERATOR_SYMBOLS: Readonly<Record<ValidationOperator, string>> = Object.freeze({
  equalTo: "=",
  notEqualTo: "≠",
  lessThan: "<",
  lessThanOrEqualTo: "≤",
  greaterThan: ">",
  greaterThanOrEqualTo: "≥",
  compulsoryPair: "⇔",
  exclusivePair: "⊕",
});
const SYMBOL_ALIASES: Readonly<Record<string, ValidationOperator>> = {
  "=": "equalTo",
  "==": "equalTo",
  "≠": "notEqualTo",
  "!=": "notEqualTo",
  "<": "lessThan",
  "≤": "lessThanOrEqualTo",
  "<=": "lessThanOrEqualTo",
  ">": "greaterThan",
  "≥": "greaterThanOrEqualTo",
  ">=": "greaterThanOrEqualTo",
};

/** 重要程度 (DHIS2 importance). */
export const IMPORTANCE_LEVELS = ["high", "medium", "low"] as const;
/** One of {@link IMPORTANCE_LEVELS}. */
export type Importance = (typeof IMPORTANCE_LEVELS)[number];

/**
 * 缺失值策略 (DHIS2): `skipIfAnyMissing` (default) skips the rule when any
 * operand has no value; `skipIfAllMissing` only when none has, missing ones
 * counting as zero; `neverSkip` always checks, missing as zero.
 */
export const MISSING_VALUE_STRATEGIES = ["skipIfAnyMissing", "skipIfAllMissing", "neverSkip"] as const;
/** One of {@link MISSING_VALUE_STRATEGIES}. */
export type MissingValueStrategy = (typeof MISSING_VALUE_STRATEGIES)[number];

/**
 * 操作数 — selects one observation: an indicator, and exactly these
 * dimension options (none = the total), optionally an area and a department.
 *
 * @example
 * ```ts
 * import { OperandSchema } from "policy-eval";
 * OperandSchema.parse({ indicatorId: "matched-loans-amount", dimensions: { platform: "yuexinrong" } }).indicatorId; //=> "matched-loans-amount"
 * ```
 */
export const OperandSchema = z.strictObject({
  indicatorId: nonEmpty,
  dimensions: z.record(nonEmpty, nonEmpty).optional(),
  area: nonEmpty.optional(),
  department: nonEmpty.optional(),
});
/** 操作数 — see {@link OperandSchema}. */
export type Operand = z.output<typeof OperandSchema>;

const SideSchema = z.strictObject({
  description: nonEmpty.optional(),
  /** Summed. */
  operands: z.array(OperandSchema).min(1),
});
/** One side of a rule: the sum of its operands. */
export interface RuleSide {
  /** What the side stands for. */
  readonly description?: string | undefined;
  /** The operands, summed. */
  readonly operands: readonly Operand[];
}

const OperatorSchema = z.string().transform((text, ctx): ValidationOperator => {
  if ((VALIDATION_OPERATORS as readonly string[]).includes(text)) return text as ValidationOperator;
  const alias = SYMBOL_ALIASES[text];
  if (alias !== undefined) return alias;
  ctx.addIssue({
    code: "custom",
    message: `Unknown operator ${JSON.stringify(text)}`,
    params: bilingualIssue("invalid-operator", `未知运算符：${JSON.stringify(text)}`, `Unknown operator ${JSON.stringify(text)}`, { operator: text }),
  });
  return z.NEVER;
});

/** An exact non-negative number of base units (the decimal checks are toExactDecimal's), or the issues. */
function readTolerance(value: DecimalInput, path: IssuePath): { tolerance?: ExactDecimal; issues: readonly PolicyEvalIssue[] } {
  const result = safeToExactDecimal(value, path);
  if (!result.success) return { issues: result.error.issues };
  if (result.data.coefficient < 0n) {
    return { issues: [createIssue("invalid-tolerance", path, { "zh-CN": "容差不能为负数", en: "A tolerance cannot be negative" })] };
  }
  return { tolerance: result.data, issues: [] };
}

/** `'rounding'`, or an exact non-negative number of base units. */
const ToleranceSchema = z.custom<DecimalInput | "rounding">(() => true).transform((v, ctx): ExactDecimal | "rounding" => {
  if (v === "rounding") return v;
  const { tolerance, issues } = readTolerance(v, []);
  if (tolerance !== undefined) return tolerance;
  forwardIssues(ctx, issues);
  return z.NEVER;
});

/** 校验规则 — a rule after validation. */
export interface ValidationRule {
  /** Stable id. */
  readonly id: string;
  /** Name, e.g. 撮合贷款金额 = 各平台之和. */
  readonly name: string;
  /** What it checks. */
  readonly description?: string;
  /** What to do when it fails. */
  readonly instruction?: string;
  /** Left side (summed operands). */
  readonly left: RuleSide;
  /** The operator. */
  readonly operator: ValidationOperator;
  /** Right side (summed operands). */
  readonly right: RuleSide;
  /** Default `medium`. */
  readonly importance: Importance;
  /** Default `skipIfAnyMissing`. */
  readonly missingValueStrategy: MissingValueStrategy;
  /** Allowed imbalance in base units (default 0: exact), or `'rounding'`: the rounding of the reported figures. */
  readonly tolerance: ExactDecimal | "rounding";
  /** Code of a failure, e.g. `breakdown-mismatch`. Default `validation-rule-failed`. */
  readonly errorCode: string;
}

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * 校验规则 schema. Input: `{ id, name, left: { operands }, operator, right: {
 * operands }, importance?, missingValueStrategy?, tolerance?, errorCode? }`;
 * operators by name (`equalTo`) or symbol (`=`, `≤`).
 *
 * @example
 * ```ts
 * import { ValidationRuleSchema } from "policy-eval";
 * const rule = ValidationRuleSchema.parse({
 *   id: "r", name: "total = parts", operator: "=",
 *   left: { operands: [{ indicatorId: "loans" }] },
 *   right: { operands: [{ indicatorId: "loans", dimensions: { platform: "a" } }] },
 * });
 * [rule.operator, rule.importance, rule.tolerance.toString()]; //=> ["equalTo", "medium", "0"]
 * ```
 */
export const ValidationRuleSchema = z
  .strictObject({
    id: nonEmpty,
    name: nonEmpty,
    description: nonEmpty.optional(),
    instruction: nonEmpty.optional(),
    left: SideSchema,
    operator: OperatorSchema,
    right: SideSchema,
    importance: z.enum(IMPORTANCE_LEVELS).optional(),
    missingValueStrategy: z.enum(MISSING_VALUE_STRATEGIES).optional(),
    tolerance: ToleranceSchema.optional(),
    errorCode: z
      .string()
      .refine((code) => KEBAB.test(code), {
        params: bilingualIssue("invalid-code", "错误代码应为小写连字符形式（如 breakdown-mismatch）", "An error code is kebab-case, e.g. breakdown-mismatch"),
      })
      .optional(),
  })
  .transform((input): ValidationRule => {
    const tolerance = input.tolerance ?? ZERO;
    return {
      id: input.id,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.instruction === undefined ? {} : { instruction: input.instruction }),
      left: input.left,
      operator: input.operator,
      right: input.right,
      importance: input.importance ?? "medium",
      missingValueStrategy: input.missingValueStrategy ?? "skipIfAnyMissing",
      tolerance,
      errorCode: input.errorCode ?? "validation-rule-failed",
    };
  });

/** What {@link ValidationRuleSchema} accepts. */
export type ValidationRuleInput = z.input<typeof ValidationRuleSchema>;

/**
 * Validates a list of rules, returning every problem at once.
 *
 * @param input - an array of {@link ValidationRuleInput}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeParseValidationRules } from "policy-eval";
 * const result = safeParseValidationRules([{ id: "r", name: "r", operator: "≈", left: { operands: [] }, right: { operands: [] } }]);
 * if (!result.success) result.error.issues.map((i) => i.code); //=> ["too-small", "invalid-operator", "too-small"]
 * ```
 */
export function safeParseValidationRules(input: unknown): SafeResult<readonly ValidationRule[]> {
  const result = safeParseSchema(z.array(ValidationRuleSchema), input);
  return result.success ? { success: true, data: Object.freeze(result.data) } : result;
}

/**
 * Validates a list of rules.
 *
 * @param input - an array of {@link ValidationRuleInput}
 * @returns the rules
 * @throws {@link PolicyEvalError} with every problem and its path
 *
 * @example
 * ```ts
 * import { parseValidationRules } from "policy-eval";
 * const [rule] = parseValidationRules([{ id: "r", name: "r", operator: "≤", left: { operands: [{ indicatorId: "a" }] }, right: { operands: [{ indicatorId: "b" }] } }]);
 * rule?.operator; //=> "lessThanOrEqualTo"
 * ```
 */
export function parseValidationRules(input: unknown): readonly ValidationRule[] {
  const result = safeParseValidationRules(input);
  if (!result.success) throw result.error;
  return result.data;
}

// ---------------------------------------------------------------- results

/** One operand as the check saw it. */
export interface OperandResult {
  /** A readable name: `matched-loans-amount[platform=yuexinrong]`, or `total` / `parts[1]`. */
  readonly label: string;
  /** The operand of the rule (absent for {@link partsSumToTotal} on plain quantities). */
  readonly operand?: Operand;
  /** `found`, `missing` (no observation or no value), or `ambiguous` (several observations match). */
  readonly status: "found" | "missing" | "ambiguous";
  /** Its value. */
  readonly quantity?: Quantity;
  /** The observation it came from. */
  readonly observationId?: string;
  /** Where the number is written. */
  readonly source?: ObservationSource;
  /** For an ambiguous operand, the ids of the observations that match. */
  readonly candidates?: readonly string[];
}

/** One side of a checked rule. */
export interface SideResult {
  /** The side's description. */
  readonly description?: string;
  /** The sum of its operands (missing ones as zero when the strategy says so). */
  readonly value?: Quantity;
  /** Each operand. */
  readonly operands: readonly OperandResult[];
}

/** Why a rule was not checked. */
export type SkipReason = "missing-value" | "ambiguous-operand" | "unit-mismatch";

/** 校验结果 — the outcome of one rule. */
export interface ValidationResult {
  /** The rule. */
  readonly ruleId: string;
  /** Its name. */
  readonly name: string;
  /** `pass`, `fail`, or `skipped` (see `skipReason`). */
  readonly status: "pass" | "fail" | "skipped";
  /** Why it was skipped. */
  readonly skipReason?: SkipReason;
  /** The operator. */
  readonly operator: ValidationOperator;
  /** The rule's importance. */
  readonly importance: Importance;
  /** The rule's error code, when it failed. */
  readonly errorCode?: string;
  /** Left side. */
  readonly left: SideResult;
  /** Right side. */
  readonly right: SideResult;
  /** left − right, exact. */
  readonly imbalance?: Quantity;
  /** The tolerance applied, in base units. */
  readonly tolerance?: ExactDecimal;
  /** How far the sides may differ through the rounding of the reported figures alone. */
  readonly roundingBound?: Quantity;
  /** For `=` and `≠`: whether the imbalance is within that rounding. */
  readonly withinRounding?: boolean;
  /** Whether an operand was only an approximation (余, 约 …). */
  readonly approximate: boolean;
  /** A one-line account, e.g. `326.16亿元 = 325.98亿元 不成立，差额 0.18亿元`. */
  readonly message: LocalizedMessage;
}

// ---------------------------------------------------------------- the check

/** Half of the last reported digit (326.16亿 → 0.005亿), or 0 for a figure that is exact as written (an integer count, money to the 分). */
function halfUnitInLastPlace(q: Quantity): ExactDecimal {
  const exponent = q.magnitude - q.precision; // the last digit is 10^exponent base units
  const kind = unitKind(q.unit);
  // counts are whole, money stops at 0.01 元: a figure written to that unit was not rounded
  const atomic = kind === "count" ? 0 : kind === "money" ? -2 : undefined;
  if (atomic !== undefined && exponent <= atomic) return ZERO;
  // 0.5 × 10^exponent = 5 × 10^(exponent − 1)
  return scaleByPowerOfTen(FIVE, exponent - 1);
}

function zeroQuantity(unit: Unit): Quantity {
  return makeQuantity(ZERO, unit, 0, 0);
}

function sideValue(operands: readonly OperandResult[], unit: Unit): Quantity {
  const acc = new QuantityAccumulator();
  for (const o of operands) if (o.quantity !== undefined) acc.add(o.quantity);
  return acc.result() ?? zeroQuantity(unit);
}

function describe(q: Quantity | undefined): string {
  return q === undefined ? "—" : formatQuantity(q);
}

interface RuleShape {
  readonly id: string;
  readonly name: string;
  readonly operator: ValidationOperator;
  readonly importance: Importance;
  readonly missingValueStrategy: MissingValueStrategy;
  readonly tolerance: ExactDecimal | "rounding";
  readonly errorCode: string;
  readonly leftDescription?: string | undefined;
  readonly rightDescription?: string | undefined;
}

function side(description: string | undefined, operands: readonly OperandResult[], value?: Quantity): SideResult {
  return Object.freeze({
    ...(description === undefined ? {} : { description }),
    ...(value === undefined ? {} : { value }),
    operands: Object.freeze([...operands]),
  });
}

const SKIP_TEXT: Readonly<Record<SkipReason, LocalizedMessage>> = {
  "missing-value": { "zh-CN": "有操作数缺少数值，未校验", en: "an operand has no value; not checked" },
  "ambiguous-operand": { "zh-CN": "有操作数匹配多条数据，未校验", en: "an operand matches several observations; not checked" },
  "unit-mismatch": { "zh-CN": "操作数单位不一致，未校验", en: "the operands' units differ; not checked" },
};

/** Evaluates one comparison over resolved operands. @internal */
export function checkSides(rule: RuleShape, left: readonly OperandResult[], right: readonly OperandResult[]): ValidationResult {
  const all = [...left, ...right];
  const approximate = all.some((o) => o.quantity?.approximate === true);
  const base = {
    ruleId: rule.id,
    name: rule.name,
    operator: rule.operator,
    importance: rule.importance,
    approximate,
  };
  const skipped = (reason: SkipReason): ValidationResult =>
    Object.freeze({
      ...base,
      status: "skipped",
      skipReason: reason,
      left: side(rule.leftDescription, left),
      right: side(rule.rightDescription, right),
      message: { "zh-CN": `${rule.name}：${SKIP_TEXT[reason]["zh-CN"]}`, en: `${rule.name}: ${SKIP_TEXT[reason].en}` },
    });
  if (all.some((o) => o.status === "ambiguous")) return skipped("ambiguous-operand");
  const found = all.filter((o) => o.quantity !== undefined);
  const unit = found[0]?.quantity?.unit ?? "";
  if (found.some((o) => o.quantity?.unit !== unit)) return skipped("unit-mismatch");

  if (rule.operator === "compulsoryPair" || rule.operator === "exclusivePair") {
    const leftPresent = left.some((o) => o.quantity !== undefined);
    const rightPresent = right.some((o) => o.quantity !== undefined);
    const pass = rule.operator === "compulsoryPair" ? leftPresent === rightPresent : !(leftPresent && rightPresent);
    const presence = (p: boolean, zh: boolean): string => (zh ? (p ? "有数" : "无数") : p ? "present" : "absent");
    return Object.freeze({
      ...base,
      status: pass ? "pass" : "fail",
      ...(pass ? {} : { errorCode: rule.errorCode }),
      left: side(rule.leftDescription, left),
      right: side(rule.rightDescription, right),
      message: {
        "zh-CN": `${rule.name}：左侧${presence(leftPresent, true)}，右侧${presence(rightPresent, true)}，${pass ? "通过" : "未通过"}`,
        en: `${rule.name}: left ${presence(leftPresent, false)}, right ${presence(rightPresent, false)}: ${pass ? "pass" : "fail"}`,
      },
    });
  }

  const missing = all.filter((o) => o.quantity === undefined).length;
  if (missing > 0) {
    if (rule.missingValueStrategy === "skipIfAnyMissing") return skipped("missing-value");
    if (rule.missingValueStrategy === "skipIfAllMissing" && missing === all.length) return skipped("missing-value");
  }
  const leftValue = sideValue(left, unit);
  const rightValue = sideValue(right, unit);
  const imbalance = subtractQuantities(leftValue, rightValue);
  let bound = ZERO;
  let maxMagnitude: Magnitude = 0;
  for (const o of found) {
    const q = o.quantity as Quantity;
    bound = addDecimals(bound, halfUnitInLastPlace(q));
    if (q.magnitude > maxMagnitude) maxMagnitude = q.magnitude;
  }
  const roundingBound = makeQuantity(bound, unit, maxMagnitude, 0);
  const tolerance = rule.tolerance === "rounding" ? bound : rule.tolerance;
  const d = imbalance.value;
  const abs = absDecimal(d);
  let pass: boolean;
  switch (rule.operator) {
    case "equalTo":
      pass = compareDecimals(abs, tolerance) <= 0;
      break;
    case "notEqualTo":
      pass = compareDecimals(abs, tolerance) > 0;
      break;
    case "lessThan":
      pass = compareDecimals(d, tolerance) < 0;
      break;
    case "lessThanOrEqualTo":
      pass = compareDecimals(d, tolerance) <= 0;
      break;
    case "greaterThan":
      pass = compareDecimals(d, negateDecimal(tolerance)) > 0;
      break;
    default:
      pass = compareDecimals(d, negateDecimal(tolerance)) >= 0;
  }
  const equality = rule.operator === "equalTo" || rule.operator === "notEqualTo";
  const withinRounding = equality ? compareDecimals(abs, bound) <= 0 : undefined;
  const shownImbalance = makeQuantity(d, unit, maxMagnitude, 0);
  const symbol = OPERATOR_SYMBOLS[rule.operator];
  const head = `${describe(leftValue)} ${symbol} ${describe(rightValue)}`;
  let zh = `${rule.name}：${head} ${pass ? "成立" : "不成立"}`;
  let en = `${rule.name}: ${head} ${pass ? "holds" : "does not hold"}`;
  if (d.coefficient !== 0n) {
    zh += `，差额 ${describe(shownImbalance)}`;
    en += `, imbalance ${describe(shownImbalance)}`;
    if (withinRounding !== undefined) {
      zh += withinRounding ? `（在舍入误差 ${describe(roundingBound)} 以内）` : `（超出舍入误差 ${describe(roundingBound)}）`;
      en += withinRounding ? ` (within the rounding of the figures, ${describe(roundingBound)})` : ` (beyond the rounding of the figures, ${describe(roundingBound)})`;
    }
  }
  return Object.freeze({
    ...base,
    status: pass ? "pass" : "fail",
    ...(pass ? {} : { errorCode: rule.errorCode }),
    left: side(rule.leftDescription, left, leftValue),
    right: side(rule.rightDescription, right, rightValue),
    imbalance: shownImbalance,
    tolerance,
    roundingBound,
    ...(withinRounding === undefined ? {} : { withinRounding }),
    message: { "zh-CN": zh, en },
  });
}

function operandLabel(operand: Operand): string {
  const dims = Object.entries(operand.dimensions ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const extra = [operand.area, operand.department].filter((x) => x !== undefined).join("/");
  return `${operand.indicatorId}${dims === "" ? "" : `[${dims}]`}${extra === "" ? "" : `@${extra}`}`;
}

function sameDimensions(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

function resolveOperand(operand: Operand, byIndicator: ReadonlyMap<string, readonly Observation[]>): OperandResult {
  const dims = operand.dimensions ?? {};
  const matches = (byIndicator.get(operand.indicatorId) ?? []).filter(
    (o) =>
      sameDimensions(o.dimensions, dims) &&
      (operand.area === undefined || o.area === operand.area) &&
      (operand.department === undefined || o.department === operand.department),
  );
  const label = operandLabel(operand);
  if (matches.length > 1) {
    return Object.freeze({ label, operand, status: "ambiguous", candidates: Object.freeze(matches.map((o) => o.id)) });
  }
  const o = matches[0];
  if (o === undefined) return Object.freeze({ label, operand, status: "missing" });
  return observationOperand(label, o, operand);
}

function observationOperand(label: string, o: Observation, operand?: Operand): OperandResult {
  return Object.freeze({
    label,
    ...(operand === undefined ? {} : { operand }),
    status: o.quantity === undefined ? "missing" : "found",
    ...(o.quantity === undefined ? {} : { quantity: o.quantity }),
    observationId: o.id,
    source: o.source,
  });
}

/**
 * 执行校验规则 — checks each rule against the observations. An operand
 * selects the observation of its indicator whose dimensions are exactly the
 * operand's (none: the total), in its area and department if given. Pass the
 * observations of one date (see `latestAsOf`): an operand that matches
 * several observations is reported, not guessed.
 *
 * @param rules - validated rules
 * @param observations - the observations (not changed)
 * @returns one result per rule, in order
 *
 * @example
 * ```ts
 * import { parseObservations, parseValidationRules, runValidationRules } from "policy-eval";
 * const observations = parseObservations([
 *   { id: "t", indicatorId: "loans", quantity: "326.16亿元", source: { document: "r" } },
 *   { id: "a", indicatorId: "loans", quantity: "6.52亿元", dimensions: { platform: "sme" }, source: { document: "r" } },
 *   { id: "b", indicatorId: "loans", quantity: "319.64亿元", dimensions: { platform: "yxr" }, source: { document: "r" } },
 * ]);
 * const rules = parseValidationRules([{
 *   id: "loans-sum", name: "贷款金额 = 各平台之和", operator: "=",
 *   left: { operands: [{ indicatorId: "loans" }] },
 *   right: { operands: [{ indicatorId: "loans", dimensions: { platform: "sme" } }, { indicatorId: "loans", dimensions: { platform: "yxr" } }] },
 * }]);
 * runValidationRules(rules, observations)[0]?.status; //=> "pass"
 * ```
 */
export function runValidationRules(rules: readonly ValidationRule[], observations: Iterable<Observation>): readonly ValidationResult[] {
  const byIndicator = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byIndicator.get(o.indicatorId);
    if (list === undefined) byIndicator.set(o.indicatorId, [o]);
    else list.push(o);
  }
  return Object.freeze(
    rules.map((rule) =>
      checkSides(
        { ...rule, leftDescription: rule.left.description, rightDescription: rule.right.description },
        rule.left.operands.map((operand) => resolveOperand(operand, byIndicator)),
        rule.right.operands.map((operand) => resolveOperand(operand, byIndicator)),
      ),
    ),
  );
}

// ---------------------------------------------------------------- parts and total

/** Options of {@link partsSumToTotal}. */
export interface PartsSumOptions {
  /** Allowed imbalance in base units, or `'rounding'` to accept what the reported precision explains. Default exact. */
  readonly tolerance?: DecimalInput | "rounding" | undefined;
  /** Id of the result. Default `parts-sum-to-total`. */
  readonly id?: string | undefined;
  /** Name of the result. Default 合计 = 分项之和. */
  readonly name?: string | undefined;
}

/**
 * 分项合计 — checks that parts add up to their total, exactly by default,
 * and says whether an imbalance is within the rounding of the reported
 * figures: parts given to 0.01亿 may miss their total by up to half a unit
 * of the last digit of each figure (an integer count is exact; money to the
 * 分 is exact). The imbalance is total − Σ parts.
 *
 * @param total - the total (a quantity or an observation)
 * @param parts - the parts (quantities or observations; not changed)
 * @param options - `tolerance` (default exact), `id`, `name`
 * @returns a {@link ValidationResult} (`errorCode` `breakdown-mismatch` on failure)
 * @throws {@link PolicyEvalError} `unit-mismatch` when the units differ
 *   (every offending part), `invalid-number` for a bad tolerance
 *
 * @example
 * ```ts
 * import { formatQuantity, parseQuantity, partsSumToTotal } from "policy-eval";
 * const ok = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.64亿元")]);
 * ok.status; //=> "pass"
 * const typo = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.46亿元")]);
 * [typo.status, typo.imbalance?.value.toString(), typo.withinRounding]; //=> ["fail", "18000000", false]
 * typo.imbalance ? formatQuantity(typo.imbalance) : ""; //=> "0.18亿元"
 * ```
 */
export function partsSumToTotal(
  total: Quantity | Observation,
  parts: readonly (Quantity | Observation)[],
  options?: PartsSumOptions | undefined,
): ValidationResult {
  const toOperand = (item: Quantity | Observation, label: string): OperandResult =>
    isQuantity(item) ? Object.freeze({ label, status: "found", quantity: item }) : observationOperand(label, item);
  const left = [toOperand(total, "total")];
  const right = parts.map((p, k) => toOperand(p, `parts[${k}]`));
  const unit = left[0]?.quantity?.unit;
  const issues: PolicyEvalIssue[] = [];
  if (unit !== undefined) {
    right.forEach((o, k) => {
      if (o.quantity !== undefined && o.quantity.unit !== unit) issues.push(unitMismatchIssue("add", unit, o.quantity.unit, ["parts", k, "unit"]));
    });
  }
  let tolerance: ExactDecimal | "rounding" = ZERO;
  if (options?.tolerance === "rounding") tolerance = "rounding";
  else if (options?.tolerance !== undefined) {
    const read = readTolerance(options.tolerance, ["tolerance"]);
    issues.push(...read.issues);
    if (read.tolerance !== undefined) tolerance = read.tolerance;
  }
  if (issues.length > 0) throw new PolicyEvalError(issues);
  return checkSides(
    {
      id: options?.id ?? "parts-sum-to-total",
      name: options?.name ?? "合计 = 分项之和",
      operator: "equalTo",
      importance: "high",
      missingValueStrategy: "skipIfAnyMissing",
      tolerance,
      errorCode: "breakdown-mismatch",
    },
    left,
    right,
  );
}
