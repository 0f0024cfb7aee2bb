/**
 * The default rule set for Guangdong normative documents: the reasoning of
 * 粤府令第277号 arts. 34–36 and of the reference report (清府办〔2017〕59号:
 * parents in force and unrevised, no conflict, effects met → continue, "与上位
 * 法律法规同步实施"), with the grounds of 国发〔2015〕68号 for ending a document.
 *
 * Structure (Catala-style default logic):
 * - every rule asks that the subject itself be in force on the evaluation
 *   date (`subjectInForce`): a document already repealed or expired gets no
 *   conclusion (undetermined), never `continue`;
 * - base rules: `continue-in-step` (continue) and `revise-effects-not-met`
 *   (revise), which cannot both apply;
 * - exceptions to `continue-in-step`: `revise-parent-changed` (a parent
 *   amended after adoption, or replaced) and `revise-conflict` (a conflict
 *   with superior law);
 * - exceptions to every other rule: `declare-expired-parent-ended`,
 *   `declare-expired-task-completed`, `declare-expired-subject-gone` (a
 *   document whose basis or task is gone ends, whatever else holds).
 *
 * @module
 */
import { GROUNDS, RULE_CONCLUSIONS, type RuleSet } from "../rules/index.js";

const R277 = "粤府令第277号";
const R68 = "国发〔2015〕68号";

/**
 * 广东省规范性文件评估默认规则 — the default rule set of {@link evaluate}.
 *
 * Its vocabulary is the default one of the rules engine, declared here:
 * the five conclusions of an evaluation (继续有效, 延长有效期, 修订, 废止, 宣布失效)
 * in the order a report lists them, and the grounds of 国发〔2015〕68号.
 *
 * Dated from 2021-01-01: the reference evaluation (2021) is the earliest
 * case it is checked against; an evaluation dated earlier needs a rule set
 * of its own. `effectivenessThreshold` (1 = every target met) is the
 * achievement at which indicators alone show the effects met, when the
 * evaluators state no effectiveness finding.
 *
 * @example
 * ```ts
 * import { GUANGDONG_RULE_SET } from "policy-eval";
 * GUANGDONG_RULE_SET.rules.map((r) => r.id).includes("continue-in-step"); //=> true
 * GUANGDONG_RULE_SET.inForceFrom; //=> "2021-01-01"
 * ```
 */
export const GUANGDONG_RULE_SET: RuleSet = Object.freeze({
  id: "guangdong-normative-documents",
  name: "广东省行政规范性文件评估规则（默认）",
  version: "1.0.0",
  jurisdiction: "广东省",
  inForceFrom: "2021-01-01",
  description:
    "Evaluation conclusions for Guangdong normative documents: 粤府令第277号 arts. 34–36, the grounds of 国发〔2015〕68号, and the reasoning of the reference report (清府办〔2017〕59号).",
  // The engine's default vocabulary (docs/rules.md, "Conclusions and grounds"), declared so that the set says what it may conclude.
  conclusions: RULE_CONCLUSIONS,
  grounds: GROUNDS,
  parameters: {
    effectivenessThreshold: {
      type: "decimal",
      description: { "zh-CN": "指标完成率达到该值即视为实施效果达到预期", en: "Achievement at which the indicators show the effects met" },
      values: [{ from: "2021-01-01", value: "1" }],
    },
  },
  conditions: {
    // Only a document still in force on the evaluation date is continued, revised or declared expired:
    // one already repealed or expired has nothing left to conclude (no rule applies: undetermined).
    subjectInForce: { fact: "subject.status", operator: "in", value: ["in_force", "partially_in_force"] },
    // The evaluators' own finding decides; only without one do the indicators speak.
    effectsMet: {
      any: [
        { fact: "effects.stated", operator: "equal", value: "met" },
        {
          all: [
            { fact: "effects.stated", operator: "equal", value: "notStated" },
            { fact: "indicators.minAchievement", operator: "greaterThanInclusive", value: { parameter: "effectivenessThreshold" } },
          ],
        },
      ],
    },
    effectsNotMet: {
      any: [
        { fact: "effects.stated", operator: "in", value: ["partlyMet", "notMet"] },
        {
          all: [
            { fact: "effects.stated", operator: "equal", value: "notStated" },
            { fact: "indicators.minAchievement", operator: "lessThan", value: { parameter: "effectivenessThreshold" } },
          ],
        },
      ],
    },
  },
  rules: [
    {
      id: "continue-in-step",
      title: { "zh-CN": "与上位法律法规同步实施，继续沿用", en: "Continue in step with the superior documents" },
      conclusion: "continue",
      ground: "parentsInForceUnchanged",
      when: {
        all: [
          { condition: "subjectInForce" },
          { fact: "parents.allInForce", operator: "isTrue" },
          { fact: "parents.anyAmendedSinceAdoption", operator: "isFalse" },
          { fact: "conflicts.found", operator: "isFalse" },
          { condition: "effectsMet" },
        ],
      },
      reason: {
        "zh-CN": "上位文件仍在实施期且未进行修订，不存在与现行法律、法规及上级政策文件冲突的内容，实施效果达到预期目的，按照与上位法律法规同步实施的原则，继续沿用",
        en: "The parent documents are still in force and unrevised, nothing conflicts with current laws, regulations or superior documents, and the effects met the expected aims: continue in step with the superior documents",
      },
      basis: [
        { document: R277, article: "第三十四条" },
        { document: R277, article: "第三十六条" },
      ],
    },
    {
      id: "revise-effects-not-met",
      title: { "zh-CN": "实施效果未达预期，予以修订", en: "Effects not met: revise" },
      conclusion: "revise",
      ground: "unsuitedToConditions",
      when: { all: [{ condition: "subjectInForce" }, { condition: "effectsNotMet" }, { fact: "parents.allInForce", operator: "isTrue" }] },
      reason: {
        "zh-CN": "实施效果未达到预期目的，应当修改完善",
        en: "The effects did not meet the expected aims: revise",
      },
      basis: [{ document: R277, article: "第三十四条" }],
    },
    {
      id: "revise-parent-changed",
      title: { "zh-CN": "上位文件已修改或被替代，予以修订", en: "A parent changed: revise" },
      conclusion: "revise",
      ground: "supersededByHigherOrParent",
      exceptionTo: "continue-in-step",
      when: {
        all: [
          { condition: "subjectInForce" },
          {
            any: [
              { fact: "parents.anyAmendedSinceAdoption", operator: "isTrue" },
              { fact: "parents.anyReplaced", operator: "isTrue" },
            ],
          },
        ],
      },
      reason: {
        "zh-CN": "上位文件在本文件印发后已修改或被新文件替代，应当根据上位文件的变化及时修订",
        en: "A parent was amended after the subject's adoption, or replaced: revise to follow it",
      },
      basis: [{ document: R277, article: "第三十六条" }],
    },
    {
      id: "revise-conflict",
      title: { "zh-CN": "与上位法冲突，予以修订", en: "Conflict with superior law: revise" },
      conclusion: "revise",
      ground: "inconsistentWithHigher",
      exceptionTo: "continue-in-step",
      when: { all: [{ condition: "subjectInForce" }, { fact: "conflicts.found", operator: "isTrue" }] },
      reason: {
        "zh-CN": "存在与上位法律法规或上级文件不一致的内容，应当修订",
        en: "Provisions conflict with superior law or documents: revise",
      },
      basis: [
        { document: R277, article: "第三十六条" },
        { document: R68 },
      ],
    },
    {
      id: "declare-expired-parent-ended",
      title: { "zh-CN": "上位文件废止或失效且无替代，宣布失效", en: "A parent ended without successor: declare expired" },
      conclusion: "declareExpired",
      ground: "supersededByHigherOrParent",
      exceptionTo: ["continue-in-step", "revise-effects-not-met", "revise-parent-changed", "revise-conflict"],
      when: { all: [{ condition: "subjectInForce" }, { fact: "parents.anyEndedWithoutSuccessor", operator: "isTrue" }] },
      reason: {
        "zh-CN": "所贯彻落实或依据的上位文件已废止或失效且无替代文件，本文件失去依据，宣布失效",
        en: "A parent the document implements or rests on was repealed or expired without a successor: declare the document expired",
      },
      basis: [{ document: R277, article: "第三十六条" }, { document: R68 }],
    },
    {
      id: "declare-expired-task-completed",
      title: { "zh-CN": "工作任务已完成，宣布失效", en: "Task completed: declare expired" },
      conclusion: "declareExpired",
      ground: "taskCompleted",
      exceptionTo: ["continue-in-step", "revise-effects-not-met", "revise-parent-changed", "revise-conflict"],
      when: { all: [{ condition: "subjectInForce" }, { fact: "task.completed", operator: "isTrue" }] },
      reason: { "zh-CN": "工作任务已经完成，宣布失效", en: "The document's task is completed: declare it expired" },
      basis: [{ document: R68 }],
    },
    {
      id: "declare-expired-subject-gone",
      title: { "zh-CN": "调整对象已消失，宣布失效", en: "Regulated subject gone: declare expired" },
      conclusion: "declareExpired",
      ground: "subjectGone",
      exceptionTo: ["continue-in-step", "revise-effects-not-met", "revise-parent-changed", "revise-conflict"],
      when: { all: [{ condition: "subjectInForce" }, { fact: "subject.gone", operator: "isTrue" }] },
      reason: { "zh-CN": "调整对象已经消失，宣布失效", en: "What the document regulates no longer exists: declare it expired" },
      basis: [{ document: R68 }],
    },
  ],
} satisfies RuleSet);
