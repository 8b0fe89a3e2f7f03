/**
 * 对照阅读: two reports side by side (this year's and last year's, draft and final), each with
 * its outline and scrolling on its own. Picking a part in one shows it there and the part of the
 * same name in the other (shared/library/same-part.ts). Plain rendering: annotating stays in the
 * main reader, where each report keeps its own notes.
 */
import { useEffect, useRef, useState } from 'react';
import type { OutlineEntry, Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { samePart } from '../../shared/library/same-part';
import { useFocusTrap } from '../app/use-focus-trap';

interface Props {
  left: Report;
  leftTitle: string;
  right: Report;
  rightTitle: string;
  onClose(): void;
}

type Side = 'left' | 'right';

export function CompareView({ left, leftTitle, right, rightTitle, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const bodies = { left: useRef<HTMLDivElement>(null), right: useRef<HTMLDivElement>(null) };
  const [note, setNote] = useState<string | null>(null);
  useFocusTrap(ref);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('.compare-close')?.focus(), []);

  const scrollTo = (side: Side, paragraphId: string) => {
    const box = bodies[side].current;
    const el = box?.querySelector<HTMLElement>(`[data-pid="${CSS.escape(paragraphId)}"]`);
    if (!box || !el) return;
    // The body is positioned: offsetTop is measured from its top.
    box.scrollTop = el.offsetTop - 8;
    el.classList.remove('compare-flash');
    void el.offsetWidth;
    el.classList.add('compare-flash');
  };

  const pick = (side: Side, entry: OutlineEntry) => {
    scrollTo(side, entry.paragraphId);
    const other: Side = side === 'left' ? 'right' : 'left';
    const match = samePart(entry, other === 'left' ? left : right);
    if (match) {
      scrollTo(other, match);
      setNote(null);
    } else setNote(`另一份报告中没有与“${toDisplayText(entry.title)}”同名的部分。`);
  };

  const pane = (side: Side, report: Report, title: string) => (
    <section className="compare-pane" aria-label={title}>
      <h2 className="compare-title">{title}</h2>
      <div className="compare-cols">
        <nav className="compare-outline" aria-label={`${title} 目录`}>
          <ul>
            {report.outline
              .filter((e) => e.level <= 2)
              .map((e) => (
                <li key={`${e.paragraphId}-${e.level}`} className={`compare-l${e.level}`}>
                  <button type="button" onClick={() => pick(side, e)}>
                    {toDisplayText(e.title)}
                  </button>
                </li>
              ))}
          </ul>
        </nav>
        <div className="compare-body" ref={bodies[side]} tabIndex={0} aria-label={`${title} 正文`}>
          {report.paragraphs.map((p) => (
            <p key={p.id} data-pid={p.id} className={`compare-p compare-k-${p.kind}`}>
              {toDisplayText(p.text)}
            </p>
          ))}
        </div>
      </div>
    </section>
  );

  return (
    <div
      ref={ref}
      className="compare-view"
      role="dialog"
      aria-modal="true"
      aria-label="对照阅读"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="compare-bar">
        <strong>对照阅读</strong>
        <span className="compare-hint">{note ?? '点目录中的一部分，两边同时显示同名部分；两栏各自滚动。'}</span>
        <button type="button" className="compare-close" onClick={onClose}>
          关闭对照（Esc）
        </button>
      </div>
      <div className="compare-panes">
        {pane('left', left, leftTitle)}
        {pane('right', right, rightTitle)}
      </div>
    </div>
  );
}
