/**
 * The small integer codes the corpus stores instead of strings: a built
 * corpus of a million documents keeps per-document and per-relation facts in
 * arrays of numbers (see state.ts), and a byte per fact costs less memory and
 * is faster to compare than a string. Every code is defined here, with the
 * function that computes it; a test checks each against the list it encodes.
 *
 * @module
 * @internal
 */
import { ADMIN_LEVELS, INSTRUMENT_RANKS, RELATION_TYPES, type AdminLevel, type InstrumentRank, type RelationType } from "../documents/schema.js";

/** Relation type codes: a type's position in RELATION_TYPES. @internal */
export const REL = {
  implements: 0,
  basedOn: 1,
  amends: 2,
  repeals: 3,
  replaces: 4,
  declaresExpired: 5,
  cites: 6,
} as const satisfies Record<RelationType, number>;

/** Relation type by code. @internal */
export const REL_NAMES: readonly RelationType[] = RELATION_TYPES;

/** Whether a relation code makes its target a parent (上位文件) of the acting document. @internal */
export function isHierarchyCode(code: number): boolean {
  return code === REL.implements || code === REL.basedOn;
}

/** Whether a relation code changes its target's status or version (an event on the target). @internal */
export function isLifecycleCode(code: number): boolean {
  return code !== REL.cites && !isHierarchyCode(code);
}

/**
 * A relation's type code and two flags, packed in one byte of the build's
 * relation list: the code in the low three bits, then whether the relation
 * carries its own date (`on`), then whether it is partial.
 * @internal
 */
export const RELATION_INFO = {
  /** The bits of the type code (seven types fit in three bits). */
  codeMask: 0b111,
  /** Set when the relation has its own `on` date. */
  hasOwnDate: 0b1000,
  /** Set for a partial relation (`partial: true`). */
  partial: 0b10000,
} as const;

/** The packed byte of a relation (see {@link RELATION_INFO}). @internal */
export function relationInfo(type: RelationType, hasOwnDate: boolean, partial: boolean): number {
  return REL[type] | (hasOwnDate ? RELATION_INFO.hasOwnDate : 0) | (partial ? RELATION_INFO.partial : 0);
}

/** The position of a rank in INSTRUMENT_RANKS: smaller is higher. @internal */
export function rankOf(rank: InstrumentRank): number {
  return INSTRUMENT_RANKS.indexOf(rank);
}

/** The position of a level in ADMIN_LEVELS: smaller is higher. @internal */
export function levelOf(level: AdminLevel): number {
  return ADMIN_LEVELS.indexOf(level);
}

/** Where a document's start date came from. */
export type StartSource = "effectiveFrom" | "publishedOn" | "adoptedOn" | "documentNumber";

/** Where a document's validity end came from. */
export type EndSource = "validUntil" | "validityPeriod" | "policyDefault";

/** Codes of {@link StartSource}, in the order the build tries them; 0 when nothing gives a start. @internal */
export const START = { unknown: 0, effectiveFrom: 1, publishedOn: 2, adoptedOn: 3, documentNumber: 4 } as const satisfies Record<StartSource | "unknown", number>;

/** Codes of {@link EndSource}; 0 when the document has no validity end. @internal */
export const END = { none: 0, validUntil: 1, validityPeriod: 2, policyDefault: 3 } as const satisfies Record<EndSource | "none", number>;

/** {@link StartSource} by code. @internal */
export const START_SOURCES: readonly (StartSource | undefined)[] = [undefined, "effectiveFrom", "publishedOn", "adoptedOn", "documentNumber"];

/** {@link EndSource} by code. @internal */
export const END_SOURCES: readonly (EndSource | undefined)[] = [undefined, "validUntil", "validityPeriod", "policyDefault"];

/**
 * Bits of a document's flags byte: the policy governs it (normative, at a
 * covered level and jurisdiction), and it has a last evaluation date.
 * @internal
 */
export const GOVERNED = 1;
/** See {@link GOVERNED}. @internal */
export const EVALUATED = 2;
