import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { fastEvaluation } from "../../src/evaluation/fastEvaluation.js";
import { CRITERION_ALIASES, CRITERIA, ENDING_GROUNDS, EvaluationSchema, IMPLEMENTATION_STATUSES, PROCESS_STEPS, RATINGS, RULE_CONCLUSIONS, toCriterion } from "../../src/index.js";
import { nearValid } from "../nearValid.js";

// Valid records. Most have only what the fast path reads; the others also carry what it leaves to zod
// (evidence, measures, the working group, the process, consulted units).
const text = fc.constantFrom("qfb-2017-59", "\u3000我局", " x ", "国办发〔2016〕13号", "清远市公安局");
const date = fc.constantFrom("2021", "2021-08", "2021-08-20", "2024-02-29");
const options = { noNullPrototype: true } as const;
const evidence = fc.array(fc.record({ text, document: text, quote: text, observations: fc.array(text, { maxLength: 2 }) }, { requiredKeys: [], ...options }), { maxLength: 2 });
const criterion = fc.constantFrom(...CRITERIA, ...Object.keys(CRITERION_ALIASES));
const findings = (withEvidence: boolean) =>
  fc.uniqueArray(fc.record({ criterion, rating: fc.constantFrom(...RATINGS), ...(withEvidence ? { evidence } : {}) }, { requiredKeys: ["criterion", "rating"], ...options }), {
    maxLength: 4,
    // One finding per criterion, aliases included: a second one is an issue.
    selector: (f) => toCriterion(f.criterion),
  });
const conflicts = fc.array(
  fc.record({ provision: text, superior: fc.record({ document: text, article: text }, { requiredKeys: ["document"], ...options }), description: text }, { requiredKeys: ["superior", "description"], ...options }),
  { maxLength: 2 },
);
const endingGrounds = (withEvidence: boolean) =>
  fc.array(fc.record({ ground: fc.constantFrom(...ENDING_GROUNDS), ...(withEvidence ? { evidence } : {}) }, { requiredKeys: ["ground"], ...options }), { maxLength: 2 });
const recommendation = fc.record({ conclusion: fc.constantFrom(...RULE_CONCLUSIONS), quote: text }, { requiredKeys: ["conclusion"], ...options });
const ordinary = {
  subject: text,
  evaluatedOn: date,
  evaluatingBody: text,
  evaluatingBodyAsWritten: text,
  conflicts,
  recommendation,
};
const fastShaped = fc.record({ ...ordinary, findings: findings(false), endingGrounds: endingGrounds(false) }, { requiredKeys: ["subject", "evaluatedOn"], ...options });
const full = fc.record(
  {
    ...ordinary,
    findings: findings(true),
    endingGrounds: endingGrounds(true),
    workingGroup: fc.record({ members: fc.array(fc.record({ role: text, count: fc.constantFrom(1, 3) }, { requiredKeys: ["role"], ...options }), { maxLength: 2 }) }, options),
    process: fc.array(fc.record({ step: fc.constantFrom(...PROCESS_STEPS), label: text, on: date, description: text, participants: fc.array(text, { maxLength: 2 }) }, { requiredKeys: ["step"], ...options }), { maxLength: 2 }),
    consultedUnits: fc.array(fc.record({ name: text, replied: fc.boolean(), reply: text }, { requiredKeys: ["name"], ...options }), { maxLength: 2 }),
    measures: fc.array(
      fc.record(
        {
          id: text,
          area: text,
          description: text,
          leadDepartments: fc.oneof(fc.array(text, { minLength: 1, maxLength: 2 }), fc.constant("notStated")),
          cooperatingDepartments: fc.array(text, { maxLength: 2 }),
          implementers: fc.array(text, { maxLength: 2 }),
          indicators: fc.array(text, { maxLength: 2 }),
          status: fc.constantFrom(...IMPLEMENTATION_STATUSES),
          evidence,
        },
        { requiredKeys: ["id", "area", "description", "leadDepartments", "status"], ...options },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ["subject", "evaluatedOn"], ...options },
);
const validEvaluation = fc.oneof({ weight: 3, arbitrary: fastShaped }, { weight: 1, arbitrary: full });

/** Every object and array inside a value. */
function objectsIn(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value !== "object" || value === null || out.has(value)) return out;
  out.add(value);
  for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], out);
  return out;
}

const seen = { accepted: 0, deferred: 0, rejected: 0 };

describe("the evaluation record's fast path, against EvaluationSchema", () => {
  // fastEvaluation builds its own output: it must be exactly zod's (keys in the same order, aliases
  // resolved), and share no object with the input, as zod's does not.
  test.prop([nearValid(validEvaluation)], { numRuns: 10_000 })(
    "returns exactly what zod returns, or defers to zod; never accepts what zod rejects",
    (value) => {
      const fast = fastEvaluation(value);
      const parsed = EvaluationSchema.safeParse(value);
      if (!parsed.success) expect(fast).toBeUndefined();
      if (fast === undefined) {
        seen[parsed.success ? "deferred" : "rejected"]++;
        return;
      }
      seen.accepted++;
      expect(parsed.success).toBe(true);
      expect(fast).toStrictEqual(parsed.data);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
      const inInput = objectsIn(value);
      for (const object of objectsIn(fast)) expect(inInput.has(object)).toBe(false);
    },
    120_000,
  );

  afterAll(() => {
    // The run means something only if all three outcomes were common.
    expect(seen.accepted).toBeGreaterThan(1000);
    expect(seen.deferred).toBeGreaterThan(1000);
    expect(seen.rejected).toBeGreaterThan(1000);
  });

  test("leaves to zod what the differential test found slipping through: keys hidden from enumeration", () => {
    const plain = { subject: "qfb-2017-59", evaluatedOn: "2021" };
    const hidden = <T extends object>(o: T, key: string, value: unknown): T => Object.defineProperty(o, key, { value, enumerable: false });
    const refused = [
      hidden({ ...plain }, "measures", 5),
      { ...plain, findings: [hidden({ criterion: "impact", rating: "met" }, "evidence", 5)] },
      { ...plain, conflicts: [{ superior: hidden({ document: "国办发〔2016〕13号" }, "article", 5), description: "限制迁入" }] },
      { ...plain, recommendation: hidden({ conclusion: "continue" }, "quote", 5) },
      { ...plain, endingGrounds: [hidden({ ground: "taskCompleted" }, "evidence", 5)] },
    ];
    for (const value of refused) expect([EvaluationSchema.safeParse(value).success, fastEvaluation(value)]).toEqual([false, undefined]);
    // zod reads a hidden key, and outputs it: the fast path, which would not, defers.
    const withBody = hidden({ ...plain }, "evaluatingBody", "清远市公安局");
    expect(EvaluationSchema.parse(withBody).evaluatingBody).toBe("清远市公安局");
    expect(fastEvaluation(withBody)).toBeUndefined();
    expect(fastEvaluation(plain)).toStrictEqual(plain);
  });

  test.prop([fastShaped], { numRuns: 500 })("takes every ordinary valid record without asking zod", (value) => {
    expect(fastEvaluation(value)).toStrictEqual(EvaluationSchema.parse(value));
  });
});
