/**
 * A conservative fast path in front of `EvaluationSchema`: a batch evaluates
 * 100k records, and zod spends more on each than the rules do. It accepts
 * only records it can prove valid — the usual keys, each checked as the
 * schema checks it — and builds the very output zod would: a fresh copy,
 * keys in the schema's order, criterion aliases resolved. Anything else
 * (another key, evidence, measures, a key present with `undefined`, a class
 * instance or null-prototype object, a key hidden from enumeration, any
 * doubt) is left to zod, which stays the only source of issues and messages.
 *
 * The contract, checked by a differential property test
 * (test/evaluation/fastEvaluation.differential.test.ts) on valid and
 * near-valid records: the fast path returns exactly what zod returns, or
 * defers to zod; it never accepts what zod rejects. The key lists and the
 * allowed values are read off the schemas themselves.
 *
 * @module
 * @internal
 */
import { isPartialDate } from "../dates/partialDate.js";
import { isNonBlankText, isOrdinaryObject } from "../schema-issues.js";
import { ConflictSchema, CRITERIA, EndingGroundSchema, EvaluationSchema, FindingSchema, toCriterion, type Criterion, type Evaluation } from "./schema.js";

type Finding = NonNullable<Evaluation["findings"]>[number];
type Conflict = NonNullable<Evaluation["conflicts"]>[number];
type Ending = NonNullable<Evaluation["endingGrounds"]>[number];
type Recommendation = NonNullable<Evaluation["recommendation"]>;

const RecommendationSchema = EvaluationSchema.shape.recommendation.unwrap();

/** The values the schemas allow. */
const RATINGS: ReadonlySet<unknown> = FindingSchema.shape.rating.values;
const GROUNDS: ReadonlySet<unknown> = EndingGroundSchema.shape.ground.values;
const CONCLUSIONS: ReadonlySet<unknown> = new Set(RecommendationSchema.shape.conclusion.options);

/** The keys of each schema: zod reads every one of them, enumerable or not. */
const EVALUATION_KEYS = Object.keys(EvaluationSchema.shape);
const FINDING_KEYS = Object.keys(FindingSchema.shape);
const CONFLICT_KEYS = Object.keys(ConflictSchema.shape);
const SUPERIOR_KEYS = Object.keys(ConflictSchema.shape.superior.shape);
const ENDING_KEYS = Object.keys(EndingGroundSchema.shape);
const RECOMMENDATION_KEYS = Object.keys(RecommendationSchema.shape);

/**
 * Whether `value` has no key of `keys` beyond the `enumerated` ones a
 * `for…in` loop saw and read: `in` also finds a non-enumerable property,
 * which zod reads (and may refuse) but the loop never sees.
 */
function hidesNoKey(value: object, keys: readonly string[], enumerated: number): boolean {
  let present = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i]! in value) present++;
  return present === enumerated;
}

function fastFinding(f: unknown): Finding | undefined {
  if (!isOrdinaryObject(f)) return undefined;
  let criterion: Criterion | undefined;
  let rating: unknown;
  let enumerated = 0;
  for (const key in f) {
    enumerated++;
    if (key === "criterion") {
      const name = f[key];
      // Read as the schema reads it (ours or an alias).
      criterion = typeof name === "string" ? toCriterion(name) : undefined;
    } else if (key === "rating") rating = f[key];
    else return undefined; // evidence, or an unknown key: zod decides
  }
  if (criterion === undefined || !RATINGS.has(rating) || !hidesNoKey(f, FINDING_KEYS, enumerated)) return undefined;
  return { criterion, rating: rating as Finding["rating"] };
}

function fastFindings(value: unknown): Finding[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // Sized once: an array grown by push from empty reserves room for 17.
  const out = new Array<Finding>(value.length);
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const finding = fastFinding(value[i]);
    if (finding === undefined) return undefined;
    // A second finding on one criterion is an issue zod reports.
    const bit = 1 << CRITERIA.indexOf(finding.criterion);
    if ((seen & bit) !== 0) return undefined;
    seen |= bit;
    out[i] = finding;
  }
  return out;
}

function fastSuperior(x: Record<string, unknown>): Conflict["superior"] | undefined {
  let document: string | undefined;
  let article: string | undefined;
  let enumerated = 0;
  for (const k in x) {
    enumerated++;
    const y = x[k];
    if (k === "document" && isNonBlankText(y)) document = y;
    else if (k === "article" && isNonBlankText(y)) article = y;
    else return undefined;
  }
  if (document === undefined || !hidesNoKey(x, SUPERIOR_KEYS, enumerated)) return undefined;
  return article === undefined ? { document } : { document, article };
}

function fastConflict(c: unknown): Conflict | undefined {
  if (!isOrdinaryObject(c)) return undefined;
  let provision: string | undefined;
  let superior: Conflict["superior"] | undefined;
  let description: string | undefined;
  let enumerated = 0;
  for (const key in c) {
    enumerated++;
    const x = c[key];
    if (key === "provision" && isNonBlankText(x)) provision = x;
    else if (key === "description" && isNonBlankText(x)) description = x;
    else if (key === "superior" && isOrdinaryObject(x)) {
      superior = fastSuperior(x);
      if (superior === undefined) return undefined;
    } else return undefined;
  }
  if (superior === undefined || description === undefined || !hidesNoKey(c, CONFLICT_KEYS, enumerated)) return undefined;
  return provision === undefined ? { superior, description } : { provision, superior, description };
}

function fastEnding(g: unknown): Ending | undefined {
  if (!isOrdinaryObject(g)) return undefined;
  let ground: unknown;
  let enumerated = 0;
  for (const key in g) {
    enumerated++;
    if (key !== "ground") return undefined; // evidence, or an unknown key: zod decides
    ground = g[key];
  }
  if (!GROUNDS.has(ground) || !hidesNoKey(g, ENDING_KEYS, enumerated)) return undefined;
  return { ground: ground as Ending["ground"] };
}

/** `value` as an array of what `read` makes of each element, or undefined when it fails on one (a hole included). */
function fastArray<T>(value: unknown, read: (element: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const element = read(value[i]);
    if (element === undefined) return undefined;
    out[i] = element;
  }
  return out;
}

function fastRecommendation(value: unknown): Recommendation | undefined {
  if (!isOrdinaryObject(value)) return undefined;
  let conclusion: unknown;
  let quote: string | undefined;
  let enumerated = 0;
  for (const key in value) {
    enumerated++;
    const x = value[key];
    if (key === "conclusion") conclusion = x;
    else if (key === "quote" && isNonBlankText(x)) quote = x;
    else return undefined;
  }
  if (!CONCLUSIONS.has(conclusion) || !hidesNoKey(value, RECOMMENDATION_KEYS, enumerated)) return undefined;
  const c = conclusion as Recommendation["conclusion"];
  return quote === undefined ? { conclusion: c } : { conclusion: c, quote };
}

/** The record's parts, as read by {@link fastEvaluation}. */
interface Parts {
  subject?: string | undefined;
  evaluatedOn?: Evaluation["evaluatedOn"] | undefined;
  evaluatingBody?: string | undefined;
  evaluatingBodyAsWritten?: string | undefined;
  findings?: Finding[] | undefined;
  conflicts?: Conflict[] | undefined;
  endingGrounds?: Ending[] | undefined;
  recommendation?: Recommendation | undefined;
}

/** Reads one key of a record into `parts`; false when the fast path cannot take it. */
function readPart(parts: Parts, key: string, x: unknown): boolean {
  switch (key) {
    case "subject":
      if (isNonBlankText(x)) parts.subject = x;
      return parts.subject !== undefined;
    case "evaluatedOn":
      if (isPartialDate(x)) parts.evaluatedOn = x;
      return parts.evaluatedOn !== undefined;
    case "evaluatingBody":
      if (isNonBlankText(x)) parts.evaluatingBody = x;
      return parts.evaluatingBody !== undefined;
    case "evaluatingBodyAsWritten":
      if (isNonBlankText(x)) parts.evaluatingBodyAsWritten = x;
      return parts.evaluatingBodyAsWritten !== undefined;
    case "findings":
      parts.findings = fastFindings(x);
      return parts.findings !== undefined;
    case "conflicts":
      parts.conflicts = fastArray(x, fastConflict);
      return parts.conflicts !== undefined;
    case "endingGrounds":
      parts.endingGrounds = fastArray(x, fastEnding);
      return parts.endingGrounds !== undefined;
    case "recommendation":
      parts.recommendation = fastRecommendation(x);
      return parts.recommendation !== undefined;
    default:
      return false; // measures, the process, an unknown key …: zod decides
  }
}

/**
 * The output `EvaluationSchema` would give for `value` when the fast path
 * can prove it valid; `undefined` means zod must decide.
 * @internal
 */
export function fastEvaluation(value: unknown): Evaluation | undefined {
  if (!isOrdinaryObject(value)) return undefined;
  const parts: Parts = {};
  let enumerated = 0;
  // One pass over the keys present; a key the fast path does not read ends it.
  for (const key in value) {
    enumerated++;
    if (!readPart(parts, key, value[key])) return undefined;
  }
  const { subject, evaluatedOn } = parts;
  if (subject === undefined || evaluatedOn === undefined || !hidesNoKey(value, EVALUATION_KEYS, enumerated)) return undefined;
  // The schema's key order, as zod builds its output.
  const out: { -readonly [K in keyof Evaluation]: Evaluation[K] } = { subject, evaluatedOn };
  if (parts.evaluatingBody !== undefined) out.evaluatingBody = parts.evaluatingBody;
  if (parts.evaluatingBodyAsWritten !== undefined) out.evaluatingBodyAsWritten = parts.evaluatingBodyAsWritten;
  if (parts.findings !== undefined) out.findings = parts.findings;
  if (parts.conflicts !== undefined) out.conflicts = parts.conflicts;
  if (parts.endingGrounds !== undefined) out.endingGrounds = parts.endingGrounds;
  if (parts.recommendation !== undefined) out.recommendation = parts.recommendation;
  return out;
}
