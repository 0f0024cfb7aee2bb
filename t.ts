import { qingyuanIndicators, qingyuanMeasures } from "./src/examples/index.js";
const ids = new Set(qingyuanMeasures.map(m=>m.id));
console.log(qingyuanIndicators.filter(i=>!ids.has(i.measureId)).map(i=>[i.id,i.measureId]));
