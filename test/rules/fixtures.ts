/**
 * A small Guangdong-like rule set for the engine's tests only (the real
 * default rule set belongs to the evaluation module), built on the seed
 * report 清府办〔2017〕59号: parents 国办发〔2016〕13号 and 粤府办〔2016〕66号.
 */
import { validateRuleSet, type CompiledRuleSet, type FactCatalogue, type Facts } from "../../src/rules/index.js";

const bool = (zh: string, en: string) => ({ type: "boolean" as const, description: { "zh-CN": zh, en } });

export const CATALOGUE: FactCatalogue = {
  parentsInForceUnrevised: bool("上位文件仍在实施期且未修订", "The parent documents are in force and unrevised"),
  conflictWithHigherFound: bool("发现与上位法冲突", "A conflict with superior law was found"),
  effectsMet: bool("实施效果达到预期目的", "The effects met the expected aims"),
  parentAmendedAfterAdoption: bool("上位文件在本文件印发后修订", "A parent was amended after adoption"),
  parentRepealedWithoutSuccessor: bool("上位文件废止且无替代", "A parent was repealed without successor"),
  adoptedOn: { type: "date", description: { "zh-CN": "印发日期", en: "Adoption date" } },
  loanAmount: { type: "decimal", description: { "zh-CN": "撮合贷款金额（亿元）", en: "Loans matched (100M yuan)" } },
  rating: {
    type: "enum",
    values: ["met", "partlyMet", "notMet", "unknown"],
    description: { "zh-CN": "实效性评级", en: "Effectiveness rating" },
  },
  consultedUnits: { type: "stringList", description: { "zh-CN": "征求意见单位", en: "Units consulted" } },
  issuer: { type: "string", description: { "zh-CN": "制定机关", en: "Issuing body" } },
};

const RULE_277 = "粤府令第277号";

/** Base rule `continue`, exception `revise`, and `declareExpired` as an exception to `revise`. */
export function guangdongLikeRuleSet() {
  return {
    id: "gd-like",
    name: "Guangdong-like test rules",
    version: "2024.1",
    jurisdiction: "广东省",
    inForceFrom: "2017-01-01",
    conditions: {
      noConflict: { not: { fact: "conflictWithHigherFound", operator: "isTrue" } },
    },
    rules: [
      {
        id: "continue-in-step",
        title: { "zh-CN": "与上位法律法规同步实施", en: "In step with the superior documents" },
        conclusion: "continue",
        ground: "parentsInForceUnchanged",
        when: {
          all: [
            { fact: "parentsInForceUnrevised", operator: "isTrue" },
            { condition: "noConflict" },
            { fact: "effectsMet", operator: "isTrue" },
          ],
        },
        reason: {
          "zh-CN": "上位文件仍在实施期且未修订，未发现冲突，实施效果达到预期，按照与上位法律法规同步实施的原则继续沿用",
          en: "The parents are in force and unrevised, no conflict was found and the effects met the aims: continue in step with the superior documents",
        },
        basis: [{ document: RULE_277, article: "第三十四条" }],
      },
      {
        id: "revise-parent-amended",
        conclusion: "revise",
        ground: "supersededByHigherOrParent",
        exceptionTo: "continue-in-step",
        when: { fact: "parentAmendedAfterAdoption", operator: "isTrue" },
        reason: { "zh-CN": "上位文件在本文件印发后已修订，应予修订", en: "A parent was amended after adoption: revise" },
        basis: [{ document: RULE_277, article: "第三十六条" }],
      },
      {
        id: "expire-parent-repealed",
        conclusion: "declareExpired",
        ground: "supersededByHigherOrParent",
        exceptionTo: "revise-parent-amended",
        when: { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" },
        reason: { "zh-CN": "上位文件已废止且无替代文件，宣布失效", en: "A parent was repealed without successor: declare expired" },
        basis: [{ document: "国发〔2015〕68号" }],
      },
    ],
  };
}

/** The seed report's facts: both parents in force and unrevised, no conflict, effects met. */
export const SEED_FACTS: Facts = {
  parentsInForceUnrevised: {
    value: true,
    explanation: {
      "zh-CN": "国办发〔2016〕13号和粤府办〔2016〕66号仍在实施期且未进行修订",
      en: "国办发〔2016〕13号 and 粤府办〔2016〕66号 are still in force and unrevised",
    },
    cites: ["国办发〔2016〕13号", "粤府办〔2016〕66号"],
  },
  conflictWithHigherFound: { value: false },
  effectsMet: { value: true },
  parentAmendedAfterAdoption: { value: false },
  parentRepealedWithoutSuccessor: { value: false },
  adoptedOn: { value: "2017-09" },
};

/** The seed report's evaluation date (its figures run to 截至7月末 2021). */
export const SEED_DATE = "2021-08-20";

/**
 * The shape of the lead's default set (粤府令第277号 arts. 34–36): base rule
 * `continue-in-step`; `revise-parent-changed` and `revise-conflict`
 * exceptions to it; `declare-expired-parent-ended` an exception to both
 * revise rules at once (Catala: one exception, several definitions).
 * `declareTargets` lets a test make the last one an exception to one rule only.
 */
export function guangdongMultiRuleSet(declareTargets: string | readonly string[] = ["revise-parent-changed", "revise-conflict"]) {
  return {
    id: "gd-multi",
    version: "2024.2",
    jurisdiction: "广东省",
    inForceFrom: "2017-01-01",
    conditions: {
      noConflict: { not: { fact: "conflictWithHigherFound", operator: "isTrue" } },
    },
    rules: [
      {
        id: "continue-in-step",
        conclusion: "continue",
        ground: "parentsInForceUnchanged",
        when: {
          all: [{ fact: "parentsInForceUnrevised", operator: "isTrue" }, { condition: "noConflict" }, { fact: "effectsMet", operator: "isTrue" }],
        },
        reason: { "zh-CN": "按照与上位法律法规同步实施的原则继续沿用", en: "Continue in step with the superior documents" },
        basis: [{ document: RULE_277, article: "第三十四条" }],
      },
      {
        id: "revise-parent-changed",
        conclusion: "revise",
        ground: "supersededByHigherOrParent",
        exceptionTo: "continue-in-step",
        when: { fact: "parentAmendedAfterAdoption", operator: "isTrue" },
        reason: { "zh-CN": "上位文件已修改，应予修订", en: "A parent changed: revise" },
        basis: [{ document: RULE_277, article: "第三十六条" }],
      },
      {
        id: "revise-conflict",
        conclusion: "revise",
        ground: "inconsistentWithHigher",
        exceptionTo: "continue-in-step",
        when: { fact: "conflictWithHigherFound", operator: "isTrue" },
        reason: { "zh-CN": "与上位法不一致，应予修订", en: "Conflict with superior law: revise" },
        basis: [{ document: RULE_277, article: "第三十六条" }],
      },
      {
        id: "declare-expired-parent-ended",
        conclusion: "declareExpired",
        ground: "supersededByHigherOrParent",
        exceptionTo: declareTargets,
        when: { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" },
        reason: { "zh-CN": "上位文件已废止且无替代文件，宣布失效", en: "A parent was repealed without successor: declare expired" },
        basis: [{ document: RULE_277, article: "第三十六条" }, { document: "国发〔2015〕68号" }],
      },
    ],
  };
}

/** A test rule: its reason named after its id, its basis 粤府令第277号 art. 34. */
export function rule(id: string, conclusion: string, when: unknown, extra: Record<string, unknown> = {}) {
  return { id, conclusion, when, reason: { "zh-CN": `理由：${id}`, en: id }, basis: [{ document: RULE_277, article: "第三十四条" }], ...extra };
}

/** A test rule set ("t", in force from 2017-01-01, `extra` on top) compiled against {@link CATALOGUE}. */
export function compile(rules: unknown[], extra: Record<string, unknown> = {}): CompiledRuleSet {
  return validateRuleSet({ id: "t", version: "1", inForceFrom: "2017-01-01", ...extra, rules }, { facts: CATALOGUE });
}

export { errorOf } from "../thrown.js";
