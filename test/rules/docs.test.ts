import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runRules, validateRuleSet, type Facts } from "../../src/rules/index.js";
import { CATALOGUE, SEED_FACTS } from "./fixtures.js";

// The example rule set of docs/rules.md does what the page says it does.

const page = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../docs/rules.md"), "utf8");
// The first JSON block under "## A rule set" (the page has others: a trace, a rule set for evaluate).
const json = /\n## A rule set\n[\s\S]*?```json\n([\s\S]*?)\n```/.exec(page)?.[1] ?? "";
const compiled = validateRuleSet(JSON.parse(json), { facts: CATALOGUE });

describe("the rule set in docs/rules.md", () => {
  it("continues the seed report, on 2021-08-20 and on the year 2021 alike", () => {
    for (const date of ["2021-08-20", "2021"] as const) {
      const result = runRules(compiled, SEED_FACTS, { date });
      expect(result.conclusion).toBe("continue");
      expect(result.reasons[0]?.cites).toEqual(["粤府令第277号", "国办发〔2016〕13号", "粤府办〔2016〕66号"]);
    }
  });

  it("revises when a parent was amended, and the base rule shows who overrode it", () => {
    const result = runRules(compiled, { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true } }, { date: "2021-08-20" });
    expect(result.conclusion).toBe("revise");
    expect(result.trace.rules[0]).toMatchObject({ id: "continue-in-step", status: "overridden", overriddenBy: ["revise-parent-amended"] });
  });

  it("names both facts that could settle effectiveness when effectsMet is left out", () => {
    const { effectsMet: _dropped, ...facts } = SEED_FACTS;
    const result = runRules(compiled, facts, { date: "2021-08-20" });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["achievementRate", "effectsMet"]);
  });

  it("declares expired, not a conflict, when a parent was repealed and a conflict found", () => {
    const facts: Facts = { ...SEED_FACTS, conflictWithHigherFound: { value: true }, parentRepealedWithoutSuccessor: { value: true } };
    expect(runRules(compiled, facts, { date: "2021" }).conclusion).toBe("declareExpired");
  });

  it("uses 0.9 for the whole of 2021 and 0.8 for 2020", () => {
    const { effectsMet: _dropped, ...rest } = SEED_FACTS;
    const facts: Facts = { ...rest, achievementRate: { value: "0.85" } };
    expect(runRules(compiled, facts, { date: "2021" }).trace.parameters).toEqual([
      { name: "minimumAchievement", type: "decimal", uncertain: false, value: "0.9", from: "2021-01-01", basis: [{ document: "粤府令第277号" }] },
    ]);
    expect(runRules(compiled, facts, { date: "2020" }).conclusion).toBe("continue");
  });
});
