/**
 * The layout's promises: the core (everything but src/cli) imports no `node:`
 * module and uses no Node global, so it bundles for browsers; modules depend
 * one way (dates ← documents ← corpus ← quantities/indicators ← rules ←
 * evaluation); there is no import cycle.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typeScriptFiles } from "./sourceFiles.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

const all = typeScriptFiles(src);
const core = all.filter((f) => !f.startsWith(join(src, "cli")));
const moduleOf = (file: string): string => relative(src, file).split(/[\\/]/)[0]!.replace(/\.ts$/, "");

/** Relative imports (value or type) of a file, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/from\s+"(\.[^"]+)"/g)].map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")));
}

describe("architecture", () => {
  it("keeps node: modules and Node globals out of the core", () => {
    const offenders: string[] = [];
    for (const file of core) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      if (/from\s+"node:|require\(/.test(text)) offenders.push(`${relative(root, file)}: node import`);
      if (/\b(process|console|Buffer)\.|\b(__dirname|setImmediate|require)\b/.test(text)) offenders.push(`${relative(root, file)}: Node global`);
    }
    expect(offenders).toEqual([]);
  });

  it("depends one way between modules", () => {
    // Each module may import from the modules listed for it (and from the shared files at the top of src/).
    const allowed: Record<string, readonly string[]> = {
      dates: [],
      documents: ["dates"],
      corpus: ["dates", "documents"],
      quantities: [],
      indicators: ["dates", "documents", "quantities"],
      rules: ["dates", "quantities"],
      evaluation: ["dates", "documents", "corpus", "quantities", "indicators", "rules"],
      examples: ["dates", "documents", "indicators", "evaluation"],
      testing: ["documents", "corpus", "evaluation"],
      report: ["dates", "documents", "corpus", "quantities", "indicators", "rules", "evaluation"],
    };
    const shared = new Set(["errors", "schema-issues", "index"]);
    const wrong: string[] = [];
    for (const file of core) {
      const from = moduleOf(file);
      if (shared.has(from)) continue;
      for (const target of importsOf(file)) {
        const to = moduleOf(target);
        if (to !== from && !shared.has(to) && !(allowed[from] ?? []).includes(to)) wrong.push(`${relative(root, file)} → ${relative(root, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycle", () => {
    const graph = new Map(all.map((f) => [f, importsOf(f).filter((t) => all.includes(t))]));
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    for (const start of all) {
      if (state.has(start)) continue;
      const stack: Array<[string, number]> = [[start, 0]];
      state.set(start, "visiting");
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const next = graph.get(top[0])![top[1]++];
        if (next === undefined) {
          state.set(top[0], "done");
          stack.pop();
        } else if (state.get(next) === "visiting") {
          cycles.push([...stack.map(([f]) => relative(src, f)), relative(src, next)].join(" → "));
        } else if (!state.has(next)) {
          state.set(next, "visiting");
          stack.push([next, 0]);
        }
      }
    }
    expect(cycles).toEqual([]);
  });

  it("ships only zod (peer), date-fns and decimal.js at run time", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["date-fns", "decimal.js"]);
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["vitest", "zod"]);
    expect(pkg.peerDependenciesMeta["vitest"]?.optional).toBe(true);
    const code = (f: string): string => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const imported = new Set(core.flatMap((f) => [...code(f).matchAll(/from\s+"([^."][^"]*)"/g)].map((m) => m[1]!.split("/")[0]!)));
    expect([...imported].sort()).toEqual(["date-fns", "decimal.js", "vitest", "zod"]);
  });
});
