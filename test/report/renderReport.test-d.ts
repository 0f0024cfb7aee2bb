import { describe, expectTypeOf, it } from "vitest";
import { evaluate, formatOutlineNumber, renderReport, safeRenderReport, type ReportInput, type SafeResult } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "../../src/examples/index.js";

describe("report types", () => {
  it("renders evaluate()'s result alone, or with the catalogue and figures beside it", () => {
    const result = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
    expectTypeOf(renderReport(result, { format: "markdown" })).toEqualTypeOf<string>();
    const input = { ...result, corpus: qingyuanDocuments, indicators: qingyuanIndicators, observations: qingyuanObservations };
    expectTypeOf(input).toMatchTypeOf<ReportInput>();
    expectTypeOf(renderReport(input, { format: "html", lang: "en", hierarchyDepth: 3 })).toEqualTypeOf<string>();
    expectTypeOf(safeRenderReport(input, { format: "text" })).toEqualTypeOf<SafeResult<string>>();
  });

  it("refuses options it does not know", () => {
    const result = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
    // @ts-expect-error format is required
    renderReport(result, {});
    // @ts-expect-error no such format
    renderReport(result, { format: "pdf" });
    // @ts-expect-error no such language
    renderReport(result, { format: "text", lang: "fr" });
    // @ts-expect-error a result is needed
    renderReport({ corpus: qingyuanDocuments }, { format: "text" });
  });

  it("numbers four depths", () => {
    expectTypeOf(formatOutlineNumber(1, 1)).toEqualTypeOf<string>();
    // @ts-expect-error depth 5 does not exist
    formatOutlineNumber(5, 1);
  });
});
