/**
 * Builders for users' tests: valid documents and catalogues with as little
 * typing as a test needs, every field overridable.
 *
 * @module
 */
import { createCorpus, type Corpus, type CreateCorpusOptions } from "../corpus/index.js";
import { ADMIN_LEVELS, type DocumentRelation, type PolicyDocumentInput, type RelationType } from "../documents/index.js";
import type { EvaluationInput } from "../evaluation/index.js";

/**
 * Builds a valid city-level normative document (规范性文件) for a test; every
 * field can be overridden.
 *
 * @param id - the document's id
 * @param overrides - fields to set
 * @returns a document accepted by `PolicyDocumentSchema`
 *
 * @example
 * ```ts
 * import { buildDocument } from "policy-eval/testing";
 * const doc = buildDocument("plan", { adoptedOn: "2017-09" });
 * doc.isNormative; //=> true
 * doc.adminLevel; //=> "city"
 * ```
 */
export function buildDocument(id: string, overrides: Partial<PolicyDocumentInput> = {}): PolicyDocumentInput {
  return {
    id,
    title: `测试文件 ${id}`,
    issuer: "某市人民政府办公室",
    adminLevel: "city",
    instrumentRank: "normativeDocument",
    isNormative: true,
    ...overrides,
  };
}

/**
 * Builds a relation from the document that holds it to `target`.
 *
 * @param type - `implements`, `basedOn`, `amends`, `repeals`, `replaces`, `declaresExpired` or `cites`
 * @param target - the target's id
 * @param on - when it takes effect (optional, partial dates allowed)
 * @returns the relation
 *
 * @example
 * ```ts
 * import { buildRelation } from "policy-eval/testing";
 * buildRelation("repeals", "old", "2022-03-01"); //=> { type: "repeals", target: "old", on: "2022-03-01" }
 * ```
 */
export function buildRelation(type: RelationType, target: string, on?: DocumentRelation["on"]): DocumentRelation {
  return on === undefined ? { type, target } : { type, target, on };
}

/**
 * Builds a catalogue from a compact description: a chain of parents, each
 * document implementing the one before, plus any extra documents.
 *
 * @param chain - ids from the top (e.g. a State Council opinion) down to the subject
 * @param options - `documents` to add, `overrides` per id, and the corpus options
 * @returns the built corpus
 *
 * @example
 * ```ts
 * import { buildCatalogue } from "policy-eval/testing";
 * const corpus = buildCatalogue(["state", "province", "city"], { overrides: { city: { adoptedOn: "2017-09" } } });
 * corpus.parentsOf("city").map((p) => p.id); //=> ["province"]
 * corpus.statusAt("city", "2017-09-15").certainty; //=> "uncertain"
 * ```
 */
export function buildCatalogue(
  chain: readonly string[],
  options: {
    readonly documents?: readonly PolicyDocumentInput[] | undefined;
    readonly overrides?: Readonly<Record<string, Partial<PolicyDocumentInput>>> | undefined;
  } & CreateCorpusOptions = {},
): Corpus {
  const docs = chain.map((id, i) => {
    const extra = options.overrides?.[id] ?? {};
    const relations = i === 0 ? [] : [buildRelation("implements", chain[i - 1]!)];
    return buildDocument(id, {
      adminLevel: ADMIN_LEVELS[Math.min(i, ADMIN_LEVELS.length - 1)]!,
      ...extra,
      relations: [...relations, ...(extra.relations ?? [])],
    });
  });
  return createCorpus([...docs, ...(options.documents ?? [])], options);
}

/**
 * Builds an evaluation record that, on its own, gives the default rules
 * everything they need for `continue`: effectiveness met, no conflict, no
 * ending ground. Override what a test is about.
 *
 * @param subject - the evaluated document's id
 * @param overrides - fields to set
 * @returns an evaluation accepted by `EvaluationSchema`
 *
 * @example
 * ```ts
 * import { evaluate } from "policy-eval";
 * import { buildCatalogue, buildEvaluation } from "policy-eval/testing";
 * const corpus = buildCatalogue(["state", "province", "city"], { overrides: { state: { adoptedOn: "2016" }, province: { adoptedOn: "2016" }, city: { adoptedOn: "2017-09" } } });
 * evaluate({ corpus, evaluation: buildEvaluation("city") }).conclusion; //=> "continue"
 * evaluate({ corpus, evaluation: buildEvaluation("city", { conflicts: [{ superior: { document: "国办发〔2016〕13号" }, description: "冲突" }] }) }).conclusion; //=> "revise"
 * ```
 */
export function buildEvaluation(subject: string, overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    subject,
    evaluatedOn: "2021-08-20",
    findings: [{ criterion: "effectiveness", rating: "met" }],
    conflicts: [],
    endingGrounds: [],
    ...overrides,
  };
}
