/**
 * quantities.parse, quantities.sum, quantities.rollup on seeded synthetic
 * report figures: 0–4 decimals, magnitudes mixed (units, 万, 亿).
 * Targets (issue 3): parseQuantity ≥ 1M short strings/s; sum and rollup (by
 * area, 100 areas) of 1M observations exact (checked against a BigInt oracle here) and ≥ 5× faster
 * than plain decimal.js `reduce((a, v) => a.plus(v))`, measured in the same run.
 *
 * The decimal.js baseline uses the library's default configuration (20
 * significant digits), as a user would: `baselineExact` says whether that
 * kept every digit of the total.
 */
import { Decimal } from "decimal.js";
import { rollup, sum, type Observation } from "../src/indicators/index.js";
import { createQuantity, parseQuantity, type Magnitude, type Quantity } from "../src/quantities/index.js";
import { bestOf, heapMB, report, seededRandom, sizes, time } from "./harness.js";

const MAGNITUDES: readonly Magnitude[] = [0, 4, 8];
const MAGNITUDE_TEXT: Readonly<Record<number, string>> = { 0: "", 4: "万", 8: "亿" };
const COUNT_UNITS = ["家", "个", "条", "笔", "件次", "户"] as const;
const FRACTION = 4; // the oracle's common scale: 10^-4 of a base unit

/** One reported figure: digits, fraction digits, magnitude. */
interface Figure {
  readonly coefficient: bigint;
  readonly fraction: number;
  readonly magnitude: Magnitude;
}

function figures(n: number, seed: number): Figure[] {
  const random = seededRandom(seed);
  const out: Figure[] = [];
  for (let i = 0; i < n; i++) {
    const fraction = Math.floor(random() * 5); // 0–4 decimals
    const digits = 1 + Math.floor(random() * 8);
    const coefficient = BigInt(Math.floor(random() * 10 ** digits));
    out.push({ coefficient, fraction, magnitude: MAGNITUDES[Math.floor(random() * 3)] as Magnitude });
  }
  return out;
}

function numberText(f: Figure): string {
  const digits = f.coefficient.toString().padStart(f.fraction + 1, "0");
  const point = digits.length - f.fraction;
  return f.fraction === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The value in units of 10^-FRACTION base units: the BigInt oracle. */
function oracleOf(f: Figure): bigint {
  return f.coefficient * 10n ** BigInt(FRACTION - f.fraction + f.magnitude);
}

function scaledToOracle(q: Quantity): bigint {
  return q.value.coefficient * 10n ** BigInt(FRACTION - q.value.scale);
}

function decimalToOracle(d: Decimal): bigint {
  const text = d.toFixed(FRACTION); // rounds only if d has more digits, which sums of 4-decimal terms do not
  return BigInt(text.replace(".", ""));
}

/** Short report strings: 326.16亿元, 698.14 万条, 7家, 7万余户, 1,234个 … */
function reportStrings(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (const f of figures(n, seed)) {
    const r = random();
    const unit = r < 0.5 ? "元" : (COUNT_UNITS[Math.floor(random() * COUNT_UNITS.length)] as string);
    const space = random() < 0.2 ? " " : "";
    const marker = random() < 0.05 ? "余" : "";
    out.push(`${numberText(f)}${space}${MAGNITUDE_TEXT[f.magnitude]}${marker}${unit}`);
  }
  return out;
}

function benchParse(n: number): void {
  const strings = reportStrings(n, 7);
  let checksum = 0;
  const { ms } = bestOf(5, () => {
    checksum = 0;
    for (let i = 0; i < strings.length; i++) checksum += parseQuantity(strings[i] as string).precision;
    return checksum;
  });
  report({
    name: "quantities.parse",
    n,
    ms,
    heapMB: heapMB(),
    perSecond: Math.round((n / ms) * 1000),
    target: 1_000_000,
    sample: strings.slice(0, 3).join(" | "),
  });
}

/**
 * Best of `runs` for ours and for the baseline, taken in turns so that a busy
 * moment of the machine weighs on both alike.
 */
function bestOfBoth<A, B>(runs: number, ours: () => A, baseline: () => B): { ours: { ms: number; result: A }; baseline: { ms: number; result: B } } {
  let a = time(ours);
  let b = time(baseline);
  for (let i = 1; i < runs; i++) {
    const x = time(ours);
    if (x.ms < a.ms) a = x;
    const y = time(baseline);
    if (y.ms < b.ms) b = y;
  }
  return { ours: a, baseline: b };
}

/** 1M synthetic observations of one amount indicator, over `areas` areas. */
function observationsOf(fs: readonly Figure[], areas: number): Observation[] {
  const random = seededRandom(29);
  const areaNames = Array.from({ length: areas }, (_, k) => `area-${k}`);
  const source = { document: "synthetic" };
  return fs.map((f, k) => ({
    id: `o${k}`,
    indicatorId: "amount",
    quantity: createQuantity(numberText(f), "元", { magnitude: f.magnitude }),
    area: areaNames[Math.floor(random() * areas)] as string,
    department: "notStated",
    dimensions: {},
    status: "normal",
    source,
  }));
}

function decimalsOf(observations: readonly Observation[]): Decimal[] {
  return observations.map((o) => new Decimal((o.quantity as Quantity).value.toString()));
}

/** Times sum(observations) against decimal.js reduce on the same values, both checked against the oracle. */
function benchSum(fs: readonly Figure[], variant?: string): void {
  const observations = observationsOf(fs, 1);
  const decimals = decimalsOf(observations);
  const oracle = fs.reduce((acc, f) => acc + oracleOf(f), 0n);
  const { ours, baseline } = bestOfBoth(
    7,
    () => sum(observations),
    () => decimals.reduce((a, v) => a.plus(v), new Decimal(0)),
  );
  report({
    name: "quantities.sum",
    n: fs.length,
    ms: ours.ms,
    heapMB: heapMB(),
    ...(variant === undefined ? {} : { variant }),
    exact: scaledToOracle(ours.result) === oracle,
    baseline: "decimal.js reduce",
    baselineMs: baseline.ms,
    baselineExact: decimalToOracle(baseline.result) === oracle,
    speedup: Math.round((baseline.ms / ours.ms) * 10) / 10,
    total: ours.result.value.toString(),
  });
}

function benchRollup(n: number, areas: number): void {
  const fs = figures(n, 23);
  const observations = observationsOf(fs, areas);
  const oracle = new Map<string, bigint>();
  observations.forEach((o, k) => oracle.set(o.area, (oracle.get(o.area) ?? 0n) + oracleOf(fs[k] as Figure)));
  const decimals = decimalsOf(observations);
  const { ours, baseline } = bestOfBoth(
    7,
    () => rollup(observations, { by: "area" }),
    () => {
      const groups = new Map<string, Decimal>();
      for (let k = 0; k < observations.length; k++) {
        const area = (observations[k] as Observation).area;
        groups.set(area, (groups.get(area) ?? new Decimal(0)).plus(decimals[k] as Decimal));
      }
      return groups;
    },
  );
  const exact = ours.result.length === oracle.size && ours.result.every((g) => scaledToOracle(g.quantity) === oracle.get(g.key.area as string));
  let baselineExact = baseline.result.size === oracle.size;
  for (const [area, d] of baseline.result) if (decimalToOracle(d) !== oracle.get(area)) baselineExact = false;
  report({
    name: "quantities.rollup",
    n,
    ms: ours.ms,
    heapMB: heapMB(),
    groups: areas,
    exact,
    baseline: "decimal.js reduce",
    baselineMs: baseline.ms,
    baselineExact,
    speedup: Math.round((baseline.ms / ours.ms) * 10) / 10,
  });
}

/** 16-digit terms with 4 decimals: totals of ~22 digits, more than decimal.js's default 20. */
function largeFigures(n: number): Figure[] {
  const random = seededRandom(31);
  return Array.from({ length: n }, () => ({
    coefficient: BigInt(Math.floor(random() * 1e8)) * 100000000n + BigInt(Math.floor(random() * 1e8)),
    fraction: 4,
    magnitude: 0 as Magnitude,
  }));
}

/** Runs the quantities benchmarks (`npm run bench -- --only quantities`). */
export function run(): void {
  for (const n of sizes([1_000_000])) {
    benchParse(n);
    benchSum(figures(n, 11));
    benchRollup(n, 100);
    benchSum(largeFigures(n), "16-digit terms");
  }
}
