/**
 * vitest matchers for apps that assert their conclusion logic:
 * `expect(result).toConclude("continue")`, `expect(result).toCite("国办发〔2016〕13号")`.
 * Plain functions: nothing here imports vitest, which stays an optional peer.
 *
 * @module
 */
import { isSameDocumentNumber } from "../documents/index.js";

/** The shape matchers read from an evaluation or rules result. */
interface ResultLike {
  readonly conclusion?: unknown;
  readonly reasons?: ReadonlyArray<{ readonly rule?: string; readonly cites?: readonly string[]; readonly basis?: ReadonlyArray<{ readonly document: string }> }>;
  readonly missingFacts?: readonly string[];
}

/** What a vitest matcher returns. */
export interface MatcherResult {
  /** Whether it matched. */
  readonly pass: boolean;
  /** The failure message (for `expect` and `expect.not`). */
  readonly message: () => string;
  /** The value received, for the diff. */
  readonly actual?: unknown;
  /** The value expected, for the diff. */
  readonly expected?: unknown;
}

function asResult(value: unknown): ResultLike {
  return typeof value === "object" && value !== null ? (value as ResultLike) : {};
}

function citesOf(result: ResultLike): string[] {
  const out: string[] = [];
  for (const reason of result.reasons ?? []) {
    for (const c of reason.cites ?? []) out.push(c);
    for (const b of reason.basis ?? []) out.push(b.document);
  }
  return [...new Set(out)];
}

function sameDocument(a: string, b: string): boolean {
  return a === b || isSameDocumentNumber(a, b);
}

/**
 * The matchers, for `expect.extend(policyEvalMatchers)`.
 *
 * - `toConclude(conclusion)` — the result's conclusion (`continue`, `revise`,
 *   `undetermined`, `conflict` …)
 * - `toCite(document)` — a reason cites the document (a 发文字号, spelt any
 *   way, or a title)
 * - `toMissFact(name)` — the result is undetermined for want of that fact
 *
 * @example
 * ```ts
 * import { evaluate } from "policy-eval";
 * import { qingyuanDocuments, qingyuanEvaluation } from "policy-eval/examples";
 * import { policyEvalMatchers } from "policy-eval/testing";
 * const result = evaluate({ corpus: qingyuanDocuments, evaluation: qingyuanEvaluation });
 * policyEvalMatchers.toConclude(result, "continue").pass; //=> true
 * policyEvalMatchers.toCite(result, "国办发[2016]13号").pass; //=> true
 * // In a test file: expect.extend(policyEvalMatchers); expect(result).toConclude("continue");
 * ```
 */
export const policyEvalMatchers = Object.freeze({
  /** `expect(result).toConclude(conclusion)`: the result's conclusion is `conclusion`. */
  toConclude(received: unknown, expected: string): MatcherResult {
    const result = asResult(received);
    const pass = result.conclusion === expected;
    const why =
      result.conclusion === "undetermined" && (result.missingFacts?.length ?? 0) > 0
        ? ` (missing facts: ${result.missingFacts!.join(", ")})`
        : result.reasons !== undefined && result.reasons.length > 0
          ? ` (rules: ${result.reasons.map((r) => r.rule).join(", ")})`
          : "";
    return {
      pass,
      message: () =>
        pass ? `expected the result not to conclude ${expected}` : `expected the result to conclude ${expected}, but it concluded ${String(result.conclusion)}${why}`,
      actual: result.conclusion,
      expected,
    };
  },
  /** `expect(result).toCite(document)`: a reason cites the document (any spelling of a 发文字号, or a title). */
  toCite(received: unknown, document: string): MatcherResult {
    const cites = citesOf(asResult(received));
    const pass = cites.some((c) => sameDocument(c, document));
    return {
      pass,
      message: () => (pass ? `expected no reason to cite ${document}` : `expected a reason to cite ${document}; the reasons cite: ${cites.join(", ") || "(nothing)"}`),
      actual: cites,
      expected: document,
    };
  },
  /** `expect(result).toMissFact(fact)`: the result is undetermined for want of `fact`. */
  toMissFact(received: unknown, fact: string): MatcherResult {
    const result = asResult(received);
    const missing = result.missingFacts ?? [];
    const pass = result.conclusion === "undetermined" && missing.includes(fact);
    return {
      pass,
      message: () =>
        pass
          ? `expected the result not to be undetermined for want of ${fact}`
          : `expected the result to be undetermined for want of ${fact}; it concluded ${String(result.conclusion)} with missing facts [${missing.join(", ")}]`,
      actual: missing,
      expected: fact,
    };
  },
});

/** The matchers' signatures on a vitest `Assertion` (see the module's `declare module "vitest"`). */
export interface PolicyEvalMatchers<R = unknown> {
  /** The result's conclusion is `conclusion`. */
  toConclude(conclusion: string): R;
  /** A reason cites `document` (a 发文字号 in any spelling, or a title). */
  toCite(document: string): R;
  /** The result is undetermined for want of `fact`. */
  toMissFact(fact: string): R;
}
