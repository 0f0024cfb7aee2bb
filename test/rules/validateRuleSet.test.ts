import { describe, expect, it } from "vitest";
import { PolicyEvalError, type PolicyEvalIssue } from "../../src/errors.js";
import {
  MAX_CONDITION_DEPTH,
  RuleSetSchema,
  safeValidateRuleSet,
  validateRuleSet,
  type Condition,
} from "../../src/rules/index.js";
import { CATALOGUE, guangdongLikeRuleSet } from "./fixtures.js";

const basis = [{ document: "粤府令第277号", article: "第三十四条" }];
const reason = { "zh-CN": "理由", en: "Reason" };

function ruleSet(rules: unknown[], extra: Record<string, unknown> = {}) {
  return { id: "test", version: "1", inForceFrom: "2017-01-01", ...extra, rules };
}

function rule(id: string, when: unknown, extra: Record<string, unknown> = {}) {
  return { id, conclusion: "continue", when, reason, basis, ...extra };
}

function issuesOf(input: unknown, facts = CATALOGUE): { code: string; path: string; message: string }[] {
  const result = safeValidateRuleSet(input, { facts });
  if (result.success) return [];
  return result.error.issues.map((i: PolicyEvalIssue) => ({ code: i.code, path: i.path.join("."), message: i.message }));
}

function codesOf(input: unknown, facts = CATALOGUE): string[] {
  return issuesOf(input, facts).map((i) => i.code);
}

describe("validateRuleSet", () => {
  it("compiles the Guangdong-like set and lists the facts its conditions read", () => {
    const compiled = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });
    expect(compiled.id).toBe("gd-like");
    expect(compiled.inForceFrom).toBe("2017-01-01");
    expect(Object.keys(compiled.facts).sort()).toEqual([
      "conflictWithHigherFound",
      "effectsMet",
      "parentAmendedAfterAdoption",
      "parentRepealedWithoutSuccessor",
      "parentsInForceUnrevised",
    ]);
    expect(compiled.facts["effectsMet"]?.type).toBe("boolean");
    expect(compiled.warnings).toEqual([]);
    expect(compiled.ruleSet.rules.map((r) => r.id)).toEqual(["continue-in-step", "revise-parent-amended", "expire-parent-repealed"]);
  });

  it("gives ONE error listing an unknown fact, a misfit operator, an exception to a missing rule and a cycle of exceptions", () => {
    const input = ruleSet([
      rule("a", { fact: "effectMet", operator: "isTrue" }),
      rule("b", { fact: "adoptedOn", operator: "greaterThan", value: "2017-09" }, { conclusion: "revise", exceptionTo: "z" }),
      rule("c", { fact: "effectsMet", operator: "isTrue" }, { exceptionTo: "d" }),
      rule("d", { fact: "effectsMet", operator: "isFalse" }, { exceptionTo: "e" }),
      rule("e", { fact: "effectsMet", operator: "isKnown" }, { exceptionTo: "c" }),
    ]);
    let thrown: unknown;
    try {
      validateRuleSet(input, { facts: CATALOGUE });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyEvalError);
    expect((thrown as PolicyEvalError).issues.map((i) => ({ code: i.code, path: i.path, message: i.message }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-fact",
          "message": "Unknown fact: effectMet",
          "path": [
            "rules",
            0,
            "when",
            "fact",
          ],
        },
        {
          "code": "operator-type-mismatch",
          "message": "Operator greaterThan does not fit fact adoptedOn of type date; use one of before, after, onOrBefore, onOrAfter, equal, notEqual, isKnown, isUnknown",
          "path": [
            "rules",
            1,
            "when",
            "operator",
          ],
        },
        {
          "code": "unknown-rule",
          "message": "exceptionTo names a rule that does not exist: z",
          "path": [
            "rules",
            1,
            "exceptionTo",
          ],
        },
        {
          "code": "exception-cycle",
          "message": "Exceptions form a cycle: c → d → e → c",
          "path": [
            "rules",
            2,
            "exceptionTo",
          ],
        },
      ]
    `);
    expect((thrown as PolicyEvalError).issues.find((i) => i.code === "exception-cycle")?.params).toEqual({ cycle: ["c", "d", "e", "c"] });
    expect((thrown as PolicyEvalError).format("zh-CN")).toContain("例外关系循环：c → d → e → c");
  });

  it("reports the rest of the problems a rule set can have, each with its path", () => {
    const input = ruleSet(
      [
        rule("a", { fact: "loanAmount", operator: "greaterThan", value: 326.16 }),
        rule("a", { fact: "effectsMet", operator: "isTrue", value: true }),
        rule("b", { fact: "effectsMet", operator: "equal" }),
        rule("c", { fact: "rating", operator: "in", value: ["met", "excellent"] }),
        rule("d", { fact: "loanAmount", operator: "lessThan", value: { parameter: "threshold" } }),
        rule("e", { fact: "loanAmount", operator: "lessThan", value: { parameter: "flag" } }),
        rule("f", { condition: "nowhere" }),
        rule("g", { fact: "issuer", operator: "equal", value: { fact: "loanAmount" } }),
        rule("h", { fact: "adoptedOn", operator: "before", value: "2017-13" }),
        rule("i", { fact: "effectsMet", operator: "isTrue" }, { basis: [] }),
        rule("j", { fact: "effectsMet", operator: "isTrue" }, { inForceFrom: "2020-01-01", inForceUntil: "2019-12-31" }),
        rule("k", { all: [{ fact: "effectsMet" }, { any: "nope" }, 3, { fact: "effectsMet", operator: "isTrue", extra: 1 }] }),
      ],
      {
        parameters: {
          flag: { type: "boolean", values: [{ from: "2017-01-01", value: true }] },
          rate: {
            type: "decimal",
            values: [
              { from: "2021-01-01", value: "0.9" },
              { from: "2017-01-01", value: "0.8" },
              { from: "2017-01-01", value: 0.7 },
            ],
          },
        },
        conditions: { loopA: { condition: "loopB" }, loopB: { not: { condition: "loopA" } } },
      },
    );
    expect(issuesOf(input).map((i) => `${i.code} @ ${i.path}`)).toMatchInlineSnapshot(`
      [
        "parameter-dates-unsorted @ parameters.rate.values.1.from",
        "invalid-literal @ parameters.rate.values.2.value",
        "duplicate-parameter-date @ parameters.rate.values.2.from",
        "condition-cycle @ conditions.loopA",
        "invalid-literal @ rules.0.when.value",
        "unexpected-value @ rules.1.when.value",
        "duplicate-rule-id @ rules.1.id",
        "missing-value @ rules.2.when.value",
        "unknown-enum-value @ rules.3.when.value.1",
        "unknown-parameter @ rules.4.when.value.parameter",
        "parameter-type-mismatch @ rules.5.when.value.parameter",
        "unknown-condition @ rules.6.when.condition",
        "fact-type-mismatch @ rules.7.when.value.fact",
        "invalid-literal @ rules.8.when.value",
        "missing-basis @ rules.9.basis",
        "invalid-date-range @ rules.10.inForceUntil",
        "missing-field @ rules.11.when.all.0.operator",
        "invalid-type @ rules.11.when.all.1.any",
        "invalid-condition @ rules.11.when.all.2",
        "unknown-field @ rules.11.when.all.3",
      ]
    `);
  });

  it("checks right-hand facts and parameters, and enum values reached through a parameter", () => {
    const input = ruleSet(
      [
        rule("a", { fact: "issuer", operator: "equal", value: { fact: "nobody" } }),
        rule("b", { fact: "rating", operator: "equal", value: { parameter: "expected" } }),
        rule("c", { fact: "rating", operator: "notEqual", value: "excellent" }),
        rule("d", { fact: "issuer", operator: "in", value: { parameter: "expected" } }),
      ],
      {
        parameters: {
          expected: { type: "string", values: [{ from: "2017-01-01", value: "met" }, { from: "2020-01-01", value: "superb" }] },
          broken: { type: "percent", values: [] },
        },
      },
    );
    expect(issuesOf(input).map((i) => `${i.code} @ ${i.path}`)).toEqual([
      "invalid-value @ parameters.broken.type",
      "too-small @ parameters.broken.values",
      "unknown-fact @ rules.0.when.value.fact",
      "unknown-enum-value @ rules.1.when.value.parameter",
      "unknown-enum-value @ rules.2.when.value",
      "parameter-type-mismatch @ rules.3.when.value.parameter",
    ]);
  });

  it("tells the author to write decimals as strings", () => {
    const [issue] = issuesOf(ruleSet([rule("a", { fact: "loanAmount", operator: "greaterThan", value: 326.16 })]));
    expect(issue?.message).toBe(
      'Value 326.16 does not fit: expected a decimal string (such as "0.9") or a safe integer; write decimals as strings, e.g. "326.16"',
    );
  });

  it("accepts safe integers and decimal strings for decimal facts, partial dates for date facts", () => {
    expect(
      codesOf(
        ruleSet([
          rule("a", { fact: "loanAmount", operator: "equal", value: 5011 }),
          rule("b", { fact: "loanAmount", operator: "greaterThanInclusive", value: "326.16" }),
          rule("c", { fact: "adoptedOn", operator: "onOrAfter", value: "2017-09" }),
          rule("d", { fact: "adoptedOn", operator: "before", value: "2021" }),
          rule("e", { fact: "consultedUnits", operator: "contains", value: "市公安局" }),
          rule("f", { fact: "issuer", operator: "in", value: { fact: "consultedUnits" } }),
          rule("g", { fact: "rating", operator: "equal", value: { fact: "issuer" } }),
        ]),
      ),
    ).toEqual([]);
  });

  it("refuses floats, non-integers and strings that are not decimals", () => {
    for (const value of [0.9, 1e21, "0.9.1", "abc", true]) {
      expect(codesOf(ruleSet([rule("a", { fact: "loanAmount", operator: "lessThan", value })]))).toEqual(["invalid-literal"]);
    }
  });

  it("finds named-condition cycles with their path and orders the rest", () => {
    const input = ruleSet([rule("a", { condition: "c1" })], {
      conditions: {
        c1: { all: [{ condition: "c2" }, { fact: "effectsMet", operator: "isTrue" }] },
        c2: { any: [{ condition: "c3" }] },
        c3: { not: { condition: "c1" } },
      },
    });
    const result = safeValidateRuleSet(input, { facts: CATALOGUE });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues.map((i) => [i.code, i.params?.["cycle"]])).toEqual([["condition-cycle", ["c1", "c2", "c3", "c1"]]]);
    }
  });

  it("caps nesting with an issue instead of overflowing the stack", () => {
    let deep: Condition = { fact: "effectsMet", operator: "isTrue" };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const issues = issuesOf(ruleSet([rule("a", deep)]));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("condition-too-deep");
    expect(issues[0]?.path.split(".").filter((p) => p === "not")).toHaveLength(MAX_CONDITION_DEPTH);
  });

  it("accepts nesting up to the cap", () => {
    let deep: Condition = { fact: "effectsMet", operator: "isTrue" };
    for (let i = 1; i < MAX_CONDITION_DEPTH; i++) deep = { not: deep };
    expect(codesOf(ruleSet([rule("a", deep)]))).toEqual([]);
  });

  it("handles a 10k-rule exception chain and a 10k-rule exception cycle without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) =>
      rule(`r${i}`, { fact: "effectsMet", operator: "isTrue" }, i === 0 ? {} : { exceptionTo: `r${i - 1}` }),
    );
    expect(codesOf(ruleSet(chain))).toEqual([]);
    const cycle = chain.map((r, i) => ({ ...r, exceptionTo: `r${(i + 9_999) % 10_000}` }));
    const issues = safeValidateRuleSet(ruleSet(cycle), { facts: CATALOGUE });
    expect(issues.success).toBe(false);
    if (!issues.success) {
      expect(issues.error.issues).toHaveLength(1);
      expect((issues.error.issues[0]?.params?.["cycle"] as string[]).length).toBe(10_001);
    }
  });

  it("merges the set's own facts with the catalogue and refuses a conflicting declaration", () => {
    const own = { achievement: { type: "decimal", description: { "zh-CN": "完成率", en: "Achievement rate" } } };
    expect(codesOf(ruleSet([rule("a", { fact: "achievement", operator: "greaterThan", value: "0.9" })], { facts: own }))).toEqual([]);
    expect(codesOf(ruleSet([rule("a", { fact: "achievement", operator: "greaterThan", value: "0.9" })], { facts: own }), {})).toEqual([]);
    const clash = { effectsMet: { type: "string", description: { "zh-CN": "效果", en: "Effects" } } };
    expect(codesOf(ruleSet([rule("a", { fact: "effectsMet", operator: "isKnown" })], { facts: clash }))).toEqual(["fact-declaration-conflict"]);
  });

  it("checks fact declarations: enum values present and distinct, only on enums", () => {
    const facts = {
      a: { type: "enum", description: reason },
      b: { type: "enum", values: ["x", "x"], description: reason },
      c: { type: "boolean", values: ["x"], description: reason },
    };
    expect(codesOf(ruleSet([], { facts }), {})).toEqual(["missing-enum-values", "duplicate-enum-value", "unexpected-enum-values"]);
  });

  it("checks the caller's catalogue too", () => {
    expect(codesOf(ruleSet([]), { broken: { type: "number" } } as never)).toEqual(["invalid-value", "missing-field"]);
  });

  it("reports the rule set's own shape and dates", () => {
    expect(codesOf({ id: "x", inForceFrom: "2021-02-29", rules: [] })).toEqual(["missing-field", "invalid-date"]);
    expect(codesOf({ id: "x", version: "1", inForceFrom: "2021-01-01", inForceUntil: "2020-01-01", rules: [] })).toEqual([
      "invalid-date-range",
    ]);
    expect(codesOf("not a rule set")).toEqual(["invalid-type"]);
    expect(codesOf(ruleSet([rule("a", { fact: "effectsMet", operator: "isTrue" })], { surprise: 1 }))).toEqual(["unknown-field"]);
  });

  it("still checks the condition tree of a rule that is broken elsewhere", () => {
    const broken = { id: "a", when: { fact: "nope", operator: "isTrue" }, reason, basis };
    expect(codesOf(ruleSet([broken]))).toEqual(["missing-field", "unknown-fact"]);
  });

  it("warns about unused named conditions and parameters and rules never in force", () => {
    const compiled = validateRuleSet(
      ruleSet([rule("old", { fact: "effectsMet", operator: "isTrue" }, { inForceUntil: "2016-12-31" })], {
        conditions: { spare: { fact: "effectsMet", operator: "isTrue" } },
        parameters: { spare: { type: "boolean", values: [{ from: "2017-01-01", value: true }] } },
      }),
      { facts: CATALOGUE },
    );
    expect(compiled.warnings.map((w) => [w.code, w.severity, w.path.join(".")])).toEqual([
      ["unused-condition", "warning", "conditions.spare"],
      ["unused-parameter", "warning", "parameters.spare"],
      ["rule-never-in-force", "warning", "rules.0"],
    ]);
  });

  it("never changes its input and keeps no reference to it", () => {
    const input = guangdongLikeRuleSet();
    const snapshot = structuredClone(input);
    const compiled = validateRuleSet(input, { facts: CATALOGUE });
    expect(input).toEqual(snapshot);
    expect(Object.isFrozen(input.rules)).toBe(false);
    input.rules[0]!.conclusion = "repeal";
    (input.rules[0]!.when as { all: unknown[] }).all.length = 0;
    expect(compiled.ruleSet.rules[0]?.conclusion).toBe("continue");
    expect((compiled.ruleSet.rules[0]?.when as { all: unknown[] }).all).toHaveLength(3);
  });

  it("is consistent with RuleSetSchema on valid sets", () => {
    expect(RuleSetSchema.safeParse(guangdongLikeRuleSet()).success).toBe(true);
  });
});
