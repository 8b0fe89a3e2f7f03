/**
 * 修订对照: which paragraphs changed between two editions of a report, with a character-level
 * diff (jsdiff) of each. Paragraphs are first aligned as whole texts (jsdiff's diffArrays), then a
 * removed and an added paragraph in the same place that still share most of their text are one
 * paragraph changed; an added paragraph whose text was removed elsewhere is one paragraph moved.
 */
import { diffArrays, diffChars } from 'diff';
import type { Paragraph, Report } from '../report/model';

/** A run of text: kept (`''`), inserted (`+`) or deleted (`-`). */
export interface DiffPiece {
  op: '' | '+' | '-';
  text: string;
}

export interface RevisionEntry {
  kind: 'changed' | 'inserted' | 'deleted' | 'moved';
  /** The paragraph in the old edition (null when inserted). */
  oldParagraphId: string | null;
  oldLabel: string | null;
  /** The paragraph in the new edition (null when deleted). */
  newParagraphId: string | null;
  newLabel: string | null;
  /** The character diff old → new (a whole paragraph inserted or deleted is one piece). */
  pieces: DiffPiece[];
}

/** Shared characters as a fraction of the longer paragraph; 0.5 or more is the same paragraph edited. */
export const SAME_PARAGRAPH = 0.5;

export function charDiff(a: string, b: string): DiffPiece[] {
  return diffChars(a, b).map((c) => ({ op: c.added ? '+' : c.removed ? '-' : '', text: c.value }));
}

function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // diffChars of two unrelated long paragraphs is quadratic-ish: a length gap this big is no match anyway.
  if (Math.min(a.length, b.length) / longer < SAME_PARAGRAPH) return 0;
  let kept = 0;
  for (const c of diffChars(a, b)) if (!c.added && !c.removed) kept += c.value.length;
  return kept / longer;
}

/** The changed paragraphs of `next` against `prev`, in the new edition's reading order (deletions where they were). */
export function compareEditions(prev: Report, next: Report): RevisionEntry[] {
  const hunks = diffArrays(prev.paragraphs.map((p) => p.text), next.paragraphs.map((p) => p.text));
  const removed: Paragraph[] = [];
  const added: Paragraph[] = [];
  const entries: { entry: RevisionEntry; order: number }[] = [];
  let oi = 0;
  let ni = 0;
  // Removed and added runs between two unchanged paragraphs (in either order) are edits in place.
  let pendingRemoved: Paragraph[] = [];
  let pendingAdded: Paragraph[] = [];
  const flushPair = () => {
    // Best pairs first: a new heading that shares a few characters with an old one must not take
    // the place of the old heading's renumbered self.
    const pairs: { o: Paragraph; n: Paragraph; score: number }[] = [];
    for (const o of pendingRemoved) for (const n of pendingAdded) {
      const score = similarity(o.text, n.text);
      if (score >= SAME_PARAGRAPH) pairs.push({ o, n, score });
    }
    pairs.sort((x, y) => y.score - x.score);
    const usedOld = new Set<Paragraph>();
    const usedNew = new Set<Paragraph>();
    for (const { o, n } of pairs) {
      if (usedOld.has(o) || usedNew.has(n)) continue;
      usedOld.add(o);
      usedNew.add(n);
      entries.push({ entry: { kind: 'changed', oldParagraphId: o.id, oldLabel: o.label, newParagraphId: n.id, newLabel: n.label, pieces: charDiff(o.text, n.text) }, order: next.paragraphs.indexOf(n) });
    }
    added.push(...pendingAdded.filter((n) => !usedNew.has(n)));
    removed.push(...pendingRemoved.filter((o) => !usedOld.has(o)));
    pendingRemoved = [];
    pendingAdded = [];
  };
  for (const h of hunks) {
    const count = h.count ?? h.value.length;
    if (h.removed) {
      pendingRemoved.push(...prev.paragraphs.slice(oi, oi + count));
      oi += count;
    } else if (h.added) {
      pendingAdded.push(...next.paragraphs.slice(ni, ni + count));
      ni += count;
    } else {
      flushPair();
      oi += count;
      ni += count;
    }
  }
  flushPair();
  // A paragraph removed in one place and added in another: moved, perhaps edited on the way.
  for (const n of added) {
    const k = removed.findIndex((o) => o.text === n.text) ;
    const j = k >= 0 ? k : removed.findIndex((o) => similarity(o.text, n.text) >= 0.8);
    if (j >= 0) {
      const o = removed.splice(j, 1)[0];
      entries.push({ entry: { kind: 'moved', oldParagraphId: o.id, oldLabel: o.label, newParagraphId: n.id, newLabel: n.label, pieces: charDiff(o.text, n.text) }, order: next.paragraphs.indexOf(n) });
    } else {
      entries.push({ entry: { kind: 'inserted', oldParagraphId: null, oldLabel: null, newParagraphId: n.id, newLabel: n.label, pieces: [{ op: '+', text: n.text }] }, order: next.paragraphs.indexOf(n) });
    }
  }
  for (const o of removed) {
    // Shown where it stood: after the new paragraph that now holds its predecessor's place.
    const at = prev.paragraphs.indexOf(o);
    entries.push({ entry: { kind: 'deleted', oldParagraphId: o.id, oldLabel: o.label, newParagraphId: null, newLabel: null, pieces: [{ op: '-', text: o.text }] }, order: at * (next.paragraphs.length / Math.max(1, prev.paragraphs.length)) + 0.5 });
  }
  return entries.sort((a, b) => a.order - b.order).map((e) => e.entry);
}
