/**
 * What a built corpus holds (see build.ts for how it is built): arrays
 * indexed by document position, so that statusAt and dueForEvaluation run
 * over a million documents without allocating per document.
 *
 * Per-document and per-relation arrays of numbers are plain JS arrays, not
 * typed arrays, except where a byte suffices: V8 counts typed-array memory as
 * external, and every 64 MB of it allocated between full garbage collections
 * starts one — a full collection over a million input documents costs
 * 0.3–0.6 s. Day numbers (days since 1970-01-01) are integers, NaN when
 * unknown; the span of days a partial date may stand for is a pair of
 * arrays, `…Lo` (first day) and `…Hi` (last day).
 *
 * @module
 * @internal
 */
import { parseDocumentNumber, type DocumentNumber } from "../documents/documentNumber.js";
import type { PolicyDocument } from "../documents/schema.js";
import type { ValidityPolicy } from "../documents/validityPolicy.js";
import type { PolicyEvalIssue } from "../errors.js";
import { END_SOURCES, START_SOURCES, type EndSource, type StartSource } from "./codes.js";
import type { Adjacency } from "./graph.js";
import type { LazyStringTable, StringTable } from "./stringTable.js";

/**
 * The built, validated state of a corpus.
 * @internal
 */
export interface CorpusState {
  readonly documents: readonly PolicyDocument[];
  /**
   * Parsed numbers: filled at build time for numbers read leniently, and on
   * first request for numbers already canonical (see {@link numberAt}).
   */
  readonly numbers: Map<number, DocumentNumber>;
  /** The canonical spelling of each document's number, if it has one. */
  readonly canonicalNumbers: ReadonlyArray<string | undefined>;
  /** Document index by id. */
  readonly indexById: StringTable;
  /** Document index by canonical 发文字号 (built on first use). */
  readonly indexByNumber: LazyStringTable;
  /** First day in force, as a day span; NaN when unknown. */
  readonly startLo: readonly number[];
  readonly startHi: readonly number[];
  /** Where the start came from: a code of START (codes.ts), 0 when unknown. */
  readonly startSourceCode: Uint8Array;
  /** Adoption (成文) day span used for the existence checks and the periodic evaluation; NaN when unknown. */
  readonly bornLo: readonly number[];
  readonly bornHi: readonly number[];
  /** Last day in force by validity, as a day span; NaN when the document has no validity end. */
  readonly endLo: readonly number[];
  readonly endHi: readonly number[];
  /** Where the validity end came from: a code of END (codes.ts), 0 when none. */
  readonly endSourceCode: Uint8Array;
  /** Incoming lifecycle events per target (CSR): the acting document, type and day span. */
  readonly eventStart: ArrayLike<number>;
  readonly eventSource: ArrayLike<number>;
  readonly eventType: Uint8Array;
  readonly eventPartial: Uint8Array;
  readonly eventLo: ArrayLike<number>;
  readonly eventHi: ArrayLike<number>;
  /** The relation index on the acting document (for dates and paths). */
  readonly eventRelation: ArrayLike<number>;
  /** Children by hierarchy relation (CSR over parents): who implements / is based on each document. */
  readonly children: Adjacency;
  readonly childType: Uint8Array;
  /** Parents by hierarchy relation (CSR over children). */
  readonly parents: Adjacency;
  readonly parentType: Uint8Array;
  readonly policy: ValidityPolicy;
  /**
   * Flags: GOVERNED when the policy governs the document (normative, covered level and
   * jurisdiction), EVALUATED when it has a last evaluation date (codes.ts).
   */
  readonly governed: Uint8Array;
  readonly warnings: readonly PolicyEvalIssue[];
}

/** Where document k's start came from. @internal */
export function startSourceAt(state: CorpusState, k: number): StartSource | undefined {
  return START_SOURCES[state.startSourceCode[k]!];
}

/** Where document k's validity end came from (undefined: it has none). @internal */
export function endSourceAt(state: CorpusState, k: number): EndSource | undefined {
  return END_SOURCES[state.endSourceCode[k]!];
}

/** How a document is named in messages: its canonical 发文字号, else its title in 《》. @internal */
export function displayName(state: CorpusState, k: number): string {
  return state.canonicalNumbers[k] ?? `《${state.documents[k]!.title}》`;
}

/** The parsed number of document k, parsed on first request when it was canonical. @internal */
export function numberAt(state: CorpusState, k: number): DocumentNumber | undefined {
  const text = state.canonicalNumbers[k];
  if (text === undefined) return undefined;
  let parsed = state.numbers.get(k);
  if (parsed === undefined) {
    parsed = parseDocumentNumber(text);
    state.numbers.set(k, parsed);
  }
  return parsed;
}
