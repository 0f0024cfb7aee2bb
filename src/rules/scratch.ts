/**
 * The buffers a run works in.
 *
 * The one trick: they are kept with the compiled set and reused by its next
 * run (a batch runs one compiled set 100k times), instead of being allocated
 * per subject. Nothing in them outlives a call — a result holds none of
 * them — and they are reset at the start of each run, so no result depends
 * on what ran before. A run that starts while another on the same set is
 * under way (a fact getter calling runRules) gets buffers of its own.
 *
 * @module
 * @internal
 */
import { clearSubject, newSubject, unset, type Subject } from "./factAccess.js";
import { ClassSets } from "./outcomes.js";
import type { Program } from "./program.js";
import type { TraceNode } from "./trace.js";

/** What a run works in. */
export interface Scratch {
  /** Whether a run is using it. */
  busy: boolean;
  readonly subject: Subject;
  /** Result code by node (src/rules/program.ts: ResultCode). */
  readonly res: Uint8Array;
  /** Status code by rule (src/rules/program.ts: StatusCode). */
  readonly status: Uint8Array;
  /** Trace node by node, and whether it is a shared (frozen) one (1). */
  readonly built: (TraceNode | undefined)[];
  readonly shared: Uint8Array;
  /** Stack of the walk towards the base rules (src/rules/exceptions.ts; empty between uses). */
  readonly walk: number[];
  /** Work lists of a reason (src/rules/reasons.ts; grown as needed, never shrunk). */
  readonly stack: number[];
  readonly slots: number[];
  readonly seen: number[];
  readonly cites: string[];
  /** By rule: the ids of the exceptions that overrode it. */
  readonly overriddenBy: (readonly string[] | undefined)[];
  /** By rule: the nearest applicable rules at or below it. */
  readonly nearest: (readonly number[] | undefined)[];
  /** By rule: `[its index]`, frozen. */
  readonly selfLists: (readonly number[] | undefined)[];
  /** The sets of answer classes of src/rules/outcomes.ts, by rule, then the whole set's. */
  readonly classes: ClassSets;
}

/** Where a compiled set keeps its scratch between runs. */
export interface ScratchHolder {
  scratch: Scratch | undefined;
}

function newScratch(program: Program): Scratch {
  const nodes = program.kinds.length;
  const rules = program.rules.length;
  return {
    busy: false,
    subject: newSubject(program.facts.length),
    res: new Uint8Array(nodes),
    status: new Uint8Array(rules),
    built: unset(nodes),
    shared: new Uint8Array(nodes),
    walk: [],
    stack: [],
    slots: [],
    seen: [],
    cites: [],
    overriddenBy: unset(rules),
    nearest: unset(rules),
    selfLists: unset(rules),
    classes: new ClassSets(rules + 1, Math.max(1, Math.ceil(program.conclusions.length / 32))),
  };
}

/** The set's scratch, reset and marked busy (or a fresh one while it is busy). Release it with `scratch.busy = false`. @internal */
export function acquireScratch(holder: ScratchHolder, program: Program): Scratch {
  const kept = holder.scratch;
  if (kept === undefined || kept.busy) {
    const fresh = newScratch(program);
    if (kept === undefined) holder.scratch = fresh;
    fresh.busy = true;
    return fresh;
  }
  kept.busy = true;
  clearSubject(kept.subject);
  kept.res.fill(0);
  kept.status.fill(0);
  return kept;
}
