/**
 * policy-eval — policies, measures, indicators and evaluation rules for
 * Chinese normative documents (规范性文件).
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export * from "./dates/index.js";
export * from "./documents/index.js";
export * from "./corpus/index.js";
