/**
 * Rules benchmarks (DESIGN.md §7). `rules.validate`: validate and compile a
 * synthetic rule set of n rules (json-rules-engine users report 10–15 s for
 * 10k rules; the target is ≤ 1 s). The set is made by a seeded generator:
 * nested all / any / not conditions over boolean, decimal, date, enum and
 * list facts, named conditions, a dated parameter, and an exception forest.
 */
import { bestOf, heapMB, report, seededRandom, sizes } from "./harness.js";
import { validateRuleSet, type FactCatalogue } from "../src/rules/index.js";

const text = (en: string) => ({ "zh-CN": en, en });

const FACTS: FactCatalogue = {
  parentsInForceUnrevised: { type: "boolean", description: text("parents in force and unrevised") },
  conflictWithHigherFound: { type: "boolean", description: text("conflict with superior law found") },
  effectsMet: { type: "boolean", description: text("effects met") },
  parentAmendedAfterAdoption: { type: "boolean", description: text("parent amended after adoption") },
  loanAmount: { type: "decimal", description: text("loans matched") },
  adoptedOn: { type: "date", description: text("adoption date") },
  rating: { type: "enum", values: ["met", "partlyMet", "notMet"], description: text("effectiveness rating") },
  consultedUnits: { type: "stringList", description: text("units consulted") },
};
const BOOLEANS = ["parentsInForceUnrevised", "conflictWithHigherFound", "effectsMet", "parentAmendedAfterAdoption"];
const CONCLUSIONS = ["continue", "extend", "revise", "repeal", "declareExpired"];

/** A rule set of `n` rules, the same for the same seed. */
export function generateRuleSet(n: number, seed = 42): unknown {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const leaf = (): unknown => {
    switch (Math.floor(random() * 6)) {
      case 0:
        return { fact: pick(BOOLEANS), operator: pick(["isTrue", "isFalse"]) };
      case 1:
        return { fact: "loanAmount", operator: pick(["greaterThan", "lessThanInclusive"]), value: `${Math.floor(random() * 1000)}.${Math.floor(random() * 100)}` };
      case 2:
        return { fact: "loanAmount", operator: "greaterThanInclusive", value: { parameter: "minimumLoans" } };
      case 3:
        return { fact: "adoptedOn", operator: pick(["before", "onOrAfter"]), value: pick(["2016", "2017-09", "2019-06-30"]) };
      case 4:
        return { fact: "rating", operator: pick(["in", "notIn"]), value: ["met", "partlyMet"] };
      default:
        return random() < 0.5 ? { condition: pick(["noConflict", "parentsOk"]) } : { fact: "consultedUnits", operator: "contains", value: "市公安局" };
    }
  };
  const condition = (depth: number): unknown => {
    if (depth >= 3 || random() < 0.35) return leaf();
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => condition(depth + 1));
    const r = random();
    return r < 0.5 ? { all: parts } : r < 0.85 ? { any: parts } : { not: parts[0] };
  };
  const rules = Array.from({ length: n }, (_, i) => ({
    id: `rule-${i}`,
    title: text(`Rule ${i}`),
    conclusion: pick(CONCLUSIONS),
    ...(i > 0 && random() < 0.7 ? { exceptionTo: `rule-${Math.floor(random() * i)}` } : {}),
    when: condition(0),
    reason: { "zh-CN": `第${i}条规则的理由`, en: `Reason of rule ${i}` },
    basis: [{ document: "粤府令第277号", article: `第${1 + (i % 40)}条` }],
    ...(random() < 0.1 ? { inForceFrom: "2020-01-01" } : {}),
  }));
  return {
    id: "bench",
    version: "1",
    inForceFrom: "2017-01-01",
    parameters: {
      minimumLoans: {
        type: "decimal",
        values: [
          { from: "2017-01-01", value: "300" },
          { from: "2021-01-01", value: "326.16" },
        ],
      },
    },
    conditions: {
      noConflict: { not: { fact: "conflictWithHigherFound", operator: "isTrue" } },
      parentsOk: { all: [{ fact: "parentsInForceUnrevised", operator: "isTrue" }, { condition: "noConflict" }] },
    },
    rules,
  };
}

/** Runs the rules benchmarks. */
export function run(): void {
  for (const n of sizes([10_000])) {
    const input = generateRuleSet(n);
    const { ms, result } = bestOf(5, () => validateRuleSet(input, { facts: FACTS }));
    report({ name: "rules.validate", n, ms, heapMB: heapMB(), rules: result.ruleSet.rules.length });
  }
}
