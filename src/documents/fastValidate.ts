/**
 * A conservative fast path in front of `PolicyDocumentSchema` for large
 * catalogues: it accepts only documents it can prove valid, and the corpus
 * then keeps them as given; anything else (and any doubt) goes through zod,
 * which stays the only source of issues and messages.
 *
 * The contract, checked by a differential property test
 * (test/documents/fastValidate.differential.test.ts) on valid and near-valid
 * inputs: whatever this accepts, zod accepts, and zod's output has the same
 * own data (keys and values) as the input, every object in it an ordinary
 * object. How it keeps that contract:
 * - each key of the schema is read as zod reads it (`value[key]`, which also
 *   sees non-enumerable and inherited properties), and its value checked as
 *   the schema checks it;
 * - the keys a `for…in` loop sees (as zod's unknown-key check does) must be
 *   exactly the keys that had a value: no unknown key, no key set to
 *   `undefined` (zod accepts one, and keeps it in its output: such a document
 *   is left to zod), no key of the schema hidden from enumeration.
 * Key order stays the input's, and what JSON, zod and the library never read
 * stays on the document: non-enumerable or symbol-keyed properties other
 * than the schema's, named properties of arrays. One difference is left on
 * purpose: a key of the schema defined non-enumerable with the value
 * `undefined` is kept hidden, where zod's output lists it with `undefined`.
 * Closing it would take an `in` test per absent key, a third more time on a
 * catalogue of varied documents, for a value that reads the same either way.
 *
 * @module
 * @internal
 */
import { isPartialDate } from "../dates/partialDate.js";
import { isNonBlankText, isOrdinaryObject } from "../schema-issues.js";
import type { PolicyDocument } from "./schema.js";

// The schema's enumerations, compared directly: faster than a Set lookup, and each list is short.
// (The differential test generates every value of ADMIN_LEVELS, INSTRUMENT_RANKS and RELATION_TYPES.)
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

// One bit per key of the three schemas: PolicyDocumentSchema, DocumentRelationSchema, ValidityPeriodSchema.
const ID = 1 << 0;
const TITLE = 1 << 1;
const NUMBER = 1 << 2;
const REGISTRATION_NUMBER = 1 << 3;
const ISSUER = 1 << 4;
const CO_ISSUERS = 1 << 5;
const ADMIN_LEVEL = 1 << 6;
const INSTRUMENT_RANK = 1 << 7;
const IS_NORMATIVE = 1 << 8;
const ADOPTED_ON = 1 << 9;
const PUBLISHED_ON = 1 << 10;
const EFFECTIVE_FROM = 1 << 11;
const VALID_UNTIL = 1 << 12;
const VALIDITY_PERIOD = 1 << 13;
const LAST_EVALUATED_ON = 1 << 14;
const RELATIONS = 1 << 15;
const JURISDICTION = 1 << 16;
const TYPE = 1 << 17;
const TARGET = 1 << 18;
const ON = 1 << 19;
const PARTIAL = 1 << 20;
const PROVISION = 1 << 21;
const NOTE = 1 << 22;
const YEARS = 1 << 23;
const MONTHS = 1 << 24;

/** The bit of a key of the schemas, 0 for any other key. The usual keys first: a switch compares in order. */
function keyBit(key: string): number {
  switch (key) {
    case "id":
      return ID;
    case "title":
      return TITLE;
    case "type":
      return TYPE;
    case "target":
      return TARGET;
    case "on":
      return ON;
    case "partial":
      return PARTIAL;
    case "provision":
      return PROVISION;
    case "note":
      return NOTE;
    case "years":
      return YEARS;
    case "months":
      return MONTHS;
    case "number":
      return NUMBER;
    case "issuer":
      return ISSUER;
    case "adminLevel":
      return ADMIN_LEVEL;
    case "instrumentRank":
      return INSTRUMENT_RANK;
    case "isNormative":
      return IS_NORMATIVE;
    case "adoptedOn":
      return ADOPTED_ON;
    case "relations":
      return RELATIONS;
    case "validUntil":
      return VALID_UNTIL;
    case "publishedOn":
      return PUBLISHED_ON;
    case "effectiveFrom":
      return EFFECTIVE_FROM;
    case "validityPeriod":
      return VALIDITY_PERIOD;
    case "lastEvaluatedOn":
      return LAST_EVALUATED_ON;
    case "coIssuers":
      return CO_ISSUERS;
    case "registrationNumber":
      return REGISTRATION_NUMBER;
    case "jurisdiction":
      return JURISDICTION;
    default:
      return 0;
  }
}

/** Whether the keys a `for…in` loop sees in `value` (as zod's unknown-key check does) are exactly those of `present`. */
function enumeratesExactly(value: object, present: number): boolean {
  let seen = 0;
  for (const key in value) {
    const bit = keyBit(key);
    if ((present & bit) === 0) return false;
    seen |= bit;
  }
  return seen === present;
}

// The checks below read each key of a schema as zod does and check its value as the schema does. The
// reads are written out, key by key: a helper taking the key as an argument costs a third more.

function isRelation(value: unknown): boolean {
  if (!isOrdinaryObject(value) || !isRelationType(value["type"]) || !isNonBlankText(value["target"])) return false;
  let present = TYPE | TARGET;
  let x = value["on"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return false;
    present |= ON;
  }
  x = value["partial"];
  if (x !== undefined) {
    if (typeof x !== "boolean") return false;
    present |= PARTIAL;
  }
  x = value["provision"];
  if (x !== undefined) {
    if (typeof x !== "string") return false;
    present |= PROVISION;
  }
  x = value["note"];
  if (x !== undefined) {
    if (typeof x !== "string") return false;
    present |= NOTE;
  }
  return enumeratesExactly(value, present);
}

function isIntIn(value: unknown, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;
}

function isValidityPeriod(value: unknown): boolean {
  if (!isOrdinaryObject(value)) return false;
  let present = 0;
  let x = value["years"];
  if (x !== undefined) {
    if (!isIntIn(x, 100)) return false;
    present |= YEARS;
  }
  x = value["months"];
  if (x !== undefined) {
    if (!isIntIn(x, 1200)) return false;
    present |= MONTHS;
  }
  return enumeratesExactly(value, present);
}

// Arrays with an element at every index (a hole reads as undefined, which fails), each checked. One
// function per element check: a shared one taking the check as an argument costs a quarter more.

function isTextArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isNonBlankText(value[i])) return false;
  return true;
}

function isRelations(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isRelation(value[i])) return false;
  return true;
}

/** The bits of the optional keys of a document that hold a valid value; -1 when one holds anything else. */
function optionalKeys(value: Record<string, unknown>): number {
  let present = 0;
  let x = value["number"];
  if (x !== undefined) {
    if (!isNonBlankText(x)) return -1;
    present |= NUMBER;
  }
  x = value["registrationNumber"];
  if (x !== undefined) {
    if (!isNonBlankText(x)) return -1;
    present |= REGISTRATION_NUMBER;
  }
  x = value["issuer"];
  if (x !== undefined) {
    if (!isNonBlankText(x)) return -1;
    present |= ISSUER;
  }
  x = value["jurisdiction"];
  if (x !== undefined) {
    if (typeof x !== "string") return -1;
    present |= JURISDICTION;
  }
  x = value["adoptedOn"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return -1;
    present |= ADOPTED_ON;
  }
  x = value["publishedOn"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return -1;
    present |= PUBLISHED_ON;
  }
  x = value["effectiveFrom"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return -1;
    present |= EFFECTIVE_FROM;
  }
  x = value["validUntil"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return -1;
    present |= VALID_UNTIL;
  }
  x = value["lastEvaluatedOn"];
  if (x !== undefined) {
    if (!isPartialDate(x)) return -1;
    present |= LAST_EVALUATED_ON;
  }
  x = value["coIssuers"];
  if (x !== undefined) {
    if (!isTextArray(x)) return -1;
    present |= CO_ISSUERS;
  }
  x = value["validityPeriod"];
  if (x !== undefined) {
    if (!isValidityPeriod(x)) return -1;
    present |= VALIDITY_PERIOD;
  }
  x = value["relations"];
  if (x !== undefined) {
    if (!isRelations(x)) return -1;
    present |= RELATIONS;
  }
  return present;
}

/**
 * Whether `value` is certainly a valid PolicyDocument whose schema output
 * has the same data (the schema has no transforms); `false` means zod must
 * decide. No allocation: a million documents are checked in place.
 * @internal
 */
export function isCertainlyValidDocument(value: unknown): value is PolicyDocument {
  if (!isOrdinaryObject(value)) return false;
  if (!isNonBlankText(value["id"]) || !isNonBlankText(value["title"]) || !isAdminLevel(value["adminLevel"]) || !isInstrumentRank(value["instrumentRank"]) || typeof value["isNormative"] !== "boolean") {
    return false;
  }
  const optional = optionalKeys(value);
  return optional !== -1 && enumeratesExactly(value, ID | TITLE | ADMIN_LEVEL | INSTRUMENT_RANK | IS_NORMATIVE | optional);
}
