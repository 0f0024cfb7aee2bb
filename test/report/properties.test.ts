/**
 * Laws of the renderer on generated evaluations: rendering never throws on a
 * valid evaluation result (any conclusion, any text, with or without the
 * catalogue and the figures), and every quantity of the input appears in the
 * output in its reported form.
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  evaluate,
  formatQuantity,
  IMPLEMENTATION_STATUSES,
  parseObservations,
  renderReport,
  safeRenderReport,
  type EvaluationInput,
  type IndicatorInput,
  type ObservationInput,
  type PartialDate,
  type PolicyDocumentInput,
} from "../../src/index.js";

/** Non-blank text of any characters, with the ones that matter to Markdown and HTML mixed in. */
const text = fc
  .array(fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 8 }), fc.constantFrom("<script>", "&amp;", "*", "_", "`", "|", "\n", "《", "》", "#", "(1)", "一、", "\\")), { minLength: 1, maxLength: 4 })
  .map((parts) => `x${parts.join("")}`);

const UNITS = ["家", "个", "笔", "元", "条", "项"] as const;
const PREFIX: Readonly<Record<number, string>> = { 0: "", 4: "万", 8: "亿" };

const quantityText = fc
  .record({ whole: fc.integer({ min: 0, max: 999_999 }), fraction: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), magnitude: fc.constantFrom(0, 4, 8), unit: fc.constantFrom(...UNITS) })
  .map(({ whole, fraction, magnitude, unit }) => `${whole}${fraction === undefined || magnitude === 0 ? "" : `.${fraction}`}${PREFIX[magnitude]}${unit}`);

/** A partial date from `from` to 2030 (the default rule set is dated from 2021). */
const partialDate = (from = 2000): fc.Arbitrary<PartialDate> =>
  fc.oneof<fc.Arbitrary<PartialDate>[]>(
    fc.integer({ min: from, max: 2030 }).map((y) => String(y) as PartialDate),
    fc.record({ y: fc.integer({ min: from, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, "0")}` as PartialDate),
    fc.record({ y: fc.integer({ min: from, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as PartialDate),
  );

interface Case {
  readonly documents: PolicyDocumentInput[];
  readonly evaluation: EvaluationInput;
  readonly indicators: IndicatorInput[];
  readonly observations: ObservationInput[];
}

const doc = (id: string, title: string, serial: number, relations: PolicyDocumentInput["relations"], adoptedOn?: PartialDate): PolicyDocumentInput => ({
  id,
  title,
  number: `测府办〔2015〕${serial}号`,
  adminLevel: "city",
  instrumentRank: "normativeDocument",
  isNormative: true,
  ...(adoptedOn === undefined ? {} : { adoptedOn }),
  ...(relations === undefined ? {} : { relations }),
});

/** A subject, its parents and grandparents (some amended or repealed), a record with measures, and figures for them. */
const evaluationCase: fc.Arbitrary<Case> = fc
  .record({
    titles: fc.array(text, { minLength: 5, maxLength: 5 }),
    parentTypes: fc.array(fc.constantFrom("implements", "basedOn"), { minLength: 0, maxLength: 2 }),
    parentEvent: fc.constantFrom("none", "amends", "repeals", "replaces", "declaresExpired"),
    grandparent: fc.boolean(),
    adoptedOn: fc.option(partialDate(), { nil: undefined }),
    evaluatedOn: partialDate(2021),
    areas: fc.array(text, { minLength: 1, maxLength: 3 }),
    measures: fc.array(
      fc.record({ description: text, area: fc.nat(2), lead: fc.option(fc.array(text, { minLength: 1, maxLength: 2 }), { nil: undefined }), status: fc.constantFrom(...IMPLEMENTATION_STATUSES) }),
      { maxLength: 5 },
    ),
    figures: fc.array(
      fc.record({ measure: fc.nat(9), quantity: quantityText, asOf: fc.option(partialDate(), { nil: undefined }), asOfText: fc.option(text, { nil: undefined }), part: fc.boolean() }),
      { maxLength: 8 },
    ),
    effects: fc.constantFrom("met", "partlyMet", "notMet", "unknown", undefined),
    conflicts: fc.option(fc.constant([]), { nil: undefined }),
    recommendation: fc.constantFrom("continue", "revise", "repeal", undefined),
  })
  .map((c): Case => {
    const documents: PolicyDocumentInput[] = [];
    const parents = c.parentTypes.map((type, k) => ({ type, target: `p${k}` }));
    documents.push(doc("s", c.titles[0]!, 1, parents, c.adoptedOn));
    c.parentTypes.forEach((_, k) => documents.push(doc(`p${k}`, c.titles[k + 1]!, k + 2, k === 0 && c.grandparent ? [{ type: "implements", target: "g" }] : undefined, "2015")));
    if (c.grandparent) documents.push(doc("g", c.titles[3]!, 9, undefined, "2015"));
    if (c.parentEvent !== "none" && parents.length > 0) documents.push(doc("e", c.titles[4]!, 10, [{ type: c.parentEvent, target: "p0" }], "2019-05-01"));
    const measures = c.measures.map((m, k) => ({
      id: `m${k}`,
      area: c.areas[m.area % c.areas.length]!,
      description: m.description,
      leadDepartments: m.lead ?? ("notStated" as const),
      status: m.status,
    }));
    const indicators: IndicatorInput[] = [];
    const observations: ObservationInput[] = [];
    c.figures.forEach((f, k) => {
      const unit = UNITS.find((u) => f.quantity.endsWith(u))!;
      const measureId = measures.length === 0 ? "none" : `m${f.measure % measures.length}`;
      indicators.push({ id: `i${k}`, name: `指标${k}`, measureId, measureType: "unit", unit, timeAggregation: "last", dimensions: [{ id: "d", name: "分项", options: [{ id: "a", name: "甲" }] }] });
      observations.push({
        id: `o${k}`,
        indicatorId: `i${k}`,
        quantity: f.quantity,
        ...(f.asOf === undefined ? {} : { asOf: f.asOf }),
        ...(f.asOfText === undefined ? {} : { asOfText: f.asOfText }),
        ...(f.part ? { dimensions: { d: "a" } } : {}),
        source: { document: "评估报告" },
      });
    });
    const evaluation: EvaluationInput = {
      subject: "s",
      evaluatedOn: c.evaluatedOn,
      measures,
      ...(c.effects === undefined ? {} : { findings: [{ criterion: "effectiveness", rating: c.effects }] }),
      ...(c.conflicts === undefined ? {} : { conflicts: [] }),
      ...(c.recommendation === undefined ? {} : { recommendation: { conclusion: c.recommendation } }),
    };
    return { documents, evaluation, indicators, observations };
  });

describe("renderReport — properties", () => {
  test.prop([evaluationCase, fc.constantFrom("markdown", "html", "text"), fc.constantFrom("zh", "en"), fc.boolean()], { numRuns: 60 })(
    "never throws on a valid evaluation result, and shows every quantity in its reported form",
    (c, format, lang, withContext) => {
      const context = { corpus: c.documents, indicators: c.indicators, observations: c.observations };
      const result = evaluate({ ...context, evaluation: c.evaluation });
      const report = renderReport(withContext ? { ...result, ...context } : result, { format, lang });
      expect(report.length).toBeGreaterThan(0);
      if (withContext) for (const o of parseObservations(c.observations)) expect(report).toContain(formatQuantity(o.quantity!));
      // The HTML never carries markup from the data.
      if (format === "html") expect(report.match(/<script/gi)).toBeNull();
    },
  );

  test.prop([fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withMap: true, withSet: true }), fc.anything()], { numRuns: 200 })(
    "safeRenderReport never throws, whatever it is given",
    (input, options) => {
      const result = safeRenderReport(input as never, options as never);
      if (!result.success) expect(result.error.issues.length).toBeGreaterThanOrEqual(1);
    },
  );
});
