import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { qingyuanMeasures } from "../../src/examples/qingyuan/evaluation.js";
import { qingyuanReportText } from "../../src/examples/qingyuan/report.js";
import {
  QINGYUAN_MEASURE_IDS,
  QINGYUAN_REPORT_DATE,
  qingyuanIndicators,
  qingyuanObservationInputs,
  qingyuanObservations,
  qingyuanObservationsAsOf,
  qingyuanValidationRules,
} from "../../src/examples/qingyuan/indicators.js";
import {
  checkObservations,
  latestAsOf,
  parseObservations,
  partsSumToTotal,
  rollup,
  runValidationRules,
  type Observation,
} from "../../src/indicators/index.js";
import { compareQuantities, formatQuantity, parseQuantity, quantitiesEqual, withMagnitude } from "../../src/quantities/index.js";

/** §二 (实施效果) of the seed report, verbatim (line breaks of the source included). */
const SECTION_2 = `二、实施效果

（一）二手车交易登记方面。

1、取消限制二手车迁入政策，优化二手车自由流通的市场环境。为贯彻落实《广东省促进二手车便利交易实施方案》（粤府办〔2016〕66号），市交警部门严格按照《商务部等11部门办公厅关于促进二手车便利交易 加快活跃二手车市场的通知》（商建字〔2016〕8号）和《广东省商务厅 广东省公安厅 广东省环境保护厅关于做好二手车跨地区转移登记有关工作的通知》（粤商务管字〔2016〕20号）精神，做好二手车转移登记有关工作，对符合国家在用机动车排放和安全标准，在环保定期检验有效期和年检有效期内的二手

车均可办理迁入手续，国家鼓励淘汰和要求淘汰的相关车辆除外。

2、完善二手车交易登记。为进一步规范机动车登记服务站的建设和管理，结合公安交管“放管服”改革要求，市交警部门按照《广东省机动车登记服务站管理办法（2020年修订）》，在具备条件的二手交易市场或二手经销企业设立二手机动车登记服务站，可以协助办理小微型非营运载客汽车交易转移登记业务。截止目前，我市已建立7家二手机动车登记服务站，办理二手车转移登记业务，缩短二手车交易登记时间。

3、密切跟进政策改革，规范二手车交易登记。为贯彻党中央、国务院关于深化“放管服”改革、优化营商环境部署要求，公安部自2021年6月1日起实施“我为群众办实事”公安交管12项便利措施，其中在全国20个城市（我省为深圳市）试点推行小型非营运载客汽车二手车交易登记“跨省通办”，实行车辆交易登记一地办理、档案电子化网上转递，方便群众在车辆转入地直接办理交易登记手续，无需再回迁出地验车、提取纸质档案，更好地促进二手车流通，推进行业健康有序发展。

（二）企业信用建设方面。

1、建立市场主体信用档案。市公共信用信息管理平台根据《清远市公共信用信息资源目录》，依托市政务信息资

源共享平台归集各部门在行政管理过程中产生的公共信用信息，并以统一社会信用代码为标识，整合各市场主体信息，建立市场主体信用档案。截止 2021 年 7 月，市公共信用信息管理平台共归集各类市场主体信用信息 698.14 万条，建立 266067 个市场主体信用档案。

2、公示市场主体信用信息。在“信用清远”网开设信用公示专栏，依法依规将市公共信用信息管理平台归集的市场主体信用信息对外进行公示。同时，“信用清远”网还开设信用信息查询专栏，提供信用信息查询、信用报告下载等服务。

3、建立守信激励和失信惩戒机制。

(1) 制定并提请市政府印发《清远市建立完善守信联合激励失信联合惩戒实施方案》，部署开展全市信用联合奖惩工作。联合有关部门先后签署《清远市关于落实对失信企业实施协同监管和联合惩戒措施的合作备忘录》等 18 个联合奖惩备忘录，指导各领域开展信用联合奖惩工作。

(2) 根据国家有关联合奖惩备忘录，编制市级联合奖惩措施清单，并通过市信用联合奖惩系统将信用信息查询接口及信用联合奖惩措施清单嵌入市政务服务大厅政务办事系统，实现在办理行政服务事项时信用信息查询和信用联合奖惩一步到位。截止 2021 年 6 月，依法依规对 2383 个“红名单”主体及 7990 个“黑名单”主体采取联合奖惩措施。

（三）金融服务方面

1、加大金融服务支持力度。

一方面积极引导辖区金融机构多维度落实国家、省、市促进二手车交易的各项政策，推动清远银行机构推陈出新，采取实惠的金融措施，大力开发特色二手车汽车金融产品，简化业务流程，满足广大市民群众个性化多样化购车资金需求。另一方面引导清远银行机构加强与汽车经销商的对接合作，加大资源投入和产品营销力度，把二手车汽车金融业务下沉到各县（市、区）营业网点。

2、健全融资对接服务体系。

引导辖内银行机构和中小企业积极对接入驻各类融资平台，破解中小企业包括二手车交易金融服务主体在内的融资难融资贵融资慢和信息不对称问题。截至7月末，通过各平台共撮合贷款5011笔326.16亿元。其中，通过省中小企业融资平台放款116笔6.52亿元；通过“粤信融”平台撮合银企融资4895笔319.64亿元。

3、充分发挥财政资金引导和杠杆作用，有效缓解企业融资难融资贵问题。

（1）充分发挥清远市信用担保基金为企业增信为银行分险作用。利用基金项下“助保贷”“特色农业担保基金”“科技联合贷”等产品，引导金融机构加大对我市中小微企业

业的支持力度，优化信贷投向。截至 2021 年 7 月末，共有 192 家企业进入市企业信用担保推荐目录，累计完成担保贷款 232 笔共 9.05 亿元。

（2）大力推动清远市企业信用贷款风险资金池业务发展，拓宽企业融资渠道。截至 7 月末，共有 16 家银行签订合作协议，253 家企业加入清远市企业信用贷款风险资金池企业名单，完成了 51 笔贷款共 19949 万元的备案工作。

（3）加快清远市中小微企业应急转贷（过桥）资金周转，切实降低企业资金成本。截至 7 月末，我市已有 15 家银行签订合作协议，为 46 家企业办理转贷业务 93 笔，转贷金额共计 4.95 亿元。

`;

const SEED_DIR = join(__dirname, "../../../shared/seed");

function observation(id: string): Observation {
  const o = qingyuanObservations.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no observation ${id}`);
  return o;
}

describe("the embedded §二", () => {
  it("is the reference report's own text (qingyuanReportText, and the seed file where it is at hand)", () => {
    expect(qingyuanReportText).toContain(SECTION_2);
    if (existsSync(SEED_DIR)) {
      const file = readdirSync(SEED_DIR).find((f) => f.startsWith("000_"));
      expect(readFileSync(join(SEED_DIR, file as string), "utf8")).toBe(qingyuanReportText);
    }
  });
});

describe("the reference case's indicators and observations", () => {
  it("has 21 indicators, each linked to the measure that lists it, in the three areas, and 25 observations", () => {
    expect(qingyuanIndicators).toHaveLength(21);
    expect(qingyuanObservations).toHaveLength(25);
    const areaOf: Record<string, string> = { 交易登记: "trade-registration", 企业信用建设: "enterprise-credit", 金融服务: "financial-services" };
    for (const indicator of qingyuanIndicators) {
      const measure = qingyuanMeasures.find((m) => m.id === indicator.measureId);
      expect(measure, indicator.id).toBeDefined();
      expect(measure!.indicators, indicator.id).toContain(indicator.id);
      expect(Object.values(QINGYUAN_MEASURE_IDS)).toContain(areaOf[measure!.area]);
    }
    expect(new Set(qingyuanMeasures.flatMap((m) => m.indicators ?? []))).toEqual(new Set(qingyuanIndicators.map((i) => i.id)));
    expect(QINGYUAN_MEASURE_IDS).toEqual({ tradeRegistration: "trade-registration", enterpriseCredit: "enterprise-credit", financialServices: "financial-services" });
  });

  it("quotes each figure exactly from §二, and the quote contains the figure as reported", () => {
    for (const o of qingyuanObservations) {
      const quote = o.source.quote as string;
      expect(SECTION_2, o.id).toContain(quote);
      expect(SECTION_2.indexOf(quote), `${o.id}: quote is unique`).toBe(SECTION_2.lastIndexOf(quote));
      expect(quote.replace(/\s+/g, ""), o.id).toContain(formatQuantity(o.quantity!));
    }
  });

  it("covers every number of §二 except dates, document numbers, titles and list numbering", () => {
    const covered: [number, number][] = qingyuanObservations.map((o) => {
      const start = SECTION_2.indexOf(o.source.quote as string);
      return [start, start + (o.source.quote as string).length];
    });
    const uncovered: string[] = [];
    for (const m of SECTION_2.matchAll(/\d+(?:\.\d+)?/g)) {
      const at = m.index;
      const after = SECTION_2.slice(at + m[0].length, at + m[0].length + 3);
      const before = SECTION_2.slice(Math.max(0, at - 2), at);
      const isDate = /^\s*[年月日]/.test(after);
      const isDocumentNumber = /^〕/.test(after) || /^号/.test(after) || /〔$/.test(before);
      const isListNumber = /^[、)）]/.test(after);
      const inTitle = SECTION_2.lastIndexOf("《", at) > SECTION_2.lastIndexOf("》", at);
      if (isDate || isDocumentNumber || isListNumber || inTitle) continue;
      if (!covered.some(([s, e]) => at >= s && at < e)) uncovered.push(m[0]);
    }
    expect(uncovered).toEqual([]);
  });

  it("gives each observation a unit, magnitude, measure and department", () => {
    const byId = new Map(qingyuanIndicators.map((i) => [i.id, i]));
    for (const o of qingyuanObservations) {
      const indicator = byId.get(o.indicatorId);
      expect(indicator, o.id).toBeDefined();
      expect(o.quantity?.unit, o.id).toBe(indicator?.unit);
      expect(o.quantity?.magnitude, o.id).toBe(indicator?.magnitude);
    }
    expect(observation("registration-service-stations").department).toBe("市交警部门");
    expect(observation("credit-information-records").department).toBe("市公共信用信息管理平台");
    expect(observation("cross-province-pilot-cities")).toMatchObject({ department: "公安部", area: "全国" });
    expect(observation("joint-reward-punishment-memoranda").department).toBe("notStated");
    expect(observation("matched-loans-amount").department).toBe("notStated");
  });

  it("reads the values exactly, in base units", () => {
    expect(
      ["registration-service-stations", "credit-information-records", "credit-files", "matched-loans-amount", "risk-pool-loans-amount", "bridge-loans-amount"].map(
        (id) => observation(id).quantity?.value.toString(),
      ),
    ).toEqual(["7", "6981400", "266067", "32616000000", "199490000", "495000000"]);
  });

  it("dates what the report dates, with parseChineseDate, and keeps 截止目前 and 截至7月末 undated", () => {
    expect(QINGYUAN_REPORT_DATE).toBeUndefined();
    expect(observation("credit-information-records")).toMatchObject({ asOf: "2021-07-31", asOfText: "截止 2021 年 7 月" });
    expect(observation("red-list-subjects")).toMatchObject({ asOf: "2021-06-30", asOfText: "截止 2021 年 6 月" });
    expect(observation("guarantee-loans-amount")).toMatchObject({ asOf: "2021-07-31", asOfText: "截至 2021 年 7 月末" });
    expect(observation("traffic-facilitation-measures").asOf).toBe("2021-06-01");
    expect(observation("registration-service-stations")).toMatchObject({ asOfText: "截止目前" });
    expect(observation("registration-service-stations").asOf).toBeUndefined();
    expect(observation("matched-loans-amount").asOf).toBeUndefined();
    expect(observation("joint-reward-punishment-memoranda").asOfText).toBeUndefined();
  });

  it("dates 截止目前 and 截至7月末 once a report date is given", () => {
    const dated = qingyuanObservationsAsOf("2021-08-20");
    const asOf = (id: string) => dated.find((o) => o.id === id)?.asOf;
    expect([asOf("registration-service-stations"), asOf("matched-loans-amount"), asOf("bridge-loans-amount")]).toEqual([
      "2021-08-20",
      "2021-07-31",
      "2021-07-31",
    ]);
    expect(observation("registration-service-stations").asOf).toBeUndefined();
    const check = checkObservations(dated, { evaluationDate: "2021-08-20", indicators: qingyuanIndicators });
    expect(check.valid).toBe(true);
    expect(check.issues.map((i) => [i.code, (i.params as { observationId: string }).observationId])).toEqual([
      ["undated-observation", "joint-reward-punishment-memoranda"],
    ]);
  });
});

describe("the loan breakdown adds up", () => {
  it("passes both relations: 116 + 4895 = 5011 笔 and 6.52 + 319.64 = 326.16 亿元", () => {
    expect(6.52 + 319.64).toBe(326.15999999999997);
    const results = runValidationRules(qingyuanValidationRules, qingyuanObservations);
    expect(results.map((r) => [r.ruleId, r.status])).toEqual([
      ["matched-loans-count-breakdown", "pass"],
      ["matched-loans-amount-breakdown", "pass"],
    ]);
    expect(results[1]?.left.value?.value.toString()).toBe("32616000000");
    expect(results[1]?.right.operands.map((o) => o.source?.quote)).toEqual([
      "通过省中小企业融资平台放款116笔6.52亿元",
      "通过“粤信融”平台撮合银企融资4895笔319.64亿元",
    ]);
  });

  it("fails the amount check with an imbalance of 0.18亿元 (18000000 元) when 319.64 becomes 319.46", () => {
    const changed = parseObservations(
      qingyuanObservationInputs.map((o) => (o.id === "matched-loans-amount-yuexinrong" ? { ...o, quantity: "319.46亿元" } : o)),
    );
    const [count, amount] = runValidationRules(qingyuanValidationRules, changed);
    expect(count?.status).toBe("pass");
    expect(amount?.status).toBe("fail");
    expect(amount?.errorCode).toBe("breakdown-mismatch");
    expect(amount?.imbalance?.value.toString()).toBe("18000000");
    expect(formatQuantity(amount!.imbalance!)).toBe("0.18亿元");
    expect(amount?.withinRounding).toBe(false);
    // the same through partsSumToTotal
    const byId = (id: string) => changed.find((o) => o.id === id)!;
    const direct = partsSumToTotal(byId("matched-loans-amount"), [byId("matched-loans-amount-sme-platform"), byId("matched-loans-amount-yuexinrong")]);
    expect([direct.status, direct.imbalance?.value.toString()]).toEqual(["fail", "18000000"]);
  });

  it("does not change the exported data", () => {
    const before = JSON.stringify(qingyuanObservations);
    runValidationRules(qingyuanValidationRules, qingyuanObservations);
    rollup(qingyuanObservations, { by: ["indicator", { dimension: "platform" }] });
    expect(JSON.stringify(qingyuanObservations)).toBe(before);
  });
});

describe("the report's other numbers", () => {
  it("19949万元 = 1.9949亿元 exactly", () => {
    const pool = observation("risk-pool-loans-amount").quantity!;
    expect(compareQuantities(pool, parseQuantity("1.9949亿元"))).toBe(0);
    expect(quantitiesEqual(pool, parseQuantity("1.9949亿元"))).toBe(true);
    expect(formatQuantity(withMagnitude(pool, 8))).toBe("1.9949亿元");
    expect(formatQuantity(pool, { magnitude: "auto" })).toBe("1.9949亿元");
  });

  it("rolls the financial figures up by measure indicator and platform", () => {
    const amounts = qingyuanObservations.filter((o) => o.indicatorId === "matched-loans-amount");
    const groups = rollup(amounts, { by: { dimension: "platform" } });
    expect(groups.map((g) => [g.key.dimensions?.["platform"], formatQuantity(g.quantity)])).toEqual([
      ["notStated", "326.16亿元"],
      ["provincial-sme-platform", "6.52亿元"],
      ["yuexinrong", "319.64亿元"],
    ]);
  });

  it("keeps the stock values standing at the report date", () => {
    const at = latestAsOf(qingyuanObservationsAsOf("2021-08-20"), "2021-08-20", { indicators: qingyuanIndicators });
    expect(at.observations).toHaveLength(24);
    expect(at.undated.map((o) => o.id)).toEqual(["joint-reward-punishment-memoranda"]);
  });
});
