/**
 * Validation, pass 1 of a condition tree: its shape, walked with an
 * explicit stack and a depth cap ({@link MAX_CONDITION_DEPTH}), giving a
 * fresh typed copy of the tree and the leaves and references that the next
 * passes check (src/rules/validateLeaf.ts, src/rules/validateRuleSet.ts).
 *
 * The one trick: an ordinary well-formed node is copied by a hand-written
 * check (`quickNode`) that never accepts what the zod node schema would
 * reject; only unusual or broken nodes go through zod, for its detailed
 * issues. A 10k-rule set validates without a zod parse per node.
 *
 * @module
 * @internal
 */
import type { IssuePath, PolicyEvalIssue } from "../errors.js";
import { safeParseSchema } from "../schema-issues.js";
import { issue } from "./issues.js";
import { OPERATORS } from "./operators.js";
import { CONDITION_NODE_SCHEMAS, type Condition, type FactCondition } from "./schema.js";

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

/** Whether a value is a plain record (not null, not an array). @internal */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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

/** What a tree walk found for the next passes: its leaves and its references to named conditions, each with where it is. */
export interface TreeSink {
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

/** Checks a tree's shape with an explicit stack; returns a fresh typed copy, or undefined if broken. @internal */
export function checkConditionTree(raw: unknown, path: IssuePath, issues: PolicyEvalIssue[], sink: TreeSink): Condition | undefined {
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
