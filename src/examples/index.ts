/**
 * `policy-eval/examples` — the reference case (清府办〔2017〕59号, the Qingyuan
 * used-car trading plan, and its evaluation report) as typed data.
 *
 * @packageDocumentation
 */
export { QINGYUAN_EVALUATION_DATE, QINGYUAN_PLAN_ID, qingyuanDocuments } from "./qingyuan/documents.js";
