/**
 * Re-anchoring: finds where an anchor's passage is in a (possibly corrected) edition of a
 * report, or says it cannot be found. The rule above all: never attach a note to the wrong
 * text. An anchor that cannot be placed with confidence is an orphan, which the UI lists
 * with its quote and note.
 */
import approxSearch from 'approx-string-match';
import type { Anchor } from '../annotations/model';
import type { Report } from '../report/model';
import { widenEnd, widenStart } from './code-units';
import { createAnchor } from './create-anchor';
import { alignCut, boundedLevenshtein, prefixDistance, reverse } from './edit-distance';
import { indexReport, toLocalRange } from './report-index';

export type ResolvedAnchor =
  | {
      /**
       * `exact`: the stored position still holds the quote. `moved`: the exact quote was found
       * elsewhere. `fuzzy`: an approximate match (the quote was edited, e.g. a typo fixed).
       */
      status: 'exact' | 'moved' | 'fuzzy';
      segmentId: string;
      /** UTF-16 offset into the `segmentId` paragraph's text. */
      start: number;
      endSegmentId: string;
      /** UTF-16 offset into the `endSegmentId` paragraph's text (exclusive). */
      end: number;
      /** The report text now covered (differs from `anchor.quote` when fuzzy). */
      quote: string;
    }
  | { status: 'orphan' };

/**
 * Tuning, measured on the bundled report (tests/shared/anchoring/thresholds.test.ts keeps
 * these measurements honest).
 *
 * - CONTEXT_SUPPORT: a candidate is backed by its surroundings when its prefix or its suffix is
 *   at least this similar (1 − edits/length) to the stored one. An intact side scores 1, one
 *   edited character ~0.97. Across all pairs of occurrences of repeated 4–12 character phrases
 *   of the bundled report, the better side of the *wrong* occurrence scores at most ~0.69
 *   (p99 0.53): formulaic prose (“较“十三五”末提高…”) makes 0.5 too lax.
 * - SELF_EVIDENT_QUOTE: an exact quote this long that occurs once is accepted without context
 *   (both neighbours rewritten, passage kept). Shorter phrases recur in formulaic prose.
 * - FUZZY_ERROR_RATE: edits allowed when matching prefix+quote+suffix approximately, as a
 *   fraction of its length (at least 64 + quote length when the context is complete). One edit
 *   per five characters finds a fixed typo, a split paragraph or a few edits nearby, while any
 *   unrelated 70-character window of the bundled report is ≥ 70% edits away from the rest.
 * - QUOTE_ERROR_RATE: of the quote itself at most a third may change (minimum one character),
 *   otherwise the note may no longer be about the text now there.
 * - AMBIGUITY_MARGIN: the runner-up approximate match must need this many more edits (as a
 *   fraction of the pattern, minimum 3); otherwise we cannot tell which place is meant.
 */
export const CONTEXT_SUPPORT = 0.75;
export const SELF_EVIDENT_QUOTE = 32;
export const FUZZY_ERROR_RATE = 0.2;
export const QUOTE_ERROR_RATE = 1 / 3;
export const AMBIGUITY_MARGIN = 0.1;
/** Exact occurrences scored at most (a one-character quote can occur thousands of times). */
const MAX_OCCURRENCES = 5000;
/** Quote characters used to align each edge of a fuzzy match (edges far from it do not matter). */
const EDGE = 64;

const ORPHAN = { status: 'orphan' } as const;

/**
 * Places `anchor` in `report`: first at its stored position (the quote must be there), then at
 * the exact quote best supported by the stored prefix/suffix (nearest to the old position on a
 * tie), then at an approximate match of prefix+quote+suffix over the whole report text.
 * Returns `{status: 'orphan'}` when none of these is confident and unambiguous.
 */
export function resolveAnchor(report: Report, anchor: Anchor): ResolvedAnchor {
  const idx = indexReport(report);
  const text = report.text;
  const quote = anchor.quote;
  if (quote.length === 0) return ORPHAN;

  const from = idx.byId.get(anchor.segmentId);
  const to = idx.byId.get(anchor.endSegmentId);
  const oldStart = from ? from.paragraph.start + anchor.start : undefined;
  const oldEnd = to ? to.paragraph.start + anchor.end : undefined;

  // 1. Stored position.
  if (oldStart !== undefined && oldEnd !== undefined && oldStart >= 0 && oldEnd - oldStart === quote.length && text.startsWith(quote, oldStart)) {
    if (report.fingerprint === anchor.fingerprint || supported(text, oldStart, oldEnd, anchor)) {
      return located(report, 'exact', oldStart, oldEnd);
    }
  }

  // 2. Exact quote elsewhere.
  const exact = bestExact(text, anchor, oldStart);
  if (exact === 'ambiguous') return ORPHAN;
  if (exact) {
    return located(report, exact.start === oldStart ? 'exact' : 'moved', exact.start, exact.start + quote.length);
  }

  // 3. Approximate match of quote with its context.
  return fuzzy(report, anchor);
}

/** Similarity (0..1) of the text right before `start` to the stored prefix. */
function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return start === 0 ? 1 : 0;
  const slack = Math.ceil(prefix.length / 4);
  const window = text.slice(Math.max(0, start - prefix.length - slack), start);
  return Math.max(0, 1 - prefixDistance(reverse(prefix), reverse(window)) / prefix.length);
}

/** Similarity (0..1) of the text right after `end` to the stored suffix. */
function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return end === text.length ? 1 : 0;
  const slack = Math.ceil(suffix.length / 4);
  const window = text.slice(end, end + suffix.length + slack);
  return Math.max(0, 1 - prefixDistance(suffix, window) / suffix.length);
}

function supported(text: string, start: number, end: number, anchor: Anchor): boolean {
  return (
    prefixSimilarity(text, start, anchor.prefix) >= CONTEXT_SUPPORT ||
    suffixSimilarity(text, end, anchor.suffix) >= CONTEXT_SUPPORT
  );
}

interface Candidate {
  start: number;
  pre: number;
  suf: number;
  context: number;
}

/** Context scores this close count as a tie (about three characters of 64). */
const CONTEXT_TIE = 0.05;

function bestExact(text: string, anchor: Anchor, hint: number | undefined): { start: number } | 'ambiguous' | null {
  const quote = anchor.quote;
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    const pre = prefixSimilarity(text, at, anchor.prefix);
    const suf = suffixSimilarity(text, at + quote.length, anchor.suffix);
    found.push({ start: at, pre, suf, context: (pre + suf) / 2 });
  }
  if (found.length === 0) return null;
  found.sort((a, b) => b.context - a.context);
  const top = found[0];
  const isSupported = Math.max(top.pre, top.suf) >= CONTEXT_SUPPORT || (found.length === 1 && quote.length >= SELF_EVIDENT_QUOTE);
  if (!isSupported) return null;
  const tied = found.filter((c) => top.context - c.context < CONTEXT_TIE);
  if (tied.length === 1) return top;
  // Repeated passage with (nearly) the same surroundings: only the old position can decide.
  if (hint === undefined) return 'ambiguous';
  tied.sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
  if (Math.abs(tied[0].start - hint) === Math.abs(tied[1].start - hint)) return 'ambiguous';
  return tied[0];
}

function fuzzy(report: Report, anchor: Anchor): ResolvedAnchor {
  const text = report.text;
  const { prefix, quote, suffix } = anchor;
  const pattern = prefix + quote + suffix;
  const maxErrors = Math.floor(pattern.length * FUZZY_ERROR_RATE);
  if (maxErrors === 0) return ORPHAN;
  const matches = approxSearch(text, pattern, maxErrors);
  if (matches.length === 0) return ORPHAN;

  // The library reports every end position with the lowest error count; overlapping ones are
  // the same place, disjoint ones are different places that fit equally well.
  const first = matches[0];
  const clusterEnd = matches.reduce((e, m) => (m.start < e ? Math.max(e, m.end) : e), first.end);
  if (matches.some((m) => m.start >= clusterEnd)) return ORPHAN;
  const errors = first.errors;
  const matchStart = Math.min(...matches.map((m) => m.start));

  // The runner-up (anywhere outside the best place) must be clearly worse.
  const margin = Math.max(3, Math.ceil(pattern.length * AMBIGUITY_MARGIN));
  const masked = text.slice(0, matchStart) + '\uffff'.repeat(clusterEnd - matchStart) + text.slice(clusterEnd);
  if (approxSearch(masked, pattern, errors + margin - 1).length > 0) return ORPHAN;

  // Find the quote's edges inside the match by aligning each edge with its context.
  const head = prefix + quote.slice(0, EDGE);
  const headWindow = text.slice(matchStart, matchStart + head.length + maxErrors);
  let start = matchStart + alignCut(head, headWindow, prefix.length);
  const tail = reverse(quote.slice(-EDGE) + suffix);
  const tailFrom = Math.max(0, first.end - tail.length - maxErrors);
  let end = first.end - alignCut(tail, reverse(text.slice(tailFrom, first.end)), suffix.length);
  start = widenStart(text, start);
  end = widenEnd(text, end);
  if (end <= start) return ORPHAN;

  const budget = Math.max(1, Math.floor(quote.length * QUOTE_ERROR_RATE));
  if (boundedLevenshtein(quote, text.slice(start, end), budget) > budget) return ORPHAN;
  return located(report, 'fuzzy', start, end);
}

function located(report: Report, status: 'exact' | 'moved' | 'fuzzy', start: number, end: number): ResolvedAnchor {
  const range = toLocalRange(report, start, end);
  if (!range) return ORPHAN;
  const idx = indexReport(report);
  const s = idx.byId.get(range.segmentId)!.paragraph.start + range.start;
  const e = idx.byId.get(range.endSegmentId)!.paragraph.start + range.end;
  return { status, ...range, quote: report.text.slice(s, e) };
}

/**
 * A fresh anchor for where `resolved` placed an annotation on `report` (new paragraph ids,
 * offsets, quote, context and fingerprint), to store once the user has seen the new place.
 * Null for an orphan.
 */
export function reanchor(report: Report, resolved: ResolvedAnchor): Anchor | null {
  if (resolved.status === 'orphan') return null;
  return createAnchor(report, {
    startSegmentId: resolved.segmentId,
    startOffset: resolved.start,
    endSegmentId: resolved.endSegmentId,
    endOffset: resolved.end,
  });
}
