/**
 * 评估报告 — the evaluation report rendered as Markdown, HTML or text, with
 * the document hierarchy drawn, and the outline numbering it uses.
 *
 * @module
 */
export { renderReport, safeRenderReport, REPORT_FORMATS, type RenderReportOptions, type ReportFormat } from "./renderReport.js";
export type { ReportContext, ReportInput } from "./input.js";
export { formatOutlineNumber, MAX_OUTLINE_NUMBER, type OutlineDepth, type ReportLanguage } from "./numbering.js";
