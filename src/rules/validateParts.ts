/**
 * Validation, pass by pass: the facts and parameters the rules may refer
 * to, the named conditions, the rules, and the warnings of a valid set.
 * Each pass adds every problem it finds to one list, each at its path;
 * src/rules/validateRuleSet.ts runs them in order and compiles only when
 * none was found. A part broken in one way is still checked in every other
 * way (all problems at once), and a name declared but broken does not
 * cascade into "unknown" problems where it is used.
 *
 * @module
 * @internal
 */
import type { IssuePath, PolicyEvalIssue } from "../errors.js";
import { safeParseSchema } from "../schema-issues.js";
import { FactCatalogueSchema, FactDeclarationSchema, type FactDeclaration } from "./factTypes.js";
import { excerpt, issue, warning } from "./issues.js";
import { ParameterSchema, ShallowRuleSchema, exceptionTargets, isParameterOperand, type Condition, type Parameter, type Rule } from "./schema.js";
import { checkExceptionTargets, findExceptionCycles, orderConditions, type ExceptionNode } from "./validateGraph.js";
import { checkLeaf, checkParameterValues, type Scope } from "./validateLeaf.js";
import { checkConditionTree, isRecord, type TreeSink } from "./validateTree.js";
import { ruleVocabularyIssues, type Vocabulary } from "./vocabulary.js";

/** A record-valued field of the raw set, or an empty one. */
function recordAt(input: Readonly<Record<string, unknown>>, key: string): Readonly<Record<string, unknown>> {
  const value = input[key];
  return isRecord(value) ? value : {};
}

function sameDeclaration(a: FactDeclaration, b: FactDeclaration): boolean {
  return a.type === b.type && (a.values ?? []).join("\u0000") === (b.values ?? []).join("\u0000");
}

/** The caller's fact catalogue, then the set's own declarations (which must agree with it). */
function collectFacts(input: Readonly<Record<string, unknown>>, catalogue: unknown, issues: PolicyEvalIssue[]): { facts: Map<string, FactDeclaration>; factNames: Set<string> } {
  const facts = new Map<string, FactDeclaration>();
  const factNames = new Set<string>();
  if (catalogue !== undefined) {
    const parsed = safeParseSchema(FactCatalogueSchema, catalogue, ["options", "facts"]);
    if (parsed.success) for (const [name, decl] of Object.entries(parsed.data)) facts.set(name, decl);
    else issues.push(...parsed.error.issues);
    if (isRecord(catalogue)) for (const name of Object.keys(catalogue)) factNames.add(name);
  }
  for (const [name, raw] of Object.entries(recordAt(input, "facts"))) {
    factNames.add(name);
    const parsed = safeParseSchema(FactDeclarationSchema, raw, ["facts", name]);
    if (!parsed.success) {
      issues.push(...parsed.error.issues);
      facts.delete(name);
      continue;
    }
    const existing = facts.get(name);
    if (existing !== undefined && !sameDeclaration(existing, parsed.data)) {
      issues.push(
        issue(
          "fact-declaration-conflict",
          ["facts", name],
          `事实 ${excerpt(name)} 的声明与事实目录不一致（${existing.type} / ${parsed.data.type}）`,
          `Fact ${excerpt(name)} is declared differently from the fact catalogue (${existing.type} / ${parsed.data.type})`,
          { fact: name },
        ),
      );
    }
    facts.set(name, parsed.data);
  }
  return { facts, factNames };
}

/** The set's parameters: each well-formed, its values of its type and in date order. */
function collectParameters(input: Readonly<Record<string, unknown>>, issues: PolicyEvalIssue[]): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const [name, raw] of Object.entries(recordAt(input, "parameters"))) {
    const parsed = safeParseSchema(ParameterSchema, raw, ["parameters", name]);
    if (!parsed.success) {
      issues.push(...parsed.error.issues);
      continue;
    }
    const before = issues.length;
    checkParameterValues(name, parsed.data, issues);
    if (issues.length === before) parameters.set(name, parsed.data);
  }
  return parameters;
}

/** What the conditions of a rule set may refer to: facts (the caller's and its own) and parameters. @internal */
export function collectScope(input: Readonly<Record<string, unknown>>, catalogue: unknown, issues: PolicyEvalIssue[]): Scope {
  const { facts, factNames } = collectFacts(input, catalogue, issues);
  const parameters = collectParameters(input, issues);
  return { facts, factNames, parameters, parameterNames: new Set(Object.keys(recordAt(input, "parameters"))) };
}

/** Checks condition trees (shape, then leaves and references), remembering which named conditions and parameters are used. @internal */
export class TreeChecker {
  readonly usedConditions = new Set<string>();
  readonly usedParameters = new Set<string>();

  constructor(
    readonly scope: Scope,
    readonly conditionNames: ReadonlySet<string>,
    readonly issues: PolicyEvalIssue[],
  ) {}

  /** The checked copy of a tree (undefined when it has a problem), and the named conditions it refers to. */
  check(raw: unknown, path: IssuePath): { tree: Condition | undefined; refs: string[] } {
    const issues = this.issues;
    const before = issues.length;
    const sink: TreeSink = { leaves: [], refs: [] };
    const tree = checkConditionTree(raw, path, issues, sink);
    for (const { leaf, where } of sink.leaves) {
      checkLeaf(leaf, where, this.scope, issues);
      if (isParameterOperand(leaf.value)) this.usedParameters.add(leaf.value.parameter);
    }
    for (const ref of sink.refs) {
      this.usedConditions.add(ref.name);
      if (!this.conditionNames.has(ref.name)) {
        issues.push(issue("unknown-condition", ref.where(), `未定义的具名条件：${excerpt(ref.name)}`, `Unknown named condition: ${excerpt(ref.name)}`, { condition: ref.name }));
      }
    }
    return { tree: issues.length === before ? tree : undefined, refs: sink.refs.map((r) => r.name) };
  }
}

/** The set's named conditions, checked, and their dependency order (cycles reported). @internal */
export function checkNamedConditions(input: Readonly<Record<string, unknown>>, trees: TreeChecker): { conditions: Map<string, Condition>; order: string[] } {
  const conditions = new Map<string, Condition>();
  const deps = new Map<string, readonly string[]>();
  for (const [name, raw] of Object.entries(recordAt(input, "conditions"))) {
    const { tree, refs } = trees.check(raw, ["conditions", name]);
    if (tree !== undefined) {
      conditions.set(name, tree);
      deps.set(name, refs);
    }
  }
  return { conditions, order: orderConditions(deps, trees.issues) };
}

function dateRangeIssue(from: string | undefined, until: string | undefined, path: IssuePath): PolicyEvalIssue[] {
  if (from === undefined || until === undefined || from <= until) return [];
  return [
    issue("invalid-date-range", [...path, "inForceUntil"], `失效日期 ${until} 早于生效日期 ${from}`, `inForceUntil ${until} is before inForceFrom ${from}`, {
      inForceFrom: from,
      inForceUntil: until,
    }),
  ];
}

/** The set's own dates: `inForceUntil` not before `inForceFrom`. @internal */
export function setDateIssues(set: { readonly inForceFrom: string; readonly inForceUntil?: string | undefined }): PolicyEvalIssue[] {
  return dateRangeIssue(set.inForceFrom, set.inForceUntil, []);
}

/**
 * The set's rules, checked: shape, vocabulary, condition, unique id,
 * exception targets, dates; then the exception graph's cycles. Ids are
 * collected from the raw rules, so a rule broken elsewhere still counts as
 * existing for `exceptionTo`, and still takes part in cycles.
 * @internal
 */
export function checkRules(input: Readonly<Record<string, unknown>>, trees: TreeChecker, vocabulary: Vocabulary): Rule<string, string>[] {
  const issues = trees.issues;
  const rawRules = Array.isArray(input["rules"]) ? (input["rules"] as unknown[]) : [];
  const firstIndex = new Map<string, number>();
  const exceptionNodes = new Map<string, ExceptionNode>();
  rawRules.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw["id"] !== "string" || firstIndex.has(raw["id"])) return;
    firstIndex.set(raw["id"], index);
    exceptionNodes.set(raw["id"], { index, isArray: Array.isArray(raw["exceptionTo"]), targets: exceptionTargets(raw["exceptionTo"]) });
  });
  const rules: Rule<string, string>[] = [];
  rawRules.forEach((raw, index) => {
    const path = ["rules", index];
    const before = issues.length;
    const parsed = safeParseSchema(ShallowRuleSchema, raw, path);
    if (!parsed.success) issues.push(...parsed.error.issues);
    issues.push(...ruleVocabularyIssues(raw, index, vocabulary));
    // The tree is checked even when the rule around it is broken: every problem at once.
    const when = isRecord(raw) && "when" in raw ? trees.check(raw["when"], [...path, "when"]).tree : undefined;
    if (!parsed.success) return;
    const rule = parsed.data;
    const seen = firstIndex.get(rule.id);
    if (seen !== undefined && seen !== index) {
      issues.push(
        issue("duplicate-rule-id", [...path, "id"], `规则标识重复：${excerpt(rule.id)}（已见于 rules[${seen}]）`, `Duplicate rule id ${excerpt(rule.id)} (first at rules[${seen}])`, {
          id: rule.id,
          first: seen,
        }),
      );
    }
    if (rule.exceptionTo !== undefined) checkExceptionTargets(rule.exceptionTo, path, firstIndex, issues);
    issues.push(...dateRangeIssue(rule.inForceFrom, rule.inForceUntil, path));
    if (when !== undefined && issues.length === before) rules.push({ ...rule, when });
  });
  findExceptionCycles(exceptionNodes, issues);
  return rules;
}

/** The warnings of a valid set: named conditions and parameters never used, rules never in force while the set is. @internal */
export function collectWarnings(
  trees: TreeChecker,
  conditions: ReadonlyMap<string, Condition>,
  parameters: ReadonlyMap<string, Parameter>,
  rules: readonly Rule<string, string>[],
  set: { readonly inForceFrom: string; readonly inForceUntil?: string | undefined },
): PolicyEvalIssue[] {
  const warnings: PolicyEvalIssue[] = [];
  for (const name of conditions.keys()) {
    if (!trees.usedConditions.has(name)) {
      warnings.push(warning("unused-condition", ["conditions", name], `具名条件 ${excerpt(name)} 未被使用`, `Named condition ${excerpt(name)} is never used`, { condition: name }));
    }
  }
  for (const name of parameters.keys()) {
    if (!trees.usedParameters.has(name)) {
      warnings.push(warning("unused-parameter", ["parameters", name], `参数 ${excerpt(name)} 未被使用`, `Parameter ${excerpt(name)} is never used`, { parameter: name }));
    }
  }
  rules.forEach((rule, index) => {
    const endsBefore = rule.inForceUntil !== undefined && rule.inForceUntil < set.inForceFrom;
    const startsAfter = rule.inForceFrom !== undefined && set.inForceUntil !== undefined && rule.inForceFrom > set.inForceUntil;
    if (endsBefore || startsAfter) {
      warnings.push(
        warning("rule-never-in-force", ["rules", index], `规则 ${excerpt(rule.id)} 的有效期与规则集的有效期不重叠，永不适用`, `Rule ${excerpt(rule.id)} is never in force while the rule set is`, {
          rule: rule.id,
        }),
      );
    }
  });
  return warnings;
}
