import { expectTypeOf, test } from "vitest";
import type { Conclusion, DocumentStatus, EvaluationResult, PartialDate, StatusAnswer, TriState } from "../../src/index.js";

test("status answers and evaluation results are typed for narrowing", () => {
  expectTypeOf<StatusAnswer["status"]>().toEqualTypeOf<DocumentStatus>();
  expectTypeOf<StatusAnswer["amended"]>().toEqualTypeOf<TriState>();
  expectTypeOf<DocumentStatus>().toEqualTypeOf<"not_yet_in_force" | "in_force" | "partially_in_force" | "expired" | "repealed">();
  expectTypeOf<EvaluationResult["conclusion"]>().toEqualTypeOf<Conclusion | "conflict">();
  expectTypeOf<EvaluationResult["evaluatedOn"]>().toEqualTypeOf<PartialDate>();
  const narrow = (result: EvaluationResult) => {
    if (result.conclusion === "conflict") expectTypeOf(result.conflict.rules).toEqualTypeOf<readonly string[]>();
    if (result.conclusion === "undetermined") expectTypeOf(result.reasons).toEqualTypeOf<readonly []>();
  };
  expectTypeOf(narrow).toBeFunction();
  // A partial date is checked at the type level too.
  expectTypeOf<"2017-09">().toMatchTypeOf<PartialDate>();
});
