/**
 * `policy-eval/testing` — builders for documents, catalogues and evaluations,
 * and vitest matchers, for the tests of apps built on policy-eval.
 *
 * @packageDocumentation
 */
export { buildCatalogue, buildDocument, buildRelation } from "./builders.js";
