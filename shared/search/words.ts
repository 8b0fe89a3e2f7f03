/**
 * Splitting a normalised query into the words of the all-words stage: by whitespace when the
 * user typed spaces, else with `Intl.Segmenter('zh', {granularity: 'word'})`.
 *
 * ICU's dictionary splits many policy terms into single characters (`新能源装机` →
 * 新|能源|装|机), and single characters as required words would let noise in. So runs of
 * single characters are joined, and a lone single character is glued to the neighbour with
 * which it actually occurs in the text (新 + 能源 → 新能源), or dropped when neither does.
 */

let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Word-like segments of `s` (punctuation and spaces dropped). */
export function segmentWords(s: string): string[] {
  const seg = getSegmenter();
  if (!seg) return s.split(/[^\p{L}\p{N}.%]+/u).filter(Boolean);
  const out: string[] = [];
  for (const x of seg.segment(s)) if (x.isWordLike) out.push(x.segment);
  return out;
}

/**
 * Words of a normalised query for the all-words stage; fewer than 2 means "not multi-word".
 * `occurs(s)` tells whether `s` occurs somewhere in the searched texts.
 */
export function queryWords(q: string, occurs: (s: string) => boolean): string[] {
  const pieces = q.split(' ').filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (pieces.length >= 2) return unique(pieces);
  if (pieces.length === 0) return [];
  const tokens = segmentWords(pieces[0]);
  // join runs of single characters: 营|商|坏|境 → 营商坏境
  const merged: string[] = [];
  let run = '';
  for (const t of tokens) {
    if ([...t].length === 1) {
      run += t;
      continue;
    }
    if (run) merged.push(run);
    run = '';
    merged.push(t);
  }
  if (run) merged.push(run);
  // glue each lone single character to a neighbour it occurs with, else drop it
  const words: string[] = [];
  for (let i = 0; i < merged.length; i++) {
    const t = merged[i];
    if ([...t].length > 1 || merged.length === 1) {
      words.push(t);
      continue;
    }
    const next = merged[i + 1];
    const prev = words[words.length - 1];
    if (next !== undefined && occurs(t + next)) {
      merged[i + 1] = t + next;
    } else if (prev !== undefined && occurs(prev + t)) {
      words[words.length - 1] = prev + t;
    }
  }
  return unique(words);
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
