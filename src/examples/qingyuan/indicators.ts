/**
 * The reference case's numbers as data: every figure in §二 (实施效果) of the
 * evaluation report of 清府办〔2017〕59号, with its unit, magnitude, as-of date,
 * department, measure and the exact sentence it is quoted from.
 *
 * Dates. The report is undated. Where its own words fix the date
 * (`截止 2021 年 7 月` → 2021-07-31, `截止 2021 年 6 月` → 2021-06-30,
 * `截至 2021 年 7 月末` → 2021-07-31, `自2021年6月1日起` → 2021-06-01) the
 * observation has `asOf`, read with `parseChineseDate`. Where they need the
 * report date (`截止目前`; `截至7月末`, a month without a year) the observation
 * keeps the expression in `asOfText` and has no `asOf`: a partial date such
 * as '2021-08' cannot stand for "today", and guessing the year would be a
 * guess. {@link QINGYUAN_REPORT_DATE} is `undefined` until the date is known;
 * {@link qingyuanObservationsAsOf} dates them for a given report date.
 *
 * Departments. The report names who did the work for the registration
 * stations (市交警部门), the credit platform (市公共信用信息管理平台) and the
 * national pilot (公安部); elsewhere it does not say, and the department is
 * `NOT_STATED`.
 *
 * Not included: the numbers inside document titles and numbers (商建字〔2016〕8号,
 * 《商务部等11部门办公厅…》, （2020年修订）) and the list numbering (1、(1)).
 *
 * @module
 */
import { parseChineseDate } from "../../dates/parseChineseDate.js";
import type { CalendarDate } from "../../dates/partialDate.js";
import { resolveObservationDates } from "../../indicators/checks.js";
import {
  parseIndicators,
  parseObservations,
  type Indicator,
  type IndicatorInput,
  type Observation,
  type ObservationInput,
} from "../../indicators/schemas.js";
import { parseValidationRules, type ValidationRule } from "../../indicators/validation.js";
import { qingyuanMeasures } from "./evaluation.js";
import { QINGYUAN_REPORT_TITLE } from "./report.js";

/**
 * The three measure areas of the plan: 交易登记, 企业信用建设, 金融服务.
 *
 * @example
 * ```ts
 * import { QINGYUAN_MEASURE_IDS } from "policy-eval/examples";
 * QINGYUAN_MEASURE_IDS.financialServices; //=> "financial-services"
 * ```
 */
export const QINGYUAN_MEASURE_IDS = Object.freeze({
  /** 二手车交易登记 */
  tradeRegistration: "trade-registration",
  /** 企业信用建设 */
  enterpriseCredit: "enterprise-credit",
  /** 金融服务 */
  financialServices: "financial-services",
} as const);

/**
 * 报告日期 — the date of the evaluation report. The report does not state it,
 * so it is `undefined`: 截止目前 and 截至7月末 stay undated in
 * {@link qingyuanObservations}. Set it (a full date) when it is known.
 *
 * @example
 * ```ts
 * import { QINGYUAN_REPORT_DATE } from "policy-eval/examples";
 * QINGYUAN_REPORT_DATE; //=> undefined
 * ```
 */
export const QINGYUAN_REPORT_DATE: CalendarDate | undefined = undefined;

const { tradeRegistration, enterpriseCredit, financialServices } = QINGYUAN_MEASURE_IDS;

/** A stock or running total "as of" a date, summed over areas. */
const stock = { measureType: "unit", timeAggregation: "last", areaAggregation: "sum" } as const;

const PLATFORM = {
  id: "platform",
  name: "融资平台",
  options: [
    { id: "provincial-sme-platform", name: "省中小企业融资平台" },
    { id: "yuexinrong", name: "粤信融" },
  ],
};

const indicatorInputs: IndicatorInput[] = [
  // （一）二手车交易登记
  { id: "registration-service-stations", name: "二手机动车登记服务站", nameEn: "Used-vehicle registration service stations", measureId: tradeRegistration, unit: "家", ...stock },
  { id: "traffic-facilitation-measures", name: "公安交管便利措施", nameEn: "Traffic-police facilitation measures (national)", measureId: tradeRegistration, unit: "项", ...stock },
  { id: "cross-province-pilot-cities", name: "二手车交易登记“跨省通办”试点城市", nameEn: "Pilot cities for cross-province registration (national)", measureId: tradeRegistration, unit: "个", ...stock },
  // （二）企业信用建设
  { id: "credit-information-records", name: "归集市场主体信用信息", nameEn: "Credit records collected", measureId: enterpriseCredit, unit: "条", magnitude: 4, ...stock },
  { id: "credit-files", name: "市场主体信用档案", nameEn: "Credit files of market entities", measureId: enterpriseCredit, unit: "个", ...stock },
  { id: "joint-reward-punishment-memoranda", name: "联合奖惩备忘录", nameEn: "Joint reward and punishment memoranda", measureId: enterpriseCredit, unit: "个", ...stock },
  { id: "red-list-subjects", name: "“红名单”主体（联合激励）", nameEn: "Red-list subjects given joint rewards", measureId: enterpriseCredit, unit: "个", ...stock },
  { id: "black-list-subjects", name: "“黑名单”主体（联合惩戒）", nameEn: "Black-list subjects given joint punishment", measureId: enterpriseCredit, unit: "个", ...stock },
  // （三）金融服务
  { id: "matched-loans-count", name: "各平台撮合贷款笔数", nameEn: "Loans matched through the platforms (number)", measureId: financialServices, unit: "笔", dimensions: [PLATFORM], ...stock },
  { id: "matched-loans-amount", name: "各平台撮合贷款金额", nameEn: "Loans matched through the platforms (amount)", measureId: financialServices, unit: "元", magnitude: 8, dimensions: [PLATFORM], ...stock },
  { id: "guarantee-directory-enterprises", name: "进入市企业信用担保推荐目录的企业", nameEn: "Enterprises in the credit-guarantee directory", measureId: financialServices, unit: "家", ...stock },
  { id: "guarantee-loans-count", name: "信用担保基金担保贷款笔数（累计）", nameEn: "Guaranteed loans, cumulative (number)", measureId: financialServices, unit: "笔", ...stock },
  { id: "guarantee-loans-amount", name: "信用担保基金担保贷款金额（累计）", nameEn: "Guaranteed loans, cumulative (amount)", measureId: financialServices, unit: "元", magnitude: 8, ...stock },
  { id: "risk-pool-partner-banks", name: "签订风险资金池合作协议的银行", nameEn: "Banks in the loan risk pool", measureId: financialServices, unit: "家", ...stock },
  { id: "risk-pool-enterprises", name: "加入风险资金池企业名单的企业", nameEn: "Enterprises in the loan risk pool", measureId: financialServices, unit: "家", ...stock },
  { id: "risk-pool-loans-count", name: "风险资金池备案贷款笔数", nameEn: "Loans filed with the risk pool (number)", measureId: financialServices, unit: "笔", ...stock },
  { id: "risk-pool-loans-amount", name: "风险资金池备案贷款金额", nameEn: "Loans filed with the risk pool (amount)", measureId: financialServices, unit: "元", magnitude: 4, ...stock },
  { id: "bridge-loan-partner-banks", name: "签订应急转贷合作协议的银行", nameEn: "Banks in the bridge-loan scheme", measureId: financialServices, unit: "家", ...stock },
  { id: "bridge-loan-enterprises", name: "办理转贷业务的企业", nameEn: "Enterprises given bridge loans", measureId: financialServices, unit: "家", ...stock },
  { id: "bridge-loans-count", name: "转贷业务笔数", nameEn: "Bridge loans (number)", measureId: financialServices, unit: "笔", ...stock },
  { id: "bridge-loans-amount", name: "转贷金额", nameEn: "Bridge loans (amount)", measureId: financialServices, unit: "元", magnitude: 8, ...stock },
];

/** The measure (措施) of `qingyuanMeasures` that lists each indicator; an indicator no measure lists stays with its area. */
const MEASURE_OF_INDICATOR = new Map(qingyuanMeasures.flatMap((m) => (m.indicators ?? []).map((i) => [i, m.id] as const)));

/**
 * The indicators of §二, one per figure the report gives (21), each linked to
 * the measure (措施) it measures.
 *
 * @example
 * ```ts
 * import { qingyuanIndicators } from "policy-eval/examples";
 * qingyuanIndicators.find((i) => i.id === "matched-loans-amount")?.magnitude; //=> 8
 * qingyuanIndicators.find((i) => i.id === "matched-loans-amount")?.measureId; //=> "financing-platforms"
 * ```
 */
export const qingyuanIndicators: readonly Indicator[] = parseIndicators(
  indicatorInputs.map((i) => ({ ...i, measureId: MEASURE_OF_INDICATOR.get(i.id) ?? i.measureId })),
);

const source = (quote: string, locator: string): ObservationInput["source"] => ({ document: QINGYUAN_REPORT_TITLE, quote, locator });
const QINGYUAN = "清远市";
const date = (expression: string): CalendarDate => parseChineseDate(expression) as CalendarDate;

// the report's own date expressions
const NOW = "截止目前";
const JULY_2021 = "截止 2021 年 7 月";
const JUNE_2021 = "截止 2021 年 6 月";
const END_OF_JULY_2021 = "截至 2021 年 7 月末";
const END_OF_JULY_NO_YEAR = "截至7月末";
const END_OF_JULY_NO_YEAR_SPACED = "截至 7 月末";
const FROM_JUNE_2021 = "2021年6月1日";

const Q_STATIONS = "截止目前，我市已建立7家二手机动车登记服务站";
const Q_MEASURES = "公安部自2021年6月1日起实施“我为群众办实事”公安交管12项便利措施";
const Q_PILOT = "其中在全国20个城市（我省为深圳市）试点推行小型非营运载客汽车二手车交易登记“跨省通办”";
const Q_RECORDS = "截止 2021 年 7 月，市公共信用信息管理平台共归集各类市场主体信用信息 698.14 万条";
const Q_FILES = "建立 266067 个市场主体信用档案";
const Q_MEMORANDA = "等 18 个联合奖惩备忘录";
const Q_RED = "截止 2021 年 6 月，依法依规对 2383 个“红名单”主体";
const Q_BLACK = "及 7990 个“黑名单”主体采取联合奖惩措施";
const Q_LOANS = "截至7月末，通过各平台共撮合贷款5011笔326.16亿元";
const Q_SME = "通过省中小企业融资平台放款116笔6.52亿元";
const Q_YXR = "通过“粤信融”平台撮合银企融资4895笔319.64亿元";
const Q_DIRECTORY = "截至 2021 年 7 月末，共有 192 家企业进入市企业信用担保推荐目录";
const Q_GUARANTEED = "累计完成担保贷款 232 笔共 9.05 亿元";
const Q_POOL_BANKS = "截至 7 月末，共有 16 家银行签订合作协议";
const Q_POOL_FIRMS = "253 家企业加入清远市企业信用贷款风险资金池企业名单";
const Q_POOL_LOANS = "完成了 51 笔贷款共 19949 万元的备案工作";
const Q_BRIDGE_BANKS = "截至 7 月末，我市已有 15 家银行签订合作协议";
const Q_BRIDGE_LOANS = "为 46 家企业办理转贷业务 93 笔";
const Q_BRIDGE_AMOUNT = "转贷金额共计 4.95 亿元";

const platform = (id: string): Record<string, string> => ({ platform: id });

const observationInputs: ObservationInput[] = [
  // （一）2 — 市交警部门
  { id: "registration-service-stations", indicatorId: "registration-service-stations", quantity: "7家", asOfText: NOW, area: QINGYUAN, department: "市交警部门", source: source(Q_STATIONS, "二（一）2") },
  // （一）3 — 公安部, national
  { id: "traffic-facilitation-measures", indicatorId: "traffic-facilitation-measures", quantity: "12项", asOf: date(FROM_JUNE_2021), asOfText: "自2021年6月1日起", area: "全国", department: "公安部", source: source(Q_MEASURES, "二（一）3") },
  { id: "cross-province-pilot-cities", indicatorId: "cross-province-pilot-cities", quantity: "20个", asOf: date(FROM_JUNE_2021), asOfText: "自2021年6月1日起", area: "全国", department: "公安部", source: source(Q_PILOT, "二（一）3") },
  // （二）1 — 市公共信用信息管理平台
  { id: "credit-information-records", indicatorId: "credit-information-records", quantity: "698.14 万条", asOf: date(JULY_2021), asOfText: JULY_2021, area: QINGYUAN, department: "市公共信用信息管理平台", source: source(Q_RECORDS, "二（二）1") },
  { id: "credit-files", indicatorId: "credit-files", quantity: "266067 个", asOf: date(JULY_2021), asOfText: JULY_2021, area: QINGYUAN, department: "市公共信用信息管理平台", source: source(Q_FILES, "二（二）1") },
  // （二）3 — who signed and acted is not stated
  { id: "joint-reward-punishment-memoranda", indicatorId: "joint-reward-punishment-memoranda", quantity: "18 个", area: QINGYUAN, source: source(Q_MEMORANDA, "二（二）3（1）") },
  { id: "red-list-subjects", indicatorId: "red-list-subjects", quantity: "2383 个", asOf: date(JUNE_2021), asOfText: JUNE_2021, area: QINGYUAN, source: source(Q_RED, "二（二）3（2）") },
  { id: "black-list-subjects", indicatorId: "black-list-subjects", quantity: "7990 个", asOf: date(JUNE_2021), asOfText: JUNE_2021, area: QINGYUAN, source: source(Q_BLACK, "二（二）3（2）") },
  // （三）2 — the total and its two platforms
  { id: "matched-loans-count", indicatorId: "matched-loans-count", quantity: "5011笔", asOfText: END_OF_JULY_NO_YEAR, area: QINGYUAN, source: source(Q_LOANS, "二（三）2") },
  { id: "matched-loans-amount", indicatorId: "matched-loans-amount", quantity: "326.16亿元", asOfText: END_OF_JULY_NO_YEAR, area: QINGYUAN, source: source(Q_LOANS, "二（三）2") },
  { id: "matched-loans-count-sme-platform", indicatorId: "matched-loans-count", quantity: "116笔", asOfText: END_OF_JULY_NO_YEAR, area: QINGYUAN, dimensions: platform("provincial-sme-platform"), source: source(Q_SME, "二（三）2") },
  { id: "matched-loans-amount-sme-platform", indicatorId: "matched-loans-amount", quantity: "6.52亿元", asOfText: END_OF_JULY_NO_YEAR, area: QINGYUAN, dimensions: platform("provincial-sme-platform"), source: source(Q_SME, "二（三）2") },
  { id: "matched-loans-count-yuexinrong", indicatorId: "matched-loans-count", quantity: "4895笔", asOfText: END_OF_JULY_NO_YEAR, area: QINGYUAN, dimensions: platform("yuexinrong"), source: source(Q_YXR, "二（三）2") },
  { id: "matched-loans-amount-yuexinrong", indicatorId: "matched-loans-amount", quantity: "319.64亿元", asOfText: END_OF_JULY_NO_YEAR, area: QINGYUAN, dimensions: platform("yuexinrong"), source: source(Q_YXR, "二（三）2") },
  // （三）3（1） 信用担保基金
  { id: "guarantee-directory-enterprises", indicatorId: "guarantee-directory-enterprises", quantity: "192 家", asOf: date(END_OF_JULY_2021), asOfText: END_OF_JULY_2021, area: QINGYUAN, source: source(Q_DIRECTORY, "二（三）3（1）") },
  { id: "guarantee-loans-count", indicatorId: "guarantee-loans-count", quantity: "232 笔", asOf: date(END_OF_JULY_2021), asOfText: END_OF_JULY_2021, area: QINGYUAN, source: source(Q_GUARANTEED, "二（三）3（1）") },
  { id: "guarantee-loans-amount", indicatorId: "guarantee-loans-amount", quantity: "9.05 亿元", asOf: date(END_OF_JULY_2021), asOfText: END_OF_JULY_2021, area: QINGYUAN, source: source(Q_GUARANTEED, "二（三）3（1）") },
  // （三）3（2） 企业信用贷款风险资金池
  { id: "risk-pool-partner-banks", indicatorId: "risk-pool-partner-banks", quantity: "16 家", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_POOL_BANKS, "二（三）3（2）") },
  { id: "risk-pool-enterprises", indicatorId: "risk-pool-enterprises", quantity: "253 家", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_POOL_FIRMS, "二（三）3（2）") },
  { id: "risk-pool-loans-count", indicatorId: "risk-pool-loans-count", quantity: "51 笔", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_POOL_LOANS, "二（三）3（2）") },
  { id: "risk-pool-loans-amount", indicatorId: "risk-pool-loans-amount", quantity: "19949 万元", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_POOL_LOANS, "二（三）3（2）") },
  // （三）3（3） 应急转贷（过桥）资金
  { id: "bridge-loan-partner-banks", indicatorId: "bridge-loan-partner-banks", quantity: "15 家", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_BRIDGE_BANKS, "二（三）3（3）") },
  { id: "bridge-loan-enterprises", indicatorId: "bridge-loan-enterprises", quantity: "46 家", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_BRIDGE_LOANS, "二（三）3（3）") },
  { id: "bridge-loans-count", indicatorId: "bridge-loans-count", quantity: "93 笔", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_BRIDGE_LOANS, "二（三）3（3）") },
  { id: "bridge-loans-amount", indicatorId: "bridge-loans-amount", quantity: "4.95 亿元", asOfText: END_OF_JULY_NO_YEAR_SPACED, area: QINGYUAN, source: source(Q_BRIDGE_AMOUNT, "二（三）3（3）") },
];

/**
 * The observation inputs (JSON-shaped, values as report text), for tests and
 * for users who want to change a figure and check again.
 *
 * @example
 * ```ts
 * import { qingyuanObservationInputs } from "policy-eval/examples";
 * qingyuanObservationInputs.length; //=> 25
 * ```
 */
export const qingyuanObservationInputs: readonly ObservationInput[] = Object.freeze(observationInputs.map((o) => Object.freeze(o)));

/**
 * Every figure of §二 as an observation (25), values exact. Those dated only
 * by 截止目前 or 截至7月末 have `asOfText` and no `asOf` (see the module note).
 *
 * @example
 * ```ts
 * import { qingyuanObservations } from "policy-eval/examples";
 * const loans = qingyuanObservations.find((o) => o.id === "matched-loans-amount");
 * loans?.quantity?.value.toString(); //=> "32616000000"
 * [loans?.asOf, loans?.asOfText]; //=> [undefined, "截至7月末"]
 * ```
 */
export const qingyuanObservations: readonly Observation[] = parseObservations(observationInputs);

/**
 * The observations with 截止目前 and 截至7月末 dated from a report date.
 *
 * @param referenceDate - the report date (a full date)
 * @returns new observations; the input data is not changed
 *
 * @example
 * ```ts
 * import { qingyuanObservationsAsOf } from "policy-eval/examples";
 * const dated = qingyuanObservationsAsOf("2021-08-20");
 * dated.find((o) => o.id === "registration-service-stations")?.asOf; //=> "2021-08-20"
 * dated.find((o) => o.id === "matched-loans-amount")?.asOf; //=> "2021-07-31"
 * ```
 */
export function qingyuanObservationsAsOf(referenceDate: CalendarDate): readonly Observation[] {
  return resolveObservationDates(qingyuanObservations, { referenceDate }).observations;
}

const breakdown = (id: string, name: string, indicatorId: string): unknown => ({
  id,
  name,
  description: "各平台撮合贷款之和应等于通过各平台撮合贷款总数",
  operator: "equalTo",
  left: { description: "通过各平台共撮合", operands: [{ indicatorId }] },
  right: {
    description: "省中小企业融资平台 + 粤信融",
    operands: [
      { indicatorId, dimensions: platform("provincial-sme-platform") },
      { indicatorId, dimensions: platform("yuexinrong") },
    ],
  },
  importance: "high",
  errorCode: "breakdown-mismatch",
});

/**
 * The report's breakdown checks: the loans matched through the platforms are
 * the sum of the two platforms, in number (116 + 4895 = 5011 笔) and amount
 * (6.52 + 319.64 = 326.16 亿元, exact — in JS floats it is 326.15999999999997).
 *
 * @example
 * ```ts
 * import { runValidationRules } from "policy-eval";
 * import { qingyuanObservations, qingyuanValidationRules } from "policy-eval/examples";
 * runValidationRules(qingyuanValidationRules, qingyuanObservations).map((r) => r.status); //=> ["pass", "pass"]
 * ```
 */
export const qingyuanValidationRules: readonly ValidationRule[] = parseValidationRules([
  breakdown("matched-loans-count-breakdown", "撮合贷款笔数 = 各平台笔数之和", "matched-loans-count"),
  breakdown("matched-loans-amount-breakdown", "撮合贷款金额 = 各平台金额之和", "matched-loans-amount"),
]);
