import { createCorpus, deriveFacts, EvaluationSchema, EVALUATION_FACTS, GUANGDONG_RULE_SET, validateRuleSet } from "./src/index.js";
import { generateCatalogue } from "./bench/corpus.bench.js";
const N = 200000;
const corpus = createCorpus(generateCatalogue(N));
const rules = validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS });
const parsed = Array.from({ length: 100000 }, (_, i) => EvaluationSchema.parse({ subject: corpus.documents[N - 1 - i]!.id, evaluatedOn: "2024-06-30", findings: [{ criterion: "effectiveness", rating: "met" }], conflicts: [], endingGrounds: [] }));
for (let r = 0; r < 5; r++) { const t = performance.now(); for (const e of parsed) deriveFacts(corpus, e, undefined, { only: rules.facts }); console.error(Math.round(performance.now() - t)); }
