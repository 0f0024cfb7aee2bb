/**
 * 评估规则 — the rule language (JSON, zod-validated), its validator and
 * compiler, the engine (three-valued conditions, Catala-style exceptions,
 * conflicts reported) and the versioned trace. Generic: a rule set declares
 * its own vocabulary of conclusions and grounds. The meaning of the
 * language is stated plainly by the reference interpreter,
 * src/rules/reference.ts (see docs/rules.md).
 *
 * @module
 */
export { CONCLUSIONS, GROUNDS, RULE_CONCLUSIONS, type Conclusion, type Ground, type ResultConclusion, type RuleConclusion } from "./vocabulary.js";
export {
  FACT_TYPES,
  FactCatalogueSchema,
  FactDeclarationSchema,
  LocalizedTextSchema,
  type FactCatalogue,
  type FactDeclaration,
  type FactType,
  type FactValue,
  type Facts,
  type JsonFactValue,
} from "./factTypes.js";
export { OPERATORS, operatorsForFactType, operatorTakesValue, type Operator } from "./operators.js";
export {
  BasisSchema,
  CalendarDateSchema,
  ConditionSchema,
  FactConditionSchema,
  ParameterSchema,
  RuleSchema,
  RuleSetSchema,
  type Basis,
  type Condition,
  type FactCondition,
  type Literal,
  type Parameter,
  type ParameterValue,
  type RightOperand,
  type Rule,
  type RuleSet,
} from "./schema.js";
export { MAX_CONDITION_DEPTH } from "./validateTree.js";
export {
  safeValidateRuleSet,
  validateRuleSet,
  type CompiledRuleSet,
  type ValidateRuleSetOptions,
} from "./validateRuleSet.js";
export { runRules } from "./runRules.js";
export type { Reason, ReasonFact, RulesConflict, RulesResult, RulesResultBase, RunRulesOptions } from "./results.js";
export {
  RULE_STATUSES,
  TRACE_VERSION,
  TraceSchema,
  type RuleStatus,
  type Trace,
  type TraceCondition,
  type TraceFact,
  type TraceNode,
  type TraceNodeBase,
  type TraceOperand,
  type TraceParameter,
  type TraceParameterCandidate,
  type TraceResult,
  type TraceRule,
} from "./trace.js";
