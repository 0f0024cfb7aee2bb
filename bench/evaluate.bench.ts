/**
 * rules.evaluate (issue 4): evaluate 100k subjects of a synthetic 1M-document
 * catalogue with the default (Guangdong) rule set, fact derivation included:
 * each subject's parents' status and amendments from the catalogue, its
 * evaluation record validated, the rules run with a full trace. The corpus is
 * built once (corpus.build measures that). Target: ≤ 2 s.
 */
import { createCorpus, evaluate, EVALUATION_FACTS, GUANGDONG_RULE_SET, validateRuleSet } from "../src/index.js";
import { generateCatalogue } from "./corpus.bench.js";
import { heapMB, report, seededRandom, sizes, time } from "./harness.js";

export function run(): void {
  const [catalogueSize = 1_000_000] = sizes([1_000_000]);
  const subjects = Math.min(100_000, catalogueSize);
  const corpus = createCorpus(generateCatalogue(catalogueSize));
  const rules = validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS });
  const random = seededRandom(7);
  // Subjects from the lower levels, which have parents; records vary the findings.
  const evaluations = Array.from({ length: subjects }, (_, i) => {
    const k = catalogueSize - 1 - Math.floor((i * catalogueSize) / subjects / 2);
    const r = random();
    return {
      subject: corpus.documents[k]!.id,
      evaluatedOn: "2024-06-30",
      findings: [{ criterion: "effectiveness", rating: r < 0.8 ? "met" : r < 0.9 ? "partlyMet" : "notMet" }],
      conflicts: random() < 0.05 ? [{ superior: { document: "国办发〔2016〕13号" }, description: "冲突" }] : [],
      endingGrounds: random() < 0.02 ? [{ ground: "taskCompleted" }] : [],
    };
  });
  const counts: Record<string, number> = {};
  const { ms } = time(() => {
    for (const evaluation of evaluations) {
      const result = evaluate({ corpus, evaluation }, { rules });
      counts[result.conclusion] = (counts[result.conclusion] ?? 0) + 1;
    }
  });
  report({ name: "rules.evaluate", n: subjects, ms, heapMB: heapMB(), catalogue: catalogueSize, usPerSubject: Math.round((ms * 1000 * 100) / subjects) / 100, conclusions: counts });
}
