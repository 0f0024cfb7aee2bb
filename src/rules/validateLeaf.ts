/**
 * Validation, pass 2 of a condition tree: the meaning of each fact
 * comparison — the fact is declared, the operator fits its type, the
 * right-hand side (a literal, another fact, a parameter) fits the operator
 * — and of each parameter's dated values. Every problem is reported, each
 * at its path.
 *
 * @module
 * @internal
 */
import type { IssuePath, PolicyEvalIssue } from "../errors.js";
import { isPartialDate } from "../dates/partialDate.js";
import { safeToExactDecimal } from "../quantities/decimal.js";
import type { FactDeclaration, FactType } from "./factTypes.js";
import { excerpt, issue, listed } from "./issues.js";
import { operatorsForFactType, operatorTakesValue, type Operator } from "./operators.js";
import { isFactOperand, isParameterOperand, type FactCondition, type Parameter } from "./schema.js";

/** A user's text, quoted and cut for a message. */
const q = (text: string): string => JSON.stringify(excerpt(text));

type LiteralKind = "boolean" | "decimal" | "date" | "string" | "stringList";

interface RightExpectation {
  readonly literal: LiteralKind;
  readonly factTypes: readonly FactType[];
  readonly parameterType: Parameter["type"] | undefined;
}

function expectRight(type: FactType, operator: Operator): RightExpectation {
  switch (type) {
    case "boolean":
    case "decimal":
    case "date":
      return { literal: type, factTypes: [type], parameterType: type };
    case "string":
    case "enum":
      return operator === "in" || operator === "notIn"
        ? { literal: "stringList", factTypes: ["stringList"], parameterType: undefined }
        : { literal: "string", factTypes: ["string", "enum"], parameterType: "string" };
    case "stringList":
      return { literal: "string", factTypes: ["string", "enum"], parameterType: "string" };
  }
}

const LITERAL_TEXT: Readonly<Record<LiteralKind, { zh: string; en: string }>> = {
  boolean: { zh: "布尔值", en: "a boolean" },
  decimal: { zh: '十进制数字字符串（如 "0.9"）或安全整数', en: 'a decimal string (such as "0.9") or a safe integer' },
  date: { zh: "YYYY、YYYY-MM 或 YYYY-MM-DD 形式的日期", en: "a date YYYY, YYYY-MM or YYYY-MM-DD" },
  string: { zh: "字符串", en: "a string" },
  stringList: { zh: "字符串数组", en: "an array of strings" },
};

function literalFits(kind: LiteralKind, value: unknown): boolean {
  switch (kind) {
    case "boolean":
      return typeof value === "boolean";
    case "decimal":
      return (typeof value === "string" && safeToExactDecimal(value).success) || Number.isSafeInteger(value);
    case "date":
      return isPartialDate(value);
    case "string":
      return typeof value === "string";
    case "stringList":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
  }
}

function literalIssue(kind: LiteralKind, value: unknown, path: IssuePath): PolicyEvalIssue {
  const hint =
    typeof value === "number" && !Number.isSafeInteger(value)
      ? { zh: `；小数请写成字符串，如 "${String(value)}"`, en: `; write decimals as strings, e.g. "${String(value)}"` }
      : { zh: "", en: "" };
  const shown = excerpt(JSON.stringify(value) ?? String(value));
  return issue(
    "invalid-literal",
    path,
    `取值 ${shown} 类型不符：应为${LITERAL_TEXT[kind].zh}${hint.zh}`,
    `Value ${shown} does not fit: expected ${LITERAL_TEXT[kind].en}${hint.en}`,
    { expected: kind, received: value },
  );
}

/** What the leaves of a rule set may refer to. */
export interface Scope {
  /** Facts whose declaration is usable. */
  readonly facts: ReadonlyMap<string, FactDeclaration>;
  /** Facts declared, even if the declaration is broken (no cascade of unknown-fact). */
  readonly factNames: ReadonlySet<string>;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly parameterNames: ReadonlySet<string>;
}

function checkEnumValue(decl: FactDeclaration, value: string, path: () => IssuePath, issues: PolicyEvalIssue[], factName: string): void {
  if (decl.values !== undefined && !decl.values.includes(value)) {
    issues.push(
      issue(
        "unknown-enum-value",
        path(),
        `${q(value)} 不是事实 ${excerpt(factName)} 的取值（${listed(decl.values, "、")}）`,
        `${q(value)} is not a value of fact ${excerpt(factName)} (${listed(decl.values, ", ")})`,
        { fact: factName, value, values: decl.values },
      ),
    );
  }
}

/** Checks one fact comparison: the fact, the operator, then the right-hand side. @internal */
export function checkLeaf(leaf: FactCondition, where: () => IssuePath, scope: Scope, issues: PolicyEvalIssue[]): void {
  // Paths are spelled out only when there is an issue to report.
  const at = (...keys: (string | number)[]): IssuePath => [...where(), ...keys];
  const decl = scope.facts.get(leaf.fact);
  if (decl === undefined) {
    if (!scope.factNames.has(leaf.fact)) issues.push(unknownFact(leaf.fact, at("fact")));
    return;
  }
  const allowed = operatorsForFactType(decl.type);
  if (!allowed.includes(leaf.operator)) {
    issues.push(
      issue(
        "operator-type-mismatch",
        at("operator"),
        `运算符 ${leaf.operator} 不适用于 ${decl.type} 类型的事实 ${excerpt(leaf.fact)}；可用：${allowed.join("、")}`,
        `Operator ${leaf.operator} does not fit fact ${excerpt(leaf.fact)} of type ${decl.type}; use one of ${allowed.join(", ")}`,
        { fact: leaf.fact, factType: decl.type, operator: leaf.operator, allowed },
      ),
    );
    return;
  }
  const value = leaf.value;
  if (!operatorTakesValue(leaf.operator)) {
    if (value !== undefined) {
      issues.push(issue("unexpected-value", at("value"), `运算符 ${leaf.operator} 不接受 value`, `Operator ${leaf.operator} takes no value`, { operator: leaf.operator }));
    }
    return;
  }
  if (value === undefined) {
    issues.push(issue("missing-value", at("value"), `运算符 ${leaf.operator} 需要 value`, `Operator ${leaf.operator} needs a value`, { operator: leaf.operator }));
    return;
  }
  const expected = expectRight(decl.type, leaf.operator);
  if (isFactOperand(value)) checkRightFact(leaf, decl, value.fact, expected, at, scope, issues);
  else if (isParameterOperand(value)) checkRightParameter(leaf, decl, value.parameter, expected, at, scope, issues);
  else if (!literalFits(expected.literal, value)) issues.push(literalIssue(expected.literal, value, at("value")));
  else if (decl.type === "enum") {
    if (typeof value === "string") checkEnumValue(decl, value, () => at("value"), issues, leaf.fact);
    else (value as readonly string[]).forEach((v, i) => checkEnumValue(decl, v, () => at("value", i), issues, leaf.fact));
  }
}

function unknownFact(name: string, path: IssuePath): PolicyEvalIssue {
  return issue("unknown-fact", path, `未声明的事实：${excerpt(name)}`, `Unknown fact: ${excerpt(name)}`, { fact: name });
}

type At = (...keys: (string | number)[]) => IssuePath;

/** A right-hand fact: declared, of a type the operator can compare with. */
function checkRightFact(leaf: FactCondition, decl: FactDeclaration, name: string, expected: RightExpectation, at: At, scope: Scope, issues: PolicyEvalIssue[]): void {
  const right = scope.facts.get(name);
  if (right === undefined) {
    if (!scope.factNames.has(name)) issues.push(unknownFact(name, at("value", "fact")));
  } else if (!expected.factTypes.includes(right.type)) {
    issues.push(
      issue(
        "fact-type-mismatch",
        at("value", "fact"),
        `事实 ${excerpt(name)}（${right.type}）不能与事实 ${excerpt(leaf.fact)}（${decl.type}）以 ${leaf.operator} 比较`,
        `Fact ${excerpt(name)} (${right.type}) cannot be compared with fact ${excerpt(leaf.fact)} (${decl.type}) by ${leaf.operator}`,
        { fact: name, factType: right.type, expected: expected.factTypes },
      ),
    );
  }
}

/** A right-hand parameter: declared, of the type the operator needs, with enum values the fact has. */
function checkRightParameter(leaf: FactCondition, decl: FactDeclaration, name: string, expected: RightExpectation, at: At, scope: Scope, issues: PolicyEvalIssue[]): void {
  const parameter = scope.parameters.get(name);
  if (parameter === undefined) {
    if (!scope.parameterNames.has(name)) {
      issues.push(issue("unknown-parameter", at("value", "parameter"), `未声明的参数：${excerpt(name)}`, `Unknown parameter: ${excerpt(name)}`, { parameter: name }));
    }
  } else if (parameter.type !== expected.parameterType) {
    issues.push(
      issue(
        "parameter-type-mismatch",
        at("value", "parameter"),
        `参数 ${excerpt(name)}（${parameter.type}）不能与事实 ${excerpt(leaf.fact)}（${decl.type}）以 ${leaf.operator} 比较`,
        `Parameter ${excerpt(name)} (${parameter.type}) cannot be compared with fact ${excerpt(leaf.fact)} (${decl.type}) by ${leaf.operator}`,
        { parameter: name, parameterType: parameter.type, expected: expected.parameterType ?? null },
      ),
    );
  } else if (decl.type === "enum") {
    for (const v of parameter.values) {
      if (typeof v.value === "string") checkEnumValue(decl, v.value, () => at("value", "parameter"), issues, leaf.fact);
    }
  }
}

/** Checks each parameter's dated values: literals of its type, dates in increasing order. @internal */
export function checkParameterValues(name: string, p: Parameter, issues: PolicyEvalIssue[]): void {
  const kind: LiteralKind = p.type;
  p.values.forEach((v, i) => {
    const path = ["parameters", name, "values", i];
    if (v.value !== null && !literalFits(kind, v.value)) issues.push(literalIssue(kind, v.value, [...path, "value"]));
    const prev = p.values[i - 1];
    if (prev !== undefined && v.from <= prev.from) {
      const same = v.from === prev.from;
      issues.push(
        issue(
          same ? "duplicate-parameter-date" : "parameter-dates-unsorted",
          [...path, "from"],
          same ? `参数 ${name} 在 ${v.from} 有两个取值` : `参数 ${name} 的取值应按生效日期升序排列（${v.from} 在 ${prev.from} 之后）`,
          same
            ? `Parameter ${name} has two values from ${v.from}`
            : `Parameter ${name}'s values must be sorted by date (${v.from} comes after ${prev.from})`,
          { parameter: name, from: v.from, previous: prev.from },
        ),
      );
    }
  });
}
