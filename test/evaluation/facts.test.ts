import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dayBounds } from "../../src/dates/partialDate.js";
import {
  createCorpus,
  deriveFacts,
  evaluate,
  EVALUATION_FACTS,
  EvaluationSchema,
  GUANGDONG_RULE_SET,
  runRules,
  validateRuleSet,
  type Corpus,
  type Evaluation,
  type EvaluationInput,
  type FactValue,
  type PartialDate,
  type PolicyDocumentInput,
  type StatusAnswer,
} from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation } from "../../src/examples/index.js";
import { buildDocument, buildRelation } from "../../src/testing/index.js";

// The parent facts restated plainly (one list per question, Array methods,
// day numbers), as they were first written: deriveFacts does the same in one
// pass without them, and must agree with this everywhere.

type Tri = boolean | "uncertain";
const or = (values: readonly Tri[]): Tri => (values.includes(true) ? true : values.includes("uncertain") ? "uncertain" : false);
const and = (values: readonly Tri[]): Tri => (values.includes(false) ? false : values.includes("uncertain") ? "uncertain" : true);

function referenceParentFacts(corpus: Corpus, evaluation: Evaluation): Record<string, FactValue> {
  const date = evaluation.evaluatedOn;
  const subject = evaluation.subject;
  const name = (id: string): string => corpus.numberOf(id)?.canonical ?? `《${corpus.get(id).title}》`;
  const parents = corpus.parentsOf(subject);
  const statuses = parents.map((p) => corpus.statusAt(p.id, date));
  const names = parents.map((p) => name(p.id));
  const doc = corpus.get(subject);
  const year = corpus.numberOf(subject)?.year;
  const born = doc.adoptedOn ?? doc.publishedOn ?? doc.effectiveFrom ?? (year === undefined ? undefined : (String(year) as PartialDate));
  const [born0, born1] = born === undefined ? [Number.NaN, Number.NaN] : dayBounds(born);
  const amendedAfter = (s: StatusAnswer): Tri => {
    const events = [...s.amendments, ...(s.decidedBy.kind === "partiallyRepealed" ? [s.decidedBy] : []), ...s.uncertainEvents.filter((e) => e.kind === "partiallyRepealed")];
    return or(
      events.map((e): Tri => {
        if (e.range === undefined || Number.isNaN(born0)) return "uncertain";
        const after: Tri = dayBounds(e.range.earliest)[0] > born1 ? true : dayBounds(e.range.latest)[0] <= born0 ? false : "uncertain";
        return e.certainty === "certain" ? after : after === false ? false : "uncertain";
      }),
    );
  };
  const endedHow = (s: StatusAnswer) =>
    s.certainty !== "certain" ? "uncertain" : s.status !== "expired" && s.status !== "repealed" ? "no" : s.decidedBy.kind === "replaced" ? "replaced" : "withoutSuccessor";
  const inForce = statuses.map((s): Tri => (s.certainty !== "certain" ? "uncertain" : s.status === "in_force" || s.status === "partially_in_force"));
  const amended = statuses.map(amendedAfter);
  const ended = statuses.map(endedHow);
  const pick = (flags: readonly unknown[], value: unknown) => names.filter((_, i) => flags[i] === value);
  const out: Record<string, FactValue> = {};
  const set = (key: string, value: Tri, zh: string, en: string, cites: readonly string[]) => {
    if (value !== "uncertain") out[key] = { value, explanation: { "zh-CN": zh, en }, ...(cites.length === 0 ? {} : { cites }) };
  };
  const zh = (list: readonly string[]) => list.join("、");
  const en = (list: readonly string[]) => list.join(", ");
  const all = and(inForce);
  set(
    "parents.allInForce",
    all,
    parents.length === 0 ? "无上位文件" : `${zh(names)}${all === true ? "仍在实施期" : "并非均在实施期"}（截至 ${date}）`,
    parents.length === 0 ? "No parent document" : `${en(names)} ${all === true ? "are in force" : "are not all in force"} on ${date}`,
    names,
  );
  const anyAmended = or(amended);
  const amendedNames = pick(amended, true);
  set(
    "parents.anyAmendedSinceAdoption",
    anyAmended,
    anyAmended === true ? `${zh(amendedNames)}在本文件印发后已修改` : `${zh(names)}在本文件印发后未进行修订`,
    anyAmended === true ? `${en(amendedNames)} amended after the subject's adoption` : `${en(names)} not revised since the subject's adoption`,
    anyAmended === true ? amendedNames : names,
  );
  const replaced = or(ended.map((e) => (e === "uncertain" ? "uncertain" : e === "replaced")));
  const replacedNames = pick(ended, "replaced");
  set(
    "parents.anyReplaced",
    replaced,
    replaced === true ? `${zh(replacedNames)}已被新文件替代` : "上位文件均未被替代",
    replaced === true ? `${en(replacedNames)} replaced by a successor` : "No parent was replaced",
    replaced === true ? replacedNames : names,
  );
  const endedAlone = or(ended.map((e) => (e === "uncertain" ? "uncertain" : e === "withoutSuccessor")));
  const endedNames = pick(ended, "withoutSuccessor");
  set(
    "parents.anyEndedWithoutSuccessor",
    endedAlone,
    endedAlone === true ? `${zh(endedNames)}已废止或失效，且无替代文件` : "上位文件均未在无替代的情况下废止或失效",
    endedAlone === true ? `${en(endedNames)} repealed or expired without a successor` : "No parent ended without a successor",
    endedAlone === true ? endedNames : names,
  );
  // The name lists, only when every parent's answer is certain.
  const list = (key: string, known: boolean, listed: readonly string[]) => {
    if (known) out[key] = listed.length === 0 ? { value: [...listed] } : { value: [...listed], cites: [...listed] };
  };
  list("parents.amendedSinceAdoption", !amended.includes("uncertain"), amendedNames);
  list("parents.replaced", !ended.includes("uncertain"), replacedNames);
  list("parents.endedWithoutSuccessor", !ended.includes("uncertain"), endedNames);
  out["parents.count"] = { value: String(parents.length) };
  const inForceNames = pick(inForce, true);
  out["parents.inForce"] = inForceNames.length === 0 ? { value: inForceNames } : { value: inForceNames, cites: inForceNames };
  return out;
}

// Small catalogues: up to three parents (with or without a number, dated to
// the year, month or day), a subject implementing or based on them, and
// documents amending, partly repealing, repealing, replacing or declaring
// them expired, on dates of every precision.
const parentArb = fc.record({
  numbered: fc.boolean(),
  adoptedOn: fc.constantFrom<PartialDate>("2015", "2016-03", "2016-03-14", "2017", "2017-09", "2017-09-01", "2017-09-30"),
  validUntil: fc.option(fc.constantFrom<PartialDate>("2018-12-31", "2021-08", "2030-12-31"), { nil: undefined }),
  events: fc.array(
    fc.record({
      type: fc.constantFrom("amends", "repeals", "partialRepeal", "replaces", "declaresExpired"),
      adoptedOn: fc.constantFrom<PartialDate>("2017", "2017-09", "2017-09-15", "2019-06-30", "2021", "2024-06-30"),
    }),
    { maxLength: 2 },
  ),
});
const worldArb = fc.record({
  parents: fc.array(parentArb, { maxLength: 3 }),
  subjectAdopted: fc.option(fc.constantFrom<PartialDate>("2017", "2017-09", "2017-09-15"), { nil: undefined }),
  basedOn: fc.boolean(),
  evaluatedOn: fc.constantFrom<PartialDate>("2021", "2021-08", "2021-08-20", "2024-06-30", "2025"),
});

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

function catalogue(world: World): PolicyDocumentInput[] {
  const docs: PolicyDocumentInput[] = [];
  world.parents.forEach((p, i) => {
    docs.push(
      buildDocument(`p${i}`, {
        adminLevel: "province",
        adoptedOn: p.adoptedOn,
        ...(p.numbered ? { number: `粤府办〔${p.adoptedOn.slice(0, 4)}〕${i + 1}号` } : {}),
        ...(p.validUntil === undefined ? {} : { validUntil: p.validUntil }),
      }),
    );
    p.events.forEach((e, j) => {
      // An act dated wholly before its target existed is refused by the catalogue: such an act comes the day its target does.
      const adoptedOn = dayBounds(e.adoptedOn)[1] < dayBounds(p.adoptedOn)[0] ? p.adoptedOn : e.adoptedOn;
      const relation = e.type === "partialRepeal" ? { ...buildRelation("repeals", `p${i}`), partial: true } : buildRelation(e.type as "amends", `p${i}`);
      docs.push(buildDocument(`e${i}-${j}`, { adminLevel: "province", adoptedOn, relations: [relation] }));
    });
  });
  docs.push(
    buildDocument("s", {
      ...(world.subjectAdopted === undefined ? {} : { adoptedOn: world.subjectAdopted }),
      relations: world.parents.map((_, i) => buildRelation(world.basedOn && i === 0 ? "basedOn" : "implements", `p${i}`)),
    }),
  );
  return docs;
}

const recordArb = fc.record({
  findings: fc.option(
    fc.uniqueArray(
      fc.record({ criterion: fc.constantFrom("effectiveness", "legality"), rating: fc.constantFrom("met", "partlyMet", "notMet", "unknown"), quote: fc.option(fc.constant("实施效果达到预期目的"), { nil: undefined }) }),
      { selector: (f) => f.criterion, maxLength: 2 },
    ),
    { nil: undefined },
  ),
  conflicts: fc.option(fc.array(fc.record({ document: fc.constantFrom("国办发〔2016〕13号", " 粤府办〔2016〕66号"), article: fc.option(fc.constant("第五条"), { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }),
  grounds: fc.option(fc.subarray(["taskCompleted", "subjectGone", "unsuitedToConditions", "other"] as const), { nil: undefined }),
  recommendation: fc.option(fc.constantFrom("continue", "revise"), { nil: undefined }),
});

type RecordSpec = typeof recordArb extends fc.Arbitrary<infer R> ? R : never;

function record(evaluatedOn: PartialDate, r: RecordSpec): EvaluationInput {
  return {
    subject: "s",
    evaluatedOn,
    ...(r.findings === undefined
      ? {}
      : { findings: r.findings.map((f) => ({ criterion: f.criterion, rating: f.rating, ...(f.quote === undefined ? {} : { evidence: [{ quote: f.quote }] }) })) }),
    ...(r.conflicts === undefined
      ? {}
      : { conflicts: r.conflicts.map((c) => ({ superior: { document: c.document, ...(c.article === undefined ? {} : { article: c.article }) }, description: "冲突" })) }),
    ...(r.grounds === undefined ? {} : { endingGrounds: r.grounds.map((ground) => ({ ground })) }),
    ...(r.recommendation === undefined ? {} : { recommendation: { conclusion: r.recommendation } }),
  };
}

const PARENT_FACT_NAMES = [
  "parents.count",
  "parents.inForce",
  "parents.allInForce",
  "parents.anyAmendedSinceAdoption",
  "parents.anyReplaced",
  "parents.anyEndedWithoutSuccessor",
  "parents.amendedSinceAdoption",
  "parents.replaced",
  "parents.endedWithoutSuccessor",
];
const pick = (facts: Readonly<Record<string, FactValue | undefined>>, names: readonly string[]) =>
  Object.fromEntries(names.filter((n) => facts[n] !== undefined).map((n) => [n, facts[n]]));

describe("deriveFacts", () => {
  it("names each parent: none of the reference case's is amended; 粤府办〔2016〕66号 amended in 2019 is", () => {
    const evaluation = EvaluationSchema.parse(qingyuanEvaluation);
    const facts = deriveFacts(createCorpus(qingyuanDocuments), evaluation);
    expect(facts["parents.amendedSinceAdoption"]).toEqual({ value: [] });
    expect(facts["parents.endedWithoutSuccessor"]).toEqual({ value: [] });
    const amendment = buildDocument("amendment", { adminLevel: "province", adoptedOn: "2019-03-01", relations: [buildRelation("amends", "yfb-2016-66")] });
    const changed = deriveFacts(createCorpus([...qingyuanDocuments, amendment]), evaluation);
    expect(changed["parents.amendedSinceAdoption"]).toEqual({ value: ["粤府办〔2016〕66号"], cites: ["粤府办〔2016〕66号"] });
    // An amendment in the plan's own month (2017-09) may come before or after it: no list then.
    const sameMonth = buildDocument("amendment", { adminLevel: "province", adoptedOn: "2017-09-20", relations: [buildRelation("amends", "yfb-2016-66")] });
    expect(deriveFacts(createCorpus([...qingyuanDocuments, sameMonth]), evaluation)["parents.amendedSinceAdoption"]).toBeUndefined();
  });

  test.prop([worldArb], { numRuns: 300 })("derives the parent facts as their plain statement does, on catalogues of every shape", (world) => {
    const corpus = createCorpus(catalogue(world));
    const evaluation = EvaluationSchema.parse({ subject: "s", evaluatedOn: world.evaluatedOn });
    const facts = deriveFacts(corpus, evaluation);
    expect(pick(facts, PARENT_FACT_NAMES)).toStrictEqual(referenceParentFacts(corpus, evaluation));
  });

  test.prop([worldArb, recordArb, fc.subarray(Object.keys(EVALUATION_FACTS))], { numRuns: 200 })(
    "with `only`, derives exactly the facts asked for, as it would derive them all",
    (world, r, only) => {
      const corpus = createCorpus(catalogue(world));
      const evaluation = EvaluationSchema.parse(record(world.evaluatedOn, r));
      const all = deriveFacts(corpus, evaluation);
      const some = deriveFacts(corpus, evaluation, undefined, { only: Object.fromEntries(only.map((n) => [n, true])) });
      expect(some).toStrictEqual(pick(all, only));
    },
  );

  it("can tell every fact it gives apart in one 31-bit selection", () => {
    expect(Object.keys(EVALUATION_FACTS).length).toBeLessThanOrEqual(31);
  });

  it("names what the record says, and leaves out what it does not", () => {
    const corpus = createCorpus(qingyuanDocuments);
    const base = EvaluationSchema.parse(qingyuanEvaluation);
    const facts = deriveFacts(corpus, { ...base, conflicts: [{ superior: { document: "国办发〔2016〕13号", article: "第五条" }, description: "限制迁入" }, { superior: { document: "粤府办〔2016〕66号" }, description: "x" }], endingGrounds: [{ ground: "subjectGone" }] });
    expect(facts["conflicts.found"]).toStrictEqual({
      value: true,
      explanation: { "zh-CN": "发现与上位规定冲突：国办发〔2016〕13号第五条、粤府办〔2016〕66号", en: "Conflicts with 国办发〔2016〕13号 第五条, 粤府办〔2016〕66号" },
      cites: ["国办发〔2016〕13号", "粤府办〔2016〕66号"],
    });
    expect(facts["subject.gone"]).toStrictEqual({ value: true, explanation: { "zh-CN": "评估提出该终止理由", en: "Raised by the evaluators" } });
    expect(facts["task.completed"]?.value).toBe(false);
    const quote = base.findings?.find((f) => f.criterion === "effectiveness")?.evidence?.find((e) => e.quote !== undefined)?.quote;
    expect(quote).toBeDefined();
    expect(facts["criteria.effectiveness"]?.explanation).toStrictEqual({ "zh-CN": `实效性：达到（“${quote}”）`, en: `effectiveness: met ("${quote}")` });
    // A criterion that is only an inherited key makes no fact (and no crash).
    const odd = deriveFacts(corpus, { ...base, findings: [{ criterion: "constructor" as never, rating: "met" }] });
    expect(Object.keys(odd).filter((k) => k.startsWith("criteria."))).toEqual([]);
    expect(odd["effects.stated"]?.value).toBe("notStated");
    const bare = deriveFacts(corpus, { subject: base.subject, evaluatedOn: base.evaluatedOn });
    expect(bare["conflicts.found"]).toBeUndefined();
    expect(bare["effects.stated"]).toBeUndefined();
    expect(bare["task.completed"]).toBeUndefined();
  });
});

describe("evaluate, against its plain composition", () => {
  const rules = validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS });

  test.prop([fc.array(fc.tuple(worldArb, recordArb), { minLength: 1, maxLength: 4 })], { numRuns: 100 })(
    "answers as runRules on every derived fact (validated by zod, a fresh rule set), and reports the facts the rules read",
    (cases) => {
      for (const [world, r] of cases) {
        const corpus = createCorpus(catalogue(world));
        const input = record(world.evaluatedOn, r);
        const result = evaluate({ corpus, evaluation: input }, { rules });
        const evaluation = EvaluationSchema.parse(input);
        const facts = deriveFacts(corpus, evaluation);
        const expected = runRules(validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS }), facts, { date: evaluation.evaluatedOn });
        const { subject, evaluatedOn, facts: used, evaluation: parsed, ...answer } = result;
        expect(answer).toStrictEqual({ ...expected });
        expect(parsed).toStrictEqual(evaluation);
        expect([subject, evaluatedOn]).toEqual(["s", world.evaluatedOn]);
        expect(used).toStrictEqual(pick(facts, Object.keys(rules.facts)));
      }
    },
  );
});
