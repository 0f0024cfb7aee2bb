/**
 * 规则集校验 — checks a rule set's shape and meaning, all problems at once, and
 * compiles it for {@link runRules}.
 *
 * The passes (src/rules/validateParts.ts): the set's shape and vocabulary;
 * the facts and parameters its conditions may read; its named conditions
 * (each tree's shape, src/rules/validateTree.ts, then each comparison's
 * meaning, src/rules/validateLeaf.ts, then their cycles,
 * src/rules/validateGraph.ts); its rules, and the cycles of their
 * exceptions; then, for a valid set, the warnings and the compiled program
 * (src/rules/compile.ts).
 *
 * @module
 */
import { PolicyEvalError, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import type { CalendarDate } from "../dates/index.js";
import { safeParseSchema } from "../schema-issues.js";
import { buildProgram } from "./compile.js";
import { newEngine, type Engine } from "./engineState.js";
import type { FactCatalogue, FactDeclaration } from "./factTypes.js";
import { deepFreeze, type Program } from "./program.js";
import { ShallowRuleSetSchema, type RuleSet } from "./schema.js";
import { checkNamedConditions, checkRules, collectScope, collectWarnings, setDateIssues, TreeChecker } from "./validateParts.js";
import { isRecord } from "./validateTree.js";
import { declarationIssues, declaredVocabulary } from "./vocabulary.js";

/** Options of {@link validateRuleSet}. */
export interface ValidateRuleSetOptions {
  /**
   * The fact catalogue the rules may use, merged with the rule set's own
   * `facts` (a fact declared in both must be declared the same way).
   */
  readonly facts?: FactCatalogue | undefined;
}

/**
 * 已编译规则集 — a rule set that passed {@link validateRuleSet}, ready for
 * {@link runRules}. The compiled conditions are kept out of sight; the
 * visible fields describe the set. `ruleSet` is typed with the default
 * vocabulary; a set that declares its own has its `conclusions` (and
 * `grounds`) in its rules instead.
 */
export interface CompiledRuleSet {
  /** The rule set's id. */
  readonly id: string;
  /** Its version. */
  readonly version: string;
  /** First day in force. */
  readonly inForceFrom: CalendarDate;
  /** Last day in force, if it ends. */
  readonly inForceUntil?: CalendarDate;
  /** What its rules may conclude, in report order: its own `conclusions`, or {@link RULE_CONCLUSIONS}. */
  readonly conclusions: readonly string[];
  /** The grounds its rules may give: its own `grounds`, or {@link GROUNDS}. */
  readonly grounds: readonly string[];
  /** The validated rule set (a frozen copy; the input is never kept or changed). */
  readonly ruleSet: RuleSet;
  /** Declarations of the facts its conditions read — what a caller must derive. */
  readonly facts: FactCatalogue;
  /** Warnings: unused named conditions or parameters, rules never in force. */
  readonly warnings: readonly PolicyEvalIssue[];
}

/** The engine (program, memo, buffers) behind each compiled set. */
const ENGINES = new WeakMap<object, Engine>();

/** The engine behind a {@link CompiledRuleSet}, or undefined for anything else. @internal */
export function engineOf(compiled: unknown): Engine | undefined {
  return typeof compiled === "object" && compiled !== null ? ENGINES.get(compiled) : undefined;
}

/** The compiled program behind a {@link CompiledRuleSet}. @internal */
export function programOf(compiled: unknown): Program | undefined {
  return engineOf(compiled)?.program;
}

/** The named conditions of a compiled set, each after those it refers to (as validation ordered them). @internal */
export function conditionOrderOf(compiled: unknown): readonly string[] | undefined {
  const program = programOf(compiled);
  return program?.namedOrder.map((n) => (program.named[n] as Program["named"][number]).name);
}

/**
 * Checks a rule set, returning the compiled set or every problem found.
 *
 * @param input - a rule set as JSON data
 * @param options - `facts`: the fact catalogue the rules may use
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeValidateRuleSet } from "policy-eval";
 * const result = safeValidateRuleSet({
 *   id: "demo",
 *   version: "1",
 *   inForceFrom: "2019-01-01",
 *   rules: [
 *     {
 *       id: "continue",
 *       conclusion: "continue",
 *       when: { fact: "effectsMet", operator: "isTrue" },
 *       reason: { "zh-CN": "实施效果达到预期目的", en: "The effects met the expected aims" },
 *       basis: [{ document: "粤府令第277号", article: "第三十四条" }],
 *     },
 *   ],
 * });
 * result.success; //=> false
 * if (!result.success) result.error.issues[0]?.code; //=> "unknown-fact"
 * ```
 */
export function safeValidateRuleSet(input: unknown, options?: ValidateRuleSetOptions | undefined): SafeResult<CompiledRuleSet> {
  const issues: PolicyEvalIssue[] = [];
  const top = safeParseSchema(ShallowRuleSetSchema, input, []);
  if (!top.success) issues.push(...top.error.issues);
  if (!isRecord(input)) return { success: false, error: new PolicyEvalError(issues) };
  const scope = collectScope(input, options?.facts, issues);
  issues.push(...declarationIssues(input));
  const vocabulary = declaredVocabulary(input);
  const trees = new TreeChecker(scope, new Set(Object.keys(isRecord(input["conditions"]) ? input["conditions"] : {})), issues);
  const { conditions, order } = checkNamedConditions(input, trees);
  const rules = checkRules(input, trees, vocabulary);
  if (top.success) issues.push(...setDateIssues(top.data));
  if (!top.success || issues.length > 0) return { success: false, error: new PolicyEvalError(issues) };

  const set = top.data;
  const program = buildProgram({
    facts: scope.facts,
    parameters: scope.parameters,
    conditions,
    conditionOrder: order,
    rules,
    conclusions: vocabulary.conclusions,
    inForceFrom: set.inForceFrom,
    inForceUntil: set.inForceUntil,
  });
  const ownFacts = isRecord(input["facts"]) ? Object.keys(input["facts"]) : [];
  // A fresh copy (zod and the tree walk copy as they check): the caller's input is never kept or frozen.
  const ruleSet = Object.freeze({
    ...set,
    ...(set.facts === undefined ? {} : { facts: Object.fromEntries(ownFacts.map((n) => [n, scope.facts.get(n)])) }),
    ...(set.parameters === undefined ? {} : { parameters: Object.fromEntries(scope.parameters) }),
    ...(set.conditions === undefined ? {} : { conditions: Object.fromEntries(conditions) }),
    rules,
  }) as unknown as RuleSet;
  const used: Record<string, FactDeclaration> = {};
  for (const slot of program.facts) used[slot.name] = slot.declaration;
  const compiled: CompiledRuleSet = Object.freeze({
    id: set.id,
    version: set.version,
    inForceFrom: set.inForceFrom,
    ...(set.inForceUntil === undefined ? {} : { inForceUntil: set.inForceUntil }),
    conclusions: program.conclusions,
    grounds: Object.freeze([...vocabulary.grounds]),
    ruleSet,
    facts: deepFreeze(used),
    warnings: Object.freeze(collectWarnings(trees, conditions, scope.parameters, rules, set)),
  });
  ENGINES.set(compiled, newEngine(program));
  return { success: true, data: compiled };
}

/**
 * 校验规则集 — checks a rule set's shape and meaning and compiles it for
 * {@link runRules}. Every problem is reported at once, each with its path:
 * an unknown fact, an operator that does not fit the fact's type, a literal
 * of the wrong type (a float where a decimal string is needed), an
 * `exceptionTo` naming a missing rule or the same rule twice, a cycle of
 * exceptions (through any of an exception's targets) or of named
 * conditions (with the cycle's path), an unknown named condition or
 * parameter, duplicate rule ids, a rule without basis, parameter values not
 * sorted by date, a condition nested deeper than {@link MAX_CONDITION_DEPTH},
 * a rule concluding (or resting on a ground) that the set's vocabulary does
 * not declare. The input is not changed.
 *
 * The set's vocabulary is its own `conclusions` and `grounds`, or the
 * default one ({@link RULE_CONCLUSIONS}, {@link GROUNDS}); the types of the
 * compiled set and of {@link runRules}' results speak the default one (a
 * result of another vocabulary is a `RulesResult<string, string>`).
 *
 * @param input - a rule set as JSON data ({@link RuleSet})
 * @param options - `facts`: the fact catalogue the rules may use
 * @returns the compiled rule set
 * @throws {@link PolicyEvalError} listing every problem
 *
 * @example
 * ```ts
 * import { validateRuleSet } from "policy-eval";
 * const compiled = validateRuleSet(
 *   {
 *     id: "demo",
 *     version: "1",
 *     inForceFrom: "2019-01-01",
 *     rules: [
 *       {
 *         id: "continue",
 *         conclusion: "continue",
 *         when: { fact: "effectsMet", operator: "isTrue" },
 *         reason: { "zh-CN": "实施效果达到预期目的", en: "The effects met the expected aims" },
 *         basis: [{ document: "粤府令第277号", article: "第三十四条" }],
 *       },
 *     ],
 *   },
 *   { facts: { effectsMet: { type: "boolean", description: { "zh-CN": "效果达到预期", en: "Effects met" } } } },
 * );
 * compiled.facts["effectsMet"]?.type; //=> "boolean"
 * compiled.conclusions; //=> ["continue", "extend", "revise", "repeal", "declareExpired"]
 * ```
 */
export function validateRuleSet(input: unknown, options?: ValidateRuleSetOptions | undefined): CompiledRuleSet {
  const result = safeValidateRuleSet(input, options);
  if (!result.success) throw result.error;
  return result.data;
}
