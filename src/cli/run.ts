/**
 * `policy-eval <command> [--json] [--lang zh|en]` — dispatch and error
 * handling. Never prints a stack trace: a PolicyEvalError becomes its issue
 * list (exit 2), anything unexpected one line (exit 2).
 */
import { isPolicyEvalError, type Locale } from "../errors.js";
import { parseArgs, usage, type Args } from "./args.js";
import { demoCommand, dueCommand, evaluateCommand, impactCommand, schemaCommand, statusCommand, validateCommand, type Context } from "./commands.js";
import { processIo, type Io } from "./io.js";
import { reportCommand } from "./report.js";

interface Command {
  readonly run: (ctx: Context) => number;
  readonly help: string;
  /** The options it reads, each with a value (besides --json, --lang and --help). */
  readonly options: readonly string[];
  /** How many positional arguments it takes at most. */
  readonly positionals: number;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  demo: { run: demoCommand, options: [], positionals: 0, help: "demo                                   the reference case (清府办〔2017〕59号), computed" },
  validate: { run: validateCommand, options: [], positionals: 1, help: "validate <catalogue.json>              check a catalogue; every problem listed" },
  status: { run: statusCommand, options: ["date", "id"], positionals: 1, help: "status <catalogue.json> --date D [--id a,b]   status of documents on a date" },
  due: { run: dueCommand, options: ["date", "within-months"], positionals: 1, help: "due <catalogue.json> --date D [--within-months N]   documents due for evaluation" },
  impact: { run: impactCommand, options: ["id", "change", "on"], positionals: 1, help: "impact <catalogue.json> --id X --change amended|repealed|expired --on D" },
  evaluate: { run: evaluateCommand, options: ["rules"], positionals: 1, help: "evaluate <input.json> [--rules rules.json]   the conclusion, its reasons and trace" },
  report: {
    run: reportCommand,
    options: ["corpus", "format", "output", "example", "rules"],
    positionals: 1,
    help: "report <evaluation.json> [--corpus documents.json] [--format markdown|html|text] [-o file] | report --example qingyuan   the evaluation report",
  },
  schema: { run: schemaCommand, options: [], positionals: 1, help: "schema [document|catalogue|evaluation|rules|trace]   JSON Schema of an input" },
};

const VALUE_OPTIONS: ReadonlySet<string> = new Set(["lang", ...Object.values(COMMANDS).flatMap((c) => c.options)]);
const COMMON_OPTIONS: ReadonlySet<string> = new Set(["json", "lang", "help"]);

/** A mistyped option or a stray argument is an error, never silently ignored (`--rule` for `--rules`). */
function checkArguments(name: string, command: Command, args: Args): void {
  for (const option of args.options.keys()) {
    if (!COMMON_OPTIONS.has(option) && !command.options.includes(option)) {
      throw usage(`unknown option --${option} for ${name}`, `${name} 命令没有 --${option} 选项`);
    }
  }
  const extra = args.positionals.slice(command.positionals);
  if (extra.length > 0) throw usage(`unexpected argument ${extra.join(" ")} for ${name}`, `${name} 命令不接受多余的参数 ${extra.join(" ")}`);
}

function helpText(): string {
  return [
    "policy-eval — 规范性文件评估 / evaluation of normative documents",
    "",
    "usage: policy-eval <command> [options] [--json] [--lang zh|en]",
    "",
    ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
    "",
    "exit codes: 0 ok, 1 findings or failed checks, 2 bad input or usage",
  ].join("\n");
}

/** Runs the CLI on argv (without `node` and the script). Returns the exit code. */
export function run(argv: readonly string[], io: Io = processIo): number {
  let locale: Locale = "zh-CN";
  try {
    const args = parseArgs(argv, VALUE_OPTIONS);
    const lang = args.options.get("lang");
    if (lang !== undefined) {
      // zh and zh-CN both name the Chinese messages.
      if (lang !== "zh" && lang !== "zh-CN" && lang !== "en") throw usage("--lang must be zh (or zh-CN) or en", "--lang 应为 zh（或 zh-CN）或 en");
      locale = lang === "en" ? "en" : "zh-CN";
    }
    if (args.command === undefined || args.command === "help" || args.options.has("help")) {
      io.out(helpText());
      return args.command === undefined && !args.options.has("help") ? 2 : 0;
    }
    const command = COMMANDS[args.command];
    if (command === undefined) throw usage(`unknown command ${args.command}`, `未知命令 ${args.command}`);
    checkArguments(args.command, command, args);
    return command.run({ io, args, json: args.options.has("json"), locale });
  } catch (error) {
    if (isPolicyEvalError(error)) {
      for (const issue of error.issues) io.err(`policy-eval: ${issue.messages[locale]} (${issue.code}${issue.path.length > 0 ? ` at ${issue.path.join(".")}` : ""})`);
      if (error.issues.some((i) => i.code === "usage")) io.err("policy-eval help");
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`policy-eval: internal error: ${message}`);
    return 2;
  }
}
