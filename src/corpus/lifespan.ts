/**
 * When each document exists, starts and ends, as spans of day numbers: a
 * partial date (`2017-09`) stands for every day it may be, so each date is
 * kept as its first and last possible day (`…Lo`, `…Hi`; NaN when unknown).
 *
 * - start (施行): effectiveFrom, else publishedOn, else adoptedOn (normative
 *   documents commonly take effect 自印发之日起), else the year in the
 *   document's number;
 * - adoption (成文): adoptedOn, else publishedOn, else effectiveFrom, else
 *   the year in the number — used to check that relations do not predate
 *   their documents, and as the base of the periodic evaluation;
 * - validity end: validUntil, else the start plus validityPeriod, else, for
 *   a document the policy governs, the start plus the policy's default length.
 *
 * @module
 * @internal
 */
import { addMonthsToDay, toDayNumber } from "../dates/calendar.js";
import { daySpanOf } from "../dates/daySpan.js";
import type { PolicyDocument } from "../documents/schema.js";
import { durationMonths, validityClassOf, type ValidityPolicy } from "../documents/validityPolicy.js";
import { sized } from "./arrays.js";
import { END, START } from "./codes.js";
import { STEP, validityBeforeStartIssue, validityExceedsMaximumWarning, type Findings } from "./issues.js";

/** Per document: the day spans of its start, adoption and validity end, and where start and end came from. @internal */
export class Lifespans {
  readonly startLo: number[];
  readonly startHi: number[];
  /** A code of START (codes.ts). */
  readonly startSourceCode: Uint8Array;
  /**
   * The adoption span is most often the start span: its own arrays are made
   * only once a document has a different one (until then they would be copies).
   */
  #bornLo: number[] | undefined;
  #bornHi: number[] | undefined;
  readonly endLo: number[];
  readonly endHi: number[];
  /** A code of END (codes.ts). */
  readonly endSourceCode: Uint8Array;
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
    this.startLo = sized(size, Number.NaN);
    this.startHi = sized(size, Number.NaN);
    this.startSourceCode = new Uint8Array(size);
    this.endLo = sized(size, Number.NaN);
    this.endHi = sized(size, Number.NaN);
    this.endSourceCode = new Uint8Array(size);
  }

  get bornLo(): number[] {
    return this.#bornLo ?? this.startLo;
  }

  get bornHi(): number[] {
    return this.#bornHi ?? this.startHi;
  }

  /** Sets document k's adoption span; `sameAsStart` when it is its start span. */
  setBorn(k: number, sameAsStart: boolean, lo: number, hi: number): void {
    if (sameAsStart) {
      if (this.#bornLo === undefined || this.#bornHi === undefined) return;
    } else if (this.#bornLo === undefined || this.#bornHi === undefined) {
      this.#bornLo = sized(this.#size, Number.NaN);
      this.#bornHi = sized(this.#size, Number.NaN);
      for (let earlier = 0; earlier < k; earlier++) {
        this.#bornLo[earlier] = this.startLo[earlier]!;
        this.#bornHi[earlier] = this.startHi[earlier]!;
      }
    }
    this.#bornLo[k] = lo;
    this.#bornHi[k] = hi;
  }
}

/**
 * Reads document k's start, adoption and validity end. `numberYear` is the
 * year in its number (NaN if none); `governed`, whether the policy governs it.
 * @internal
 */
export function readLifespan(spans: Lifespans, findings: Findings, policy: ValidityPolicy, doc: PolicyDocument, k: number, at: number, numberYear: number, governed: boolean): void {
  const start = doc.effectiveFrom ?? doc.publishedOn ?? doc.adoptedOn;
  let lo = Number.NaN;
  let hi = Number.NaN;
  if (start !== undefined) {
    const span = daySpanOf(start);
    lo = span[0];
    hi = span[1];
    spans.startSourceCode[k] = doc.effectiveFrom !== undefined ? START.effectiveFrom : doc.publishedOn !== undefined ? START.publishedOn : START.adoptedOn;
  } else if (!Number.isNaN(numberYear)) {
    // The number is assigned when the document is issued: its year is a year-precision date.
    lo = toDayNumber(numberYear, 1, 1);
    hi = toDayNumber(numberYear, 12, 31);
    spans.startSourceCode[k] = START.documentNumber;
  }
  spans.startLo[k] = lo;
  spans.startHi[k] = hi;
  const born = doc.adoptedOn ?? doc.publishedOn ?? doc.effectiveFrom;
  if (born === start) {
    spans.setBorn(k, true, lo, hi);
  } else {
    const span = daySpanOf(born!);
    spans.setBorn(k, false, span[0], span[1]);
  }
  readValidityEnd(spans, findings, policy, doc, k, at, governed);
}

/**
 * The policy's validity length, in months, for a document with this title:
 * its `default` or `maximum` for an ordinary document; a provisional or
 * announcement length serves as both.
 */
function validityMonths(policy: ValidityPolicy, title: string, bound: "default" | "maximum"): number | undefined {
  const validity = policy.validity;
  if (validity === undefined) return undefined;
  const cls = validityClassOf(title);
  const d = cls === "provisional" ? validity.provisional : cls === "announcement" ? validity.announcement : validity[bound];
  return d === undefined ? undefined : durationMonths(d);
}

function readValidityEnd(spans: Lifespans, findings: Findings, policy: ValidityPolicy, doc: PolicyDocument, k: number, at: number, governed: boolean): void {
  const startLo = spans.startLo[k]!;
  const startHi = spans.startHi[k]!;
  let lo = Number.NaN;
  let hi = Number.NaN;
  let source: number = END.none;
  if (doc.validUntil !== undefined) {
    const span = daySpanOf(doc.validUntil);
    lo = span[0];
    hi = span[1];
    source = END.validUntil;
  } else {
    let months: number | undefined;
    if (doc.validityPeriod !== undefined) {
      months = durationMonths(doc.validityPeriod);
      source = END.validityPeriod;
    } else if (governed) {
      months = validityMonths(policy, doc.title, "default");
      if (months !== undefined) source = END.policyDefault;
    }
    // In force for `months` months from the first day: the last day is the day before the anniversary.
    // A length without a known start leaves the end unknown (NaN) while the source says a length exists.
    if (months !== undefined && !Number.isNaN(startLo)) {
      lo = addMonthsToDay(startLo, months) - 1;
      hi = addMonthsToDay(startHi, months) - 1;
    }
  }
  spans.endSourceCode[k] = source;
  spans.endLo[k] = lo;
  spans.endHi[k] = hi;
  if (source === END.none || Number.isNaN(lo) || Number.isNaN(startLo)) return;
  const path = [at, doc.validUntil !== undefined ? "validUntil" : "validityPeriod"];
  if (hi < startLo) findings.error(at, STEP.validity, validityBeforeStartIssue(path, lo, hi, startLo, startHi));
  const maxMonths = governed ? validityMonths(policy, doc.title, "maximum") : undefined;
  if (maxMonths !== undefined && lo > addMonthsToDay(startHi, maxMonths) - 1) findings.warn(validityExceedsMaximumWarning(path, maxMonths, policy));
}
