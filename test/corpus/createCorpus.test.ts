import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createCorpus, PolicyEvalError, safeCreateCorpus, SHANGHAI_VALIDITY_POLICY, type PolicyDocumentInput } from "../../src/index.js";
import { qingyuanDocuments } from "../../src/examples/index.js";
import { deepFreeze, doc } from "./helpers.js";

function issuesOf(input: unknown): Array<[string, string, string]> {
  const result = safeCreateCorpus(input);
  if (result.success) throw new Error("expected a PolicyEvalError");
  return result.error.issues.map((i) => [i.code, i.path.join("."), i.severity]);
}

describe("createCorpus validation", () => {
  it("lists every problem of a malformed catalogue in one PolicyEvalError, in input order", () => {
    const bad = [
      { id: "a", title: "甲", adminLevel: "city", instrumentRank: "normativeDocument", isNormative: "yes", relations: [{ type: "implements", target: "ghost" }] },
      { id: "a", title: 42 },
      doc("b", { number: "国办发〔2016〕13号", relations: [{ type: "implements", target: "c" }] }),
      doc("c", { number: "国办发[2016]第13号", relations: [{ type: "basedOn", target: "b" }] }),
      doc("d", { adoptedOn: "2021-02-29" as "2021-02-28", relations: [{ type: "cites", target: "d" }] }),
      doc("e", { adoptedOn: "2020-01-01", relations: [{ type: "amends", target: "b", on: "2019-05-01" }] }),
    ];
    expect(issuesOf(bad)).toEqual([
      ["invalid-type", "0.isNormative", "error"],
      ["unknown-reference", "0.relations.0.target", "error"],
      ["invalid-type", "1.title", "error"],
      ["missing-field", "1.adminLevel", "error"],
      ["missing-field", "1.instrumentRank", "error"],
      ["missing-field", "1.isNormative", "error"],
      ["duplicate-id", "1.id", "error"],
      ["relation-cycle", "2.relations.0", "error"],
      ["duplicate-number", "3.number", "error"],
      ["nonstandard-document-number", "3.number", "warning"],
      ["nonstandard-document-number", "3.number", "warning"],
      ["invalid-date", "4.adoptedOn", "error"],
      ["relation-before-document", "5.relations.0.on", "error"],
    ]);
    const error = safeCreateCorpus(bad);
    expect(error.success).toBe(false);
    if (!error.success) {
      const cycle = error.error.issues.find((i) => i.code === "relation-cycle")!;
      expect(cycle.params).toEqual({ cycle: ["b", "c", "b"], kind: "hierarchy" });
      expect(cycle.messages["zh-CN"]).toBe("上下位关系形成循环：b → c → b");
      for (const issue of error.error.issues) expect(issue.messages["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("rejects a catalogue that is not an array", () => {
    expect(issuesOf({ documents: [] })).toEqual([["invalid-type", "", "error"]]);
    expect(issuesOf("x")).toEqual([["invalid-type", "", "error"]]);
  });

  it("rejects a relation to itself and a repeal dated before its target existed", () => {
    expect(issuesOf([doc("x", { relations: [{ type: "implements", target: "x" }] })])).toEqual([["self-relation", "0.relations.0.target", "error"]]);
    expect(issuesOf([doc("t", { adoptedOn: "2020-06-01" }), doc("r", { adoptedOn: "2019-01-01", relations: [{ type: "repeals", target: "t", on: "2019-06-01" }] })])).toEqual([
      ["relation-before-target", "1.relations.0.on", "error"],
    ]);
    expect(issuesOf([doc("v", { effectiveFrom: "2020-06-01", validUntil: "2020-01-01" })])).toEqual([["validity-before-start", "0.validUntil", "error"]]);
  });

  it("warns, without failing, about a parent of lower rank or level and a nonstandard number", () => {
    const corpus = createCorpus([
      doc("county-plan", { adminLevel: "county" }),
      doc("rule", { instrumentRank: "rules", relations: [{ type: "basedOn", target: "county-plan" }] }),
    ]);
    expect(corpus.warnings.map((w) => [w.code, w.path.join("."), w.severity])).toEqual([
      ["parent-lower-rank", "1.relations.0.target", "warning"],
      ["parent-lower-level", "1.relations.0.target", "warning"],
    ]);
    expect(createCorpus([doc("n", { number: "清府办〔2017〕059号" })]).warnings[0]).toMatchObject({ code: "nonstandard-document-number", params: { warning: "zero-padded", canonical: "清府办〔2017〕59号" } });
  });

  it("warns when a stated validity exceeds the policy's maximum (Shanghai 通告: 1 year)", () => {
    const corpus = createCorpus([doc("notice", { jurisdiction: "shanghai", title: "关于某某事项的通告", effectiveFrom: "2020-01-01", validUntil: "2021-06-30" })], {
      validityPolicy: SHANGHAI_VALIDITY_POLICY,
    });
    expect(corpus.warnings.map((w) => w.code)).toEqual(["validity-exceeds-maximum"]);
  });

  it("does not mutate its input and builds nothing when it throws", () => {
    const input = deepFreeze(structuredClone(qingyuanDocuments) as PolicyDocumentInput[]);
    expect(() => createCorpus(input)).not.toThrow();
    expect(() => createCorpus([...input, doc("bad", { relations: [{ type: "implements", target: "none" }] })])).toThrow(PolicyEvalError);
  });

  it("round-trips through JSON", () => {
    const corpus = createCorpus(qingyuanDocuments);
    const again = createCorpus(JSON.parse(JSON.stringify(corpus)));
    expect(again.toJSON()).toEqual(corpus.toJSON());
    expect(again.toJSON().format).toBe("policy-eval.corpus/1");
    for (const d of corpus.documents) expect(again.statusAt(d.id, "2017-09-15")).toEqual(corpus.statusAt(d.id, "2017-09-15"));
    expect(again.evaluationDueOf("qfb-2017-59", "2021")).toEqual(corpus.evaluationDueOf("qfb-2017-59", "2021"));
  });

  it("handles a 100k-long chain of implements without recursion", () => {
    const n = 100_000;
    const chain: PolicyDocumentInput[] = [];
    for (let i = 0; i < n; i++) chain.push(doc(`c${i}`, { adoptedOn: "2020-01-01", ...(i > 0 ? { relations: [{ type: "implements" as const, target: `c${i - 1}` }] } : {}) }));
    const corpus = createCorpus(chain);
    const impact = corpus.impactOf({ id: "c0", change: "repealed", on: "2021-01-01" });
    expect(impact.affected).toHaveLength(n - 1);
    expect(impact.affected[n - 2]!.depth).toBe(n - 1);
    // Closing the chain into a ring is one cycle, found iteratively and reported with its whole path.
    chain[0] = doc("c0", { adoptedOn: "2020-01-01", relations: [{ type: "implements", target: `c${n - 1}` }] });
    const result = safeCreateCorpus(chain);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(1);
      expect((result.error.issues[0]!.params!["cycle"] as string[]).length).toBe(n + 1);
    }
  });
});

describe("createCorpus properties", () => {
  const date = fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
    .chain((d) => fc.constantFrom(4, 7, 10).map((len) => d.toISOString().slice(0, len) as "2020-01-01"));
  const relationType = fc.constantFrom("implements", "basedOn", "amends", "repeals", "replaces", "declaresExpired", "cites" as const);

  /** Acyclic catalogues: relations only point at earlier documents, so no cycle, any dates. */
  const catalogue = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record(
          {
            adoptedOn: date,
            effectiveFrom: date,
            validUntil: date,
            partial: fc.boolean(),
            relations: fc.array(fc.tuple(relationType, fc.nat({ max: Math.max(0, i - 1) }), fc.option(date, { nil: undefined })), { maxLength: i === 0 ? 0 : 3 }),
          },
          { requiredKeys: ["relations"] },
        ),
      ),
    ),
  );

  test.prop([catalogue, date], { numRuns: 150 })("statusAt never throws for a valid catalogue and any date", (specs, asked) => {
    const docs = specs.map((s, i) =>
      doc(`d${i}`, {
        ...(s.adoptedOn === undefined ? {} : { adoptedOn: s.adoptedOn }),
        relations: s.relations.map(([type, target, on]) => ({ type, target: `d${target}`, ...(on === undefined ? {} : { on }), ...(type === "repeals" && s.partial === true ? { partial: true } : {}) })),
      }),
    );
    const result = safeCreateCorpus(docs);
    if (!result.success) {
      // Only date-order problems may make such a catalogue invalid.
      for (const issue of result.error.issues) expect(["relation-before-document", "relation-before-target"]).toContain(issue.code);
      return;
    }
    for (const d of docs) {
      const answer = result.data.statusAt(d.id, asked);
      expect(answer.possibleStatuses).toContain(answer.status);
      expect(answer.certainty === "certain").toBe(answer.possibleStatuses.length === 1 && answer.decidedBy.certainty === "certain");
      expect(answer.explanation.en.length).toBeGreaterThan(0);
    }
    result.data.dueForEvaluation(asked, { within: { years: 3 } });
  });

  test.prop([fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom("implements", "basedOn", "amends", "repeals")], { numRuns: 60 })(
    "a cycle of any length is found, with its whole path",
    (length, extra, type) => {
      const ring = Array.from({ length }, (_, i) => doc(`r${i}`, { relations: [{ type, target: `r${(i + 1) % length}` }] }));
      const tail = Array.from({ length: extra }, (_, i) => doc(`t${i}`, { relations: [{ type, target: i === 0 ? "r0" : `t${i - 1}` }] }));
      const result = safeCreateCorpus([...tail, ...ring]);
      expect(result.success).toBe(false);
      if (result.success) return;
      const cycles = result.error.issues.filter((i) => i.code === (length === 1 ? "self-relation" : "relation-cycle"));
      expect(cycles).toHaveLength(1);
      if (length > 1) {
        const path = cycles[0]!.params!["cycle"] as string[];
        expect(path).toHaveLength(length + 1);
        expect(new Set(path)).toEqual(new Set(ring.map((r) => r.id)));
        expect(path[0]).toBe(path[length]);
      }
    },
  );

  test.prop([fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 })), { maxLength: 60 })], { numRuns: 100 })(
    "impactOf flags exactly the documents that reach the changed one through implements / basedOn",
    (edges) => {
      // Only edges from a higher index to a lower one: acyclic.
      const n = 31;
      const parents: number[][] = Array.from({ length: n }, () => []);
      for (const [a, b] of edges) if (a > b && !parents[a]!.includes(b)) parents[a]!.push(b);
      const docs = parents.map((ps, i) => doc(`n${i}`, { relations: ps.map((p) => ({ type: "implements" as const, target: `n${p}` })) }));
      const corpus = createCorpus(docs);
      // Oracle: repeated relaxation.
      const reached = new Set<number>([0]);
      for (let changed = true; changed; ) {
        changed = false;
        parents.forEach((ps, i) => {
          if (!reached.has(i) && ps.some((p) => reached.has(p))) {
            reached.add(i);
            changed = true;
          }
        });
      }
      reached.delete(0);
      const affected = corpus.impactOf({ id: "n0", change: "amended", on: "2021-01-01" }).affected;
      expect(new Set(affected.map((a) => a.id))).toEqual(new Set([...reached].map((i) => `n${i}`)));
      for (const a of affected) {
        expect(a.chain).toHaveLength(a.depth);
        expect(a.chain[0]!.source).toBe(a.id);
        expect(a.chain[a.chain.length - 1]!.target).toBe("n0");
      }
    },
  );
});
