import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { Io } from "../../src/cli/io.js";
import { qingyuanDocuments, qingyuanEvaluation } from "../../src/examples/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
      return text;
    },
  };
  const code = run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const catalogue = JSON.stringify(qingyuanDocuments);

describe("policy-eval CLI", () => {
  it("demo prints the chain, statuses, due date, checks and conclusion, all computed", () => {
    const { code, out } = cli(["demo"]);
    expect(code).toBe(0);
    // The report is undated: the year is that of its latest dated figure (截至 2021 年 7 月末).
    expect(out).toContain("评估日期：2021（报告未注明日期，有日期的数据最晚截至2021年7月31日，精确到年）");
    expect(out).toContain("国办发〔2016〕13号 → 粤府办〔2016〕66号 → 清府办〔2017〕59号");
    expect(out).toContain("商建字〔2016〕8号");
    expect(out).toContain("《广东省机动车登记服务站管理办法（2020年修订）》（无文号）");
    expect(out).toContain("清府办〔2017〕59号  现行有效");
    expect(out).toContain("即 2022-09（粤府令第277号第三十四条）");
    expect(out).toContain("326.16亿元 = 6.52亿元 + 319.64亿元 — 一致");
    expect(out).toContain("评估结论：继续有效（继续沿用）");
    expect(cli(["demo", "--lang", "en"]).out).toContain("Conclusion: continue");
    const json = JSON.parse(cli(["demo", "--json"]).out) as { result: { conclusion: string }; due: { dueOn: string } };
    expect(json.result.conclusion).toBe("continue");
    expect(json.due.dueOn).toBe("2022-09");
  });

  it("validate: exit 0 for a valid catalogue, 1 with every problem listed for an invalid one", () => {
    expect(cli(["validate", "c.json"], { "c.json": catalogue })).toMatchObject({ code: 0 });
    const bad = JSON.stringify([{ id: "a" }, { id: "a", title: "t", adminLevel: "city", instrumentRank: "normativeDocument", isNormative: true, relations: [{ type: "implements", target: "zz" }] }]);
    const result = cli(["validate", "bad.json", "--lang", "en"], { "bad.json": bad });
    expect(result.code).toBe(1);
    expect(result.out).toContain("error [0].title: Required field is missing");
    expect(result.out).toContain("(duplicate-id)");
    expect(result.out).toContain("(unknown-reference)");
    const json = JSON.parse(cli(["validate", "bad.json", "--json"], { "bad.json": bad }).out) as { valid: boolean; issues: unknown[] };
    expect(json.valid).toBe(false);
    expect(json.issues.length).toBeGreaterThanOrEqual(6);
  });

  it("status, due and impact answer from a catalogue file", () => {
    expect(cli(["status", "c.json", "--date", "2017-09-15", "--id", "qfb-2017-59"], { "c.json": catalogue }).out).toContain("uncertain");
    const due = cli(["due", "c.json", "--date", "2021-12-31", "--within-months", "12"], { "c.json": catalogue });
    expect(due.code).toBe(0);
    expect(due.out).toContain("清府办〔2017〕59号 应于印发（2017-09）后 5 年内评估，即 2022-09");
    expect(cli(["due", "c.json", "--date", "2023-01-01"], { "c.json": catalogue }).code).toBe(1); // overdue
    const impact = cli(["impact", "c.json", "--id", "yfb-2016-66", "--change", "repealed", "--on", "2022-01-01"], { "c.json": catalogue });
    expect(impact.code).toBe(1);
    expect(impact.out).toContain("清府办〔2017〕59号 直接依据或贯彻该文件");
  });

  it("evaluate: the conclusion with reasons; exit 1 when undetermined", () => {
    const input = JSON.stringify({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
    const ok = cli(["evaluate", "in.json"], { "in.json": input });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("评估结论：继续有效（继续沿用）");
    expect(ok.out).toContain("依据: 粤府令第277号第三十四条");
    const { findings: _none, ...open } = qingyuanEvaluation as typeof qingyuanEvaluation & { findings?: unknown };
    const undetermined = cli(["evaluate", "in.json", "--lang", "en"], { "in.json": JSON.stringify({ corpus: qingyuanDocuments, evaluation: open }) });
    expect(undetermined.code).toBe(1);
    expect(undetermined.out).toContain("missing facts: ");
    expect(undetermined.out).toContain("effects.stated");
  });

  it("schema prints a JSON Schema", () => {
    const schema = JSON.parse(cli(["schema", "document"]).out) as { type: string; required: string[] };
    expect(schema.type).toBe("object");
    expect(schema.required).toContain("isNormative");
    expect(JSON.parse(cli(["schema", "rules"]).out)).toHaveProperty("properties");
  });

  it("never prints a stack trace: bad input and usage errors exit 2 with one line each", () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [["validate", "missing.json"], {}, /无法读取文件 missing\.json/],
      [["validate", "x.json"], { "x.json": "{not json" }, /不是有效的 JSON/],
      [["nonsense"], {}, /未知命令 nonsense/],
      [["due", "c.json"], { "c.json": catalogue }, /缺少 --date/],
      [["due", "c.json", "--date", "2021-02-29"], { "c.json": catalogue }, /--date 应为/],
      [["status", "c.json", "--date", "2021", "--id", "nope"], { "c.json": catalogue }, /目录中没有文件 nope/],
      // A mistyped option or a stray argument is refused, not ignored.
      [["evaluate", "c.json", "--rule", "r.json"], { "c.json": catalogue }, /evaluate 命令没有 --rule 选项/],
      [["status", "c.json", "d.json", "--date", "2021"], { "c.json": catalogue }, /status 命令不接受多余的参数 d\.json/],
    ];
    for (const [argv, files, message] of cases) {
      const result = cli(argv, files);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
    expect(cli([]).code).toBe(2);
    expect(cli(["help"]).code).toBe(0);
  });

  it("reports an internal error in one line, without a stack trace", () => {
    const io: Io = { out: () => { throw new TypeError("boom"); }, err: (t) => lines.push(t), readText: () => "" };
    const lines: string[] = [];
    expect(run(["demo"], io)).toBe(2);
    expect(lines).toEqual(["policy-eval: internal error: boom"]);
  });

  it("runs as a process: exit codes, and nothing but messages on stderr", () => {
    const main = join(root, "src/cli/main.ts");
    const demo = spawnSync(process.execPath, ["--import", "tsx", main, "demo"], { cwd: root, encoding: "utf8" });
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("评估结论");
    const bad = spawnSync(process.execPath, ["--import", "tsx", main, "validate", "does-not-exist.json"], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\s+at /);
  }, 30_000);
});
