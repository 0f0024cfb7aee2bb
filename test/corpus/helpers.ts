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
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}
