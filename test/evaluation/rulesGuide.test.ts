import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluate, EVALUATION_FACTS, GUANGDONG_RULE_SET, safeEvaluate, validateRuleSet, type PolicyDocumentInput } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "../../src/examples/index.js";

// The section "Rule sets for `evaluate`" of docs/rules.md: its facts table is EVALUATION_FACTS, and its
// example rule set runs with `evaluate` and does what the page says it does.

const page = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../docs/rules.md"), "utf8");

/** The text under a heading (given in full, `## …` or `### …`), up to the next heading of its level or above. */
function sectionOf(heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = page.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/rules.md has no heading ${heading}`);
  const body = page.slice(start + heading.length + 2);
  const end = new RegExp(`^#{1,${level}} `, "m").exec(body);
  return end === null ? body : body.slice(0, end.index);
}

/** The first fenced block of a language in a piece of the page. */
function blockOf(text: string, language: string): string {
  const block = new RegExp("```" + language + "\\n([\\s\\S]*?)\\n```").exec(text)?.[1];
  if (block === undefined) throw new Error(`no ${language} block`);
  return block;
}

const guide = sectionOf("## Rule sets for `evaluate` — 评估规则集");
const rules: unknown = JSON.parse(blockOf(sectionOf("### Example: a rule set for `evaluate`"), "json"));
const reference = { corpus: qingyuanDocuments, evaluation: qingyuanEvaluation, indicators: qingyuanIndicators, observations: qingyuanObservations };

/** 粤府办〔2016〕66号 amended on a date (the catalogue's own amendment relation). */
function amendedOn(adoptedOn: PolicyDocumentInput["adoptedOn"]) {
  const amendment: PolicyDocumentInput = {
    id: "yfb-amendment",
    title: "广东省人民政府办公厅关于修改促进二手车便利交易实施方案的通知",
    issuer: "广东省人民政府办公厅",
    adminLevel: "province",
    instrumentRank: "normativeDocument",
    isNormative: true,
    jurisdiction: "guangdong",
    adoptedOn,
    relations: [{ type: "amends", target: "yfb-2016-66" }],
  };
  return { ...reference, corpus: [...qingyuanDocuments, amendment] };
}

describe("docs/rules.md — the facts evaluate derives", () => {
  it("lists exactly the facts of EVALUATION_FACTS, with their types and enum values", () => {
    const rows = sectionOf("### The facts `evaluate` derives")
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    const listed = Object.fromEntries(
      rows.map(([, name, type]) => {
        const [kind, ...values] = [...type!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
        return [/^`([^`]+)`$/.exec(name!)![1]!, values.length === 0 ? { type: kind } : { type: kind, values }];
      }),
    );
    expect(rows.length).toBe(Object.keys(listed).length); // no fact twice
    const declared = Object.fromEntries(
      Object.entries(EVALUATION_FACTS).map(([name, d]) => [name, d.values === undefined ? { type: d.type } : { type: d.type, values: [...d.values] }]),
    );
    expect(listed).toEqual(declared);
  });

  it("names the catalogue and the default rule set, dated as GUANGDONG_RULE_SET is", () => {
    expect(guide).toContain("`EVALUATION_FACTS`");
    expect(guide).toContain("`GUANGDONG_RULE_SET`");
    expect(guide).toContain("src/evaluation/guangdongRules.ts");
    expect(guide).toContain(`\`inForceFrom: "${GUANGDONG_RULE_SET.inForceFrom}"\``);
  });
});

describe("docs/rules.md — the example rule set for evaluate", () => {
  it("reads only facts evaluate derives, and validates against EVALUATION_FACTS without warnings", () => {
    const compiled = validateRuleSet(rules, { facts: EVALUATION_FACTS });
    expect(compiled.ruleSet.facts).toBeUndefined();
    expect(Object.keys(compiled.facts).every((name) => Object.hasOwn(EVALUATION_FACTS, name))).toBe(true);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.ruleSet.rules.every((rule) => rule.basis.length > 0)).toBe(true);
  });

  it("continues the reference case, citing 粤府办〔2016〕66号 and 国办发〔2016〕13号, plain or compiled", () => {
    for (const set of [rules, validateRuleSet(rules, { facts: EVALUATION_FACTS })]) {
      const result = evaluate(reference, { rules: set });
      expect(result.conclusion).toBe("continue");
      expect(result.reasons.map((r) => r.rule)).toEqual(["continue-in-step"]);
      expect(result.reasons[0]!.cites).toEqual(["粤府令第277号", "粤府办〔2016〕66号", "国办发〔2016〕13号"]);
      expect(result.facts["parents.amendedSinceAdoption"]?.value).toEqual([]);
      expect(result.trace.ruleSet.id).toBe("qingyuan-normative-documents");
    }
  });

  it("revises when 粤府办〔2016〕66号 was amended in 2019, the base rule overridden", () => {
    const result = evaluate(amendedOn("2019-03-01"), { rules });
    expect(result.conclusion).toBe("revise");
    expect(result.reasons.map((r) => r.rule)).toEqual(["revise-provincial-plan-amended"]);
    expect(result.reasons[0]!.cites).toContain("粤府办〔2016〕66号");
    expect(result.trace.rules.find((r) => r.id === "continue-in-step")).toMatchObject({ status: "overridden", overriddenBy: ["revise-provincial-plan-amended"] });
  });

  it("is undetermined, naming the list, when an amendment in the plan's own month may precede it", () => {
    const result = evaluate(amendedOn("2017-09-20"), { rules });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toContain("parents.amendedSinceAdoption");
  });

  it("never continues a plan already repealed (2020), as the page says", () => {
    const repealer: PolicyDocumentInput = {
      id: "repealer",
      title: "清远市人民政府办公室关于废止部分文件的通知",
      adminLevel: "city",
      instrumentRank: "normativeDocument",
      isNormative: true,
      adoptedOn: "2020-06-01",
      relations: [{ type: "repeals", target: "qfb-2017-59" }],
    };
    const result = evaluate({ ...reference, corpus: [...qingyuanDocuments, repealer] }, { rules });
    expect(result.conclusion).toBe("undetermined");
    expect(result.facts["subject.status"]?.value).toBe("repealed");
  });

  it("is refused by evaluate for the runRules example, as the page says: its facts are not evaluate's", () => {
    const runRulesExample: unknown = JSON.parse(blockOf(sectionOf("## A rule set"), "json"));
    const result = safeEvaluate(reference, { rules: runRulesExample });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(new Set(result.error.issues.map((i) => i.code))).toEqual(new Set(["unknown-fact"]));
      expect(result.error.issues.every((i) => i.path[0] === "rules")).toBe(true);
    }
  });
});
