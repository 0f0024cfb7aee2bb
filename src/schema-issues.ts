/**
 * Turns zod's issues into {@link PolicyEvalIssue}s with zh-CN and en messages,
 * without touching zod's global configuration (no `z.config`, no locale).
 *
 * @module
 */
import * as z from "zod";
import { createIssue, PolicyEvalError, type IssuePath, type PolicyEvalIssue, type SafeResult } from "./errors.js";

/** What a refinement puts in `params` so the issue keeps our code and both messages. */
export interface BilingualParams {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly [key: string]: unknown;
}

/**
 * Adds a bilingual custom issue from inside a zod `superRefine` / `check`.
 *
 * @internal
 */
export function bilingualIssue(code: string, zh: string, en: string, extra?: Record<string, unknown>): BilingualParams {
  return { ...extra, code, zh, en };
}

/**
 * Adds our issues to a zod refinement context, codes and both messages kept
 * (paths relative to the value being checked); {@link issueFromZod} reads
 * them back unchanged.
 *
 * @internal
 */
export function forwardIssues(ctx: z.core.$RefinementCtx, issues: readonly PolicyEvalIssue[]): void {
  for (const issue of issues) {
    ctx.addIssue({
      code: "custom",
      message: issue.messages.en,
      path: [...issue.path],
      params: bilingualIssue(issue.code, issue.messages["zh-CN"], issue.messages.en, issue.params),
    });
  }
}

/** Whether a UTF-16 code unit is whitespace as a JS regex's `\s` sees it (no `u` flag). @internal */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A string with a non-blank character (what `/\S/` finds), checked without a
 * regex call: the fast validators of documents and evaluation records read a
 * million of them.
 * @internal
 */
export function isNonBlankText(value: unknown): value is string {
  if (typeof value !== "string") return false;
  for (let i = 0; i < value.length; i++) if (!isWhitespaceCode(value.charCodeAt(i))) return true;
  return false;
}

/**
 * An ordinary object: its prototype is Object.prototype, as for every output
 * of a zod object schema. The fast validators take nothing else (a class
 * instance, a null-prototype object, an array are left to zod).
 * @internal
 */
export function isOrdinaryObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The same issue at another path (its code, messages, severity and params
 * kept): for issues of a part re-reported at the part's place in the whole.
 * @internal
 */
export function issueAt(issue: PolicyEvalIssue, path: IssuePath): PolicyEvalIssue {
  return createIssue(issue.code, path, issue.messages, {
    severity: issue.severity,
    ...(issue.params === undefined ? {} : { params: issue.params }),
  });
}

/**
 * A string with at least one non-space character, with a bilingual
 * `empty-text` issue. No transform: the output is the input.
 * @internal
 */
export const NonBlankStringSchema = z.string().refine(isNonBlankText, {
  params: bilingualIssue("empty-text", "不能为空白", "Must not be empty or blank"),
});

const TYPE_ZH: Readonly<Record<string, string>> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  bigint: "大整数",
  date: "日期",
  null: "空值",
};

function describeInput(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  return typeof input;
}

function quoteValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(" | ");
}

/**
 * Converts one zod issue. Paths are prefixed with `basePath`.
 *
 * @internal
 */
export function issueFromZod(raw: z.core.$ZodIssue, basePath: IssuePath = []): PolicyEvalIssue {
  const path = [...basePath, ...raw.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const input = (raw as { input?: unknown }).input;
  switch (raw.code) {
    case "invalid_type": {
      if (input === undefined) {
        return createIssue("missing-field", path, {
          "zh-CN": `缺少必填字段（应为${TYPE_ZH[raw.expected] ?? raw.expected}）`,
          en: `Required field is missing (expected ${raw.expected})`,
        });
      }
      return createIssue(
        "invalid-type",
        path,
        {
          "zh-CN": `类型错误：应为${TYPE_ZH[raw.expected] ?? raw.expected}，实际为${TYPE_ZH[describeInput(input)] ?? describeInput(input)}`,
          en: `Wrong type: expected ${raw.expected}, received ${describeInput(input)}`,
        },
        { params: { expected: raw.expected, received: describeInput(input) } },
      );
    }
    case "invalid_value":
      if (input === undefined) {
        return createIssue("missing-field", path, {
          "zh-CN": `缺少必填字段（应为 ${quoteValues(raw.values)} 之一）`,
          en: `Required field is missing (expected one of ${quoteValues(raw.values)})`,
        });
      }
      return createIssue(
        "invalid-value",
        path,
        {
          "zh-CN": `取值无效：应为 ${quoteValues(raw.values)} 之一，实际为 ${JSON.stringify(input)}`,
          en: `Invalid value: expected one of ${quoteValues(raw.values)}, received ${JSON.stringify(input)}`,
        },
        { params: { expected: raw.values, received: input } },
      );
    case "unrecognized_keys":
      return createIssue(
        "unknown-field",
        path,
        {
          "zh-CN": `未知字段：${raw.keys.join("、")}`,
          en: `Unknown field${raw.keys.length > 1 ? "s" : ""}: ${raw.keys.join(", ")}`,
        },
        { params: { keys: raw.keys } },
      );
    case "too_small":
    case "too_big": {
      const small = raw.code === "too_small";
      const bound = String(small ? (raw as { minimum: unknown }).minimum : (raw as { maximum: unknown }).maximum);
      return createIssue(
        small ? "too-small" : "too-big",
        path,
        {
          "zh-CN": `${small ? "过小或过短" : "过大或过长"}：${small ? "最小" : "最大"}为 ${bound}`,
          en: `Too ${small ? "small or short" : "big or long"}: the ${small ? "minimum" : "maximum"} is ${bound}`,
        },
        { params: { bound, origin: raw.origin } },
      );
    }
    case "invalid_format":
      return createIssue(
        "invalid-format",
        path,
        {
          "zh-CN": `格式无效（${raw.format}）：${JSON.stringify(input)}`,
          en: `Invalid format (${raw.format}): ${JSON.stringify(input)}`,
        },
        { params: { format: raw.format } },
      );
    case "custom": {
      const params = raw.params as Partial<BilingualParams> | undefined;
      if (params?.code !== undefined && params.zh !== undefined && params.en !== undefined) {
        const { code, zh, en, ...rest } = params;
        return createIssue(code, path, { "zh-CN": zh, en }, Object.keys(rest).length > 0 ? { params: rest } : {});
      }
      return createIssue("invalid-value", path, { "zh-CN": `取值无效：${raw.message}`, en: raw.message });
    }
    case "invalid_union": {
      const discriminator = (raw as { discriminator?: string }).discriminator;
      if (discriminator !== undefined) {
        const options = (raw as { options?: unknown[] }).options ?? [];
        return createIssue("invalid-value", path, {
          "zh-CN": `${discriminator} 取值无效：应为 ${quoteValues(options)} 之一`,
          en: `Invalid ${discriminator}: expected one of ${quoteValues(options)}`,
        });
      }
      return createIssue("invalid-type", path, {
        "zh-CN": "不符合任何允许的形式",
        en: "Matches none of the allowed forms",
      });
    }
    default:
      return createIssue("invalid-value", path, { "zh-CN": `取值无效：${raw.message}`, en: raw.message });
  }
}

/**
 * Validates `input` against `schema`; on failure returns every issue,
 * converted, with paths prefixed by `basePath`.
 *
 * @internal
 */
export function safeParseSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
  basePath: IssuePath = [],
): SafeResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new PolicyEvalError(result.error.issues.map((i) => issueFromZod(i, basePath))) };
}

/**
 * Like {@link safeParseSchema} but throws the {@link PolicyEvalError}.
 *
 * @internal
 */
export function parseSchema<S extends z.ZodType>(schema: S, input: unknown, basePath: IssuePath = []): z.output<S> {
  const result = safeParseSchema(schema, input, basePath);
  if (!result.success) throw result.error;
  return result.data;
}
