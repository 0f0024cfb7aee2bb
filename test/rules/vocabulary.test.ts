import { describe, expect, it } from "vitest";
import {
  GROUNDS,
  RULE_CONCLUSIONS,
  RuleSetSchema,
  runRules,
  safeValidateRuleSet,
  TraceSchema,
  validateRuleSet,
  type FactCatalogue,
} from "../../src/rules/index.js";
import { runRulesReference } from "../../src/rules/reference.js";
import { CATALOGUE, guangdongLikeRuleSet, SEED_DATE, SEED_FACTS } from "./fixtures.js";

// The engine is generic: a rule set declares what its rules conclude, in the
// order a report lists them, and on which grounds. A catalogue cleanup
// (清理) concludes, say, keep / revise / repeal / declare expired.

const bool = (en: string) => ({ type: "boolean" as const, description: { "zh-CN": en, en } });
const FACTS: FactCatalogue = { stillNeeded: bool("still needed"), duplicated: bool("duplicated"), outdated: bool("outdated") };
const rule = (id: string, conclusion: string, fact: string, extra: Record<string, unknown> = {}) => ({
  id,
  conclusion,
  when: { fact, operator: "isTrue" },
  reason: { "zh-CN": `理由：${id}`, en: id },
  basis: [{ document: "粤府令第277号", article: "第三十六条" }],
  ...extra,
});
const cleanup = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  id: "cleanup",
  version: "1",
  inForceFrom: "2021-01-01",
  conclusions: ["keep", "merge", "repeal"],
  grounds: ["stillNeeded", "duplicated", "outdated"],
  rules,
  ...extra,
});

describe("a rule set's own vocabulary", () => {
  const set = validateRuleSet(
    cleanup([
      rule("keep", "keep", "stillNeeded", { ground: "stillNeeded" }),
      rule("merge", "merge", "duplicated", { ground: "duplicated", exceptionTo: "keep" }),
      rule("repeal", "repeal", "outdated", { ground: "outdated" }),
    ]),
    { facts: FACTS },
  );

  it("is what the compiled set, its reasons and its trace speak", () => {
    expect(set.conclusions).toEqual(["keep", "merge", "repeal"]);
    expect(set.grounds).toEqual(["stillNeeded", "duplicated", "outdated"]);
    const result = runRules(set, { stillNeeded: { value: true }, duplicated: { value: true }, outdated: { value: false } }, { date: "2021" });
    expect(result.conclusion).toBe("merge");
    expect(result.reasons.map((r) => [r.rule, r.conclusion, r.ground])).toEqual([["merge", "merge", "duplicated"]]);
    expect(result.trace.rules.map((r) => [r.id, r.status, r.conclusion])).toEqual([
      ["keep", "overridden", "keep"],
      ["merge", "applied", "merge"],
      ["repeal", "notApplicable", "repeal"],
    ]);
    expect(TraceSchema.safeParse(result.trace).success).toBe(true);
  });

  it("orders a conflict's conclusions as the set declares them, whatever the order of the rules", () => {
    const both = { stillNeeded: { value: true }, duplicated: { value: false }, outdated: { value: true } };
    const result = runRules(set, both, { date: "2021" });
    expect(result.conclusion).toBe("conflict");
    if (result.conclusion === "conflict") expect(result.conflict).toEqual({ rules: ["keep", "repeal"], conclusions: ["keep", "repeal"] });
    const reversed = validateRuleSet(cleanup([rule("repeal", "repeal", "outdated"), rule("keep", "keep", "stillNeeded")], { conclusions: ["repeal", "keep"] }), { facts: FACTS });
    const other = runRules(reversed, both, { date: "2021" });
    if (other.conclusion === "conflict") expect(other.conflict).toEqual({ rules: ["repeal", "keep"], conclusions: ["repeal", "keep"] });
    expect(other.conclusion).toBe("conflict");
  });

  it("has no limit on how many conclusions: with 40, unknown rules still leave or settle the answer exactly", () => {
    const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const facts: FactCatalogue = Object.fromEntries(names.map((n) => [n, bool(n)]));
    const many = validateRuleSet(
      {
        id: "many",
        version: "1",
        inForceFrom: "2021-01-01",
        conclusions: names,
        rules: [rule("base", "c39", "c39"), rule("same", "c39", "c38"), rule("exception", "c35", "c35", { exceptionTo: "base" }), rule("other", "c33", "c33")],
      },
      { facts },
    );
    const run = (values: Record<string, boolean | undefined>) => {
      const given = Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, { value: v }]])));
      const result = runRules(many, given, { date: "2021" });
      expect(runRulesReference(many, given, { date: "2021" })).toStrictEqual(result);
      return result;
    };
    // An unknown rule that would agree changes nothing; an unknown exception could override the winner.
    expect(run({ c39: true, c38: undefined, c35: false, c33: false }).conclusion).toBe("c39");
    const open = run({ c39: true, c38: false, c35: undefined, c33: false });
    expect([open.conclusion, open.missingFacts]).toEqual(["undetermined", ["c35"]]);
    const conflict = run({ c39: true, c38: false, c35: false, c33: true });
    expect(conflict.conclusion).toBe("conflict");
    if (conflict.conclusion === "conflict") expect(conflict.conflict.conclusions).toEqual(["c33", "c39"]);
    expect(run({ c39: false, c38: false, c35: true, c33: undefined }).missingFacts).toEqual(["c33"]);
  });

  it("is RuleSetSchema's too: a declared conclusion passes, an undeclared one does not", () => {
    expect(RuleSetSchema.safeParse(cleanup([rule("keep", "keep", "stillNeeded")])).success).toBe(true);
    expect(RuleSetSchema.safeParse(cleanup([rule("keep", "continue", "stillNeeded")])).success).toBe(false);
    expect(RuleSetSchema.safeParse(guangdongLikeRuleSet()).success).toBe(true);
  });
});

describe("a set that declares none", () => {
  it("uses the default vocabulary: the five conclusions of an evaluation and the grounds of 国发〔2015〕68号", () => {
    const gd = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });
    expect(gd.conclusions).toEqual([...RULE_CONCLUSIONS]);
    expect(gd.grounds).toEqual([...GROUNDS]);
    expect(runRules(gd, SEED_FACTS, { date: SEED_DATE }).conclusion).toBe("continue");
  });
});

describe("problems of a vocabulary", () => {
  const problems = (input: unknown) => {
    const result = safeValidateRuleSet(input, { facts: FACTS });
    expect(result.success).toBe(false);
    return result.success ? [] : result.error.issues.map((i) => [i.code, i.path.join("."), i.messages.en, i.messages["zh-CN"]]);
  };

  it("a rule concluding, or resting on a ground, that the set does not declare: at its path, in both languages", () => {
    expect(problems(cleanup([rule("a", "continue", "stillNeeded", { ground: "taskCompleted" })]))).toEqual([
      ["unknown-conclusion", "rules.0.conclusion", "The rule set declares no conclusion continue; use one of keep, merge, repeal", "规则集未声明结论 continue；可用：keep、merge、repeal"],
      ["unknown-ground", "rules.0.ground", "The rule set declares no ground taskCompleted; use one of stillNeeded, duplicated, outdated", "规则集未声明理由类别 taskCompleted；可用：stillNeeded、duplicated、outdated"],
    ]);
  });

  it("a default set's rule concluding outside the default vocabulary", () => {
    const set = { ...cleanup([rule("a", "abolish", "stillNeeded")]), conclusions: undefined, grounds: undefined };
    expect(problems(set)).toEqual([
      ["unknown-conclusion", "rules.0.conclusion", "The rule set declares no conclusion abolish; use one of continue, extend, revise, repeal, declareExpired", "规则集未声明结论 abolish；可用：continue、extend、revise、repeal、declareExpired"],
    ]);
  });

  it("the engine's own answers are reserved, and a name is declared once", () => {
    expect(problems(cleanup([rule("a", "keep", "stillNeeded")], { conclusions: ["keep", "conflict", "keep", "undetermined"], grounds: ["x", "x"] })).map((p) => p.slice(0, 2))).toEqual([
      ["reserved-conclusion", "conclusions.1"],
      ["duplicate-conclusion", "conclusions.2"],
      ["reserved-conclusion", "conclusions.3"],
      ["duplicate-ground", "grounds.1"],
    ]);
    expect(problems(cleanup([], { conclusions: [] })).map((p) => p.slice(0, 2))).toEqual([["too-small", "conclusions"]]);
  });

  it("a long name and a long list are cut in messages", () => {
    const long = "x".repeat(500);
    const [issue] = problems(cleanup([rule("a", long, "stillNeeded")], { conclusions: Array.from({ length: 100 }, (_, i) => `c${i}`) }));
    expect((issue?.[2] as string).length).toBeLessThan(300);
    expect(issue?.[2]).toContain("c19, …");
  });
});
