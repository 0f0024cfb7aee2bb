import { evaluate } from "./src/index.js";
import { qingyuanDocuments, qingyuanEvaluation } from "./src/examples/index.js";
const r = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
console.log(r.conclusion, r.missingFacts, JSON.stringify(r.reasons, null, 1).slice(0, 3000));
