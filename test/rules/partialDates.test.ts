import { describe, expect, it } from "vitest";
import { runRules, TraceSchema, validateRuleSet, type Facts, type TraceNode, type TraceParameter } from "../../src/rules/index.js";
import { CATALOGUE, compile, errorOf, guangdongLikeRuleSet, rule, SEED_DATE, SEED_FACTS } from "./fixtures.js";

// Evaluation dates known only to the month or the year: the reference report
// (清府办〔2017〕59号) is dated only to the year, 2021.

const gd = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });

describe("a partial date well inside every validity", () => {
  it("answers as on any day of it: the seed report dated 2021 continues in force", () => {
    for (const date of ["2021", "2021-08", SEED_DATE] as const) {
      const result = runRules(gd, SEED_FACTS, { date });
      expect(result.conclusion).toBe("continue");
      expect(result.reasons[0]?.cites).toEqual(["粤府令第277号", "国办发〔2016〕13号", "粤府办〔2016〕66号"]);
      expect(result.trace.date).toBe(date);
      expect(result.trace.ruleSet.inForce).toBe(true);
      expect(result.trace.rules.every((r) => r.inForce === true)).toBe(true);
      expect(TraceSchema.safeParse(result.trace).success).toBe(true);
    }
  });

  it("still compares date facts with literals and with other facts by their precision", () => {
    const set = compile(
      [
        rule("before", "revise", { fact: "adoptedOn", operator: "before", value: "2017-09-15" }),
        rule("after", "continue", { fact: "adoptedOn", operator: "after", value: { fact: "reviewedOn" } }),
      ],
      { facts: { reviewedOn: { type: "date", description: { "zh-CN": "审查日期", en: "Review date" } } } },
    );
    const month = runRules(set, { adoptedOn: { value: "2017-09" }, reviewedOn: { value: "2016" } }, { date: "2021" });
    expect(month.conclusion).toBe("undetermined");
    expect(month.uncertainFacts).toEqual(["adoptedOn"]);
    expect(month.uncertainRules).toEqual([]);
    const settled = runRules(set, { adoptedOn: { value: "2017-10" }, reviewedOn: { value: "2017-09-30" } }, { date: "2021" });
    expect(settled.conclusion).toBe("continue");
    expect(settled.trace.rules[1]?.when).toMatchObject({ result: true, value: "2017-10", right: { kind: "fact", fact: "reviewedOn", value: "2017-09-30" } });
  });
});

describe("a partial date and a rule's own dates", () => {
  // A newer rule that declares the plan expired once its task is done, in force from 2021-07-01.
  const set = compile([
    rule("continue", "continue", { fact: "effectsMet", operator: "isTrue" }),
    rule("expire-new", "declareExpired", { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" }, { exceptionTo: "continue", inForceFrom: "2021-07-01" }),
  ]);

  it("a year straddling the rule's first day: in force is uncertain, and if the rule could change the answer it is undetermined, naming the rule", () => {
    const result = runRules(set, { effectsMet: { value: true }, parentRepealedWithoutSuccessor: { value: true } }, { date: "2021" });
    expect(result.conclusion).toBe("undetermined");
    expect(result.uncertainRules).toEqual(["expire-new"]);
    expect(result.missingFacts).toEqual([]);
    expect(result.trace.rules.map((r) => [r.id, r.status, r.inForce])).toEqual([
      ["continue", "applied", true],
      ["expire-new", "unknown", "uncertain"],
    ]);
    expect(result.trace.rules[1]?.when).toMatchObject({ evaluated: true, result: true });
  });

  it("a rule whose condition is false does not matter, in force or not", () => {
    const result = runRules(set, { effectsMet: { value: true }, parentRepealedWithoutSuccessor: { value: false } }, { date: "2021" });
    expect(result.conclusion).toBe("continue");
    expect(result.trace.rules[1]).toMatchObject({ status: "notApplicable", inForce: "uncertain" });
  });

  it("a month wholly before or after the first day settles it", () => {
    const facts: Facts = { effectsMet: { value: true }, parentRepealedWithoutSuccessor: { value: true } };
    const june = runRules(set, facts, { date: "2021-06" });
    expect(june.conclusion).toBe("continue");
    expect(june.trace.rules[1]).toMatchObject({ status: "notInForce", inForce: false, when: { evaluated: false } });
    expect(runRules(set, facts, { date: "2021-07" }).conclusion).toBe("declareExpired");
    expect(runRules(set, facts, { date: "2021-06-30" }).conclusion).toBe("continue");
    expect(runRules(set, facts, { date: "2021-07-01" }).conclusion).toBe("declareExpired");
  });

  it("a rule ending within the date is uncertain too; a missing fact and the uncertain rule are both named", () => {
    const ending = compile([
      rule("continue", "continue", { fact: "effectsMet", operator: "isTrue" }),
      rule("repeal-old", "repeal", { fact: "parentRepealedWithoutSuccessor", operator: "isTrue" }, { exceptionTo: "continue", inForceUntil: "2021-03-31" }),
    ]);
    const result = runRules(ending, { effectsMet: { value: true } }, { date: "2021" });
    expect(result.conclusion).toBe("undetermined");
    expect(result.missingFacts).toEqual(["parentRepealedWithoutSuccessor"]);
    expect(result.uncertainRules).toEqual(["repeal-old"]);
    expect(runRules(ending, { effectsMet: { value: true } }, { date: "2021-04" }).conclusion).toBe("continue");
  });

  it("an uncertain rule that would agree with the answer does not keep it open", () => {
    const agreeing = compile([
      rule("continue", "continue", { fact: "effectsMet", operator: "isTrue" }),
      rule("continue-new", "continue", { fact: "parentsInForceUnrevised", operator: "isTrue" }, { inForceFrom: "2021-07-01" }),
    ]);
    const result = runRules(agreeing, { effectsMet: { value: true }, parentsInForceUnrevised: { value: true } }, { date: "2021" });
    expect(result.conclusion).toBe("continue");
    expect(result.reasons.map((r) => r.rule)).toEqual(["continue"]);
    expect(result.uncertainRules).toEqual([]);
  });
});

describe("a partial date and dated parameters", () => {
  // The minimum loan amount (亿元) rises mid-2021; the seed report's loans were 326.16亿元.
  const parameters = {
    minimum: {
      type: "decimal",
      values: [
        { from: "2017-01-01", value: "300", basis: [{ document: "粤府令第277号" }] },
        { from: "2021-07-01", value: "400" },
        { from: "2030-07-01", value: null },
      ],
    },
  };
  const set = compile([rule("enough", "continue", { fact: "loanAmount", operator: "greaterThanInclusive", value: { parameter: "minimum" } })], { parameters });

  it("a parameter changing mid-year makes a condition it cannot settle unknown, and the answer undetermined naming the parameter", () => {
    const result = runRules(set, { loanAmount: { value: "326.16" } }, { date: "2021" });
    expect(result.conclusion).toBe("undetermined");
    expect(result.uncertainParameters).toEqual(["minimum"]);
    expect(result.missingFacts).toEqual([]);
    expect(result.uncertainFacts).toEqual([]);
    expect(result.trace.parameters).toEqual([
      {
        name: "minimum",
        type: "decimal",
        uncertain: true,
        candidates: [
          { value: "300", from: "2017-01-01", basis: [{ document: "粤府令第277号" }] },
          { value: "400", from: "2021-07-01" },
        ],
      },
    ]);
    const leaf = result.trace.rules[0]?.when as Extract<TraceNode, { kind: "fact" }>;
    expect(leaf).toEqual({
      kind: "fact",
      fact: "loanAmount",
      operator: "greaterThanInclusive",
      result: "unknown",
      evaluated: true,
      value: "326.16",
      uncertain: true,
      right: { kind: "parameter", parameter: "minimum", uncertain: true },
    });
    expect(TraceSchema.safeParse(result.trace).success).toBe(true);
  });

  it("a condition that holds for every candidate value is settled", () => {
    expect(runRules(set, { loanAmount: { value: "401" } }, { date: "2021" }).conclusion).toBe("continue");
    expect(runRules(set, { loanAmount: { value: "299.99" } }, { date: "2021" }).conclusion).toBe("undetermined");
    expect(runRules(set, { loanAmount: { value: "299.99" } }, { date: "2021" }).trace.rules[0]?.status).toBe("notApplicable");
  });

  it("a month on one side of the change uses the one value in force", () => {
    const june = runRules(set, { loanAmount: { value: "326.16" } }, { date: "2021-06" });
    expect(june.conclusion).toBe("continue");
    expect(june.trace.parameters).toEqual([{ name: "minimum", type: "decimal", uncertain: false, value: "300", from: "2017-01-01", basis: [{ document: "粤府令第277号" }] }]);
    expect(runRules(set, { loanAmount: { value: "326.16" } }, { date: "2021-07" }).trace.parameters[0]).toMatchObject({ uncertain: false, value: "400" });
  });

  it("no value over part of the date makes the condition unknown, not an error; none over all of it is the usual error", () => {
    const ending = runRules(set, { loanAmount: { value: "500" } }, { date: "2030" });
    expect(ending.conclusion).toBe("undetermined");
    expect(ending.uncertainParameters).toEqual(["minimum"]);
    expect((ending.trace.parameters[0] as Extract<TraceParameter, { uncertain: true }>).candidates).toEqual([
      { value: "400", from: "2021-07-01" },
      { value: null, from: "2030-07-01" },
    ]);
    expect(errorOf(() => runRules(set, { loanAmount: { value: "500" } }, { date: "2031" })).issues.map((i) => i.code)).toEqual(["parameter-not-in-force"]);
    const late = compile([rule("enough", "continue", { fact: "loanAmount", operator: "greaterThanInclusive", value: { parameter: "minimum" } })], {
      parameters: { minimum: { type: "decimal", values: [{ from: "2021-07-01", value: "400" }] } },
    });
    const before = runRules(late, { loanAmount: { value: "500" } }, { date: "2021" });
    expect(before.conclusion).toBe("undetermined");
    expect(before.trace.parameters).toEqual([{ name: "minimum", type: "decimal", uncertain: true, candidates: [{ value: null }, { value: "400", from: "2021-07-01" }] }]);
    expect(errorOf(() => runRules(late, { loanAmount: { value: "500" } }, { date: "2021-06" })).issues[0]?.params?.["date"]).toBe("2021-06");
  });

  it("names a date fact as uncertain as well when one candidate alone cannot settle the comparison", () => {
    const dated = compile([rule("late", "revise", { fact: "adoptedOn", operator: "after", value: { parameter: "cutoff" } })], {
      parameters: { cutoff: { type: "date", values: [{ from: "2017-01-01", value: "2017-09-15" }, { from: "2021-07-01", value: "2016" }] } },
    });
    const result = runRules(dated, { adoptedOn: { value: "2017-09" } }, { date: "2021" });
    expect(result.conclusion).toBe("undetermined");
    expect(result.uncertainParameters).toEqual(["cutoff"]);
    expect(result.uncertainFacts).toEqual(["adoptedOn"]);
    expect(runRules(dated, { adoptedOn: { value: "2017-10" } }, { date: "2021" }).conclusion).toBe("revise");
  });
});

describe("a partial date and the rule set's own dates", () => {
  const bounded = validateRuleSet({ ...guangdongLikeRuleSet(), inForceFrom: "2017-07-01", inForceUntil: "2025-06-30" }, { facts: CATALOGUE });

  it("straddling the set's first or last day makes every rule's being in force uncertain, never an error", () => {
    for (const date of ["2017", "2025"] as const) {
      const result = runRules(bounded, SEED_FACTS, { date });
      expect(result.conclusion).toBe("undetermined");
      expect(result.uncertainRules).toEqual(["continue-in-step"]);
      expect(result.trace.ruleSet.inForce).toBe("uncertain");
      expect(result.trace.rules.map((r) => [r.status, r.inForce])).toEqual([
        ["unknown", "uncertain"],
        ["notApplicable", "uncertain"],
        ["notApplicable", "uncertain"],
      ]);
    }
  });

  it("wholly outside is the usual error; wholly inside is fine", () => {
    expect(errorOf(() => runRules(bounded, SEED_FACTS, { date: "2016" })).issues.map((i) => [i.code, i.message])).toEqual([
      ["rule-set-not-in-force", "Rule set gd-like is not in force on 2016 (in force 2017-07-01 to 2025-06-30)"],
    ]);
    expect(errorOf(() => runRules(bounded, SEED_FACTS, { date: "2025-07" })).issues[0]?.code).toBe("rule-set-not-in-force");
    expect(runRules(bounded, SEED_FACTS, { date: "2017-07" }).conclusion).toBe("continue");
    expect(runRules(bounded, SEED_FACTS, { date: "2025-06" }).trace.ruleSet.inForce).toBe(true);
  });

  it("a rule not in force on any day of the set's part of the date stays not in force", () => {
    const set = compile(
      [
        rule("continue", "continue", { fact: "effectsMet", operator: "isTrue" }),
        rule("old", "repeal", { fact: "effectsMet", operator: "isTrue" }, { inForceUntil: "2017-06-30" }),
      ],
      { inForceFrom: "2017-01-01", inForceUntil: "2030-12-31" },
    );
    const result = runRules(set, { effectsMet: { value: true } }, { date: "2017-07" });
    expect(result.conclusion).toBe("continue");
    expect(result.trace.rules[1]).toMatchObject({ status: "notInForce", inForce: false });
  });
});

describe("the per-date memo", () => {
  it("gives the same results whatever dates ran before, as a freshly compiled set would", () => {
    const dates = ["2021", "2021-08-20", "2021-07", "2021", "2017", "2021-08-20", "2018", "2019", "2020", "2022", "2023", "2021"] as const;
    const reused = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });
    for (const date of dates) {
      const fresh = validateRuleSet(guangdongLikeRuleSet(), { facts: CATALOGUE });
      expect(runRules(reused, SEED_FACTS, { date })).toStrictEqual(runRules(fresh, SEED_FACTS, { date }));
    }
  });
});
