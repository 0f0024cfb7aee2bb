/**
 * report.render (issue 10): render the evaluation report of a subject with
 * 1,000 measures (in 10 areas) and 10,000 observations (2,000 indicators,
 * each with a total and its parts on several dates) as Markdown. Inputs are
 * parsed and the evaluation run before timing; the figure is renderReport
 * alone, validation of the whole input included. Target: ≤ 100 ms.
 * HTML and text are measured on the same input for comparison.
 */
import { evaluate, parseIndicators, parseObservations, renderReport, type IndicatorInput, type ObservationInput, type ReportFormat } from "../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation } from "../src/examples/index.js";
import { bestOf, heapMB, report, seededRandom, sizes } from "./harness.js";

const UNITS = ["家", "个", "笔", "元", "条"] as const;
const PREFIX = ["", "万", "亿"] as const;

export function run(): void {
  const [measureCount = 1_000] = sizes([1_000]);
  const random = seededRandom(10);
  const measures = Array.from({ length: measureCount }, (_, k) => ({
    id: `m${k}`,
    area: `领域${k % 10}`,
    description: `第${k}项措施：推进二手车交易登记便利化，完善服务站建设和信用档案`,
    leadDepartments: k % 3 === 0 ? ("notStated" as const) : [`市直部门${k % 17}`],
    status: "ongoing" as const,
  }));
  const indicators: IndicatorInput[] = [];
  const observations: ObservationInput[] = [];
  for (let k = 0; k < measureCount * 2; k++) {
    const unit = UNITS[k % UNITS.length]!;
    indicators.push({
      id: `i${k}`,
      name: `指标${k}`,
      measureId: `m${k >> 1}`,
      measureType: "unit",
      unit,
      timeAggregation: "last",
      dimensions: [{ id: "platform", name: "平台", options: [{ id: "a", name: "省平台" }, { id: "b", name: "市平台" }] }],
    });
    // Five figures per indicator: a total and its two parts at the end of July, a total in June, a total with no date.
    const prefix = PREFIX[k % 3]!;
    const a = Math.floor(random() * 10_000);
    const b = Math.floor(random() * 10_000);
    const q = (n: number): string => `${(n / 100).toFixed(2)}${prefix}${unit}`;
    const base = { indicatorId: `i${k}`, area: "清远市", source: { document: "评估报告" } };
    observations.push(
      { ...base, id: `o${k}-t`, quantity: q(a + b), asOf: "2021-07-31" },
      { ...base, id: `o${k}-a`, quantity: q(a), asOf: "2021-07-31", dimensions: { platform: "a" } },
      { ...base, id: `o${k}-b`, quantity: q(b), asOf: "2021-07-31", dimensions: { platform: "b" } },
      { ...base, id: `o${k}-j`, quantity: q(a), asOfText: "截止 2021 年 6 月" },
      { ...base, id: `o${k}-n`, quantity: q(b), department: "市统计局" },
    );
  }
  const context = { corpus: qingyuanDocuments, indicators: parseIndicators(indicators), observations: parseObservations(observations) };
  const result = evaluate({ ...context, evaluation: { ...qingyuanEvaluation, measures } });
  const input = { ...result, ...context };
  const formats: ReportFormat[] = ["markdown", "html", "text"];
  // Warm-up: the shared work (validation, the sections) is compiled before any format is timed.
  for (let i = 0; i < 2; i++) for (const format of formats) renderReport(input, { format });
  for (const format of formats) {
    const { ms, result: text } = bestOf(10, () => renderReport(input, { format }));
    report({
      name: format === "markdown" ? "report.render" : `report.render.${format}`,
      n: observations.length,
      ms,
      heapMB: heapMB(),
      measures: measureCount,
      format,
      outputKB: Math.round(text.length / 1024),
      ...(format === "markdown" ? { targetMs: 100 } : {}),
    });
  }
}
