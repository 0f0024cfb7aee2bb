export * from "../../src/index.js";
export * from "../../src/quantities/index.js";
export * from "../../src/indicators/index.js";
