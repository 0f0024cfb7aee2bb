/**
 * Rules benchmarks (DESIGN.md §7). `rules.validate`: validate and compile a
 * synthetic rule set of n rules (json-rules-engine users report 10–15 s for
 * 10k rules; the target is ≤ 1 s). The set is made by a seeded generator:
 * nested all / any / not conditions over boolean, decimal, date, enum and
 * list facts, named conditions, a dated parameter, and an exception graph
 * (one exception in five names several rules).
 *
 * `rules.run`: runRules alone (no fact derivation; `rules.evaluate` is the
 * lead's, with it) on 100k subjects with a Guangdong-like 10-rule set, on a
 * full date and on the year-precision date of the reference report (2021,
 * wholly inside every validity): the per-date work is done once, so the two
 * should cost the same per subject.
 */
import { bestOf, heapMB, report, seededRandom, sizes } from "./harness.js";
import { runRules, validateRuleSet, type FactCatalogue, type Facts } from "../src/rules/index.js";

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
  // A separate stream for the extra targets, so that the rest of the set is the same as before they came in.
  const extra = seededRandom(seed + 1);
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
  // One exception in five names two or three earlier rules (Catala: one exception, several definitions).
  const targets = (first: string, i: number): string | string[] => {
    if (extra() >= 0.2) return first;
    const more = Array.from({ length: 1 + Math.floor(extra() * 2) }, () => `rule-${Math.floor(extra() * i)}`);
    return [...new Set([first, ...more])];
  };
  const rules = Array.from({ length: n }, (_, i) => ({
    id: `rule-${i}`,
    title: text(`Rule ${i}`),
    conclusion: pick(CONCLUSIONS),
    ...(i > 0 && random() < 0.7 ? { exceptionTo: targets(`rule-${Math.floor(random() * i)}`, i) } : {}),
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

const SUBJECT_FACTS: FactCatalogue = {
  ...FACTS,
  parentRepealedWithoutSuccessor: { type: "boolean", description: text("parent repealed without successor") },
  taskCompleted: { type: "boolean", description: text("task completed") },
  subjectGone: { type: "boolean", description: text("subject gone") },
  achievementRate: { type: "decimal", description: text("share of targets achieved") },
};

const ENDED = ["continue-in-step", "revise-effects-not-met", "revise-parent-changed", "revise-conflict"];

/** A Guangdong-like set of 10 rules (粤府令第277号 arts. 34–36), the shape of a real default set. */
export function tenRuleSet(): unknown {
  const rule = (id: string, conclusion: string, when: unknown, extra: Record<string, unknown> = {}) => ({
    id,
    conclusion,
    when,
    reason: { "zh-CN": `${id} 的理由`, en: `Reason of ${id}` },
    basis: [{ document: "粤府令第277号", article: "第三十六条" }],
    ...extra,
  });
  const isTrue = (fact: string) => ({ fact, operator: "isTrue" });
  return {
    id: "gd-bench",
    version: "1",
    inForceFrom: "2017-01-01",
    parameters: {
      minimumAchievement: {
        type: "decimal",
        values: [
          { from: "2017-01-01", value: "0.8" },
          { from: "2021-01-01", value: "0.9" },
        ],
      },
    },
    conditions: {
      noConflict: { not: isTrue("conflictWithHigherFound") },
      effective: {
        any: [isTrue("effectsMet"), { fact: "achievementRate", operator: "greaterThanInclusive", value: { parameter: "minimumAchievement" } }],
      },
    },
    rules: [
      rule("continue-in-step", "continue", { all: [isTrue("parentsInForceUnrevised"), { condition: "noConflict" }, { condition: "effective" }] }),
      rule("continue-recent", "continue", { all: [isTrue("parentsInForceUnrevised"), { fact: "adoptedOn", operator: "onOrAfter", value: "2017-09" }, { condition: "noConflict" }, { condition: "effective" }] }),
      rule("revise-effects-not-met", "revise", { all: [{ not: { condition: "effective" } }, { fact: "rating", operator: "in", value: ["notMet"] }] }, { exceptionTo: "continue-in-step" }),
      rule("revise-parent-changed", "revise", isTrue("parentAmendedAfterAdoption"), { exceptionTo: "continue-in-step" }),
      rule("revise-conflict", "revise", isTrue("conflictWithHigherFound"), { exceptionTo: "continue-in-step" }),
      rule("declare-expired-parent-ended", "declareExpired", isTrue("parentRepealedWithoutSuccessor"), { exceptionTo: ENDED }),
      rule("declare-expired-task-completed", "declareExpired", isTrue("taskCompleted"), { exceptionTo: ENDED }),
      rule("declare-expired-subject-gone", "declareExpired", isTrue("subjectGone"), { exceptionTo: ENDED }),
      rule("repeal-unsuited", "repeal", { all: [{ fact: "rating", operator: "equal", value: "notMet" }, { fact: "adoptedOn", operator: "before", value: "2015" }] }, { exceptionTo: ENDED }),
      rule("extend-recent", "extend", { all: [{ fact: "adoptedOn", operator: "onOrAfter", value: "2021-01" }, isTrue("effectsMet")] }, { exceptionTo: ["continue-in-step", "continue-recent"] }),
    ],
  };
}

/** `n` subjects' facts: mostly the seed report's (continue), some amended, ended, unknown. */
export function subjects(n: number, seed = 7): Facts[] {
  const random = seededRandom(seed);
  const bool = (pTrue: number) => ({ value: random() < pTrue });
  const out: Facts[] = [];
  for (let i = 0; i < n; i++) {
    const facts: Record<string, Facts[string]> = {
      parentsInForceUnrevised: { ...bool(0.9), cites: ["国办发〔2016〕13号", "粤府办〔2016〕66号"] },
      conflictWithHigherFound: bool(0.05),
      effectsMet: bool(0.8),
      parentAmendedAfterAdoption: bool(0.05),
      parentRepealedWithoutSuccessor: bool(0.02),
      taskCompleted: bool(0.02),
      subjectGone: bool(0.01),
      achievementRate: { value: `0.${Math.floor(random() * 100)}` },
      adoptedOn: { value: random() < 0.5 ? "2017-09" : `20${10 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}` },
      rating: { value: ["met", "partlyMet", "notMet"][Math.floor(random() * 3)] as string },
    };
    if (random() < 0.05) delete facts["effectsMet"];
    out.push(facts);
  }
  return out;
}

/** A full date, and the reference report's year-precision date well inside every validity. */
const DATES = ["2021-08-20", "2021"] as const;

/** Runs the rules benchmarks. */
export function run(): void {
  for (const n of sizes([10_000])) {
    const input = generateRuleSet(n);
    const { ms, result } = bestOf(5, () => validateRuleSet(input, { facts: FACTS }));
    report({ name: "rules.validate", n, ms, heapMB: heapMB(), rules: result.ruleSet.rules.length });
  }
  // rules.run: runRules alone (no fact derivation) over n subjects on one date, trace included.
  const compiled = validateRuleSet(tenRuleSet(), { facts: SUBJECT_FACTS });
  for (const n of sizes([100_000])) {
    const batch = subjects(n);
    for (const date of DATES) {
      const { ms, result } = bestOf(3, () => {
        const counts: Record<string, number> = {};
        for (const facts of batch) {
          const c = runRules(compiled, facts, { date }).conclusion;
          counts[c] = (counts[c] ?? 0) + 1;
        }
        return counts;
      });
      report({ name: "rules.run", n, ms, heapMB: heapMB(), date, usPerSubject: Math.round((ms * 1000 * 100) / n) / 100, conclusions: result });
    }
  }
}
