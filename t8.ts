import { generateCatalogue } from "./bench/corpus.bench.js";
import { createCorpus } from "./src/index.js";
import { __T } from "./src/corpus/build.js";
const docs = generateCatalogue(200000);
for (let r = 0; r < 6; r++) { const t = performance.now(); createCorpus(docs); console.error(Math.round(performance.now() - t)); }
console.error(__T.map((x) => Math.round(x / 6)));
