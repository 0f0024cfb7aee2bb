/**
 * A document's standing, one byte each: its rank and administrative level
 * (compared along hierarchy relations), and whether the validity policy
 * governs it (isGovernedBy in validityPolicy.ts, with the level looked up
 * once per policy instead of once per document).
 *
 * @module
 * @internal
 */
import { ADMIN_LEVELS, type PolicyDocument } from "../documents/schema.js";
import type { ValidityPolicy } from "../documents/validityPolicy.js";
import { EVALUATED, GOVERNED, levelOf, rankOf } from "./codes.js";

/** @internal */
export class Standing {
  /** rankOf (codes.ts): smaller is higher. */
  readonly rank: Uint8Array;
  /** levelOf (codes.ts): smaller is higher. */
  readonly level: Uint8Array;
  /** GOVERNED and EVALUATED bits (codes.ts). */
  readonly governed: Uint8Array;
  readonly #policy: ValidityPolicy;
  /** Whether the policy covers each level, by levelOf. */
  readonly #levelCovered: readonly boolean[];

  constructor(size: number, policy: ValidityPolicy) {
    this.rank = new Uint8Array(size);
    this.level = new Uint8Array(size);
    this.governed = new Uint8Array(size);
    this.#policy = policy;
    this.#levelCovered = ADMIN_LEVELS.map((l) => policy.appliesTo.adminLevels.includes(l));
  }

  /** Reads document k's standing; returns whether the policy governs it. */
  read(doc: PolicyDocument, k: number): boolean {
    const level = levelOf(doc.adminLevel);
    this.rank[k] = rankOf(doc.instrumentRank);
    this.level[k] = level;
    const governed =
      doc.isNormative && this.#levelCovered[level] === true && (doc.jurisdiction === undefined || this.#policy.appliesTo.jurisdictions.includes(doc.jurisdiction));
    this.governed[k] = (governed ? GOVERNED : 0) | (doc.lastEvaluatedOn === undefined ? 0 : EVALUATED);
    return governed;
  }

  /** Whether a parent ranks lower than its child. */
  ranksLower(parent: number, child: number): boolean {
    return this.rank[parent]! > this.rank[child]!;
  }

  /** Whether a parent sits at a lower administrative level than its child. */
  isLowerLevel(parent: number, child: number): boolean {
    return this.level[parent]! > this.level[child]!;
  }
}
