/**
 * Keyboard-only selection: in the reading column, `S` selects the next sentence (the first one
 * in view when nothing is selected) and `Shift+S` the previous one. Shift+Arrow then adjusts the
 * selection, and the selection toolbar's keys (1–5, N) mark it, so no mouse is needed.
 */
import { useEffect } from 'react';
import type { Report } from '../../shared/report/model';
import { rangeForOffsets } from './dom-selection';
import { isTextEntry } from '../app/text-entry';
import { ensurePainted } from '../reader/progressive-paint';

interface SentenceRef {
  paragraphId: string;
  start: number;
  end: number;
}

/** Every sentence of the report in reading order. */
export function sentenceList(report: Report): SentenceRef[] {
  return report.paragraphs.flatMap((p) => p.sentences.map((s) => ({ paragraphId: p.id, start: s.start, end: s.end })));
}

/** Index of the sentence after (dir 1) or before (dir -1) `current`, clamped to the list. */
export function stepSentence(list: readonly SentenceRef[], current: number, dir: 1 | -1): number {
  if (list.length === 0) return -1;
  if (current < 0) return dir === 1 ? 0 : list.length - 1;
  return Math.max(0, Math.min(list.length - 1, current + dir));
}

export function useSentenceKeys(root: HTMLElement | null, report: Report): void {
  useEffect(() => {
    if (!root) return;
    const list = sentenceList(report);
    // The sentence S selected last: after it is marked (the selection is gone) S goes on from
    // there instead of starting over at the top of the view, as long as it is still in view.
    let last = -1;
    const segOf = (id: string) => {
      ensurePainted(root, [id]);
      return root.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(id)}"]`);
    };
    /** The sentence the current selection starts in, else the first one at or below the top of the view. */
    const currentIndex = (): number => {
      const sel = window.getSelection();
      if (sel && sel.rangeCount > 0 && !sel.isCollapsed && root.contains(sel.anchorNode)) {
        const seg = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode?.parentElement)?.closest<HTMLElement>('[data-segment-id]');
        if (seg) {
          const r = document.createRange();
          r.selectNodeContents(seg);
          r.setEnd(sel.getRangeAt(0).startContainer, sel.getRangeAt(0).startOffset);
          const at = r.toString().length;
          const i = list.findIndex((s) => s.paragraphId === seg.dataset.segmentId && s.start <= at && at < s.end);
          if (i >= 0) return i;
        }
      }
      return -1;
    };
    const firstInView = (): number => {
      const top = root.getBoundingClientRect().top;
      for (const el of root.querySelectorAll<HTMLElement>('[data-segment-id]')) {
        if (el.getBoundingClientRect().bottom > top + 8) return list.findIndex((s) => s.paragraphId === el.dataset.segmentId);
      }
      return 0;
    };
    const inView = (i: number): boolean => {
      const seg = list[i] && segOf(list[i].paragraphId);
      if (!seg) return false;
      const r = seg.getBoundingClientRect();
      const v = root.getBoundingClientRect();
      return r.bottom > v.top && r.top < v.bottom;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 's' && e.key !== 'S') return;
      if (e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      if (!(e.target instanceof Node) || !(root.contains(e.target) || e.target === document.body)) return;
      let cur = currentIndex();
      if (cur < 0 && last >= 0 && inView(last)) cur = last;
      const next = cur < 0 ? (e.shiftKey ? Math.max(0, firstInView() - 1) : firstInView()) : stepSentence(list, cur, e.shiftKey ? -1 : 1);
      const s = list[next];
      const seg = s && segOf(s.paragraphId);
      const range = seg && rangeForOffsets(seg, s.start, s.end);
      if (!range) return;
      e.preventDefault();
      last = next;
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      seg.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, report]);
}
