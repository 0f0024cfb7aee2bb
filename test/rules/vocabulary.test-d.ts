import { describe, expectTypeOf, it } from "vitest";
import { runRules, validateRuleSet, type Reason, type RuleSet, type RulesResult, type Trace, type TraceRule } from "../../src/rules/index.js";

describe("types of a rule set's own vocabulary", () => {
  it("a set is typed with its conclusions and grounds", () => {
    const set = {
      id: "cleanup",
      version: "1",
      inForceFrom: "2021-01-01",
      conclusions: ["keep", "repeal"],
      grounds: ["outdated"],
      rules: [
        {
          id: "repeal",
          conclusion: "repeal",
          ground: "outdated",
          when: { fact: "outdated", operator: "isTrue" },
          reason: { "zh-CN": "已过时", en: "Outdated" },
          basis: [{ document: "粤府令第277号" }],
        },
      ],
    } as const satisfies RuleSet<"keep" | "repeal", "outdated">;
    expectTypeOf(set.rules[0].conclusion).toEqualTypeOf<"repeal">();
    // @ts-expect-error a conclusion the set does not declare
    const wrong: RuleSet<"keep" | "repeal", "outdated">["rules"][number]["conclusion"] = "continue";
    void wrong;
  });

  it("results of any vocabulary are RulesResult<string, string>; the default one's narrow further", () => {
    const result: RulesResult<string, string> = runRules(validateRuleSet({}), {}, { date: "2021" });
    expectTypeOf(result.conclusion).toEqualTypeOf<string>();
    expectTypeOf(result.trace).toEqualTypeOf<Trace<string, string>>();
    expectTypeOf<Trace<"keep", "outdated">["conclusion"]>().toEqualTypeOf<"keep" | "undetermined" | "conflict">();
    expectTypeOf<TraceRule<"keep", "outdated">["ground"]>().toEqualTypeOf<"outdated" | undefined>();
    expectTypeOf<Reason<"keep", "outdated">["conclusion"]>().toEqualTypeOf<"keep">();
  });
});
