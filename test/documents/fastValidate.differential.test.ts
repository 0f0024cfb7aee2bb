import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { isCertainlyValidDocument } from "../../src/documents/fastValidate.js";
import { ADMIN_LEVELS, INSTRUMENT_RANKS, PolicyDocumentSchema, RELATION_TYPES } from "../../src/documents/schema.js";
import { qingyuanDocuments } from "../../src/examples/index.js";
import { isPlainData, nearValid, ownData } from "../nearValid.js";

// Valid values, edges included: blanks inside text, leap days, the ends of the validity ranges,
// empty strings where the schema takes any string, empty arrays.
const text = fc.constantFrom("d1", "qfb-2017-59", "\u3000清远", " x ", "国办发〔2016〕13号", "清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知");
const anyString = fc.constantFrom("", " ", "第三条", "guangdong");
const date = fc.constantFrom("2017", "2017-09", "2017-09-30", "2016-02-29", "2024-02", "1949-10-01", "2100-12-31");
const relation = fc.record(
  { type: fc.constantFrom(...RELATION_TYPES), target: text, on: date, partial: fc.boolean(), provision: anyString, note: anyString },
  { requiredKeys: ["type", "target"], noNullPrototype: true },
);
const validDocument = fc.record(
  {
    id: text,
    title: text,
    number: fc.constantFrom("清府办〔2017〕59号", "国办发[2016]13号", "粤府令第277号", "x"),
    registrationNumber: fc.constantFrom("HFGS-2022-7", "登记号"),
    issuer: text,
    coIssuers: fc.array(text, { maxLength: 2 }),
    adminLevel: fc.constantFrom(...ADMIN_LEVELS),
    instrumentRank: fc.constantFrom(...INSTRUMENT_RANKS),
    isNormative: fc.boolean(),
    adoptedOn: date,
    publishedOn: date,
    effectiveFrom: date,
    validUntil: date,
    validityPeriod: fc.record({ years: fc.constantFrom(0, 5, 100), months: fc.constantFrom(0, 6, 1200) }, { requiredKeys: [], noNullPrototype: true }),
    lastEvaluatedOn: date,
    relations: fc.array(relation, { maxLength: 3 }),
    jurisdiction: anyString,
  },
  { requiredKeys: ["id", "title", "adminLevel", "instrumentRank", "isNormative"], noNullPrototype: true },
);

const seen = { accepted: 0, deferred: 0, rejected: 0 };

describe("the corpus's fast document check, against PolicyDocumentSchema", () => {
  // isCertainlyValidDocument keeps an accepted document as given: zod's output must then equal it —
  // the same own enumerable data, ordinary objects and arrays throughout. Key order is the input's
  // (the corpus keeps documents as given, and nothing it computes depends on key order), and
  // non-enumerable or symbol-keyed properties, which JSON, zod and the library never read, stay on it.
  // Keys whose value is undefined are not compared: a key of the schema defined non-enumerable with
  // the value undefined stays hidden on the fast path, and is listed (undefined) by zod — on purpose,
  // see fastValidate.ts. An enumerable key set to undefined the fast path leaves to zod.
  test.prop([nearValid(validDocument)], { numRuns: 10_000 })("accepts only what zod accepts, as zod outputs it; defers everything else", (value) => {
    const accepted = isCertainlyValidDocument(value);
    const parsed = PolicyDocumentSchema.safeParse(value);
    if (!parsed.success) expect(accepted).toBe(false);
    if (!accepted) {
      seen[parsed.success ? "deferred" : "rejected"]++;
      return;
    }
    seen.accepted++;
    expect(parsed.success).toBe(true);
    expect(ownData(value, { withUndefined: false })).toStrictEqual(ownData(parsed.data, { withUndefined: false }));
    // … and an accepted document has no enumerable key set to undefined, at any depth.
    expect(ownData(value)).toStrictEqual(ownData(value, { withUndefined: false }));
    expect(isPlainData(value)).toBe(true);
  }, 120_000);

  afterAll(() => {
    // The run means something only if all three outcomes were common.
    expect(seen.accepted).toBeGreaterThan(1000);
    expect(seen.deferred).toBeGreaterThan(200);
    expect(seen.rejected).toBeGreaterThan(1000);
  });

  test.prop([validDocument], { numRuns: 500 })("takes every valid plain document without asking zod", (value) => {
    expect(isCertainlyValidDocument(value)).toBe(true);
  });

  test("leaves to zod what the differential test found slipping through: hidden keys, undefined keys, null prototypes", () => {
    const [first] = qingyuanDocuments;
    const hidden = <T extends object>(o: T, key: string, value: unknown): T => Object.defineProperty(o, key, { value, enumerable: false });
    // zod refuses these (a key it reads but for…in does not see; an unknown key) …
    const refused = [{ ...first, validityPeriod: hidden({ months: 1 }, "years", 101) }, hidden({ ...first, extra: 1 }, "registrationNumber", "HFGS-2022-7")];
    // … and outputs these differently (a null prototype; a key set to undefined, kept by zod; a hidden key made visible).
    const reshaped = [Object.assign(Object.create(null) as object, first), hidden({ ...first, registrationNumber: undefined }, "jurisdiction", "guangdong")];
    for (const value of refused) expect([PolicyDocumentSchema.safeParse(value).success, isCertainlyValidDocument(value)]).toEqual([false, false]);
    for (const value of reshaped) expect([PolicyDocumentSchema.safeParse(value).success, isCertainlyValidDocument(value)]).toEqual([true, false]);
  });

  test("takes the reference case's documents, and leaves unusual objects to zod", () => {
    for (const d of qingyuanDocuments) expect(isCertainlyValidDocument(d), d.id).toBe(true);
    const [first] = qingyuanDocuments;
    expect(isCertainlyValidDocument(Object.assign(Object.create(null) as object, first))).toBe(false);
    expect(isCertainlyValidDocument({ ...first, relations: [Object.assign(Object.create(null) as object, { type: "implements", target: "x" })] })).toBe(false);
    expect(isCertainlyValidDocument({ ...first, validityPeriod: Object.assign(Object.create(null) as object, { years: 5 }) })).toBe(false);
    expect(isCertainlyValidDocument({ ...first, issuer: undefined })).toBe(false);
    expect(PolicyDocumentSchema.safeParse({ ...first, issuer: undefined }).success).toBe(true);
  });
});
