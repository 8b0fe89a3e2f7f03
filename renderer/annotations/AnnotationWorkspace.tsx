/**
 * Everything about annotating the open report: the reading column with its marks, the
 * selection toolbar, the 批注 dialog, the annotation list, undo/redo.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createAnchor, type TextSelection } from '../../shared/anchoring';
import { collectTags, type ColorKey, type LegendEntry } from '../../shared/annotations';
import type { ListFilter } from './list-filter';
import { useSentenceKeys } from './use-sentence-keys';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import type { ReaderViewHandle } from '../reader/ReaderView';
import type { MarkRange } from '../reader/paragraph-runs';
import type { NoteValue } from '../notes/NoteEditor';
import { copyText } from '../app/clipboard';
import { AnnotationList } from './AnnotationList';
import { AnnotationPopover } from './AnnotationPopover';
import { SelectionToolbar } from './SelectionToolbar';
import { citationText, labelOf } from './citation';
import { useAnnotations, type AnnotationStorePort } from './use-annotations';
import { SearchPanel } from '../search/SearchPanel';
import type { NoteRecord, SearchResult } from '../../shared/search/types';
import { flashRanges, paintRanges } from '../reader/text-highlights';
import { ExcerptBuilder } from '../print/ExcerptBuilder';
import type { ReaderHost } from '../../shared/ipc/contract';
import { ownsUndo } from '../app/text-entry';
import { exportAnnotations, importAnnotations, type ExchangePorts } from './exchange';

export interface ReaderLayer {
  marks: ReadonlyMap<string, MarkRange[]>;
  colors: ReadonlyMap<string, string>;
  onMarkClick(id: string, el: HTMLElement): void;
}

export interface AnnotationWorkspaceHandle {
  /** Undo/redo of annotation actions (text fields keep their own undo). */
  undoRedo(cmd: 'undo' | 'redo'): Promise<void>;
  /** 导出批注 / 导入批注 (study-group exchange file). */
  exchange(cmd: 'export' | 'import'): Promise<void>;
}

interface Props {
  report: Report;
  reportTitle: string;
  store: AnnotationStorePort;
  author: string;
  onAuthorChange(author: string): void;
  listHidden: boolean;
  reader: RefObject<ReaderViewHandle | null>;
  toast(text: string): void;
  renderReader(layer: ReaderLayer): ReactNode;
  searchOpen: boolean;
  onSearchOpenChange(open: boolean): void;
  printOpen: boolean;
  onPrintOpenChange(open: boolean): void;
  host: ReaderHost;
  legend: readonly LegendEntry[];
}

interface OpenState {
  id: string;
  focusNote: boolean;
}

/** Note edits reach the store at most this long after the last keystroke. */
const NOTE_SAVE_DELAY_MS = 250;

export const AnnotationWorkspace = forwardRef<AnnotationWorkspaceHandle, Props>(function AnnotationWorkspace(props, ref) {
  const { report, reportTitle, store, author, reader, toast } = props;
  const ann = useAnnotations(report, store, author);
  const legend = props.legend;
  const [open, setOpen] = useState<OpenState | null>(null);
  const [noteEpoch, setNoteEpoch] = useState(0);
  const [filter, setFilter] = useState<ListFilter>({});
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const pendingNote = useRef<{ id: string; value: NoteValue; timer: number } | null>(null);

  useEffect(() => {
    setRoot(reader.current?.scroller() ?? null);
  });

  const flushNote = useCallback(async () => {
    const p = pendingNote.current;
    if (!p) return;
    pendingNote.current = null;
    window.clearTimeout(p.timer);
    await ann.update(p.id, { note: p.value }, { coalesceKey: `note:${p.id}`, label: '编辑批注' });
  }, [ann]);

  // Nothing typed is lost on close: the window waits for the pending note edit (see onBeforeClose).
  useEffect(() => props.host.onBeforeClose(flushNote), [props.host, flushNote]);

  const onNoteChange = useCallback(
    (id: string, value: NoteValue) => {
      const p = pendingNote.current;
      if (p && p.id !== id) void flushNote();
      if (pendingNote.current) window.clearTimeout(pendingNote.current.timer);
      pendingNote.current = { id, value, timer: window.setTimeout(() => void flushNote(), NOTE_SAVE_DELAY_MS) };
    },
    [flushNote],
  );

  const close = useCallback(() => {
    void flushNote().then(() => ann.seal());
    setOpen(null);
  }, [flushNote, ann]);

  useSentenceKeys(root, report);

  const anchorFor = useCallback((sel: TextSelection) => createAnchor(report, sel), [report]);

  const highlight = useCallback(
    async (sel: TextSelection, color: ColorKey, focusNote = false, target: 'range' | 'paragraph' = 'range') => {
      let s = sel;
      if (target === 'paragraph') {
        const p = report.paragraphs.find((x) => x.id === sel.startSegmentId);
        if (!p) return;
        s = { startSegmentId: p.id, startOffset: 0, endSegmentId: p.id, endOffset: p.text.length };
      }
      const anchor = anchorFor(s);
      if (!anchor || anchor.quote.trim() === '') {
        toast('所选内容不在报告正文中，无法高亮。');
        return;
      }
      const a = await ann.create(anchor, color, { target }).catch(() => null);
      if (!a) return;
      window.getSelection()?.removeAllRanges();
      if (focusNote) setOpen({ id: a.id, focusNote: true });
    },
    [report, anchorFor, ann, toast],
  );

  const exchange = useCallback(
    async (cmd: 'export' | 'import') => {
      await flushNote();
      const ports: ExchangePorts = {
        host: props.host,
        listAll: (id) => store.listByReport(id, { includeDeleted: true }),
        apply: (changes) => ann.applyChanges(changes, '导入批注'),
      };
      try {
        toast(cmd === 'export' ? await exportAnnotations(ports, report, reportTitle, author) : await importAnnotations(ports, report, reportTitle));
      } catch (e) {
        // A failed write leaves the store as it was (one bulk transaction).
        toast(`${cmd === 'export' ? '导出' : '导入'}失败：${(e as Error).message}`);
      }
    },
    [flushNote, props.host, store, ann, toast, report, reportTitle, author],
  );

  useImperativeHandle(
    ref,
    () => ({
      exchange,
      async undoRedo(cmd) {
        if (ownsUndo(document.activeElement)) {
          // A text field's own undo (the note editor's history, an input's).
          document.execCommand(cmd);
          return;
        }
        await flushNote();
        const label = cmd === 'undo' ? await ann.undo() : await ann.redo();
        // The open note editor reads its record only on mount: show what undo/redo restored.
        setNoteEpoch((n) => n + 1);
        toast(label ? `${cmd === 'undo' ? '已撤销' : '已重做'}：${label}` : cmd === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
      },
    }),
    [ann, flushNote, toast, exchange],
  );

  const openAnnotation = useCallback(
    (id: string, scroll: boolean) => {
      void flushNote();
      const r = ann.resolutions.get(id);
      if (scroll && r && r.status !== 'orphan') reader.current?.scrollToParagraph(r.segmentId, { flash: true });
      setOpen({ id, focusNote: false });
    },
    [ann.resolutions, reader, flushNote],
  );

  // Paragraph notes have no marks: show a marker on their paragraph instead.
  useEffect(() => {
    if (!root) return;
    root.querySelectorAll('[data-has-note]').forEach((el) => el.removeAttribute('data-has-note'));
    for (const a of ann.list) {
      if (a.target !== 'paragraph') continue;
      const r = ann.resolutions.get(a.id);
      if (!r || r.status === 'orphan') continue;
      root.querySelector(`[data-segment-id="${CSS.escape(r.segmentId)}"]`)?.setAttribute('data-has-note', '');
    }
  }, [root, ann.list, ann.resolutions]);

  // Outline the open annotation's marks.
  useEffect(() => {
    if (!root) return;
    root.querySelectorAll('mark.active').forEach((el) => el.classList.remove('active'));
    if (open) root.querySelectorAll(`mark[data-annotation-ids~="${CSS.escape(open.id)}"]`).forEach((el) => el.classList.add('active'));
  }, [root, open, ann.marks]);

  const openRecord = open ? ann.byId.get(open.id) : undefined;
  const openResolution = open ? ann.resolutions.get(open.id) : undefined;
  const anchorRect = useMemo(() => {
    if (!open || !root) return null;
    const mark = root.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(open.id)}"]`);
    const el = mark ?? (openResolution && openResolution.status !== 'orphan' ? root.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(openResolution.segmentId)}"]`) : null);
    const rect = (el ?? root).getBoundingClientRect();
    const pageRight = (root.querySelector('.reader-page') as HTMLElement | null)?.getBoundingClientRect().right ?? rect.right;
    // A paragraph note or an orphan has no mark: place the dialog by the paragraph's first line
    // (or the column's top), not by the whole block, so it neither covers the text nor the top bar.
    const top = Math.max(rect.top, root.getBoundingClientRect().top);
    const bottom = mark ? rect.bottom : top + 36;
    return { top, left: rect.left, right: el ? Math.max(rect.right, pageRight) : rect.left + 40, bottom };
    // Recomputed when the dialog opens or marks change, not on every scroll.
  }, [open, root, openResolution, ann.marks]);

  const tagsInUse = useMemo(() => collectTags(ann.list), [ann.list]);
  const openFromList = useCallback((a: { id: string }) => openAnnotation(a.id, true), [openAnnotation]);

  const notes: NoteRecord[] = useMemo(
    () =>
      ann.list
        .filter((a) => a.note.text.trim() !== '')
        .map((a) => {
          const r = ann.resolutions.get(a.id);
          const placed = r && r.status !== 'orphan';
          return {
            annotationId: a.id,
            paragraphId: placed ? r.segmentId : a.anchor.segmentId,
            start: placed ? r.start : undefined,
            text: a.note.text,
            color: a.color,
            tags: a.tags,
            author: a.author,
            reportId: report.id,
          };
        }),
    [ann.list, ann.resolutions, report.id],
  );

  const onSearchJump = useCallback(
    (r: SearchResult) => {
      if (r.source === 'note' && r.annotationId) return openAnnotation(r.annotationId, true);
      reader.current?.scrollToParagraph(r.paragraphId, { flash: false });
      if (root && r.textStart >= 0) flashRanges(root, 'jump-flash', [{ paragraphId: r.paragraphId, start: r.textStart, end: r.textStart + r.text.length }]);
      const seg = root?.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(r.paragraphId)}"]`);
      seg?.classList.remove('flash');
      void seg?.offsetWidth;
      seg?.classList.add('flash');
    },
    [openAnnotation, reader, root],
  );

  const onHitsChange = useCallback(
    (results: SearchResult[]) => {
      if (!root) return;
      paintRanges(
        root,
        'search-hit',
        results.filter((r) => r.source === 'report').flatMap((r) => r.paragraphRanges.map(([start, end]) => ({ paragraphId: r.paragraphId, start, end }))),
      );
    },
    [root],
  );

  const layer: ReaderLayer = useMemo(
    () => ({ marks: ann.marks, colors: ann.colors, onMarkClick: (id) => openAnnotation(id, false) }),
    [ann.marks, ann.colors, openAnnotation],
  );

  return (
    <>
      <main className="reader-column">
        {ann.error && (
          <div className="error-banner" role="alert">
            {ann.error}
          </div>
        )}
        {props.renderReader(layer)}
      </main>
      <div className="search-dock" hidden={!props.searchOpen}>
        <SearchPanel report={report} notes={notes} open={props.searchOpen} onOpenChange={props.onSearchOpenChange} onJump={onSearchJump} onHitsChange={onHitsChange} />
      </div>
      <SelectionToolbar
        root={root}
        legend={legend}
        onHighlight={(sel, color) => void highlight(sel, color)}
        onNote={(sel) => void highlight(sel, 'yellow', true)}
        onParagraphNote={(sel) => void highlight(sel, 'yellow', true, 'paragraph')}
      />
      {openRecord && !openRecord.deleted && open && (
        <AnnotationPopover
          noteEpoch={noteEpoch}
          annotation={openRecord}
          legend={legend}
          label={labelOf(report, openResolution)}
          quote={toDisplayText(openResolution && openResolution.status !== 'orphan' ? openResolution.quote : openRecord.anchor.quote)}
          tagsInUse={tagsInUse}
          anchorRect={anchorRect}
          focusNote={open.focusNote}
          onColor={(color) => void ann.update(openRecord.id, { color }, { label: '更改颜色' })}
          onNote={(value) => onNoteChange(openRecord.id, value)}
          onNoteBlur={() => void flushNote().then(() => ann.seal())}
          onTags={(tags) => void ann.update(openRecord.id, { tags }, { label: '修改标签' })}
          onCopy={() =>
            void copyText(citationText(report, reportTitle, openRecord, openResolution)).then((ok) => toast(ok ? '已复制引文' : '复制失败，请手动选择文字复制'))
          }
          onDelete={() => {
            void flushNote()
              .then(() => ann.remove(openRecord.id))
              .then(() => toast('已删除批注（Ctrl+Z 撤销）'));
            setOpen(null);
          }}
          onClose={close}
        />
      )}
      {props.printOpen && (
        <ExcerptBuilder
          report={report}
          reportTitle={reportTitle}
          annotations={ann.list}
          resolutions={ann.resolutions}
          legend={legend}
          listFilter={filter}
          userName={author}
          host={props.host}
          toast={toast}
          onClose={() => props.onPrintOpenChange(false)}
        />
      )}
      {!props.listHidden && (
        <div className="annotation-side">
          <label className="author-field">
            署名
            <input type="text" value={props.author} placeholder="您的姓名（用于小组合并）" onChange={(e) => props.onAuthorChange(e.target.value)} maxLength={40} />
          </label>
          <div className="exchange-row" role="group" aria-label="小组交换">
            <button type="button" onClick={() => void exchange('import')} title="合并小组成员导出的批注文件（.json）">
              导入批注…
            </button>
            <button type="button" onClick={() => void exchange('export')} title="把我的批注存为文件，发给小组成员">
              导出批注…
            </button>
          </div>
          <AnnotationList
            report={report}
            list={ann.list}
            resolutions={ann.resolutions}
            legend={legend}
            filter={filter}
            onFilterChange={setFilter}
            selectedId={open?.id ?? null}
            onOpen={openFromList}
          />
        </div>
      )}
    </>
  );
});
