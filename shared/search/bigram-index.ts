/**
 * Bigram inverted index over normalised texts: bigram → sorted ids of the texts containing it.
 * It answers "which texts can possibly contain this string" (every text containing a string
 * contains all of its bigrams), so exact matching is 100% recall after an indexOf check, and
 * Fuse.js only ever sees the few windows that can reach its threshold.
 */

/**
 * Bigram keys are built from dense per-index character ids so that they stay small integers
 * (V8 Smis hash fast; two raw UTF-16 codes packed would exceed 2^30 for most Han characters).
 * Ids are capped at 2^15 − 1: characters beyond that share an id, which only makes candidate
 * sets larger — every caller verifies candidates against the text, so results stay exact.
 */
const ID_BITS = 15;
const MAX_ID = (1 << ID_BITS) - 1;

/** A BigramIndex as plain typed arrays (structured-cloneable, e.g. into IndexedDB). */
export interface BigramSnapshot {
  size: number;
  nextId: number;
  ids: Uint16Array;
  /** Bigram keys; postings of keys[i] are postings[starts[i] .. starts[i+1]). */
  keys: Int32Array;
  starts: Uint32Array;
  postings: Int32Array;
}

export class BigramIndex {
  private readonly postings = new Map<number, number[]>();
  /** UTF-16 code → dense id (0 = never seen). */
  private readonly ids = new Uint16Array(0x10000);
  private nextId = 1;
  /** Number of indexed texts (ids are 0 … size-1). */
  readonly size: number;

  constructor(texts: readonly string[]) {
    this.size = texts.length;
    const ids = this.ids;
    for (let id = 0; id < texts.length; id++) {
      const t = texts[id];
      let prev = t.length > 0 ? this.idOf(t.charCodeAt(0)) : 0;
      for (let i = 1; i < t.length; i++) {
        const c = t.charCodeAt(i);
        const cur = ids[c] || this.idOf(c);
        const k = (prev << ID_BITS) | cur;
        prev = cur;
        let list = this.postings.get(k);
        if (!list) this.postings.set(k, (list = []));
        // ids arrive in ascending order: a duplicate can only be the last element
        if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }

  /** The index as typed arrays, to store and restore without re-reading the texts. */
  snapshot(): BigramSnapshot {
    const keys = new Int32Array(this.postings.size);
    const starts = new Uint32Array(this.postings.size + 1);
    let total = 0;
    for (const list of this.postings.values()) total += list.length;
    const postings = new Int32Array(total);
    let i = 0;
    let at = 0;
    for (const [k, list] of this.postings) {
      keys[i] = k;
      starts[i++] = at;
      postings.set(list, at);
      at += list.length;
    }
    starts[i] = at;
    return { size: this.size, nextId: this.nextId, ids: this.ids.slice(), keys, starts, postings };
  }

  /** The index a snapshot was taken of. */
  static fromSnapshot(s: BigramSnapshot): BigramIndex {
    const index = new BigramIndex([]);
    (index as { size: number }).size = s.size;
    index.nextId = s.nextId;
    index.ids.set(s.ids);
    for (let i = 0; i < s.keys.length; i++) index.postings.set(s.keys[i], Array.from(s.postings.subarray(s.starts[i], s.starts[i + 1])));
    return index;
  }

  private idOf(code: number): number {
    let v = this.ids[code];
    if (v === 0) {
      v = Math.min(this.nextId++, MAX_ID);
      this.ids[code] = v;
    }
    return v;
  }

  /** Key of `s[i]s[i+1]`, or -1 when a character never occurs in the index. */
  private key(s: string, i: number): number {
    const a = this.ids[s.charCodeAt(i)];
    const b = this.ids[s.charCodeAt(i + 1)];
    return a === 0 || b === 0 ? -1 : (a << ID_BITS) | b;
  }

  /** Sorted ids of texts containing the bigram `s[i]s[i+1]`; empty when none. */
  postingsAt(s: string, i: number): readonly number[] {
    const k = this.key(s, i);
    return k < 0 ? EMPTY : (this.postings.get(k) ?? EMPTY);
  }

  /**
   * Ids of the texts containing every bigram of `s` (a superset of the texts containing `s`),
   * ascending. For `s` shorter than 2 units returns null, meaning "no restriction".
   */
  candidates(s: string): number[] | null {
    if (s.length < 2) return null;
    const lists: (readonly number[])[] = [];
    const seen = new Set<number>();
    for (let i = 0; i + 1 < s.length; i++) {
      const k = this.key(s, i);
      if (k < 0) return [];
      if (seen.has(k)) continue;
      seen.add(k);
      const list = this.postings.get(k);
      if (!list) return [];
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let acc: number[] = lists[0].slice();
    for (let j = 1; j < lists.length && acc.length > 0; j++) acc = intersect(acc, lists[j]);
    return acc;
  }
}

const EMPTY: readonly number[] = Object.freeze([]);

/** Intersection of two ascending id lists; gallops through the longer one. */
function intersect(small: number[], big: readonly number[]): number[] {
  const out: number[] = [];
  let lo = 0;
  for (const id of small) {
    let hi = big.length;
    // binary search from the last position: both lists are sorted
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (big[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= big.length) break;
    if (big[lo] === id) out.push(id);
  }
  return out;
}
