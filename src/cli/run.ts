/**
 * `policy-eval <command> [--json] [--lang zh-CN|en]` — dispatch and error
 * handling. Never prints a stack trace: a PolicyEvalError becomes its issue
 * list (exit 2), anything unexpected one line (exit 2).
 */
import { isPolicyEvalError, type Locale } from "../errors.js";
import { parseArgs, usage } from "./args.js";
import { demoCommand, dueCommand, evaluateCommand, impactCommand, schemaCommand, statusCommand, validateCommand, type Context } from "./commands.js";
import { processIo, type Io } from "./io.js";

const COMMANDS: Readonly<Record<string, { run: (ctx: Context) => number; help: string }>> = {
  demo: { run: demoCommand, help: "demo                                   the reference case (清府办〔2017〕59号), computed" },
  validate: { run: validateCommand, help: "validate <catalogue.json>              check a catalogue; every problem listed" },
  status: { run: statusCommand, help: "status <catalogue.json> --date D [--id a,b]   status of documents on a date" },
  due: { run: dueCommand, help: "due <catalogue.json> --date D [--within-months N]   documents due for evaluation" },
  impact: { run: impactCommand, help: "impact <catalogue.json> --id X --change amended|repealed|expired --on D" },
  evaluate: { run: evaluateCommand, help: "evaluate <input.json> [--rules rules.json]   the conclusion, its reasons and trace" },
  schema: { run: schemaCommand, help: "schema [document|catalogue|evaluation|rules|trace]   JSON Schema of an input" },
};

const VALUE_OPTIONS = new Set(["date", "id", "change", "on", "within-months", "lang", "rules", "format", "reference-date"]);

function helpText(): string {
  return [
    "policy-eval — 规范性文件评估 / evaluation of normative documents",
    "",
    "usage: policy-eval <command> [options] [--json] [--lang zh-CN|en]",
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
      if (lang !== "zh-CN" && lang !== "en") throw usage("--lang must be zh-CN or en", "--lang 应为 zh-CN 或 en");
      locale = lang;
    }
    if (args.command === undefined || args.command === "help" || args.options.has("help")) {
      io.out(helpText());
      return args.command === undefined && !args.options.has("help") ? 2 : 0;
    }
    const command = COMMANDS[args.command];
    if (command === undefined) throw usage(`unknown command ${args.command}`, `未知命令 ${args.command}`);
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
