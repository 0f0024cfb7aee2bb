import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createIssue, formatIssuePath, isPolicyEvalError, PolicyEvalError } from "../src/errors.js";
import { bilingualIssue, parseSchema, safeParseSchema } from "../src/schema-issues.js";

describe("PolicyEvalError", () => {
  it("carries every issue with code, path and both messages", () => {
    const error = new PolicyEvalError([
      createIssue("invalid-date", [0, "adoptedOn"], { "zh-CN": "日期无效", en: "Invalid date" }),
      createIssue("unknown-reference", [1, "relations", 0, "target"], { "zh-CN": "未知文件", en: "Unknown document" }, { params: { target: "x" } }),
    ]);
    expect(error.issues).toHaveLength(2);
    expect(error.name).toBe("PolicyEvalError");
    expect(error.message).toBe("[0].adoptedOn: Invalid date (invalid-date)\n[1].relations[0].target: Unknown document (unknown-reference)");
    expect(error.format("zh-CN")).toContain("[1].relations[0].target: 未知文件 (unknown-reference)");
    expect(error.issues[1]).toMatchInlineSnapshot(`
      {
        "code": "unknown-reference",
        "message": "Unknown document",
        "messages": {
          "en": "Unknown document",
          "zh-CN": "未知文件",
        },
        "params": {
          "target": "x",
        },
        "path": [
          1,
          "relations",
          0,
          "target",
        ],
        "severity": "error",
      }
    `);
    expect(Object.isFrozen(error.issues[0])).toBe(true);
    expect(isPolicyEvalError(error)).toBe(true);
    expect(isPolicyEvalError(new Error("x"))).toBe(false);
  });

  it("formats paths the way users read them", () => {
    expect(formatIssuePath([])).toBe("(root)");
    expect(formatIssuePath(["documents", 3, "relations", 0])).toBe("documents[3].relations[0]");
  });
});

describe("zod issues in both languages", () => {
  const schema = z
    .object({
      id: z.string(),
      level: z.enum(["city", "county"]),
      count: z.number().int().min(1),
      items: z.array(z.object({ name: z.string() })).optional(),
      note: z.string().refine((s) => s !== "bad", { params: bilingualIssue("bad-note", "备注无效", "Bad note") }).optional(),
    })
    .strict();

  it("reports every problem with a stable code, the path and zh-CN + en messages", () => {
    const result = safeParseSchema(schema, { level: "town", count: 0, items: [{}], note: "bad", extra: true }, ["documents", 2]);
    expect(result.success).toBe(false);
    if (result.success) return;
    const codes = result.error.issues.map((i) => [i.code, i.path.join(".")]);
    expect(codes).toEqual([
      ["missing-field", "documents.2.id"],
      ["invalid-value", "documents.2.level"],
      ["too-small", "documents.2.count"],
      ["missing-field", "documents.2.items.0.name"],
      ["bad-note", "documents.2.note"],
      ["unknown-field", "documents.2"],
    ]);
    for (const issue of result.error.issues) {
      expect(issue.messages["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.messages.en).toMatch(/[A-Za-z]/);
    }
    expect(() => parseSchema(schema, {})).toThrow(PolicyEvalError);
    expect(parseSchema(schema, { id: "a", level: "city", count: 2 })).toEqual({ id: "a", level: "city", count: 2 });
  });

  it("names the received type of a wrong value", () => {
    const result = safeParseSchema(z.object({ n: z.number() }), { n: "7" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]).toMatchObject({ code: "invalid-type", params: { expected: "number", received: "string" } });
    }
  });
});
