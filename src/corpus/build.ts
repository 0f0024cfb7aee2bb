/**
 * Building a corpus: validate the whole catalogue (structure with zod, then
 * the semantics across documents), collect every problem at once, and only
 * then build the indexes. Nothing is half-built.
 *
 * The build runs as named passes, each in its own file:
 * 1. read (readDocuments, below) — one pass over the input; for each document
 *    its structure (validate.ts), identity (identity.ts: interning the id and
 *    the 发文字号), standing (standing.ts: rank, level, governed), dates
 *    (lifespan.ts) and relations (relations.ts: encoded, not yet resolved);
 * 2. identity — duplicate ids and numbers; the index by id (identity.ts);
 * 3. relations — targets resolved, every relation checked and turned into a
 *    hierarchy edge or a lifecycle event (relations.ts);
 * 4. cycles — in the hierarchy and in the lifecycle relations (cycles.ts);
 * 5. indexes — children and events grouped by document (relations.ts).
 * Statuses are not derived here: status.ts computes them for the date asked.
 *
 * Sized for a million documents on a small machine, which shapes the code:
 * the read pass reads each document while it is in cache (a million
 * documents are a million cold objects) and keeps what later passes need
 * (fingerprints of ids, numbers and relation targets) in arrays, so that the
 * hash tables are filled and probed afterwards in tight loops whose random
 * memory accesses overlap. state.ts says which arrays are typed and why.
 *
 * @module
 * @internal
 */
import { PolicyEvalError, type PolicyEvalIssue } from "../errors.js";
import type { ValidityPolicy } from "../documents/validityPolicy.js";
import { detectCycles } from "./cycles.js";
import { checkIdentity, Identities, internDocument } from "./identity.js";
import { Findings, inInputOrder } from "./issues.js";
import { Lifespans, readLifespan } from "./lifespan.js";
import { childrenOf, encodeRelations, eventsOf, linkRelations, relationCapacity, RelationList, resolveTargets } from "./relations.js";
import { Standing } from "./standing.js";
import type { CorpusState } from "./state.js";
import { checkInvalidDocuments, checkStructure, documentsOf, KeptDocuments } from "./validate.js";

/** What the read pass gathers, per document and per relation. */
interface Draft {
  readonly kept: KeptDocuments;
  readonly findings: Findings;
  readonly identities: Identities;
  readonly standing: Standing;
  readonly lifespans: Lifespans;
  readonly relations: RelationList;
}

/** Pass 1: each document read once, every per-document step run while it is in cache. */
function readDocuments(raw: readonly unknown[], policy: ValidityPolicy): Draft {
  const size = raw.length;
  const kept = new KeptDocuments(size);
  const findings = new Findings();
  const identities = new Identities(size);
  const standing = new Standing(size, policy);
  const lifespans = new Lifespans(size);
  const relations = new RelationList(size, relationCapacity(raw));
  for (let i = 0; i < size; i++) {
    const doc = checkStructure(raw[i], i, kept, findings);
    if (doc === undefined) continue;
    const k = kept.keep(doc, i);
    const numberYear = internDocument(identities, findings, doc, k, i);
    const governed = standing.read(doc, k);
    readLifespan(lifespans, findings, policy, doc, k, i, numberYear, governed);
    encodeRelations(relations, doc, k);
  }
  kept.finish();
  relations.finish(kept.count);
  return { kept, findings, identities, standing, lifespans, relations };
}

/**
 * Validates a catalogue and builds its state, or throws one PolicyEvalError
 * listing every problem (warnings included, marked as such).
 * @internal
 */
export function buildCorpusState(input: unknown, policy: ValidityPolicy): CorpusState {
  const early: PolicyEvalIssue[] = [];
  const raw = documentsOf(input, early);
  if (raw === undefined) throw new PolicyEvalError(early);
  const { kept, findings, identities, standing, lifespans, relations } = readDocuments(raw, policy);
  const { indexById, indexByNumber } = checkIdentity(identities, kept, findings);
  const issues = findings.errors();
  const warnings = findings.warnings;
  // With invalid documents about, identity checks use every readable raw id.
  const rawIds = kept.invalid.length > 0 ? checkInvalidDocuments(raw, kept.invalid, issues) : undefined;
  const targetIndex = resolveTargets(relations, identities.ids, indexById);
  const { startLo, startHi, bornLo, bornHi } = lifespans;
  const links = linkRelations({ kept, relations, targetIndex, standing, startLo, startHi, bornLo, bornHi, rawIds }, issues, warnings);
  detectCycles(kept, links, relations, targetIndex, issues);
  // Every problem at once, in input order (warnings too, marked as such).
  if (issues.length > 0) throw new PolicyEvalError(inInputOrder(issues, warnings));

  const n = kept.count;
  const events = eventsOf(n, links.lifecycle);
  const { children, childType } = childrenOf(n, links.parents, links.parentType);
  // Written out (no spread), so that every state has the same fast shape.
  return {
    documents: kept.documents,
    numbers: identities.numbers,
    canonicalNumbers: identities.canonicalNumbers,
    indexById,
    indexByNumber,
    startLo,
    startHi,
    startSourceCode: lifespans.startSourceCode,
    bornLo,
    bornHi,
    endLo: lifespans.endLo,
    endHi: lifespans.endHi,
    endSourceCode: lifespans.endSourceCode,
    eventStart: events.eventStart,
    eventSource: events.eventSource,
    eventType: events.eventType,
    eventPartial: events.eventPartial,
    eventLo: events.eventLo,
    eventHi: events.eventHi,
    eventRelation: events.eventRelation,
    children,
    childType,
    parents: links.parents,
    parentType: links.parentType,
    policy,
    governed: standing.governed,
    warnings,
  };
}
