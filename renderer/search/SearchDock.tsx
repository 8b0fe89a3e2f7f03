/**
 * The search panel in its dock: searches the report and the notes of the store, jumps to a hit
 * and paints the hits with CSS highlights (no change to the reading DOM).
 */
import { useCallback, useMemo, useRef } from 'react';
import type { ResolvedAnchor } from '../../shared/anchoring';
import type { Annotation } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import type { NoteRecord, SearchResult } from '../../shared/search/types';
import { flashRanges, paintRanges } from '../reader/text-highlights';
import { useAnnotationState, useAnnotationStore } from '../annotations/use-annotation-store';
import { SearchPanel, type ShelfSearch } from './SearchPanel';

interface Props {
  report: Report;
  root: HTMLElement | null;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Scrolls the reading column to a paragraph (flash: briefly mark the whole paragraph). */
  jumpTo(paragraphId: string, flash: boolean): void;
  /** 书架全部: the shelf to search, and how to open another report at a paragraph. */
  shelf?: ShelfSearch & { openAt(reportId: string, paragraphId: string): void };
}

export function SearchDock({ report, root, open, onOpenChange, jumpTo, shelf }: Props) {
  const store = useAnnotationStore();
  const list = useAnnotationState((s) => s.list);
  const resolutions = useAnnotationState((s) => s.resolutions);

  // One record per annotation version, kept while it is unchanged: the search sends the
  // worker only records that are not the ones it sent before.
  const records = useRef(new WeakMap<Annotation, { r: ResolvedAnchor | undefined; reportId: string; rec: NoteRecord }>());
  // Only while the search is open: walking 50,000 annotations after every click or note save is
  // time a closed search does not need; opening it brings the notes up to date.
  const shownNotes = useRef<NoteRecord[]>([]);
  const notes: NoteRecord[] = useMemo(() => {
    if (!open) return shownNotes.current;
    const out: NoteRecord[] = [];
    for (const a of list) {
      if (a.note.text.trim() === '') continue;
      const r = resolutions.get(a.id);
      const kept = records.current.get(a);
      if (kept && kept.r === r && kept.reportId === report.id) {
        out.push(kept.rec);
        continue;
      }
      const placed = r && r.status !== 'orphan';
      const rec: NoteRecord = {
        annotationId: a.id,
        paragraphId: placed ? r.segmentId : a.anchor.segmentId,
        start: placed ? r.start : undefined,
        text: a.note.text,
        color: a.color,
        tags: a.tags,
        author: a.author,
        reportId: report.id,
      };
      records.current.set(a, { r, reportId: report.id, rec });
      out.push(rec);
    }
    shownNotes.current = out;
    return out;
  }, [open, list, resolutions, report.id]);

  const onJump = useCallback(
    (r: SearchResult) => {
      if (r.reportId !== report.id && r.source === 'report') return shelf?.openAt(r.reportId, r.paragraphId);
      if (r.source === 'note' && r.annotationId) {
        const placed = store.getState().resolutions.get(r.annotationId);
        if (placed && placed.status !== 'orphan') jumpTo(placed.segmentId, true);
        return store.openAnnotation(r.annotationId);
      }
      jumpTo(r.paragraphId, true);
      if (root && r.textStart >= 0) flashRanges(root, 'jump-flash', [{ paragraphId: r.paragraphId, start: r.textStart, end: r.textStart + r.text.length }]);
    },
    [store, jumpTo, root, report.id, shelf],
  );

  const onHitsChange = useCallback(
    (results: SearchResult[]) => {
      if (!root) return;
      paintRanges(
        root,
        'search-hit',
        // Across the 书架, only this report's hits are in the text (paragraph ids repeat between reports).
        results.filter((r) => r.source === 'report' && r.reportId === report.id).flatMap((r) => r.paragraphRanges.map(([start, end]) => ({ paragraphId: r.paragraphId, start, end }))),
      );
    },
    [root, report.id],
  );

  return (
    <div className="search-dock" hidden={!open}>
      <SearchPanel report={report} notes={notes} open={open} onOpenChange={onOpenChange} onJump={onJump} onHitsChange={onHitsChange} shelf={shelf} />
    </div>
  );
}
