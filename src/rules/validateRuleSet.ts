/**
 * 规则集校验 — checks a rule set's shape and meaning, all problems at once, and
 * compiles it for {@link runRules}.
 *
 * @module
 */
import { createIssue, PolicyEvalError, type IssuePath, type LocalizedMessage, type PolicyEvalIssue, type SafeResult } from "../errors.js";
import type { CalendarDate } from "../dates/index.js";
import { isPartialDate } from "../dates/partialDate.js";
import { safeToExactDecimal } from "../quantities/decimal.js";
import { safeParseSchema } from "../schema-issues.js";
import { FactCatalogueSchema, FactDeclarationSchema, type FactCatalogue, type FactDeclaration, type FactType } from "./facts.js";
import { OPERATORS, operatorsForFactType, operatorTakesValue, type Operator } from "./operators.js";
import { buildProgram, deepFreeze, type Program } from "./program.js";
import {
  CONDITION_NODE_SCHEMAS,
  exceptionTargets,
  ParameterSchema,
  ShallowRuleSchema,
  ShallowRuleSetSchema,
  isFactOperand,
  isParameterOperand,
  type Condition,
  type FactCondition,
  type Parameter,
  type Rule,
  type RuleSet,
} from "./schema.js";

/**
 * The deepest a condition tree may nest (`all` inside `any` inside `not` …).
 * Real rule sets nest a few levels; the cap turns a runaway tree into an
 * issue instead of a stack overflow.
 *
 * @example
 * ```ts
 * import { MAX_CONDITION_DEPTH } from "policy-eval";
 * MAX_CONDITION_DEPTH; //=> 64
 * ```
 */
export const MAX_CONDITION_DEPTH = 64;

/** Options of {@link validateRuleSet}. */
export interface ValidateRuleSetOptions {
  /**
   * The fact catalogue the rules may use, merged with the rule set's own
   * `facts` (a fact declared in both must be declared the same way).
   */
  readonly facts?: FactCatalogue | undefined;
}

/**
 * 已编译规则集 — a rule set that passed {@link validateRuleSet}, ready for
 * {@link runRules}. The compiled conditions are kept out of sight; the
 * visible fields describe the set.
 */
export interface CompiledRuleSet {
  /** The rule set's id. */
  readonly id: string;
  /** Its version. */
  readonly version: string;
  /** First day in force. */
  readonly inForceFrom: CalendarDate;
  /** Last day in force, if it ends. */
  readonly inForceUntil?: CalendarDate;
  /** The validated rule set (a frozen copy; the input is never kept or changed). */
  readonly ruleSet: RuleSet;
  /** Declarations of the facts its conditions read — what a caller must derive. */
  readonly facts: FactCatalogue;
  /** Warnings: unused named conditions or parameters, rules never in force. */
  readonly warnings: readonly PolicyEvalIssue[];
}

const PROGRAMS = new WeakMap<CompiledRuleSet, Program>();

/** The compiled program behind a {@link CompiledRuleSet}. @internal */
export function programOf(compiled: CompiledRuleSet): Program | undefined {
  return typeof compiled === "object" && compiled !== null ? PROGRAMS.get(compiled) : undefined;
}

function issue(code: string, path: IssuePath, zh: string, en: string, params?: Record<string, unknown>): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, params === undefined ? undefined : { params });
}

function warning(code: string, path: IssuePath, zh: string, en: string, params: Record<string, unknown>): PolicyEvalIssue {
  return createIssue(code, path, { "zh-CN": zh, en }, { severity: "warning", params });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const q = (s: string): string => JSON.stringify(s);

// ---------------------------------------------------------------------------
// Condition trees: shape, walked with an explicit stack.

/** A node met on the walk: where it sits is kept as a link to its parent, and spelled out only for an issue. */
interface WalkNode {
  readonly raw: unknown;
  readonly parent: WalkNode | undefined;
  /** The keys from the parent to this node (`["all", 2]`), or the tree's own path for the root. */
  readonly keys: IssuePath;
  readonly depth: number;
  /** Where the checked copy goes. */
  readonly into: Condition[] | { not: Condition } | undefined;
  readonly index: number;
}

function pathOf(node: WalkNode): IssuePath {
  const parts: IssuePath[] = [];
  for (let n: WalkNode | undefined = node; n !== undefined; n = n.parent) parts.push(n.keys);
  return parts.reverse().flat();
}

interface TreeSink {
  readonly leaves: { readonly leaf: FactCondition; readonly where: () => IssuePath }[];
  readonly refs: { readonly name: string; readonly where: () => IssuePath }[];
}

const NODE_KEYS = ["all", "any", "not", "condition", "fact"] as const;
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const LEAF_KEYS: ReadonlySet<string> = new Set(["fact", "operator", "value"]);

function isName(v: unknown): v is string {
  return typeof v === "string" && v.length > 0;
}

function isOperandShape(v: unknown): boolean {
  if (v === undefined || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => typeof x === "string");
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === "fact" || keys[0] === "parameter") && isName(v[keys[0]]);
}

/**
 * The checked copy of a well-formed node, or undefined when the node needs
 * zod's detailed issues. Never accepts what the zod node schema rejects; it
 * only spares the common, valid case a zod parse (10k-rule sets).
 */
function quickNode(kind: (typeof NODE_KEYS)[number], raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(raw);
  const v = raw[kind];
  switch (kind) {
    case "all":
    case "any":
      return keys.length === 1 && Array.isArray(v) ? raw : undefined;
    case "not":
      return keys.length === 1 && v !== undefined ? raw : undefined;
    case "condition":
      return keys.length === 1 && isName(v) ? raw : undefined;
    case "fact": {
      if (!keys.every((k) => LEAF_KEYS.has(k)) || !isName(v) || !OPERATOR_SET.has(raw["operator"] as string)) return undefined;
      const value = raw["value"];
      if (!isOperandShape(value)) return undefined;
      const leaf: { fact: string; operator: unknown; value?: unknown } = { fact: v, operator: raw["operator"] };
      if (value !== undefined) leaf.value = Array.isArray(value) ? [...(value as string[])] : isRecord(value) ? { ...value } : value;
      return leaf;
    }
  }
}

/** Checks a tree's shape with an explicit stack; returns a fresh typed copy, or undefined if broken. */
function checkConditionTree(raw: unknown, path: IssuePath, issues: PolicyEvalIssue[], sink: TreeSink): Condition | undefined {
  const root: Condition[] = [];
  let ok = true;
  let tooDeep = false;
  const stack: WalkNode[] = [{ raw, parent: undefined, keys: path, depth: 1, into: root, index: 0 }];
  while (stack.length > 0) {
    const node = stack.pop() as WalkNode;
    if (node.depth > MAX_CONDITION_DEPTH) {
      ok = false;
      if (!tooDeep) {
        tooDeep = true;
        issues.push(
          issue(
            "condition-too-deep",
            pathOf(node),
            `条件嵌套超过 ${MAX_CONDITION_DEPTH} 层`,
            `Condition nested more than ${MAX_CONDITION_DEPTH} levels deep`,
            { maxDepth: MAX_CONDITION_DEPTH },
          ),
        );
      }
      continue;
    }
    const rawNode = node.raw;
    const kind = isRecord(rawNode) ? NODE_KEYS.find((k) => k in rawNode) : undefined;
    if (kind === undefined) {
      ok = false;
      issues.push(
        issue(
          "invalid-condition",
          pathOf(node),
          "条件应为含 all、any、not、condition 或 fact 之一的对象",
          "A condition must be an object with one of all, any, not, condition or fact",
        ),
      );
      continue;
    }
    let data = quickNode(kind, rawNode as Record<string, unknown>);
    if (data === undefined) {
      const parsed = safeParseSchema(CONDITION_NODE_SCHEMAS[kind], rawNode, pathOf(node));
      if (!parsed.success) {
        ok = false;
        issues.push(...parsed.error.issues);
        continue;
      }
      data = parsed.data as Record<string, unknown>;
    }
    let copy: Condition;
    if (kind === "all" || kind === "any") {
      const items = data[kind] as unknown[];
      const list: Condition[] = new Array<Condition>(items.length);
      copy = kind === "all" ? { all: list } : { any: list };
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push({ raw: items[i], parent: node, keys: [kind, i], depth: node.depth + 1, into: list, index: i });
      }
    } else if (kind === "not") {
      const holder: { not: Condition } = { not: { all: [] } };
      copy = holder;
      stack.push({ raw: data["not"], parent: node, keys: ["not"], depth: node.depth + 1, into: holder, index: 0 });
    } else if (kind === "condition") {
      const name = data["condition"] as string;
      copy = { condition: name };
      sink.refs.push({ name, where: () => [...pathOf(node), "condition"] });
    } else {
      const leaf = (data === rawNode ? { ...data } : data) as unknown as FactCondition;
      copy = leaf;
      sink.leaves.push({ leaf, where: () => pathOf(node) });
    }
    if (Array.isArray(node.into)) node.into[node.index] = copy;
    else if (node.into !== undefined) node.into.not = copy;
  }
  return ok ? root[0] : undefined;
}

// ---------------------------------------------------------------------------
// Fact comparisons: meaning.

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
  const shown = JSON.stringify(value);
  return issue(
    "invalid-literal",
    path,
    `取值 ${shown} 类型不符：应为${LITERAL_TEXT[kind].zh}${hint.zh}`,
    `Value ${shown} does not fit: expected ${LITERAL_TEXT[kind].en}${hint.en}`,
    { expected: kind, received: value },
  );
}

interface Scope {
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
        `${q(value)} 不是事实 ${factName} 的取值（${decl.values.join("、")}）`,
        `${q(value)} is not a value of fact ${factName} (${decl.values.join(", ")})`,
        { fact: factName, value, values: decl.values },
      ),
    );
  }
}

function checkLeaf(leaf: FactCondition, where: () => IssuePath, scope: Scope, issues: PolicyEvalIssue[]): void {
  // Paths are spelled out only when there is an issue to report.
  const at = (...keys: (string | number)[]): IssuePath => [...where(), ...keys];
  const decl = scope.facts.get(leaf.fact);
  if (decl === undefined) {
    if (!scope.factNames.has(leaf.fact)) {
      issues.push(
        issue("unknown-fact", at("fact"), `未声明的事实：${leaf.fact}`, `Unknown fact: ${leaf.fact}`, { fact: leaf.fact }),
      );
    }
    return;
  }
  const allowed = operatorsForFactType(decl.type);
  if (!allowed.includes(leaf.operator)) {
    issues.push(
      issue(
        "operator-type-mismatch",
        at("operator"),
        `运算符 ${leaf.operator} 不适用于 ${decl.type} 类型的事实 ${leaf.fact}；可用：${allowed.join("、")}`,
        `Operator ${leaf.operator} does not fit fact ${leaf.fact} of type ${decl.type}; use one of ${allowed.join(", ")}`,
        { fact: leaf.fact, factType: decl.type, operator: leaf.operator, allowed },
      ),
    );
    return;
  }
  const value = leaf.value;
  if (!operatorTakesValue(leaf.operator)) {
    if (value !== undefined) {
      issues.push(
        issue("unexpected-value", at("value"), `运算符 ${leaf.operator} 不接受 value`, `Operator ${leaf.operator} takes no value`, {
          operator: leaf.operator,
        }),
      );
    }
    return;
  }
  if (value === undefined) {
    issues.push(
      issue("missing-value", at("value"), `运算符 ${leaf.operator} 需要 value`, `Operator ${leaf.operator} needs a value`, {
        operator: leaf.operator,
      }),
    );
    return;
  }
  const expected = expectRight(decl.type, leaf.operator);
  if (isFactOperand(value)) {
    const right = scope.facts.get(value.fact);
    if (right === undefined) {
      if (!scope.factNames.has(value.fact)) {
        issues.push(
          issue("unknown-fact", at("value", "fact"), `未声明的事实：${value.fact}`, `Unknown fact: ${value.fact}`, {
            fact: value.fact,
          }),
        );
      }
    } else if (!expected.factTypes.includes(right.type)) {
      issues.push(
        issue(
          "fact-type-mismatch",
          at("value", "fact"),
          `事实 ${value.fact}（${right.type}）不能与事实 ${leaf.fact}（${decl.type}）以 ${leaf.operator} 比较`,
          `Fact ${value.fact} (${right.type}) cannot be compared with fact ${leaf.fact} (${decl.type}) by ${leaf.operator}`,
          { fact: value.fact, factType: right.type, expected: expected.factTypes },
        ),
      );
    }
    return;
  }
  if (isParameterOperand(value)) {
    const parameter = scope.parameters.get(value.parameter);
    if (parameter === undefined) {
      if (!scope.parameterNames.has(value.parameter)) {
        issues.push(
          issue(
            "unknown-parameter",
            at("value", "parameter"),
            `未声明的参数：${value.parameter}`,
            `Unknown parameter: ${value.parameter}`,
            { parameter: value.parameter },
          ),
        );
      }
    } else if (parameter.type !== expected.parameterType) {
      issues.push(
        issue(
          "parameter-type-mismatch",
          at("value", "parameter"),
          `参数 ${value.parameter}（${parameter.type}）不能与事实 ${leaf.fact}（${decl.type}）以 ${leaf.operator} 比较`,
          `Parameter ${value.parameter} (${parameter.type}) cannot be compared with fact ${leaf.fact} (${decl.type}) by ${leaf.operator}`,
          { parameter: value.parameter, parameterType: parameter.type, expected: expected.parameterType ?? null },
        ),
      );
    } else if (decl.type === "enum") {
      for (const v of parameter.values) {
        if (typeof v.value === "string") checkEnumValue(decl, v.value, () => at("value", "parameter"), issues, leaf.fact);
      }
    }
    return;
  }
  if (!literalFits(expected.literal, value)) {
    issues.push(literalIssue(expected.literal, value, at("value")));
    return;
  }
  if (decl.type === "enum") {
    if (typeof value === "string") checkEnumValue(decl, value, () => at("value"), issues, leaf.fact);
    else (value as readonly string[]).forEach((v, i) => checkEnumValue(decl, v, () => at("value", i), issues, leaf.fact));
  }
}

// ---------------------------------------------------------------------------
// Parameters.

function checkParameterValues(name: string, p: Parameter, issues: PolicyEvalIssue[]): void {
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

// ---------------------------------------------------------------------------
// Graphs: cycles of named conditions and of exceptions, without recursion.

/**
 * Depth-first search from each start in turn, with an explicit stack and
 * three colours. `edgesOf` gives a node's successors, or undefined for a
 * node that is not in the graph (unknown or broken: reported elsewhere, and
 * skipped). Every back edge is a cycle, passed to `onCycle` once as its
 * path (`[a, b, …, a]`), from the node the walk first entered it by.
 * Returns the nodes reached in post-order (each after its successors).
 */
function depthFirst(
  starts: Iterable<string>,
  edgesOf: (node: string) => readonly string[] | undefined,
  onCycle: (cycle: string[]) => void,
): string[] {
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const order: string[] = [];
  const stack: [string, number][] = [];
  for (const start of starts) {
    if (state.has(start)) continue;
    state.set(start, 1);
    stack.push([start, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const next = (edgesOf(top[0]) ?? [])[top[1]++];
      if (next === undefined) {
        stack.pop();
        state.set(top[0], 2);
        order.push(top[0]);
        continue;
      }
      if (edgesOf(next) === undefined) continue;
      const seen = state.get(next);
      if (seen === undefined) {
        state.set(next, 1);
        stack.push([next, 0]);
      } else if (seen === 1) {
        const from = stack.findIndex(([n]) => n === next);
        onCycle([...stack.slice(from).map(([n]) => n), next]);
      }
    }
  }
  return order;
}

/** Named conditions, dependencies first; each cycle reported with its path. */
function orderConditions(deps: ReadonlyMap<string, readonly string[]>, issues: PolicyEvalIssue[]): string[] {
  return depthFirst(
    deps.keys(),
    (name) => deps.get(name),
    (cycle) =>
      issues.push(
        issue(
          "condition-cycle",
          ["conditions", cycle[0] as string],
          `具名条件循环引用：${cycle.join(" → ")}`,
          `Named conditions refer to each other in a cycle: ${cycle.join(" → ")}`,
          { cycle },
        ),
      ),
  );
}

interface ExceptionNode {
  readonly index: number;
  /** Whether `exceptionTo` was written as an array (the issue path then names the element). */
  readonly isArray: boolean;
  readonly targets: readonly string[];
}

/**
 * Reports every cycle of the exception graph (rule → each rule it is an
 * exception to) once, with its path, at the edge from the cycle's first
 * rule. Multi-target exceptions make the graph a DAG rather than a forest,
 * so the walk follows every target.
 */
function findExceptionCycles(nodes: ReadonlyMap<string, ExceptionNode>, issues: PolicyEvalIssue[]): void {
  depthFirst(
    nodes.keys(),
    (id) => nodes.get(id)?.targets,
    (cycle) => {
      const first = nodes.get(cycle[0] as string) as ExceptionNode;
      // The edge from the cycle's first rule into the cycle: its position in an array.
      const toSecond = first.targets.indexOf(cycle[1] as string);
      issues.push(
        issue(
          "exception-cycle",
          first.isArray ? ["rules", first.index, "exceptionTo", toSecond] : ["rules", first.index, "exceptionTo"],
          `例外关系循环：${cycle.join(" → ")}`,
          `Exceptions form a cycle: ${cycle.join(" → ")}`,
          { cycle },
        ),
      );
    },
  );
}

// ---------------------------------------------------------------------------

function dateRangeIssue(from: string | undefined, until: string | undefined, path: IssuePath): PolicyEvalIssue[] {
  if (from === undefined || until === undefined || from <= until) return [];
  return [
    issue(
      "invalid-date-range",
      [...path, "inForceUntil"],
      `失效日期 ${until} 早于生效日期 ${from}`,
      `inForceUntil ${until} is before inForceFrom ${from}`,
      { inForceFrom: from, inForceUntil: until },
    ),
  ];
}

/** Each id an exception names must exist, once. */
function checkExceptionTargets(exceptionTo: string | readonly string[], path: IssuePath, ruleIds: ReadonlyMap<string, unknown>, issues: PolicyEvalIssue[]): void {
  const isArray = typeof exceptionTo !== "string";
  const targets = exceptionTargets(exceptionTo);
  targets.forEach((target, i) => {
    const at: IssuePath = isArray ? [...path, "exceptionTo", i] : [...path, "exceptionTo"];
    const first = targets.indexOf(target);
    if (first !== i) {
      issues.push(
        issue(
          "duplicate-exception-target",
          at,
          `例外所指的规则重复：${target}（已见于 exceptionTo[${first}]）`,
          `exceptionTo names ${target} twice (first at exceptionTo[${first}])`,
          { rule: target, first },
        ),
      );
    } else if (!ruleIds.has(target)) {
      issues.push(
        issue("unknown-rule", at, `例外所指的规则不存在：${target}`, `exceptionTo names a rule that does not exist: ${target}`, { rule: target }),
      );
    }
  });
}

function sameDeclaration(a: FactDeclaration, b: FactDeclaration): boolean {
  return a.type === b.type && (a.values ?? []).join("\u0000") === (b.values ?? []).join("\u0000");
}


/**
 * Checks a rule set, returning the compiled set or every problem found.
 *
 * @param input - a rule set as JSON data
 * @param options - `facts`: the fact catalogue the rules may use
 * @returns `{ success: true, data }` or `{ success: false, error }`
 *
 * @example
 * ```ts
 * import { safeValidateRuleSet } from "policy-eval";
 * const result = safeValidateRuleSet({
 *   id: "demo",
 *   version: "1",
 *   inForceFrom: "2019-01-01",
 *   rules: [
 *     {
 *       id: "continue",
 *       conclusion: "continue",
 *       when: { fact: "effectsMet", operator: "isTrue" },
 *       reason: { "zh-CN": "实施效果达到预期目的", en: "The effects met the expected aims" },
 *       basis: [{ document: "粤府令第277号", article: "第三十四条" }],
 *     },
 *   ],
 * });
 * result.success; //=> false
 * if (!result.success) result.error.issues[0]?.code; //=> "unknown-fact"
 * ```
 */
export function safeValidateRuleSet(input: unknown, options?: ValidateRuleSetOptions | undefined): SafeResult<CompiledRuleSet> {
  const issues: PolicyEvalIssue[] = [];
  const warnings: PolicyEvalIssue[] = [];
  const top = safeParseSchema(ShallowRuleSetSchema, input, []);
  if (!top.success) issues.push(...top.error.issues);
  if (!isRecord(input)) return { success: false, error: new PolicyEvalError(issues) };

  // Facts: the caller's catalogue, then the set's own declarations.
  const facts = new Map<string, FactDeclaration>();
  const factNames = new Set<string>();
  if (options?.facts !== undefined) {
    const catalogue = safeParseSchema(FactCatalogueSchema, options.facts, ["options", "facts"]);
    if (catalogue.success) for (const [name, decl] of Object.entries(catalogue.data)) facts.set(name, decl);
    else issues.push(...catalogue.error.issues);
    if (isRecord(options.facts)) for (const name of Object.keys(options.facts)) factNames.add(name);
  }
  const rawFacts = isRecord(input["facts"]) ? input["facts"] : {};
  for (const [name, raw] of Object.entries(rawFacts)) {
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
          `事实 ${name} 的声明与事实目录不一致（${existing.type} / ${parsed.data.type}）`,
          `Fact ${name} is declared differently from the fact catalogue (${existing.type} / ${parsed.data.type})`,
          { fact: name },
        ),
      );
    }
    facts.set(name, parsed.data);
  }

  // Parameters.
  const parameters = new Map<string, Parameter>();
  const rawParameters = isRecord(input["parameters"]) ? input["parameters"] : {};
  for (const [name, raw] of Object.entries(rawParameters)) {
    const parsed = safeParseSchema(ParameterSchema, raw, ["parameters", name]);
    if (!parsed.success) {
      issues.push(...parsed.error.issues);
      continue;
    }
    const before = issues.length;
    checkParameterValues(name, parsed.data, issues);
    if (issues.length === before) parameters.set(name, parsed.data);
  }
  const scope: Scope = { facts, factNames, parameters, parameterNames: new Set(Object.keys(rawParameters)) };

  // Named conditions, then rules: each tree's shape, then the meaning of its leaves and references.
  const rawConditions = isRecord(input["conditions"]) ? input["conditions"] : {};
  const conditionNames = new Set(Object.keys(rawConditions));
  const usedConditions = new Set<string>();
  const usedParameters = new Set<string>();
  const checkTree = (raw: unknown, path: IssuePath): { tree: Condition | undefined; refs: string[] } => {
    const before = issues.length;
    const sink: TreeSink = { leaves: [], refs: [] };
    const tree = checkConditionTree(raw, path, issues, sink);
    for (const { leaf, where } of sink.leaves) {
      checkLeaf(leaf, where, scope, issues);
      if (isParameterOperand(leaf.value)) usedParameters.add(leaf.value.parameter);
    }
    for (const ref of sink.refs) {
      usedConditions.add(ref.name);
      if (!conditionNames.has(ref.name)) {
        issues.push(
          issue("unknown-condition", ref.where(), `未定义的具名条件：${ref.name}`, `Unknown named condition: ${ref.name}`, {
            condition: ref.name,
          }),
        );
      }
    }
    return { tree: issues.length === before ? tree : undefined, refs: sink.refs.map((r) => r.name) };
  };

  const conditions = new Map<string, Condition>();
  const conditionDeps = new Map<string, readonly string[]>();
  for (const [name, raw] of Object.entries(rawConditions)) {
    const { tree, refs } = checkTree(raw, ["conditions", name]);
    if (tree !== undefined) {
      conditions.set(name, tree);
      conditionDeps.set(name, refs);
    }
  }
  const conditionOrder = orderConditions(conditionDeps, issues);

  const rawRules = Array.isArray(input["rules"]) ? (input["rules"] as unknown[]) : [];
  // Ids are collected from the raw rules, so a rule broken elsewhere still
  // counts as existing for exceptionTo, and still takes part in cycles.
  const firstIndex = new Map<string, number>();
  const exceptionNodes = new Map<string, ExceptionNode>();
  rawRules.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw["id"] !== "string" || firstIndex.has(raw["id"])) return;
    firstIndex.set(raw["id"], index);
    exceptionNodes.set(raw["id"], { index, isArray: Array.isArray(raw["exceptionTo"]), targets: exceptionTargets(raw["exceptionTo"]) });
  });
  const rules: Rule[] = [];
  rawRules.forEach((raw, index) => {
    const path = ["rules", index];
    const before = issues.length;
    const parsed = safeParseSchema(ShallowRuleSchema, raw, path);
    if (!parsed.success) issues.push(...parsed.error.issues);
    // The tree is checked even when the rule around it is broken: every problem at once.
    const when = isRecord(raw) && "when" in raw ? checkTree(raw["when"], [...path, "when"]).tree : undefined;
    if (!parsed.success) return;
    const rule = parsed.data;
    const seen = firstIndex.get(rule.id);
    if (seen !== undefined && seen !== index) {
      issues.push(
        issue(
          "duplicate-rule-id",
          [...path, "id"],
          `规则标识重复：${rule.id}（已见于 rules[${seen}]）`,
          `Duplicate rule id ${rule.id} (first at rules[${seen}])`,
          { id: rule.id, first: seen },
        ),
      );
    }
    if (rule.exceptionTo !== undefined) checkExceptionTargets(rule.exceptionTo, path, firstIndex, issues);
    issues.push(...dateRangeIssue(rule.inForceFrom, rule.inForceUntil, path));
    if (when !== undefined && issues.length === before) rules.push({ ...rule, when });
  });
  findExceptionCycles(exceptionNodes, issues);
  if (top.success) issues.push(...dateRangeIssue(top.data.inForceFrom, top.data.inForceUntil, []));
  if (!top.success || issues.length > 0) return { success: false, error: new PolicyEvalError(issues) };

  const set = top.data;
  for (const name of conditions.keys()) {
    if (!usedConditions.has(name)) {
      warnings.push(
        warning("unused-condition", ["conditions", name], `具名条件 ${name} 未被使用`, `Named condition ${name} is never used`, {
          condition: name,
        }),
      );
    }
  }
  for (const name of parameters.keys()) {
    if (!usedParameters.has(name)) {
      warnings.push(
        warning("unused-parameter", ["parameters", name], `参数 ${name} 未被使用`, `Parameter ${name} is never used`, { parameter: name }),
      );
    }
  }
  rules.forEach((rule, index) => {
    const endsBefore = rule.inForceUntil !== undefined && rule.inForceUntil < set.inForceFrom;
    const startsAfter = rule.inForceFrom !== undefined && set.inForceUntil !== undefined && rule.inForceFrom > set.inForceUntil;
    if (endsBefore || startsAfter) {
      warnings.push(
        warning(
          "rule-never-in-force",
          ["rules", index],
          `规则 ${rule.id} 的有效期与规则集的有效期不重叠，永不适用`,
          `Rule ${rule.id} is never in force while the rule set is`,
          { rule: rule.id },
        ),
      );
    }
  });

  const program = buildProgram({
    facts,
    parameters,
    conditions,
    conditionOrder,
    rules,
    inForceFrom: set.inForceFrom,
    inForceUntil: set.inForceUntil,
  });
  // A fresh copy (zod and the tree walk copy as they check): the caller's input is never kept or frozen.
  const ruleSet = Object.freeze({
    ...set,
    ...(set.facts === undefined ? {} : { facts: Object.fromEntries(Object.keys(rawFacts).map((n) => [n, facts.get(n)])) }),
    ...(set.parameters === undefined ? {} : { parameters: Object.fromEntries(parameters) }),
    ...(set.conditions === undefined ? {} : { conditions: Object.fromEntries(conditions) }),
    rules,
  }) as RuleSet;
  const used: Record<string, FactDeclaration> = {};
  for (const slot of program.facts) used[slot.name] = slot.declaration;
  const compiled: CompiledRuleSet = Object.freeze({
    id: set.id,
    version: set.version,
    inForceFrom: set.inForceFrom,
    ...(set.inForceUntil === undefined ? {} : { inForceUntil: set.inForceUntil }),
    ruleSet,
    facts: deepFreeze(used),
    warnings: Object.freeze(warnings),
  });
  PROGRAMS.set(compiled, program);
  return { success: true, data: compiled };
}

/**
 * 校验规则集 — checks a rule set's shape and meaning and compiles it for
 * {@link runRules}. Every problem is reported at once, each with its path:
 * an unknown fact, an operator that does not fit the fact's type, a literal
 * of the wrong type (a float where a decimal string is needed), an
 * `exceptionTo` naming a missing rule or the same rule twice, a cycle of
 * exceptions (through any of an exception's targets) or of named
 * conditions (with the cycle's path), an unknown named condition or
 * parameter, duplicate rule ids, a rule without basis, parameter values not
 * sorted by date, a condition nested deeper than {@link MAX_CONDITION_DEPTH}.
 * The input is not changed.
 *
 * @param input - a rule set as JSON data ({@link RuleSet})
 * @param options - `facts`: the fact catalogue the rules may use
 * @returns the compiled rule set
 * @throws {@link PolicyEvalError} listing every problem
 *
 * @example
 * ```ts
 * import { validateRuleSet } from "policy-eval";
 * const compiled = validateRuleSet(
 *   {
 *     id: "demo",
 *     version: "1",
 *     inForceFrom: "2019-01-01",
 *     rules: [
 *       {
 *         id: "continue",
 *         conclusion: "continue",
 *         when: { fact: "effectsMet", operator: "isTrue" },
 *         reason: { "zh-CN": "实施效果达到预期目的", en: "The effects met the expected aims" },
 *         basis: [{ document: "粤府令第277号", article: "第三十四条" }],
 *       },
 *     ],
 *   },
 *   { facts: { effectsMet: { type: "boolean", description: { "zh-CN": "效果达到预期", en: "Effects met" } } } },
 * );
 * compiled.facts["effectsMet"]?.type; //=> "boolean"
 * ```
 */
export function validateRuleSet(input: unknown, options?: ValidateRuleSetOptions | undefined): CompiledRuleSet {
  const result = safeValidateRuleSet(input, options);
  if (!result.success) throw result.error;
  return result.data;
}
