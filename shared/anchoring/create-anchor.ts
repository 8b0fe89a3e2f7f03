/**
 * Anchors from a selection in the reading view.
 */
import type { Anchor } from '../annotations/model';
import type { Report } from '../report/model';
import { sliceWhole, widenEnd, widenStart } from './code-units';
import { indexReport, toLocalRange } from './report-index';

/** Characters of report text kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/** A selection in paragraph-local offsets (UTF-16 code units into `Paragraph.text`). */
export interface TextSelection {
  startSegmentId: string;
  startOffset: number;
  endSegmentId: string;
  endOffset: number;
}

/**
 * Builds an anchor for a selection.
 *
 * Offsets are clamped to their paragraph's text and widened so they never split a surrogate
 * pair. A selection that ends at offset 0 of a later paragraph (triple-click, drag to the line
 * start) is pulled back to the end of the previous paragraph, and one that starts at the very
 * end of a paragraph is pushed to the next, so the quote never begins or ends with "\n".
 *
 * Offsets of ±Infinity clamp to the paragraph edges (`endOffset: Infinity` = to the end).
 * Returns null when a paragraph id is unknown, an offset is NaN, or the selection is empty or
 * inverted.
 */
export function createAnchor(report: Report, sel: TextSelection): Anchor | null {
  const idx = indexReport(report);
  const from = idx.byId.get(sel.startSegmentId);
  const to = idx.byId.get(sel.endSegmentId);
  if (!from || !to) return null;
  if (Number.isNaN(sel.startOffset) || Number.isNaN(sel.endOffset)) return null;

  const clamp = (v: number, len: number) => Math.min(len, Math.max(0, Math.trunc(v)));
  const localStart = widenStart(from.paragraph.text, clamp(sel.startOffset, from.paragraph.text.length));
  const localEnd = widenEnd(to.paragraph.text, clamp(sel.endOffset, to.paragraph.text.length));
  const text = report.text;
  const docStart = from.paragraph.start + localStart;
  const docEnd = to.paragraph.start + localEnd;
  if (docEnd <= docStart) return null;

  // Paragraph separators at the edges are trimmed: no visible character was selected there.
  const range = toLocalRange(report, docStart, docEnd);
  if (!range) return null;
  const start = idx.byId.get(range.segmentId)!.paragraph.start + range.start;
  const end = idx.byId.get(range.endSegmentId)!.paragraph.start + range.end;
  return {
    ...range,
    quote: text.slice(start, end),
    prefix: sliceWhole(text, start - CONTEXT_LENGTH, start),
    suffix: sliceWhole(text, end, end + CONTEXT_LENGTH),
    fingerprint: report.fingerprint,
  };
}
