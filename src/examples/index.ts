/**
 * `policy-eval/examples` — the reference case (清府办〔2017〕59号, the Qingyuan
 * used-car trading plan, and its evaluation report) as typed data: the
 * documents, the report's text, its indicators and observations, and the
 * evaluation record.
 *
 * @packageDocumentation
 */
export { QINGYUAN_EVALUATION_DATE, QINGYUAN_PLAN_ID, qingyuanDocuments } from "./qingyuan/documents.js";
export * from "./qingyuan/indicators.js";
export { qingyuanEvaluation, qingyuanMeasures } from "./qingyuan/evaluation.js";
export { QINGYUAN_REPORT_TITLE, qingyuanReportText } from "./qingyuan/report.js";
