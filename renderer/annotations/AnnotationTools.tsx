/**
 * Annotating in the reading column: the selection toolbar (and its keys), keyboard sentence
 * selection, and the 批注 dialog of the open annotation. Everything goes through the store;
 * nothing here writes into the reading DOM (ReportPlugin draws marks, the open one included).
 */
import { useCallback, useMemo } from 'react';
import { createAnchor, type TextSelection } from '../../shared/anchoring';
import { summarize } from './list-sections';
import { type ColorKey, type LegendEntry } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { copyText } from '../app/clipboard';
import { AnnotationPopover } from './AnnotationPopover';
import { SelectionToolbar } from './SelectionToolbar';
import { citationText, labelOf } from './citation';
import { useSentenceKeys } from './use-sentence-keys';
import { PanelBoundary } from '../app/PanelBoundary';
import { BrokenNoteDialog } from './BrokenNoteDialog';
import { useAnnotationState, useAnnotationStore } from './use-annotation-store';

interface Props {
  report: Report;
  reportTitle: string;
  /** The reading column's scrolling element (null until the reader is mounted). */
  root: HTMLElement | null;
  author: string;
  legend: readonly LegendEntry[];
  toast(text: string): void;
  /** Called after an annotation was made without a 署名. */
  onUnsigned?(): void;
}

export function AnnotationTools({ report, reportTitle, root, author, legend, toast, onUnsigned }: Props) {
  const store = useAnnotationStore();
  const open = useAnnotationState((s) => s.open);
  const byId = useAnnotationState((s) => s.byId);
  const resolutions = useAnnotationState((s) => s.resolutions);
  const byParagraph = useAnnotationState((s) => s.byParagraph);
  const orphans = useAnnotationState((s) => s.orphans);
  const noteEpoch = useAnnotationState((s) => s.noteEpoch);
  const marks = useAnnotationState((s) => s.marks);

  useSentenceKeys(root, report);

  const highlight = useCallback(
    async (sel: TextSelection, color: ColorKey, focusNote = false, target: 'range' | 'paragraph' = 'range') => {
      let s = sel;
      if (target === 'paragraph') {
        const p = report.paragraphs.find((x) => x.id === sel.startSegmentId);
        if (!p) return;
        s = { startSegmentId: p.id, startOffset: 0, endSegmentId: p.id, endOffset: p.text.length };
      }
      const anchor = createAnchor(report, s);
      if (!anchor || anchor.quote.trim() === '') {
        toast('所选内容不在报告正文中，无法高亮。');
        return;
      }
      const a = await store.create(anchor, color, { author, target });
      if (!a) return;
      window.getSelection()?.removeAllRanges();
      if (focusNote) store.openAnnotation(a.id, true);
      else if (!author.trim()) onUnsigned?.();
    },
    [report, store, author, toast, onUnsigned],
  );

  const record = open ? byId.get(open.id) : undefined;
  const resolution = open ? resolutions.get(open.id) : undefined;
  // Where the dialog goes: read (never written) from the reading DOM, when it opens or marks move.
  const anchorRect = useMemo(() => {
    if (!open || !root) return null;
    const mark = root.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(open.id)}"]`);
    const el = mark ?? (resolution && resolution.status !== 'orphan' ? root.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(resolution.segmentId)}"]`) : null);
    const rect = (el ?? root).getBoundingClientRect();
    const pageRight = (root.querySelector('.reader-page') as HTMLElement | null)?.getBoundingClientRect().right ?? rect.right;
    // A paragraph note or an orphan has no mark: place the dialog by the paragraph's first line
    // (or the column's top), not by the whole block, so it neither covers the text nor the top bar.
    const top = Math.max(rect.top, root.getBoundingClientRect().top);
    const bottom = mark ? rect.bottom : top + 36;
    return { top, left: rect.left, right: el ? Math.max(rect.right, pageRight) : rect.left + 40, bottom };
    // Recomputed when the dialog opens or marks change, not on every scroll.
  }, [open, root, resolution, marks]);

  // Only while a dialog is open, and from per-paragraph summaries (see list-sections.ts).
  const tagsInUse = useMemo(() => (open ? summarize([...byParagraph.values(), orphans]).tags : []), [open, byParagraph, orphans]);

  return (
    <>
      <SelectionToolbar
        root={root}
        legend={legend}
        onHighlight={(sel, color) => void highlight(sel, color)}
        onNote={(sel) => void highlight(sel, 'yellow', true)}
        onParagraphNote={(sel) => void highlight(sel, 'yellow', true, 'paragraph')}
      />
      {record && open && (
        <PanelBoundary
          resetKey={`${record.id}:${noteEpoch}`}
          fallback={() => (
            <BrokenNoteDialog
              annotation={record}
              label={labelOf(report, resolution)}
              quote={toDisplayText(resolution && resolution.status !== 'orphan' ? resolution.quote : record.anchor.quote)}
              onDelete={() => void store.remove(record.id).then(() => toast('已删除批注（Ctrl+Z 撤销）'))}
              onClose={() => store.closeAnnotation()}
            />
          )}
        >
        <AnnotationPopover
          noteEpoch={noteEpoch}
          annotation={record}
          legend={legend}
          label={labelOf(report, resolution)}
          quote={toDisplayText(resolution && resolution.status !== 'orphan' ? resolution.quote : record.anchor.quote)}
          tagsInUse={tagsInUse}
          anchorRect={anchorRect}
          focusNote={open.focusNote}
          onColor={(color) => void store.update(record.id, { color }, { label: '更改颜色' })}
          onNote={(value) => store.typeNote(record.id, value)}
          onNoteBlur={() => void store.flushNote().then(() => store.seal())}
          onTags={(tags) => void store.update(record.id, { tags }, { label: '修改标签' })}
          onCopy={() => void copyText(citationText(report, reportTitle, record, resolution)).then((ok) => toast(ok ? '已复制引文' : '复制失败，请手动选择文字复制'))}
          onDelete={() => void store.remove(record.id).then(() => toast('已删除批注（Ctrl+Z 撤销）'))}
          onClose={() => store.closeAnnotation()}
        />
        </PanelBoundary>
      )}
    </>
  );
}
