/**
 * The reference report's evaluation record: the measures of 清府办〔2017〕59号
 * in its three areas, the process (working group, a notice to 10 units, an
 * assessment against laws and regulations), the findings and the
 * evaluators' recommendation — each statement with the report's own words.
 * What the report does not say (who evaluated beyond 我局, who led most
 * measures, whether the units replied, any date of the process) is left out.
 *
 * @module
 */
import type { EvaluationInput, MeasureInput } from "../../evaluation/schema.js";
import { QINGYUAN_EVALUATION_DATE, QINGYUAN_PLAN_ID } from "./documents.js";
import { QINGYUAN_REPORT_TITLE } from "./report.js";

function quote(text: string): { document: string; quote: string } {
  return { document: QINGYUAN_REPORT_TITLE, quote: text };
}

/**
 * The measures of 清府办〔2017〕59号 as the report describes them, in its three
 * areas: 交易登记, 企业信用建设, 金融服务. `leadDepartments` is `"notStated"`
 * wherever the report does not say who led.
 *
 * @example
 * ```ts
 * import { qingyuanMeasures } from "policy-eval/examples";
 * qingyuanMeasures.length; //=> 9
 * qingyuanMeasures.filter((m) => m.leadDepartments === "notStated").length; //=> 6
 * ```
 */
export const qingyuanMeasures: readonly MeasureInput[] = Object.freeze([
  {
    id: "lift-transfer-restrictions",
    area: "交易登记",
    description: "取消限制二手车迁入政策，优化二手车自由流通的市场环境",
    leadDepartments: ["市交警部门"],
    status: "completed",
    evidence: [quote("对符合国家在用机动车排放和安全标准，在环保定期检验有效期和年检有效期内的二手")],
  },
  {
    id: "registration-service-stations",
    area: "交易登记",
    description: "完善二手车交易登记，设立二手机动车登记服务站",
    leadDepartments: ["市交警部门"],
    indicators: ["registration-service-stations"],
    status: "ongoing",
    evidence: [quote("截止目前，我市已建立7家二手机动车登记服务站")],
  },
  {
    id: "follow-national-reforms",
    area: "交易登记",
    description: "密切跟进政策改革，规范二手车交易登记（公安交管12项便利措施、“跨省通办”试点）",
    leadDepartments: "notStated",
    indicators: ["traffic-facilitation-measures", "cross-province-pilot-cities"],
    status: "ongoing",
    evidence: [quote("公安部自2021年6月1日起实施“我为群众办实事”公安交管12项便利措施")],
  },
  {
    id: "credit-files",
    area: "企业信用建设",
    description: "建立市场主体信用档案",
    leadDepartments: ["市公共信用信息管理平台"],
    indicators: ["credit-information-records", "credit-files"],
    status: "ongoing",
    evidence: [quote("市公共信用信息管理平台共归集各类市场主体信用信息 698.14 万条，建立 266067 个市场主体信用档案")],
  },
  {
    id: "credit-disclosure",
    area: "企业信用建设",
    description: "公示市场主体信用信息（“信用清远”网信用公示、查询专栏）",
    leadDepartments: "notStated",
    implementers: ["“信用清远”网"],
    status: "ongoing",
    evidence: [quote("在“信用清远”网开设信用公示专栏")],
  },
  {
    id: "joint-rewards-and-punishments",
    area: "企业信用建设",
    description: "建立守信激励和失信惩戒机制",
    leadDepartments: "notStated",
    indicators: ["joint-reward-punishment-memoranda", "red-list-subjects", "black-list-subjects"],
    status: "ongoing",
    evidence: [quote("依法依规对 2383 个“红名单”主体及 7990 个“黑名单”主体采取联合奖惩措施")],
  },
  {
    id: "financial-support",
    area: "金融服务",
    description: "加大金融服务支持力度，引导银行机构开发二手车汽车金融产品",
    leadDepartments: "notStated",
    implementers: ["辖区金融机构", "清远银行机构"],
    status: "ongoing",
    evidence: [quote("大力开发特色二手车汽车金融产品")],
  },
  {
    id: "financing-platforms",
    area: "金融服务",
    description: "健全融资对接服务体系（省中小企业融资平台、“粤信融”平台）",
    leadDepartments: "notStated",
    implementers: ["省中小企业融资平台", "“粤信融”平台"],
    indicators: ["matched-loans-count", "matched-loans-amount"],
    status: "ongoing",
    evidence: [quote("截至7月末，通过各平台共撮合贷款5011笔326.16亿元")],
  },
  {
    id: "fiscal-leverage",
    area: "金融服务",
    description: "发挥财政资金引导和杠杆作用（信用担保基金、企业信用贷款风险资金池、应急转贷资金）",
    leadDepartments: "notStated",
    implementers: ["清远市信用担保基金", "清远市企业信用贷款风险资金池", "清远市中小微企业应急转贷（过桥）资金"],
    indicators: [
      "guarantee-directory-enterprises",
      "guarantee-loans-count",
      "guarantee-loans-amount",
      "risk-pool-partner-banks",
      "risk-pool-enterprises",
      "risk-pool-loans-count",
      "risk-pool-loans-amount",
      "bridge-loan-partner-banks",
      "bridge-loan-enterprises",
      "bridge-loans-count",
      "bridge-loans-amount",
    ],
    status: "ongoing",
    evidence: [quote("完成了 51 笔贷款共 19949 万元的备案工作")],
  },
] satisfies MeasureInput[]);

/** The 10 units the evaluators asked for input (§三（二）). */
const CONSULTED = [
  "市公安局",
  "市生态环境局",
  "市交通运输局",
  "市税务局",
  "市市场监督管理局",
  "市发展和改革委员会",
  "市工业和信息化局",
  "市财政局",
  "市金融工作局",
  "中国银监会清远监管分局",
];

/**
 * The evaluation of 清府办〔2017〕59号 as the report records it.
 *
 * @example
 * ```ts
 * import { EvaluationSchema } from "policy-eval";
 * import { qingyuanEvaluation } from "policy-eval/examples";
 * const evaluation = EvaluationSchema.parse(qingyuanEvaluation);
 * evaluation.consultedUnits?.length; //=> 10
 * evaluation.conflicts; //=> []
 * evaluation.recommendation?.conclusion; //=> "continue"
 * ```
 */
export const qingyuanEvaluation: EvaluationInput = Object.freeze({
  subject: QINGYUAN_PLAN_ID,
  evaluatedOn: QINGYUAN_EVALUATION_DATE,
  evaluatingBodyAsWritten: "我局",
  workingGroup: { members: [{ role: "业务分管领导" }, { role: "业务科室工作人员" }] },
  process: [
    {
      step: "establishWorkingGroup",
      label: "成立评估工作组",
      description: "我局成立了《实施方案》评估工作组，工作组成員由业务分管领导和业务科室工作人员组成。",
    },
    {
      step: "requestInput",
      label: "发函征求意见",
      description: "印发《关于协助开展〈清远市促进二手车便利交易实施方案〉实施情况评估的通知》，要求各相关单位提供有关实施情况及效果。",
      participants: CONSULTED,
    },
    {
      step: "drafting",
      label: "依据法律法规评估并形成报告",
      description: "评估小组依据相关法律、法规等规定，并结合我市规范性文件制定及管理工作实际，对《实施方案》进行评估，总结形成评估报告。",
    },
  ],
  consultedUnits: CONSULTED.map((name) => ({ name })),
  findings: [
    { criterion: "effectiveness", rating: "met", evidence: [quote("《实施方案》实施效果达到预期目的")] },
    { criterion: "legality", rating: "met", evidence: [quote("不存在与现行法律、法规及上级政策文件冲突内容")] },
    { criterion: "coherence", rating: "met", evidence: [quote("不存在与现行法律、法规及上级政策文件冲突内容")] },
  ],
  // 报告：“不存在与现行法律、法规及上级政策文件冲突内容” — none found.
  conflicts: [],
  // The report raises no ground for ending the plan.
  endingGrounds: [],
  recommendation: { conclusion: "continue", quote: "故《实施方案》按照与上位法律法规同步实施的原则，继续沿用" },
  measures: [...qingyuanMeasures],
} satisfies EvaluationInput);
