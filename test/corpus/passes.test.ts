import { describe, expect, it } from "vitest";
import { createCorpus, safeCreateCorpus, SHANGHAI_VALIDITY_POLICY, type PolicyDocumentInput, type PolicyEvalIssue } from "../../src/index.js";
import { qingyuanDocuments } from "../../src/examples/index.js";
import { doc } from "./helpers.js";

// Each pass of the catalogue build (src/corpus/build.ts), seen through what it decides.

function issuesOf(input: unknown): PolicyEvalIssue[] {
  const result = safeCreateCorpus(input);
  if (result.success) throw new Error("expected a PolicyEvalError");
  return [...result.error.issues];
}

describe("the lifespan pass: start, adoption and validity end", () => {
  it("starts a document on its effective date, else its publication, else its adoption, else the year in its number", () => {
    const corpus = createCorpus([
      doc("effective", { adoptedOn: "2017-09", publishedOn: "2017-09-20", effectiveFrom: "2017-10-01" }),
      doc("published", { adoptedOn: "2017-09", publishedOn: "2017-09-20" }),
      doc("adopted", { adoptedOn: "2017-09" }),
      doc("numbered", { number: "清府办〔2017〕59号" }),
      doc("undated"),
    ]);
    const since = (id: string): unknown => {
      const { decidedBy } = corpus.statusAt(id, "2018-01-01");
      return [decidedBy.kind, decidedBy.date, decidedBy.range];
    };
    expect(since("effective")).toEqual(["inForceSince", "2017-10-01", { earliest: "2017-10-01", latest: "2017-10-01" }]);
    expect(since("published")).toEqual(["inForceSince", "2017-09-20", { earliest: "2017-09-20", latest: "2017-09-20" }]);
    expect(since("adopted")).toEqual(["inForceSince", "2017-09", { earliest: "2017-09-01", latest: "2017-09-30" }]);
    expect(since("numbered")).toEqual(["inForceSince", "2017", { earliest: "2017-01-01", latest: "2017-12-31" }]);
    expect(corpus.statusAt("numbered", "2018-01-01").explanation["zh-CN"]).toBe("截至 2018-01-01：现行有效。清府办〔2017〕59号 自 2017 起施行（按文号年份）。");
    expect(corpus.statusAt("published", "2017-09-25").status).toBe("in_force");
    expect(corpus.statusAt("effective", "2017-09-25").status).toBe("not_yet_in_force");
    expect(corpus.statusAt("undated", "2018-01-01")).toMatchObject({ certainty: "uncertain", decidedBy: { kind: "notYetEffective", certainty: "uncertain" } });
  });

  it("dates adoption by adoptedOn, else publication, else taking effect, else the year in the number (earlier documents too)", () => {
    const corpus = createCorpus([
      doc("adopted", { adoptedOn: "2016-02" }),
      doc("numbered", { number: "国办发〔2016〕13号" }),
      doc("effective-first", { publishedOn: "2016-03-14", effectiveFrom: "2016-04-01" }),
      doc("undated"),
    ]);
    expect(corpus.adoptionRangeOf("adopted")).toEqual({ earliest: "2016-02-01", latest: "2016-02-29" });
    expect(corpus.adoptionRangeOf("numbered")).toEqual({ earliest: "2016-01-01", latest: "2016-12-31" });
    expect(corpus.adoptionRangeOf("effective-first")).toEqual({ earliest: "2016-03-14", latest: "2016-03-14" });
    expect(corpus.adoptionRangeOf("undated")).toBeUndefined();
    // The reference case: 清府办〔2017〕59号 was adopted in September 2017.
    expect(createCorpus(qingyuanDocuments).adoptionRangeOf("qfb-2017-59")).toEqual({ earliest: "2017-09-01", latest: "2017-09-30" });
  });

  it("ends validity on validUntil, else the start plus validityPeriod, else the policy's default length", () => {
    const corpus = createCorpus(
      [
        doc("until", { jurisdiction: "shanghai", effectiveFrom: "2017-10-01", validUntil: "2022-12-31" }),
        doc("period", { jurisdiction: "shanghai", effectiveFrom: "2017-10-01", validityPeriod: { years: 3, months: 6 } }),
        doc("default", { jurisdiction: "shanghai", effectiveFrom: "2017-10-01" }),
        doc("provisional", { jurisdiction: "shanghai", title: "某某暂行办法", effectiveFrom: "2017-10-01" }),
        doc("ungoverned", { jurisdiction: "shanghai", isNormative: false, effectiveFrom: "2017-10-01" }),
        doc("period-undated", { jurisdiction: "shanghai", validityPeriod: { years: 2 } }),
      ],
      { validityPolicy: SHANGHAI_VALIDITY_POLICY },
    );
    const lastDay = (id: string): [string, string] => {
      const due = corpus.evaluationDueOf(id, "2018-01-01");
      return [String(due?.countedFrom.field), String(due?.countedFrom.range?.latest)];
    };
    expect(lastDay("until")).toEqual(["validUntil", "2022-12-31"]);
    expect(lastDay("period")).toEqual(["validityPeriod", "2021-03-31"]);
    expect(lastDay("default")).toEqual(["policyDefault", "2022-09-30"]);
    expect(lastDay("provisional")).toEqual(["policyDefault", "2019-09-30"]);
    expect(corpus.evaluationDueOf("ungoverned", "2018-01-01")).toBeUndefined();
    expect(corpus.statusAt("ungoverned", "2040-01-01").status).toBe("in_force");
    expect(corpus.statusAt("period", "2021-03-31").status).toBe("in_force");
    expect(corpus.statusAt("period", "2021-04-01").status).toBe("expired");
    // A length with no start on record: the end is unknown, and so is the due date.
    expect(corpus.evaluationDueOf("period-undated", "2018-01-01")).toMatchObject({ rule: "beforeExpiry", countedFrom: { field: "validityPeriod", range: undefined }, dueRange: undefined });
  });

  it("reports a validity that ends before the start, with both spans, and one that exceeds the policy's maximum", () => {
    const ends = issuesOf([doc("u", { effectiveFrom: "2020-06", validUntil: "2020-05" }), doc("v", { effectiveFrom: "2020-06-15", validityPeriod: { months: 0 } })]);
    expect(ends.map((i) => [i.code, i.path, i.message])).toEqual([
      ["validity-before-start", [0, "validUntil"], "Validity ends (2020-05-01…2020-05-31) before the document takes effect (2020-06-01…2020-06-30)"],
      ["validity-before-start", [1, "validityPeriod"], "Validity ends (2020-06-14) before the document takes effect (2020-06-15)"],
    ]);
    // A span that may end after the start is not an error: 2020-06 plus 0 months ends 2020-05-31 … 2020-06-29.
    expect(createCorpus([doc("w", { effectiveFrom: "2020-06", validityPeriod: { months: 0 } })]).size).toBe(1);
    const corpus = createCorpus([doc("long", { jurisdiction: "shanghai", effectiveFrom: "2020-01-01", validityPeriod: { years: 6 } })], { validityPolicy: SHANGHAI_VALIDITY_POLICY });
    expect(corpus.warnings).toMatchObject([{ code: "validity-exceeds-maximum", path: [0, "validityPeriod"], severity: "warning", params: { maxMonths: 60 } }]);
  });
});

describe("the identity pass: ids and document numbers", () => {
  it("reports an unreadable number at the document's number, and a number written twice however it is spelt", () => {
    expect(issuesOf([doc("r", { number: "HFGS-2022-7" })]).map((i) => [i.code, i.path])).toEqual([["registration-number-not-document-number", [0, "number"]]]);
    const twice = issuesOf([doc("a", { number: "国办发〔2016〕13号" }), doc("b", { number: "国办发[2016]13号" })]);
    expect(twice.map((i) => [i.code, i.path, i.params])).toEqual([
      ["duplicate-number", [1, "number"], { number: "国办发〔2016〕13号", otherId: "a" }],
      ["nonstandard-document-number", [1, "number"], { warning: "nonstandard-bracket", text: "国办发[2016]13号", canonical: "国办发〔2016〕13号" }],
    ]);
  });

  it("counts an invalid document's id: a valid document after it with the same id is a duplicate", () => {
    const issues = issuesOf([{ id: " a ", title: 5 }, doc("a"), doc("b"), doc("b")]);
    expect(issues.filter((i) => i.code === "duplicate-id").map((i) => [i.path, i.params])).toEqual([
      [[1, "id"], { id: "a", firstIndex: 0 }],
      [[3, "id"], { id: "b", firstIndex: 2 }],
    ]);
  });

  it("finds documents by number, however the number is written", () => {
    const corpus = createCorpus(qingyuanDocuments);
    expect(corpus.findByNumber("国办发[2016]13号")?.id).toBe("gbf-2016-13");
    expect(corpus.findByNumber("国办发〔2016〕14号")).toBeUndefined();
    expect(corpus.numberOf("qfb-2017-59")).toEqual({ kind: "document", issuerCode: "清府办", year: 2017, serial: 59, canonical: "清府办〔2017〕59号" });
  });
});

describe("the relations pass", () => {
  it("makes room for more relations than the sample of the input suggests", () => {
    // Every other document has three parents; a sample of every second document sees none.
    const documents: PolicyDocumentInput[] = [doc("p0"), doc("p1"), doc("p2")];
    for (let i = 3; i < 2051; i++) {
      documents.push(i % 2 === 0 ? doc(`d${i}`) : doc(`d${i}`, { relations: ["p0", "p1", "p2"].map((target) => ({ type: "implements" as const, target })) }));
    }
    const corpus = createCorpus(documents);
    expect(corpus.childrenOf("p1")).toHaveLength(1024);
    expect(corpus.parentsOf("d2049")).toEqual([
      { id: "p0", type: "implements" },
      { id: "p1", type: "implements" },
      { id: "p2", type: "implements" },
    ]);
  });

  it("reports a reference to a missing document, not to one that exists but is invalid", () => {
    const issues = issuesOf([{ id: "broken", title: "" }, doc("x", { relations: [{ type: "implements", target: "broken" }, { type: "basedOn", target: "ghost" }] })]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["empty-text", [0, "title"]],
      ["missing-field", [0, "adminLevel"]],
      ["missing-field", [0, "instrumentRank"]],
      ["missing-field", [0, "isNormative"]],
      ["unknown-reference", [1, "relations", 1, "target"]],
    ]);
  });

  it("reports a cycle of amendments, and lets citations run both ways", () => {
    const issues = issuesOf([
      doc("a", { adoptedOn: "2020", relations: [{ type: "amends", target: "b", on: "2021" }] }),
      doc("b", { adoptedOn: "2020", relations: [{ type: "repeals", target: "a", on: "2021" }] }),
    ]);
    expect(issues.map((i) => [i.code, i.path, i.params])).toEqual([["relation-cycle", [0, "relations", 0], { cycle: ["a", "b", "a"], kind: "lifecycle" }]]);
    expect(issues[0]!.messages.en).toBe("Cycle in the amend/repeal relations: a → b → a");
    const citing = createCorpus([doc("a", { relations: [{ type: "cites", target: "b" }] }), doc("b", { relations: [{ type: "cites", target: "a" }] })]);
    expect(citing.parentsOf("a")).toEqual([]);
  });

  it("points a hierarchy cycle at the relation that closes it, past relations that are not edges", () => {
    const issues = issuesOf([
      doc("a", { relations: [{ type: "cites", target: "b" }, { type: "amends", target: "b" }, { type: "basedOn", target: "b" }] }),
      doc("b", { relations: [{ type: "implements", target: "a" }] }),
    ]);
    expect(issues.map((i) => [i.code, i.path, i.params])).toEqual([["relation-cycle", [0, "relations", 2], { cycle: ["a", "b", "a"], kind: "hierarchy" }]]);
  });

  it("takes a lifecycle event's day from its own date, else from its document's start", () => {
    const corpus = createCorpus([
      doc("old", { adoptedOn: "2015-01-01" }),
      doc("repealer", { adoptedOn: "2020-03", relations: [{ type: "repeals", target: "old" }] }),
      doc("amender", { adoptedOn: "2019-01-01", relations: [{ type: "amends", target: "old", on: "2019-07-01", partial: true }] }),
    ]);
    const answer = corpus.statusAt("old", "2020-03-15");
    expect(answer).toMatchObject({ status: "in_force", certainty: "uncertain", possibleStatuses: ["in_force", "repealed"], amended: true });
    expect(answer.uncertainEvents.map((e) => [e.kind, e.by, e.range])).toEqual([["repealed", "repealer", { earliest: "2020-03-01", latest: "2020-03-31" }]]);
    expect(answer.amendments.map((e) => [e.by, e.date])).toEqual([["amender", "2019-07-01"]]);
  });
});

describe("the structure pass", () => {
  it("reads a serialised corpus and refuses another format", () => {
    expect(createCorpus({ format: "policy-eval.corpus/1", documents: qingyuanDocuments }).size).toBe(qingyuanDocuments.length);
    expect(issuesOf({ format: "policy-eval.corpus/2", documents: [] }).map((i) => [i.code, i.messages.en])).toEqual([
      ["invalid-type", "A catalogue must be an array of documents or a policy-eval.corpus/1 object"],
    ]);
  });
});
