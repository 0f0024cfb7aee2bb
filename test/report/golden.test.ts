/**
 * Golden files: the reference report rendered in each format and language,
 * compared byte for byte with test/report/golden/. After a deliberate change
 * of the output, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts` and read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderReport, type ReportFormat } from "../../src/index.js";
import { qingyuanReportInput } from "./fixtures.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "golden");
const update = process.env["UPDATE_GOLDEN"] === "1";
const input = qingyuanReportInput();

const CASES: ReadonlyArray<[ReportFormat, "zh" | "en", string]> = [
  ["markdown", "zh", "qingyuan.zh.md"],
  ["html", "zh", "qingyuan.zh.html"],
  ["text", "zh", "qingyuan.zh.txt"],
  ["markdown", "en", "qingyuan.en.md"],
  ["html", "en", "qingyuan.en.html"],
  ["text", "en", "qingyuan.en.txt"],
];

describe("golden files of the reference report", () => {
  for (const [format, lang, file] of CASES) {
    it(`${format} (${lang}) matches golden/${file}`, () => {
      const rendered = renderReport(input, { format, lang });
      const path = join(dir, file);
      if (update) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path, rendered);
      }
      expect(existsSync(path), `golden/${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(rendered).toBe(readFileSync(path, "utf8"));
    });
  }
});
