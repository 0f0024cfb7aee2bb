/**
 * corpus.build, corpus.statusAt, corpus.impactOf, corpus.due on seeded
 * synthetic catalogues: 5 administrative levels, 1–3 parents per document
 * from the level above, dates and lifecycle events spread over 2000–2025.
 * Targets (issue 2): all four for 1M documents ≤ 3 s in total, ≤ 2 GB heap,
 * t(1M) / t(100k) ≤ 12.
 */
import { ADMIN_LEVELS, createCorpus, type PolicyDocumentInput } from "../src/index.js";
import { heapMB, report, seededRandom, sizes, time } from "./harness.js";

const SERIES = ["国办发", "粤府", "粤府办", "清府办", "清府", "英府办", "连府", "佛府办", "深府", "广府办"];

/** A seeded catalogue of n documents. Level sizes grow 1:4:16:64:256-ish. */
export function generateCatalogue(n: number, seed = 42): PolicyDocumentInput[] {
  const random = seededRandom(seed);
  const weights = [1, 4, 16, 64, 256];
  const total = weights.reduce((a, b) => a + b, 0);
  const levelOf: number[] = [];
  const firstOfLevel: number[] = [];
  let k = 0;
  for (let level = 0; level < 5; level++) {
    firstOfLevel.push(k);
    const count = level === 4 ? n - k : Math.max(1, Math.floor((n * weights[level]!) / total));
    for (let i = 0; i < count && k < n; i++, k++) levelOf.push(level);
  }
  firstOfLevel.push(n);
  const docs: PolicyDocumentInput[] = [];
  const serialBySeries = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const level = levelOf[i]!;
    const year = 2000 + Math.floor(random() * 24);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const series = SERIES[Math.floor(random() * SERIES.length)]!;
    const key = `${series}${year}`;
    const serial = (serialBySeries.get(key) ?? 0) + 1;
    serialBySeries.set(key, serial);
    const precision = random();
    const adoptedOn = precision < 0.1 ? `${year}` : precision < 0.3 ? `${year}-${String(month).padStart(2, "0")}` : `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const relations: NonNullable<PolicyDocumentInput["relations"]> = [];
    if (level > 0) {
      const lo = firstOfLevel[level - 1]!;
      const hi = firstOfLevel[level]!;
      const parents = 1 + Math.floor(random() * 3);
      const seen = new Set<number>();
      for (let p = 0; p < parents; p++) {
        const t = lo + Math.floor(random() * (hi - lo));
        if (seen.has(t)) continue;
        seen.add(t);
        relations.push({ type: random() < 0.7 ? "implements" : "basedOn", target: `d${t}` });
      }
      // A few lifecycle events on earlier documents of the same level.
      if (i > firstOfLevel[level]! && random() < 0.05) {
        const t = firstOfLevel[level]! + Math.floor(random() * (i - firstOfLevel[level]!));
        const r = random();
        relations.push({ type: r < 0.5 ? "amends" : r < 0.8 ? "repeals" : "declaresExpired", target: `d${t}`, on: "2025-01-01" });
      }
    }
    docs.push({
      id: `d${i}`,
      title: `文件${i}`,
      number: `${series}〔${year}〕${serial}号`,
      issuer: "某机关",
      adminLevel: ADMIN_LEVELS[level]!,
      instrumentRank: "normativeDocument",
      isNormative: true,
      adoptedOn: adoptedOn as PolicyDocumentInput["adoptedOn"],
      ...(random() < 0.3 ? { validUntil: `${year + 5}-12-31` as PolicyDocumentInput["validUntil"] } : {}),
      ...(relations.length > 0 ? { relations } : {}),
    });
  }
  return docs;
}

export function run(): void {
  const results: Record<number, number> = {};
  for (const n of sizes([10_000, 100_000, 1_000_000])) {
    const docs = generateCatalogue(n);
    const before = heapMB();
    const build = time(() => createCorpus(docs));
    const corpus = build.result;
    report({ name: "corpus.build", n, ms: build.ms, heapMB: heapMB() - before });
    const status = time(() => {
      let inForce = 0;
      for (const d of corpus.documents) if (corpus.statusAt(d.id, "2024-06-30").status === "in_force") inForce++;
      return inForce;
    });
    report({ name: "corpus.statusAt", n, ms: status.ms, heapMB: heapMB(), inForce: status.result });
    const impact = time(() => corpus.impactOf({ id: "d0", change: "amended", on: "2024-06-30" }));
    report({ name: "corpus.impactOf", n, ms: impact.ms, heapMB: heapMB(), affected: impact.result.affected.length });
    const due = time(() => corpus.dueForEvaluation("2024-06-30", { within: { months: 6 } }));
    report({ name: "corpus.due", n, ms: due.ms, heapMB: heapMB(), due: due.result.length });
    results[n] = build.ms + status.ms + impact.ms + due.ms;
    report({ name: "corpus.total", n, ms: results[n]!, heapMB: heapMB() });
  }
  // A 1M-long chain of implements: built, walked and checked for cycles without recursion.
  const chainLength = Math.max(...sizes([1_000_000]));
  const chain: PolicyDocumentInput[] = [];
  for (let i = 0; i < chainLength; i++) {
    chain.push({
      id: `c${i}`,
      title: `链${i}`,
      adminLevel: "city",
      instrumentRank: "normativeDocument",
      isNormative: true,
      adoptedOn: "2020-01-01",
      ...(i > 0 ? { relations: [{ type: "implements" as const, target: `c${i - 1}` }] } : {}),
    });
  }
  const chainBuild = time(() => createCorpus(chain));
  const chainImpact = time(() => chainBuild.result.impactOf({ id: "c0", change: "repealed", on: "2021-01-01" }));
  report({
    name: "corpus.chain",
    n: chainLength,
    ms: chainBuild.ms + chainImpact.ms,
    heapMB: heapMB(),
    buildMs: Math.round(chainBuild.ms),
    impactMs: Math.round(chainImpact.ms),
    deepest: chainImpact.result.affected[chainImpact.result.affected.length - 1]?.depth,
  });

  if (results[100_000] !== undefined && results[1_000_000] !== undefined) {
    report({ name: "corpus.growth", n: 1_000_000, ms: results[1_000_000]!, heapMB: heapMB(), ratio1Mto100k: Math.round((results[1_000_000]! / results[100_000]!) * 100) / 100 });
  }
}
