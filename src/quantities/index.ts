/**
 * Quantities (数量): exact decimals, units, 万/亿 magnitudes, parsing and
 * formatting of report numbers, and the arithmetic on them.
 *
 * @module
 */
export {
  ExactDecimal,
  ROUNDING_MODES,
  absDecimal,
  addDecimals,
  compareDecimals,
  divideDecimals,
  isZeroDecimal,
  multiplyDecimals,
  negateDecimal,
  normalizeDecimal,
  roundDecimal,
  safeToExactDecimal,
  scaleByPowerOfTen,
  subtractDecimals,
  sumDecimals,
  toDecimalJs,
  toExactDecimal,
  type DecimalInput,
  type DivideOptions,
  type RoundingMode,
} from "./decimal.js";
export {
  MAGNITUDES,
  MAGNITUDE_PREFIXES,
  UNIT_ALIASES,
  UNIT_CATALOGUE,
  isMagnitude,
  isUnit,
  lookupUnit,
  unitKind,
  type CountUnit,
  type Magnitude,
  type MoneyUnit,
  type Unit,
  type UnitAlias,
  type UnitDefinition,
  type UnitKind,
  type UnitOfKind,
} from "./units.js";
export { formatChineseNumeral, parseChineseNumeral, type ChineseNumeralDigits, type FormatChineseNumeralOptions } from "./chineseNumerals.js";
export {
  APPROXIMATION_MARKERS,
  createQuantity,
  hasUnit,
  isQuantity,
  safeCreateQuantity,
  type Approximation,
  type ApproximationBound,
  type ApproximationMarker,
  type CreateQuantityOptions,
  type MarkerPosition,
  type Quantity,
  type QuantityNotation,
  type UnitOf,
} from "./quantity.js";
export {
  parseCompoundQuantity,
  parseQuantity,
  safeParseCompoundQuantity,
  safeParseQuantity,
  type Candidates,
  type Longest,
  type OrWide,
  type Resolve,
  type Space,
  type Spelling,
  type StripQualifier,
  type SuffixQualifier,
  type TrimEnd,
  type UnitOfText,
} from "./parseQuantity.js";
export { autoMagnitude, formatQuantity, type FormatQuantityOptions } from "./formatQuantity.js";
export {
  addQuantities,
  compareQuantities,
  divideQuantity,
  multiplyQuantity,
  quantitiesEqual,
  ratioOfQuantities,
  subtractQuantities,
  sumQuantities,
  withMagnitude,
  type IsUnion,
  type SingleUnit,
  type SumQuantitiesOptions,
} from "./arithmetic.js";
