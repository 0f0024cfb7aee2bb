import { describe, expect, it } from "vitest";
import { RuleSetSchema, runRules, safeValidateRuleSet, TraceSchema, validateRuleSet, type Facts, type RulesResult } from "../../src/rules/index.js";
import { CATALOGUE, guangdongMultiRuleSet, SEED_DATE, SEED_FACTS } from "./fixtures.js";

// Exceptions to several rules at once (Catala: one exception overriding several definitions).

const multi = validateRuleSet(guangdongMultiRuleSet(), { facts: CATALOGUE });
const REPEALED_AND_CONFLICT: Facts = {
  ...SEED_FACTS,
  conflictWithHigherFound: { value: true, cites: ["《中华人民共和国行政许可法》"] },
  parentRepealedWithoutSuccessor: { value: true, cites: ["国办发〔2016〕13号"] },
};

function rows(result: RulesResult): [string, string, readonly string[]][] {
  return result.trace.rules.map((r) => [r.id, r.status, r.overriddenBy]);
}

function rule(id: string, conclusion: string, fact: string, exceptionTo?: string | string[]) {
  return {
    id,
    conclusion,
    when: { fact, operator: "isTrue" },
    reason: { "zh-CN": `理由 ${id}`, en: `Reason ${id}` },
    basis: [{ document: "粤府令第277号", article: "第三十六条" }],
    ...(exceptionTo === undefined ? {} : { exceptionTo }),
  };
}

describe("an exception to several rules (Guangdong-like set, 粤府令第277号 art. 36)", () => {
  it("a repealed parent AND a conflict found give declareExpired, not a conflict", () => {
    const result = runRules(multi, REPEALED_AND_CONFLICT, { date: SEED_DATE });
    expect(result.conclusion).toBe("declareExpired");
    expect(result.reasons.map((r) => r.rule)).toEqual(["declare-expired-parent-ended"]);
    expect(result.reasons[0]?.cites).toEqual(["粤府令第277号", "国发〔2015〕68号", "国办发〔2016〕13号"]);
    expect(rows(result)).toEqual([
      ["continue-in-step", "notApplicable", []],
      ["revise-parent-changed", "notApplicable", []],
      ["revise-conflict", "overridden", ["declare-expired-parent-ended"]],
      ["declare-expired-parent-ended", "applied", []],
    ]);
  });

  it("with the exception to one revise rule only, the same facts are a conflict (why several targets are needed)", () => {
    const single = validateRuleSet(guangdongMultiRuleSet("revise-parent-changed"), { facts: CATALOGUE });
    const result = runRules(single, REPEALED_AND_CONFLICT, { date: SEED_DATE });
    expect(result.conclusion).toBe("conflict");
    if (result.conclusion !== "conflict") return;
    expect(result.conflict).toEqual({ rules: ["revise-conflict", "declare-expired-parent-ended"], conclusions: ["revise", "declareExpired"] });
  });

  it("overrides both revise rules at once when both apply, and the base rule through either", () => {
    const result = runRules(multi, { ...REPEALED_AND_CONFLICT, parentAmendedAfterAdoption: { value: true } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("declareExpired");
    expect(rows(result)).toEqual([
      ["continue-in-step", "notApplicable", []],
      ["revise-parent-changed", "overridden", ["declare-expired-parent-ended"]],
      ["revise-conflict", "overridden", ["declare-expired-parent-ended"]],
      ["declare-expired-parent-ended", "applied", []],
    ]);
  });

  it("overrides the base rule through the revise rules even when neither applies, recording the exception once", () => {
    const result = runRules(multi, { ...SEED_FACTS, parentRepealedWithoutSuccessor: { value: true } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("declareExpired");
    expect(rows(result)[0]).toEqual(["continue-in-step", "overridden", ["declare-expired-parent-ended"]]);
  });

  it("records the nearest applicable exceptions on every path (a diamond)", () => {
    const result = runRules(
      multi,
      { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true }, conflictWithHigherFound: { value: false }, parentRepealedWithoutSuccessor: { value: false } },
      { date: SEED_DATE },
    );
    expect(result.conclusion).toBe("revise");
    expect(rows(result)[0]).toEqual(["continue-in-step", "overridden", ["revise-parent-changed"]]);
    const both = compileSet([
      rule("base", "continue", "effectsMet"),
      rule("left", "revise", "parentAmendedAfterAdoption", "base"),
      rule("right", "revise", "conflictWithHigherFound", "base"),
      rule("top", "declareExpired", "parentRepealedWithoutSuccessor", ["left", "right"]),
    ]);
    const facts: Facts = { effectsMet: { value: true }, parentAmendedAfterAdoption: { value: true }, conflictWithHigherFound: { value: false }, parentRepealedWithoutSuccessor: { value: true } };
    expect(rows(runRules(both, facts, { date: SEED_DATE }))).toEqual([
      ["base", "overridden", ["left", "top"]],
      ["left", "overridden", ["top"]],
      ["right", "notApplicable", []],
      ["top", "applied", []],
    ]);
  });

  it("shows exceptionTo as a list for every rule in the trace, and the trace validates", () => {
    const result = runRules(multi, SEED_FACTS, { date: SEED_DATE });
    expect(result.conclusion).toBe("continue");
    expect(result.trace.rules.map((r) => r.exceptionTo)).toEqual([
      [],
      ["continue-in-step"],
      ["continue-in-step"],
      ["revise-parent-changed", "revise-conflict"],
    ]);
    expect(TraceSchema.safeParse(result.trace).success).toBe(true);
  });
});

function compileSet(rules: unknown[]) {
  return validateRuleSet({ id: "t", version: "1", inForceFrom: "2017-01-01", rules }, { facts: CATALOGUE });
}

describe("unknown rules with several targets", () => {
  it("an unknown exception to both revise rules keeps a revise answer undetermined, naming its fact", () => {
    const { parentRepealedWithoutSuccessor: _dropped, ...facts } = REPEALED_AND_CONFLICT;
    const result = runRules(multi, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["parentRepealedWithoutSuccessor"]);
  });

  it("an unknown exception above the base rule (through rules that do not apply) keeps continue undetermined", () => {
    const { parentRepealedWithoutSuccessor: _dropped, ...facts } = SEED_FACTS;
    const result = runRules(multi, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["parentRepealedWithoutSuccessor"]);
  });

  it("unknown rules below an applicable exception cannot change the answer", () => {
    const { conflictWithHigherFound: _c, parentAmendedAfterAdoption: _p, ...rest } = REPEALED_AND_CONFLICT;
    const result = runRules(multi, rest, { date: SEED_DATE });
    expect(result.conclusion).toBe("declareExpired");
    expect(result.trace.rules.map((r) => r.status)).toEqual(["unknown", "unknown", "unknown", "applied"]);
  });

  it("an unknown rule above one winner and beside another is at the second's level: it matters only if it disagrees", () => {
    const agree = compileSet([
      rule("keep", "continue", "effectsMet"),
      rule("also", "continue", "parentsInForceUnrevised"),
      rule("over-both", "continue", "parentRepealedWithoutSuccessor", ["keep", "also"]),
    ]);
    const facts: Facts = { effectsMet: { value: true }, parentsInForceUnrevised: { value: true } };
    expect(runRules(agree, facts, { date: SEED_DATE }).conclusion).toBe("continue");
    const disagree = compileSet([
      rule("keep", "continue", "effectsMet"),
      rule("also", "continue", "parentsInForceUnrevised"),
      rule("over-both", "repeal", "parentRepealedWithoutSuccessor", ["keep", "also"]),
    ]);
    const result = runRules(disagree, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["parentRepealedWithoutSuccessor"]);
    // Overriding one winner only would leave the other: a conflict is one of the outcomes, so still undetermined.
    const one = compileSet([
      rule("keep", "continue", "effectsMet"),
      rule("also", "continue", "parentsInForceUnrevised"),
      rule("over-one", "repeal", "parentRepealedWithoutSuccessor", ["keep"]),
    ]);
    expect(runRules(one, facts, { date: SEED_DATE }).conclusion).toBe("undetermined");
    expect(runRules(one, { ...facts, parentRepealedWithoutSuccessor: { value: true } }, { date: SEED_DATE }).conclusion).toBe("conflict");
  });
});

describe("validating exceptions to several rules", () => {
  const codes = (rules: unknown[]) => {
    const result = safeValidateRuleSet({ id: "t", version: "1", inForceFrom: "2017-01-01", rules }, { facts: CATALOGUE });
    return result.success ? [] : result.error.issues.map((i) => `${i.code} @ ${i.path.join(".")}`);
  };

  it("accepts a list of existing rules, and keeps it as written", () => {
    const result = safeValidateRuleSet(guangdongMultiRuleSet(), { facts: CATALOGUE });
    expect(result.success && result.data.ruleSet.rules.map((r) => r.exceptionTo)).toEqual([
      undefined,
      "continue-in-step",
      "continue-in-step",
      ["revise-parent-changed", "revise-conflict"],
    ]);
  });

  it("never keeps or changes the caller's list, and agrees with RuleSetSchema", () => {
    const input = guangdongMultiRuleSet();
    const compiled = validateRuleSet(input, { facts: CATALOGUE });
    const list = input.rules[3]?.exceptionTo as string[];
    expect(Object.isFrozen(list)).toBe(false);
    list.push("continue-in-step");
    expect(compiled.ruleSet.rules[3]?.exceptionTo).toEqual(["revise-parent-changed", "revise-conflict"]);
    expect(runRules(compiled, REPEALED_AND_CONFLICT, { date: SEED_DATE }).trace.rules[3]?.exceptionTo).toEqual(["revise-parent-changed", "revise-conflict"]);
    expect(RuleSetSchema.safeParse(guangdongMultiRuleSet()).success).toBe(true);
    expect(RuleSetSchema.safeParse(guangdongMultiRuleSet([])).success).toBe(false);
  });

  it("reports an empty list, an unknown id and a duplicate id, each at its element", () => {
    expect(
      codes([
        rule("a", "continue", "effectsMet"),
        rule("b", "revise", "effectsMet", []),
        rule("c", "revise", "effectsMet", ["a", "nowhere", "a"]),
        rule("d", "revise", "effectsMet", ["a", ""]),
      ]),
    ).toEqual(["too-small @ rules.1.exceptionTo", "unknown-rule @ rules.2.exceptionTo.1", "duplicate-exception-target @ rules.2.exceptionTo.2", "too-small @ rules.3.exceptionTo.1"]);
  });

  it("finds a cycle through a multi-target exception, with its path, at the edge into the cycle", () => {
    const result = safeValidateRuleSet(
      {
        id: "t",
        version: "1",
        inForceFrom: "2017-01-01",
        rules: [
          rule("base", "continue", "effectsMet"),
          rule("a", "revise", "effectsMet", ["base", "c"]),
          rule("b", "revise", "effectsMet", "a"),
          rule("c", "declareExpired", "effectsMet", ["base", "b"]),
        ],
      },
      { facts: CATALOGUE },
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => [i.code, i.path, i.params?.["cycle"], i.message])).toEqual([
      ["exception-cycle", ["rules", 1, "exceptionTo", 1], ["a", "c", "b", "a"], "Exceptions form a cycle: a → c → b → a"],
    ]);
  });

  it("finds a rule listed among its own targets", () => {
    expect(codes([rule("base", "continue", "effectsMet"), rule("a", "revise", "effectsMet", ["base", "a"])])).toEqual(["exception-cycle @ rules.1.exceptionTo.1"]);
  });

  it("finds two cycles sharing a multi-target rule, each once", () => {
    const result = safeValidateRuleSet(
      {
        id: "t",
        version: "1",
        inForceFrom: "2017-01-01",
        rules: [rule("hub", "revise", "effectsMet", ["x", "y"]), rule("x", "revise", "effectsMet", "hub"), rule("y", "revise", "effectsMet", "hub")],
      },
      { facts: CATALOGUE },
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => i.params?.["cycle"])).toEqual([
      ["hub", "x", "hub"],
      ["hub", "y", "hub"],
    ]);
  });
});
