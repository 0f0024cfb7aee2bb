/**
 * 评估报告 — the evaluation report rendered from the data, so that the report
 * and the computation can never disagree.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import { backgroundBlocks } from "./background.js";
import { conclusionBlocks } from "./conclusion.js";
import { effectsBlocks } from "./effects.js";
import { writeHtml } from "./html.js";
import { readReportInput, type ReportInput } from "./input.js";
import { createCtx, type Block, type Ctx } from "./model.js";
import { clean } from "./escape.js";
import type { ReportLanguage } from "./numbering.js";
import { processBlocks } from "./evaluationProcess.js";
import { writeMarkdown, writeText } from "./writers.js";

/**
 * 报告格式 — the formats a report renders to.
 *
 * @example
 * ```ts
 * import { REPORT_FORMATS } from "policy-eval";
 * REPORT_FORMATS; //=> ["markdown", "html", "text"]
 * ```
 */
export const REPORT_FORMATS = Object.freeze(["markdown", "html", "text"] as const);

/** 报告格式 — `markdown`, `html` or `text`. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** 报告选项 — options of {@link renderReport}. */
export interface RenderReportOptions {
  /** `markdown`, `html` (one standalone page) or `text`. */
  readonly format: ReportFormat;
  /** `zh` (default; `zh-CN` also accepted) or `en`. */
  readonly lang?: ReportLanguage | undefined;
  /** How many levels of parents the hierarchy shows: 2 (default) shows parents and grandparents; 1 to 10. */
  readonly hierarchyDepth?: number | undefined;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(["format", "lang", "hierarchyDepth"]);

function optionIssue(key: string, zh: string, en: string): PolicyEvalIssue {
  return createIssue("invalid-option", ["options", key], { "zh-CN": zh, en }, { params: { option: key } });
}

/** Every problem of the options at once; unknown keys are refused, not ignored. */
function readOptions(options: unknown): { format: ReportFormat; lang: "zh" | "en"; depth: number } | PolicyEvalIssue[] {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return [createIssue("invalid-type", ["options"], { "zh-CN": "选项应为对象，如 { format: 'markdown' }", en: "The options must be an object such as { format: 'markdown' }" })];
  }
  const record = options as Record<string, unknown>;
  const issues: PolicyEvalIssue[] = [];
  for (const key of Reflect.ownKeys(record)) {
    if (typeof key !== "string" || !OPTION_KEYS.has(key)) {
      const name = typeof key === "string" ? key : "(symbol)";
      const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
      issues.push(createIssue("unknown-option", ["options", name], { "zh-CN": `未知选项：${shown}`, en: `Unknown option: ${shown}` }, { params: { option: name } }));
    }
  }
  const { format, lang, hierarchyDepth } = record;
  if (typeof format !== "string" || !(REPORT_FORMATS as readonly string[]).includes(format)) {
    issues.push(optionIssue("format", "format 应为 markdown、html 或 text", "format must be markdown, html or text"));
  }
  if (lang !== undefined && lang !== "zh" && lang !== "zh-CN" && lang !== "en") issues.push(optionIssue("lang", "lang 应为 zh 或 en", "lang must be zh or en"));
  if (hierarchyDepth !== undefined && !(typeof hierarchyDepth === "number" && Number.isInteger(hierarchyDepth) && hierarchyDepth >= 1 && hierarchyDepth <= 10)) {
    issues.push(optionIssue("hierarchyDepth", "hierarchyDepth 应为 1 至 10 的整数", "hierarchyDepth must be a whole number from 1 to 10"));
  }
  if (issues.length > 0) return issues;
  return { format: format as ReportFormat, lang: lang === "en" ? "en" : "zh", depth: (hierarchyDepth as number | undefined) ?? 2 };
}

/** 《title》实施情况和效果评估报告, from the catalogue (the subject's id without one). */
function titleBlock(ctx: Ctx): Block {
  const { corpus, subject } = ctx.data;
  const title = corpus === undefined ? clean(subject) : `《${clean(corpus.get(subject).title)}》`;
  return { kind: "title", text: ctx.lang === "en" ? `${ctx.words.titleSuffix}${title}` : `${title}${ctx.words.titleSuffix}` };
}

/**
 * 评估报告 — renders the evaluation report: the title
 * 《subject title》实施情况和效果评估报告, then 一、政策背景 (the subject and its
 * parents as 《title》（number）, issue dates as precise as recorded, and the
 * hierarchy diagram with each document's status on the evaluation date),
 * 二、实施效果 (（一） per measure area, 1、 per measure, (1) per figure, the
 * observations as reported with their as-of dates, each breakdown with its
 * parts), 三、组织评估工作过程 (process steps, consulted units) and 四、评估结论
 * (the conclusion in a legal office's words, each reason with its facts,
 * basis and cited documents; a parent's status on the evaluation date with
 * the document that changed it; for `undetermined`, what is missing).
 * Everything is computed from the input; nothing is pasted.
 *
 * `input` is an evaluation result (`evaluate`'s answer, or its JSON) with the
 * catalogue, indicators and observations beside it (see {@link ReportInput});
 * without them the report shows what the result alone holds.
 *
 * Markdown draws the hierarchy as a Mermaid block; HTML is one standalone
 * page (inline CSS, A4 print layout, Chinese fonts, nothing fetched) with the
 * hierarchy as inline SVG and its Mermaid source; text draws it as an
 * indented tree. Data text is escaped for each format.
 *
 * @param input - the evaluation result and what the report shows beside it
 * @param options - `format`, `lang` (`zh` default, or `en`), `hierarchyDepth`
 * @returns the report
 * @throws {@link PolicyEvalError} listing every problem of the input and the options
 *
 * @example
 * ```ts
 * import { evaluate, renderReport } from "policy-eval";
 * import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "policy-eval/examples";
 * const context = { corpus: qingyuanDocuments, indicators: qingyuanIndicators, observations: qingyuanObservations };
 * const result = evaluate({ ...context, evaluation: qingyuanEvaluation });
 * const report = renderReport({ ...result, ...context }, { format: "markdown" });
 * report.split("\n")[0]; //=> "# 《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》实施情况和效果评估报告"
 * report.includes("## 四、评估结论"); //=> true
 * report.includes("截至7月末，各平台撮合贷款金额326.16亿元，其中省中小企业融资平台6.52亿元、粤信融319.64亿元。"); //=> true
 * ```
 */
export function renderReport(input: ReportInput, options: RenderReportOptions): string {
  const read = readOptions(options);
  let data;
  try {
    data = readReportInput(input);
  } catch (error) {
    if (error instanceof PolicyEvalError && Array.isArray(read)) throw new PolicyEvalError([...error.issues, ...read]);
    throw error;
  }
  if (Array.isArray(read)) throw new PolicyEvalError(read);
  const ctx = createCtx(data, read.lang, read.depth);
  const blocks = [titleBlock(ctx), ...backgroundBlocks(ctx), ...effectsBlocks(ctx), ...processBlocks(ctx), ...conclusionBlocks(ctx)];
  if (read.format === "html") return writeHtml(blocks, read.lang);
  if (read.format === "markdown") return writeMarkdown(blocks);
  return writeText(blocks, ctx.words);
}

/**
 * 评估报告（安全版）— like {@link renderReport}, returning the error instead
 * of throwing it; it never throws, whatever it is given.
 *
 * @param input - see {@link renderReport}
 * @param options - see {@link renderReport}
 * @returns `{ success: true, data: report }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeRenderReport } from "policy-eval";
 * const result = safeRenderReport(null as never, { format: "html" });
 * result.success; //=> false
 * if (!result.success) result.error.issues[0]?.code; //=> "invalid-type"
 * ```
 */
export function safeRenderReport(input: ReportInput, options: RenderReportOptions): SafeResult<string> {
  try {
    return { success: true, data: renderReport(input, options) };
  } catch (error) {
    if (error instanceof PolicyEvalError) return { success: false, error };
    // Never throw: an input that breaks an assumption (a getter that throws, a proxy) is still bad input.
    // Its message is not repeated: it may carry any amount of the caller's text.
    return { success: false, error: new PolicyEvalError([createIssue("unreadable-input", [], { "zh-CN": "无法读取输入（读取时出错）", en: "Cannot read the input (reading it failed)" })]) };
  }
}
