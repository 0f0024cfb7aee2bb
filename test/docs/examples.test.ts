/**
 * Every `@example` in the TSDoc of src/ runs, and every `//=>` in it is true.
 * Imports of `policy-eval`, `policy-eval/examples` and `policy-eval/testing`
 * are pointed at the sources; `expr; //=> value` (on one line, or with the
 * `//=>` line right after) becomes an equality check.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { typeScriptFiles } from "../sourceFiles.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const generated = join(root, "test/docs/.generated");

const SUBPATHS: Readonly<Record<string, string>> = {
  "policy-eval": "src/index.ts",
  "policy-eval/examples": "src/examples/index.ts",
  "policy-eval/testing": "src/testing/index.ts",
};

interface Example {
  readonly line: number;
  readonly code: string;
}

/** The @example code blocks of a file, with the line they start on. */
function examplesOf(text: string): Example[] {
  const lines = text.split("\n");
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && !/^\s*\*\s*```/.test(lines[j]!)) j++;
    const body: string[] = [];
    for (j++; j < lines.length && !/^\s*\*\s*```/.test(lines[j]!); j++) body.push(lines[j]!.replace(/^\s*\* ?/, ""));
    examples.push({ line: i + 1, code: body.join("\n") });
    i = j;
  }
  return examples;
}

/** Openers minus closers, outside string literals. */
function balance(code: string): number {
  const bare = code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "");
  let n = 0;
  for (const ch of bare) {
    if (ch === "(" || ch === "[" || ch === "{") n++;
    else if (ch === ")" || ch === "]" || ch === "}") n--;
  }
  return n;
}

/** Splits a leading `if (…) ` off a statement, so `if (ok) x; //=> 1` checks x under the condition. */
function splitIf(statement: string): [string, string] {
  const m = /^(\s*if\s*)\(/.exec(statement);
  if (m === null) return ["", statement];
  let depth = 0;
  for (let i = m[1]!.length; i < statement.length; i++) {
    if (statement[i] === "(") depth++;
    else if (statement[i] === ")" && --depth === 0) return [statement.slice(0, i + 1) + " ", statement.slice(i + 1).trim()];
  }
  return ["", statement];
}

/** Rewrites imports and `//=>` lines into runnable checks. */
function instrument(code: string): string {
  const out: string[] = [];
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const imp = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)";?\s*$/.exec(line);
    if (imp !== null) {
      if (imp[1] !== undefined) continue;
      const target = SUBPATHS[imp[3]!];
      const names = imp[2]!.split(",").map((n) => n.trim()).filter((n) => n !== "" && !n.startsWith("type "));
      const url = target === undefined ? imp[3]! : pathToFileURL(join(root, target)).href;
      out.push(`const { ${names.map((n) => n.replace(/\s+as\s+/, ": ")).join(", ")} } = await import(${JSON.stringify(url)});`);
      continue;
    }
    const same = /^(\s*)(.*?);?\s*\/\/=>\s*(.+)$/.exec(line);
    if (same !== null && same[2]!.trim() !== "") {
      // A statement spread over several lines ends here: take the earlier lines back until brackets balance.
      let statement = same[2]!;
      while (balance(statement) < 0 && out.length > 0) statement = `${out.pop()!}\n${statement}`;
      const indent = /^\s*/.exec(statement)![0];
      const [prefix, expr] = splitIf(statement.trim());
      out.push(`${indent}${prefix}__check(${expr}, ${same[3]}, ${JSON.stringify(line.trim())});`);
      continue;
    }
    const next = lines[i + 1];
    const arrow = next === undefined ? null : /^\s*\/\/=>\s*(.+)$/.exec(next);
    if (arrow !== null && /;\s*$/.test(line)) {
      let expr = line.replace(/;\s*$/, "");
      while (balance(expr) < 0 && out.length > 0) expr = `${out.pop()!}\n${expr}`;
      // A declaration followed by //=> checks the declared value.
      const decl = /^\s*(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*([\s\S]*)$/.exec(expr);
      out.push(decl === null ? `__check(${expr}, ${arrow[1]}, ${JSON.stringify(line.trim())});` : `${expr}; __check(${decl[1]}, ${arrow[1]}, ${JSON.stringify(line.trim())});`);
      i++;
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

// src/cli is the command line, not the library's API: its exports carry no examples.
const files = typeScriptFiles(join(root, "src")).filter((path) => !path.startsWith(join(root, "src", "cli")));
mkdirSync(generated, { recursive: true });
afterAll(() => {
  // KEEP_EXAMPLES=1 keeps the generated files for debugging a failing example.
  if (process.env["KEEP_EXAMPLES"] === undefined) rmSync(generated, { recursive: true, force: true });
});

describe("TSDoc examples run and their //=> results hold", () => {
  for (const file of files) {
    const examples = examplesOf(readFileSync(file, "utf8"));
    if (examples.length === 0) continue;
    const name = relative(root, file);
    it(name, async () => {
      const body = examples
        .map(
          (e) =>
            `  await (async () => {\n    __where = ${JSON.stringify(`${name}:${e.line}`)};\n${instrument(e.code)
              .split("\n")
              .map((l) => `    ${l}`)
              .join("\n")}\n  })();`,
        )
        .join("\n");
      const module = [
        `import { expect } from "vitest";`,
        `let __where = "";`,
        `function __check(actual: unknown, expected: unknown, source: string): void {`,
        `  const seen = actual !== null && typeof actual === "object" && "toJSON" in actual && !Array.isArray(actual) && typeof expected !== "object" ? JSON.parse(JSON.stringify(actual)) : actual;`,
        `  expect(seen, \`\${__where}: \${source}\`).toEqual(expected);`,
        `}`,
        `export async function runExamples(): Promise<void> {`,
        body,
        `}`,
      ].join("\n");
      const path = join(generated, `${name.replace(/[\\/]/g, "__")}.ts`);
      writeFileSync(path, module);
      const mod = (await import(pathToFileURL(path).href)) as { runExamples: () => Promise<void> };
      await mod.runExamples();
    });
  }

  it("covers every exported declaration of the public entry points with an example", () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const re = /((?:\/\*\*(?:[^*]|\*(?!\/))*\*\/\s*)?)export\s+(?:declare\s+)?(?:async\s+)?(function|const|class)\s+([A-Za-z_$][\w$]*)/g;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const doc = m[1] ?? "";
        if (doc.includes("@internal")) continue;
        if (m[2] === "const" && !/@example/.test(doc) && /^[A-Z0-9_]+$/.test(m[3]!)) continue; // plain constant tables
        if (!/@example/.test(doc)) missing.push(`${relative(root, file)}: ${m[3]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
