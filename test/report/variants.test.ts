/**
 * What the reference case does not show: a parent whose validity ended, a
 * parent possibly repealed within the evaluation date's month, a parent with
 * no number, figures over a period, qualitative and missing figures, parts
 * without a total, replies of consulted units, a process with dates, a
 * recommendation the rules do not follow — in Chinese and in English.
 */
import { describe, expect, it } from "vitest";
import { evaluate, renderReport, type ReportInput } from "../../src/index.js";
import { expectLines, section } from "./fixtures.js";
import { variantDocuments, variantEvaluation, variantIndicators, variantObservations } from "./variantsFixture.js";

const context = { corpus: variantDocuments, indicators: variantIndicators, observations: variantObservations };
const result = evaluate({ ...context, evaluation: variantEvaluation });
const input: ReportInput = { ...result, ...context };
const zh = renderReport(input, { format: "text" });
const en = renderReport(input, { format: "text", lang: "en" });

describe("renderReport — beyond the reference case", () => {
  it("一、政策背景: dates as recorded for every document, relations by kind, statuses including an uncertain one", () => {
    expect(result.conclusion).toBe("declareExpired");
    const background = section(zh, "一、政策背景", "二、实施效果");
    expect(background).toContain(
      "《某市促进消费实施方案》（某府办〔2020〕3号）于2020年1月印发，贯彻落实《某省促进消费工作方案》（某省府办〔2019〕12号）；依据《某部委关于促进消费的通知》。《某省促进消费工作方案》（某省府办〔2019〕12号）于2019年5月10日印发，贯彻落实《国务院关于促进消费的意见》（国发〔2018〕1号）。《某部委关于促进消费的通知》于2018年印发。《国务院关于促进消费的意见》（国发〔2018〕1号）于2018年2月1日印发。",
    );
    expect(background).toContain(
      "在评估日期（2021年6月15日），《某市促进消费实施方案》（某府办〔2020〕3号）现行有效；《某省促进消费工作方案》（某省府办〔2019〕12号）失效；《某部委关于促进消费的通知》现行有效（无法确定，亦可能为废止）；《国务院关于促进消费的意见》（国发〔2018〕1号）现行有效。",
    );
    expect(background).toContain("  └─ 依据 《某部委关于促进消费的通知》【现行有效（无法确定，亦可能为废止）】");
    expect(section(en, "I. Background", "II.")).toContain("《某部委关于促进消费的通知》 was issued 2018. ");
  });

  it("hierarchyDepth 1 shows the parents only", () => {
    const shallow = renderReport(input, { format: "text", hierarchyDepth: 1 });
    expect(shallow).not.toContain("国发〔2018〕1号");
    expect(shallow).toContain("  └─ 依据 《某部委关于促进消费的通知》");
  });

  it("二、实施效果: periods, qualitative and missing figures, parts without a total, figures no measure claims", () => {
    expectLines(section(zh, "二、实施效果", "三、"), [
      "\n（一）消费券发放方面\n",
      "\n1、发放消费券。牵头单位：市商务局。配合单位：市财政局。实施状态：已完成。\n",
      "\n(1) 2020年3月至2020年12月，发放消费券金额1200万元（市商务局）。\n",
      "\n（二）夜间经济方面\n",
      "\n1、培育夜间经济集聚区。实施状态：部分完成。\n",
      "\n(1) 截至2021年5月31日，夜间经济集聚区建设情况：已建成3个集聚区。\n",
      "\n(2) 截至2021年5月，集聚区销售额：东区1.5亿元、西区2.25亿元。\n",
      "\n（三）其他指标\n",
      "\n1、footfall：数据缺失。\n",
      "\n2、footfall35万人次（全省）。\n",
    ]);
    expectLines(section(en, "II. Implementation and effects", "III."), [
      "\n1. 发放消费券. Lead: 市商务局. Cooperating: 市财政局. Status: completed.\n",
      "\n(a) From 2020-03 to 2020-12, 发放消费券金额 (市商务局): 1200万元.\n",
      "\n(a) As of 2021-05-31, 夜间经济集聚区建设情况: 已建成3个集聚区.\n",
      "\n(b) As of 2021-05, 集聚区销售额: 东区 1.5亿元, 西区 2.25亿元.\n",
      "\nC. Other indicators\n",
      "\n1. footfall: missing.\n",
      "\n2. footfall (全省): 35万人次.\n",
    ]);
  });

  it("a long monthly series: each total keeps its own parts, wherever in the list they come", () => {
    const months = Array.from({ length: 20 }, (_, k) => `${2020 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);
    const series = [
      ...months.map((m, k) => ({ id: `t${k}`, indicatorId: "sales", quantity: `${k + 1}亿元`, asOf: m, source: { document: "报告" } })),
      { id: "late-east", indicatorId: "sales", quantity: "1亿元", asOf: "2020-03", dimensions: { district: "east" }, source: { document: "报告" } },
      { id: "late-west", indicatorId: "sales", quantity: "2.5亿元", asOf: "2020-03", dimensions: { district: "west" }, source: { document: "报告" } },
      { id: "late-new", indicatorId: "sales", quantity: "9亿元", asOf: "2022-01", dimensions: { district: "east" }, source: { document: "报告" } },
    ];
    const long = renderReport({ ...input, observations: series }, { format: "text" });
    expect(long).toContain("\n(1) 截至2020年1月，集聚区销售额1亿元。\n");
    expect(long).toContain("\n(3) 截至2020年3月，集聚区销售额3亿元，其中东区1亿元、西区2.5亿元（分项之和比合计多0.5亿元，在四舍五入误差以内）。\n");
    expect(long).toContain("\n(20) 截至2021年8月，集聚区销售额20亿元。\n");
    expect(long).toContain("\n(21) 截至2022年1月，集聚区销售额：东区9亿元。\n");
  });

  it("三、组织评估工作过程: the body, the working group, dated steps, replies, units no step names", () => {
    const process = section(zh, "三、组织评估工作过程", "四、");
    expect(process).toContain("\n评估机关：某市司法局。\n");
    expect(process).toContain("\n评估工作组由分管领导1名、科室人员3名组成。\n");
    expect(process).toContain("\n（一）2021年5月，实地调研。\n");
    expect(process).toContain("\n（二）书面征求意见。涉及单位：市商务局（已回复：无意见）、市财政局（未回复）（共2家）。\n");
    expect(process).toContain("\n征求意见单位：市统计局（共1家）。\n");
    const english = section(en, "III. Evaluation process", "IV.");
    expect(english).toContain("\nEvaluated by 某市司法局.\n");
    expect(english).toContain("\nThe working group: 分管领导 (1), 科室人员 (3).\n");
    expect(english).toContain("\nA. 2021-05: Field research.\n");
    expect(english).toContain("\nB. 书面征求意见. Units involved (2): 市商务局 (replied: 无意见), 市财政局 (did not reply).\n");
    expect(english).toContain("\nUnits consulted (1): 市统计局.\n");
  });

  it("三: without any process recorded, says so", () => {
    const bare = evaluate({ corpus: variantDocuments, evaluation: { subject: "s", evaluatedOn: "2021-06-15" } });
    expect(section(renderReport({ ...bare, corpus: variantDocuments }, { format: "text" }), "三、", "四、")).toContain("\n评估记录未载明评估工作过程。\n");
    expect(renderReport(bare, { format: "text", lang: "en" })).toContain("\nThe evaluation record does not describe how the evaluation was done.\n");
    expect(renderReport(bare, { format: "text" })).toContain("\n评估记录未列出措施和数据。\n");
  });

  it("四、评估结论: a parent expired (its validity ended) and one possibly repealed, with the acting document", () => {
    const conclusion = section(zh, "四、评估结论");
    expect(conclusion).toContain("经评估，《某市促进消费实施方案》（某府办〔2020〕3号）宣布失效。");
    expect(conclusion).toContain("\n2、本文件贯彻落实的《某省促进消费工作方案》（某省府办〔2019〕12号）在评估日期（2021年6月15日）失效，有效期已于2021年3月31日届满。\n");
    expect(conclusion).toContain("\n3、本文件依据的《某部委关于促进消费的通知》在评估日期（2021年6月15日）现行有效（无法确定，亦可能为废止），可能已于2021年6月被《某部委关于废止部分文件的决定》废止。\n");
    expect(conclusion).toContain("\n评估小组意见：应予修订。该意见与依评估规则得出的结论不一致，请予复核。");
    const english = section(en, "IV. Conclusion");
    expect(english).toContain("Conclusion: 《某市促进消费实施方案》 (某府办〔2020〕3号) is to be declared expired (宣布失效).");
    expect(english).toContain(
      "\n2. On the evaluation date (2021-06-15), 《某省促进消费工作方案》 (某省府办〔2019〕12号), which the document implements, is expired; its validity ended on 2021-03-31.\n",
    );
    expect(english).toContain(
      "\n3. On the evaluation date (2021-06-15), 《某部委关于促进消费的通知》, on which the document is based, is in force (uncertain; possibly repealed); it was possibly repealed on 2021-06 by 《某部委关于废止部分文件的决定》.\n",
    );
    expect(english).toContain("\nThe evaluators recommend that the document is to be revised (修订). This differs from the conclusion the rules reach: to be reviewed.");
  });

  it("四: facts of custom rules without explanations show their values; the documents they cite are named", () => {
    const rules = {
      id: "custom",
      name: "自定义规则",
      version: "1.0.0",
      inForceFrom: "2021-01-01",
      facts: {
        "custom.flag": { type: "boolean", description: { "zh-CN": "标志", en: "Flag" } },
        "custom.units": { type: "stringList", description: { "zh-CN": "单位", en: "Units" } },
        "custom.rate": { type: "decimal", description: { "zh-CN": "比率", en: "Rate" } },
        "custom.word": { type: "string", description: { "zh-CN": "评语", en: "Word" } },
      },
      rules: [
        {
          id: "keep",
          conclusion: "extend",
          when: {
            all: [
              { fact: "custom.flag", operator: "isTrue" },
              { fact: "custom.units", operator: "contains", value: "市商务局" },
              { fact: "custom.rate", operator: "greaterThan", value: "0.5" },
              { fact: "custom.word", operator: "equal", value: "好" },
            ],
          },
          reason: { "zh-CN": "试行期满仍需实施", en: "Still needed after the trial" },
          basis: [{ document: "国发〔2018〕1号", article: "第五条" }, { document: "某规定" }],
        },
      ],
    };
    const facts = {
      "custom.flag": { value: true, cites: ["国发〔2018〕1号", "某省府办〔2019〕12号"] },
      "custom.units": { value: ["市商务局", "市财政局"] },
      "custom.rate": { value: "0.75" },
      "custom.word": { value: "好", explanation: { "zh-CN": "评价为好", en: "Rated good" } },
    };
    const custom = evaluate({ ...context, evaluation: variantEvaluation, facts: facts as never }, { rules });
    expect(custom.conclusion).toBe("extend");
    const conclusion = section(renderReport({ ...custom, ...context }, { format: "text" }), "四、评估结论");
    expect(conclusion).toContain("经评估，《某市促进消费实施方案》（某府办〔2020〕3号）延期（延长有效期）。");
    expect(conclusion).toContain("\n1、custom.flag：是（《某省促进消费工作方案》（某省府办〔2019〕12号））。\n");
    expect(conclusion).toContain("\n2、custom.units：市商务局、市财政局。\n");
    expect(conclusion).toContain("\n3、custom.rate：0.75。\n");
    expect(conclusion).toContain("\n4、评价为好。\n");
    expect(conclusion).toContain("\n5、依据：《国务院关于促进消费的意见》（国发〔2018〕1号）第五条、某规定。\n");
    const english = section(renderReport({ ...custom, ...context }, { format: "text", lang: "en" }), "IV. Conclusion");
    expect(english).toContain("\n1. custom.flag: yes (《某省促进消费工作方案》 (某省府办〔2019〕12号)).\n");
    expect(english).toContain("\n5. Legal basis: 《国务院关于促进消费的意见》 (国发〔2018〕1号) 第五条, 某规定.\n");
  });
});
