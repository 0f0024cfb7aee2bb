import { describe, expect, it } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import { formatQuantity, parseQuantity, type Quantity } from "../../src/quantities/index.js";
import {
  parseObservations,
  parseValidationRules,
  partsSumToTotal,
  runValidationRules,
  safeParseValidationRules,
  type ObservationInput,
  type ValidationRuleInput,
} from "../../src/indicators/index.js";

const src = (quote: string) => ({ document: "评估报告", quote });

function observations(list: ObservationInput[]) {
  return parseObservations(list);
}

const loans = observations([
  { id: "total", indicatorId: "amount", quantity: "326.16亿元", source: src("共撮合贷款5011笔326.16亿元") },
  { id: "sme", indicatorId: "amount", quantity: "6.52亿元", dimensions: { platform: "sme" }, source: src("放款116笔6.52亿元") },
  { id: "yxr", indicatorId: "amount", quantity: "319.64亿元", dimensions: { platform: "yxr" }, source: src("融资4895笔319.64亿元") },
]);

const breakdown: ValidationRuleInput = {
  id: "amount-breakdown",
  name: "贷款金额 = 各平台之和",
  operator: "=",
  left: { description: "合计", operands: [{ indicatorId: "amount" }] },
  right: {
    description: "各平台",
    operands: [
      { indicatorId: "amount", dimensions: { platform: "sme" } },
      { indicatorId: "amount", dimensions: { platform: "yxr" } },
    ],
  },
  importance: "high",
  errorCode: "breakdown-mismatch",
};

function rule(overrides: Partial<ValidationRuleInput>) {
  return parseValidationRules([{ ...breakdown, ...overrides }]);
}

describe("partsSumToTotal", () => {
  it("passes 116 + 4895 = 5011 笔 and 6.52 + 319.64 = 326.16 亿元 exactly", () => {
    expect(partsSumToTotal(parseQuantity("5011笔"), [parseQuantity("116笔"), parseQuantity("4895笔")]).status).toBe("pass");
    const amount = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.64亿元")]);
    expect([amount.status, amount.imbalance?.value.toString(), amount.withinRounding]).toEqual(["pass", "0", true]);
  });

  it("fails 319.46 with an imbalance of 0.18亿元 (18000000 元), beyond rounding", () => {
    const r = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.46亿元")]);
    expect(r.status).toBe("fail");
    expect(r.errorCode).toBe("breakdown-mismatch");
    expect(r.imbalance?.value.toString()).toBe("18000000");
    expect(r.imbalance && formatQuantity(r.imbalance)).toBe("0.18亿元");
    expect(r.withinRounding).toBe(false);
    expect(r.roundingBound && formatQuantity(r.roundingBound)).toBe("0.015亿元");
    expect(r.left.value && formatQuantity(r.left.value)).toBe("326.16亿元");
    expect(r.right.value && formatQuantity(r.right.value)).toBe("325.98亿元");
    expect(r.message["zh-CN"]).toBe("合计 = 分项之和：326.16亿元 = 325.98亿元 不成立，差额 0.18亿元（超出舍入误差 0.015亿元）");
  });

  it("says when an imbalance is within the rounding of the reported figures", () => {
    // three figures to 0.01亿: the true values may differ by up to 0.005亿 each
    const r = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.65亿元")]);
    expect([r.status, r.withinRounding, r.imbalance?.value.toString()]).toEqual(["fail", true, "-1000000"]);
    const tolerant = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.65亿元")], { tolerance: "rounding" });
    expect(tolerant.status).toBe("pass");
  });

  it("treats integer counts as exact: 1 笔 off is never rounding", () => {
    const r = partsSumToTotal(parseQuantity("5011笔"), [parseQuantity("116笔"), parseQuantity("4894笔")]);
    expect([r.status, r.withinRounding, r.roundingBound?.value.toString()]).toEqual(["fail", false, "0"]);
  });

  it("accepts an explicit tolerance in base units", () => {
    const r = partsSumToTotal(parseQuantity("326.16亿元"), [parseQuantity("6.52亿元"), parseQuantity("319.46亿元")], { tolerance: "18000000" });
    expect(r.status).toBe("pass");
  });

  it("carries each operand with its observation and source", () => {
    const [total, ...parts] = loans;
    const r = partsSumToTotal(total!, parts);
    expect(r.right.operands.map((o) => [o.label, o.observationId, o.source?.quote])).toEqual([
      ["parts[0]", "sme", "放款116笔6.52亿元"],
      ["parts[1]", "yxr", "融资4895笔319.64亿元"],
    ]);
  });

  it("rejects parts in another unit, naming each", () => {
    try {
      partsSumToTotal(parseQuantity("5011笔") as Quantity, [parseQuantity("116笔"), parseQuantity("6.52亿元"), parseQuantity("1家")]);
      expect.unreachable();
    } catch (error) {
      expect((error as PolicyEvalError).issues.map((i) => [i.code, i.path])).toEqual([
        ["unit-mismatch", ["parts", 1, "unit"]],
        ["unit-mismatch", ["parts", 2, "unit"]],
      ]);
    }
  });

  it("refuses a negative or float tolerance", () => {
    expect(() => partsSumToTotal(parseQuantity("1笔"), [parseQuantity("1笔")], { tolerance: "-1" })).toThrow(/negative/);
    expect(() => partsSumToTotal(parseQuantity("1笔"), [parseQuantity("1笔")], { tolerance: 0.5 })).toThrow(PolicyEvalError);
  });
});

describe("runValidationRules", () => {
  it("passes the breakdown rule on the report's figures", () => {
    const [result] = runValidationRules(rule({}), loans);
    expect(result?.status).toBe("pass");
    expect(result?.left.operands.map((o) => o.observationId)).toEqual(["total"]);
    expect(result?.right.operands.map((o) => o.label)).toEqual(["amount[platform=sme]", "amount[platform=yxr]"]);
  });

  it.each([
    ["notEqualTo", "fail"],
    ["lessThan", "fail"],
    ["lessThanOrEqualTo", "pass"],
    ["greaterThan", "fail"],
    ["greaterThanOrEqualTo", "pass"],
    ["≤", "pass"],
  ])("evaluates %s", (operator, status) => {
    expect(runValidationRules(rule({ operator }), loans)[0]?.status).toBe(status);
  });

  it("applies the missing-value strategy", () => {
    const withoutYxr = loans.filter((o) => o.id !== "yxr");
    expect(runValidationRules(rule({}), withoutYxr)[0]).toMatchObject({ status: "skipped", skipReason: "missing-value" });
    const zero = runValidationRules(rule({ missingValueStrategy: "neverSkip" }), withoutYxr)[0];
    expect([zero?.status, zero?.imbalance && formatQuantity(zero.imbalance)]).toEqual(["fail", "319.64亿元"]);
    expect(runValidationRules(rule({ missingValueStrategy: "skipIfAllMissing" }), [])[0]?.status).toBe("skipped");
    expect(runValidationRules(rule({ missingValueStrategy: "skipIfAllMissing" }), withoutYxr)[0]?.status).toBe("fail");
  });

  it("checks compulsory and exclusive pairs by presence", () => {
    const withoutYxr = loans.filter((o) => o.id !== "yxr");
    const only = (ids: string[]) => loans.filter((o) => ids.includes(o.id));
    const pair = (operator: string, data: typeof loans) =>
      runValidationRules(
        rule({ operator, left: { operands: [{ indicatorId: "amount" }] }, right: { operands: [{ indicatorId: "amount", dimensions: { platform: "yxr" } }] } }),
        data,
      )[0]?.status;
    expect(pair("compulsoryPair", loans)).toBe("pass");
    expect(pair("compulsoryPair", withoutYxr)).toBe("fail");
    expect(pair("compulsoryPair", [])).toBe("pass");
    expect(pair("exclusivePair", loans)).toBe("fail");
    expect(pair("exclusivePair", only(["yxr"]))).toBe("pass");
  });

  it("skips a rule whose operand matches several observations, listing them", () => {
    const twice = [...loans, ...observations([{ id: "total-again", indicatorId: "amount", quantity: "326.16亿元", source: src("x") }])];
    const [result] = runValidationRules(rule({}), twice);
    expect(result).toMatchObject({ status: "skipped", skipReason: "ambiguous-operand" });
    expect(result?.left.operands[0]?.candidates).toEqual(["total", "total-again"]);
  });

  it("skips a rule whose operands have different units", () => {
    const mixed = observations([
      { id: "total", indicatorId: "amount", quantity: "5011笔", source: src("x") },
      { id: "sme", indicatorId: "amount", quantity: "6.52亿元", dimensions: { platform: "sme" }, source: src("x") },
      { id: "yxr", indicatorId: "amount", quantity: "319.64亿元", dimensions: { platform: "yxr" }, source: src("x") },
    ]);
    expect(runValidationRules(rule({}), mixed)[0]).toMatchObject({ status: "skipped", skipReason: "unit-mismatch" });
  });

  it("filters operands by area and department", () => {
    const data = observations([
      { id: "a", indicatorId: "banks", quantity: "16家", area: "清远市", department: "风险资金池", source: src("x") },
      { id: "b", indicatorId: "banks", quantity: "15家", area: "清远市", department: "应急转贷", source: src("x") },
    ]);
    const [result] = runValidationRules(
      parseValidationRules([
        {
          id: "banks",
          name: "资金池银行 ≥ 转贷银行",
          operator: "≥",
          left: { operands: [{ indicatorId: "banks", department: "风险资金池" }] },
          right: { operands: [{ indicatorId: "banks", area: "清远市", department: "应急转贷" }] },
        },
      ]),
      data,
    );
    expect(result?.status).toBe("pass");
    expect(result?.left.operands[0]?.label).toBe("banks@风险资金池");
  });

  it("relaxes inequalities by the tolerance", () => {
    const r = (operator: string, tolerance: string) => runValidationRules(rule({ operator, tolerance }), loans)[0]?.status;
    expect(r("lessThan", "0")).toBe("fail");
    expect(r("lessThan", "1")).toBe("pass");
    expect(r("greaterThan", "1")).toBe("pass");
  });
});

describe("ValidationRuleSchema", () => {
  it("fills defaults", () => {
    const [r] = parseValidationRules([{ ...breakdown, importance: undefined, errorCode: undefined }]);
    expect([r?.importance, r?.missingValueStrategy, r?.tolerance.toString(), r?.errorCode]).toEqual(["medium", "skipIfAnyMissing", "0", "validation-rule-failed"]);
  });

  it("reports every problem at once", () => {
    const result = safeParseValidationRules([
      { ...breakdown, operator: "≈", tolerance: "-1", errorCode: "Bad Code" },
      { ...breakdown, left: { operands: [] }, importance: "urgent" },
    ]);
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid-operator", [0, "operator"]],
      ["invalid-tolerance", [0, "tolerance"]],
      ["invalid-code", [0, "errorCode"]],
      ["too-small", [1, "left", "operands"]],
      ["invalid-value", [1, "importance"]],
    ]);
  });

  it("refuses a negative, float or unreadable tolerance, naming the problem", () => {
    const codes = (tolerance: unknown) => {
      const result = safeParseValidationRules([{ ...breakdown, tolerance }]);
      return result.success ? [] : result.error.issues.map((i) => [i.code, i.path]);
    };
    expect(codes("-1")).toEqual([["invalid-tolerance", [0, "tolerance"]]]);
    expect(codes(0.5)).toEqual([["invalid-number", [0, "tolerance"]]]);
    expect(codes("abc")).toEqual([["invalid-number", [0, "tolerance"]]]);
    expect(parseValidationRules([{ ...breakdown, tolerance: "rounding" }])[0]?.tolerance).toBe("rounding");
  });
});
