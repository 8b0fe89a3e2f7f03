/**
 * Small edit-distance routines used to score and align anchor candidates. All work on UTF-16
 * code units; inputs are short (context windows of ~32 characters, quote edges) except
 * `boundedLevenshtein`, whose cost is bounded by its `max` argument.
 */

/** Code-unit reversal (surrogate order does not matter for distances). */
export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * Fewest edits turning `pattern` into some prefix of `text` (both start at 0, the end in
 * `text` is free). Used for context: the expected prefix must end right at the quote, the
 * expected suffix must start right after it.
 */
export function prefixDistance(pattern: string, text: string): number {
  const n = text.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (pc === text.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = prev[0];
  for (let j = 1; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/**
 * Aligns all of `pattern` against a prefix of `text` (start anchored, end free) with the fewest
 * edits and returns the offset in `text` that lines up with offset `cut` of `pattern`. Text
 * inserted exactly at the cut is placed before the returned offset, i.e. the offset is as far
 * right as the optimal alignment allows.
 */
export function alignCut(pattern: string, text: string, cut: number): number {
  const m = pattern.length;
  const n = text.length;
  const w = n + 1;
  const d = new Int32Array((m + 1) * w);
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    const row = i * w;
    d[row] = i;
    for (let j = 1; j <= n; j++) {
      const sub = d[row - w + j - 1] + (pc === text.charCodeAt(j - 1) ? 0 : 1);
      d[row + j] = Math.min(sub, d[row - w + j] + 1, d[row + j - 1] + 1);
    }
  }
  // Shortest text prefix among the optimal ones: trailing text is not part of the match.
  let j = 0;
  for (let k = 1; k <= n; k++) if (d[m * w + k] < d[m * w + j]) j = k;
  let i = m;
  while (i > cut) {
    const here = d[i * w + j];
    if (j > 0 && here === d[(i - 1) * w + j - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1)) {
      i--;
      j--;
    } else if (here === d[(i - 1) * w + j] + 1) {
      i--;
    } else {
      j--;
    }
  }
  return j;
}

/**
 * Levenshtein distance of `a` and `b` if it is at most `max`, else `max + 1`. Runs in
 * O(min(|a|,|b|) · max) by only filling the diagonal band that can stay within `max`.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m - n > max) return max + 1;
  if (n === 0) return m;
  const big = max + 1;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i <= max ? i : big;
  for (let j = 1; j <= m; j++) {
    const lo = Math.max(1, j - max);
    const hi = Math.min(n, j + max);
    cur[0] = j <= max ? j : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0];
    const bc = b.charCodeAt(j - 1);
    for (let i = lo; i <= hi; i++) {
      const sub = prev[i - 1] + (a.charCodeAt(i - 1) === bc ? 0 : 1);
      const v = Math.min(sub, prev[i] + 1, cur[i - 1] + 1, big);
      cur[i] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = big;
    if (rowMin > max) return big;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n], big);
}
