/** The reference case as a report input, and variants of its catalogue. */
import { expect } from "vitest";
import { evaluate, type PolicyDocumentInput, type ReportInput } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "../../src/examples/index.js";

/** The catalogue, indicators and observations the reference report shows. */
export const qingyuanContext = { corpus: qingyuanDocuments, indicators: qingyuanIndicators, observations: qingyuanObservations };

/** evaluate() of the reference case with everything the report shows beside it. */
export function qingyuanReportInput(documents: readonly PolicyDocumentInput[] = qingyuanDocuments): ReportInput {
  const context = { ...qingyuanContext, corpus: documents };
  return { ...evaluate({ ...context, evaluation: qingyuanEvaluation }), ...context };
}

/** 粤府办〔2016〕66号 changed (amended, repealed or replaced) by a new provincial document on 2020-03-15. */
export function with66Changed(type: "amends" | "repeals" | "replaces"): PolicyDocumentInput[] {
  return [
    ...qingyuanDocuments,
    {
      id: "yfb-2020-9",
      title: "广东省人民政府办公厅关于调整促进二手车便利交易实施方案的通知",
      number: "粤府办〔2020〕9号",
      issuer: "广东省人民政府办公厅",
      adminLevel: "province",
      instrumentRank: "normativeDocument",
      isNormative: true,
      adoptedOn: "2020-03-15",
      relations: [{ type, target: "yfb-2016-66" }],
    },
  ];
}

/** Every line is in the text. */
export function expectLines(text: string, lines: readonly string[]): void {
  for (const line of lines) expect(text, line).toContain(line);
}

/** The text of one numbered section of a rendered report, up to the next. */
export function section(report: string, heading: string, next?: string): string {
  const start = report.indexOf(heading);
  if (start < 0) throw new Error(`no ${heading} in the report`);
  const end = next === undefined ? report.length : report.indexOf(next, start);
  return report.slice(start, end < 0 ? report.length : end);
}
