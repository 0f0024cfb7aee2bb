/**
 * 评估规则 — the rule language (JSON, zod-validated), its validator and
 * compiler, the engine (three-valued conditions, Catala-style exceptions,
 * conflicts reported) and the versioned trace.
 *
 * @module
 */
export { CONCLUSIONS, GROUNDS, RULE_CONCLUSIONS, type Conclusion, type Ground, type ResultConclusion, type RuleConclusion } from "./conclusions.js";
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
} from "./facts.js";
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
export {
  MAX_CONDITION_DEPTH,
  safeValidateRuleSet,
  validateRuleSet,
  type CompiledRuleSet,
  type ValidateRuleSetOptions,
} from "./validateRuleSet.js";
export {
  runRules,
  type Reason,
  type ReasonFact,
  type RulesConflict,
  type RulesResult,
  type RulesResultBase,
  type RunRulesOptions,
} from "./runRules.js";
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
