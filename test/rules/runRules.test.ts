import { describe, expect, it } from "vitest";
import { addDecimals, toExactDecimal } from "../../src/quantities/decimal.js";
import { runRules, TraceSchema, validateRuleSet, type Facts, type RulesResult, type TraceNode } from "../../src/rules/index.js";
import { CATALOGUE, compile, errorOf, guangdongLikeRuleSet, rule, SEED_DATE, SEED_FACTS } from "./fixtures.js";

const gd = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });

function statuses(result: RulesResult): Record<string, string> {
  return Object.fromEntries(result.trace.rules.map((r) => [r.id, r.status]));
}

describe("runRules on the seed report (清府办〔2017〕59号)", () => {
  const result = runRules(gd, SEED_FACTS, { date: SEED_DATE });

  it("continues in force, citing both parents through the fact and the rule's basis", () => {
    expect(result.conclusion).toBe("continue");
    expect(result.reasons).toHaveLength(1);
    const [reasonGiven] = result.reasons;
    expect(reasonGiven?.rule).toBe("continue-in-step");
    expect(reasonGiven?.ground).toBe("parentsInForceUnchanged");
    expect(reasonGiven?.messages["zh-CN"]).toContain("按照与上位法律法规同步实施的原则继续沿用");
    expect(reasonGiven?.cites).toEqual(["粤府令第277号", "国办发〔2016〕13号", "粤府办〔2016〕66号"]);
    expect(reasonGiven?.basis).toEqual([{ document: "粤府令第277号", article: "第三十四条" }]);
    expect(reasonGiven?.facts.map((f) => [f.name, f.value])).toEqual([
      ["parentsInForceUnrevised", true],
      ["conflictWithHigherFound", false],
      ["effectsMet", true],
    ]);
    expect(reasonGiven?.facts[0]?.explanation?.["zh-CN"]).toBe("国办发〔2016〕13号和粤府办〔2016〕66号仍在实施期且未进行修订");
    expect(result.missingFacts).toEqual([]);
  });

  it("traces every rule, named condition, fact and the values each condition saw", () => {
    const trace = result.trace;
    expect(trace.version).toBe("policy-eval.trace/2");
    expect(trace.ruleSet).toEqual({ id: "gd-like", version: "2024.1", inForceFrom: "2017-01-01", inForce: true });
    expect(trace.date).toBe(SEED_DATE);
    expect(trace.conclusion).toBe("continue");
    expect(statuses(result)).toEqual({
      "continue-in-step": "applied",
      "revise-parent-amended": "notApplicable",
      "expire-parent-repealed": "notApplicable",
    });
    expect(trace.facts.map((f) => f.name)).toEqual([
      "conflictWithHigherFound",
      "effectsMet",
      "parentAmendedAfterAdoption",
      "parentRepealedWithoutSuccessor",
      "parentsInForceUnrevised",
    ]);
    expect(trace.conditions).toEqual([
      {
        name: "noConflict",
        result: true,
        evaluated: true,
        when: {
          kind: "not",
          result: true,
          evaluated: true,
          children: [{ kind: "fact", fact: "conflictWithHigherFound", operator: "isTrue", result: false, evaluated: true, value: false }],
        },
      },
    ]);
    const base = trace.rules[0];
    expect(base?.basis).toEqual([{ document: "粤府令第277号", article: "第三十四条" }]);
    expect(base?.when).toMatchObject({
      kind: "all",
      result: true,
      children: [
        { kind: "fact", fact: "parentsInForceUnrevised", value: true, result: true },
        { kind: "condition", name: "noConflict", result: true },
        { kind: "fact", fact: "effectsMet", value: true, result: true },
      ],
    });
    expect(trace.rules.map((r) => [r.id, r.exceptionTo, r.inForce])).toEqual([
      ["continue-in-step", [], true],
      ["revise-parent-amended", ["continue-in-step"], true],
      ["expire-parent-repealed", ["revise-parent-amended"], true],
    ]);
  });

  it("gives a trace that validates and survives JSON unchanged", () => {
    expect(TraceSchema.safeParse(result.trace).success).toBe(true);
    expect(JSON.parse(JSON.stringify(result.trace))).toStrictEqual(result.trace);
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  });
});

describe("exceptions (Catala default logic)", () => {
  it("an amended parent makes the revise exception override continue, and the trace says which overrode which", () => {
    const result = runRules(gd, { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true, cites: ["粤府办〔2016〕66号"] } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("revise");
    expect(result.reasons.map((r) => r.rule)).toEqual(["revise-parent-amended"]);
    expect(result.reasons[0]?.cites).toEqual(["粤府令第277号", "粤府办〔2016〕66号"]);
    expect(statuses(result)).toEqual({
      "continue-in-step": "overridden",
      "revise-parent-amended": "applied",
      "expire-parent-repealed": "notApplicable",
    });
    expect(result.trace.rules[0]?.overriddenBy).toEqual(["revise-parent-amended"]);
  });

  it("an exception to an exception overrides both, even when the middle rule does not apply", () => {
    const result = runRules(gd, { ...SEED_FACTS, parentRepealedWithoutSuccessor: { value: true, cites: ["国办发〔2016〕13号"] } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("declareExpired");
    expect(statuses(result)).toMatchObject({ "continue-in-step": "overridden", "expire-parent-repealed": "applied" });
    expect(result.trace.rules[0]?.overriddenBy).toEqual(["expire-parent-repealed"]);
  });

  it("with both exceptions applying, the nearest overrides are recorded at each level", () => {
    const result = runRules(
      gd,
      { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true }, parentRepealedWithoutSuccessor: { value: true } },
      { date: SEED_DATE },
    );
    expect(result.conclusion).toBe("declareExpired");
    expect(result.trace.rules.map((r) => [r.id, r.status, r.overriddenBy])).toEqual([
      ["continue-in-step", "overridden", ["revise-parent-amended"]],
      ["revise-parent-amended", "overridden", ["expire-parent-repealed"]],
      ["expire-parent-repealed", "applied", []],
    ]);
  });

  it("an exception applies even when the rule it overrides does not", () => {
    const result = runRules(gd, { ...SEED_FACTS, effectsMet: { value: false }, parentAmendedAfterAdoption: { value: true } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("revise");
    expect(statuses(result)["continue-in-step"]).toBe("notApplicable");
  });
});

describe("conflicts", () => {
  const compiled = compile([
    rule("keep", "continue", { fact: "effectsMet", operator: "isTrue" }),
    rule("drop", "repeal", { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" }),
    rule("keep-too", "continue", { fact: "parentsInForceUnrevised", operator: "isTrue" }),
  ]);

  it("two applicable rules at one level that disagree give a conflict, listing them, never settled by order", () => {
    const facts: Facts = { effectsMet: { value: true }, parentRepealedWithoutSuccessor: { value: true }, parentsInForceUnrevised: { value: false } };
    const result = runRules(compiled, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("conflict");
    if (result.conclusion !== "conflict") return;
    expect(result.conflict).toEqual({ rules: ["keep", "drop"], conclusions: ["continue", "repeal"] });
    expect(result.reasons.map((r) => [r.rule, r.conclusion])).toEqual([
      ["keep", "continue"],
      ["drop", "repeal"],
    ]);
    expect(result.trace.conclusion).toBe("conflict");
    expect(result.trace.rules.length).toBe(3);
  });

  it("winners that agree give their conclusion with one reason each", () => {
    const result = runRules(compiled, { effectsMet: { value: true }, parentRepealedWithoutSuccessor: { value: false }, parentsInForceUnrevised: { value: true } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("continue");
    expect(result.reasons.map((r) => r.rule)).toEqual(["keep", "keep-too"]);
  });
});

describe("missing facts and undetermined answers", () => {
  it("a missing fact gives undetermined naming it (absent is unknown, never false)", () => {
    const { effectsMet: _dropped, ...facts } = SEED_FACTS;
    const result = runRules(gd, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["effectsMet"]);
    expect(result.reasons).toEqual([]);
    expect(statuses(result)["continue-in-step"]).toBe("unknown");
    const effects = result.trace.rules[0]?.when as Extract<TraceNode, { children: unknown }>;
    expect(effects.children[2]).toEqual({ kind: "fact", fact: "effectsMet", operator: "isTrue", result: "unknown", evaluated: true, missing: true });
    expect(result.trace.facts.find((f) => f.name === "effectsMet")).toEqual({ name: "effectsMet", type: "boolean", missing: true });
  });

  it("an undefined value counts as missing too", () => {
    const result = runRules(gd, { ...SEED_FACTS, effectsMet: undefined }, { date: SEED_DATE });
    expect(result.missingFacts).toEqual(["effectsMet"]);
  });

  it("an unknown exception that could override the winner keeps the answer undetermined", () => {
    const { parentRepealedWithoutSuccessor: _dropped, ...facts } = SEED_FACTS;
    const result = runRules(gd, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["parentRepealedWithoutSuccessor"]);
    expect(statuses(result)["continue-in-step"]).toBe("applied");
  });

  it("a false part settles all(): an unknown part beside it does not matter", () => {
    const result = runRules(gd, { ...SEED_FACTS, parentsInForceUnrevised: { value: false }, effectsMet: undefined }, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual([]);
    expect(statuses(result)["continue-in-step"]).toBe("notApplicable");
  });

  it("an unknown rule that cannot change the answer is ignored", () => {
    const compiled = compile([
      rule("base", "continue", { fact: "effectsMet", operator: "isTrue" }),
      rule("also", "continue", { fact: "parentsInForceUnrevised", operator: "isTrue" }),
      rule("exception", "revise", { fact: "parentAmendedAfterAdoption", operator: "isTrue" }, { exceptionTo: "base" }),
    ]);
    // `also` is unknown but would agree; the base is unknown but overridden anyway.
    expect(runRules(compiled, { effectsMet: { value: true }, parentAmendedAfterAdoption: { value: false } }, { date: SEED_DATE }).conclusion).toBe("continue");
    const overridden = runRules(compiled, { parentAmendedAfterAdoption: { value: true }, parentsInForceUnrevised: { value: false } }, { date: SEED_DATE });
    expect(overridden.conclusion).toBe("revise");
    expect(statuses(overridden)["base"]).toBe("unknown");
  });

  it("an unknown rule at the winners' level with another conclusion keeps it undetermined", () => {
    const compiled = compile([
      rule("keep", "continue", { fact: "effectsMet", operator: "isTrue" }),
      rule("drop", "repeal", { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" }),
    ]);
    const result = runRules(compiled, { effectsMet: { value: true } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["parentRepealedWithoutSuccessor"]);
  });

  it("no applicable rule gives undetermined with no missing fact", () => {
    const result = runRules(gd, { ...SEED_FACTS, effectsMet: { value: false } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual([]);
    expect(result.trace.rules.length).toBeGreaterThan(0);
  });

  it("isKnown / isUnknown ask about missing facts and are never unknown themselves", () => {
    const compiled = compile([
      rule("ask", "revise", { fact: "effectsMet", operator: "isUnknown" }),
      rule("know", "continue", { fact: "effectsMet", operator: "isKnown" }),
    ]);
    expect(runRules(compiled, {}, { date: SEED_DATE }).conclusion).toBe("revise");
    expect(runRules(compiled, { effectsMet: { value: false } }, { date: SEED_DATE }).conclusion).toBe("continue");
  });
});

describe("dates, decimals, lists", () => {
  const compiled = compile([
    rule("before", "revise", { fact: "adoptedOn", operator: "before", value: "2017-09-15" }),
    rule("loans", "continue", { fact: "loanAmount", operator: "equal", value: "326.16" }),
  ]);

  it("a partial date that cannot settle a comparison is unknown, and named as uncertain", () => {
    const result = runRules(compiled, { adoptedOn: { value: "2017-09" }, loanAmount: { value: "326.16" } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual([]);
    expect(result.uncertainFacts).toEqual(["adoptedOn"]);
    expect(result.trace.rules[0]?.when).toMatchObject({ result: "unknown", uncertain: true, value: "2017-09", right: { kind: "literal", value: "2017-09-15" } });
    expect(runRules(compiled, { adoptedOn: { value: "2017-08" }, loanAmount: { value: "1" } }, { date: SEED_DATE }).conclusion).toBe("revise");
  });

  it("compares decimals exactly: 6.52亿 + 319.64亿 equals 326.16亿", () => {
    const sum = addDecimals(toExactDecimal("6.52"), toExactDecimal("319.64"));
    const result = runRules(compiled, { adoptedOn: { value: "2017-10" }, loanAmount: { value: sum } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("continue");
    expect(result.reasons[0]?.facts).toEqual([{ name: "loanAmount", value: "326.16" }]);
    expect(6.52 + 319.64).not.toBe(326.16);
  });

  it("reads decimal strings and safe integers as exact decimals, and shows trailing zeros as given", () => {
    const result = runRules(compiled, { adoptedOn: { value: "2018" }, loanAmount: { value: "326.160" } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("continue");
    expect(result.trace.facts.find((f) => f.name === "loanAmount")?.value).toBe("326.160");
  });

  it("compares a fact with another fact, enums with in, lists with contains", () => {
    const set = compile([
      rule("same", "continue", { fact: "rating", operator: "equal", value: { fact: "issuer" } }),
      rule("good", "continue", { fact: "rating", operator: "in", value: ["met", "partlyMet"] }),
      rule("asked", "continue", { fact: "consultedUnits", operator: "contains", value: "市公安局" }),
      rule("listed", "continue", { fact: "issuer", operator: "in", value: { fact: "consultedUnits" } }),
    ]);
    const facts: Facts = {
      rating: { value: "met" },
      issuer: { value: "市公安局" },
      consultedUnits: { value: ["市公安局", "市生态环境局", "中国银监会清远监管分局"] },
    };
    const result = runRules(set, facts, { date: SEED_DATE });
    expect(result.conclusion).toBe("continue");
    expect(statuses(result)).toEqual({ same: "notApplicable", good: "applied", asked: "applied", listed: "applied" });
    expect(result.trace.rules[0]?.when).toMatchObject({ right: { kind: "fact", fact: "issuer", value: "市公安局" } });
    const missingRight = runRules(set, { ...facts, issuer: undefined }, { date: SEED_DATE });
    expect(missingRight.conclusion).toBe("continue");
    expect(missingRight.trace.rules[0]?.when).toMatchObject({ result: "unknown", right: { kind: "fact", fact: "issuer", missing: true } });
  });
});

describe("comparisons of two facts", () => {
  const set = compile([
    rule("later", "revise", { fact: "adoptedOn", operator: "after", value: { fact: "reviewedOn" } }),
    rule("asked", "continue", { fact: "issuer", operator: "in", value: { fact: "consultedUnits" } }, { inForceFrom: "2030-01-01" }),
  ], { facts: { reviewedOn: { type: "date", description: { "zh-CN": "审查日期", en: "Review date" } } } });

  it("names both facts when their precision cannot settle the comparison", () => {
    const result = runRules(set, { adoptedOn: { value: "2017-09" }, reviewedOn: { value: "2017" } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.uncertainFacts).toEqual(["adoptedOn", "reviewedOn"]);
    expect(result.missingFacts).toEqual([]);
  });

  it("names every missing side", () => {
    expect(runRules(set, {}, { date: SEED_DATE }).missingFacts).toEqual(["adoptedOn", "reviewedOn"]);
    expect(runRules(set, { adoptedOn: { value: "2017-09" } }, { date: SEED_DATE }).missingFacts).toEqual(["reviewedOn"]);
  });

  it("shows the right-hand fact of a rule not in force without a value", () => {
    const result = runRules(set, { adoptedOn: { value: "2018" }, reviewedOn: { value: "2017-09" } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("revise");
    expect(result.trace.rules[1]?.when).toEqual({
      kind: "fact",
      fact: "issuer",
      operator: "in",
      result: "unknown",
      evaluated: false,
      right: { kind: "fact", fact: "consultedUnits" },
    });
  });
});

describe("dated parameters and rules", () => {
  const compiled = compile([rule("enough", "continue", { fact: "loanAmount", operator: "greaterThanInclusive", value: { parameter: "minimum" } })], {
    parameters: {
      minimum: {
        type: "decimal",
        description: { "zh-CN": "最低金额（亿元）", en: "Minimum amount (100M yuan)" },
        values: [
          { from: "2017-01-01", value: "300", basis: [{ document: "粤府令第277号" }] },
          { from: "2021-01-01", value: "400" },
          { from: "2030-01-01", value: null },
        ],
      },
    },
  });
  const facts: Facts = { loanAmount: { value: "326.16" } };

  it("picks the value in force at each date and records it with its date", () => {
    const early = runRules(compiled, facts, { date: "2020-12-31" });
    expect(early.conclusion).toBe("continue");
    expect(early.trace.parameters).toEqual([
      { name: "minimum", type: "decimal", uncertain: false, value: "300", from: "2017-01-01", basis: [{ document: "粤府令第277号" }] },
    ]);
    expect(early.trace.rules[0]?.when).toMatchObject({ right: { kind: "parameter", parameter: "minimum", value: "300", from: "2017-01-01" } });
    const late = runRules(compiled, facts, { date: SEED_DATE });
    expect(late.conclusion).toBe("undetermined");
    expect(late.trace.parameters).toEqual([{ name: "minimum", type: "decimal", uncertain: false, value: "400", from: "2021-01-01" }]);
  });

  it("a parameter ended with null is an error for the rules that still read it", () => {
    const error = errorOf(() => runRules(compiled, facts, { date: "2030-06-01" }));
    expect(error.issues.map((i) => [i.code, i.path, i.params?.["usedBy"]])).toEqual([["parameter-not-in-force", ["parameters", "minimum"], ["rules.enough"]]]);
  });

  it("a rule not in force at the date is skipped and shown as such, its conditions not evaluated", () => {
    const set = compile([
      rule("old", "repeal", { fact: "effectsMet", operator: "isFalse" }, { inForceUntil: "2019-12-31" }),
      rule("new", "continue", { fact: "effectsMet", operator: "isTrue" }, { inForceFrom: "2020-01-01" }),
    ]);
    const result = runRules(set, { effectsMet: { value: false } }, { date: SEED_DATE });
    expect(result.conclusion).toBe("undetermined");
    expect(result.trace.rules[0]).toMatchObject({ id: "old", status: "notInForce", inForceUntil: "2019-12-31", when: { evaluated: false, result: "unknown" } });
    expect(runRules(set, { effectsMet: { value: false } }, { date: "2019-12-31" }).conclusion).toBe("repeal");
    expect(runRules(set, { effectsMet: { value: true } }, { date: "2020-01-01" }).conclusion).toBe("continue");
  });

  it("named conditions reached by no rule in force are marked not evaluated", () => {
    const set = compile([rule("old", "repeal", { condition: "bad" }, { inForceUntil: "2019-12-31" }), rule("now", "continue", { fact: "effectsMet", operator: "isTrue" })], {
      conditions: { bad: { fact: "effectsMet", operator: "isFalse" } },
    });
    const result = runRules(set, { effectsMet: { value: true } }, { date: SEED_DATE });
    expect(result.trace.conditions).toEqual([
      { name: "bad", result: "unknown", evaluated: false, when: { kind: "fact", fact: "effectsMet", operator: "isFalse", result: "unknown", evaluated: false } },
    ]);
  });
});

describe("errors", () => {
  it("refuses a date outside the rule set's validity", () => {
    const set = validateRuleSet({ ...guangdongLikeRuleSet(), inForceUntil: "2025-12-31" }, { facts: CATALOGUE });
    expect(errorOf(() => runRules(set, SEED_FACTS, { date: "2016-12-31" })).issues[0]?.code).toBe("rule-set-not-in-force");
    expect(errorOf(() => runRules(set, SEED_FACTS, { date: "2026-01-01" })).issues[0]?.message).toBe(
      "Rule set gd-like is not in force on 2026-01-01 (in force 2017-01-01 to 2025-12-31)",
    );
    expect(runRules(set, SEED_FACTS, { date: "2025-12-31" }).conclusion).toBe("continue");
  });

  it("lists every fact whose value does not fit its type", () => {
    const error = errorOf(() =>
      runRules(
        gd,
        {
          ...SEED_FACTS,
          effectsMet: { value: "yes" },
          conflictWithHigherFound: true as never,
          parentsInForceUnrevised: { value: true, cites: "国办发〔2016〕13号" as never },
          parentAmendedAfterAdoption: { value: false, explanation: { en: "no" } as never },
        },
        { date: SEED_DATE },
      ),
    );
    expect(error.issues.map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "invalid-fact-value facts.conflictWithHigherFound: Fact conflictWithHigherFound (boolean) is invalid: expected an object { value, explanation?, cites? }",
        "invalid-fact-value facts.effectsMet: Fact effectsMet (boolean) is invalid: value must be a boolean",
        "invalid-fact-value facts.parentAmendedAfterAdoption: Fact parentAmendedAfterAdoption (boolean) is invalid: explanation must have zh-CN and en texts",
        "invalid-fact-value facts.parentsInForceUnrevised: Fact parentsInForceUnrevised (boolean) is invalid: cites must be an array of strings",
      ]
    `);
  });

  it("checks decimals, dates, enums and lists by type", () => {
    const set = compile([
      rule("a", "continue", { fact: "loanAmount", operator: "isKnown" }),
      rule("b", "continue", { fact: "adoptedOn", operator: "isKnown" }),
      rule("c", "continue", { fact: "rating", operator: "isKnown" }),
      rule("d", "continue", { fact: "consultedUnits", operator: "isKnown" }),
    ]);
    const error = errorOf(() =>
      runRules(
        set,
        { loanAmount: { value: 326.16 as never }, adoptedOn: { value: "2017-9" }, rating: { value: "excellent" }, consultedUnits: { value: ["a", 1] as never } },
        { date: SEED_DATE },
      ),
    );
    expect(error.issues.map((i) => i.path[1])).toEqual(["adoptedOn", "consultedUnits", "loanAmount", "rating"]);
    expect(error.issues[3]?.messages["zh-CN"]).toContain("met、partlyMet、notMet、unknown");
  });

  it("accepts an exact decimal from another copy of the library, and refuses other objects", () => {
    const set = compile([rule("loans", "continue", { fact: "loanAmount", operator: "greaterThan", value: "326" })]);
    const foreign = { coefficient: 32616n, scale: 2 } as never;
    expect(runRules(set, { loanAmount: { value: foreign } }, { date: SEED_DATE }).conclusion).toBe("continue");
    expect(errorOf(() => runRules(set, { loanAmount: { value: true } }, { date: SEED_DATE })).issues[0]?.code).toBe("invalid-fact-value");
  });

  it("ignores facts the rules do not read", () => {
    expect(runRules(gd, { ...SEED_FACTS, unrelated: { value: 0.5 as never } }, { date: SEED_DATE }).conclusion).toBe("continue");
  });

  it("refuses a bad evaluation date, facts that are not an object, and a rule set that was not compiled", () => {
    expect(errorOf(() => runRules(gd, SEED_FACTS, { date: "2021-02-29" })).issues[0]?.code).toBe("invalid-date");
    expect(errorOf(() => runRules(gd, SEED_FACTS, { date: "2021-8" as never })).issues[0]?.code).toBe("invalid-date");
    expect(errorOf(() => runRules(gd, SEED_FACTS, { date: "21" as never })).issues[0]?.code).toBe("invalid-date");
    expect(errorOf(() => runRules(gd, SEED_FACTS, undefined as never)).issues[0]?.code).toBe("invalid-date");
    expect(errorOf(() => runRules(gd, null as never, { date: SEED_DATE })).issues[0]?.code).toBe("invalid-facts");
    expect(errorOf(() => runRules({ ...gd }, SEED_FACTS, { date: SEED_DATE })).issues[0]?.code).toBe("rule-set-not-compiled");
  });
});

describe("purity", () => {
  it("never changes the facts, and the result does not alias them", () => {
    const facts = structuredClone({ ...SEED_FACTS, consultedUnits: { value: ["市公安局"] } }) as Facts;
    const before = structuredClone(facts);
    const result = runRules(gd, facts, { date: SEED_DATE });
    expect(facts).toEqual(before);
    (facts["parentsInForceUnrevised"]?.cites as string[]).push("伪造");
    (facts["parentsInForceUnrevised"]?.explanation as { en: string }).en = "changed";
    expect(result.reasons[0]?.cites).toEqual(["粤府令第277号", "国办发〔2016〕13号", "粤府办〔2016〕66号"]);
    expect(result.reasons[0]?.facts[0]?.explanation?.en).toBe("国办发〔2016〕13号 and 粤府办〔2016〕66号 are still in force and unrevised");
    expect(result.trace.facts.find((f) => f.name === "parentsInForceUnrevised")?.cites).toEqual(["国办发〔2016〕13号", "粤府办〔2016〕66号"]);
  });

  it("answers a run started from inside another (a fact getter calling runRules) as it would alone", () => {
    const inner: RulesResult[] = [];
    const facts = { ...SEED_FACTS };
    Object.defineProperty(facts, "effectsMet", {
      enumerable: true,
      get() {
        inner.push(runRules(gd, { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true } }, { date: SEED_DATE }));
        return SEED_FACTS["effectsMet"];
      },
    });
    const outer = runRules(gd, facts, { date: SEED_DATE });
    expect(inner).toHaveLength(1);
    expect(outer).toStrictEqual(runRules(gd, SEED_FACTS, { date: SEED_DATE }));
    expect(inner[0]).toStrictEqual(runRules(gd, { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true } }, { date: SEED_DATE }));
    expect(outer.conclusion).toBe("continue");
    expect(inner[0]?.conclusion).toBe("revise");
  });

  it("shares only frozen parts between results, and none of the caller's facts", () => {
    const a = runRules(gd, SEED_FACTS, { date: SEED_DATE });
    const b = runRules(gd, structuredClone(SEED_FACTS), { date: SEED_DATE });
    expect(b).toStrictEqual(a);
    const aRules = a.trace.rules;
    const bRules = b.trace.rules;
    for (let i = 0; i < aRules.length; i++) if (aRules[i] === bRules[i]) expect(Object.isFrozen(aRules[i])).toBe(true);
    // The facts' explanations and cites are copies, not the caller's objects.
    const fact = b.trace.facts.find((f) => f.name === "parentsInForceUnrevised");
    expect(fact?.cites).toEqual(SEED_FACTS["parentsInForceUnrevised"]?.cites);
    expect(fact?.cites).not.toBe(SEED_FACTS["parentsInForceUnrevised"]?.cites);
    expect(a.reasons[0]?.cites).not.toBe(b.reasons[0]?.cites);
  });

  it("gives the same result for the same input, whatever ran in between", () => {
    const a = runRules(gd, SEED_FACTS, { date: SEED_DATE });
    runRules(gd, { ...SEED_FACTS, parentAmendedAfterAdoption: { value: true } }, { date: "2019-05-01" });
    const b = runRules(gd, SEED_FACTS, { date: SEED_DATE });
    expect(b).toStrictEqual(a);
  });
});
