/**
 * `policy-eval report <evaluation.json> [--corpus documents.json]
 * [--format markdown|html|text] [--lang zh|en] [-o file] [--rules rules.json]`
 * and `policy-eval report --example qingyuan`: the evaluation report,
 * rendered from the data.
 *
 * The evaluation file holds one of:
 * - the input of `evaluate`: `{ corpus?, evaluation, indicators?, observations? }`;
 * - an evaluation record alone (`{ subject, evaluatedOn, … }`), with `--corpus`;
 * - an evaluation result (`policy-eval evaluate --json`), rendered as it is.
 * `--corpus` gives the catalogue (a JSON array of documents) when the file has none.
 *
 * Bad input exits 2 with one line per problem, naming the file and the path.
 */
import { safeCreateCorpus } from "../corpus/index.js";
import { safeEvaluate } from "../evaluation/index.js";
import { formatIssuePath, isPolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "../examples/index.js";
import { REPORT_FORMATS, safeRenderReport, type ReportFormat, type ReportInput } from "../report/index.js";
import { stringOption, usage } from "./args.js";
import type { Context } from "./commands.js";
import { readJson } from "./io.js";

type Path = readonly (string | number)[];

/** What the report is made from, and where in which file each part came from. */
interface Source {
  readonly input: Record<string, unknown>;
  /** Evaluate it first (an evaluate input), or render it as it is (a result). */
  readonly evaluate: boolean;
  /** The file a problem at a path of the input is in, and the path inside that file. */
  readonly locate: (path: Path) => readonly [string, Path];
}

const EXAMPLES: Readonly<Record<string, () => Source>> = {
  qingyuan: () => ({
    input: { corpus: qingyuanDocuments, evaluation: qingyuanEvaluation, indicators: qingyuanIndicators, observations: qingyuanObservations },
    evaluate: true,
    locate: (path: Path) => ["(example qingyuan)", path],
  }),
};

function formatOf(ctx: Context, output: string | undefined): ReportFormat {
  const format = stringOption(ctx.args, "format");
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw usage("--format must be markdown, html or text", "--format 应为 markdown、html 或 text");
    return format as ReportFormat;
  }
  // Without --format, the output file's extension decides; Markdown otherwise.
  const lower = output?.toLowerCase() ?? "";
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return "html";
  if (lower.endsWith(".txt")) return "text";
  return "markdown";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readSource(ctx: Context): Source {
  const example = stringOption(ctx.args, "example");
  const path = ctx.args.positionals[0];
  if (example !== undefined) {
    if (path !== undefined) throw usage("give either an evaluation file or --example, not both", "评估文件与 --example 只能给出一个");
    const make = Object.prototype.hasOwnProperty.call(EXAMPLES, example) ? EXAMPLES[example] : undefined;
    if (make === undefined) throw usage(`unknown example ${example}; one of: ${Object.keys(EXAMPLES).join(", ")}`, `未知的示例 ${example}，可选：${Object.keys(EXAMPLES).join("、")}`);
    return make();
  }
  if (path === undefined) throw usage("report needs an evaluation file, or --example qingyuan", "report 需要评估文件，或 --example qingyuan");
  const data = readJson(ctx.io, path);
  if (!isObject(data)) throw usage(`${path}: the evaluation file must hold a JSON object`, `${path}：评估文件应为 JSON 对象`);
  const corpusPath = stringOption(ctx.args, "corpus");
  const corpus = corpusPath === undefined ? data["corpus"] : readJson(ctx.io, corpusPath);
  const bare = !("conclusion" in data) && !("evaluation" in data);
  const locate = (p: Path): readonly [string, Path] => {
    if (p[0] === "corpus" && corpusPath !== undefined) return [corpusPath, p.slice(1)];
    // A bare record sits at evaluation.* of the evaluate input, at the root of its file.
    return [path, bare && p[0] === "evaluation" ? p.slice(1) : p];
  };
  if ("conclusion" in data) return { input: { ...data, corpus }, evaluate: false, locate };
  return { input: bare ? { evaluation: data, corpus } : { ...data, corpus }, evaluate: true, locate };
}

/** `policy-eval: file: path: message (code)` — one line per problem. */
function printIssues(ctx: Context, source: Source, issues: readonly PolicyEvalIssue[]): void {
  for (const issue of issues) {
    const [file, path] = source.locate(issue.path);
    ctx.io.err(`policy-eval: ${file}: ${formatIssuePath(path)}: ${issue.messages[ctx.locale]} (${issue.code})`);
  }
}

/** `report`: 0 when the report is written, 2 for bad input. */
export function reportCommand(ctx: Context): number {
  const output = stringOption(ctx.args, "output");
  const format = formatOf(ctx, output);
  const source = readSource(ctx);
  let input: ReportInput;
  if (source.evaluate) {
    const rulesPath = stringOption(ctx.args, "rules");
    const { corpus, evaluation, indicators, observations } = source.input as { corpus?: unknown; evaluation?: unknown; indicators?: unknown[]; observations?: unknown[] };
    if (corpus === undefined) throw usage("the report needs a catalogue: --corpus documents.json, or a corpus array in the evaluation file", "报告需要文件目录：--corpus documents.json，或评估文件中的 corpus 数组");
    // Built here (an array of documents or a catalogue's JSON form) so that its problems are reported with its file.
    const built = safeCreateCorpus(corpus);
    if (!built.success) {
      printIssues(ctx, source, built.error.issues.filter((i) => i.severity === "error").map((i) => ({ ...i, path: ["corpus", ...i.path] })));
      return 2;
    }
    const rules = rulesPath === undefined ? {} : { rules: readJson(ctx.io, rulesPath) };
    const evaluated = safeEvaluate({ corpus: built.data, evaluation, indicators, observations }, rules);
    if (!evaluated.success) {
      printIssues(ctx, source, evaluated.error.issues);
      return 2;
    }
    input = { ...evaluated.data, corpus: built.data, indicators, observations };
  } else {
    input = source.input as unknown as ReportInput;
  }
  const rendered = safeRenderReport(input, { format, lang: ctx.locale === "en" ? "en" : "zh" });
  if (!rendered.success) {
    printIssues(ctx, source, rendered.error.issues);
    return 2;
  }
  if (output !== undefined) {
    if (ctx.io.writeText === undefined) throw usage("-o is not available here", "此处不能使用 -o");
    try {
      ctx.io.writeText(output, rendered.data);
    } catch (error) {
      if (isPolicyEvalError(error)) throw error;
      throw usage(`cannot write ${output}`, `无法写入 ${output}`);
    }
    if (ctx.json) ctx.io.out(JSON.stringify({ format, output }));
    return 0;
  }
  ctx.io.out(ctx.json ? JSON.stringify({ format, report: rendered.data }) : rendered.data);
  return 0;
}
