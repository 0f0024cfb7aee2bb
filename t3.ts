import { generateCatalogue } from "./bench/corpus.bench.js";
import { createCorpus } from "./src/index.js";
const docs = generateCatalogue(1000000);
const c0 = process.cpuUsage(); let t = performance.now();
createCorpus(docs);
const c1 = process.cpuUsage(c0);
console.log("build wall", performance.now() - t, "cpu user+sys", (c1.user + c1.system) / 1000);
