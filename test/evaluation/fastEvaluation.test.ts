import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fastEvaluation } from "../../src/evaluation/fastEvaluation.js";
import { evaluate, EvaluationSchema } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation } from "../../src/examples/index.js";

// Values near the edges of what the schema accepts: blanks (U+3000 is blank), aliases, impossible dates.
const text = fc.oneof(fc.constantFrom("", " ", "\u3000", "\u3000清远", "国办发〔2016〕13号", "qfb-2017-59", " x", "冲突"), fc.string({ maxLength: 4 }));
const dateLike = fc.oneof(fc.constantFrom("2021", "2021-08", "2021-08-20", "2021-02-29", "2024-02-29", "2021-13", "21", "2021-8-1", ""), fc.string({ maxLength: 10 }));
const anything = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.constant(Object.create({ ground: "other" }) as unknown),
);
const criterion = fc.oneof(
  fc.constantFrom("effectiveness", "legality", "impact", "relevance", "实效性", "合法性", "beauty", "toString", "constructor", "__proto__", "hasOwnProperty"),
  anything,
);
const rating = fc.oneof(fc.constantFrom("met", "partlyMet", "notMet", "unknown", "good"), anything);
const finding = fc.oneof(
  fc.record({ criterion, rating, evidence: fc.constant([{ quote: "实施效果达到预期目的" }]), extra: anything }, { requiredKeys: ["criterion", "rating"] }),
  fc.record({ criterion, rating }, { requiredKeys: [] }),
  anything,
);
const conflict = fc.oneof(
  fc.record(
    {
      provision: fc.oneof(text, anything),
      superior: fc.oneof(fc.record({ document: fc.oneof(text, anything), article: fc.oneof(text, anything), extra: anything }, { requiredKeys: [] }), anything),
      description: fc.oneof(text, anything),
      extra: anything,
    },
    { requiredKeys: [] },
  ),
  anything,
);
const ending = fc.oneof(
  fc.record({ ground: fc.oneof(fc.constantFrom("taskCompleted", "subjectGone", "unsuitedToConditions", "other", "bored"), anything), evidence: fc.constant([]), extra: anything }, { requiredKeys: [] }),
  anything,
);
const recommendation = fc.oneof(
  fc.record({ conclusion: fc.oneof(fc.constantFrom("continue", "extend", "revise", "repeal", "declareExpired", "undetermined"), anything), quote: fc.oneof(text, anything), extra: anything }, { requiredKeys: [] }),
  anything,
);
const evaluationLike = fc.record(
  {
    subject: fc.oneof(text, anything),
    evaluatedOn: fc.oneof(dateLike, anything),
    evaluatingBody: fc.oneof(text, anything),
    evaluatingBodyAsWritten: fc.oneof(text, anything),
    findings: fc.oneof(fc.array(finding, { maxLength: 3 }), anything),
    conflicts: fc.oneof(fc.array(conflict, { maxLength: 2 }), anything),
    endingGrounds: fc.oneof(fc.array(ending, { maxLength: 2 }), anything),
    recommendation,
    measures: fc.constant([]),
    unexpected: anything,
  },
  { requiredKeys: [] },
);

// Valid ordinary records (zod keeps a null prototype, so the fast path leaves those to it).
const validish = fc.record(
  {
    subject: fc.constantFrom("qfb-2017-59", "d1", "文件"),
    evaluatedOn: fc.constantFrom("2021", "2021-08", "2024-02-29"),
    evaluatingBody: fc.constantFrom("清远市公安局", "\u3000我局"),
    findings: fc.uniqueArray(fc.record({ criterion: fc.constantFrom("effectiveness", "impact", "legality", "合法性", "规范性"), rating: fc.constantFrom("met", "unknown", "notMet") }, { noNullPrototype: true }), {
      maxLength: 4,
      // One finding per criterion, aliases included (a duplicate is an issue, tested above).
      selector: (f) => ({ impact: "effectiveness", 合法性: "legality" })[f.criterion as string] ?? f.criterion,
    }),
    conflicts: fc.array(
      fc.record({ provision: fc.constant("第三条"), superior: fc.record({ document: fc.constantFrom("国办发〔2016〕13号"), article: fc.constant("第五条") }, { requiredKeys: ["document"], noNullPrototype: true }), description: fc.constant("限制迁入") }, {
        requiredKeys: ["superior", "description"],
        noNullPrototype: true,
      }),
      { maxLength: 2 },
    ),
    endingGrounds: fc.array(fc.record({ ground: fc.constantFrom("taskCompleted", "subjectGone", "other") }, { noNullPrototype: true }), { maxLength: 2 }),
    recommendation: fc.record({ conclusion: fc.constantFrom("continue", "revise"), quote: fc.constant("继续沿用") }, { requiredKeys: ["conclusion"], noNullPrototype: true }),
  },
  { requiredKeys: ["subject", "evaluatedOn"], noNullPrototype: true },
);

function agreesWithZod(value: unknown): void {
  const before = structuredClone(value);
  const fast = fastEvaluation(value);
  if (fast === undefined) return;
  const parsed = EvaluationSchema.safeParse(value);
  expect(parsed.success).toBe(true);
  if (!parsed.success) return;
  // Equal, with the same keys in the same order, and a copy: nothing of the input is kept.
  expect(fast).toStrictEqual(parsed.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
  if (fast.findings !== undefined) expect(fast.findings).not.toBe((value as { findings: unknown }).findings);
  expect(value).toStrictEqual(before);
}

describe("the evaluation record's fast validation path", () => {
  test.prop([evaluationLike], { numRuns: 1500 })("accepts only what EvaluationSchema accepts, with an equal output", agreesWithZod);

  test.prop([validish], { numRuns: 300 })("accepts ordinary valid records, as zod does", (value) => {
    expect(fastEvaluation(value)).toBeDefined();
    agreesWithZod(value);
  });

  it("leaves to zod what it does not read: evidence, measures, undefined keys, other objects, duplicates", () => {
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021" })).toEqual({ subject: "x", evaluatedOn: "2021" });
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021", evaluatingBody: undefined })).toBeUndefined();
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021", findings: [{ criterion: "impact", rating: "met", evidence: [] }] })).toBeUndefined();
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021", findings: [{ criterion: "impact", rating: "met" }, { criterion: "实效性", rating: "notMet" }] })).toBeUndefined();
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021", findings: [{ criterion: "toString", rating: "met" }] })).toBeUndefined();
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021", measures: [] })).toBeUndefined();
    expect(fastEvaluation(Object.assign(Object.create({ evaluatedOn: "2021" }) as object, { subject: "x" }))).toBeUndefined();
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021-02-29" })).toBeUndefined();
    expect(fastEvaluation({ subject: "\u3000", evaluatedOn: "2021" })).toBeUndefined();
    expect(fastEvaluation([{ subject: "x", evaluatedOn: "2021" }])).toBeUndefined();
  });

  it("resolves criterion aliases as the schema does", () => {
    expect(fastEvaluation({ subject: "x", evaluatedOn: "2021", findings: [{ rating: "met", criterion: "impact" }] })?.findings).toEqual([{ criterion: "effectiveness", rating: "met" }]);
  });

  it("gives evaluate the same answer either way (the reference case goes through zod: it has measures and evidence)", () => {
    expect(fastEvaluation(qingyuanEvaluation)).toBeUndefined();
    const { measures: _measures, process: _process, workingGroup: _group, consultedUnits: _units, findings, ...rest } = qingyuanEvaluation;
    const plain = { ...rest, findings: (findings ?? []).map(({ criterion, rating }) => ({ criterion, rating })) };
    expect(fastEvaluation(plain)).toBeDefined();
    const viaZod = evaluate({ corpus: qingyuanDocuments, evaluation: { ...plain, measures: [] } });
    const viaFast = evaluate({ corpus: qingyuanDocuments, evaluation: plain });
    expect(viaFast.conclusion).toBe("continue");
    expect(viaFast.trace).toStrictEqual(viaZod.trace);
    expect(viaFast.reasons).toStrictEqual(viaZod.reasons);
  });
});
