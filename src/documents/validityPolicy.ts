/**
 * Validity and evaluation policies per jurisdiction: how long a normative
 * document may stay in force and when it must be evaluated. Each rule names
 * the article it comes from.
 *
 * @module
 */
import type { LocalizedMessage } from "../errors.js";
import type { AdminLevel, PolicyDocument } from "./schema.js";

/** A legal basis: the document and, where known, the article. */
export interface LegalBasis {
  /** 发文字号 or title of the source, e.g. `粤府令第277号`. */
  readonly document: string;
  /** The article, e.g. `第三十四条`. */
  readonly article?: string | undefined;
  /** The words of the source, where quoted. */
  readonly quote?: string | undefined;
}

/** A length of time in whole years and months. */
export interface Duration {
  /** Whole years. */
  readonly years?: number | undefined;
  /** Whole months. */
  readonly months?: number | undefined;
}

/**
 * 有效期与评估规则 — one jurisdiction's validity and evaluation policy.
 *
 * @example
 * ```ts
 * import { GUANGDONG_VALIDITY_POLICY } from "policy-eval";
 * GUANGDONG_VALIDITY_POLICY.evaluation.monthsBeforeExpiry; //=> 6
 * ```
 */
export interface ValidityPolicy {
  /** Stable id, e.g. `guangdong`. */
  readonly id: string;
  /** Its name. */
  readonly name: LocalizedMessage;
  /**
   * Which documents it governs: normative documents at these administrative
   * levels, whose `jurisdiction` is one of `jurisdictions` (a document without
   * a `jurisdiction` tag is taken to belong to the catalogue's own).
   */
  readonly appliesTo: {
    /** The levels of issuing body covered. */
    readonly adminLevels: readonly AdminLevel[];
    /** Jurisdiction tags covered. */
    readonly jurisdictions: readonly string[];
  };
  /** When evaluations fall due. */
  readonly evaluation: {
    /** A document with a validity period is evaluated this many months before it expires. */
    readonly monthsBeforeExpiry: number;
    /** A document without one is evaluated at least every this many years, from adoption or its last evaluation. */
    readonly periodicYears: number;
    /** Where the two rules come from. */
    readonly basis: LegalBasis;
  };
  /**
   * Validity lengths. `default` applies when a document states none (the
   * document then expires automatically); `maximum` bounds what it may state.
   * Omitted when the jurisdiction sets no general length.
   */
  readonly validity?: {
    /** For ordinary normative documents. */
    readonly default?: Duration | undefined;
    /** The longest an ordinary document may state. */
    readonly maximum?: Duration | undefined;
    /** For 暂行 / 试行 (provisional) documents: default and maximum. */
    readonly provisional?: Duration | undefined;
    /** For 通告 (public notices): default and maximum. */
    readonly announcement?: Duration | undefined;
    /** Where the lengths come from. */
    readonly basis: LegalBasis;
  } | undefined;
}

/**
 * 广东省 — 《广东省行政规范性文件管理规定》(粤府令第277号) art. 34: a document
 * with a validity period is evaluated, as a rule, 6 months before it expires;
 * one without is evaluated periodically, at intervals of at most 5 years.
 * The regulation's default validity length was not verified, so none is set:
 * a Guangdong document without a stated period simply has none.
 *
 * @example
 * ```ts
 * import { GUANGDONG_VALIDITY_POLICY } from "policy-eval";
 * GUANGDONG_VALIDITY_POLICY.evaluation.periodicYears; //=> 5
 * ```
 */
export const GUANGDONG_VALIDITY_POLICY: ValidityPolicy = Object.freeze({
  id: "guangdong",
  name: Object.freeze({ "zh-CN": "广东省行政规范性文件管理规定", en: "Guangdong administrative normative documents regulation" }),
  // 粤府令第277号 art. 2: the normative documents of 县级以上 governments and their departments in Guangdong.
  appliesTo: Object.freeze({ adminLevels: Object.freeze(["province", "city", "county"] as const), jurisdictions: Object.freeze(["guangdong"]) }),
  evaluation: Object.freeze({
    monthsBeforeExpiry: 6,
    periodicYears: 5,
    basis: Object.freeze({ document: "粤府令第277号", article: "第三十四条" }),
  }),
});

/**
 * 上海市 — 《上海市行政规范性文件制定和备案规定》(市政府令第26号) art. 26:
 * validity at most 5 years, 5 years when the document sets none; 暂行 / 试行
 * at most 2 years (default 2); 通告 at most 1 year (default 1); an expired
 * document lapses automatically. Evaluation 6 months before expiry (Xuhui
 * practice); the 5-year periodic rule never triggers because every document
 * has a period.
 *
 * @example
 * ```ts
 * import { SHANGHAI_VALIDITY_POLICY } from "policy-eval";
 * SHANGHAI_VALIDITY_POLICY.validity?.provisional?.years; //=> 2
 * ```
 */
export const SHANGHAI_VALIDITY_POLICY: ValidityPolicy = Object.freeze({
  id: "shanghai",
  name: Object.freeze({ "zh-CN": "上海市行政规范性文件制定和备案规定", en: "Shanghai normative documents drafting and filing regulation" }),
  appliesTo: Object.freeze({ adminLevels: Object.freeze(["province", "city", "county", "township"] as const), jurisdictions: Object.freeze(["shanghai"]) }),
  evaluation: Object.freeze({
    monthsBeforeExpiry: 6,
    periodicYears: 5,
    basis: Object.freeze({ document: "上海市人民政府令第26号", article: "第二十六条" }),
  }),
  validity: Object.freeze({
    default: Object.freeze({ years: 5 }),
    maximum: Object.freeze({ years: 5 }),
    provisional: Object.freeze({ years: 2 }),
    announcement: Object.freeze({ years: 1 }),
    basis: Object.freeze({
      document: "上海市人民政府令第26号",
      article: "第二十六条",
    }),
  }),
});

/**
 * Whether a policy governs a document: a normative document at a covered
 * level, in a covered jurisdiction (or untagged).
 *
 * @param policy - the policy
 * @param document - the document
 * @returns true when the policy's validity and evaluation rules apply to it
 *
 * @example
 * ```ts
 * import { GUANGDONG_VALIDITY_POLICY, isGovernedBy } from "policy-eval";
 * const base = { id: "x", title: "t", instrumentRank: "normativeDocument", isNormative: true } as const;
 * isGovernedBy(GUANGDONG_VALIDITY_POLICY, { ...base, adminLevel: "city", jurisdiction: "guangdong" }); //=> true
 * isGovernedBy(GUANGDONG_VALIDITY_POLICY, { ...base, adminLevel: "central" }); //=> false
 * ```
 */
export function isGovernedBy(
  policy: ValidityPolicy,
  document: Pick<PolicyDocument, "isNormative" | "adminLevel" | "jurisdiction">,
): boolean {
  return (
    document.isNormative &&
    policy.appliesTo.adminLevels.includes(document.adminLevel) &&
    (document.jurisdiction === undefined || policy.appliesTo.jurisdictions.includes(document.jurisdiction))
  );
}

/** Which validity class a document falls in, from its title. */
export type ValidityClass = "ordinary" | "provisional" | "announcement";

/**
 * Classifies a document for its validity length: 暂行 / 试行 in the title →
 * `provisional`; a title ending in 通告 → `announcement`.
 *
 * @param title - the document's title
 * @returns the class
 *
 * @example
 * ```ts
 * import { validityClassOf } from "policy-eval";
 * validityClassOf("上海市某某管理暂行办法"); //=> "provisional"
 * validityClassOf("关于某某的通告"); //=> "announcement"
 * ```
 */
export function validityClassOf(title: string): ValidityClass {
  if (/暂行|试行/u.test(title)) return "provisional";
  if (/通告$/u.test(title.replace(/[》」』"”\s]+$/u, ""))) return "announcement";
  return "ordinary";
}

/** Months in a duration. @internal */
export function durationMonths(duration: Duration): number {
  return (duration.years ?? 0) * 12 + (duration.months ?? 0);
}
