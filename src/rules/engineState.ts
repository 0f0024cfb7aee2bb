/**
 * What a compiled rule set keeps between runs — never part of a result, and
 * never able to change one: the per-date memo (src/rules/dateContext.ts),
 * the scratch buffers (src/rules/scratch.ts) and the shared frozen trace
 * parts (src/rules/traceBuild.ts). Kept beside the immutable program, out
 * of the caller's sight, by src/rules/validateRuleSet.ts.
 *
 * @module
 * @internal
 */
import type { DateMemo } from "./dateContext.js";
import type { Program } from "./program.js";
import type { Scratch, ScratchHolder } from "./scratch.js";
import { newSharedTraceParts, type SharedTraceParts } from "./traceBuild.js";

/** The memo, buffers and shared parts of one compiled set. */
export interface EngineState extends ScratchHolder {
  readonly dates: DateMemo;
  scratch: Scratch | undefined;
  readonly shared: SharedTraceParts;
}

/** A compiled set as the engine sees it. */
export interface Engine {
  readonly program: Program;
  readonly state: EngineState;
}

/** The engine of a freshly compiled program. @internal */
export function newEngine(program: Program): Engine {
  return { program, state: { dates: new Map(), scratch: undefined, shared: newSharedTraceParts() } };
}
