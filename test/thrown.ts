import { PolicyEvalError } from "../src/errors.js";

/** The PolicyEvalError `fn` throws (any other outcome fails the test). */
export function errorOf(fn: () => unknown): PolicyEvalError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyEvalError) return error;
    throw error;
  }
  throw new Error("expected a PolicyEvalError");
}

/** The codes of the PolicyEvalError `fn` throws; `[]` when it throws nothing. */
export function thrownCodes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyEvalError) return error.issues.map((i) => i.code);
    throw error;
  }
  return [];
}
