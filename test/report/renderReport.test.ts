import { describe, expect, it } from "vitest";
import { evaluate, formatQuantity, renderReport, safeRenderReport, type EvaluationInput, type ReportInput } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanMeasures, qingyuanObservations } from "../../src/examples/index.js";
import { errorOf } from "../thrown.js";
import { expectLines, qingyuanContext, qingyuanReportInput, section, with66Changed } from "./fixtures.js";

const input = qingyuanReportInput();
const text = renderReport(input, { format: "text" });
const markdown = renderReport(input, { format: "markdown" });

const SECTIONS = ["一、政策背景", "二、实施效果", "三、组织评估工作过程", "四、评估结论"];

function inOrder(report: string, parts: readonly string[]): number[] {
  let from = 0;
  return parts.map((part) => {
    const at = report.indexOf(part, from);
    expect(at, `${part} after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
    return at;
  });
}

describe("renderReport — the reference report (清府办〔2017〕59号)", () => {
  it("has the title and the four sections, in order", () => {
    expect(text.split("\n")[0]).toBe("《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》实施情况和效果评估报告");
    inOrder(text, SECTIONS);
    inOrder(markdown, SECTIONS.map((s) => `\n## ${s}\n`));
  });

  it("一、政策背景: the subject and its parents as 《title》（number）, the issue date as recorded (2017年9月)", () => {
    const background = section(text, "一、政策背景", "二、实施效果");
    expect(background).toContain(
      "《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》（清府办〔2017〕59号）于2017年9月印发，贯彻落实《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》（粤府办〔2016〕66号）和《国务院办公厅关于促进二手车便利交易的若干意见》（国办发〔2016〕13号）。",
    );
    expect(background).toContain("《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》（粤府办〔2016〕66号）贯彻落实《国务院办公厅关于促进二手车便利交易的若干意见》（国办发〔2016〕13号）。");
    expect(background).toContain("在评估日期（2021年），上述文件均现行有效。");
    // No date was recorded for the parents: none is printed.
    expect(background).not.toContain("2016年");
  });

  it("draws the hierarchy: an indented tree in text, a Mermaid block in Markdown", () => {
    const background = section(text, "一、政策背景", "二、实施效果");
    expect(background).toContain(
      [
        "文件层级（各文件在评估日期2021年的时效性）",
        "  清府办〔2017〕59号《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》【现行有效】",
        "  ├─ 贯彻落实 粤府办〔2016〕66号《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》【现行有效】",
        "  │  └─ 贯彻落实 国办发〔2016〕13号《国务院办公厅关于促进二手车便利交易的若干意见》【现行有效】",
        "  └─ 贯彻落实 国办发〔2016〕13号《国务院办公厅关于促进二手车便利交易的若干意见》【现行有效】（见上）",
      ].join("\n"),
    );
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(mermaid?.split("\n")).toEqual([
      "flowchart BT",
      '  d0["清府办〔2017〕59号<br/>《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》<br/>现行有效"]',
      '  d1["粤府办〔2016〕66号<br/>《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》<br/>现行有效"]',
      '  d2["国办发〔2016〕13号<br/>《国务院办公厅关于促进二手车便利交易的若干意见》<br/>现行有效"]',
      "  d0 -->|贯彻落实| d1",
      "  d0 -->|贯彻落实| d2",
      "  d1 -->|贯彻落实| d2",
      "  classDef subject stroke-width:3px",
      "  class d0 subject",
    ]);
  });

  it("二、实施效果: every measure area and measure of the example data, in order, numbered （一） and 1、", () => {
    const effects = section(text, "二、实施效果", "三、组织评估工作过程");
    const areas = [...new Set(qingyuanMeasures.map((m) => m.area))];
    expect(areas).toEqual(["交易登记", "企业信用建设", "金融服务"]);
    inOrder(effects, ["\n（一）交易登记方面\n", "\n（二）企业信用建设方面\n", "\n（三）金融服务方面\n"]);
    const expected = areas.flatMap((area) => qingyuanMeasures.filter((m) => m.area === area).map((m, k) => `\n${k + 1}、${m.description}。`));
    expect(expected).toHaveLength(9);
    inOrder(effects, expected);
  });

  it("shows every observation as reported, with its as-of date", () => {
    const effects = section(text, "二、实施效果", "三、组织评估工作过程");
    for (const o of qingyuanObservations) expect(effects).toContain(formatQuantity(o.quantity!));
    expectLines(effects, [
      "(1) 截至目前，二手机动车登记服务站7家（市交警部门）。",
      "(1) 自2021年6月1日起，公安交管便利措施12项（全国，公安部）。",
      "(2) 自2021年6月1日起，二手车交易登记“跨省通办”试点城市20个（全国，公安部）。",
      "(1) 截至2021年7月，归集市场主体信用信息698.14万条（市公共信用信息管理平台）。",
      "(2) 截至2021年7月，市场主体信用档案266067个（市公共信用信息管理平台）。",
      "(1) 联合奖惩备忘录18个。",
      "(2) 截至2021年6月，“红名单”主体（联合激励）2383个。",
      "(3) 截至2021年6月，“黑名单”主体（联合惩戒）7990个。",
      "(1) 截至2021年7月末，进入市企业信用担保推荐目录的企业192家。",
      "(3) 截至2021年7月末，信用担保基金担保贷款金额（累计）9.05亿元。",
      "(7) 截至7月末，风险资金池备案贷款金额19949万元。",
      "(11) 截至7月末，转贷金额4.95亿元。",
    ].map((line) => `\n${line}\n`));
  });

  it("shows both loan breakdowns with their parts (其中…)", () => {
    expect(text).toContain("\n(1) 截至7月末，各平台撮合贷款笔数5011笔，其中省中小企业融资平台116笔、粤信融4895笔。\n");
    expect(text).toContain("\n(2) 截至7月末，各平台撮合贷款金额326.16亿元，其中省中小企业融资平台6.52亿元、粤信融319.64亿元。\n");
  });

  it("三、组织评估工作过程: the process steps and the 10 consulted units", () => {
    const process = section(text, "三、组织评估工作过程", "四、评估结论");
    inOrder(process, ["\n（一）我局成立了《实施方案》评估工作组", "\n（二）印发《关于协助开展〈清远市促进二手车便利交易实施方案〉实施情况评估的通知》", "\n（三）评估小组依据相关法律、法规等规定"]);
    expect(process).toContain(
      "涉及单位：市公安局、市生态环境局、市交通运输局、市税务局、市市场监督管理局、市发展和改革委员会、市工业和信息化局、市财政局、市金融工作局、中国银监会清远监管分局（共10家）。",
    );
    expect(process).toContain("评估机关：我局。");
  });

  it("四、评估结论: 继续沿用, citing 国办发〔2016〕13号 and 粤府办〔2016〕66号 with their status on the evaluation date", () => {
    const conclusion = section(text, "四、评估结论");
    expect(conclusion).toContain("经评估，《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》（清府办〔2017〕59号）继续沿用。");
    expect(conclusion).toContain("（一）上位文件仍在实施期且未进行修订，不存在与现行法律、法规及上级政策文件冲突的内容，实施效果达到预期目的，按照与上位法律法规同步实施的原则，继续沿用。");
    expect(conclusion).toContain(
      "本文件贯彻落实的《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》（粤府办〔2016〕66号）在评估日期（2021年）现行有效，仍在实施期且未进行修订。",
    );
    expect(conclusion).toContain("本文件贯彻落实的《国务院办公厅关于促进二手车便利交易的若干意见》（国办发〔2016〕13号）在评估日期（2021年）现行有效，仍在实施期且未进行修订。");
    expect(conclusion).toContain("依据：粤府令第277号第三十四条、第三十六条。");
    expect(conclusion).toContain("评估小组意见：继续有效（“故《实施方案》按照与上位法律法规同步实施的原则，继续沿用”）。");
    expect(conclusion).not.toContain("请予复核");
  });
});

describe("renderReport — the conclusion follows the data", () => {
  it("粤府办〔2016〕66号 amended: 应予修订, naming the amending document and its date", () => {
    const conclusion = section(renderReport(qingyuanReportInput(with66Changed("amends")), { format: "text" }), "四、评估结论");
    expect(conclusion).toContain("（清府办〔2017〕59号）应予修订。");
    expect(conclusion).toContain(
      "本文件贯彻落实的《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》（粤府办〔2016〕66号）在评估日期（2021年）现行有效，于2020年3月15日被《广东省人民政府办公厅关于调整促进二手车便利交易实施方案的通知》（粤府办〔2020〕9号）修改。",
    );
    expect(conclusion).toContain("评估小组意见：继续有效（“故《实施方案》按照与上位法律法规同步实施的原则，继续沿用”）。该意见与依评估规则得出的结论不一致，请予复核。");
    expect(conclusion).not.toContain("继续沿用。\n");
  });

  it("粤府办〔2016〕66号 repealed: 宣布失效, the parent 废止 by the repealing document", () => {
    const conclusion = section(renderReport(qingyuanReportInput(with66Changed("repeals")), { format: "text" }), "四、评估结论");
    expect(conclusion).toContain("（清府办〔2017〕59号）宣布失效。");
    expect(conclusion).toContain("（粤府办〔2016〕66号）在评估日期（2021年）废止，于2020年3月15日被《广东省人民政府办公厅关于调整促进二手车便利交易实施方案的通知》（粤府办〔2020〕9号）废止。");
    expect(conclusion).toContain("依据：粤府令第277号第三十六条、国发〔2015〕68号");
  });

  it("粤府办〔2016〕66号 replaced: 应予修订, the parent 替代 by its successor", () => {
    const report = renderReport(qingyuanReportInput(with66Changed("replaces")), { format: "text" });
    const conclusion = section(report, "四、评估结论");
    expect(conclusion).toContain("（清府办〔2017〕59号）应予修订。");
    expect(conclusion).toContain("（粤府办〔2016〕66号）在评估日期（2021年）废止，于2020年3月15日被《广东省人民政府办公厅关于调整促进二手车便利交易实施方案的通知》（粤府办〔2020〕9号）替代。");
    // The hierarchy shows the parent's status too.
    expect(section(report, "一、政策背景", "二、实施效果")).toContain("├─ 贯彻落实 粤府办〔2016〕66号《广东省人民政府办公厅关于印发促进二手车便利交易实施方案的通知》【废止】");
  });

  it("undetermined: says what is missing", () => {
    const { findings: _none, ...open } = qingyuanEvaluation as EvaluationInput & { findings?: unknown };
    const result = evaluate({ ...qingyuanContext, evaluation: open });
    expect(result.conclusion).toBe("undetermined");
    const conclusion = section(renderReport({ ...result, ...qingyuanContext }, { format: "text" }), "四、评估结论");
    expect(conclusion).toContain("）暂不能作出评估结论。");
    expect(conclusion).toContain("（一）尚缺以下事实，无法作出结论：");
    expect(conclusion).toContain("评估报告对实施效果（实效性）的评价；notStated 表示评估发现中未作评价或无法判断（effects.stated）。");
    const en = section(renderReport({ ...result, ...qingyuanContext }, { format: "text", lang: "en" }), "IV. Conclusion");
    expect(en).toContain("cannot be concluded on yet.");
    expect(en).toContain("A. These facts are missing:");
  });

  it("a conflict between rules: both conclusions, each with its reason", () => {
    const rules = {
      id: "conflicting",
      name: "两条同级规则",
      version: "1.0.0",
      inForceFrom: "2021-01-01",
      rules: [
        { id: "keep", conclusion: "continue", when: { fact: "conflicts.found", operator: "isFalse" }, reason: { "zh-CN": "无冲突", en: "No conflict" }, basis: [{ document: "粤府令第277号", article: "第三十四条" }] },
        { id: "drop", conclusion: "repeal", when: { fact: "conflicts.found", operator: "isFalse" }, reason: { "zh-CN": "试行期满", en: "Trial over" }, basis: [{ document: "粤府令第277号" }] },
      ],
    };
    const result = evaluate({ ...qingyuanContext, evaluation: qingyuanEvaluation }, { rules });
    expect(result.conclusion).toBe("conflict");
    const conclusion = section(renderReport({ ...result, ...qingyuanContext }, { format: "text" }), "四、评估结论");
    expect(conclusion).toContain("依评估规则得出相互冲突的结论，需研究确定（keep、drop）。");
    expect(conclusion).toContain("（一）继续有效：无冲突。");
    expect(conclusion).toContain("（二）应予废止：试行期满。");
    expect(conclusion).toContain("依据：粤府令第277号。");
  });
});

describe("renderReport — inputs", () => {
  it("renders evaluate()'s result alone (no catalogue): the subject by its id, the conclusion and its citations", () => {
    const result = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
    const report = renderReport(result, { format: "text" });
    expect(report.split("\n")[0]).toBe("qfb-2017-59实施情况和效果评估报告");
    expect(report).toContain("被评估文件：qfb-2017-59（未提供文件目录，文件标题、上位文件及其时效性从略）。");
    expect(report).toContain("经评估，qfb-2017-59继续沿用。");
    expect(report).toContain("粤府办〔2016〕66号、国办发〔2016〕13号仍在实施期（截至 2021）（粤府办〔2016〕66号、国办发〔2016〕13号）。");
    // The record's measures are shown without figures.
    expect(report).toContain("\n1、取消限制二手车迁入政策，优化二手车自由流通的市场环境。牵头单位：市交警部门。实施状态：已完成。\n");
  });

  it("accepts a result read back from JSON, and indicator and observation inputs", () => {
    const json = JSON.parse(JSON.stringify(evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation }))) as ReportInput;
    const observations = [{ id: "x", indicatorId: "matched-loans-amount", quantity: "326.16亿元", asOfText: "截至7月末", source: { document: "报告" } }];
    const report = renderReport({ ...json, corpus: qingyuanDocuments, observations }, { format: "text" });
    expect(report).toContain("截至7月末，matched-loans-amount326.16亿元。");
    expect(report).toContain("继续沿用。");
  });

  it("says when parts do not add up to their total, by how much, exactly", () => {
    const changed = qingyuanObservations.filter((o) => o.id !== "matched-loans-amount-yuexinrong");
    const typo = { id: "typo", indicatorId: "matched-loans-amount", quantity: "319.46亿元", asOfText: "截至7月末", area: "清远市", dimensions: { platform: "yuexinrong" }, source: { document: "报告" } };
    const report = renderReport({ ...input, observations: [...changed, typo] }, { format: "text" });
    expect(report).toContain("各平台撮合贷款金额326.16亿元，其中省中小企业融资平台6.52亿元、粤信融319.46亿元（分项之和比合计少0.18亿元）。");
    const en = renderReport({ ...input, observations: [...changed, typo] }, { format: "text", lang: "en" });
    expect(en).toContain("326.16亿元, of which 省中小企业融资平台 6.52亿元, 粤信融 319.46亿元 (the parts fall short of the total by 0.18亿元).");
  });

  it("does not change its input", () => {
    const copy = JSON.stringify(input);
    renderReport(input, { format: "html" });
    expect(JSON.stringify(input)).toBe(copy);
  });

  it("is deterministic", () => {
    expect(renderReport(input, { format: "markdown" })).toBe(markdown);
  });

  it("refuses bad options, every problem at once; unknown keys named", () => {
    const error = errorOf(() => renderReport(input, { format: "pdf", lang: "fr", hierarchyDepth: 0, colour: true } as never));
    expect(error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unknown-option", "options.colour"],
      ["invalid-option", "options.format"],
      ["invalid-option", "options.lang"],
      ["invalid-option", "options.hierarchyDepth"],
    ]);
    expect(errorOf(() => renderReport(input, undefined as never)).issues[0]?.code).toBe("invalid-type");
    expect(errorOf(() => renderReport(input, { format: "text", [Symbol("s")]: 1 } as never)).issues[0]?.path).toEqual(["options", "(symbol)"]);
    // Problems of the input and of the options come together.
    expect(errorOf(() => renderReport({ conclusion: "maybe" } as never, { format: "x" } as never)).issues.map((i) => i.path.join("."))).toEqual([
      "conclusion",
      "evaluation",
      "options.format",
    ]);
  });

  it("refuses a wrong-typed input with a PolicyEvalError, never a TypeError; safeRenderReport never throws", () => {
    const cyclic: Record<string, unknown> = { conclusion: "continue" };
    cyclic["self"] = cyclic;
    cyclic["evaluation"] = cyclic;
    const sparse = [1, , 3];
    const nullProto = Object.assign(Object.create(null) as object, { conclusion: "continue", evaluation: null });
    const hostile: unknown[] = [null, undefined, 42, "text", 10n, Symbol("s"), [], sparse, cyclic, nullProto, { ...input, reasons: sparse }, { ...input, corpus: 5 }, { ...input, observations: {} }, { ...input, observations: [null] }, { ...input, indicators: [10n] }, { ...input, indicators: [{ ...qingyuanContext.indicators[9]!, dimensions: [{ id: "platform", options: [{ id: "x" }] }] }] }];
    for (const value of hostile) {
      const result = safeRenderReport(value as ReportInput, { format: "text" });
      expect(result.success, String(typeof value)).toBe(false);
      if (!result.success) expect(result.error.issues.length).toBeGreaterThanOrEqual(1);
    }
    const throwing = new Proxy(input, {
      get(target, key, receiver) {
        if (key === "evaluation") throw new TypeError("boom");
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const result = safeRenderReport(throwing, { format: "text" });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.code)).toEqual(["unreadable-input"]);
  });

  it("reports problems of every part with its path: the record, the catalogue, observations, a subject not in the catalogue", () => {
    const error = errorOf(() =>
      renderReport(
        {
          ...input,
          subject: "other",
          evaluation: { ...input.evaluation, subject: "missing" },
          corpus: [...qingyuanDocuments, { id: "bad" }],
          observations: [...qingyuanObservations, qingyuanObservations[0]!, { id: "o", indicatorId: "i", quantity: "许多亿元", source: { document: "d" } }],
        } as ReportInput,
        { format: "text" },
      ),
    );
    const at = error.issues.map((i) => `${i.code} ${i.path.join(".")}`);
    expect(at).toContain("missing-field corpus.6.title");
    expect(at).toContain("duplicate-id observations.25.id");
    expect(at).toContain("missing-number observations.26.quantity");
    expect(at).toContain("conflicting-value subject");
    const unknown = errorOf(() => renderReport({ ...input, subject: "missing", evaluation: { ...input.evaluation, subject: "missing" } } as ReportInput, { format: "text" }));
    expect(unknown.issues.map((i) => `${i.code} ${i.path.join(".")}`)).toEqual(["unknown-document evaluation.subject"]);
    expect(unknown.issues[0]!.messages["zh-CN"]).toBe("目录中没有被评估文件 missing");
  });

  it("keeps messages short: at most 40 characters of user text", () => {
    const long = "长".repeat(10_000);
    const error = errorOf(() => renderReport({ ...input, evaluation: { ...input.evaluation, subject: long } } as ReportInput, { format: "text" }));
    for (const issue of error.issues) expect(issue.messages["zh-CN"].length).toBeLessThan(120);
    const option = errorOf(() => renderReport(input, { format: "text", [long]: 1 } as never));
    expect(option.issues[0]!.messages.en.length).toBeLessThan(80);
  });
});
