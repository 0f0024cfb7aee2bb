/**
 * Errors as data: every problem found in an input is a {@link PolicyEvalIssue}
 * with a stable kebab-case code, the path into the input and a message in
 * zh-CN and en. {@link PolicyEvalError} carries all of them at once.
 *
 * @module
 */

/** A path into the input: object keys and array indexes, outermost first. */
export type IssuePath = ReadonlyArray<string | number>;

/** The two locales every message is written in. */
export type Locale = "zh-CN" | "en";

/** A message in both supported locales. */
export interface LocalizedMessage {
  /** 简体中文 */
  readonly "zh-CN": string;
  /** English */
  readonly en: string;
}

/**
 * 问题 — one problem found in an input.
 *
 * @example
 * ```ts
 * import { createIssue } from "policy-eval";
 * const issue = createIssue("invalid-date", ["adoptedOn"], {
 *   "zh-CN": "日期无效：2021-02-29",
 *   en: "Invalid date: 2021-02-29",
 * });
 * issue.message; //=> "Invalid date: 2021-02-29"
 * ```
 */
export interface PolicyEvalIssue {
  /** Stable kebab-case code, e.g. `unknown-reference`. Safe to switch on. */
  readonly code: string;
  /** Where in the input the problem is. `[]` for the input as a whole. */
  readonly path: IssuePath;
  /** The English message (same as `messages.en`). */
  readonly message: string;
  /** The message in every supported locale. */
  readonly messages: LocalizedMessage;
  /** `error` unless the issue is only a warning (e.g. a parent of lower rank). */
  readonly severity: "error" | "warning";
  /** Code-specific data (the offending value, the cycle's path, …). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Options of {@link createIssue}. */
export interface CreateIssueOptions {
  /** Defaults to `error`. */
  readonly severity?: "error" | "warning" | undefined;
  /** Code-specific data. */
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Builds a {@link PolicyEvalIssue}.
 *
 * @param code - stable kebab-case code
 * @param path - path into the input
 * @param messages - the message in zh-CN and en
 * @param options - severity and code-specific params
 * @returns a frozen issue
 *
 * @example
 * ```ts
 * import { createIssue } from "policy-eval";
 * createIssue("duplicate-id", [3, "id"], { "zh-CN": "重复的文件标识", en: "Duplicate id" }).path;
 * //=> [3, "id"]
 * ```
 */
export function createIssue(
  code: string,
  path: IssuePath,
  messages: LocalizedMessage,
  options?: CreateIssueOptions | undefined,
): PolicyEvalIssue {
  const issue: PolicyEvalIssue = {
    code,
    path: Object.freeze([...path]),
    message: messages.en,
    messages: Object.freeze({ "zh-CN": messages["zh-CN"], en: messages.en }),
    severity: options?.severity ?? "error",
    ...(options?.params === undefined ? {} : { params: Object.freeze({ ...options.params }) }),
  };
  return Object.freeze(issue);
}

/**
 * Renders a path the way users read it: `documents[3].relations[0].target`.
 *
 * @param path - a path into the input
 * @returns the dotted form, or `(root)` for the empty path
 *
 * @example
 * ```ts
 * import { formatIssuePath } from "policy-eval";
 * formatIssuePath([3, "relations", 0, "target"]); //=> "[3].relations[0].target"
 * ```
 */
export function formatIssuePath(path: IssuePath): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out;
}

/**
 * 错误 — thrown when an input has problems. Carries every issue found, never
 * only the first; nothing was half-applied when it is thrown.
 *
 * @example
 * ```ts
 * import { PolicyEvalError, parsePartialDate } from "policy-eval";
 * try {
 *   parsePartialDate("2021-02-29");
 * } catch (error) {
 *   if (error instanceof PolicyEvalError) error.issues[0]?.code; //=> "invalid-date"
 * }
 * ```
 */
export class PolicyEvalError extends Error {
  /** Every problem found, in input order. */
  readonly issues: readonly PolicyEvalIssue[];

  /**
   * Builds the error from the issues found.
   *
   * @param issues - the problems found (at least one)
   */
  constructor(issues: readonly PolicyEvalIssue[]) {
    super(formatIssues(issues, "en"));
    this.name = "PolicyEvalError";
    this.issues = Object.freeze([...issues]);
  }

  /**
   * All issues as text, one per line, in the given locale.
   *
   * @param locale - `zh-CN` or `en` (default `en`)
   * @returns one line per issue: `path: message (code)`
   *
   * @example
   * ```ts
   * import { PolicyEvalError, createIssue } from "policy-eval";
   * new PolicyEvalError([
   *   createIssue("invalid-date", ["adoptedOn"], { "zh-CN": "日期无效", en: "Invalid date" }),
   * ]).format("zh-CN");
   * //=> "adoptedOn: 日期无效 (invalid-date)"
   * ```
   */
  format(locale: Locale = "en"): string {
    return formatIssues(this.issues, locale);
  }
}

function formatIssues(issues: readonly PolicyEvalIssue[], locale: Locale): string {
  return issues.map((i) => `${formatIssuePath(i.path)}: ${i.messages[locale]} (${i.code})`).join("\n");
}

/**
 * The result of a `safe*` function: the data, or the error that `parse*`
 * would have thrown.
 */
export type SafeResult<T> = SafeSuccess<T> | SafeFailure;

/** The success branch of a {@link SafeResult}. */
export interface SafeSuccess<T> {
  /** Always true. */
  readonly success: true;
  /** The result. */
  readonly data: T;
}

/** The failure branch of a {@link SafeResult}. */
export interface SafeFailure {
  /** Always false. */
  readonly success: false;
  /** Every problem found. */
  readonly error: PolicyEvalError;
}

/**
 * Type guard for {@link PolicyEvalError}, also across bundled copies of the
 * library (checks the name and the issues array, not only the prototype).
 *
 * @param value - anything caught
 * @returns whether it is a PolicyEvalError
 *
 * @example
 * ```ts
 * import { isPolicyEvalError, PolicyEvalError } from "policy-eval";
 * isPolicyEvalError(new PolicyEvalError([])); //=> true
 * isPolicyEvalError(new Error("x")); //=> false
 * ```
 */
export function isPolicyEvalError(value: unknown): value is PolicyEvalError {
  return (
    value instanceof PolicyEvalError ||
    (value instanceof Error && value.name === "PolicyEvalError" && Array.isArray((value as { issues?: unknown }).issues))
  );
}
