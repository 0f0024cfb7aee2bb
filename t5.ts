import { generateCatalogue } from "./bench/corpus.bench.js";
const docs = generateCatalogue(1000000);
for (let r = 0; r < 3; r++) {
let t = performance.now(); let x = 0;
for (const d of docs) { x += d.id.length; for (const rel of d.relations ?? []) x += rel.target.length; }
console.log("walk", Math.round(performance.now() - t), x);
t = performance.now(); x = 0;
for (const d of docs) { x += d.id.charCodeAt(1); if (d.number) x += d.number.charCodeAt(2); for (const rel of d.relations ?? []) x += rel.target.charCodeAt(1); }
console.log("walk chars", Math.round(performance.now() - t), x);
}
