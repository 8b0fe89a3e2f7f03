/**
 * The report in a read-only Lexical editor, inside the scrolling reading column. Marks, the
 * open annotation and paragraph-note markers come from the annotation store; ReportPlugin is
 * the only code that writes into the reading DOM.
 */
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import type { Report } from '../../shared/report/model';
import { MSG } from '../messages';
import { RemarkNode, SegmentNode } from './segment-node';
import { ReportPlugin, type FlashRequest } from './ReportPlugin';
import { ReaderMarkNode } from './reader-mark-node';
import { ensurePainted } from './progressive-paint';
import { useAnnotationState, useAnnotationStore } from '../annotations/use-annotation-store';

export interface ReaderViewHandle {
  /** Scrolls paragraph `id` to the top of the column; `flash` briefly highlights it. */
  scrollToParagraph(id: string, opts?: { flash?: boolean; smooth?: boolean }): void;
  /** The scrolling element (for position tracking). */
  scroller(): HTMLElement | null;
}

interface Props {
  report: Report;
  onRendered?: () => void;
  onScroll?: () => void;
  /** Extra Lexical plugins (selection toolbar, search hits …). */
  children?: ReactNode;
}

const theme = {
  mark: 'hl',
  markOverlap: 'hl-overlap',
  text: { bold: 't-bold', italic: 't-italic', subscript: 't-sub' },
};

export const ReaderView = forwardRef<ReaderViewHandle, Props>(function ReaderView({ report, onRendered, onScroll, children }, ref) {
  const store = useAnnotationStore();
  const marks = useAnnotationState((s) => s.marks);
  const colors = useAnnotationState((s) => s.colors);
  const open = useAnnotationState((s) => s.open);
  const paragraphNotes = useAnnotationState((s) => s.paragraphNotes);
  const [flash, setFlash] = useState<FlashRequest | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const initialConfig = useMemo(
    () => ({
      namespace: 'yandu-reader',
      editable: false,
      theme,
      nodes: [SegmentNode, RemarkNode, ReaderMarkNode],
      onError: (error: Error) => {
        throw error;
      },
    }),
    [],
  );

  const scrollToParagraph = useCallback((id: string, opts: { flash?: boolean; smooth?: boolean } = {}) => {
    const scroller = scrollRef.current;
    ensurePainted(scroller, [id]);
    const el = scroller?.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(id)}"]`);
    if (!scroller || !el) return;
    const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 16;
    scroller.scrollTo({ top, behavior: opts.smooth ? 'smooth' : 'auto' });
    if (opts.flash) setFlash((f) => ({ paragraphId: id, seq: (f?.seq ?? 0) + 1 }));
  }, []);

  useImperativeHandle(ref, () => ({ scrollToParagraph, scroller: () => scrollRef.current }), [scrollToParagraph]);

  return (
    <div
      className="reader-scroll"
      id="reader"
      ref={scrollRef}
      onScroll={onScroll}
      tabIndex={0}
      aria-label={MSG.readerRegion}
      role="region"
      onClick={(e) => {
        // A click that ends a text selection is not a click on the highlight.
        if (!window.getSelection()?.isCollapsed) return;
        const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-annotation-id]');
        if (mark) store.openAnnotation(mark.dataset.annotationId!);
      }}
    >
      <article className="reader-page" lang="zh-CN">
        <h1 className="report-title">{report.title}</h1>
        <ReportHeader report={report} />
        {report.continuesFrom && (
          <p className="fragment-notice" role="note">
            {MSG.continuesFrom(report.continuesFrom)}
          </p>
        )}
        <LexicalComposer initialConfig={initialConfig}>
          <ContentEditable className="reader-content" aria-label={MSG.readerRegion} aria-readonly />
          <ReportPlugin
            report={report}
            marks={marks}
            colors={colors}
            activeId={open?.id ?? null}
            paragraphNotes={paragraphNotes}
            flash={flash}
            onRendered={onRendered}
          />
          {children}
        </LexicalComposer>
        {report.continuesOn && (
          <p className="fragment-notice" role="note">
            {MSG.continuesOn(report.continuesOn)}
          </p>
        )}
      </article>
    </div>
  );
});

/**
 * The header block (dateline, speaker, 各位代表：) above the body: part of the report, never a
 * numbered paragraph. The title line is not repeated: the heading above shows the title (title rule).
 */
function ReportHeader({ report }: { report: Report }) {
  const lines = (report.front ?? []).filter((f) => f.kind !== 'title');
  if (lines.length === 0) return null;
  return (
    <header className="report-front" aria-label={MSG.reportHeader}>
      {lines.map((f, i) => (
        <p key={i} className={`front-${f.kind}`} data-front-kind={f.kind}>
          {f.text}
        </p>
      ))}
    </header>
  );
}
