import { generateCatalogue } from "./bench/corpus.bench.js";
import { createCorpus } from "./src/index.js";
const n = 200000;
const docs = generateCatalogue(n);
const uniform = docs.map((d) => ({ id: d.id, title: d.title, number: d.number, issuer: d.issuer, adminLevel: d.adminLevel, instrumentRank: d.instrumentRank, isNormative: d.isNormative, adoptedOn: d.adoptedOn, validUntil: d.validUntil, relations: d.relations ?? [] }));
for (let r = 0; r < 3; r++) {
  let t = performance.now(); createCorpus(docs); const a = performance.now() - t;
  t = performance.now(); createCorpus(uniform); const b = performance.now() - t;
  console.log("mixed shapes", Math.round(a), "uniform", Math.round(b));
}
