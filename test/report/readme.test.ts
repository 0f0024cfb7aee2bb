/** The README's report example runs as written and prints what its comments say. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, expect, it, vi } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = join(root, "test/report/.generated-readme");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("runs the README's report example and prints what its comments claim", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /## Render the evaluation report[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const code = block!
    .replace(/from "policy-eval\/examples"/g, `from ${JSON.stringify(pathToFileURL(join(root, "src/examples/index.ts")).href)}`)
    .replace(/from "policy-eval"/g, `from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "report.ts");
  writeFileSync(file, code);
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  try {
    await import(pathToFileURL(file).href);
  } finally {
    spy.mockRestore();
  }
  const claims = [...block!.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]!);
  expect(claims).toHaveLength(3);
  expect(lines).toEqual(claims);
});
