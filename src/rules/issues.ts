/**
 * The issues of the rules module: one builder for all of them, helpers that
 * keep user input in messages short, and the problems a run reports (shared
 * by the engine, src/rules/runRules.ts, and the reference interpreter,
 * src/rules/reference.ts, so that both report them in the same words).
 *
 * @module
 * @internal
 */
import { createIssue, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import type { FactDeclaration } from "./factTypes.js";

/** An error issue in zh-CN and en. @internal */
export function issue(code: string, path: IssuePath, zh: string, en: string, params?: Record<string, unknown>): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, params === undefined ? undefined : { params });
}

/** A warning issue in zh-CN and en. @internal */
export function warning(code: string, path: IssuePath, zh: string, en: string, params: Record<string, unknown>): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, { severity: "warning", params });
}

/** How much of a user's text a message quotes. */
const EXCERPT = 40;

/** A user's text cut to 40 characters for a message. @internal */
export function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

/** A user's value as a message quotes it: a string in quotes, cut to 40 characters; anything else by its type. @internal */
export function shown(value: unknown): string {
  if (typeof value !== "string") return value === null ? "null" : typeof value;
  return JSON.stringify(excerpt(value));
}

/** How many names a message lists before "…". */
const LISTED = 20;

/** Names joined for a message, the first 20 of a longer list then "…". @internal */
export function listed(names: readonly string[], separator: string): string {
  return names.length > LISTED ? `${names.slice(0, LISTED).join(separator)}${separator}…` : names.join(separator);
}

/** `runRules` was given something validateRuleSet did not return. @internal */
export function notCompiledIssue(): PolicyEvalIssue {
  return issue("rule-set-not-compiled", [], "规则集未经编译：请先调用 validateRuleSet", "The rule set is not compiled: pass the result of validateRuleSet");
}

/** The evaluation date is not a real partial date. @internal */
export function invalidDateIssue(date: unknown): PolicyEvalIssue {
  return issue(
    "invalid-date",
    ["options", "date"],
    `评估日期无效：${shown(date)}（应为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的真实日期）`,
    `Invalid evaluation date ${shown(date)} (expected a real date YYYY, YYYY-MM or YYYY-MM-DD)`,
    { value: date },
  );
}

/** Every day the date may be is outside the rule set's validity. @internal */
export function ruleSetNotInForceIssue(set: { readonly id: string; readonly inForceFrom: string; readonly inForceUntil?: string | undefined }, date: string): PolicyEvalIssue {
  const until = set.inForceUntil;
  return issue(
    "rule-set-not-in-force",
    ["options", "date"],
    `规则集 ${set.id} 在 ${date} 不在有效期内（${set.inForceFrom} 至 ${until ?? "今"}）`,
    `Rule set ${set.id} is not in force on ${date} (in force ${set.inForceFrom} to ${until ?? "open end"})`,
    { date, inForceFrom: set.inForceFrom, inForceUntil: until ?? null },
  );
}

/** A parameter has no value on any day of the date, and `users` (`conditions.x`, `rules.y`) read it. @internal */
export function parameterNotInForceIssue(name: string, date: string, users: readonly string[]): PolicyEvalIssue {
  return issue(
    "parameter-not-in-force",
    ["parameters", name],
    `参数 ${name} 在 ${date} 没有有效取值，而 ${listed(users, "、")} 用到它`,
    `Parameter ${name} has no value in force on ${date}, but ${listed(users, ", ")} use${users.length === 1 ? "s" : ""} it`,
    { parameter: name, date, usedBy: users },
  );
}

/** The facts are not an object keyed by name. @internal */
export function invalidFactsIssue(): PolicyEvalIssue {
  return issue("invalid-facts", ["facts"], "事实集应为以事实名为键的对象", "Facts must be an object keyed by fact name");
}

/** What is wrong with a fact, in both languages. @internal */
export interface FactProblem {
  readonly zh: string;
  readonly en: string;
}

const TYPE_TEXT: Readonly<Record<FactDeclaration["type"], FactProblem>> = {
  boolean: { zh: "布尔值", en: "a boolean" },
  decimal: { zh: "精确小数（ExactDecimal、十进制数字字符串或安全整数）", en: "an exact decimal (ExactDecimal, a decimal string or a safe integer)" },
  date: { zh: "YYYY、YYYY-MM 或 YYYY-MM-DD 形式的日期", en: "a date YYYY, YYYY-MM or YYYY-MM-DD" },
  string: { zh: "字符串", en: "a string" },
  enum: { zh: "枚举取值之一", en: "one of the enum's values" },
  stringList: { zh: "字符串数组", en: "an array of strings" },
};

/** A fact whose value does not fit its declaration (`problem`: what else is wrong, when not the value). @internal */
export function invalidFactIssue(name: string, decl: FactDeclaration, received: unknown, problem: FactProblem | undefined): PolicyEvalIssue {
  const expected = TYPE_TEXT[decl.type];
  const values = decl.type === "enum" ? { zh: `（${listed(decl.values ?? [], "、")}）`, en: ` (${listed(decl.values ?? [], ", ")})` } : { zh: "", en: "" };
  const what = problem ?? { zh: `值应为${expected.zh}${values.zh}`, en: `value must be ${expected.en}${values.en}` };
  return issue("invalid-fact-value", ["facts", name], `事实 ${name}（${decl.type}）无效：${what.zh}`, `Fact ${name} (${decl.type}) is invalid: ${what.en}`, {
    fact: name,
    type: decl.type,
    received,
  });
}
