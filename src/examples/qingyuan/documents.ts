/**
 * The reference case's documents (清府办〔2017〕59号 and the documents its
 * evaluation report names), as the report gives them. Where the report gives
 * no date, none is invented: the year inside a document number serves as a
 * year-precision date, and everything else stays unknown.
 *
 * @module
 */
import type { PolicyDocumentInput } from "../../documents/schema.js";

/**
 * The reference case's evaluation date, as precisely as the report allows.
 * The report is undated; its figures run to 7月末 of 2021 and it speaks of
 * 2021年6月1日 in the past tense, so the year is known and nothing finer.
 *
 * @example
 * ```ts
 * import { QINGYUAN_EVALUATION_DATE } from "policy-eval/examples";
 * QINGYUAN_EVALUATION_DATE; //=> "2021"
 * ```
 */
export const QINGYUAN_EVALUATION_DATE = "2021" as const;

/** Id of 清府办〔2017〕59号, the evaluated plan. */
export const QINGYUAN_PLAN_ID = "qfb-2017-59" as const;

/**
 * The reference case's catalogue: the chain 国办发〔2016〕13号 → 粤府办〔2016〕66号 →
 * 清府办〔2017〕59号, and the documents the report cites (商建字〔2016〕8号,
 * 粤商务管字〔2016〕20号, and the unnumbered 《广东省机动车登记服务站管理办法（2020年修订）》).
 *
 * @example
 * ```ts
 * import { createCorpus } from "policy-eval";
 * import { qingyuanDocuments } from "policy-eval/examples";
 * createCorpus(qingyuanDocuments).statusAt("yfb-2016-66", "2021").status; //=> "in_force"
 * ```
 */
export const qingyuanDocuments: readonly PolicyDocumentInput[] = Object.freeze([
  {
    id: "gbf-2016-13",
    title: "国务院办公厅关于促进二手车便利交易的若干意见",
    number: "国办发〔2016〕13号",
    issuer: "国务院办公厅",
    adminLevel: "central",
    instrumentRank: "normativeDocument",
    isNormative: true,
  },
  {
    id: "yfb-2016-66",
    jurisdiction: "guangdong",
    title: "广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知",
    number: "粤府办〔2016〕66号",
    issuer: "广东省人民政府办公厅",
    adminLevel: "province",
    instrumentRank: "normativeDocument",
    isNormative: true,
    relations: [{ type: "implements", target: "gbf-2016-13" }],
  },
  {
    id: "qfb-2017-59",
    jurisdiction: "guangdong",
    title: "清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知",
    number: "清府办〔2017〕59号",
    issuer: "清远市人民政府办公室",
    adminLevel: "city",
    instrumentRank: "normativeDocument",
    isNormative: true,
    // 报告：“于2017年9月正式印发” — month precision only.
    publishedOn: "2017-09",
    relations: [
      { type: "implements", target: "yfb-2016-66" },
      { type: "implements", target: "gbf-2016-13" },
    ],
  },
  {
    id: "sjz-2016-8",
    title: "商务部等11部门办公厅关于促进二手车便利交易 加快活跃二手车市场的通知",
    number: "商建字〔2016〕8号",
    issuer: "商务部办公厅",
    adminLevel: "central",
    instrumentRank: "normativeDocument",
    isNormative: true,
  },
  {
    id: "ysgz-2016-20",
    jurisdiction: "guangdong",
    title: "广东省商务厅 广东省公安厅 广东省环境保护厅关于做好二手车跨地区转移登记有关工作的通知",
    number: "粤商务管字〔2016〕20号",
    issuer: "广东省商务厅",
    coIssuers: ["广东省公安厅", "广东省环境保护厅"],
    adminLevel: "province",
    instrumentRank: "normativeDocument",
    isNormative: true,
  },
  {
    id: "gd-registration-stations-2020",
    jurisdiction: "guangdong",
    title: "广东省机动车登记服务站管理办法（2020年修订）",
    // The report gives no number and no issuer; the title's 2020年修订 dates this version to the year.
    adminLevel: "province",
    instrumentRank: "normativeDocument",
    isNormative: true,
    adoptedOn: "2020",
  },
] satisfies PolicyDocumentInput[]);
