/**
 * The CLI's contact with the outside world, kept apart so commands stay
 * testable: they get an `Io` and return an exit code.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createIssue, PolicyEvalError } from "../errors.js";

/** Where a command writes and how it reads files. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readText: (path: string) => string;
  /** Writes a file (`report -o`); absent where the CLI may not write. */
  readonly writeText?: ((path: string, text: string) => void) | undefined;
}

/** The process's own streams and file system. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readText: (path) => (path === "-" ? readFileSync(0, "utf8") : readFileSync(path, "utf8")),
  writeText: (path, text) => writeFileSync(path, text, "utf8"),
};

/** Reads and parses a JSON file, turning every failure into a PolicyEvalError. */
export function readJson(io: Io, path: string): unknown {
  let text: string;
  try {
    text = io.readText(path);
  } catch (error) {
    throw new PolicyEvalError([
      createIssue(
        "unreadable-file",
        [],
        { "zh-CN": `无法读取文件 ${path}：${(error as Error).message}`, en: `Cannot read ${path}: ${(error as Error).message}` },
        { params: { path } },
      ),
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolicyEvalError([
      createIssue(
        "invalid-json",
        [],
        { "zh-CN": `${path} 不是有效的 JSON：${(error as Error).message}`, en: `${path} is not valid JSON: ${(error as Error).message}` },
        { params: { path } },
      ),
    ]);
  }
}
