import { describe, expect, it } from "vitest";
import { createCorpus, SHANGHAI_VALIDITY_POLICY } from "../../src/index.js";
import { doc } from "./helpers.js";

describe("statusAt", () => {
  const corpus = createCorpus([
    doc("parent", { adminLevel: "province", number: "粤府办〔2016〕66号", effectiveFrom: "2016-05-01" }),
    doc("child", { effectiveFrom: "2017-10-01", relations: [{ type: "implements", target: "parent" }] }),
    doc("repealer", { effectiveFrom: "2022-03-01", number: "粤府〔2022〕9号", relations: [{ type: "repeals", target: "parent" }] }),
    doc("amender", { effectiveFrom: "2020-07-01", relations: [{ type: "amends", target: "child", on: "2020-07-15" }] }),
    doc("lapsing", { effectiveFrom: "2018-01-01", validUntil: "2022-12-31" }),
    doc("cleanup", { effectiveFrom: "2021", relations: [{ type: "declaresExpired", target: "lapsing" }] }),
    doc("partly", { effectiveFrom: "2019-01-01" }),
    doc("partial-repealer", { effectiveFrom: "2021-01-01", relations: [{ type: "repeals", target: "partly", partial: true, provision: "第五条" }] }),
    doc("old", { effectiveFrom: "2015-01-01" }),
    doc("new", { effectiveFrom: "2019-06-01", relations: [{ type: "replaces", target: "old" }] }),
  ]);

  it("computes repeal on its date, with the acting document and its number", () => {
    expect(corpus.statusAt("parent", "2022-02-28")).toMatchObject({ status: "in_force", certainty: "certain" });
    const repealed = corpus.statusAt("parent", "2022-03-01");
    expect(repealed).toMatchObject({ status: "repealed", certainty: "certain" });
    expect(repealed.decidedBy).toMatchObject({ kind: "repealed", by: "repealer", byNumber: "粤府〔2022〕9号", date: "2022-03-01" });
    expect(repealed.explanation.en).toBe("On 2022-03-01: repealed. 粤府办〔2016〕66号 repealed by 粤府〔2022〕9号 on 2022-03-01.");
    expect(repealed.explanation["zh-CN"]).toBe("截至 2022-03-01：废止。粤府办〔2016〕66号 于 2022-03-01 被 粤府〔2022〕9号 废止。");
  });

  it("is uncertain when the asked date's precision straddles the event", () => {
    const answer = corpus.statusAt("parent", "2022");
    expect(answer.certainty).toBe("uncertain");
    expect(answer.status).toBe("in_force");
    expect(answer.possibleStatuses).toEqual(["in_force", "repealed"]);
    expect(answer.uncertainEvents.map((e) => e.kind)).toEqual(["repealed"]);
  });

  it("flags an amendment without changing the status", () => {
    expect(corpus.statusAt("child", "2020-07-14")).toMatchObject({ status: "in_force", amended: false });
    const after = corpus.statusAt("child", "2020-07-15");
    expect(after).toMatchObject({ status: "in_force", amended: true, certainty: "certain" });
    expect(after.amendments).toEqual([
      { kind: "amended", by: "amender", date: "2020-07-15", range: { earliest: "2020-07-15", latest: "2020-07-15" }, certainty: "certain", byNumber: undefined },
    ]);
    expect(corpus.statusAt("child", "2020-07").amended).toBe("uncertain");
  });

  it("ends a document at its validity end, and keeps the earliest certain ending", () => {
    expect(corpus.statusAt("lapsing", "2020-06-01").status).toBe("in_force");
    // Declared expired during 2021 (year precision), before validity would have ended.
    const lapsed = corpus.statusAt("lapsing", "2023-01-01");
    expect(lapsed).toMatchObject({ status: "expired", certainty: "certain" });
    expect(lapsed.decidedBy).toMatchObject({ kind: "declaredExpired", by: "cleanup", date: "2021" });
    expect(corpus.statusAt("lapsing", "2021-06-01")).toMatchObject({ status: "in_force", certainty: "uncertain", possibleStatuses: ["in_force", "expired"] });
  });

  it("knows partial repeal and replacement", () => {
    expect(corpus.statusAt("partly", "2021-02-01")).toMatchObject({ status: "partially_in_force", certainty: "certain" });
    expect(corpus.statusAt("old", "2019-06-01").decidedBy).toMatchObject({ kind: "replaced", by: "new" });
    expect(corpus.statusAt("old", "2019-06-01").status).toBe("repealed");
    expect(corpus.statusAt("old", "2019-05-31").status).toBe("in_force");
  });

  it("is monotone in the repeal date: repealed exactly from that day on", () => {
    const days = ["2020-01-01", "2020-02-29", "2020-03-01", "2021-12-31"];
    for (const repealOn of days) {
      const c = createCorpus([doc("a", { effectiveFrom: "2019-01-01" }), doc("b", { effectiveFrom: "2019-01-01", relations: [{ type: "repeals", target: "a", on: repealOn as "2020-01-01" }] })]);
      for (const asked of days) {
        expect(c.statusAt("a", asked as "2020-01-01").status, `${repealOn} / ${asked}`).toBe(asked >= repealOn ? "repealed" : "in_force");
      }
    }
  });

  it("says uncertain, never a guess, for a document without any date", () => {
    const c = createCorpus([doc("undated")]);
    const answer = c.statusAt("undated", "2021-01-01");
    expect(answer.certainty).toBe("uncertain");
    expect(answer.possibleStatuses).toEqual(["not_yet_in_force", "in_force"]);
    expect(answer.explanation.en).toContain("no effective, publication or adoption date");
  });

  it("applies a policy's default validity (Shanghai: 5 years, 暂行 2 years)", () => {
    const c = createCorpus(
      [
        doc("plain", { jurisdiction: "shanghai", effectiveFrom: "2018-03-01" }),
        doc("trial", { jurisdiction: "shanghai", title: "某某管理暂行办法", effectiveFrom: "2018-03-01" }),
      ],
      { validityPolicy: SHANGHAI_VALIDITY_POLICY },
    );
    expect(c.statusAt("plain", "2023-02-28").status).toBe("in_force");
    expect(c.statusAt("plain", "2023-03-01")).toMatchObject({ status: "expired", decidedBy: { kind: "validityEnded", range: { latest: "2023-02-28" } } });
    expect(c.statusAt("trial", "2020-03-01").status).toBe("expired");
    expect(c.evaluationDueOf("plain", "2022-01-01")).toMatchObject({ rule: "beforeExpiry", dueRange: { earliest: "2022-08-28", latest: "2022-08-28" }, countedFrom: { field: "policyDefault" } });
  });

  it("rejects an unknown id or an invalid date with a PolicyEvalError", () => {
    expect(() => corpus.statusAt("nope", "2021-01-01")).toThrowError(/unknown-document/);
    expect(() => corpus.statusAt("parent", "2021-02-29" as "2021-02-28")).toThrowError(/invalid-date/);
  });

  it("serialises the explanation with the answer", () => {
    const json = JSON.parse(JSON.stringify(corpus.statusAt("parent", "2022-03-01"))) as { explanation: { en: string } };
    expect(json.explanation.en).toContain("repealed by");
  });
});
