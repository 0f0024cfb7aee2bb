/**
 * Indicators (指标), observations (数据), their exact aggregation, and the
 * validation rules that check that a report's numbers add up.
 *
 * @module
 */
export {
  AREA_AGGREGATIONS,
  DimensionSchema,
  IndicatorSchema,
  MEASURE_TYPES,
  NOT_STATED,
  OBSERVATION_STATUSES,
  ObservationSchema,
  ObservationSourceSchema,
  TIME_AGGREGATIONS,
  parseIndicators,
  parseObservations,
  safeParseIndicators,
  safeParseObservations,
  type AreaAggregation,
  type Dimension,
  type Indicator,
  type IndicatorInput,
  type MeasureType,
  type Observation,
  type ObservationInput,
  type ObservationSource,
  type ObservationStatus,
  type Period,
  type ReferenceValue,
  type TimeAggregation,
} from "./schemas.js";
export { latestAsOf, type AsOfSelection, type LatestAsOfOptions } from "./asOf.js";
export type { DeclaredAggregation } from "./declaredRollup.js";
export {
  achievement,
  rollup,
  sum,
  type Achievement,
  type AchievementInput,
  type AchievementOptions,
  type RollupAggregation,
  type RollupGroup,
  type RollupGroupKey,
  type RollupKey,
  type RollupOptions,
} from "./aggregate.js";
export {
  IMPORTANCE_LEVELS,
  MISSING_VALUE_STRATEGIES,
  OPERATOR_SYMBOLS,
  OperandSchema,
  VALIDATION_OPERATORS,
  ValidationRuleSchema,
  parseValidationRules,
  partsSumToTotal,
  runValidationRules,
  safeParseValidationRules,
  type Importance,
  type MissingValueStrategy,
  type Operand,
  type OperandResult,
  type PartsSumOptions,
  type RuleSide,
  type SideResult,
  type SkipReason,
  type ValidationOperator,
  type ValidationResult,
  type ValidationRule,
  type ValidationRuleInput,
} from "./validation.js";
export {
  checkObservations,
  resolveObservationDates,
  type CheckObservationsOptions,
  type ObservationCheck,
  type ResolveDatesOptions,
  type ResolvedObservations,
} from "./checks.js";
