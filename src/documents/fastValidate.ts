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
const NON_BLANK = /\S/;

function isText(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0) return false;
  const first = value.charCodeAt(0);
  // A printable ASCII first character settles it; anything else (U+3000 …) asks the regex.
  return (first > 32 && first < 127) || NON_BLANK.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isRelation(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let hasType = false;
  let hasTarget = false;
  // One pass over the keys present: each is checked, and an unknown key ends the fast path.
  for (const key in value) {
    const x = value[key];
    switch (key) {
      case "type":
        if (typeof x !== "string" || !RELATIONS.has(x)) return false;
        hasType = true;
        break;
      case "target":
        if (!isText(x)) return false;
        hasTarget = true;
        break;
      case "on":
        if (!isPartialDateText(x)) return false;
        break;
      case "partial":
        if (typeof x !== "boolean") return false;
        break;
      case "provision":
      case "note":
        if (typeof x !== "string") return false;
        break;
      default:
        return false;
    }
  }
  return hasType && hasTarget;
}

function isIntIn(value: unknown, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;
}

function isValidityPeriod(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const x = value[key];
    if ((key !== "years" || !isIntIn(x, 100)) && (key !== "months" || !isIntIn(x, 1200))) return false;
  }
  return true;
}

function isRelations(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let j = 0; j < value.length; j++) if (!isRelation(value[j])) return false;
  return true;
}

/**
 * Whether `value` is certainly a valid PolicyDocument (then the schema's
 * output equals it, since the schema has no transforms); `false` means zod
 * must decide. One pass over the keys present, no allocation: a million
 * documents are checked in place. A key present with the value `undefined`
 * (which zod accepts) is left to zod.
 * @internal
 */
export function isCertainlyValidDocument(value: unknown): value is PolicyDocument {
  if (!isPlainObject(value)) return false;
  let required = 0;
  for (const key in value) {
    const x = value[key];
    switch (key) {
      case "id":
      case "title":
        if (!isText(x)) return false;
        required++;
        break;
      case "adminLevel":
        if (typeof x !== "string" || !ADMIN.has(x)) return false;
        required++;
        break;
      case "instrumentRank":
        if (typeof x !== "string" || !RANKS.has(x)) return false;
        required++;
        break;
      case "isNormative":
        if (typeof x !== "boolean") return false;
        required++;
        break;
      case "number":
      case "registrationNumber":
      case "issuer":
        if (!isText(x)) return false;
        break;
      case "jurisdiction":
        if (typeof x !== "string") return false;
        break;
      case "adoptedOn":
      case "publishedOn":
      case "effectiveFrom":
      case "validUntil":
      case "lastEvaluatedOn":
        if (!isPartialDateText(x)) return false;
        break;
      case "coIssuers":
        if (!Array.isArray(x) || !x.every(isText)) return false;
        break;
      case "validityPeriod":
        if (!isValidityPeriod(x)) return false;
        break;
      case "relations":
        if (!isRelations(x)) return false;
        break;
      default:
        return false;
    }
  }
  return required === 5;
}
