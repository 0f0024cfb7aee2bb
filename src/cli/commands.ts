/**
 * The `policy-eval` commands. Each returns an exit code: 0 ok, 1 findings or
 * failed checks, 2 bad input or usage (DESIGN.md §5).
 */
import * as z from "zod";
import { createCorpus, safeCreateCorpus, type Corpus } from "../corpus/index.js";
import { evaluate, EvaluationSchema, type EvaluationResult } from "../evaluation/index.js";
import { formatQuantity, type Quantity } from "../quantities/index.js";
import { runValidationRules } from "../indicators/index.js";
import { RuleSetSchema, TraceSchema, type ResultConclusion } from "../rules/index.js";
import { formatChineseDate, latestDay, parsePartialDate, type PartialDate } from "../dates/index.js";
import { DOCUMENT_STATUS_LABELS, PolicyDocumentSchema } from "../documents/index.js";
import { formatIssuePath, type Locale, type PolicyEvalIssue } from "../errors.js";
import { renderReport } from "../report/index.js";
import {
  QINGYUAN_EVALUATION_DATE,
  QINGYUAN_PLAN_ID,
  qingyuanDocuments,
  qingyuanEvaluation,
  qingyuanIndicators,
  qingyuanObservations,
  qingyuanValidationRules,
} from "../examples/index.js";
import { requiredOption, stringOption, usage, type Args } from "./args.js";
import { readJson, type Io } from "./io.js";

/** What every command gets. */
export interface Context {
  readonly io: Io;
  readonly args: Args;
  readonly json: boolean;
  readonly locale: Locale;
}

function t(ctx: Context, zh: string, en: string): string {
  return ctx.locale === "zh-CN" ? zh : en;
}

function printIssues(ctx: Context, issues: readonly PolicyEvalIssue[], write: (text: string) => void): void {
  for (const issue of issues) {
    write(`${issue.severity === "warning" ? t(ctx, "警告", "warning") : t(ctx, "错误", "error")} ${formatIssuePath(issue.path)}: ${issue.messages[ctx.locale]} (${issue.code})`);
  }
}

function loadCorpus(ctx: Context, path: string | undefined): Corpus {
  if (path === undefined) throw usage("missing the catalogue file (a JSON array of documents, or - for stdin)", "缺少文件目录（文件数组 JSON，或用 - 表示标准输入）");
  return createCorpus(readJson(ctx.io, path));
}

function date(value: string, name: string): PartialDate {
  try {
    return parsePartialDate(value);
  } catch {
    throw usage(`--${name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`, `--${name} 应为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的日期，实际为 ${JSON.stringify(value)}`);
  }
}

/** `validate <catalogue.json>`: 0 valid, 1 invalid (every issue listed). */
export function validateCommand(ctx: Context): number {
  const path = ctx.args.positionals[0];
  if (path === undefined) throw usage("validate needs a catalogue file", "validate 需要文件目录");
  const result = safeCreateCorpus(readJson(ctx.io, path));
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify(
        result.success
          ? { valid: true, documents: result.data.size, issues: result.data.warnings }
          : { valid: false, issues: result.error.issues },
      ),
    );
  } else if (result.success) {
    ctx.io.out(t(ctx, `有效：${result.data.size} 件文件，${result.data.warnings.length} 条警告`, `valid: ${result.data.size} documents, ${result.data.warnings.length} warnings`));
    printIssues(ctx, result.data.warnings, ctx.io.out);
  } else {
    printIssues(ctx, result.error.issues, ctx.io.out);
  }
  return result.success ? 0 : 1;
}

/** `status <catalogue.json> --id X --date D`. */
export function statusCommand(ctx: Context): number {
  const corpus = loadCorpus(ctx, ctx.args.positionals[0]);
  const on = date(requiredOption(ctx.args, "date"), "date");
  const ids = stringOption(ctx.args, "id")?.split(",") ?? corpus.documents.map((d) => d.id);
  const answers = ids.map((id) => corpus.statusAt(id, on));
  if (ctx.json) ctx.io.out(JSON.stringify(answers));
  else for (const a of answers) ctx.io.out(`${a.id}\t${a.status}\t${a.certainty}\t${a.explanation[ctx.locale]}`);
  return 0;
}

/** `due <catalogue.json> --date D [--within-months N]`: 1 when something is overdue. */
export function dueCommand(ctx: Context): number {
  const corpus = loadCorpus(ctx, ctx.args.positionals[0]);
  const on = date(requiredOption(ctx.args, "date"), "date");
  const months = stringOption(ctx.args, "within-months");
  if (months !== undefined && !/^\d+$/.test(months)) throw usage("--within-months must be a whole number", "--within-months 应为整数");
  const items = corpus.dueForEvaluation(on, { within: { months: months === undefined ? 0 : Number(months) } });
  if (ctx.json) ctx.io.out(JSON.stringify(items));
  else {
    if (items.length === 0) ctx.io.out(t(ctx, "没有到期需评估的文件", "nothing due for evaluation"));
    for (const item of items) ctx.io.out(item.explanation[ctx.locale]);
  }
  return items.some((i) => i.overdue === true) ? 1 : 0;
}

/** `impact <catalogue.json> --id X --change amended|repealed|expired --on D`: 1 when documents are flagged. */
export function impactCommand(ctx: Context): number {
  const corpus = loadCorpus(ctx, ctx.args.positionals[0]);
  const change = requiredOption(ctx.args, "change");
  if (change !== "amended" && change !== "repealed" && change !== "expired") throw usage("--change must be amended, repealed or expired", "--change 应为 amended、repealed 或 expired");
  const result = corpus.impactOf({ id: requiredOption(ctx.args, "id"), change, on: date(requiredOption(ctx.args, "on"), "on") });
  if (ctx.json) ctx.io.out(JSON.stringify(result));
  else {
    if (result.affected.length === 0) ctx.io.out(t(ctx, "没有需要审查的下位文件", "no dependent document to review"));
    for (const a of result.affected) ctx.io.out(a.reason[ctx.locale]);
  }
  return result.affected.length > 0 ? 1 : 0;
}

const SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  document: PolicyDocumentSchema,
  catalogue: z.array(PolicyDocumentSchema),
  evaluation: EvaluationSchema,
  rules: RuleSetSchema,
  trace: TraceSchema,
};

const CONCLUSION_LABELS: Readonly<Record<ResultConclusion, string>> = {
  continue: "继续有效（继续沿用）",
  extend: "延长有效期",
  revise: "修订",
  repeal: "废止",
  declareExpired: "宣布失效",
  undetermined: "无法得出结论",
  conflict: "规则冲突",
};

function printResult(ctx: Context, result: EvaluationResult): void {
  const out = ctx.io.out;
  const label = ctx.locale === "zh-CN" ? CONCLUSION_LABELS[result.conclusion] : result.conclusion;
  out(t(ctx, `评估结论：${label}`, `Conclusion: ${label}`));
  for (const reason of result.reasons) {
    out(`  ${t(ctx, "理由", "reason")} [${reason.rule}] ${reason.messages[ctx.locale]}`);
    for (const f of reason.facts) out(`    - ${f.explanation?.[ctx.locale] ?? `${f.name} = ${JSON.stringify(f.value)}`}`);
    const basis = reason.basis.map((b) => `${b.document}${b.article ?? ""}`).join("、");
    out(`    ${t(ctx, "依据", "basis")}: ${basis}`);
  }
  if (result.conclusion === "conflict") out(t(ctx, `  冲突的规则：${result.conflict.rules.join("、")}`, `  conflicting rules: ${result.conflict.rules.join(", ")}`));
  if (result.missingFacts.length > 0) out(t(ctx, `  缺少事实：${result.missingFacts.join("、")}`, `  missing facts: ${result.missingFacts.join(", ")}`));
  if (result.uncertainFacts.length > 0) out(t(ctx, `  不确定的事实：${result.uncertainFacts.join("、")}`, `  uncertain facts: ${result.uncertainFacts.join(", ")}`));
}

/**
 * `evaluate <input.json> [--rules rules.json]`: input `{ corpus, evaluation, indicators?, observations? }`.
 * 0 with a conclusion, 1 when undetermined or in conflict.
 */
export function evaluateCommand(ctx: Context): number {
  const path = ctx.args.positionals[0];
  if (path === undefined) throw usage("evaluate needs an input file { corpus, evaluation, indicators?, observations? }", "evaluate 需要输入文件 { corpus, evaluation, indicators?, observations? }");
  const input = readJson(ctx.io, path);
  if (typeof input !== "object" || input === null || !Array.isArray((input as { corpus?: unknown }).corpus)) {
    throw usage("the input must be an object with a corpus array and an evaluation", "输入应为含 corpus 数组和 evaluation 的对象");
  }
  const { corpus, evaluation, indicators, observations } = input as { corpus: unknown[]; evaluation: unknown; indicators?: unknown[]; observations?: unknown[] };
  const rulesPath = stringOption(ctx.args, "rules");
  const result = evaluate({ corpus, evaluation, indicators, observations }, rulesPath === undefined ? {} : { rules: readJson(ctx.io, rulesPath) });
  if (ctx.json) ctx.io.out(JSON.stringify(result));
  else printResult(ctx, result);
  return result.conclusion === "undetermined" || result.conclusion === "conflict" ? 1 : 0;
}

/** `schema [name]`: the JSON Schema of an input format. */
export function schemaCommand(ctx: Context): number {
  const name = ctx.args.positionals[0] ?? "catalogue";
  const schema = SCHEMAS[name];
  if (schema === undefined) throw usage(`unknown schema ${name}; one of: ${Object.keys(SCHEMAS).join(", ")}`, `未知的模式 ${name}，可选：${Object.keys(SCHEMAS).join("、")}`);
  ctx.io.out(JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2));
  return 0;
}

/** Every chain of parents from `id` up to a document without parents, root first (bounded). */
function upwardChains(corpus: Corpus, id: string, limit = 20): string[][] {
  const chains: string[][] = [];
  const stack: string[][] = [[id]];
  while (stack.length > 0 && chains.length < limit) {
    const path = stack.pop()!;
    const parents = corpus.parentsOf(path[path.length - 1]!).filter((p) => !path.includes(p.id));
    if (parents.length === 0) chains.push([...path].reverse());
    for (let i = parents.length - 1; i >= 0; i--) stack.push([...path, parents[i]!.id]);
  }
  return chains;
}

/** `demo`: the reference case, computed. */
export function demoCommand(ctx: Context): number {
  const corpus = createCorpus(qingyuanDocuments);
  const on = QINGYUAN_EVALUATION_DATE;
  const name = (id: string): string => corpus.nameOf(id);
  const chains = upwardChains(corpus, QINGYUAN_PLAN_ID);
  const inChain = new Set(chains.flat());
  const statuses = corpus.documents.map((d) => corpus.statusAt(d.id, on));
  const due = corpus.evaluationDueOf(QINGYUAN_PLAN_ID, on);
  const checks = runValidationRules(qingyuanValidationRules, qingyuanObservations);
  const result = evaluate({ corpus, evaluation: qingyuanEvaluation, indicators: qingyuanIndicators, observations: qingyuanObservations });
  if (ctx.json) {
    ctx.io.out(JSON.stringify({ evaluationDate: on, chains, cited: corpus.documents.filter((d) => !inChain.has(d.id)).map((d) => d.id), statuses, due, checks, result }));
    return 0;
  }
  const out = ctx.io.out;
  out(t(ctx, `参考案例：${name(QINGYUAN_PLAN_ID)}《${corpus.get(QINGYUAN_PLAN_ID).title}》`, `Reference case: ${name(QINGYUAN_PLAN_ID)} (${corpus.get(QINGYUAN_PLAN_ID).title})`));
  // The report carries no date: the evaluation date is the year its latest dated figure falls in.
  const latestFigure = qingyuanObservations.reduce<string | undefined>((latest, o) => {
    const day = o.asOf === undefined ? undefined : latestDay(o.asOf);
    return day !== undefined && (latest === undefined || day > latest) ? day : latest;
  }, undefined);
  const figuresTo = latestFigure === undefined ? "" : formatChineseDate(latestFigure as PartialDate);
  out(
    t(
      ctx,
      `评估日期：${on}（报告未注明日期，有日期的数据最晚截至${figuresTo}，精确到年）`,
      `Evaluation date: ${on} (the report is undated; its dated figures run to ${latestFigure ?? "—"}, so the year is known)`,
    ),
  );
  out("");
  out(t(ctx, "文件链（上位 → 下位）", "Document chain (superior → subordinate)"));
  for (const chain of chains) out(`  ${chain.map(name).join(" → ")}`);
  out(t(ctx, "报告还引用：", "Also cited by the report:"));
  for (const d of corpus.documents) if (!inChain.has(d.id)) out(`  ${name(d.id)}${d.number === undefined ? t(ctx, "（无文号）", " (no number)") : ""}`);
  out("");
  out(t(ctx, `${on} 的时效性`, `Status on ${on}`));
  for (const s of statuses) {
    const label = s.certainty === "certain" ? DOCUMENT_STATUS_LABELS[s.status] : t(ctx, "无法确定", "uncertain");
    out(`  ${name(s.id)}  ${ctx.locale === "zh-CN" ? label : s.status}  — ${s.explanation[ctx.locale]}`);
  }
  out("");
  out(t(ctx, `评估期限（${corpus.validityPolicy.name["zh-CN"]}）`, `Evaluation due (${corpus.validityPolicy.name.en})`));
  out(`  ${due === undefined ? t(ctx, "不适用", "not applicable") : due.explanation[ctx.locale]}`);
  out("");
  out(t(ctx, "数据核验（分项之和应等于合计）", "Checks (parts must add up to the total)"));
  const q = (value: Quantity | undefined): string => (value === undefined ? "—" : formatQuantity(value));
  for (const check of checks) {
    const parts = check.right.operands.map((o) => q(o.quantity)).join(" + ");
    const verdict = check.status === "pass" ? t(ctx, "一致", "consistent") : check.status === "fail" ? t(ctx, `不一致，差额 ${q(check.imbalance)}`, `mismatch of ${q(check.imbalance)}`) : t(ctx, "未核验", "skipped");
    out(`  ${check.name}：${q(check.left.value)} = ${parts} — ${verdict}`);
  }
  out("");
  printResult(ctx, result);
  // The report itself, rendered from the same data.
  out("");
  out(t(ctx, "—— 评估报告（由以上数据生成）——", "—— The evaluation report (rendered from the data above) ——"));
  out("");
  const context = { corpus, indicators: qingyuanIndicators, observations: qingyuanObservations };
  out(renderReport({ ...result, ...context }, { format: "text", lang: ctx.locale === "en" ? "en" : "zh" }));
  return 0;
}
