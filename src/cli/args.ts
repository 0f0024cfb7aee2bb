/** A small argument parser: positionals, `--flag`, `--key value`, `--key=value`. */
import { createIssue, PolicyEvalError } from "../errors.js";

/** Parsed command-line arguments. */
export interface Args {
  readonly command: string | undefined;
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/** Short options and the long ones they stand for (`-o out.html` is `--output out.html`). */
const SHORT_OPTIONS: Readonly<Record<string, string>> = { "-o": "output" };

/** Splits argv (without node and the script) into command, positionals and options. */
export function parseArgs(argv: readonly string[], valueOptions: ReadonlySet<string>): Args {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const short = Object.prototype.hasOwnProperty.call(SHORT_OPTIONS, arg) ? SHORT_OPTIONS[arg] : undefined;
    if (short !== undefined) {
      const value = argv[i + 1];
      if (value === undefined) throw usage(`${arg} needs a value`, `${arg} 需要一个值`);
      options.set(short, value);
      i++;
    } else if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) options.set(name, arg.slice(eq + 1));
      else if (valueOptions.has(name)) {
        const value = argv[i + 1];
        if (value === undefined) throw usage(`--${name} needs a value`, `--${name} 需要一个值`);
        options.set(name, value);
        i++;
      } else options.set(name, true);
    } else {
      positionals.push(arg);
    }
  }
  return { command: positionals[0], positionals: positionals.slice(1), options };
}

/** A usage error (exit code 2). */
export function usage(en: string, zh: string): PolicyEvalError {
  return new PolicyEvalError([createIssue("usage", [], { "zh-CN": zh, en })]);
}

/** A string option, or undefined. */
export function stringOption(args: Args, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw usage(`--${name} needs a value`, `--${name} 需要一个值`);
  return value;
}

/** A required string option. */
export function requiredOption(args: Args, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined) throw usage(`missing --${name}`, `缺少 --${name}`);
  return value;
}
