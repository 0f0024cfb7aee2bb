/** The README's usage example runs as written, and prints what its comments say. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, expect, it, vi } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = join(root, "test/docs/.generated-readme");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("runs the README's usage example and prints what its comments claim", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /## Use\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const code = block!
    .replace(/from "policy-eval\/examples"/g, `from ${JSON.stringify(pathToFileURL(join(root, "src/examples/index.ts")).href)}`)
    .replace(/from "policy-eval"/g, `from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "usage.ts");
  writeFileSync(file, code);
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  });
  try {
    await import(pathToFileURL(file).href);
  } finally {
    spy.mockRestore();
  }
  // Each console.log line's comment starts with what it prints.
  const claims = [...block!.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]!);
  expect(lines).toHaveLength(claims.length);
  claims.forEach((claim, i) => {
    const printed = lines[i]!.replace(/"/g, "'").replace(/,/g, ", ").replace(/\[/g, "[ ").replace(/\]/g, " ]");
    expect(claim.startsWith(printed) || claim.startsWith(lines[i]!), `${lines[i]} vs ${claim}`).toBe(true);
  });
});
