import { expect, expectTypeOf, test } from "vitest";
import type { PolicyEvalMatchers } from "../../src/testing/index.js";

test("the matchers are typed on vitest's expect once policy-eval/testing is imported", () => {
  expectTypeOf(expect(1).toConclude).toBeFunction();
  expectTypeOf(expect(1).toCite).parameter(0).toEqualTypeOf<string>();
  expectTypeOf<PolicyEvalMatchers<void>["toMissFact"]>().returns.toEqualTypeOf<void>();
});
