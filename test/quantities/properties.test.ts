import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { PolicyEvalError } from "../../src/errors.js";
import {
  addQuantities,
  createQuantity,
  formatChineseNumeral,
  formatQuantity,
  parseQuantity,
  quantitiesEqual,
  subtractQuantities,
  sumQuantities,
  UNIT_CATALOGUE,
  type ApproximationMarker,
  type Magnitude,
  type Quantity,
  type Unit,
} from "../../src/quantities/index.js";

const RUNS = { numRuns: 200 };
const MAX_FRACTION = 6;

/** A reported number: coefficient and fraction digits, at a magnitude (units, 万, 亿). */
const reported = fc.record({
  coefficient: fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
  fraction: fc.integer({ min: 0, max: MAX_FRACTION }),
  magnitude: fc.constantFrom<Magnitude>(0, 4, 8),
});
type Reported = { coefficient: bigint; fraction: number; magnitude: Magnitude };

function decimalText({ coefficient, fraction }: Reported): string {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(fraction + 1, "0");
  const point = digits.length - fraction;
  return `${negative ? "-" : ""}${digits.slice(0, point)}${fraction > 0 ? `.${digits.slice(point)}` : ""}`;
}

function toQuantity(r: Reported): Quantity<"元"> {
  return createQuantity(decimalText(r), "元", { magnitude: r.magnitude });
}

/** The BigInt oracle: the value in units of 10^-MAX_FRACTION 元. */
function oracle(r: Reported): bigint {
  return r.coefficient * 10n ** BigInt(MAX_FRACTION - r.fraction + r.magnitude);
}

function scaled(q: Quantity): bigint {
  return q.value.coefficient * 10n ** BigInt(MAX_FRACTION - q.value.scale);
}

describe("sums are exact, commutative and associative", () => {
  test.prop([fc.array(reported, { maxLength: 60 })], RUNS)("a sum equals the BigInt oracle", (terms) => {
    const total = sumQuantities(terms.map(toQuantity), { unit: "元" });
    expect(scaled(total)).toBe(terms.reduce((acc, r) => acc + oracle(r), 0n));
  });

  test.prop([fc.array(reported, { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat())], RUNS)(
    "the order of the terms does not matter",
    (terms, randomness) => {
      const quantities = terms.map(toQuantity);
      const shuffled = [...quantities];
      const it = randomness[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (it.next().value as number) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as Quantity<"元">, shuffled[i] as Quantity<"元">];
      }
      const a = sumQuantities(quantities);
      const b = sumQuantities(shuffled);
      expect([a.value.toString(), a.magnitude, a.precision]).toEqual([b.value.toString(), b.magnitude, b.precision]);
    },
  );

  test.prop([reported, reported, reported], RUNS)("(a + b) + c = a + (b + c), and a + b = b + a", (x, y, z) => {
    const [a, b, c] = [toQuantity(x), toQuantity(y), toQuantity(z)];
    const left = addQuantities(addQuantities(a, b), c);
    const right = addQuantities(a, addQuantities(b, c));
    expect(quantitiesEqual(left, right)).toBe(true);
    expect(left.magnitude).toBe(right.magnitude);
    expect(quantitiesEqual(addQuantities(a, b), addQuantities(b, a))).toBe(true);
  });

  test.prop([fc.array(reported, { maxLength: 20 }), fc.array(reported, { maxLength: 20 })], RUNS)(
    "the sum of two lists is the sum of their sums",
    (xs, ys) => {
      const whole = sumQuantities([...xs, ...ys].map(toQuantity), { unit: "元" });
      const parts = addQuantities(sumQuantities(xs.map(toQuantity), { unit: "元" }), sumQuantities(ys.map(toQuantity), { unit: "元" }));
      expect(quantitiesEqual(whole, parts)).toBe(true);
    },
  );

  test.prop([reported, reported], RUNS)("(a − b) + b = a", (x, y) => {
    const [a, b] = [toQuantity(x), toQuantity(y)];
    expect(quantitiesEqual(addQuantities(subtractQuantities(a, b), b), a)).toBe(true);
  });
});

// ---------------------------------------------------------------- format ∘ parse

const UNITS = Object.keys(UNIT_CATALOGUE) as Unit[];
const PREFIX: readonly ApproximationMarker[] = ["约", "近", "超过", "逾", "不足"];
const INFIX: readonly ApproximationMarker[] = ["余", "多"];
const SUFFIX: readonly ApproximationMarker[] = ["左右", "以上", "以下"];

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Canonical report texts: what formatQuantity writes. */
const arabicText = fc
  .record({
    integer: fc.bigInt({ min: 0n, max: 10n ** 18n }),
    fraction: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
    negative: fc.boolean(),
    grouping: fc.boolean(),
    magnitude: fc.constantFrom<Magnitude>(0, 3, 4, 6, 7, 8, 12),
    unit: fc.constantFrom(...UNITS),
    marker: fc.option(fc.constantFrom(...PREFIX, ...INFIX, ...SUFFIX), { nil: undefined }),
  })
  // 5千米 reads as the unit 千米, not 5 千 米
  .filter((t) => !(t.magnitude === 3 && t.unit === "米"))
  .map((t) => {
    const number = (t.grouping ? group(t.integer.toString()) : t.integer.toString()) + (t.fraction === undefined ? "" : `.${t.fraction}`);
    const m = t.marker;
    const prefix = m !== undefined && PREFIX.includes(m) ? m : "";
    const infix = m !== undefined && INFIX.includes(m) ? m : "";
    const suffix = m !== undefined && SUFFIX.includes(m) ? m : "";
    const nonZero = t.integer !== 0n || /[1-9]/.test(t.fraction ?? "");
    const sign = t.negative && nonZero ? "-" : "";
    const magnitudeChar = { 0: "", 3: "千", 4: "万", 6: "百万", 7: "千万", 8: "亿", 12: "万亿" }[t.magnitude];
    return `${prefix}${sign}${number}${magnitudeChar}${infix}${t.unit}${suffix}`;
  });

const chineseText = fc
  .oneof(
    // a numeral ending in 万 reads as magnitude 4 (七万余户), so multiples of 10000 are written that way
    fc.record({ n: fc.integer({ min: 0, max: 99_999_999 }).filter((n) => n === 0 || n % 10000 !== 0), magnitude: fc.constant("") }),
    fc.record({ n: fc.integer({ min: 1, max: 9999 }), magnitude: fc.constantFrom("万", "亿") }),
  )
  .chain(({ n, magnitude }) =>
    fc.constantFrom(...UNITS.filter((u) => u !== "" && !u.startsWith("千") && !u.startsWith("百"))).map((unit) => `${formatChineseNumeral(n, "", { liang: unit !== "%" && unit !== "‰" })}${magnitude}${unit}`),
  );

const percentWords = fc.integer({ min: 0, max: 100 }).map((n) => `百分之${formatChineseNumeral(n, "", { liang: false })}`);

describe("format ∘ parse", () => {
  test.prop([arabicText], RUNS)("gives back an Arabic-digit text as written", (text) => {
    expect(formatQuantity(parseQuantity(text))).toBe(text);
  });

  test.prop([chineseText], RUNS)("gives back a Chinese-numeral text as written", (text) => {
    expect(formatQuantity(parseQuantity(text))).toBe(text);
  });

  test.prop([percentWords], RUNS)("gives back 百分之… as written", (text) => {
    expect(formatQuantity(parseQuantity(text))).toBe(text);
  });

  test.prop([reported, fc.option(fc.constantFrom(...PREFIX, ...INFIX, ...SUFFIX), { nil: undefined })], RUNS)(
    "parse(format(q)) is q, at the reported magnitude and at 'auto'",
    (r, marker) => {
      const q = createQuantity(decimalText(r), "元", { magnitude: r.magnitude, approximation: marker });
      const back = parseQuantity(formatQuantity(q));
      expect(back).toEqual(q);
      const auto = parseQuantity(formatQuantity(q, { magnitude: "auto" }));
      expect(quantitiesEqual(auto, q)).toBe(true);
      expect(auto.approximation).toEqual(q.approximation);
    },
  );
});

describe("mixing units is always rejected", () => {
  const twoUnits = fc.tuple(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS)).filter(([a, b]) => a !== b);

  test.prop([twoUnits, reported, reported], RUNS)("adding, subtracting and summing different units throw unit-mismatch", ([u1, u2], x, y) => {
    const a: Quantity = createQuantity(decimalText(x), u1, { magnitude: x.magnitude });
    const b: Quantity = createQuantity(decimalText(y), u2, { magnitude: y.magnitude });
    for (const attempt of [() => addQuantities(a, b), () => subtractQuantities(a, b), () => sumQuantities([a, b])]) {
      let caught: unknown;
      try {
        attempt();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PolicyEvalError);
      expect((caught as PolicyEvalError).issues.map((i) => i.code)).toEqual(["unit-mismatch"]);
    }
  });

  test.prop([reported, reported], RUNS)("万元 and 亿元 always add (both are 元)", (x, y) => {
    const a = createQuantity(decimalText(x), "元", { magnitude: 4 });
    const b = createQuantity(decimalText(y), "元", { magnitude: 8 });
    expect(addQuantities(a, b).unit).toBe("元");
  });
});
