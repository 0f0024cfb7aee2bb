/**
 * Benchmark harness (DESIGN.md §7). A benchmark reports; it never fails.
 * `npm run bench` prints a table; `npm run bench -- --json` one JSON object
 * per line: { name, n, ms, heapMB, ...extra }.
 */

export interface BenchRecord {
  name: string;
  n: number;
  ms: number;
  heapMB: number;
  [extra: string]: unknown;
}

const json = process.argv.includes("--json");
const records: BenchRecord[] = [];

/** Milliseconds taken by fn (one run, after an optional warm-up). */
export function time<T>(fn: () => T): { ms: number; result: T } {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, result };
}

/** Best of `runs` timings (the benchmark's own data is reused between runs). */
export function bestOf<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let best = time(fn);
  for (let i = 1; i < runs; i++) {
    const t = time(fn);
    if (t.ms < best.ms) best = t;
  }
  return best;
}

/** Heap in use now, in MB (after a GC when node runs with --expose-gc). */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

/** Records and prints one measurement. */
export function report(record: BenchRecord): void {
  const rounded: BenchRecord = { ...record, ms: Math.round(record.ms * 10) / 10 };
  if (typeof rounded["baselineMs"] === "number") rounded["baselineMs"] = Math.round((rounded["baselineMs"] as number) * 10) / 10;
  records.push(rounded);
  if (json) {
    console.log(JSON.stringify(rounded));
  } else {
    const extras = Object.entries(rounded)
      .filter(([k]) => !["name", "n", "ms", "heapMB"].includes(k))
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    console.log(
      `${rounded.name.padEnd(20)} n=${String(rounded.n).padStart(8)}  ${String(rounded.ms).padStart(9)} ms  heap ${String(rounded.heapMB).padStart(5)} MB  ${extras}`,
    );
  }
}

/** Sizes to run: `--n 10000,100000` overrides the defaults. */
export function sizes(defaults: number[]): number[] {
  const i = process.argv.indexOf("--n");
  const arg = i >= 0 ? process.argv[i + 1] : undefined;
  return arg ? arg.split(",").map(Number) : defaults;
}

/** Whether a benchmark group was asked for (`--only corpus,quantities`). */
export function wanted(group: string): boolean {
  const i = process.argv.indexOf("--only");
  const arg = i >= 0 ? process.argv[i + 1] : undefined;
  return !arg || arg.split(",").includes(group);
}

/** A seeded PRNG (mulberry32): the same seed gives the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
