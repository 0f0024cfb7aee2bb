import { generateCatalogue } from "./bench/corpus.bench.js";
import { createCorpus } from "./src/index.js";
const docs = generateCatalogue(200000);
for (let r = 0; r < 5; r++) { const t = performance.now(); createCorpus(docs); console.error(Math.round(performance.now() - t)); }
