/**
 * Linear time on user text: a report whose titles, measure, figure and
 * process texts are 10 KB and then 100 KB long renders about 10 times
 * slower, not 100 (best-of-N timings, generous margin).
 */
import { describe, expect, it } from "vitest";
import { evaluate, renderReport, type ReportInput } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "../../src/examples/index.js";

function inputOf(size: number): ReportInput {
  // Mixed text: CJK, spaces, markup characters and line breaks, so every scan has work to do.
  const unit = "清远市二手车交易登记服务站<b>&截止 \n2021年";
  const long = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // One long text in each place user text reaches the report.
  const corpus = qingyuanDocuments.map((d) => (d.id === "qfb-2017-59" ? { ...d, title: long } : d));
  const [first, ...measures] = qingyuanEvaluation.measures!;
  const [step, ...steps] = qingyuanEvaluation.process!;
  const evaluation = {
    ...qingyuanEvaluation,
    evaluatingBodyAsWritten: long,
    measures: [{ ...first!, description: long, leadDepartments: [long] }, ...measures],
    process: [{ ...step!, description: long }, ...steps],
    consultedUnits: [...qingyuanEvaluation.consultedUnits!, { name: long }],
  };
  const indicators = qingyuanIndicators.map((i) => (i.id === "credit-files" ? { ...i, name: long } : i));
  const observations = qingyuanObservations.map((o) => (o.id === "credit-files" ? { ...o, asOfText: `截止${long}`, department: long } : o));
  const context = { corpus, indicators, observations };
  return { ...evaluate({ ...context, evaluation }), ...context };
}

/** Best times of `a` and `b`, run alternately so that a burst of load on the machine slows both alike. */
function bestOfBoth(runs: number, a: () => void, b: () => void): [number, number] {
  let bestA = Number.POSITIVE_INFINITY;
  let bestB = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    a();
    bestA = Math.min(bestA, performance.now() - start);
    start = performance.now();
    b();
    bestB = Math.min(bestB, performance.now() - start);
  }
  return [bestA, bestB];
}

describe("renderReport — linear in the length of user text", () => {
  it.each(["markdown", "html", "text"] as const)("%s: 100 KB texts take about 10× the time of 10 KB texts", (format) => {
    const small = inputOf(10_000);
    const large = inputOf(100_000);
    const report = renderReport(large, { format });
    expect(report.length).toBeGreaterThan(100_000 * 8);
    const [t10, t100] = bestOfBoth(5, () => renderReport(small, { format }), () => renderReport(large, { format }));
    // Linear is ~10×; quadratic would be ~100×: the margin is wide for a loaded machine.
    expect(t100 / Math.max(t10, 1)).toBeLessThan(50);
  }, 60_000);
});
