import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { evaluate } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservationInputs } from "../../src/examples/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
      return text;
    },
    writeText: (path, text) => {
      written[path] = text;
    },
  };
  const code = run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n"), written };
}

const catalogue = JSON.stringify(qingyuanDocuments);
const full = JSON.stringify({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation, indicators: qingyuanIndicators, observations: qingyuanObservationInputs });

describe("policy-eval report", () => {
  it("--example qingyuan renders the reference report, Markdown by default", () => {
    const { code, out } = cli(["report", "--example", "qingyuan"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("# 《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》实施情况和效果评估报告");
    expect(out).toContain("## 四、评估结论");
    expect(out).toContain("各平台撮合贷款金额326.16亿元，其中省中小企业融资平台6.52亿元、粤信融319.64亿元。");
  });

  it("renders an evaluate input file in each format and language", () => {
    const files = { "in.json": full };
    const text = cli(["report", "in.json", "--format", "text"], files);
    expect(text.code).toBe(0);
    expect(text.out).toContain("\n四、评估结论\n");
    expect(text.out).toContain("继续沿用。");
    const html = cli(["report", "in.json", "--format", "html", "--lang", "en"], files);
    expect(html.out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.out).toContain(`<h2 class="section"><span class="num">IV.</span> Conclusion</h2>`);
    // --lang zh and zh-CN are the same.
    expect(cli(["report", "in.json", "--lang", "zh"], files).out).toBe(cli(["report", "in.json", "--lang", "zh-CN"], files).out);
    expect(JSON.parse(cli(["report", "in.json", "--json"], files).out)).toMatchObject({ format: "markdown" });
  });

  it("reads a bare evaluation record with --corpus, and a saved result as it is", () => {
    const record = cli(["report", "rec.json", "--corpus", "docs.json", "--format", "text"], { "rec.json": JSON.stringify(qingyuanEvaluation), "docs.json": catalogue });
    expect(record.code).toBe(0);
    expect(record.out).toContain("经评估，《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》（清府办〔2017〕59号）继续沿用。");
    const result = JSON.stringify(evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation }));
    const saved = cli(["report", "result.json", "--corpus", "docs.json", "--format", "text"], { "result.json": result, "docs.json": catalogue });
    expect(saved.code).toBe(0);
    expect(saved.out).toBe(record.out);
    const alone = cli(["report", "result.json", "--format", "text"], { "result.json": result });
    expect(alone.out).toContain("被评估文件：qfb-2017-59（未提供文件目录");
  });

  it("-o writes the file; its extension chooses the format", () => {
    const html = cli(["report", "--example", "qingyuan", "-o", "out/report.html"]);
    expect(html.code).toBe(0);
    expect(html.out).toBe("");
    expect(html.written["out/report.html"]?.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(cli(["report", "--example", "qingyuan", "-o", "r.txt"]).written["r.txt"]?.startsWith("《清远市")).toBe(true);
    expect(cli(["report", "--example", "qingyuan", "--output", "r.md"]).written["r.md"]?.startsWith("# 《清远市")).toBe(true);
    expect(cli(["report", "--example", "qingyuan", "-o", "r.html", "--format", "text"]).written["r.html"]?.startsWith("《清远市")).toBe(true);
  });

  it("bad input: exit 2, one line per problem with the file and the path, no stack trace", () => {
    const badRecord = JSON.stringify({ ...qingyuanEvaluation, evaluatedOn: "2021-02-30", measures: [{ id: "m" }] });
    const record = cli(["report", "rec.json", "--corpus", "docs.json"], { "rec.json": badRecord, "docs.json": catalogue });
    expect(record.code).toBe(2);
    const lines = record.err.split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line).toMatch(/^policy-eval: rec\.json: \S+: .+ \([a-z-]+\)$/);
    expect(record.err).toContain("policy-eval: rec.json: measures[0].area: ");
    expect(record.err).not.toMatch(/\n\s+at /);

    const badCatalogue = JSON.stringify([...qingyuanDocuments, { id: "x", title: "t" }]);
    const corpus = cli(["report", "rec.json", "--corpus", "docs.json", "--lang", "en"], { "rec.json": JSON.stringify(qingyuanEvaluation), "docs.json": badCatalogue });
    expect(corpus.code).toBe(2);
    expect(corpus.err.split("\n")).toContain('policy-eval: docs.json: [6].adminLevel: Required field is missing (expected one of "central" | "province" | "city" | "county" | "township") (missing-field)');

    const inFile = cli(["report", "in.json"], { "in.json": JSON.stringify({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation, observations: [{ id: "o" }] }) });
    expect(inFile.code).toBe(2);
    expect(inFile.err).toContain("policy-eval: in.json: observations[0].indicatorId: ");

    const result = cli(["report", "result.json"], { "result.json": JSON.stringify({ conclusion: "maybe", evaluation: qingyuanEvaluation }) });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^policy-eval: result\.json: conclusion: /);
  });

  it("usage errors exit 2 in one line", () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [["report"], {}, /report 需要评估文件，或 --example qingyuan/],
      [["report", "--example", "nowhere"], {}, /未知的示例 nowhere/],
      [["report", "in.json", "--example", "qingyuan"], { "in.json": full }, /评估文件与 --example 只能给出一个/],
      [["report", "--example", "qingyuan", "--format", "pdf"], {}, /--format 应为 markdown、html 或 text/],
      [["report", "in.json"], { "in.json": "[1]" }, /in\.json：评估文件应为 JSON 对象/],
      [["report", "rec.json"], { "rec.json": JSON.stringify(qingyuanEvaluation) }, /报告需要文件目录/],
      [["report", "missing.json"], {}, /无法读取文件 missing\.json/],
      [["report", "--example", "qingyuan", "-o"], {}, /-o 需要一个值/],
      [["report", "--example", "qingyuan", "--lang", "fr"], {}, /--lang 应为 zh（或 zh-CN）或 en/],
      [["report", "--example", "qingyuan", "--colour"], {}, /report 命令没有 --colour 选项/],
    ];
    for (const [argv, files, message] of cases) {
      const result = cli(argv, files);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
    const noWrite: Io = { out: () => undefined, err: () => undefined, readText: () => "" };
    expect(run(["report", "--example", "qingyuan", "-o", "x.md"], noWrite)).toBe(2);
  });

  it("--lang zh is accepted by every command", () => {
    expect(cli(["validate", "c.json", "--lang", "zh"], { "c.json": catalogue }).out).toContain("有效：6 件文件");
    expect(cli(["demo", "--lang", "zh"]).out).toContain("评估结论：继续有效（继续沿用）");
    expect(cli(["help", "--lang", "zh"]).out).toContain("[--lang zh|en]");
  });

  it("demo ends with the rendered reference report", () => {
    const { code, out } = cli(["demo"]);
    expect(code).toBe(0);
    const at = out.indexOf("—— 评估报告（由以上数据生成）——");
    expect(at).toBeGreaterThan(0);
    const report = out.slice(at);
    expect(report).toContain("\n《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》实施情况和效果评估报告\n");
    for (const heading of ["一、政策背景", "二、实施效果", "三、组织评估工作过程", "四、评估结论"]) expect(report).toContain(`\n${heading}\n`);
    expect(cli(["demo", "--lang", "en"]).out).toContain("\nIV. Conclusion\n");
  });

  describe("as a process", () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-eval-report-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("writes the file with -o, and prints problems without a stack trace", () => {
      const main = join(root, "src/cli/main.ts");
      const out = join(dir, "report.html");
      const ok = spawnSync(process.execPath, ["--import", "tsx", main, "report", "--example", "qingyuan", "-o", out], { cwd: root, encoding: "utf8" });
      expect(ok.status).toBe(0);
      expect(readFileSync(out, "utf8")).toContain("<h2 class=\"section\"><span class=\"num\">四、</span>评估结论</h2>");
      const bad = spawnSync(process.execPath, ["--import", "tsx", main, "report", "--example", "qingyuan", "-o", join(dir, "no/such/dir/r.md")], { cwd: root, encoding: "utf8" });
      expect(bad.status).toBe(2);
      expect(bad.stderr.trim().split("\n")[0]).toMatch(/^policy-eval: 无法写入 /);
      expect(bad.stderr).not.toMatch(/\s+at /);
    }, 30_000);
  });
});
