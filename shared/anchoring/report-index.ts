/**
 * Lookups between paragraph-local offsets and whole-document offsets of a Report
 * (`Report.text` = paragraph texts joined by "\n", `Paragraph.start` = offset in it).
 */
import type { Paragraph, Report } from '../report/model';

export interface ReportIndex {
  report: Report;
  byId: Map<string, { paragraph: Paragraph; index: number }>;
}

const cache = new WeakMap<Report, ReportIndex>();

/**
 * Index of a report's paragraphs, built once per Report object (reports are treated as
 * immutable values). Throws if `Report.text` does not hold the paragraphs at their `start`
 * offsets, because every anchor computed on such a report would be wrong.
 */
export function indexReport(report: Report): ReportIndex {
  const hit = cache.get(report);
  if (hit) return hit;
  const byId = new Map<string, { paragraph: Paragraph; index: number }>();
  let expectedStart = 0;
  report.paragraphs.forEach((paragraph, index) => {
    if (paragraph.start !== expectedStart) {
      throw new Error(
        `Report ${report.id}: paragraph ${paragraph.id} starts at ${paragraph.start}, expected ${expectedStart} (Report.text must be paragraph texts joined by "\\n")`,
      );
    }
    if (report.text.startsWith(paragraph.text, paragraph.start) === false) {
      throw new Error(`Report ${report.id}: Report.text does not contain paragraph ${paragraph.id} at its start offset`);
    }
    if (byId.has(paragraph.id)) throw new Error(`Report ${report.id}: duplicate paragraph id ${paragraph.id}`);
    byId.set(paragraph.id, { paragraph, index });
    expectedStart = paragraph.start + paragraph.text.length + 1;
  });
  const idx = { report, byId };
  cache.set(report, idx);
  return idx;
}

/** Index of the paragraph containing whole-document offset `offset` (the "\n" after a paragraph belongs to it). */
export function paragraphIndexAt(report: Report, offset: number): number {
  const ps = report.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface LocalRange {
  segmentId: string;
  start: number;
  endSegmentId: string;
  end: number;
}

/**
 * Maps a non-empty whole-document range `[start, end)` to paragraph ids and local offsets.
 * Paragraph separators at either edge are trimmed first (a range never starts or ends on a
 * "\n"). Returns null when nothing but separators remains.
 */
export function toLocalRange(report: Report, start: number, end: number): LocalRange | null {
  const text = report.text;
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && text.charCodeAt(s) === 10) s++;
  while (e > s && text.charCodeAt(e - 1) === 10) e--;
  if (s >= e || report.paragraphs.length === 0) return null;
  const first = report.paragraphs[paragraphIndexAt(report, s)];
  const last = report.paragraphs[paragraphIndexAt(report, e - 1)];
  return { segmentId: first.id, start: s - first.start, endSegmentId: last.id, end: e - last.start };
}
