/**
 * `npm run bench [-- --json] [--only corpus,quantities,rules,evaluate,report] [--n 10000,100000]`
 * Each group module runs its benchmarks when imported and asked for.
 */
import { wanted } from "./harness.js";

const groups: Array<[string, () => Promise<{ run: () => void | Promise<void> }>]> = [
  ["corpus", () => import("./corpus.bench.js")],
  ["quantities", () => import("./quantities.bench.js")],
  ["rules", () => import("./rules.bench.js")],
  ["evaluate", () => import("./evaluate.bench.js")],
  ["report", () => import("./report.bench.js")],
];

for (const [name, load] of groups) {
  if (!wanted(name)) continue;
  let mod: { run: () => void | Promise<void> };
  try {
    mod = await load();
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") continue; // group not written yet
    throw error;
  }
  await mod.run();
}
