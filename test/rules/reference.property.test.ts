/**
 * The engine (src/rules/runRules.ts) against the reference interpreter
 * (src/rules/reference.ts): on random rule sets — facts of every type,
 * comparisons with literals, other facts and dated parameters, named
 * conditions, exceptions to one or several rules, rules and sets with their
 * own dates, the default vocabulary or a set's own — and random facts —
 * missing, partial dates, values that do not fit — at full and partial
 * evaluation dates, both give the same whole result (deep equality of
 * conclusion, reasons, open questions and trace), or throw the same issues.
 * Each property run compiles one set and answers several subjects on it
 * (the engine's memo, buffers and shared trace parts are reused between
 * them): 400 runs × 25 subjects = 10,000 cases.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import { runRulesReference } from "../../src/rules/reference.js";
import { runRules, validateRuleSet, type Condition, type FactCatalogue, type Facts, type RulesResult } from "../../src/rules/index.js";

const d = (en: string) => ({ "zh-CN": `中文：${en}`, en });
const TYPES = { b0: "boolean", b1: "boolean", b2: "boolean", amount: "decimal", amount2: "decimal", adopted: "date", other: "date", rating: "enum", issuer: "string", units: "stringList" } as const;
const CATALOGUE: FactCatalogue = Object.fromEntries(
  Object.entries(TYPES).map(([name, type]) => [name, { type, ...(type === "enum" ? { values: ["met", "partlyMet", "notMet"] } : {}), description: d(name) }]),
);
const FACT_NAMES = Object.keys(CATALOGUE);
const DATES = ["2016", "2017", "2017-09", "2017-09-15", "2018-01-01", "2021", "2021-03", "2021-06-30", "2021-07-01", "2021-12"];
const ORGS = ["市政府", "市公安局", "市财政局"];

/** Days around 2021 on which rules, sets and parameter values start or end. */
const DAYS = ["2020-12-31", "2021-01-01", "2021-03-31", "2021-04-01", "2021-07-01", "2021-12-31", "2022-01-01"] as const;

const PARAMETERS = {
  // A value throughout; a change within 2021; an end within 2021; a first value within 2021 (before it: no value).
  limit: fc.constantFrom(
    [{ from: "2017-01-01", value: "2.5" }],
    [{ from: "2017-01-01", value: "2.5" }, { from: "2021-04-01", value: "5", basis: [{ document: "粤府令第277号" }] }],
    [{ from: "2017-01-01", value: 3 }, { from: "2021-07-01", value: null }],
    [{ from: "2017-01-01", value: "2.5" }, { from: "2021-04-01", value: "326.16" }],
    [{ from: "2021-04-01", value: "326.16" }],
  ),
  cutoff: fc.constantFrom([{ from: "2017-01-01", value: "2017-09" }], [{ from: "2017-01-01", value: "2017" }, { from: "2021-07-01", value: "2018-01-01" }]),
  unit: fc.constantFrom([{ from: "2017-01-01", value: "市公安局" }], [{ from: "2017-01-01", value: "市政府" }, { from: "2021-03-15", value: "市公安局" }]),
  flag: fc.constantFrom([{ from: "2017-01-01", value: true }], [{ from: "2017-01-01", value: false }, { from: "2021-07-01", value: true }]),
};

/** A comparison of each fact type, with a literal, another fact or a parameter on the right. */
const leafArb = (named: number): fc.Arbitrary<Condition> => {
  const unary = fc.record({ fact: fc.constantFrom(...FACT_NAMES), operator: fc.constantFrom("isKnown", "isUnknown" as const) });
  const leaves: fc.Arbitrary<Condition>[] = [
    unary,
    fc.record({ fact: fc.constantFrom("b0", "b1", "b2"), operator: fc.constantFrom("isTrue", "isFalse" as const) }),
    fc.record({
      fact: fc.constantFrom("b0", "b1", "b2"),
      operator: fc.constantFrom("equal", "notEqual" as const),
      value: fc.oneof(fc.boolean(), fc.record({ fact: fc.constantFrom("b0", "b2") }), fc.constant({ parameter: "flag" })),
    }),
    fc.record({
      fact: fc.constantFrom("amount", "amount2"),
      operator: fc.constantFrom("equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive" as const),
      value: fc.oneof(fc.constantFrom("0", "2.5", "5", "326.16", 3), fc.constant({ fact: "amount2" }), fc.constant({ parameter: "limit" })),
    }),
    fc.record({
      fact: fc.constantFrom("adopted", "other"),
      operator: fc.constantFrom("before", "after", "onOrBefore", "onOrAfter", "equal", "notEqual" as const),
      value: fc.oneof(fc.constantFrom(...DATES), fc.constant({ fact: "other" }), fc.constant({ parameter: "cutoff" })),
    }),
    fc.record({ fact: fc.constant("rating"), operator: fc.constantFrom("equal", "notEqual" as const), value: fc.oneof(fc.constantFrom("met", "notMet"), fc.constant({ fact: "issuer" })) }),
    fc.record({ fact: fc.constantFrom("rating", "issuer"), operator: fc.constantFrom("in", "notIn" as const), value: fc.subarray(["met", "partlyMet", "notMet"]) }),
    fc.record({ fact: fc.constant("issuer"), operator: fc.constantFrom("equal", "notEqual" as const), value: fc.oneof(fc.constantFrom(...ORGS), fc.constant({ parameter: "unit" })) }),
    fc.record({ fact: fc.constant("units"), operator: fc.constantFrom("contains", "doesNotContain" as const), value: fc.oneof(fc.constantFrom(...ORGS), fc.constant({ fact: "issuer" }), fc.constant({ parameter: "unit" })) }),
  ];
  if (named > 0) leaves.push(fc.nat({ max: named - 1 }).map((k) => ({ condition: `c${k}` })));
  return fc.oneof(...leaves);
};

const conditionArb = (named: number): fc.Arbitrary<Condition> =>
  fc.letrec<{ cond: Condition }>((tie) => ({
    cond: fc.oneof(
      { maxDepth: 3, depthIdentifier: "cond" },
      leafArb(named),
      fc.record({ all: fc.array(tie("cond"), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie("cond"), { maxLength: 3 }) }),
      fc.record({ not: tie("cond") }),
    ),
  })).cond;

const CUSTOM = { conclusions: ["keep", "merge", "drop"], grounds: ["outdated", "duplicate"] };
const DEFAULT = { conclusions: ["continue", "extend", "revise", "repeal", "declareExpired"], grounds: ["parentsInForceUnchanged", "taskCompleted"] };

/** A rule set: named conditions (each may use earlier ones), rules (each may be an exception to earlier ones), dates, parameters, a vocabulary. */
const ruleSetArb = fc
  .record({
    custom: fc.boolean(),
    named: fc.nat({ max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => conditionArb(k)))),
    rules: fc.array(
      fc.record({
        conclusion: fc.nat({ max: 4 }),
        ground: fc.option(fc.nat({ max: 1 }), { nil: undefined }),
        when: conditionArb(3),
        targets: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        from: fc.option(fc.constantFrom(...DAYS), { freq: 3, nil: undefined }),
        until: fc.option(fc.constantFrom(...DAYS), { freq: 3, nil: undefined }),
        title: fc.boolean(),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    // Mostly in force on every evaluation date; now and then starting or ending within one of them.
    from: fc.oneof({ weight: 4, arbitrary: fc.constant("2017-01-01") }, { weight: 1, arbitrary: fc.constantFrom("2021-01-01", "2021-03-15") }),
    until: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("2021-09-30", "2022-12-31") }),
    parameters: fc.record(PARAMETERS),
  })
  .map(({ custom, named, rules, from, until, parameters }) => {
    const vocabulary = custom ? CUSTOM : DEFAULT;
    const conditions = Object.fromEntries(named.map((c, k) => [`c${k}`, c]));
    // Rules may name conditions c0–c2; those not declared are replaced by a comparison.
    const declared = (c: Condition): Condition => JSON.parse(JSON.stringify(c), (key, v) => (v !== null && typeof v === "object" && "condition" in v && !(v.condition in conditions) ? { fact: "b1", operator: "isTrue" } : v)) as Condition;
    return {
      id: "differential",
      version: "1",
      inForceFrom: from,
      ...(until === undefined ? {} : { inForceUntil: until }),
      ...(custom ? { conclusions: CUSTOM.conclusions, grounds: CUSTOM.grounds } : {}),
      parameters: Object.fromEntries(Object.entries(parameters).map(([name, values]) => [name, { type: { limit: "decimal", cutoff: "date", unit: "string", flag: "boolean" }[name], values }])),
      conditions,
      rules: rules.map((r, i) => {
        const targets = r.targets === undefined || i === 0 ? [] : [...new Set(r.targets.map((t) => `r${t % i}`))];
        return {
          id: `r${i}`,
          ...(r.title ? { title: d(`rule ${i}`) } : {}),
          conclusion: vocabulary.conclusions[r.conclusion % vocabulary.conclusions.length] as string,
          ...(r.ground === undefined ? {} : { ground: vocabulary.grounds[r.ground] }),
          when: declared(r.when),
          ...(targets.length === 0 ? {} : { exceptionTo: targets.length === 1 && i % 2 === 0 ? (targets[0] as string) : targets }),
          reason: d(`reason ${i}`),
          basis: [{ document: i % 2 === 0 ? "粤府令第277号" : "国发〔2015〕68号", ...(i % 3 === 0 ? { article: "第三十六条" } : {}) }],
          ...(r.from === undefined ? {} : { inForceFrom: r.from }),
          ...(r.until === undefined || (r.from !== undefined && r.until < r.from) ? {} : { inForceUntil: r.until }),
        };
      }),
    };
  });

/** Each fact's values, and one that does not fit its type. */
const VALUES: Record<string, readonly unknown[]> = {
  b0: [true, false],
  b1: [true, false],
  b2: [true, false],
  amount: ["0", "2.50", "5", "326.16", "-1", 3],
  amount2: ["2.5", "326.160", 0],
  adopted: [...DATES, "2021-06", "2021-04-01"],
  other: ["2017-09", "2021", "2018-01-01"],
  rating: ["met", "partlyMet", "notMet"],
  issuer: ORGS,
  units: [[], ["市公安局"], ["市政府", "市公安局"], ORGS],
};
const BAD: Record<string, unknown> = { b0: "yes", amount: 0.1, adopted: "2021-02-29", rating: "good", units: "市政府", issuer: 7 };

/**
 * A subject's facts, from one number per fact: a fifth of them missing, one in 200 not fitting its
 * type, one in five with an explanation and the documents it rests on.
 */
const factsArb: fc.Arbitrary<Facts> = fc.array(fc.nat({ max: 999 }), { minLength: FACT_NAMES.length, maxLength: FACT_NAMES.length }).map((draws) => {
  const facts: Record<string, unknown> = {};
  draws.forEach((n, i) => {
    const name = FACT_NAMES[i] as string;
    const values = VALUES[name] as readonly unknown[];
    if (n % 5 === 0) return;
    const value = n % 200 === 1 && name in BAD ? BAD[name] : values[n % values.length];
    facts[name] = n % 5 === 1 ? { value, explanation: d(`${name} holds`), cites: ["国办发〔2016〕13号", "粤府办〔2016〕66号"].slice(0, 1 + (n % 2)) } : { value };
  });
  return facts as Facts;
});

/** Deep equality of two results (plain data: objects, arrays, primitives), key order aside — as toStrictEqual, quicker. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Evaluation dates: mostly within the sets' validity, at every precision; now and then before it, or not a date. */
const dateArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom("2021", "2021-03", "2021-07", "2021-07-01", "2021-12-31", "2022-01") }, { weight: 1, arbitrary: fc.constantFrom("2020", "2016", "2021-02-29") });
const SUBJECTS = 25;
const casesArb = fc.array(fc.tuple(factsArb, dateArb), { minLength: SUBJECTS, maxLength: SUBJECTS });

/** A result, or the issues thrown. */
function outcome(run: () => RulesResult<string, string>): RulesResult<string, string> | { issues: unknown } {
  try {
    return run();
  } catch (error) {
    if (error instanceof PolicyEvalError) return { issues: error.issues };
    throw error;
  }
}

describe("the engine and the reference interpreter", () => {
  test.prop([ruleSetArb, casesArb], { numRuns: 10_000 / SUBJECTS })("give the same whole result on every case", (set, cases) => {
    const compiled = validateRuleSet(set, { facts: CATALOGUE });
    for (const [facts, date] of cases) {
      const fast = outcome(() => runRules(compiled, facts, { date: date as never }));
      const plain = outcome(() => runRulesReference(compiled, facts, { date: date as never }));
      // A quick deep equality; vitest's, slower, shows the difference when there is one.
      if (!same(fast, plain)) expect(fast).toStrictEqual(plain);
    }
  }, 60_000);
});
