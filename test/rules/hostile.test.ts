import { describe, expect, it } from "vitest";
import { runRules, validateRuleSet } from "../../src/rules/index.js";
import { runRulesReference } from "../../src/rules/reference.js";
import { CATALOGUE, errorOf, guangdongLikeRuleSet, SEED_DATE, SEED_FACTS } from "./fixtures.js";

const gd = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });

describe("wrong-typed evaluation dates", () => {
  it("give invalid-date, quoting a string's first 40 characters and naming any other value's type, never a TypeError", () => {
    const long = `2021${"-".repeat(200)}`;
    for (const [date, shown] of [
      [10n, "bigint"],
      [Symbol("d"), "symbol"],
      [2021, "number"],
      [null, "null"],
      [{ toString: () => "2021" }, "object"],
      [long, `"${long.slice(0, 40)}…"`],
    ] as const) {
      for (const run of [runRules, runRulesReference]) {
        const error = errorOf(() => run(gd, SEED_FACTS, { date: date as never }));
        expect(error.issues.map((i) => i.code)).toEqual(["invalid-date"]);
        expect(error.issues[0]?.messages.en).toBe(`Invalid evaluation date ${shown} (expected a real date YYYY, YYYY-MM or YYYY-MM-DD)`);
      }
    }
  });

  it("the reference interpreter refuses what validateRuleSet did not compile, as the engine does", () => {
    expect(errorOf(() => runRulesReference({ ...gd }, SEED_FACTS, { date: SEED_DATE })).issues[0]?.code).toBe("rule-set-not-compiled");
    expect(errorOf(() => runRulesReference(null as never, SEED_FACTS, { date: SEED_DATE })).issues[0]?.code).toBe("rule-set-not-compiled");
  });
});
