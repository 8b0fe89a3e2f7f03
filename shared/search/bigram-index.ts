/**
 * Bigram inverted index over normalised texts: bigram → sorted ids of the texts containing it.
 * It answers "which texts can possibly contain this string" (every text containing a string
 * contains all of its bigrams), so exact matching is 100% recall after an indexOf check, and
 * Fuse.js only ever sees the few windows that can reach its threshold.
 */

/** Two UTF-16 units packed into one number key. */
function key(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

export class BigramIndex {
  private readonly postings = new Map<number, number[]>();
  /** Number of indexed texts (ids are 0 … size-1). */
  readonly size: number;

  constructor(texts: readonly string[]) {
    this.size = texts.length;
    texts.forEach((t, id) => {
      for (let i = 0; i + 1 < t.length; i++) {
        const k = key(t, i);
        let list = this.postings.get(k);
        if (!list) this.postings.set(k, (list = []));
        // ids arrive in ascending order: a duplicate can only be the last element
        if (list[list.length - 1] !== id) list.push(id);
      }
    });
  }

  /** Sorted ids of texts containing the bigram `s[i]s[i+1]`; empty when none. */
  postingsAt(s: string, i: number): readonly number[] {
    return this.postings.get(key(s, i)) ?? EMPTY;
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
      const k = key(s, i);
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
