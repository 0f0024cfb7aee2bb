import { describe, expect, it } from "vitest";
import {
  EvaluationSchema,
  EVALUATION_FACTS,
  evaluate,
  GUANGDONG_RULE_SET,
  PolicyEvalError,
  safeEvaluate,
  validateRuleSet,
  type EvaluationInput,
  type PolicyDocumentInput,
} from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanReportText } from "../../src/examples/index.js";
import { policyEvalMatchers } from "../../src/testing/index.js";

expect.extend(policyEvalMatchers);

const base = { corpus: qingyuanDocuments, evaluation: qingyuanEvaluation };

function withDocuments(...extra: PolicyDocumentInput[]) {
  return { ...base, corpus: [...qingyuanDocuments, ...extra] };
}

function withEvaluation(changes: Partial<EvaluationInput>) {
  return { ...base, evaluation: { ...qingyuanEvaluation, ...changes } };
}

describe("evaluate — the reference case (清府办〔2017〕59号)", () => {
  const result = evaluate(base);

  it("concludes continue, in step with the superior documents", () => {
    expect(result).toConclude("continue");
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]!.rule).toBe("continue-in-step");
    expect(result.reasons[0]!.ground).toBe("parentsInForceUnchanged");
    expect(result.reasons[0]!.messages["zh-CN"]).toContain("与上位法律法规同步实施");
    expect(result.subject).toBe("qfb-2017-59");
    expect(result.evaluatedOn).toBe("2021");
  });

  it("cites 国办发〔2016〕13号 and 粤府办〔2016〕66号 as in force and unrevised, no conflict found, effects met", () => {
    expect(result).toCite("国办发〔2016〕13号");
    expect(result).toCite("粤府办〔2016〕66号");
    expect(result).toCite("粤府令第277号");
    const facts = Object.fromEntries(result.reasons[0]!.facts.map((f) => [f.name, f]));
    expect(facts["parents.allInForce"]).toMatchObject({ value: true, cites: ["粤府办〔2016〕66号", "国办发〔2016〕13号"] });
    expect(facts["parents.anyAmendedSinceAdoption"]).toMatchObject({ value: false });
    expect(facts["parents.anyAmendedSinceAdoption"]!.explanation!["zh-CN"]).toContain("未进行修订");
    expect(facts["conflicts.found"]).toMatchObject({ value: false });
    expect(facts["effects.stated"]).toMatchObject({ value: "met" });
    expect(facts["effects.stated"]!.explanation!["zh-CN"]).toContain("实施效果达到预期目的");
  });

  it("quotes the report verbatim wherever the record quotes it", () => {
    const record = EvaluationSchema.parse(qingyuanEvaluation);
    const quotes = [
      ...(record.findings ?? []).flatMap((f) => f.evidence ?? []),
      ...(record.measures ?? []).flatMap((m) => m.evidence ?? []),
    ].map((e) => e.quote!);
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) expect(qingyuanReportText).toContain(q);
    expect(qingyuanReportText).toContain(record.recommendation!.quote!);
    for (const unit of record.consultedUnits!) expect(qingyuanReportText).toContain(unit.name);
  });

  it("has a versioned trace listing every rule, and the engine's own record of what overrode what", () => {
    expect(result.trace.version).toMatch(/^policy-eval\.trace\//);
    expect(result.trace.rules.map((r) => r.id).sort()).toEqual(GUANGDONG_RULE_SET.rules.map((r) => r.id).sort());
    const byId = Object.fromEntries(result.trace.rules.map((r) => [r.id, r]));
    expect(byId["continue-in-step"]!.status).toBe("applied");
    expect(byId["revise-conflict"]!.status).toBe("notApplicable");
    expect(JSON.parse(JSON.stringify(result.trace))).toEqual(JSON.parse(JSON.stringify(result.trace)));
  });

  it("agrees with the evaluators' own recommendation", () => {
    expect(result.conclusion).toBe(result.evaluation.recommendation?.conclusion);
  });
});

describe("evaluate — variants of the reference case", () => {
  it("revises when 粤府办〔2016〕66号 is amended after 2017-09", () => {
    const result = evaluate(
      withDocuments({
        id: "amendment",
        title: "广东省人民政府办公厅关于修改促进二手车便利交易实施方案的通知",
        number: "粤府办〔2019〕5号",
        issuer: "广东省人民政府办公厅",
        adminLevel: "province",
        instrumentRank: "normativeDocument",
        isNormative: true,
        jurisdiction: "guangdong",
        adoptedOn: "2019-03-01",
        relations: [{ type: "amends", target: "yfb-2016-66" }],
      }),
    );
    expect(result).toConclude("revise");
    expect(result.reasons.map((r) => r.rule)).toEqual(["revise-parent-changed"]);
    expect(result).toCite("粤府办〔2016〕66号");
    const overridden = result.trace.rules.find((r) => r.id === "continue-in-step")!;
    expect(overridden.status).toBe("notApplicable");
  });

  it("never continues a plan that is itself no longer in force: repealed in 2020, it gets no conclusion", () => {
    const result = evaluate(
      withDocuments({
        id: "repealer",
        title: "清远市人民政府办公室关于废止部分文件的通知",
        issuer: "清远市人民政府办公室",
        adminLevel: "city",
        instrumentRank: "normativeDocument",
        isNormative: true,
        adoptedOn: "2020-06-01",
        relations: [{ type: "repeals", target: "qfb-2017-59", on: "2020-06-01" }],
      }),
    );
    expect(result).toConclude("undetermined");
    expect(result.missingFacts).toEqual([]);
    expect(result.facts["subject.status"]?.value).toBe("repealed");
    expect(result.trace.rules.find((r) => r.id === "continue-in-step")?.status).toBe("notApplicable");
  });

  it("cannot tell whether an amendment in the plan's own month came after it, and says so", () => {
    const result = evaluate(
      withDocuments({
        id: "amendment",
        title: "修改通知",
        issuer: "广东省人民政府办公厅",
        adminLevel: "province",
        instrumentRank: "normativeDocument",
        isNormative: true,
        adoptedOn: "2017-09-20",
        relations: [{ type: "amends", target: "yfb-2016-66" }],
      }),
    );
    expect(result.facts["parents.anyAmendedSinceAdoption"]).toBeUndefined();
    expect(result).toMissFact("parents.anyAmendedSinceAdoption");
  });

  it("declares the plan expired when 国办发〔2016〕13号 is repealed without successor", () => {
    const result = evaluate(
      withDocuments({
        id: "cleanup",
        title: "国务院办公厅关于宣布失效一批文件的通知",
        issuer: "国务院办公厅",
        adminLevel: "central",
        instrumentRank: "normativeDocument",
        isNormative: true,
        adoptedOn: "2020-06-01",
        relations: [{ type: "repeals", target: "gbf-2016-13" }],
      }),
    );
    expect(result).toConclude("declareExpired");
    expect(result.reasons.map((r) => r.rule)).toEqual(["declare-expired-parent-ended"]);
    expect(result).toCite("国办发〔2016〕13号");
    expect(result).toCite("国发〔2015〕68号");
  });

  it("revises instead when the repealed parent was replaced by a successor", () => {
    const result = evaluate(
      withDocuments({
        id: "successor",
        title: "国务院办公厅关于进一步促进二手车交易的意见",
        issuer: "国务院办公厅",
        adminLevel: "central",
        instrumentRank: "normativeDocument",
        isNormative: true,
        adoptedOn: "2020-06-01",
        relations: [{ type: "replaces", target: "gbf-2016-13" }],
      }),
    );
    expect(result).toConclude("revise");
    expect(result.facts["parents.anyReplaced"]?.value).toBe(true);
  });

  it("revises on a conflict finding", () => {
    const result = evaluate(
      withEvaluation({ conflicts: [{ superior: { document: "国办发〔2016〕13号", article: "（二）" }, description: "保留了限制二手车迁入的条款" }] }),
    );
    expect(result).toConclude("revise");
    expect(result.reasons.map((r) => r.rule)).toEqual(["revise-conflict"]);
    expect(result).toCite("国办发〔2016〕13号");
  });

  it("is undetermined when effectiveness is unknown, naming the missing fact", () => {
    // No findings recorded at all: the evaluators' view of the effects is missing.
    const { findings: _none, ...noFindings } = qingyuanEvaluation as EvaluationInput & { findings?: unknown };
    const result = evaluate({ ...base, evaluation: noFindings });
    expect(result).toConclude("undetermined");
    expect(result).toMissFact("effects.stated");
    expect(result.reasons).toEqual([]);
    expect(result.trace.rules.length).toBeGreaterThan(0);
    // Findings without an effectiveness rating (or rated unknown), and no indicator with a target: the indicators are what is missing.
    for (const findings of [[], [{ criterion: "effectiveness" as const, rating: "unknown" as const }]]) {
      const open = evaluate(withEvaluation({ findings }));
      expect(open.facts["effects.stated"]?.value).toBe("notStated");
      expect(open).toMissFact("indicators.minAchievement");
    }
  });

  it("is undetermined, not continue, when the record does not say whether conflicts were looked for", () => {
    const { conflicts: _ignored, ...noConflicts } = qingyuanEvaluation as EvaluationInput & { conflicts?: unknown };
    const result = evaluate({ ...base, evaluation: noConflicts });
    expect(result).toMissFact("conflicts.found");
  });

  it("declares expired when the evaluators find the task completed", () => {
    const result = evaluate(withEvaluation({ endingGrounds: [{ ground: "taskCompleted" }] }));
    expect(result).toConclude("declareExpired");
    expect(result.reasons.map((r) => r.ground)).toEqual(["taskCompleted"]);
  });

  it("reports a conflict, never settled by order, for two contradicting custom rules", () => {
    const rules = {
      id: "custom",
      version: "1",
      inForceFrom: "2020-01-01",
      rules: [
        { id: "keep", conclusion: "continue", when: { fact: "effects.stated", operator: "equal", value: "met" }, reason: { "zh-CN": "保留", en: "keep" }, basis: [{ document: "某市规定", article: "第一条" }] },
        { id: "drop", conclusion: "repeal", when: { fact: "conflicts.found", operator: "isFalse" }, reason: { "zh-CN": "废止", en: "drop" }, basis: [{ document: "某市规定", article: "第二条" }] },
      ],
    };
    const result = evaluate(base, { rules });
    expect(result).toConclude("conflict");
    if (result.conclusion === "conflict") expect(result.conflict.rules).toEqual(["keep", "drop"]);
    const reversed = evaluate(base, { rules: { ...rules, rules: [...rules.rules].reverse() } });
    expect(reversed.conclusion).toBe("conflict");
  });

  it("derives effectiveness from indicators against targets when no finding states it", () => {
    const indicators = [
      { id: "stations", name: "登记服务站", measureId: "registration-service-stations", measureType: "unit", unit: "家", timeAggregation: "last", target: { value: "6", date: "2021-06" } },
    ];
    const observations = [{ id: "stations-2021", indicatorId: "stations", quantity: "7家", asOf: "2021-06-30", source: { document: "评估报告", quote: "我市已建立7家二手机动车登记服务站" } }];
    const met = evaluate({ ...withEvaluation({ findings: [] }), indicators, observations, evaluation: { ...qingyuanEvaluation, findings: [], evaluatedOn: "2021-08-20" } });
    expect(met.facts["indicators.minAchievement"]?.value.toString()).toBe("1.1667");
    expect(met).toConclude("continue");
    const short = evaluate({
      ...base,
      indicators: [{ ...indicators[0]!, target: { value: "8", date: "2021-06" } }],
      observations,
      evaluation: { ...qingyuanEvaluation, findings: [], evaluatedOn: "2021-08-20" },
    });
    expect(short.facts["indicators.minAchievement"]?.value.toString()).toBe("0.8750");
    expect(short).toConclude("revise");
    expect(short.reasons.map((r) => r.rule)).toEqual(["revise-effects-not-met"]);
  });
});

describe("evaluate — inputs", () => {
  it("takes a built corpus and a compiled rule set, reused across subjects", () => {
    const compiled = validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS });
    const first = evaluate(base, { rules: compiled });
    expect(first.conclusion).toBe(evaluate(base).conclusion);
  });

  it("lists every problem of a bad input in one PolicyEvalError", () => {
    const result = safeEvaluate({
      corpus: [...qingyuanDocuments, { id: "broken" }],
      evaluation: { subject: "qfb-2017-59", evaluatedOn: "2021-13", findings: [{ criterion: "beauty", rating: "great" }] },
      observations: [{ id: "o", indicatorId: "x", quantity: "abc万", source: { document: "r" } }],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const codes = result.error.issues.map((i) => `${i.code}@${i.path.join(".")}`);
    expect(codes).toContain("invalid-date@evaluation.evaluatedOn");
    expect(codes).toContain("unknown-criterion@evaluation.findings.0.criterion");
    expect(codes).toContain("invalid-value@evaluation.findings.0.rating");
    expect(codes.some((c) => c.startsWith("missing-field@corpus.6"))).toBe(true);
    expect(codes.some((c) => c.includes("@observations.0"))).toBe(true);
    expect(() => evaluate({ ...base, evaluation: { subject: "nope", evaluatedOn: "2021" } })).toThrow(PolicyEvalError);
  });

  it("rejects bad rules with every problem listed", () => {
    const result = safeEvaluate(base, {
      rules: {
        id: "bad",
        version: "1",
        inForceFrom: "2020-01-01",
        rules: [
          { id: "a", conclusion: "continue", when: { fact: "no.such.fact", operator: "isTrue" }, reason: { "zh-CN": "甲", en: "a" }, basis: [{ document: "x" }] },
          { id: "b", conclusion: "revise", exceptionTo: "ghost", when: { fact: "conflicts.found", operator: "greaterThan", value: "1" }, reason: { "zh-CN": "乙", en: "b" }, basis: [{ document: "x" }] },
        ],
      },
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      const codes = result.error.issues.map((i) => i.code);
      expect(codes.length).toBeGreaterThanOrEqual(3);
      expect(result.error.issues.every((i) => i.path[0] === "rules")).toBe(true);
    }
  });

  it("does not mutate its inputs", () => {
    const evaluation = structuredClone(qingyuanEvaluation);
    const corpus = structuredClone([...qingyuanDocuments]);
    evaluate({ corpus, evaluation });
    expect(evaluation).toEqual(qingyuanEvaluation);
    expect(corpus).toEqual([...qingyuanDocuments]);
  });
});
