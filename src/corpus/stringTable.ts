/**
 * A string → index table built for a million keys: open addressing with
 * linear probing over one Int32Array of [FNV-1a fingerprint, index + 1]
 * pairs. The keys themselves stay where they are (an array the table is
 * given); a probe compares fingerprints, and reads a key only when the
 * fingerprints match, so identity is exact.
 *
 * Built for bulk work: callers compute fingerprints while the strings are in
 * cache ({@link fingerprint}), then insert or look up in tight loops
 * ({@link StringTable.insertHashed}, {@link StringTable.getHashed}). On this
 * project's machines a random memory access costs 100–200 ns when the next
 * one waits for it, but far less when a loop issues many independent ones —
 * a probe per document interleaved with other work pays the full price.
 *
 * @module
 * @internal
 */

/** FNV-1a over UTF-16 code units, as an int32. @internal */
export function fingerprint(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** @internal */
export class StringTable {
  /** Per slot: fingerprint, then index + 1 (0 = empty). */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** The key of each index (undefined for indexes never inserted). */
  readonly #keys: ArrayLike<string | undefined>;

  /**
   * @param capacity - the number of keys it will hold at most
   * @param keys - the key of each index that will be inserted; read, never written
   */
  constructor(capacity: number, keys: ArrayLike<string | undefined>) {
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.#slots = new Int32Array(slots * 2);
    this.#mask = slots - 1;
    this.#keys = keys;
  }

  /** The index stored for `key`, or -1. */
  get(key: string): number {
    return this.getHashed(fingerprint(key), key);
  }

  /** The index stored for `key`, whose {@link fingerprint} is `h`; -1 if none. */
  getHashed(h: number, key: string): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const stored = slots[2 * s + 1]!;
      if (stored === 0) return -1;
      if (slots[2 * s] === h && this.#keys[stored - 1] === key) return stored - 1;
    }
  }

  /**
   * For bulk lookups: the index in the first slot probed for `h` that holds
   * the fingerprint `h`, or -1 when no key has it (then the key is absent).
   * A candidate's key must still be compared with the key sought; when they
   * differ, {@link StringTable.getHashed} gives the answer.
   */
  candidateOf(h: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const stored = slots[2 * s + 1]!;
      if (stored === 0) return -1;
      if (slots[2 * s] === h) return stored - 1;
    }
  }

  /**
   * Stores `index` under its key (`keys[index]`, whose fingerprint is `h`)
   * unless the key is there already; returns the index already stored, or -1.
   */
  insertHashed(h: number, index: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const stored = slots[2 * s + 1]!;
      if (stored === 0) {
        slots[2 * s] = h;
        slots[2 * s + 1] = index + 1;
        return -1;
      }
      if (slots[2 * s] === h && this.#keys[stored - 1] === this.#keys[index]) return stored - 1;
    }
  }
}

/**
 * A {@link StringTable} over `keys[0 … count − 1]` (those defined), built on
 * the first lookup: for an index that is rarely used, such as the one by
 * document number.
 * @internal
 */
export class LazyStringTable {
  #table: StringTable | undefined;
  readonly #keys: ArrayLike<string | undefined>;
  readonly #count: number;

  constructor(keys: ArrayLike<string | undefined>, count: number) {
    this.#keys = keys;
    this.#count = count;
  }

  /** The lowest index whose key is `key`, or -1. */
  get(key: string): number {
    if (this.#table === undefined) {
      const keys = this.#keys;
      let capacity = 0;
      for (let k = 0; k < this.#count; k++) if (keys[k] !== undefined) capacity++;
      const table = new StringTable(capacity, keys);
      for (let k = 0; k < this.#count; k++) {
        const text = keys[k];
        if (text !== undefined) table.insertHashed(fingerprint(text), k);
      }
      this.#table = table;
    }
    return this.#table.get(key);
  }
}

/**
 * Calls `onDuplicate(index, first)` for each index below `count` whose key
 * (`keys[index]`, fingerprint `hashes[index]`) a lower index holds, `first`
 * being the lowest such index — what inserting them one by one into a
 * {@link StringTable} would find, without building one: the indexes are
 * sorted by fingerprint bits (equal keys end up side by side, in index
 * order), then each group of equal bits is compared. Indexes without a key
 * are skipped. The calls come in no particular order.
 * @internal
 */
export function findDuplicates(
  hashes: ArrayLike<number>,
  count: number,
  keys: ArrayLike<string | undefined>,
  onDuplicate: (index: number, first: number) => void,
): void {
  let mask = 7;
  while (mask < count * 2) mask = mask * 2 + 1;
  const order = sortByBits(hashes, count, keys, mask);
  let groupBits = -1;
  let groupStart = 0;
  for (let q = 0; q < order.length; q++) {
    const k = order[q]!;
    const h = hashes[k]!;
    if ((h & mask) !== groupBits) {
      groupBits = h & mask;
      groupStart = q;
      continue;
    }
    for (let r = groupStart; r < q; r++) {
      const o = order[r]!;
      if (hashes[o] === h && keys[o] === keys[k]) {
        onDuplicate(k, o);
        break;
      }
    }
  }
}

/**
 * The indexes below `count` that have a key, sorted by `hash & mask`, in
 * index order among equal values: a two-digit least-significant-digit radix sort.
 */
function sortByBits(hashes: ArrayLike<number>, count: number, keys: ArrayLike<string | undefined>, mask: number): number[] {
  let total = 0;
  for (let k = 0; k < count; k++) if (keys[k] !== undefined) total++;
  let bits = 0;
  while (2 ** bits <= mask) bits++;
  const lowBits = bits >> 1;
  const lowMask = (1 << lowBits) - 1;
  const low = new Int32Array((1 << lowBits) + 1);
  const high = new Int32Array((1 << (bits - lowBits)) + 1);
  for (let k = 0; k < count; k++) {
    if (keys[k] === undefined) continue;
    const value = hashes[k]! & mask;
    low[(value & lowMask) + 1]! += 1;
    high[(value >>> lowBits) + 1]! += 1;
  }
  for (let d = 1; d < low.length; d++) low[d]! += low[d - 1]!;
  for (let d = 1; d < high.length; d++) high[d]! += high[d - 1]!;
  // Plain arrays (not typed): a million-key sort would otherwise add 8 MB of external memory, which
  // V8 counts towards starting a full collection.
  const byLow = new Array<number>(total).fill(0);
  for (let k = 0; k < count; k++) if (keys[k] !== undefined) byLow[low[hashes[k]! & lowMask]!++] = k;
  const sorted = new Array<number>(total).fill(0);
  for (let q = 0; q < total; q++) {
    const k = byLow[q]!;
    sorted[high[(hashes[k]! & mask) >>> lowBits]!++] = k;
  }
  return sorted;
}
