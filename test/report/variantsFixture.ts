/** A catalogue and record that exercise what the reference case does not: expiry, uncertain dates, replies, periods, qualitative figures. */
import type { EvaluationInput, IndicatorInput, ObservationInput, PolicyDocumentInput } from "../../src/index.js";

const base = { instrumentRank: "normativeDocument", isNormative: true } as const;

export const variantDocuments: PolicyDocumentInput[] = [
  { ...base, id: "s", title: "某市促进消费实施方案", number: "某府办〔2020〕3号", adminLevel: "city", adoptedOn: "2020-01", relations: [{ type: "implements", target: "p1" }, { type: "basedOn", target: "p2" }] },
  { ...base, id: "p1", title: "某省促进消费工作方案", number: "某省府办〔2019〕12号", adminLevel: "province", adoptedOn: "2019-05-10", validUntil: "2021-03-31", relations: [{ type: "implements", target: "g" }] },
  { ...base, id: "p2", title: "某部委关于促进消费的通知", adminLevel: "central", adoptedOn: "2018" },
  { ...base, id: "g", title: "国务院关于促进消费的意见", number: "国发〔2018〕1号", adminLevel: "central", adoptedOn: "2018-02-01" },
  { ...base, id: "r", title: "某部委关于废止部分文件的决定", adminLevel: "central", adoptedOn: "2021-06", relations: [{ type: "repeals", target: "p2" }] },
];

export const variantEvaluation: EvaluationInput = {
  subject: "s",
  evaluatedOn: "2021-06-15",
  evaluatingBody: "某市司法局",
  workingGroup: { members: [{ role: "分管领导", count: 1 }, { role: "科室人员", count: 3 }] },
  process: [
    { step: "fieldResearch", on: "2021-05" },
    { step: "requestInput", label: "书面征求意见", participants: ["市商务局", "市财政局"] },
  ],
  consultedUnits: [
    { name: "市商务局", replied: true, reply: "无意见" },
    { name: "市财政局", replied: false },
    { name: "市统计局" },
  ],
  findings: [{ criterion: "effectiveness", rating: "partlyMet" }],
  conflicts: [],
  endingGrounds: [],
  recommendation: { conclusion: "revise" },
  measures: [
    { id: "m1", area: "消费券发放方面", description: "发放消费券", leadDepartments: ["市商务局"], cooperatingDepartments: ["市财政局"], indicators: ["vouchers"], status: "completed" },
    { id: "m2", area: "夜间经济", description: "培育夜间经济集聚区", leadDepartments: "notStated", indicators: ["zones", "sales"], status: "partial" },
  ],
};

export const variantIndicators: IndicatorInput[] = [
  { id: "vouchers", name: "发放消费券金额", measureId: "m1", measureType: "unit", unit: "元", magnitude: 4, timeAggregation: "sum" },
  { id: "zones", name: "夜间经济集聚区建设情况", measureId: "m2", measureType: "qualitative", timeAggregation: "last" },
  {
    id: "sales",
    name: "集聚区销售额",
    measureId: "m2",
    measureType: "unit",
    unit: "元",
    magnitude: 8,
    timeAggregation: "sum",
    dimensions: [{ id: "district", name: "区", options: [{ id: "east", name: "东区" }, { id: "west", name: "西区" }] }],
  },
];

export const variantObservations: ObservationInput[] = [
  { id: "v1", indicatorId: "vouchers", quantity: "1200万元", period: { start: "2020-03", end: "2020-12" }, department: "市商务局", source: { document: "报告" } },
  { id: "z1", indicatorId: "zones", comment: "已建成3个集聚区", asOf: "2021-05-31", source: { document: "报告" } },
  { id: "s1", indicatorId: "sales", quantity: "1.5亿元", asOf: "2021-05", dimensions: { district: "east" }, source: { document: "报告" } },
  { id: "s2", indicatorId: "sales", quantity: "2.25亿元", asOf: "2021-05", dimensions: { district: "west" }, source: { document: "报告" } },
  { id: "x1", indicatorId: "footfall", status: "missing", area: "某市", source: { document: "报告" } },
  { id: "x2", indicatorId: "footfall", quantity: "35万人次", area: "全省", source: { document: "报告" } },
];
