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
import { isPartialDate } from "../dates/partialDate.js";
import { isNonBlankText } from "../schema-issues.js";
import type { PolicyDocument } from "./schema.js";

// The schema's enumerations, compared directly: faster than a Set lookup, and each list is short.
// (A test checks them against ADMIN_LEVELS, INSTRUMENT_RANKS and RELATION_TYPES.)
function isAdminLevel(x: unknown): boolean {
  return x === "central" || x === "province" || x === "city" || x === "county" || x === "township";
}

function isInstrumentRank(x: unknown): boolean {
  return (
    x === "normativeDocument" ||
    x === "rules" ||
    x === "law" ||
    x === "otherDocument" ||
    x === "administrativeRegulation" ||
    x === "localRegulation" ||
    x === "constitution"
  );
}

function isRelationType(x: unknown): boolean {
  return x === "implements" || x === "basedOn" || x === "amends" || x === "repeals" || x === "replaces" || x === "declaresExpired" || x === "cites";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The number of keys a for-in loop sees (own and inherited enumerable string keys). */
function keyCount(value: object): number {
  let count = 0;
  for (const _ in value) count++;
  return count;
}

// Each check below reads the known keys directly and counts those present; a document passes only if
// that count equals the number of keys it has, so no unknown key, and no known key set to undefined
// (which zod accepts, and is left to it), slips through.

function isRelation(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (!isRelationType(value["type"]) || !isNonBlankText(value["target"])) return false;
  let present = 2;
  let x = value["on"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present++;
  }
  x = value["partial"];
  if (x !== undefined) {
    if (typeof x !== "boolean") return false;
    present++;
  }
  x = value["provision"];
  if (x !== undefined) {
    if (typeof x !== "string") return false;
    present++;
  }
  x = value["note"];
  if (x !== undefined) {
    if (typeof x !== "string") return false;
    present++;
  }
  return keyCount(value) === present;
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

function isTextArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isNonBlankText(value[i])) return false;
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
 * must decide. No allocation: a million documents are checked in place. A
 * key present with the value `undefined` (which zod accepts) is left to zod.
 * @internal
 */
export function isCertainlyValidDocument(value: unknown): value is PolicyDocument {
  if (!isPlainObject(value)) return false;
  if (!isNonBlankText(value["id"]) || !isNonBlankText(value["title"]) || !isAdminLevel(value["adminLevel"]) || !isInstrumentRank(value["instrumentRank"]) || typeof value["isNormative"] !== "boolean") {
    return false;
  }
  let present = 5;
  let x = value["number"];
  if (x !== undefined) {
    if (!isNonBlankText(x)) return false;
    present++;
  }
  x = value["registrationNumber"];
  if (x !== undefined) {
    if (!isNonBlankText(x)) return false;
    present++;
  }
  x = value["issuer"];
  if (x !== undefined) {
    if (!isNonBlankText(x)) return false;
    present++;
  }
  x = value["jurisdiction"];
  if (x !== undefined) {
    if (typeof x !== "string") return false;
    present++;
  }
  x = value["adoptedOn"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present++;
  }
  x = value["publishedOn"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present++;
  }
  x = value["effectiveFrom"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present++;
  }
  x = value["validUntil"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present++;
  }
  x = value["lastEvaluatedOn"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present++;
  }
  x = value["coIssuers"];
  if (x !== undefined) {
    if (!isTextArray(x)) return false;
    present++;
  }
  x = value["validityPeriod"];
  if (x !== undefined) {
    if (!isValidityPeriod(x)) return false;
    present++;
  }
  x = value["relations"];
  if (x !== undefined) {
    if (!isRelations(x)) return false;
    present++;
  }
  return keyCount(value) === present;
}
