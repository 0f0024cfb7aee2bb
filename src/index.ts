/**
 * policy-eval — policies, measures, indicators and evaluation rules for
 * Chinese normative documents (规范性文件): a document catalogue with status
 * on any date, evaluation due dates and the impact of a parent's change;
 * exact quantities and indicator checks; a declarative, explainable rules
 * engine that derives the evaluation conclusion.
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export * from "./dates/index.js";
export * from "./documents/index.js";
export * from "./corpus/index.js";
export * from "./quantities/index.js";
export * from "./indicators/index.js";
export * from "./rules/index.js";
export * from "./evaluation/index.js";
export * from "./report/index.js";
