/**
 * Fact access: a subject's facts, checked against their declared types and
 * read into numbered slots.
 *
 * The one trick: only the facts the rules in force read are looked at, each
 * once, into arrays indexed by fact slot — the evaluation form the
 * comparisons use (an ExactDecimal, the day span of a date) beside the value
 * as given, which the trace and the reasons show (a date as written,
 * `"2017-09"`). Everything kept is immutable or copied, so a result never
 * aliases the caller's objects.
 *
 * @module
 * @internal
 */
import { PolicyEvalError, type LocalizedMessage, type PolicyEvalIssue } from "../errors.js";
import { parseDaySpan } from "../dates/daySpan.js";
import { ExactDecimal, safeToExactDecimal } from "../quantities/decimal.js";
import type { FactDeclaration, FactValue, Facts, JsonFactValue } from "./factTypes.js";
import { toJsonValue } from "./comparisons.js";
import { invalidFactIssue, invalidFactsIssue, type FactProblem } from "./issues.js";
import type { EvalValue, FactSlot } from "./program.js";

/** A fact's value as given, for display: a boolean, a string, an ExactDecimal or a frozen list. */
export type ShownValue = boolean | string | ExactDecimal | readonly string[];

/**
 * One subject's facts, by fact slot; undefined where a fact is missing (or
 * not read). Reused from run to run (see src/rules/scratch.ts): reset with
 * {@link clearSubject} before each.
 */
export interface Subject {
  /** Evaluation form (ExactDecimal, DaySpan, boolean, string, list). */
  readonly values: (EvalValue | undefined)[];
  /** The value as given. */
  readonly shown: (ShownValue | undefined)[];
  readonly explanations: (LocalizedMessage | undefined)[];
  readonly cites: (readonly string[] | undefined)[];
  /** The JSON form of `shown`, made on first need. */
  readonly json: (JsonFactValue | undefined)[];
}

/** An empty subject for `n` fact slots. @internal */
export function newSubject(n: number): Subject {
  return { values: unset(n), shown: unset(n), explanations: unset(n), cites: unset(n), json: unset(n) };
}

/**
 * An array of `n` undefined elements, packed (`new Array(n)` would make a
 * holey one, whose every read checks for holes: these arrays are read for
 * every comparison of every run).
 * @internal
 */
export function unset<T>(n: number): (T | undefined)[] {
  return Array.from({ length: n }, () => undefined);
}

/** Forgets every fact of a subject. @internal */
export function clearSubject(subject: Subject): void {
  const { values, shown, explanations, cites, json } = subject;
  for (let s = 0; s < values.length; s++) {
    values[s] = undefined;
    shown[s] = undefined;
    explanations[s] = undefined;
    cites[s] = undefined;
    json[s] = undefined;
  }
}

/** A fact's value in the trace and the reasons: decimals as strings, dates as given. @internal */
export function jsonOf(subject: Subject, s: number): JsonFactValue {
  let json = subject.json[s];
  if (json === undefined) {
    const shown = subject.shown[s] as ShownValue;
    // A list is already a frozen copy (readValue): shown as is.
    json = Array.isArray(shown) ? (shown as readonly string[]) : toJsonValue(shown);
    subject.json[s] = json;
  }
  return json;
}

/** @internal */
export function isStringList(v: unknown): v is readonly string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

/** The evaluation form of a fact value, or undefined if it does not fit the declaration. */
function readValue(decl: FactDeclaration, v: unknown): EvalValue | undefined {
  switch (decl.type) {
    case "boolean":
      return typeof v === "boolean" ? v : undefined;
    case "decimal": {
      if (v instanceof ExactDecimal) return v;
      // An ExactDecimal from another copy of the library (two bundles).
      if (typeof v === "object" && v !== null && typeof (v as ExactDecimal).coefficient === "bigint" && Number.isSafeInteger((v as ExactDecimal).scale)) {
        return new ExactDecimal((v as ExactDecimal).coefficient, (v as ExactDecimal).scale);
      }
      if (typeof v !== "string" && typeof v !== "number") return undefined;
      const d = safeToExactDecimal(v);
      return d.success ? d.data : undefined;
    }
    case "date":
      return parseDaySpan(v);
    case "string":
      return typeof v === "string" ? v : undefined;
    case "enum":
      return typeof v === "string" && (decl.values as readonly string[]).includes(v) ? v : undefined;
    case "stringList":
      return isStringList(v) ? Object.freeze([...v]) : undefined;
  }
}

function isLocalized(v: unknown): v is LocalizedMessage {
  return typeof v === "object" && v !== null && typeof (v as LocalizedMessage)["zh-CN"] === "string" && typeof (v as LocalizedMessage).en === "string";
}

const NOT_AN_OBJECT: FactProblem = { zh: "应为 { value, explanation?, cites? } 形式的对象", en: "expected an object { value, explanation?, cites? }" };
const BAD_EXPLANATION: FactProblem = { zh: "explanation 应含 zh-CN 与 en 文本", en: "explanation must have zh-CN and en texts" };
const BAD_CITES: FactProblem = { zh: "cites 应为字符串数组", en: "cites must be an array of strings" };

/** The issue of a bad fact: what was received (its `value` when it has one) and what is wrong. */
function badFact(name: string, decl: FactDeclaration, raw: unknown, problem: FactProblem | undefined): PolicyEvalIssue {
  let received: unknown = raw;
  if (typeof raw === "object" && raw !== null && "value" in raw) received = (raw as { value: unknown }).value;
  return invalidFactIssue(name, decl, typeof received === "bigint" || received instanceof ExactDecimal ? received.toString() : received, problem);
}

/** Reads one fact into slot `s`, or returns what is wrong with it (a missing fact is not wrong). */
function readFact(slot: FactSlot, raw: unknown, subject: Subject, s: number): PolicyEvalIssue | undefined {
  const { name, declaration } = slot;
  if (typeof raw !== "object" || raw === null || !("value" in raw)) return badFact(name, declaration, raw, NOT_AN_OBJECT);
  const given = (raw as FactValue).value;
  const v = readValue(declaration, given);
  if (v === undefined) return badFact(name, declaration, raw, undefined);
  const explanation = (raw as FactValue).explanation;
  if (explanation !== undefined) {
    if (!isLocalized(explanation)) return badFact(name, declaration, raw, BAD_EXPLANATION);
    subject.explanations[s] = { "zh-CN": explanation["zh-CN"], en: explanation.en };
  }
  const cites = (raw as FactValue).cites;
  if (cites !== undefined) {
    if (!isStringList(cites)) return badFact(name, declaration, raw, BAD_CITES);
    subject.cites[s] = cites.slice();
  }
  subject.values[s] = v;
  // Dates are shown as given ("2017-09"); decimals and lists in their checked form.
  subject.shown[s] = declaration.type === "decimal" || declaration.type === "stringList" ? (v as ExactDecimal | readonly string[]) : (given as boolean | string);
  return undefined;
}

/**
 * Reads the facts of `slots` listed in `used` (slot numbers, in the order
 * their problems are reported) into `subject`; throws one error listing
 * every bad one. Facts not listed are not looked at.
 * @internal
 */
export function readFacts(slots: readonly FactSlot[], used: readonly number[], facts: Facts, subject: Subject): void {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) throw new PolicyEvalError([invalidFactsIssue()]);
  let bad: PolicyEvalIssue[] | undefined;
  for (let k = 0; k < used.length; k++) {
    const s = used[k] as number;
    const slot = slots[s] as FactSlot;
    const raw: unknown = Object.prototype.hasOwnProperty.call(facts, slot.name) ? facts[slot.name] : undefined;
    if (raw === undefined) continue;
    const problem = readFact(slot, raw, subject, s);
    if (problem !== undefined) (bad ??= []).push(problem);
  }
  if (bad !== undefined) throw new PolicyEvalError(bad);
}
