import { createCorpus, PolicyEvalError } from "./src/index.js";
import { qingyuanDocuments } from "./src/examples/index.js";
const c = createCorpus(qingyuanDocuments);
console.log(c.warnings);
for (const d of c.documents) { const s = c.statusAt(d.id, "2021"); console.log(d.id, s.status, s.certainty, s.explanation["zh-CN"], s.explanation.en); }
console.log(c.statusAt("qfb-2017-59", "2017-09-15"));
console.log(c.evaluationDueOf("qfb-2017-59", "2021"));
console.log(JSON.stringify(c.impactOf({ id: "gbf-2016-13", change: "amended", on: "2022-01-01" }), null, 1));
console.log(c.dueForEvaluation("2021", { within: { years: 2 } }).map(d => [d.id, d.dueOn, d.overdue]));
try { createCorpus([{ id: "a", title: "t", adminLevel: "city", instrumentRank: "x", isNormative: "yes", relations: [{type: "implements", target: "zz"}] }, {id:"a"}, { id: "b", title: "b", adminLevel: "city", instrumentRank: "normativeDocument", isNormative: true, relations: [{type:"implements", target:"c"}]}, { id: "c", title: "c", adminLevel: "city", instrumentRank: "normativeDocument", isNormative: true, number: "国办发[2016]13号", relations: [{type:"basedOn", target:"b"}]}]) } catch (e) { console.log((e as PolicyEvalError).format("en")); console.log((e as PolicyEvalError).format("zh-CN")); }
