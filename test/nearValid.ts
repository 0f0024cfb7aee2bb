/**
 * Near-valid inputs for differential tests of a hand-written validator
 * against the zod schema it stands in for: a valid value with zero to three
 * edits anywhere in its tree — a value replaced (wrong types, blanks,
 * impossible dates, out-of-range numbers, values valid for another field,
 * BigInt, Symbol, boxed primitives, functions, dates, class instances), a
 * key removed or set to `undefined`, an extra key (`__proto__` and
 * `constructor` among them), an object turned into a class instance, a
 * null-prototype object or one with an inherited key, a non-enumerable key,
 * a sparse or array-like array, keys in another order.
 */
import { fc } from "@fast-check/vitest";

class Instance {
  readonly kind = "instance";
}

/** Values that break, or nearly fit, a field. */
const WRONG_VALUES: readonly unknown[] = [
  null,
  undefined,
  0,
  -0,
  1,
  1.5,
  -1,
  100,
  101,
  1200,
  1201,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  "",
  " ",
  "\u3000",
  "\u3000x",
  "x",
  "2017",
  "2017-09",
  "2024-02-29",
  "2021-02-29",
  "2017-13",
  "2017-9",
  "17-09",
  "2017-09-31",
  "implements",
  "cites",
  "central",
  "town",
  "normativeDocument",
  "met",
  "good",
  "legality",
  "impact",
  "实效性",
  "toString",
  "continue",
  "undetermined",
  "taskCompleted",
  true,
  false,
  [],
  [""],
  ["x"],
  {},
  { years: 1 },
  10n,
  Symbol("s"),
  Object("x"),
  Object(1),
  new Date(0),
  () => "x",
  new Instance(),
  Object.create(null) as unknown,
];

/** Keys to add: unknown ones, ones the prototype chain has, and known keys of other objects. */
const KEYS: readonly string[] = ["extra", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "0", "length", "id", "type", "target", "on", "years", "criterion", "rating", "evidence", "measures", "subject", "ground"];

const OPS = [
  "replace",
  "delete",
  "undefined",
  "extraKey",
  "classInstance",
  "nullPrototype",
  "inherited",
  "nonEnumerable",
  "sparse",
  "arrayLike",
  "reorder",
] as const;

/** A fresh copy of a value of WRONG_VALUES, so that a later edit never changes the list. */
function fresh(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Instance) return new Instance();
  if (value instanceof String || value instanceof Number) return Object(value.valueOf());
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
}

/** One edit: where (an index into the tree's nodes, taken modulo their number), what, and with which key and value. */
export interface Edit {
  readonly at: number;
  readonly op: (typeof OPS)[number];
  readonly key: string;
  readonly value: unknown;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom(...OPS),
  key: fc.constantFrom(...KEYS),
  value: fc.constantFrom(...WRONG_VALUES),
});

interface Node {
  readonly parent: Record<string | number, unknown> | undefined;
  readonly key: string | number;
  readonly value: unknown;
}

function nodesOf(root: unknown): Node[] {
  const out: Node[] = [{ parent: undefined, key: "", value: root }];
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!.value;
    // Into objects and arrays only (not the characters of a String object).
    if (typeof v !== "object" || v === null || v instanceof String || v instanceof Date) continue;
    for (const key of Object.keys(v)) out.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(key) : key, value: (v as Record<string, unknown>)[key] });
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A copy of `value`'s own enumerable properties on `proto`. */
function rebased(value: Record<string, unknown>, proto: object | null): Record<string, unknown> {
  return Object.assign(Object.create(proto) as Record<string, unknown>, value);
}

/** The node's replacement under the edit, or the node itself when edited in place. */
function edited(node: Node, e: Edit): unknown {
  const v = node.value;
  switch (e.op) {
    case "replace":
      return fresh(e.value);
    case "classInstance":
      return isObject(v) ? Object.assign(new Instance(), v) : fresh(e.value);
    case "nullPrototype":
      return isObject(v) ? rebased(v, null) : v;
    case "inherited":
      return isObject(v) ? rebased(v, { [e.key]: e.value }) : v;
    case "arrayLike":
      return Array.isArray(v) ? { ...v, length: v.length } : v;
    case "reorder":
      return isObject(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
    case "extraKey":
      if (isObject(v)) Reflect.defineProperty(v, e.key, { value: fresh(e.value), enumerable: true, writable: true, configurable: true });
      return v;
    case "nonEnumerable":
      if (isObject(v)) Reflect.defineProperty(v, e.key, { value: fresh(e.value), enumerable: false, writable: true, configurable: true });
      return v;
    case "sparse":
      if (Array.isArray(v)) {
        if (v.length > 0) delete v[v.length - 1];
        else v.length = 1;
      }
      return v;
    default:
      return v;
  }
}

/** `root` with the edit made. Through Reflect: an edit JavaScript refuses (`length` on a String object …) is skipped. */
function apply(root: unknown, e: Edit): unknown {
  const nodes = nodesOf(root);
  const node = nodes[e.at % nodes.length]!;
  const { parent, key } = node;
  if (parent !== undefined && (e.op === "delete" || e.op === "undefined")) {
    if (e.op === "undefined") Reflect.set(parent, key, undefined);
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else Reflect.deleteProperty(parent, key);
    return root;
  }
  const replacement = edited(node, e);
  if (parent === undefined) return replacement;
  Reflect.set(parent, key, replacement);
  return root;
}

/**
 * `valid` values with zero to three edits (none in about a quarter of the
 * cases). The valid values must be plain data (they are cloned before editing).
 */
export function nearValid(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const edits = fc.oneof({ weight: 1, arbitrary: fc.constant([] as Edit[]) }, { weight: 3, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) });
  return fc.tuple(valid, edits).map(([value, list]) => list.reduce<unknown>(apply, structuredClone(value)));
}

/** Whether every object in `value` (itself included) is a plain object or an array, with nothing inherited. */
export function isPlainData(value: unknown): boolean {
  for (const node of nodesOf(value)) {
    const v = node.value;
    if (typeof v !== "object" || v === null) continue;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== (Array.isArray(v) ? Array.prototype : Object.prototype)) return false;
  }
  return true;
}

/**
 * A plain copy of `value`'s own enumerable data (string keys, and the
 * elements of arrays, holes kept): what JSON, zod and the library read of it.
 * Without `withUndefined`, keys whose value is `undefined` are left out.
 */
export function ownData(value: unknown, options: { readonly withUndefined: boolean } = { withUndefined: true }): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (Object.hasOwn(value, i)) out[i] = ownData(value[i], options);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[key];
    if (x !== undefined || options.withUndefined) out[key] = ownData(x, options);
  }
  return out;
}
