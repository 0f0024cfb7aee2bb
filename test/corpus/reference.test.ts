import { describe, expect, it } from "vitest";
import { createCorpus } from "../../src/index.js";
import { QINGYUAN_EVALUATION_DATE, QINGYUAN_PLAN_ID, qingyuanDocuments } from "../../src/examples/index.js";

const corpus = createCorpus(qingyuanDocuments);

describe("the reference case's catalogue (清府办〔2017〕59号)", () => {
  it("builds without warnings and links the chain 国办发〔2016〕13号 → 粤府办〔2016〕66号 → 清府办〔2017〕59号", () => {
    expect(corpus.size).toBe(6);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.parentsOf(QINGYUAN_PLAN_ID)).toEqual([
      { id: "yfb-2016-66", type: "implements" },
      { id: "gbf-2016-13", type: "implements" },
    ]);
    expect(corpus.parentsOf("yfb-2016-66")).toEqual([{ id: "gbf-2016-13", type: "implements" }]);
    expect(corpus.childrenOf("gbf-2016-13").map((c) => c.id).sort()).toEqual(["qfb-2017-59", "yfb-2016-66"]);
    expect(corpus.findByNumber("清府办[2017]第59号")?.id).toBe(QINGYUAN_PLAN_ID);
    expect(corpus.numberOf("sjz-2016-8")?.canonical).toBe("商建字〔2016〕8号");
    expect(corpus.numberOf("gd-registration-stations-2020")).toBeUndefined();
  });

  it("has every document in force on the evaluation date, certainly", () => {
    for (const doc of corpus.documents) {
      const answer = corpus.statusAt(doc.id, QINGYUAN_EVALUATION_DATE);
      expect(answer.status, doc.id).toBe("in_force");
      expect(answer.certainty, doc.id).toBe("certain");
      expect(answer.amended).toBe(false);
    }
  });

  it("answers uncertain inside 2017-09, the month-only issue date of 清府办〔2017〕59号", () => {
    const answer = corpus.statusAt(QINGYUAN_PLAN_ID, "2017-09-15");
    expect(answer.certainty).toBe("uncertain");
    expect(answer.possibleStatuses).toEqual(["not_yet_in_force", "in_force"]);
    expect(answer.decidedBy).toMatchObject({ kind: "notYetEffective", date: "2017-09", certainty: "uncertain" });
    expect(answer.explanation["zh-CN"]).toContain("无法确定");
    expect(corpus.statusAt(QINGYUAN_PLAN_ID, "2017-08-31")).toMatchObject({ status: "not_yet_in_force", certainty: "certain" });
    expect(corpus.statusAt(QINGYUAN_PLAN_ID, "2017-10-01")).toMatchObject({ status: "in_force", certainty: "certain" });
  });

  it("dates an undated document by the year inside its number, and no finer", () => {
    const inYear = corpus.statusAt("gbf-2016-13", "2016-06-30");
    expect(inYear.certainty).toBe("uncertain");
    expect(inYear.decidedBy).toMatchObject({ date: "2016", range: { earliest: "2016-01-01", latest: "2016-12-31" } });
    expect(corpus.statusAt("gbf-2016-13", "2015-12-31").status).toBe("not_yet_in_force");
    expect(corpus.statusAt("gbf-2016-13", "2017-01-01")).toMatchObject({ status: "in_force", certainty: "certain" });
  });

  it("says when 清府办〔2017〕59号 falls due under the Guangdong policy (粤府令第277号 art. 34)", () => {
    const due = corpus.evaluationDueOf(QINGYUAN_PLAN_ID, QINGYUAN_EVALUATION_DATE)!;
    expect(due).toMatchObject({
      rule: "periodic",
      dueOn: "2022-09",
      dueRange: { earliest: "2022-09-01", latest: "2022-09-30" },
      overdue: false,
      countedFrom: { field: "publishedOn", date: "2017-09" },
      basis: { document: "粤府令第277号", article: "第三十四条" },
    });
    expect(corpus.evaluationDueOf(QINGYUAN_PLAN_ID, "2022-09-15")?.overdue).toBe("uncertain");
    expect(corpus.evaluationDueOf(QINGYUAN_PLAN_ID, "2022-10-01")?.overdue).toBe(true);
    // A State Council document is not governed by the Guangdong regulation.
    expect(corpus.evaluationDueOf("gbf-2016-13", QINGYUAN_EVALUATION_DATE)).toBeUndefined();
  });

  it("lists the Guangdong documents due within two years of 2021, earliest first", () => {
    const due = corpus.dueForEvaluation(QINGYUAN_EVALUATION_DATE, { within: { years: 2 } });
    expect(due.map((d) => [d.id, d.dueOn, d.overdue])).toEqual([
      ["yfb-2016-66", "2021", "uncertain"],
      ["ysgz-2016-20", "2021", "uncertain"],
      ["qfb-2017-59", "2022-09", false],
    ]);
  });

  it("flags both children when 国办发〔2016〕13号 changes, and the plan through the provincial one", () => {
    const impact = corpus.impactOf({ id: "gbf-2016-13", change: "amended", on: "2022-01-01" });
    expect(impact.affected.map((a) => [a.id, a.depth, a.statusOnChange, a.adoptedAfterChange])).toEqual([
      ["yfb-2016-66", 1, "in_force", false],
      ["qfb-2017-59", 1, "in_force", false],
    ]);
    expect(impact.basis).toEqual({ document: "粤府令第277号", article: "第三十六条" });
    const provincial = corpus.impactOf({ id: "yfb-2016-66", change: "repealed", on: "2022-01-01" });
    expect(provincial.affected).toHaveLength(1);
    expect(provincial.affected[0]!.chain).toEqual([{ source: "qfb-2017-59", type: "implements", target: "yfb-2016-66" }]);
    expect(provincial.affected[0]!.reason["zh-CN"]).toContain("粤府办〔2016〕66号");
    // Review flags only: the plan's status is unchanged by the parent's repeal.
    expect(corpus.statusAt(QINGYUAN_PLAN_ID, "2022-06-01").status).toBe("in_force");
  });
});
