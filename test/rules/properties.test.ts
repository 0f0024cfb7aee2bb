import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { PolicyEvalError } from "../../src/errors.js";
import {
  runRules,
  safeValidateRuleSet,
  TraceSchema,
  validateRuleSet,
  type Condition,
  type FactCatalogue,
  type Facts,
  type RulesResult,
} from "../../src/rules/index.js";

// Laws of the engine over random rule sets and random (partial) facts.

const d = (en: string) => ({ "zh-CN": en, en });
const FACTS: FactCatalogue = {
  b0: { type: "boolean", description: d("b0") },
  b1: { type: "boolean", description: d("b1") },
  b2: { type: "boolean", description: d("b2") },
  b3: { type: "boolean", description: d("b3") },
  amount: { type: "decimal", description: d("amount") },
  adopted: { type: "date", description: d("adopted") },
  rating: { type: "enum", values: ["met", "partlyMet", "notMet"], description: d("rating") },
};
const BOOLS = ["b0", "b1", "b2", "b3"] as const;
const DATE = "2021-08-20";
const CONCLUSION_VALUES = ["continue", "extend", "revise", "repeal", "declareExpired"] as const;

/** Leaves; `monotone` leaves out isKnown / isUnknown, whose answer changes when a fact becomes known. */
const leafArbOf = (monotone: boolean): fc.Arbitrary<Condition> => fc.oneof(
  fc.record({
    fact: fc.constantFrom(...BOOLS),
    operator: monotone ? fc.constantFrom("isTrue", "isFalse" as const) : fc.constantFrom("isTrue", "isFalse", "isKnown", "isUnknown" as const),
  }),
  fc.record({ fact: fc.constantFrom(...BOOLS), operator: fc.constantFrom("equal", "notEqual" as const), value: fc.boolean() }),
  fc.record({
    fact: fc.constant("amount"),
    operator: fc.constantFrom("equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive" as const),
    value: fc.constantFrom("0", "2.5", "5", "326.16", 3),
  }),
  fc.record({
    fact: fc.constant("adopted"),
    operator: fc.constantFrom("before", "after", "onOrBefore", "onOrAfter", "equal" as const),
    value: fc.constantFrom("2017", "2017-09", "2017-09-15", "2018-01-01"),
  }),
  fc.record({
    fact: fc.constant("rating"),
    operator: fc.constantFrom("in", "notIn" as const),
    value: fc.subarray(["met", "partlyMet", "notMet"]),
  }),
  fc.constant({ condition: "shared" }),
);

const conditionArbOf = (monotone: boolean): fc.Arbitrary<Condition> => fc.letrec<{ cond: Condition }>((tie) => ({
  cond: fc.oneof(
    { maxDepth: 3, depthIdentifier: "cond" },
    leafArbOf(monotone),
    fc.record({ all: fc.array(tie("cond"), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("cond"), { maxLength: 3 }) }),
    fc.record({ not: tie("cond") }),
  ),
})).cond;
const conditionArb = conditionArbOf(false);

const sharedArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom(...BOOLS), operator: fc.constantFrom("isTrue", "isFalse" as const) }),
  fc.record({ all: fc.array(fc.record({ fact: fc.constantFrom(...BOOLS), operator: fc.constant("isTrue" as const) }), { maxLength: 2 }) }),
);

interface GenRule {
  id: string;
  conclusion: (typeof CONCLUSION_VALUES)[number];
  when: Condition;
  exceptionTo?: string | string[];
  inForceFrom?: string;
  inForceUntil?: string;
  reason: { "zh-CN": string; en: string };
  basis: { document: string }[];
}

const rulesArbOf = (monotone: boolean): fc.Arbitrary<GenRule[]> => fc
  .array(
    fc.record({
      conclusion: fc.constantFrom(...CONCLUSION_VALUES),
      when: conditionArbOf(monotone),
      parents: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      late: fc.boolean(),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((drafts) =>
    drafts.map((r, i) => {
      const rule: GenRule = { id: `r${i}`, conclusion: r.conclusion, when: r.when, reason: d(`rule ${i}`), basis: [{ document: `文件${i}` }] };
      // Exceptions point to earlier rules only, so the generated sets are acyclic; one or several targets.
      if (r.parents !== undefined && i > 0) {
        const targets = [...new Set(r.parents.map((p) => `r${p % i}`))];
        rule.exceptionTo = targets.length === 1 ? (targets[0] as string) : targets;
      }
      if (r.late && i % 3 === 2) rule.inForceFrom = "2022-01-01";
      return rule;
    }),
  );
const rulesArb = rulesArbOf(false);

function ruleSet(rules: GenRule[], shared: Condition) {
  return { id: "prop", version: "1", inForceFrom: "2017-01-01", conditions: { shared }, rules };
}

const factsArb: fc.Arbitrary<Facts> = fc
  .record({
    b0: fc.option(fc.boolean(), { nil: undefined }),
    b1: fc.option(fc.boolean(), { nil: undefined }),
    b2: fc.option(fc.boolean(), { nil: undefined }),
    b3: fc.option(fc.boolean(), { nil: undefined }),
    amount: fc.option(fc.constantFrom("0", "2.50", "5", "326.16", "-1"), { nil: undefined }),
    adopted: fc.option(fc.constantFrom("2016", "2017", "2017-09", "2017-09-15", "2019-03-02"), { nil: undefined }),
    rating: fc.option(fc.constantFrom("met", "partlyMet", "notMet"), { nil: undefined }),
  })
  .map((raw) => {
    const facts: Record<string, { value: boolean | string; cites?: string[] }> = {};
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) facts[name] = name === "b0" ? { value, cites: ["国办发〔2016〕13号"] } : { value };
    }
    return facts;
  });

/** Deterministic shuffle (a seeded LCG), for rules and for the parts of all/any. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffleCondition(c: Condition, seed: number): Condition {
  if ("all" in c) return { all: shuffle(c.all, seed).map((x, i) => shuffleCondition(x, seed + i + 1)) };
  if ("any" in c) return { any: shuffle(c.any, seed).map((x, i) => shuffleCondition(x, seed + i + 1)) };
  if ("not" in c) return { not: shuffleCondition(c.not, seed + 1) };
  return c;
}

const sorted = <T,>(xs: readonly T[]): T[] => [...xs].sort();

/** What must not depend on the order of rules or of the parts of a condition. */
function normalise(result: RulesResult) {
  return {
    conclusion: result.conclusion,
    missingFacts: result.missingFacts,
    uncertainFacts: result.uncertainFacts,
    conflict: result.conclusion === "conflict" ? { rules: sorted(result.conflict.rules), conclusions: result.conflict.conclusions } : undefined,
    reasons: [...result.reasons]
      .map((r) => ({ rule: r.rule, conclusion: r.conclusion, facts: [...r.facts].sort((a, b) => (a.name < b.name ? -1 : 1)), cites: sorted(r.cites) }))
      .sort((a, b) => (a.rule < b.rule ? -1 : 1)),
    rules: [...result.trace.rules]
      .map((r) => ({ id: r.id, status: r.status, overriddenBy: sorted(r.overriddenBy), result: r.when.result, evaluated: r.when.evaluated }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    conditions: result.trace.conditions.map((c) => [c.name, c.result, c.evaluated]),
    facts: result.trace.facts,
  };
}

const NUM_RUNS = { numRuns: 150 };

describe("engine laws", () => {
  test.prop([rulesArb, sharedArb, factsArb], NUM_RUNS)("is deterministic", (rules, shared, facts) => {
    const compiled = validateRuleSet(ruleSet(rules, shared), { facts: FACTS });
    const again = validateRuleSet(ruleSet(rules, shared), { facts: FACTS });
    expect(runRules(again, facts, { date: DATE })).toStrictEqual(runRules(compiled, facts, { date: DATE }));
  });

  test.prop([rulesArb, sharedArb, fc.array(factsArb, { minLength: 2, maxLength: 6 })], NUM_RUNS)(
    "a compiled set reused over many subjects answers each as a fresh one would",
    (rules, shared, subjects) => {
      const reused = validateRuleSet(ruleSet(rules, shared), { facts: FACTS });
      const results: RulesResult[] = [];
      const snapshots: unknown[] = [];
      for (const facts of subjects) {
        const fresh = validateRuleSet(ruleSet(rules, shared), { facts: FACTS });
        const result = runRules(reused, facts, { date: DATE });
        expect(result).toStrictEqual(runRules(fresh, facts, { date: DATE }));
        results.push(result);
        snapshots.push(structuredClone(result));
      }
      // The engine reuses its buffers and shares frozen trace parts from run to run: no later run changed an earlier result.
      results.forEach((result, i) => expect(result).toStrictEqual(snapshots[i]));
    },
  );

  test.prop([rulesArb, sharedArb, factsArb, fc.integer()], NUM_RUNS)(
    "is order-independent: shuffling rules and the parts of conditions never changes the result",
    (rules, shared, facts, seed) => {
      const original = runRules(validateRuleSet(ruleSet(rules, shared), { facts: FACTS }), facts, { date: DATE });
      const shuffled = shuffle(rules, seed).map((r, i) => ({ ...r, when: shuffleCondition(r.when, seed + i) }));
      const result = runRules(validateRuleSet(ruleSet(shuffled, shuffleCondition(shared, seed)), { facts: FACTS }), facts, { date: DATE });
      expect(normalise(result)).toEqual(normalise(original));
    },
  );

  test.prop([rulesArb, sharedArb, factsArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(...CONCLUSION_VALUES), fc.boolean()], NUM_RUNS)(
    "adding a rule that does not apply never changes the result",
    (rules, shared, facts, parents, conclusion, dated) => {
      const before = runRules(validateRuleSet(ruleSet(rules, shared), { facts: FACTS }), facts, { date: DATE });
      const extra: GenRule = {
        id: "extra",
        conclusion,
        // Never true: a fact cannot be both known and unknown; or not in force at the date.
        when: dated ? { fact: "b0", operator: "isTrue" } : { all: [{ fact: "b1", operator: "isKnown" }, { fact: "b1", operator: "isUnknown" }] },
        exceptionTo: [...new Set(parents.map((p) => `r${p % rules.length}`))],
        reason: d("extra"),
        basis: [{ document: "额外" }],
        ...(dated ? { inForceFrom: "2030-01-01" } : {}),
      };
      const after = runRules(validateRuleSet(ruleSet([...rules, extra], shared), { facts: FACTS }), facts, { date: DATE });
      expect(after.conclusion).toBe(before.conclusion);
      expect(after.reasons).toEqual(before.reasons);
      expect(after.missingFacts).toEqual(before.missingFacts);
      expect(after.trace.rules.at(-1)?.status).toBe(dated ? "notInForce" : "notApplicable");
    },
  );

  test.prop([rulesArb, sharedArb, factsArb], NUM_RUNS)("every conclusion has a full, valid, JSON-stable trace", (rules, shared, facts) => {
    const result = runRules(validateRuleSet(ruleSet(rules, shared), { facts: FACTS }), facts, { date: DATE });
    expect(result.trace.rules).toHaveLength(rules.length);
    expect(result.trace.conclusion).toBe(result.conclusion);
    expect(TraceSchema.safeParse(result.trace).success).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    if (result.conclusion === "undetermined") expect(result.reasons).toEqual([]);
    else expect(result.reasons.length).toBeGreaterThan(0);
  });

  test.prop([rulesArbOf(true), sharedArb, factsArb], NUM_RUNS)(
    "never guesses: a settled answer stays the same however the missing booleans turn out",
    (rules, shared, partial) => {
      const onlyBooleans: Record<string, { value: boolean | string }> = {
        amount: { value: "1" },
        adopted: { value: "2019-03-02" },
        rating: { value: "met" },
      };
      for (const name of BOOLS) if (partial[name] !== undefined) onlyBooleans[name] = partial[name] as { value: boolean };
      const compiled = validateRuleSet(ruleSet(rules, shared), { facts: FACTS });
      const result = runRules(compiled, onlyBooleans, { date: DATE });
      const missing = BOOLS.filter((name) => onlyBooleans[name] === undefined);
      if (result.conclusion === "undetermined" && result.missingFacts.length > 0) {
        expect(result.missingFacts.every((f) => (missing as readonly string[]).includes(f))).toBe(true);
        return;
      }
      for (let bits = 0; bits < 1 << missing.length; bits++) {
        const complete = { ...onlyBooleans };
        missing.forEach((name, k) => (complete[name] = { value: ((bits >> k) & 1) === 1 }));
        expect(runRules(compiled, complete, { date: DATE }).conclusion).toBe(result.conclusion);
      }
    },
  );

  test.prop([conditionArb, conditionArb, sharedArb, factsArb], NUM_RUNS)(
    "conditions follow three-valued logic: double negation and De Morgan",
    (a, b, shared, facts) => {
      const rules: GenRule[] = [
        { id: "a", conclusion: "continue", when: a, reason: d("a"), basis: [{ document: "x" }] },
        { id: "notNotA", conclusion: "continue", when: { not: { not: a } }, reason: d("n"), basis: [{ document: "x" }] },
        { id: "notAll", conclusion: "continue", when: { not: { all: [a, b] } }, reason: d("m"), basis: [{ document: "x" }] },
        { id: "anyNot", conclusion: "continue", when: { any: [{ not: a }, { not: b }] }, reason: d("o"), basis: [{ document: "x" }] },
      ];
      const root = Object.fromEntries(
        runRules(validateRuleSet(ruleSet(rules, shared), { facts: FACTS }), facts, { date: DATE }).trace.rules.map((r) => [r.id, r.when.result]),
      );
      expect(root["notNotA"]).toBe(root["a"]);
      expect(root["notAll"]).toBe(root["anyNot"]);
    },
  );
});

describe("partial evaluation dates", () => {
  /** Rules and a parameter whose dates fall inside 2021 (or not), so that the year may straddle them. */
  const DAYS_2021 = ["2020-12-31", "2021-01-01", "2021-03-31", "2021-04-01", "2021-07-01", "2021-12-31", "2022-01-01"] as const;
  const datedRulesArb = fc
    .tuple(rulesArbOf(true), fc.array(fc.tuple(fc.option(fc.constantFrom(...DAYS_2021), { nil: undefined }), fc.option(fc.constantFrom(...DAYS_2021), { nil: undefined })), { maxLength: 7 }))
    .map(([rules, dates]) =>
      rules.map((r, i) => {
        const [from, until] = dates[i] ?? [undefined, undefined];
        const out: GenRule = { ...r };
        delete out.inForceFrom;
        if (from !== undefined) out.inForceFrom = from;
        if (until !== undefined && (from === undefined || until >= from)) out.inForceUntil = until;
        return out;
      }),
    );
  const parameterArb = fc.constantFrom(
    [{ from: "2017-01-01", value: "2.5" }],
    [{ from: "2017-01-01", value: "2.5" }, { from: "2021-04-01", value: "5" }],
    [{ from: "2017-01-01", value: "0" }, { from: "2021-07-01", value: null }],
    [{ from: "2021-01-01", value: "5" }],
  );
  const withParameter = (rules: GenRule[], shared: Condition, values: readonly unknown[]) => ({
    ...ruleSet(
      rules.map((r, i) => (i === 0 ? { ...r, when: { any: [r.when, { fact: "amount", operator: "greaterThan", value: { parameter: "limit" } }] } as Condition } : r)),
      shared,
    ),
    parameters: { limit: { type: "decimal", values } },
  });
  // Every day of 2021 on which some rule or parameter value starts or ends, and the days around.
  const SAMPLE_DAYS = ["2021-01-01", "2021-03-31", "2021-04-01", "2021-06-30", "2021-07-01", "2021-12-31"] as const;

  test.prop([datedRulesArb, sharedArb, factsArb, parameterArb], NUM_RUNS)(
    "never guesses a day: a settled answer for 2021 is the answer on every day of 2021 the rule set answers on",
    (rules, shared, facts, values) => {
      const compiled = validateRuleSet(withParameter(rules, shared, values), { facts: FACTS });
      // Every parameter choice has a value on some day of 2021, so the year never fails.
      const year = runRules(compiled, facts, { date: "2021" });
      expect(TraceSchema.safeParse(year.trace).success).toBe(true);
      if (year.conclusion === "undetermined") return;
      for (const date of SAMPLE_DAYS) {
        let day: RulesResult;
        try {
          day = runRules(compiled, facts, { date });
        } catch (error) {
          // A day without a parameter value is a gap in the rule set (an error on that day), not a different answer.
          expect((error as PolicyEvalError).issues.map((i) => i.code)).toEqual(["parameter-not-in-force"]);
          continue;
        }
        expect(day.conclusion).toBe(year.conclusion);
      }
    },
  );

  test.prop([rulesArb, sharedArb, factsArb], NUM_RUNS)(
    "a year well inside every validity answers as any day of it, the trace aside",
    (rules, shared, facts) => {
      const compiled = validateRuleSet(ruleSet(rules, shared), { facts: FACTS });
      const year = runRules(compiled, facts, { date: "2021" });
      const day = runRules(compiled, facts, { date: DATE });
      expect({ ...year, trace: undefined }).toStrictEqual({ ...day, trace: undefined });
      expect({ ...year.trace, date: DATE }).toStrictEqual(day.trace);
    },
  );
});

describe("the unknown-rule check is exact", () => {
  // One boolean fact per rule, so that three-valued logic is exact for each condition and any
  // imprecision would come from the check itself; exceptions with one or several targets.
  const exactArb = fc
    .array(fc.record({ conclusion: fc.constantFrom(...CONCLUSION_VALUES.slice(0, 3)), targets: fc.array(fc.nat(), { maxLength: 3 }), value: fc.constantFrom(true, false, undefined) }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((drafts) => {
      const catalogue: Record<string, { type: "boolean"; description: { "zh-CN": string; en: string } }> = {};
      const rules: GenRule[] = drafts.map((r, i) => {
        catalogue[`f${i}`] = { type: "boolean", description: d(`f${i}`) };
        const rule: GenRule = { id: `r${i}`, conclusion: r.conclusion, when: { fact: `f${i}`, operator: "isTrue" }, reason: d(`${i}`), basis: [{ document: "x" }] };
        const targets = i === 0 ? [] : [...new Set(r.targets.map((t) => `r${t % i}`))];
        if (targets.length > 0) rule.exceptionTo = targets;
        return rule;
      });
      const facts: Record<string, { value: boolean }> = {};
      const missing: string[] = [];
      drafts.forEach((r, i) => (r.value === undefined ? missing.push(`f${i}`) : (facts[`f${i}`] = { value: r.value })));
      return { catalogue, rules, facts, missing };
    });

  test.prop([exactArb], NUM_RUNS)("the answer is settled exactly when every way the missing facts could turn out gives it", ({ catalogue, rules, facts, missing }) => {
    const compiled = validateRuleSet({ id: "exact", version: "1", inForceFrom: "2017-01-01", rules }, { facts: catalogue });
    const result = runRules(compiled, facts, { date: DATE });
    const outcomes = new Set<string>();
    for (let bits = 0; bits < 1 << missing.length; bits++) {
      const complete = { ...facts };
      missing.forEach((name, k) => (complete[name] = { value: ((bits >> k) & 1) === 1 }));
      outcomes.add(runRules(compiled, complete, { date: DATE }).conclusion);
    }
    if (outcomes.size === 1) expect(result.conclusion).toBe([...outcomes][0]);
    else {
      expect(result.conclusion).toBe("undetermined");
      expect(result.missingFacts.length).toBeGreaterThan(0);
    }
  });
});

describe("exception cycles", () => {
  test.prop([fc.integer({ min: 1, max: 60 }), fc.nat({ max: 59 }), fc.nat({ max: 5 }), fc.array(fc.nat({ max: 3 }), { maxLength: 60 })], NUM_RUNS)(
    "a cycle of any length is found, once, with its path, also through exceptions with several targets",
    (length, offset, tails, extras) => {
      const ids = Array.from({ length }, (_, i) => `c${i}`);
      // Base rules outside the cycle that cycle members may also be exceptions to.
      const bases = ["base0", "base1", "base2"].map((id) => ({ id, conclusion: "continue", when: { fact: "b1", operator: "isTrue" }, reason: d(id), basis: [{ document: "x" }] }));
      const targetsOf = (next: string, k: number): string | string[] => {
        const extra = extras[k] ?? 0;
        if (extra === 0) return next;
        const others = bases.slice(0, extra).map((b) => b.id);
        return k % 2 === 0 ? [next, ...others] : [...others, next];
      };
      const cycle = ids.map((id, i) => ({
        id,
        conclusion: "revise",
        exceptionTo: targetsOf(ids[(i + 1) % length] as string, i),
        when: { fact: "b0", operator: "isTrue" },
        reason: d(id),
        basis: [{ document: "粤府令第277号" }],
      }));
      // Rules hanging off the cycle are not themselves part of it.
      const hanging = Array.from({ length: tails }, (_, t) => ({ ...(cycle[0] as object), id: `t${t}`, exceptionTo: targetsOf(ids[(offset + t) % length] as string, t + 1) }));
      const rules = shuffle([...bases, ...hanging, ...cycle], offset + 1);
      const result = safeValidateRuleSet({ id: "cyc", version: "1", inForceFrom: "2017-01-01", rules }, { facts: FACTS });
      expect(result.success).toBe(false);
      if (result.success) return;
      const found = result.error.issues.filter((i) => i.code === "exception-cycle");
      expect(found).toHaveLength(1);
      const path = found[0]?.params?.["cycle"] as string[];
      expect(path).toHaveLength(length + 1);
      expect(path[0]).toBe(path[length]);
      expect(sorted(path.slice(0, length))).toEqual(sorted(ids));
    },
  );
});
