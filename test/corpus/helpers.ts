import type { PolicyDocumentInput } from "../../src/index.js";

/** A minimal valid city-level normative document, for tests. */
export function doc(id: string, extra: Partial<PolicyDocumentInput> = {}): PolicyDocumentInput {
  return {
    id,
    title: `文件${id}`,
    issuer: "某市人民政府",
    adminLevel: "city",
    instrumentRank: "normativeDocument",
    isNormative: true,
    ...extra,
  };
}

/** Deeply freezes a value so a test fails if code under test writes to it. */
export { deepFreeze } from "../../src/rules/program.js";
