/**
 * The build's first step for each document: its structure. Valid documents
 * are kept as given; every problem of the others is reported, and what can
 * still be read of them (an id, relation targets) takes part in the identity
 * and reference checks, so that one run reports every problem.
 *
 * @module
 * @internal
 */
import * as z from "zod";
import { isCertainlyValidDocument } from "../documents/fastValidate.js";
import { PolicyDocumentSchema, type PolicyDocument } from "../documents/schema.js";
import type { PolicyEvalIssue } from "../errors.js";
import { issueFromZod } from "../schema-issues.js";
import { sized } from "./arrays.js";
import { duplicateIdIssue, notACatalogueIssue, STEP, unknownReferenceIssue, type Findings } from "./issues.js";

/** The serialised form of a corpus (see `corpus.toJSON()`). */
export const CORPUS_FORMAT = "policy-eval.corpus/1";

const CorpusEnvelopeSchema = z.object({ format: z.literal(CORPUS_FORMAT), documents: z.array(z.unknown()) }).strict();

/** The documents of a catalogue given as an array or as a serialised corpus; undefined (with an issue) for anything else. @internal */
export function documentsOf(input: unknown, issues: PolicyEvalIssue[]): readonly unknown[] | undefined {
  if (Array.isArray(input)) return input;
  const envelope = CorpusEnvelopeSchema.safeParse(input, { reportInput: true });
  if (envelope.success) return envelope.data.documents;
  issues.push(notACatalogueIssue(CORPUS_FORMAT));
  return undefined;
}

/**
 * The valid documents of the input, in input order (document k is the
 * k-th valid one), and where the invalid ones were.
 * @internal
 */
export class KeptDocuments {
  readonly documents: PolicyDocument[];
  /** Input position of each kept document; only built once an invalid document shifts them. */
  #inputIndex: number[] | undefined;
  /** Input positions of the invalid documents. */
  readonly invalid: number[] = [];
  /** Ids of invalid documents (first position of each): a valid document with the same id after it is a duplicate too. */
  readonly invalidIds = new Map<string, number>();
  #count = 0;

  constructor(size: number) {
    // Created with an element of the kind it will hold: storing an object into an array created
    // empty (`new Array(n)`) changes its element kind, and slows every later store.
    this.documents = sized<PolicyDocument | undefined>(size, undefined) as PolicyDocument[];
  }

  /** How many documents are kept so far. */
  get count(): number {
    return this.#count;
  }

  /** Keeps the valid document found at input position `at`; returns its index. */
  keep(doc: PolicyDocument, at: number): number {
    const k = this.#count++;
    this.documents[k] = doc;
    this.#inputIndex?.push(at);
    return k;
  }

  /** Records that the document at input position `at` is invalid. */
  reject(value: unknown, at: number): void {
    if (this.#inputIndex === undefined) {
      this.#inputIndex = [];
      for (let k = 0; k < this.#count; k++) this.#inputIndex.push(k);
    }
    this.invalid.push(at);
    const id = (value as { id?: unknown } | null | undefined)?.id;
    if (typeof id === "string" && !this.invalidIds.has(id.trim())) this.invalidIds.set(id.trim(), at);
  }

  /** The input position of document k. */
  atOf(k: number): number {
    return this.#inputIndex === undefined ? k : this.#inputIndex[k]!;
  }

  /** Ends the pass: the documents array is cut to the documents kept. */
  finish(): void {
    this.documents.length = this.#count;
  }
}

/**
 * The document at input position `at`, when it is valid; otherwise its
 * problems go to `findings` and it is rejected. The fast check settles
 * ordinary documents without zod (its output would equal them: the schema
 * has no transforms); anything else goes through zod, every issue kept.
 * @internal
 */
export function checkStructure(value: unknown, at: number, kept: KeptDocuments, findings: Findings): PolicyDocument | undefined {
  if (isCertainlyValidDocument(value)) return value;
  const result = PolicyDocumentSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  kept.reject(value, at);
  for (const issue of result.error.issues) findings.error(at, STEP.structure, issueFromZod(issue, [at]));
  return undefined;
}

function readableId(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && id.trim() !== "" ? id.trim() : undefined;
}

/**
 * The identity and reference checks of documents that failed the schema,
 * where their id and relations are readable. Returns every readable id in
 * the input, with its first position.
 * @internal
 */
export function checkInvalidDocuments(raw: readonly unknown[], invalid: readonly number[], issues: PolicyEvalIssue[]): Map<string, number> {
  const known = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const id = readableId(raw[i]);
    if (id !== undefined && !known.has(id)) known.set(id, i);
  }
  for (const i of invalid) {
    const id = readableId(raw[i]);
    const first = id === undefined ? undefined : known.get(id);
    if (id !== undefined && first !== undefined && first !== i) issues.push(duplicateIdIssue(i, id, first));
    const relations = (raw[i] as { relations?: unknown } | null | undefined)?.relations;
    if (!Array.isArray(relations)) continue;
    relations.forEach((rel: unknown, j) => {
      const target = (rel as { target?: unknown } | null | undefined)?.target;
      if (typeof target === "string" && target.trim() !== "" && !known.has(target.trim())) issues.push(unknownReferenceIssue(i, j, target));
    });
  }
  return known;
}
