/**
 * `policy-eval/testing` — builders for documents, catalogues and evaluations,
 * and vitest matchers, for the tests of apps built on policy-eval.
 *
 * ```ts
 * import { expect } from "vitest";
 * import { policyEvalMatchers } from "policy-eval/testing";
 * expect.extend(policyEvalMatchers);
 * // expect(result).toConclude("continue"); expect(result).toCite("国办发〔2016〕13号");
 * ```
 *
 * @packageDocumentation
 */
import type { PolicyEvalMatchers } from "./matchers.js";
import type {} from "vitest";

export { buildCatalogue, buildDocument, buildEvaluation, buildRelation } from "./builders.js";
export { policyEvalMatchers, type MatcherResult, type PolicyEvalMatchers } from "./matchers.js";

declare module "vitest" {
  // Types for `expect(x).toConclude(…)` once `expect.extend(policyEvalMatchers)` has run.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends PolicyEvalMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends PolicyEvalMatchers {}
}
