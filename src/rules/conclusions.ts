/**
 * 评估结论 — what an evaluation rule can conclude about a document, and on
 * which ground (DESIGN.md §2; research/legal-documents.md a4).
 *
 * @module
 */

/**
 * The conclusions a rule can reach, in the order a report lists them.
 *
 * @example
 * ```ts
 * import { RULE_CONCLUSIONS } from "policy-eval";
 * RULE_CONCLUSIONS.includes("continue"); //=> true
 * RULE_CONCLUSIONS.length; //=> 5
 * ```
 */
export const RULE_CONCLUSIONS = Object.freeze(["continue", "extend", "revise", "repeal", "declareExpired"] as const);

/**
 * What a rule (or the evaluators' recommendation) concludes: `continue` 继续有效
 * (继续沿用), `extend` 延长有效期, `revise` 修订, `repeal` 废止, `declareExpired` 宣布失效.
 */
export type RuleConclusion = (typeof RULE_CONCLUSIONS)[number];

/**
 * 评估结论 — the vocabulary of DESIGN.md §2: the five conclusions a rule can
 * reach, and `undetermined` when the facts cannot settle one.
 *
 * @example
 * ```ts
 * import { CONCLUSIONS } from "policy-eval";
 * CONCLUSIONS.at(-1); //=> "undetermined"
 * ```
 */
export const CONCLUSIONS = Object.freeze([...RULE_CONCLUSIONS, "undetermined"] as const);

/** 评估结论 — one of {@link CONCLUSIONS}. */
export type Conclusion = (typeof CONCLUSIONS)[number];

/**
 * 结论 — what {@link runRules} answers: a {@link RuleConclusion} when the
 * winning rules agree, `conflict` when they disagree (never settled by order),
 * and `undetermined` when no rule applies or missing facts could change the answer.
 */
export type ResultConclusion = Conclusion | "conflict";

/**
 * The grounds a conclusion may rest on (国发〔2015〕68号 grounds, plus
 * `parentsInForceUnchanged` for the usual 继续沿用 reasoning).
 *
 * @example
 * ```ts
 * import { GROUNDS } from "policy-eval";
 * GROUNDS[0]; //=> "parentsInForceUnchanged"
 * ```
 */
export const GROUNDS = Object.freeze([
  "parentsInForceUnchanged",
  "supersededByHigherOrParent",
  "inconsistentWithHigher",
  "unsuitedToConditions",
  "taskCompleted",
  "subjectGone",
  "other",
] as const);

/**
 * 结论理由类别 — why a conclusion is reached: `parentsInForceUnchanged` 上位文件仍有效且未修订,
 * `supersededByHigherOrParent` 被新的上位法或上位文件取代、修改或废止,
 * `inconsistentWithHigher` 与上位法不一致, `unsuitedToConditions` 不适应形势,
 * `taskCompleted` 任务已完成, `subjectGone` 调整对象已消失, `other` 其他.
 */
export type Ground = (typeof GROUNDS)[number];
