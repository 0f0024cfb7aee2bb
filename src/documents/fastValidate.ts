/**
 * A conservative fast path in front of `PolicyDocumentSchema` for large
 * catalogues: it accepts only documents it can prove valid; anything else
 * (and any doubt) goes through zod, which stays the only source of issues and
 * messages. A property test keeps the two in step: whatever this accepts, zod
 * accepts with an equal output.
 *
 * @module
 * @internal
 */
import { isPartialDateText } from "../dates/partialDate.js";
import { ADMIN_LEVELS, INSTRUMENT_RANKS, RELATION_TYPES, type PolicyDocument } from "./schema.js";

const ADMIN = new Set<string>(ADMIN_LEVELS);
const RANKS = new Set<string>(INSTRUMENT_RANKS);
const RELATIONS = new Set<string>(RELATION_TYPES);
const DOC_KEYS = new Set([
  "id",
  "title",
  "number",
  "registrationNumber",
  "issuer",
  "coIssuers",
  "adminLevel",
  "instrumentRank",
  "isNormative",
  "adoptedOn",
  "publishedOn",
  "effectiveFrom",
  "validUntil",
  "validityPeriod",
  "lastEvaluatedOn",
  "relations",
  "jurisdiction",
]);
const REL_KEYS = new Set(["type", "target", "on", "partial", "provision", "note"]);
const NON_BLANK = /\S/;

function isText(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0) return false;
  const first = value.charCodeAt(0);
  // A printable ASCII first character settles it; anything else (U+3000 …) asks the regex.
  return (first > 32 && first < 127) || NON_BLANK.test(value);
}

function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

function isRelation(value: unknown): boolean {
  if (!isPlainObject(value) || !onlyKeys(value, REL_KEYS)) return false;
  const { type, target, on, partial, provision, note } = value;
  return (
    typeof type === "string" &&
    RELATIONS.has(type) &&
    isText(target) &&
    optional(on, isPartialDateText) &&
    optional(partial, (v) => typeof v === "boolean") &&
    optional(provision, (v) => typeof v === "string") &&
    optional(note, (v) => typeof v === "string")
  );
}

function isIntIn(value: unknown, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;
}

const PERIOD_KEYS = new Set(["years", "months"]);

/**
 * Whether `value` is certainly a valid PolicyDocument (then the schema's
 * output equals it, since the schema has no transforms); `false` means zod
 * must decide. No allocation: a million documents are checked in place.
 * @internal
 */
export function isCertainlyValidDocument(value: unknown): value is PolicyDocument {
  if (!isPlainObject(value) || !onlyKeys(value, DOC_KEYS)) return false;
  const v = value;
  if (!isText(v["id"]) || !isText(v["title"])) return false;
  if (typeof v["adminLevel"] !== "string" || !ADMIN.has(v["adminLevel"])) return false;
  if (typeof v["instrumentRank"] !== "string" || !RANKS.has(v["instrumentRank"])) return false;
  if (typeof v["isNormative"] !== "boolean") return false;
  if (!optional(v["number"], isText) || !optional(v["registrationNumber"], isText) || !optional(v["issuer"], isText)) return false;
  if (!optional(v["jurisdiction"], (x) => typeof x === "string")) return false;
  if (
    !optional(v["adoptedOn"], isPartialDateText) ||
    !optional(v["publishedOn"], isPartialDateText) ||
    !optional(v["effectiveFrom"], isPartialDateText) ||
    !optional(v["validUntil"], isPartialDateText) ||
    !optional(v["lastEvaluatedOn"], isPartialDateText)
  ) {
    return false;
  }
  const coIssuers = v["coIssuers"];
  if (coIssuers !== undefined && (!Array.isArray(coIssuers) || !coIssuers.every(isText))) return false;
  const period = v["validityPeriod"];
  if (
    period !== undefined &&
    (!isPlainObject(period) ||
      !onlyKeys(period, PERIOD_KEYS) ||
      !optional(period["years"], (x) => isIntIn(x, 100)) ||
      !optional(period["months"], (x) => isIntIn(x, 1200)))
  ) {
    return false;
  }
  const relations = v["relations"];
  if (relations === undefined) return true;
  if (!Array.isArray(relations)) return false;
  for (let j = 0; j < relations.length; j++) if (!isRelation(relations[j])) return false;
  return true;
}
