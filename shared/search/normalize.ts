/**
 * Search normalisation: the same folding for query and text, with a map from normalised
 * offsets back to original offsets so highlight ranges land on the source characters.
 *
 * Folding: NFKC per code point (full-width ASCII and digits, ideographic space, circled digits,
 * subscript digits), lower case, curly quotes to straight ones, and TeX-like subscript /
 * superscript markup `PM_{2.5}` / `m^{3}` reduced to its content (`pm2.5`, `m3`).
 */

/** Where each normalised UTF-16 unit came from: `[start[i], end[i])` in the original string. */
export interface OffsetMap {
  start: Uint32Array;
  end: Uint32Array;
}

export interface Normalized {
  /** Normalised text. */
  text: string;
  /**
   * Map to original offsets, or null when normalisation was one-to-one per UTF-16 unit
   * (normalised offset i is original offset i), which is the common case for report text.
   */
  map: OffsetMap | null;
}

const QUOTES: Record<string, string> = {
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"',
  '\u201f': '"',
  '\u301d': '"',
  '\u301e': '"',
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
};

/** Longest content of a `_{…}` / `^{…}` group we treat as markup rather than literal text. */
const MAX_MARKUP_CONTENT = 12;

const foldCache = new Map<string, string>();

/** Folds one code point (as a string) to its search form. */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  // CJK Unified Ideographs are NFKC-stable and caseless: skip the costly path.
  if (c >= 0x4e00 && c <= 0x9fff) return ch;
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = QUOTES[ch] ?? ch.normalize('NFKC').toLowerCase();
    foldCache.set(ch, f);
  }
  return f;
}

/** If `s[i]` opens a `_{…}` / `^{…}` markup group, the index of its closing brace, else -1. */
function markupClose(s: string, i: number): number {
  const c = s[i];
  if ((c !== '_' && c !== '^') || s[i + 1] !== '{') return -1;
  const close = s.indexOf('}', i + 2);
  if (close < 0 || close === i + 2 || close - (i + 2) > MAX_MARKUP_CONTENT) return -1;
  const inner = s.slice(i + 2, close);
  return inner.includes('{') || inner.includes('\n') ? -1 : close;
}

/**
 * Normalises `s` for search. Pure; O(n). The result's `map` is null when every UTF-16 unit
 * maps to the unit at the same offset (so callers can skip the mapping).
 */
export function normalizeForSearch(s: string): Normalized {
  return fastNormalize(s) ?? slowNormalize(s);
}

/**
 * The common case: no markup and every code point folds to the same number of units, so the
 * offsets are unchanged. Appends unchanged runs as slices. Null when the slow path is needed.
 */
function fastNormalize(s: string): Normalized | null {
  let out = '';
  let run = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c < 0x80) {
      if ((c === 95 || c === 94) && markupClose(s, i) >= 0) return null;
      if (c < 65 || c > 90) continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const ch = width === 1 ? s[i] : s.slice(i, i + 2);
    const f = foldChar(ch);
    if (f.length !== width) return null;
    if (f !== ch) {
      out += s.slice(run, i) + f;
      run = i + width;
    }
    i += width - 1;
  }
  return { text: run === 0 ? s : out + s.slice(run), map: null };
}

function slowNormalize(s: string): Normalized {
  let out = '';
  let identity = true;
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const close = markupClose(s, i);
    if (close >= 0) {
      // Drop the markup delimiters; the content is mapped char by char below.
      identity = false;
      const inner = s.slice(i + 2, close);
      const folded = slowNormalize(inner);
      out += folded.text;
      const len = folded.text.length;
      for (let k = 0; k < len; k++) {
        // the delimiters belong to the first / last content character, so a highlight of the
        // whole content covers `_{2.5}` and never leaves a dangling brace
        start.push(k === 0 ? i : i + 2 + (folded.map ? folded.map.start[k] : k));
        end.push(k === len - 1 ? close + 1 : i + 2 + (folded.map ? folded.map.end[k] : k + 1));
      }
      i = close + 1;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? s[i] : s.slice(i, i + 2);
    const f = foldChar(ch);
    if (f.length === width) {
      // same length: unit k came from unit k (keeps surrogate halves aligned)
      for (let k = 0; k < width; k++) {
        start.push(i + k);
        end.push(i + k + 1);
      }
    } else {
      identity = false;
      for (let k = 0; k < f.length; k++) {
        start.push(i);
        end.push(i + width);
      }
    }
    out += f;
    i += width;
  }
  if (identity) return { text: out, map: null };
  return { text: out, map: { start: Uint32Array.from(start), end: Uint32Array.from(end) } };
}

/**
 * Maps a normalised range `[a, b)` (b > a) back to the smallest original range covering the
 * characters that produced it.
 */
export function toOriginalRange(map: OffsetMap | null, a: number, b: number): [number, number] {
  if (!map) return [a, b];
  if (b <= a) {
    const at = a < map.start.length ? map.start[a] : map.end[map.end.length - 1] ?? 0;
    return [at, at];
  }
  return [map.start[a], map.end[b - 1]];
}

/** Normalises a query: the text folding plus whitespace runs collapsed to one space, trimmed. */
export function normalizeQuery(q: string): string {
  return normalizeForSearch(q).text.replace(/\s+/gu, ' ').trim();
}
