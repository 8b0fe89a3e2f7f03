/**
 * Keeps the read-only Lexical document in sync with the report and the highlight ranges:
 * a new report is built first screen first (progressive-paint.ts: one screenful in the update
 * that shows it, the rest in chunks of later tasks, or at once when a jump, search or print
 * asks for a paragraph), then only paragraphs whose marks changed are rebuilt. Mark elements carry `data-annotation-id` / `data-color` (see reader-mark-node.ts).
 *
 * The only writer of the reading DOM: besides the marks it outlines the open annotation's
 * marks (`mark.active`), puts ✎ on paragraphs with a paragraph note (`data-has-note`) and
 * flashes a paragraph jumped to (`.flash`).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Report } from '../../shared/report/model';
import { $appendParagraphs, $buildReport, $fillSegment, remarksByParagraph } from './build-report';
import { chunkEnds, registerPainter } from './progressive-paint';
import type { MarkRange } from './paragraph-runs';
import type { SegmentNode } from './segment-node';
import { setMarkColors } from './reader-mark-node';
import type { LayeredMap } from '../annotations/layered-map';

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

/** Colour changes since `before`: cheap when `colors` is a recent LayeredMap version of it. */
function changedColors(colors: ReadonlyMap<string, string>, before: ReadonlyMap<string, string>): Iterable<string> {
  const since = (colors as Partial<LayeredMap<string, string>>).changedSince?.(before);
  return since ?? colors.keys();
}

export function ReportPlugin({ report, marks, colors, activeId, paragraphNotes, flash, onRendered }: Props): null {
  const [editor] = useLexicalComposerContext();
  const segments = useRef(new Map<string, SegmentNode>());
  // The ranges each paragraph was drawn with: the store keeps a paragraph's array while its
  // ranges stay the same, so comparing arrays by identity finds the paragraphs to redraw.
  const renderedMarks = useRef(new Map<string, MarkRange[] | undefined>());
  /** Paragraphs redrawn by the last update (their ✎ and outlines are put back). */
  const redrawn = useRef<string[] | null>(null);
  const builtFor = useRef<Report | null>(null);
  // What a chunk painted later must be drawn with: the props of the latest render.
  const latest = useRef({ marks, activeId, paragraphNotes });
  latest.current = { marks, activeId, paragraphNotes };
  /** How far the current report is painted, and where the chunks still to paint end. */
  const progress = useRef<{ report: Report | null; painted: number; ends: number[]; index: Map<string, number>; cancel: () => void }>({
    report: null,
    painted: 0,
    ends: [],
    index: new Map(),
    cancel: () => {},
  });

  /** Appends paragraphs up to `end` (exclusive) of the report being shown, with their marks, ✎ and outlines. */
  const paintTo = (end: number) => {
    const pr = progress.current;
    const report = pr.report;
    if (!report || end <= pr.painted) return;
    const from = pr.painted;
    const { marks, activeId, paragraphNotes } = latest.current;
    editor.update(
      () => {
        $appendParagraphs(report, marks, remarksByParagraph(report), from, end, segments.current);
      },
      { discrete: true, tag: 'history-merge' },
    );
    pr.painted = end;
    const root = editor.getRootElement();
    for (const p of report.paragraphs.slice(from, end)) {
      renderedMarks.current.set(p.id, marks.get(p.id));
      const el = root ? segmentEl(root, p.id) : null;
      if (!el) continue;
      if (paragraphNotes.has(p.id)) el.setAttribute('data-has-note', '');
      if (activeId) el.querySelectorAll(`mark[data-annotation-ids~="${CSS.escape(activeId)}"]`).forEach((m) => m.classList.add('active'));
    }
  };
  const paintToRef = useRef(paintTo);
  paintToRef.current = paintTo;

  /** Paints the next chunk in a later task (after the browser has shown the previous one), until all are. */
  const scheduleRest = (report: Report) => {
    let cancelled = false;
    let timer: number | undefined;
    const step = () => {
      const pr = progress.current;
      if (cancelled || pr.report !== report) return;
      const next = pr.ends.find((e) => e > pr.painted);
      if (next === undefined) return;
      paintToRef.current(next);
      if (pr.painted < report.paragraphs.length) later();
    };
    const sched = (globalThis as { scheduler?: { postTask?(cb: () => void, o: { priority: string }): Promise<unknown> } }).scheduler;
    // Each chunk is a task of its own, so the browser can show the one before in between.
    // Not 'background': behind the search index and the annotation store a long report took
    // seconds to complete, while the page's own find (Ctrl+F in a browser) sees only painted text.
    const later = () => {
      if (sched?.postTask) void sched.postTask(step, { priority: 'user-visible' });
      else timer = window.setTimeout(step, 0);
    };
    later();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  };

  const unregister = useRef<(() => void) | null>(null);
  useEffect(
    () =>
      editor.registerRootListener((root, prev) => {
        if (prev) unregister.current?.();
        unregister.current = root
          ? registerPainter(root, (ids) => {
              const pr = progress.current;
              if (!pr.report) return;
              let end = pr.report.paragraphs.length;
              if (ids) {
                end = 0;
                for (const id of ids) end = Math.max(end, (pr.index.get(id) ?? -1) + 1);
              }
              paintToRef.current(end);
            })
          : null;
      }),
    [editor],
  );
  useEffect(() => () => {
    progress.current.cancel();
    unregister.current?.();
  }, []);
  const shownColors = useRef<ReadonlyMap<string, string>>(new Map());
  // By node key, not by a selector: a selector walks the whole reading DOM (every mark) to find it.
  const segmentEl = (root: HTMLElement, id: string): HTMLElement | null => {
    const node = segments.current.get(id);
    const el = node ? editor.getElementByKey(node.getKey()) : null;
    return el ?? root.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(id)}"]`);
  };

  // A layout effect: the marks reach the DOM in the same task as the React commit that brought
  // the annotations (list included), so the browser lays the page out once, not twice.
  useLayoutEffect(() => {
    setMarkColors(editor, colors);
    const remarks = remarksByParagraph(report);
    if (builtFor.current !== report) {
      progress.current.cancel();
      const ends = chunkEnds(report.paragraphs.map((p) => p.text.length));
      const first = ends[0] ?? 0;
      editor.update(
        () => {
          segments.current = $buildReport(report, marks, first);
        },
        { discrete: true, tag: 'history-merge' },
      );
      builtFor.current = report;
      shownColors.current = colors;
      renderedMarks.current = new Map(report.paragraphs.slice(0, first).map((p) => [p.id, marks.get(p.id)]));
      progress.current = { report, painted: first, ends, index: new Map(report.paragraphs.map((p, i) => [p.id, i])), cancel: () => {} };
      if (first < report.paragraphs.length) progress.current.cancel = scheduleRest(report);
      redrawn.current = null;
      onRendered?.();
      return;
    }
    // Paragraphs not painted yet get their marks when their chunk is painted.
    const changed = report.paragraphs.slice(0, progress.current.painted).filter((p) => renderedMarks.current.get(p.id) !== marks.get(p.id));
    redrawn.current = changed.map((p) => p.id);
    if (changed.length > 0) editor.update(
      () => {
        for (const p of changed) {
          const seg = segments.current.get(p.id)?.getLatest();
          if (seg) $fillSegment(seg, p, remarks.get(p.id) ?? [], marks.get(p.id) ?? []);
          renderedMarks.current.set(p.id, marks.get(p.id));
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
    for (const id of changedColors(colors, before)) {
      const color = colors.get(id);
      const was = before.get(id);
      if (color === undefined || was === undefined || was === color) continue;
      root?.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`).forEach((el) => (el.dataset.color = color));
    }
  }, [editor, report, marks, colors, onRendered]);

  // After the marks: rebuilt paragraphs have new mark elements that need the outline again.
  // Scanning the whole reading DOM (tens of thousands of marks) only when the open one changed.
  const outlined = useRef<{ activeId: string | null; report: Report | null }>({ activeId: null, report: null });
  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const same = outlined.current.activeId === activeId && outlined.current.report === report && redrawn.current;
    outlined.current = { activeId, report };
    if (same && !activeId) return;
    const scopes: ParentNode[] = same ? redrawn.current!.flatMap((id) => segmentEl(root, id) ?? []) : [root];
    for (const scope of scopes) {
      scope.querySelectorAll('mark.active').forEach((el) => el.classList.remove('active'));
      if (activeId) scope.querySelectorAll(`mark[data-annotation-ids~="${CSS.escape(activeId)}"]`).forEach((el) => el.classList.add('active'));
    }
  }, [editor, report, marks, activeId]);

  const noted = useRef<{ notes: ReadonlySet<string>; report: Report | null }>({ notes: new Set(), report: null });
  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const was = noted.current;
    noted.current = { notes: paragraphNotes, report };
    if (was.report === report && was.notes === paragraphNotes && redrawn.current) {
      // Only the redrawn paragraphs may have lost their ✎.
      for (const id of redrawn.current) if (paragraphNotes.has(id)) segmentEl(root, id)?.setAttribute('data-has-note', '');
      return;
    }
    const stale = was.report === report ? [...was.notes].filter((id) => !paragraphNotes.has(id)) : null;
    if (stale) for (const id of stale) segmentEl(root, id)?.removeAttribute('data-has-note');
    else
      root.querySelectorAll('[data-has-note]').forEach((el) => {
        if (!paragraphNotes.has((el as HTMLElement).dataset.segmentId ?? '')) el.removeAttribute('data-has-note');
      });
    for (const id of paragraphNotes) segmentEl(root, id)?.setAttribute('data-has-note', '');
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
