/** Maps the scroll offset of the reading column to a paragraph position and back. */
import type { ReadingPosition } from './prefs';
import { ensurePainted } from '../reader/progressive-paint';

/** The paragraph element at the top edge of `scroller` and how far into it the edge is. */
export function positionAtTop(scroller: HTMLElement, reportId: string): (ReadingPosition & { index: number }) | null {
  const els = scroller.querySelectorAll<HTMLElement>('[data-segment-id]');
  if (els.length === 0) return null;
  const top = scroller.getBoundingClientRect().top + 24;
  // Binary search: paragraphs are in document order, so their tops increase.
  let lo = 0;
  let hi = els.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (els[mid].getBoundingClientRect().top <= top) lo = mid;
    else hi = mid - 1;
  }
  const rect = els[lo].getBoundingClientRect();
  const ratio = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0;
  return { reportId, paragraphId: els[lo].dataset.segmentId ?? '', offsetRatio: ratio, index: lo };
}

/** Scrolls so that `pos` is at the top again; false when the paragraph no longer exists. */
export function restorePosition(scroller: HTMLElement, pos: ReadingPosition): boolean {
  ensurePainted(scroller, [pos.paragraphId]);
  const el = scroller.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(pos.paragraphId)}"]`);
  if (!el) return false;
  const delta = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += delta + el.getBoundingClientRect().height * pos.offsetRatio - 24;
  return true;
}
