export * from "../../src/examples/index.js";
export * from "../../src/examples/qingyuan/indicators.js";
