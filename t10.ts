import { EvaluationSchema, parseIndicators, parseObservations } from "./src/index.js";
const e = { subject: "d1", evaluatedOn: "2024-06-30", findings: [{ criterion: "effectiveness", rating: "met" }], conflicts: [], endingGrounds: [] };
for (let r = 0; r < 3; r++) {
let t = performance.now(); for (let i = 0; i < 100000; i++) EvaluationSchema.safeParse(e, { reportInput: true }); console.log("zod eval", performance.now() - t);
t = performance.now(); for (let i = 0; i < 100000; i++) { parseIndicators([]); parseObservations([]); } console.log("empty parse", performance.now() - t);
}
