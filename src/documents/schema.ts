/**
 * The policy document model: what a document is, where it sits in the
 * hierarchy, its dates, and its relations to other documents. Status is never
 * stored: the corpus computes it for a date.
 *
 * @module
 */
import * as z from "zod";
import { isPartialDate, type PartialDate } from "../dates/partialDate.js";
import { bilingualIssue, NonBlankStringSchema } from "../schema-issues.js";

/** 行政层级 — the administrative level of the issuing body, highest first. */
export const ADMIN_LEVELS = ["central", "province", "city", "county", "township"] as const;

/** 行政层级 — `central` (中央/国务院及其部门) … `township` (乡镇). */
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

/**
 * 效力位阶 — the legal rank of an instrument, highest first (立法法 2015
 * arts. 87–89: 宪法 > 法律 > 行政法规 > 地方性法规, 规章; normative documents
 * (规范性文件) rank below 规章; `otherDocument` covers 工作文件 such as a
 * 工作方案 that is not a 规范性文件).
 */
export const INSTRUMENT_RANKS = [
  "constitution",
  "law",
  "administrativeRegulation",
  "localRegulation",
  "rules",
  "normativeDocument",
  "otherDocument",
] as const;

/** 效力位阶 — one of {@link INSTRUMENT_RANKS}. */
export type InstrumentRank = (typeof INSTRUMENT_RANKS)[number];

/**
 * 文件关系 — how a document acts on another (the relation is stored on the
 * acting document, pointing at its target):
 * `implements` 贯彻落实 (ELI ensures_implementation_of), `basedOn` 根据
 * (ELI based_on), `amends` 修改, `repeals` 废止, `replaces` 替代,
 * `declaresExpired` 宣布失效, `cites` 引用.
 */
export const RELATION_TYPES = ["implements", "basedOn", "amends", "repeals", "replaces", "declaresExpired", "cites"] as const;

/** 文件关系类型 — one of {@link RELATION_TYPES}. */
export type RelationType = (typeof RELATION_TYPES)[number];

/** The relations that make a target a parent (上位文件) of the acting document. */
export const HIERARCHY_RELATIONS: readonly RelationType[] = Object.freeze(["implements", "basedOn"]);

/** The relations that change the target's status or version. */
export const LIFECYCLE_RELATIONS: readonly RelationType[] = Object.freeze(["amends", "repeals", "replaces", "declaresExpired"]);

/**
 * A zod schema for a {@link PartialDate}, with a bilingual `invalid-date` issue.
 *
 * @example
 * ```ts
 * import { PartialDateSchema } from "policy-eval";
 * PartialDateSchema.safeParse("2017-09").success; //=> true
 * PartialDateSchema.safeParse("2021-02-29").success; //=> false
 * ```
 */
export const PartialDateSchema = z.custom<PartialDate>(isPartialDate, {
  params: bilingualIssue(
    "invalid-date",
    "日期无效（应为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的真实日期）",
    "Invalid date (expected a real date YYYY, YYYY-MM or YYYY-MM-DD)",
  ),
});

// Not `.trim()`: a transform would make the output differ from the input, and the corpus's fast path
// (fastValidate.ts) keeps documents as given.
const nonEmpty = NonBlankStringSchema;

/**
 * 文件关系 — one relation from the document that holds it to `target`
 * (a document id in the same catalogue).
 *
 * @example
 * ```ts
 * import { DocumentRelationSchema } from "policy-eval";
 * DocumentRelationSchema.parse({ type: "repeals", target: "old", on: "2022-03-01" }).on; //=> "2022-03-01"
 * DocumentRelationSchema.safeParse({ type: "abolishes", target: "old" }).success; //=> false
 * ```
 */
export const DocumentRelationSchema = z
  .object({
    /** The kind of relation. */
    type: z.literal(RELATION_TYPES),
    /** Id of the target document. */
    target: nonEmpty,
    /** When the relation takes effect (a repeal's date, an amendment's date). Defaults to the acting document's start. */
    on: PartialDateSchema.optional(),
    /** For `repeals` and `amends`: only some provisions (部分废止 makes the target partially in force). */
    partial: z.boolean().optional(),
    /** Which provision of the target, or of the acting document, the relation concerns. */
    provision: z.string().optional(),
    /** A free note. */
    note: z.string().optional(),
  })
  .strict();

/** 文件关系 — see {@link DocumentRelationSchema}. */
export type DocumentRelation = z.infer<typeof DocumentRelationSchema>;

// z.literal over a tuple rather than z.enum: the same validation and JSON Schema, and a
// plain union type that the API docs can show without undocumented enum members.

/**
 * 有效期 — a validity period stated as a length ("有效期5年"), counted from
 * the day the document takes effect.
 *
 * @example
 * ```ts
 * import { ValidityPeriodSchema } from "policy-eval";
 * ValidityPeriodSchema.parse({ years: 5 }); //=> { years: 5 }
 * ValidityPeriodSchema.safeParse({ years: 2.5 }).success; //=> false
 * ```
 */
export const ValidityPeriodSchema = z
  .object({
    /** Whole years. */
    years: z.number().int().min(0).max(100).optional(),
    /** Whole months. */
    months: z.number().int().min(0).max(1200).optional(),
  })
  .strict();

/** 有效期 — see {@link ValidityPeriodSchema}. */
export type ValidityPeriod = z.infer<typeof ValidityPeriodSchema>;

/**
 * 政策文件 / 规范性文件 — one document of a catalogue.
 *
 * Dates may be partial (`'2017-09'`); unknown dates are left out, never
 * invented. `isNormative` is explicit: a 工作方案 may not be a 规范性文件
 * (粤府令第277号 art. 3).
 *
 * @example
 * ```ts
 * import { PolicyDocumentSchema } from "policy-eval";
 * const doc = PolicyDocumentSchema.parse({
 *   id: "qingyuan-2017-59",
 *   title: "清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知",
 *   number: "清府办〔2017〕59号",
 *   issuer: "清远市人民政府办公室",
 *   adminLevel: "city",
 *   instrumentRank: "normativeDocument",
 *   isNormative: true,
 *   adoptedOn: "2017-09",
 *   relations: [{ type: "implements", target: "guangdong-2016-66" }],
 * });
 * doc.adoptedOn; //=> "2017-09"
 * ```
 */
export const PolicyDocumentSchema = z
  .object({
    /** Unique id in the catalogue (any stable string; a canonical number works). */
    id: nonEmpty,
    /** 标题 — the full title. */
    title: nonEmpty,
    /** 发文字号 as written (read leniently, kept canonical). */
    number: nonEmpty.optional(),
    /** 统一编号 / 登记号 — a registration number such as HFGS-2022-7 (never a 发文字号). */
    registrationNumber: nonEmpty.optional(),
    /** 发文机关 — the (lead) issuing body; omitted when a source does not name it. */
    issuer: nonEmpty.optional(),
    /** 联合发文机关 — other issuers of a joint document. */
    coIssuers: z.array(nonEmpty).optional(),
    /** 行政层级 */
    adminLevel: z.literal(ADMIN_LEVELS),
    /** 效力位阶 */
    instrumentRank: z.literal(INSTRUMENT_RANKS),
    /** 是否规范性文件 — only normative documents fall under the evaluation duty. */
    isNormative: z.boolean(),
    /** 成文日期 */
    adoptedOn: PartialDateSchema.optional(),
    /** 发布日期 */
    publishedOn: PartialDateSchema.optional(),
    /** 施行日期 */
    effectiveFrom: PartialDateSchema.optional(),
    /** 有效期至 — the last day in force. */
    validUntil: PartialDateSchema.optional(),
    /** 有效期 stated as a length, counted from `effectiveFrom` (or publication, adoption). */
    validityPeriod: ValidityPeriodSchema.optional(),
    /** 上次评估日期 — restarts the periodic evaluation clock. */
    lastEvaluatedOn: PartialDateSchema.optional(),
    /** Relations this document holds towards others. */
    relations: z.array(DocumentRelationSchema).optional(),
    /** A jurisdiction tag (e.g. `guangdong`), informative. */
    jurisdiction: z.string().optional(),
  })
  .strict();

/** 政策文件 — a document as accepted by {@link PolicyDocumentSchema}. */
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** What callers may pass for a document (the schema's input type). */
export type PolicyDocumentInput = z.input<typeof PolicyDocumentSchema>;

/**
 * 时效性 — the status of a document on a date, computed for that date
 * (`corpus.statusAt`), never stored: `expired` covers a validity that ended
 * and a declaration of expiry. "Amended" (已修改) is not a status but a flag
 * on the answer.
 */
export const DOCUMENT_STATUSES = ["not_yet_in_force", "in_force", "partially_in_force", "expired", "repealed"] as const;

/** 时效性 — `not_yet_in_force` 尚未生效, `in_force` 现行有效, `partially_in_force` 部分失效, `expired` 失效, `repealed` 废止. */
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Chinese labels of the statuses, as printed in catalogues. */
export const DOCUMENT_STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = Object.freeze({
  not_yet_in_force: "尚未生效",
  in_force: "现行有效",
  partially_in_force: "部分失效",
  expired: "失效",
  repealed: "废止",
});
