import { createCorpus, deriveFacts, EvaluationSchema, EVALUATION_FACTS, GUANGDONG_RULE_SET, runRules, validateRuleSet, evaluate } from "./src/index.js";
import { generateCatalogue } from "./bench/corpus.bench.js";
const N = 200000;
const corpus = createCorpus(generateCatalogue(N));
const rules = validateRuleSet(GUANGDONG_RULE_SET, { facts: EVALUATION_FACTS });
const evals = Array.from({ length: 100000 }, (_, i) => ({ subject: corpus.documents[N - 1 - i]!.id, evaluatedOn: "2024-06-30", findings: [{ criterion: "effectiveness", rating: "met" }], conflicts: [], endingGrounds: [] }));
for (let r = 0; r < 3; r++) {
  let t = performance.now(); const parsed = evals.map((e) => EvaluationSchema.parse(e)); const tz = performance.now() - t;
  t = performance.now(); const facts = parsed.map((e) => deriveFacts(corpus, e, undefined, { only: rules.facts })); const tf = performance.now() - t;
  t = performance.now(); for (const f of facts) runRules(rules, f, { date: "2024-06-30" }); const tr = performance.now() - t;
  t = performance.now(); for (const e of evals) evaluate({ corpus, evaluation: e }, { rules }); const te = performance.now() - t;
  t = performance.now(); for (const e of evals) { const d = corpus.parentsOf(e.subject); for (const p of d) corpus.statusAt(p.id, "2024-06-30"); } const ts = performance.now() - t;
  console.log({ zod: Math.round(tz), derive: Math.round(tf), rules: Math.round(tr), evaluate: Math.round(te), parentStatus: Math.round(ts) });
}
