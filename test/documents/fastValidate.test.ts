import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isCertainlyValidDocument } from "../../src/documents/fastValidate.js";
import { PolicyDocumentSchema } from "../../src/documents/schema.js";
import { qingyuanDocuments } from "../../src/examples/index.js";

const text = fc.oneof(fc.constantFrom("", " ", "\u3000", "国办发〔2016〕13号", "d1", " x", "清远市"), fc.string({ maxLength: 6 }));
const dateLike = fc.oneof(
  fc.constantFrom("2017", "2017-09", "2017-09-15", "2021-02-29", "2024-02-29", "2017-13", "17-09", "2017-9-1", ""),
  fc.string({ maxLength: 10 }),
);
const anything = fc.oneof(text, dateLike, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant([]), fc.constant({}));
const relation = fc.record(
  {
    type: fc.oneof(fc.constantFrom("implements", "basedOn", "amends", "repeals", "cites", "replaces", "declaresExpired"), anything),
    target: fc.oneof(text, anything),
    on: fc.oneof(dateLike, anything),
    partial: fc.oneof(fc.boolean(), anything),
    note: fc.oneof(text, anything),
    extra: anything,
  },
  { requiredKeys: [] },
);
const documentLike = fc.record(
  {
    id: fc.oneof(text, anything),
    title: fc.oneof(text, anything),
    number: fc.oneof(text, anything),
    issuer: fc.oneof(text, anything),
    coIssuers: fc.oneof(fc.array(text, { maxLength: 2 }), anything),
    adminLevel: fc.oneof(fc.constantFrom("central", "province", "city", "county", "township", "town"), anything),
    instrumentRank: fc.oneof(fc.constantFrom("law", "rules", "normativeDocument", "otherDocument", "decree"), anything),
    isNormative: fc.oneof(fc.boolean(), anything),
    adoptedOn: dateLike,
    validUntil: dateLike,
    validityPeriod: fc.oneof(fc.record({ years: fc.oneof(fc.integer({ min: -1, max: 101 }), anything), months: fc.integer({ min: -1, max: 1300 }) }, { requiredKeys: [] }), anything),
    relations: fc.oneof(fc.array(relation, { maxLength: 3 }), anything),
    unexpected: anything,
  },
  { requiredKeys: [] },
);

describe("the corpus's fast validation path", () => {
  test.prop([documentLike], { numRuns: 2000 })("accepts only what the schema accepts, and the schema's output equals the input", (value) => {
    if (!isCertainlyValidDocument(value)) return;
    const parsed = PolicyDocumentSchema.safeParse(value);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data).toEqual(value);
  });

  const validDocument = fc.record(
    {
      id: fc.constantFrom("a", "qfb-2017-59", "文件1"),
      title: fc.constantFrom("实施方案", "x"),
      number: fc.constantFrom("国办发〔2016〕13号", "粤府令第277号"),
      adminLevel: fc.constantFrom("central", "province", "city", "county", "township"),
      instrumentRank: fc.constantFrom("law", "rules", "normativeDocument"),
      isNormative: fc.boolean(),
      adoptedOn: fc.constantFrom("2017", "2017-09", "2024-02-29"),
      validityPeriod: fc.record({ years: fc.integer({ min: 0, max: 100 }) }, { noNullPrototype: true }),
      coIssuers: fc.array(fc.constantFrom("广东省公安厅"), { maxLength: 2 }),
      relations: fc.array(fc.record({ type: fc.constantFrom("implements", "repeals"), target: fc.constantFrom("b", "c"), on: fc.constantFrom("2020", "2020-01-31") }, { requiredKeys: ["type", "target"], noNullPrototype: true }), { maxLength: 3 }),
    },
    { requiredKeys: ["id", "title", "adminLevel", "instrumentRank", "isNormative"], noNullPrototype: true },
  );

  test.prop([validDocument], { numRuns: 300 })("accepts valid documents without asking zod", (value) => {
    expect(isCertainlyValidDocument(value)).toBe(true);
    expect(PolicyDocumentSchema.safeParse(value).success).toBe(true);
  });

  it("takes the fast path for ordinary documents such as the reference case's", () => {
    for (const d of qingyuanDocuments) expect(isCertainlyValidDocument(d), d.id).toBe(true);
    expect(isCertainlyValidDocument({ ...qingyuanDocuments[0], title: "\u3000" })).toBe(false);
    expect(isCertainlyValidDocument(Object.assign(Object.create({ inherited: 1 }), qingyuanDocuments[0]))).toBe(false);
  });
});
