import { describe, expectTypeOf, it } from "vitest";
import { toExactDecimal } from "../../src/quantities/decimal.js";
import {
  CONCLUSIONS,
  RULE_CONCLUSIONS,
  runRules,
  validateRuleSet,
  type CompiledRuleSet,
  type Conclusion,
  type Condition,
  type FactValue,
  type Reason,
  type ResultConclusion,
  type RulesConflict,
  type RulesResult,
  type Rule,
  type RuleConclusion,
  type RuleSet,
  type RunRulesOptions,
  type Trace,
  type TraceNode,
  type TraceParameter,
  type TraceParameterCandidate,
  type TraceRule,
} from "../../src/rules/index.js";
import type { PartialDate } from "../../src/dates/index.js";

describe("public types of the rules module", () => {
  it("RuleConclusion is exactly the five conclusions a rule can reach; Conclusion adds undetermined (DESIGN.md §2)", () => {
    expectTypeOf<RuleConclusion>().toEqualTypeOf<"continue" | "extend" | "revise" | "repeal" | "declareExpired">();
    expectTypeOf<Conclusion>().toEqualTypeOf<RuleConclusion | "undetermined">();
    expectTypeOf<ResultConclusion>().toEqualTypeOf<Conclusion | "conflict">();
    expectTypeOf(RULE_CONCLUSIONS[0]).toEqualTypeOf<"continue">();
    expectTypeOf(CONCLUSIONS[5]).toEqualTypeOf<"undetermined">();
  });

  it("a result narrows on its conclusion", () => {
    const result = {} as RulesResult;
    expectTypeOf(result.conclusion).toEqualTypeOf<ResultConclusion>();
    if (result.conclusion === "conflict") {
      expectTypeOf(result.conflict).toEqualTypeOf<RulesConflict>();
    } else if (result.conclusion === "undetermined") {
      expectTypeOf(result.reasons).toEqualTypeOf<readonly []>();
      // @ts-expect-error only a conflict has `conflict`
      void result.conflict;
    } else {
      expectTypeOf(result.conclusion).toEqualTypeOf<RuleConclusion>();
      expectTypeOf(result.reasons[0]).toEqualTypeOf<Reason>();
    }
    expectTypeOf(result.trace).toEqualTypeOf<Trace>();
    expectTypeOf(result.missingFacts).toEqualTypeOf<readonly string[]>();
  });

  it("runRules takes a compiled set, facts and a date, possibly partial", () => {
    expectTypeOf(validateRuleSet).returns.toEqualTypeOf<CompiledRuleSet>();
    expectTypeOf(runRules).parameter(0).toEqualTypeOf<CompiledRuleSet>();
    expectTypeOf(runRules).returns.toEqualTypeOf<RulesResult>();
    expectTypeOf<RunRulesOptions["date"]>().toEqualTypeOf<PartialDate>();
    expectTypeOf({ date: "2021" as const }).toExtend<RunRulesOptions>();
    expectTypeOf({ date: "2021-08" as const }).toExtend<RunRulesOptions>();
    // @ts-expect-error the evaluation date is required
    runRules({} as CompiledRuleSet, {}, {});
  });

  it("a result names what kept it open: facts, parameters, rules", () => {
    const result = {} as RulesResult;
    expectTypeOf(result.uncertainParameters).toEqualTypeOf<readonly string[]>();
    expectTypeOf(result.uncertainRules).toEqualTypeOf<readonly string[]>();
    expectTypeOf(result.trace.date).toEqualTypeOf<PartialDate>();
  });

  it("an exception names one rule or several", () => {
    expectTypeOf<Rule["exceptionTo"]>().toEqualTypeOf<string | readonly string[] | undefined>();
    expectTypeOf<TraceRule["exceptionTo"]>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<TraceRule["inForce"]>().toEqualTypeOf<boolean | "uncertain">();
  });

  it("a traced parameter narrows on uncertain", () => {
    const parameter = {} as TraceParameter;
    if (parameter.uncertain) expectTypeOf(parameter.candidates).toEqualTypeOf<readonly TraceParameterCandidate[]>();
    else expectTypeOf(parameter.from).toEqualTypeOf<`${number}-${number}-${number}`>();
  });

  it("conditions are all / any / not / named / fact comparisons", () => {
    expectTypeOf<{ all: [{ fact: "effectsMet"; operator: "isTrue" }] }>().toExtend<Condition>();
    expectTypeOf<{ not: { condition: "noConflict" } }>().toExtend<Condition>();
    expectTypeOf<{ fact: "loanAmount"; operator: "greaterThan"; value: { parameter: "minimum" } }>().toExtend<Condition>();
    expectTypeOf<{ fact: "x"; operator: "bigger" }>().not.toExtend<Condition>();
    expectTypeOf<{ every: [] }>().not.toExtend<Condition>();
  });

  it("fact values are exact: no JS number besides what toExactDecimal reads", () => {
    expectTypeOf({ value: toExactDecimal("326.16") }).toExtend<FactValue>();
    expectTypeOf({ value: "2017-09", cites: ["国办发〔2016〕13号"] }).toExtend<FactValue>();
    expectTypeOf({ value: 0.5 }).not.toExtend<FactValue>();
  });

  it("trace nodes are discriminated by kind", () => {
    const node = {} as TraceNode;
    if (node.kind === "fact") expectTypeOf(node.operator).toBeString();
    else if (node.kind === "condition") expectTypeOf(node.name).toEqualTypeOf<string>();
    else expectTypeOf(node.children).toEqualTypeOf<readonly TraceNode[]>();
  });

  it("a rule set is plain data", () => {
    expectTypeOf<RuleSet["rules"][number]["conclusion"]>().toEqualTypeOf<RuleConclusion>();
    expectTypeOf<RuleSet["inForceFrom"]>().toEqualTypeOf<`${number}-${number}-${number}`>();
  });
});
