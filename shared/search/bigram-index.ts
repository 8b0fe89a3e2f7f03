/**
 * Bigram inverted index over normalised texts: bigram → sorted ids of the texts containing it.
 * It answers "which texts can possibly contain this string" (every text containing a string
 * contains all of its bigrams), so exact matching is 100% recall after an indexOf check, and
 * Fuse.js only ever sees the few windows that can reach its threshold.
 *
 * Held as three typed arrays (sorted keys, posting starts, postings) rather than a Map of
 * arrays: one index per report is then stored and read back as a handful of buffers
 * (renderer/search/index-cache.ts) instead of being rebuilt or cloned key by key.
 */

/** A BigramIndex as plain typed arrays (structured-cloneable, e.g. into IndexedDB). */
export interface BigramSnapshot {
  /** Number of indexed texts. */
  size: number;
  /** Bigram keys `(code(a) << 16 | code(b)) >>> 0`, ascending. */
  keys: Uint32Array;
  /** Postings of keys[i] are postings[starts[i] .. starts[i+1]). */
  starts: Uint32Array;
  /** 16-bit when the texts are fewer than 65,536 (a report's paragraphs always are). */
  postings: Postings;
}

type Postings = Uint16Array | Uint32Array;

const EMPTY = new Uint32Array(0);
/** Bigrams of a long string looked up for its candidates (see candidates). */
const MAX_LOOKUPS = 32;

/** Key of the UTF-16 units `s[i]s[i+1]`. */
function keyAt(s: string, i: number): number {
  return ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;
}

export class BigramIndex {
  /** Number of indexed texts (ids are 0 … size-1). */
  readonly size: number;
  private readonly keys: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly postings: Postings;

  constructor(texts: readonly string[]) {
    this.size = texts.length;
    const lists = new Map<number, number[]>();
    for (let id = 0; id < texts.length; id++) {
      const t = texts[id];
      for (let i = 0; i + 1 < t.length; i++) {
        const k = keyAt(t, i);
        let list = lists.get(k);
        if (!list) lists.set(k, (list = []));
        // ids arrive in ascending order: a duplicate can only be the last element
        if (list[list.length - 1] !== id) list.push(id);
      }
    }
    this.keys = Uint32Array.from(lists.keys()).sort();
    this.starts = new Uint32Array(this.keys.length + 1);
    let total = 0;
    for (const list of lists.values()) total += list.length;
    this.postings = texts.length <= 0x10000 ? new Uint16Array(total) : new Uint32Array(total);
    let at = 0;
    for (let i = 0; i < this.keys.length; i++) {
      const list = lists.get(this.keys[i])!;
      this.starts[i] = at;
      this.postings.set(list, at);
      at += list.length;
    }
    this.starts[this.keys.length] = at;
  }

  /** The index as typed arrays, to store and restore without re-reading the texts. */
  snapshot(): BigramSnapshot {
    return { size: this.size, keys: this.keys, starts: this.starts, postings: this.postings };
  }

  /** The index a snapshot was taken of, or null when `s` is not a well-formed snapshot. */
  static fromSnapshot(s: BigramSnapshot): BigramIndex | null {
    if (
      !s ||
      !(s.keys instanceof Uint32Array) ||
      !(s.starts instanceof Uint32Array) ||
      !(s.postings instanceof Uint32Array || s.postings instanceof Uint16Array) ||
      s.starts.length !== s.keys.length + 1 ||
      s.starts[s.keys.length] !== s.postings.length
    )
      return null;
    // a damaged row must not send a search to a paragraph that does not exist
    for (let i = 0; i < s.postings.length; i++) if (s.postings[i] >= s.size) return null;
    const index = Object.create(BigramIndex.prototype) as BigramIndex;
    Object.assign(index, { size: s.size, keys: s.keys, starts: s.starts, postings: s.postings });
    return index;
  }

  /** Postings of `key` (a view, ascending); empty when absent. */
  private list(key: number): Postings {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo] === key ? this.postings.subarray(this.starts[lo], this.starts[lo + 1]) : EMPTY;
  }

  /** Sorted ids of texts containing the bigram `s[i]s[i+1]`; empty when none. */
  postingsAt(s: string, i: number): Postings {
    return this.list(keyAt(s, i));
  }

  /**
   * Ids of the texts containing every bigram of `s` (a superset of the texts containing `s`),
   * ascending. For `s` shorter than 2 units returns null, meaning "no restriction". A long `s`
   * (a pasted page) is looked up by MAX_LOOKUPS of its bigrams spread over it: still a superset,
   * and a pasted page no longer costs thousands of lookups in every report's index.
   */
  candidates(s: string): number[] | null {
    if (s.length < 2) return null;
    const lists: Postings[] = [];
    const seen = new Set<number>();
    const n = s.length - 1;
    const step = n > MAX_LOOKUPS ? n / MAX_LOOKUPS : 1;
    for (let x = 0; x < n; x += step) {
      const k = keyAt(s, Math.floor(x));
      if (seen.has(k)) continue;
      seen.add(k);
      const list = this.list(k);
      if (list.length === 0) return [];
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let acc: number[] = Array.from(lists[0]);
    for (let j = 1; j < lists.length && acc.length > 0; j++) acc = intersect(acc, lists[j]);
    return acc;
  }
}

/** Intersection of two ascending id lists; binary-searches the longer one. */
function intersect(small: number[], big: Postings): number[] {
  const out: number[] = [];
  let lo = 0;
  for (const id of small) {
    let hi = big.length;
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
