import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation } from "../../src/examples/index.js";
import { buildCatalogue, buildDocument, buildEvaluation, buildRelation, policyEvalMatchers } from "../../src/testing/index.js";

expect.extend(policyEvalMatchers);

describe("policy-eval/testing matchers", () => {
  const result = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });

  it("pass and fail as a user's test expects", () => {
    expect(result).toConclude("continue");
    expect(result).not.toConclude("revise");
    expect(result).toCite("国办发〔2016〕13号");
    expect(result).toCite("国办发[2016]第13号"); // any spelling of one number
    expect(result).not.toCite("国发〔2015〕68号");
    expect(result).not.toMissFact("effects.stated");
    expect(() => expect(result).toConclude("revise")).toThrowError("expected the result to conclude revise, but it concluded continue (rules: continue-in-step)");
    expect(() => expect(result).toCite("粤府令第999号")).toThrowError(/expected a reason to cite 粤府令第999号; the reasons cite: 粤府令第277号/);
  });

  it("explain an undetermined result by its missing facts", () => {
    const { findings: _none, ...noFindings } = qingyuanEvaluation as typeof qingyuanEvaluation & { findings?: unknown };
    const open = evaluate({ corpus: qingyuanDocuments, evaluation: noFindings });
    expect(open).toMissFact("effects.stated");
    expect(() => expect(open).toConclude("continue")).toThrowError(/concluded undetermined \(missing facts: .*effects\.stated/);
  });

  it("are plain functions returning pass and a message", () => {
    const r = policyEvalMatchers.toConclude({ conclusion: "revise", reasons: [] }, "continue");
    expect(r.pass).toBe(false);
    expect(r.message()).toBe("expected the result to conclude continue, but it concluded revise");
    expect(policyEvalMatchers.toCite(null, "x").pass).toBe(false);
  });
});

describe("policy-eval/testing builders", () => {
  it("build valid documents, relations, catalogues and evaluations", () => {
    expect(buildDocument("a")).toMatchObject({ id: "a", isNormative: true, adminLevel: "city" });
    expect(buildRelation("implements", "p")).toEqual({ type: "implements", target: "p" });
    const corpus = buildCatalogue(["state", "province", "city"], {
      overrides: { state: { adoptedOn: "2016" }, province: { adoptedOn: "2016" }, city: { adoptedOn: "2017-09" } },
      documents: [buildDocument("repealer", { adoptedOn: "2020-01-01", relations: [buildRelation("repeals", "state")] })],
    });
    expect(corpus.parentsOf("province")).toEqual([{ id: "state", type: "implements" }]);
    expect(corpus.get("state").adminLevel).toBe("central");
    expect(evaluate({ corpus, evaluation: buildEvaluation("province") })).toConclude("declareExpired");
    expect(evaluate({ corpus, evaluation: buildEvaluation("city") }).conclusion).toBe("continue");
  });
});
