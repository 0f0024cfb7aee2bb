/**
 * The fast path for a number already in canonical 发文字号 form
 * (`国办发〔2016〕13号`), which is how most catalogues write them: read
 * without normalising anything, and its year checked without allocating.
 *
 * @module
 * @internal
 */
import { build, type DocumentNumber } from "./documentNumberModel.js";
import { MAX_YEAR, MIN_YEAR } from "./registrationNumber.js";

// Fast path: the canonical 发文字号 (BMP ideographs only; anything else goes the slow way).
const CANONICAL_DOCUMENT = /^([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)〔(\d{4})〕([1-9]\d{0,14})号$/;

/**
 * The year of a number already in canonical 发文字号 form (`国办发〔2016〕13号`),
 * without allocating; undefined for anything else (which then needs the full
 * reader). Lets a catalogue of a million documents skip building a number
 * object per document until one is asked for.
 * @internal
 */
export function canonicalDocumentYear(text: string): number | undefined {
  // CANONICAL_DOCUMENT, scanned by hand (a million numbers in a catalogue): ideographs, 〔, four
  // ASCII digits, 〕, a serial of 1–15 digits not starting with 0, 号, nothing after.
  const length = text.length;
  let open = 0;
  while (open < length && isBmpIdeograph(text.charCodeAt(open))) open++;
  if (open === 0 || length - open < 8 || length - open > 22 || text.charCodeAt(open) !== 0x3014) return undefined;
  let year = 0;
  for (let i = open + 1; i < open + 5; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    year = year * 10 + digit;
  }
  if (text.charCodeAt(open + 5) !== 0x3015 || text.charCodeAt(length - 1) !== 0x53f7) return undefined;
  const lead = text.charCodeAt(open + 6);
  if (lead < 49 || lead > 57) return undefined;
  for (let i = open + 7; i < length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const last = text.charCodeAt(open - 1);
  // 令 / 公告 before the bracket: an order or announcement written with brackets — not canonical.
  if (last === 0x4ee4 || (last === 0x544a && text.charCodeAt(open - 2) === 0x516c)) return undefined;
  return year < MIN_YEAR || year > MAX_YEAR ? undefined : year;
}

/** The code units CANONICAL_DOCUMENT's issuer class admits: BMP ideographs. */
function isBmpIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** The canonical 发文字号, read without normalising anything; undefined for any other text. @internal */
export function readCanonical(text: string): DocumentNumber | undefined {
  const m = CANONICAL_DOCUMENT.exec(text);
  if (m === null) return undefined;
  const issuerCode = m[1] as string;
  if (issuerCode.endsWith("令") || issuerCode.endsWith("公告")) return undefined;
  const year = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return build("document", issuerCode, year, Number(m[3]), text);
}
