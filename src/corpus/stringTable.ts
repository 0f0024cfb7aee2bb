/**
 * A string → index table built for a million keys, in typed arrays rather
 * than a `Map`: open addressing with linear probing, each slot holding
 * [FNV-1a fingerprint, index + 1, offset, length] and the keys' characters
 * copied once into one Uint16Array. A lookup reads the probed key's chars
 * and one slot; it compares characters only when the fingerprints match,
 * and never follows a pointer to a JS object — on this project's machines a
 * random access to a JS object costs hundreds of nanoseconds, and a Map of a
 * million strings pays several per lookup. The arrays live outside the
 * garbage-collected heap.
 *
 * @module
 * @internal
 */

/** FNV-1a over UTF-16 code units. */
function fingerprint(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

const SLOT = 4;

/** @internal */
export class StringTable {
  /** Per slot: fingerprint, index + 1 (0 = empty), offset and length of the key's chars. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  #chars: Uint16Array;
  #used = 0;

  /**
   * @param capacity - the number of keys it will hold at most
   */
  constructor(capacity: number) {
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.#slots = new Int32Array(slots * SLOT);
    this.#mask = slots - 1;
    this.#chars = new Uint16Array(Math.max(16, capacity * 8));
  }

  #equals(s: number, key: string): boolean {
    const slots = this.#slots;
    const length = slots[s * SLOT + 3]!;
    if (length !== key.length) return false;
    const offset = slots[s * SLOT + 2]!;
    const chars = this.#chars;
    for (let i = 0; i < length; i++) if (chars[offset + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** The index stored for `key`, or -1. */
  get(key: string): number {
    const h = fingerprint(key);
    const slots = this.#slots;
    for (let s = h & this.#mask; ; s = (s + 1) & this.#mask) {
      const stored = slots[s * SLOT + 1]!;
      if (stored === 0) return -1;
      if (slots[s * SLOT] === h && this.#equals(s, key)) return stored - 1;
    }
  }

  /** Stores `index` under `key` unless the key is there already; returns the index already stored, or -1. */
  insert(key: string, index: number): number {
    const h = fingerprint(key);
    const slots = this.#slots;
    for (let s = h & this.#mask; ; s = (s + 1) & this.#mask) {
      const stored = slots[s * SLOT + 1]!;
      if (stored === 0) {
        if (this.#used + key.length > this.#chars.length) {
          const grown = new Uint16Array(Math.max(this.#chars.length * 2, this.#used + key.length));
          grown.set(this.#chars.subarray(0, this.#used));
          this.#chars = grown;
        }
        for (let i = 0; i < key.length; i++) this.#chars[this.#used + i] = key.charCodeAt(i);
        slots[s * SLOT] = h;
        slots[s * SLOT + 1] = index + 1;
        slots[s * SLOT + 2] = this.#used;
        slots[s * SLOT + 3] = key.length;
        this.#used += key.length;
        return -1;
      }
      if (slots[s * SLOT] === h && this.#equals(s, key)) return stored - 1;
    }
  }
}
