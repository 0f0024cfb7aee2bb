import { run } from "./bench/evaluate.bench.js";
run();
