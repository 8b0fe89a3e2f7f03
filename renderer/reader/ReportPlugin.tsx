/**
 * Keeps the read-only Lexical document in sync with the report and the highlight ranges:
 * the whole document is built once per report, then only paragraphs whose marks changed are
 * rebuilt. Mark elements carry `data-annotation-id` / `data-color` (see reader-mark-node.ts).
 *
 * The only writer of the reading DOM: besides the marks it outlines the open annotation's
 * marks (`mark.active`), puts ✎ on paragraphs with a paragraph note (`data-has-note`) and
 * flashes a paragraph jumped to (`.flash`).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Report } from '../../shared/report/model';
import { $buildReport, $fillSegment, remarksByParagraph } from './build-report';
import type { MarkRange } from './paragraph-runs';
import type { SegmentNode } from './segment-node';
import { setMarkColors } from './reader-mark-node';

interface Props {
  report: Report;
  marks: ReadonlyMap<string, MarkRange[]>;
  /** Colour key per annotation id (for `data-color`). */
  colors: ReadonlyMap<string, string>;
  /** Annotation whose 批注 dialog is open (its marks are outlined). */
  activeId: string | null;
  /** Paragraph ids carrying a paragraph note. */
  paragraphNotes: ReadonlySet<string>;
  /** Paragraph to flash; a new `seq` flashes again. */
  flash: FlashRequest | null;
  onRendered?: () => void;
}

export interface FlashRequest {
  paragraphId: string;
  seq: number;
}

const marksKey = (list: MarkRange[] | undefined) => (list ? list.map((m) => `${m.id}:${m.start}-${m.end}`).join(',') : '');

export function ReportPlugin({ report, marks, colors, activeId, paragraphNotes, flash, onRendered }: Props): null {
  const [editor] = useLexicalComposerContext();
  const segments = useRef(new Map<string, SegmentNode>());
  const renderedMarks = useRef(new Map<string, string>());
  const builtFor = useRef<Report | null>(null);
  const shownColors = useRef<ReadonlyMap<string, string>>(new Map());

  // A layout effect: the marks reach the DOM in the same task as the React commit that brought
  // the annotations (list included), so the browser lays the page out once, not twice.
  useLayoutEffect(() => {
    setMarkColors(editor, colors);
    const remarks = remarksByParagraph(report);
    if (builtFor.current !== report) {
      editor.update(
        () => {
          segments.current = $buildReport(report, marks);
        },
        { discrete: true, tag: 'history-merge' },
      );
      builtFor.current = report;
      shownColors.current = colors;
      renderedMarks.current = new Map(report.paragraphs.map((p) => [p.id, marksKey(marks.get(p.id))]));
      onRendered?.();
      return;
    }
    const changed = report.paragraphs.filter((p) => renderedMarks.current.get(p.id) !== marksKey(marks.get(p.id)));
    if (changed.length > 0) editor.update(
      () => {
        for (const p of changed) {
          const seg = segments.current.get(p.id)?.getLatest();
          if (seg) $fillSegment(seg, p, remarks.get(p.id) ?? [], marks.get(p.id) ?? []);
          renderedMarks.current.set(p.id, marksKey(marks.get(p.id)));
        }
      },
      { discrete: true },
    );
    // Colours may change without ranges changing (recolour, undo). New marks got theirs when
    // created: repaint only the marks of annotations whose colour changed, not every mark.
    const before = shownColors.current;
    shownColors.current = colors;
    if (before === colors) return;
    const root = editor.getRootElement();
    for (const [id, color] of colors) {
      const was = before.get(id);
      if (was === undefined || was === color) continue;
      root?.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`).forEach((el) => (el.dataset.color = color));
    }
  }, [editor, report, marks, colors, onRendered]);

  // After the marks: rebuilt paragraphs have new mark elements that need the outline again.
  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    root.querySelectorAll('mark.active').forEach((el) => el.classList.remove('active'));
    if (activeId) root.querySelectorAll(`mark[data-annotation-ids~="${CSS.escape(activeId)}"]`).forEach((el) => el.classList.add('active'));
  }, [editor, report, marks, activeId]);

  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    root.querySelectorAll('[data-has-note]').forEach((el) => {
      if (!paragraphNotes.has((el as HTMLElement).dataset.segmentId ?? '')) el.removeAttribute('data-has-note');
    });
    for (const id of paragraphNotes) root.querySelector(`[data-segment-id="${CSS.escape(id)}"]`)?.setAttribute('data-has-note', '');
  }, [editor, report, marks, paragraphNotes]);

  useEffect(() => {
    if (!flash) return;
    const el = editor.getRootElement()?.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(flash.paragraphId)}"]`);
    if (!el) return;
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
  }, [editor, flash]);

  return null;
}
