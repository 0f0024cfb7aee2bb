/**
 * Interning: each document's id and 发文字号 become an index entry. While a
 * document is read (and in cache) its id and the canonical spelling of its
 * number are fingerprinted (FNV-1a, stringTable.ts); after the pass the
 * fingerprints are inserted and compared in tight loops, whose random memory
 * accesses overlap instead of waiting on one another. Duplicate numbers are
 * found by a radix sort of their fingerprints (findDuplicates), without
 * building the number index, which most uses of a corpus never need.
 *
 * @module
 * @internal
 */
import { canonicalDocumentYear } from "../documents/canonicalDocumentNumber.js";
import { safeParseDocumentNumber, type DocumentNumber } from "../documents/documentNumber.js";
import type { PolicyDocument } from "../documents/schema.js";
import { issueAt } from "../schema-issues.js";
import { sized } from "./arrays.js";
import { duplicateIdIssue, duplicateNumberIssue, nonstandardNumberWarning, STEP, type Findings } from "./issues.js";
import { findDuplicates, fingerprint, LazyStringTable, StringTable } from "./stringTable.js";
import type { KeptDocuments } from "./validate.js";

/** The ids and numbers of the kept documents, with their fingerprints. @internal */
export class Identities {
  readonly ids: string[];
  readonly idHash: Int32Array;
  /** Numbers read leniently (a canonical one is parsed when first asked for: see numberAt in state.ts). */
  readonly numbers = new Map<number, DocumentNumber>();
  readonly canonicalNumbers: (string | undefined)[];
  readonly numberHash: Int32Array;

  constructor(size: number) {
    this.ids = sized(size, "");
    this.idHash = new Int32Array(size);
    this.canonicalNumbers = sized<string | undefined>(size, undefined);
    this.numberHash = new Int32Array(size);
  }
}

/**
 * Interns document k (found at input position `at`): fingerprints its id,
 * reads its number. Returns the year in its number (NaN when it has none),
 * which stands in for a start date when the document has no date at all.
 * @internal
 */
export function internDocument(identities: Identities, findings: Findings, doc: PolicyDocument, k: number, at: number): number {
  const id = doc.id;
  identities.ids[k] = id;
  identities.idHash[k] = fingerprint(id);
  return doc.number === undefined ? Number.NaN : readNumber(identities, findings, doc.number, k, at);
}

function readNumber(identities: Identities, findings: Findings, text: string, k: number, at: number): number {
  // Most catalogues write numbers canonically: check those without building a number object.
  const fastYear = canonicalDocumentYear(text);
  if (fastYear !== undefined) {
    identities.canonicalNumbers[k] = text;
    identities.numberHash[k] = fingerprint(text);
    return fastYear;
  }
  const parsed = safeParseDocumentNumber(text);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) findings.error(at, STEP.number, issueAt(issue, [at, "number", ...issue.path]));
    return Number.NaN;
  }
  const canonical = parsed.data.canonical;
  identities.numbers.set(k, parsed.data);
  identities.canonicalNumbers[k] = canonical;
  for (const warning of parsed.warnings) findings.warn(nonstandardNumberWarning(at, warning, text, canonical));
  // The canonical spelling is one-to-one with the identity (kind, issuer code, year, serial).
  identities.numberHash[k] = fingerprint(canonical);
  return parsed.data.year ?? Number.NaN;
}

/** The indexes of a corpus by id and by canonical 发文字号. @internal */
export interface IdentityIndexes {
  readonly indexById: StringTable;
  readonly indexByNumber: LazyStringTable;
}

/**
 * After the read pass: an id or number seen before is a duplicate (of its
 * first holder), reported at the later document; builds the id index, and
 * the number index lazily.
 * @internal
 */
export function checkIdentity(identities: Identities, kept: KeptDocuments, findings: Findings): IdentityIndexes {
  const n = kept.count;
  const { ids, idHash, canonicalNumbers } = identities;
  identities.ids.length = n;
  const indexById = new StringTable(n, ids);
  const invalidIds = kept.invalidIds;
  for (let k = 0; k < n; k++) {
    const seen = indexById.insertHashed(idHash[k]!, k);
    // An id may also repeat an invalid document's: with those about, every document is checked.
    if (seen === -1 && invalidIds.size === 0) continue;
    const at = kept.atOf(k);
    const first = Math.min(seen === -1 ? at : kept.atOf(seen), invalidIds.get(ids[k]!) ?? at);
    if (first !== at) findings.error(at, STEP.structure, duplicateIdIssue(at, ids[k]!, first));
  }
  findDuplicates(identities.numberHash, n, canonicalNumbers, (k, other) => {
    const at = kept.atOf(k);
    findings.error(at, STEP.number, duplicateNumberIssue(at, canonicalNumbers[k]!, kept.documents[other]!.id));
  });
  return { indexById, indexByNumber: new LazyStringTable(canonicalNumbers, n) };
}
