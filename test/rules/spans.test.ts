import { describe, expect, it } from "vitest";
import { runRules } from "../../src/rules/index.js";
import { runRulesReference } from "../../src/rules/reference.js";
import { compile, rule } from "./fixtures.js";

// The span of days a partial date stands for, as the engine sees it: a fact
// "2021-02" may be any day up to 2021-02-28, "2024-02" up to 2024-02-29,
// "2021" up to 2021-12-31. One day too few or too many changes these answers.

const before = (value: string) => compile([rule("r", "revise", { fact: "adoptedOn", operator: "before", value })]);
const same = (value: string) => compile([rule("r", "revise", { fact: "adoptedOn", operator: "equal", value })]);
const resultOf = (set: ReturnType<typeof compile>, adoptedOn: string, date = "2021-08-20") => {
  const result = runRules(set, { adoptedOn: { value: adoptedOn } }, { date: date as never });
  expect(runRulesReference(set, { adoptedOn: { value: adoptedOn } }, { date: date as never })).toStrictEqual(result);
  return result.trace.rules[0]?.when.result;
};

describe("date facts known to the month or the year", () => {
  it("a month may be any of its days, to the last one", () => {
    expect(resultOf(before("2021-02-28"), "2021-02")).toBe("unknown");
    expect(resultOf(before("2021-03-01"), "2021-02")).toBe(true);
    expect(resultOf(before("2024-02-29"), "2024-02")).toBe("unknown");
    expect(resultOf(before("2024-03-01"), "2024-02")).toBe(true);
    expect(resultOf(before("2000-02-29"), "2000-02")).toBe("unknown");
    expect(resultOf(before("1900-03-01"), "1900-02")).toBe(true);
    expect(resultOf(same("2021-04-30"), "2021-04")).toBe("unknown");
    expect(resultOf(same("2021-05-01"), "2021-04")).toBe(false);
    expect(resultOf(same("2021-01-31"), "2021-01")).toBe("unknown");
  });

  it("a year may be any of its days, to 31 December", () => {
    expect(resultOf(before("2021-12-31"), "2021")).toBe("unknown");
    expect(resultOf(before("2022-01-01"), "2021")).toBe(true);
    expect(resultOf(before("2021-01-01"), "2021")).toBe(false);
    expect(resultOf(same("2020-12-31"), "2021")).toBe(false);
  });
});

describe("evaluation dates known to the month or the year", () => {
  const from = (day: string) => compile([rule("base", "continue", { fact: "effectsMet", operator: "isTrue" }), rule("new", "revise", { fact: "effectsMet", operator: "isTrue" }, { exceptionTo: "base", inForceFrom: day })]);
  const until = (day: string) => compile([rule("base", "continue", { fact: "effectsMet", operator: "isTrue" }), rule("old", "revise", { fact: "effectsMet", operator: "isTrue" }, { exceptionTo: "base", inForceUntil: day })]);
  const inForce = (set: ReturnType<typeof compile>, date: string) => runRules(set, { effectsMet: { value: true } }, { date: date as never }).trace.rules[1]?.inForce;

  it("a rule starting on a month's last day is maybe in force in that month, and not in force before it", () => {
    expect(inForce(from("2021-02-28"), "2021-02")).toBe("uncertain");
    expect(inForce(from("2021-03-01"), "2021-02")).toBe(false);
    expect(inForce(from("2024-02-29"), "2024-02")).toBe("uncertain");
    expect(inForce(from("2021-12-31"), "2021")).toBe("uncertain");
    expect(inForce(from("2022-01-01"), "2021")).toBe(false);
  });

  it("a rule ending on a month's last day is in force on every day of it, and maybe on the day before its first", () => {
    expect(inForce(until("2021-02-28"), "2021-02")).toBe(true);
    expect(inForce(until("2021-02-27"), "2021-02")).toBe("uncertain");
    expect(inForce(until("2021-12-31"), "2021")).toBe(true);
    expect(inForce(until("2021-12-30"), "2021")).toBe("uncertain");
  });

  it("a parameter changing on a year's last day has two candidates over the year", () => {
    const set = compile([rule("r", "revise", { fact: "loanAmount", operator: "greaterThan", value: { parameter: "limit" } })], {
      parameters: { limit: { type: "decimal", values: [{ from: "2017-01-01", value: "1" }, { from: "2021-12-31", value: "2" }] } },
    });
    const year = runRules(set, { loanAmount: { value: "1.5" } }, { date: "2021" });
    expect(year.trace.parameters).toEqual([{ name: "limit", type: "decimal", uncertain: true, candidates: [{ value: "1", from: "2017-01-01" }, { value: "2", from: "2021-12-31" }] }]);
    expect(year.uncertainParameters).toEqual(["limit"]);
    expect(runRules(set, { loanAmount: { value: "1.5" } }, { date: "2021-12-30" }).trace.parameters[0]).toMatchObject({ uncertain: false, value: "1" });
  });
});
