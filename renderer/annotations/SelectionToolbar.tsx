/**
 * Floating toolbar above a text selection in the reading view: one button per legend colour
 * (keys 1–5), 批注 (N) and 段落批注. Shown only while a non-empty selection lies in the report.
 */
import { useEffect, useRef, useState } from 'react';
import type { ColorKey, LegendEntry } from '../../shared/annotations';
import type { TextSelection } from '../../shared/anchoring';
import { selectionToSegments } from './dom-selection';
import { isTextEntry } from '../app/text-entry';

interface Props {
  /** The element holding the report paragraphs. */
  root: HTMLElement | null;
  legend: readonly LegendEntry[];
  onHighlight(sel: TextSelection, color: ColorKey): void;
  onNote(sel: TextSelection): void;
  onParagraphNote(sel: TextSelection): void;
}

interface Shown {
  sel: TextSelection;
  top: number;
  left: number;
}

/** The current DOM selection inside `root` as paragraph offsets, or null. */
function liveSelection(root: HTMLElement): { sel: TextSelection; range: Range } | null {
  const s = window.getSelection();
  if (!s || s.rangeCount === 0 || s.isCollapsed) return null;
  const range = s.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const sel = selectionToSegments(root, range);
  return sel ? { sel, range } : null;
}

export function SelectionToolbar({ root, legend, onHighlight, onNote, onParagraphNote }: Props) {
  const [shown, setShown] = useState<Shown | null>(null);
  const shownRef = useRef(shown);
  shownRef.current = shown;

  useEffect(() => {
    if (!root) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const live = liveSelection(root);
        if (!live) return setShown(null);
        const { sel, range } = live;
        const rects = range.getClientRects();
        const first = rects[0] ?? range.getBoundingClientRect();
        setShown({ sel, top: Math.max(8, first.top - 48), left: Math.max(8, first.left) });
      });
    };
    // The toolbar is position: fixed; keep it beside the selection while the column scrolls.
    const follow = () => {
      if (shownRef.current) update();
    };
    document.addEventListener('selectionchange', update);
    root.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
    return () => {
      document.removeEventListener('selectionchange', update);
      root.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
      cancelAnimationFrame(frame);
    };
  }, [root]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!shownRef.current || !root || e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      // The selection as it is now: the toolbar's copy lags one frame behind a fast S → 2.
      const cur = liveSelection(root);
      if (!cur) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= legend.length) {
        e.preventDefault();
        onHighlight(cur.sel, legend[n - 1].color);
      } else if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        onNote(cur.sel);
      } else if (e.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, legend, onHighlight, onNote]);

  if (!shown) return null;
  const now = () => (root && liveSelection(root)?.sel) ?? shown.sel;
  // Buttons must not steal the selection when pressed.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="标注工具" style={{ top: shown.top, left: shown.left }} onMouseDown={keep}>
      {legend.map((l, i) => (
        <button
          key={l.color}
          type="button"
          className={`swatch-button swatch-${l.color}`}
          data-color={l.color}
          title={`${l.name}：${l.meaning}（${i + 1}）`}
          aria-label={`${l.meaning}（${l.name}）`}
          onClick={() => onHighlight(now(), l.color)}
        >
          <span className={`swatch swatch-${l.color}`} aria-hidden />
          {l.meaning}
        </button>
      ))}
      <button type="button" title="高亮并写批注（N）" onClick={() => onNote(now())}>
        批注
      </button>
      <button type="button" title="为所在段落添加批注（不高亮）" onClick={() => onParagraphNote(now())}>
        段落批注
      </button>
    </div>
  );
}
