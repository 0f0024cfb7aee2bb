/** docs/report.md stays true: its excerpts of the reference report are in the reference, and its rendered excerpts are what the renderer writes. */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/index.js";
import { qingyuanReportText } from "../../src/examples/index.js";
import { qingyuanReportInput, with66Changed } from "./fixtures.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const doc = readFileSync(join(root, "docs/report.md"), "utf8");
const rows = [...doc.matchAll(/^\| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)].filter((m) => m[1] !== "section" && !m[1]!.startsWith("---")).map((m) => [m[1]!, m[2]!, m[3]!] as const);

/** The parts between … appear in the text, in order. */
function containsInOrder(text: string, excerpt: string): boolean {
  let from = 0;
  for (const part of excerpt.split("…")) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

describe("docs/report.md", () => {
  it("has a row per section, each excerpt true to its source", () => {
    expect(rows.map(([s]) => s.split(/[ ,]/)[0])).toEqual(["title", "一、政策背景", "二、实施效果", "二、实施效果", "二、实施效果", "二、实施效果", "三、组织评估工作过程", "四、评估结论", "四、评估结论"]);
    const rendered = renderReport(qingyuanReportInput(), { format: "text" });
    for (const [section, reference, mine] of rows) {
      expect(containsInOrder(qingyuanReportText, reference), `${section}: reference excerpt`).toBe(true);
      expect(rendered, `${section}: rendered excerpt`).toContain(mine);
    }
  });

  it("quotes the conclusion rendered with 粤府办〔2016〕66号 amended as the renderer writes it", () => {
    const quoted = [...doc.matchAll(/^> (.+)$/gm)].map((m) => m[1]!);
    expect(quoted).toHaveLength(3);
    const rendered = renderReport(qingyuanReportInput(with66Changed("amends")), { format: "text" });
    for (const line of quoted) expect(rendered).toContain(line);
  });

  it("shows the screenshot kept in docs/", () => {
    expect(doc).toContain("](report-qingyuan.png)");
    const png = readFileSync(join(root, "docs/report-qingyuan.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
