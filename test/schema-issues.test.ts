import { describe, expect, it } from "vitest";
import { createIssue } from "../src/errors.js";
import { isNonBlankText, issueAt, isWhitespaceCode } from "../src/schema-issues.js";

describe("shared checks of the fast validators", () => {
  it("sees whitespace exactly as the schema's /\\S/ does, for every UTF-16 code unit", () => {
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhitespaceCode(c) !== /\s/.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });

  it("finds non-blank text as /\\S/ does", () => {
    for (const text of ["", " ", "\u3000", "\t\n", "\ufeff", " 清府办〔2017〕59号", "x", "\u3000国"]) expect(isNonBlankText(text), JSON.stringify(text)).toBe(/\S/.test(text));
    expect(isNonBlankText(59)).toBe(false);
  });

  it("moves an issue to another path, keeping everything else", () => {
    const warning = createIssue("nonstandard-document-number", ["number"], { "zh-CN": "中", en: "en" }, { severity: "warning", params: { x: 1 } });
    expect(issueAt(warning, [6, "number"])).toEqual({ ...warning, path: [6, "number"] });
  });
});
