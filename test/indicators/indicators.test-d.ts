import type * as z from "zod";
import { describe, expectTypeOf, it } from "vitest";
import type { PartialDate } from "../../src/dates/index.js";
import type { ExactDecimal, Quantity } from "../../src/quantities/index.js";
import {
  achievement,
  IndicatorSchema,
  ObservationSchema,
  partsSumToTotal,
  ValidationRuleSchema,
  type Indicator,
  type IndicatorInput,
  type Observation,
  type ObservationInput,
  type ValidationResult,
  type ValidationRule,
} from "../../src/indicators/index.js";

describe("schemas and their types", () => {
  it("infers the input types from the schemas and outputs the documented interfaces", () => {
    expectTypeOf<z.output<typeof IndicatorSchema>>().toEqualTypeOf<Indicator>();
    expectTypeOf<z.output<typeof ObservationSchema>>().toEqualTypeOf<Observation>();
    expectTypeOf<z.output<typeof ValidationRuleSchema>>().toEqualTypeOf<ValidationRule>();
    expectTypeOf<z.input<typeof ObservationSchema>>().toEqualTypeOf<ObservationInput>();
    expectTypeOf<z.input<typeof IndicatorSchema>>().toEqualTypeOf<IndicatorInput>();
  });

  it("keeps values exact: no float anywhere in an observation", () => {
    expectTypeOf<Observation["quantity"]>().toEqualTypeOf<Quantity | undefined>();
    expectTypeOf<NonNullable<Observation["quantity"]>["value"]>().toEqualTypeOf<ExactDecimal>();
    expectTypeOf<Observation["asOf"]>().toEqualTypeOf<PartialDate | undefined>();
  });

  it("types the results", () => {
    expectTypeOf(partsSumToTotal).returns.toEqualTypeOf<ValidationResult>();
    expectTypeOf(achievement).returns.toHaveProperty("ratio").toEqualTypeOf<ExactDecimal>();
    expectTypeOf<ValidationResult["status"]>().toEqualTypeOf<"pass" | "fail" | "skipped">();
  });
});
