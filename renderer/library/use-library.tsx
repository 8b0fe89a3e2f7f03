/**
 * The 书架 as the shell uses it: which report to open at start, opening by id, admitting a file
 * just read (new report, one already on the shelf, or another edition of one), and the dialogs
 * (书架, 作为新版本打开, 修订对照, 对照阅读). The shell only mounts `element` and calls these.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReaderHost, Result } from '../../shared/ipc/contract';
import type { Report, ReportMeta } from '../../shared/report/model';
import type { Annotation } from '../../shared/annotations/model';
import { readStoredRows } from '../../shared/annotations';
import { resolveAnchor } from '../../shared/anchoring';
import { admit, type ShelfEntry } from '../../shared/library/entry';
import type { EditionCounts } from '../../shared/library/edition';
import { compareEditions, type RevisionEntry } from '../../shared/library/revision';
import { exportAnnotations } from '../annotations/exchange';
import type { AnnotationRepository } from '../db';
import type { EditionMoveUndo, ShelfItem, ShelfRepository } from './shelf-repository';
import { ShelfDialog, type ShelfActions } from './ShelfDialog';
import { EditionOffer, type EditionChoice } from './EditionOffer';
import { RevisionDialog } from './RevisionDialog';
import { CompareView } from './CompareView';
import { SHELF_MSG as M } from './messages';
import type { ShelfSearch } from '../search/SearchPanel';
import type { ExchangeFile } from '../../shared/exchange/format';
import { summaryText } from '../../shared/exchange';
import { previousYearEntry } from '../../shared/library/year-pair';

export interface LibraryOptions {
  host: ReaderHost;
  shelf: ShelfRepository;
  repository: Pick<AnnotationRepository, 'listByReport'>;
  /** The report now open, if any. */
  current: Report | null;
  author: string;
  toast(text: string): void;
  /** Shows `report` under `title` in the reader (at paragraph `at` when given). */
  show(report: Report, title: string, at?: string): void;
  /** Scrolls the reader to a paragraph of the open report. */
  jumpTo(paragraphId: string): void;
}

export interface Library {
  items: readonly ShelfItem[];
  /** At start: puts the bundled report on the shelf and opens the last report read. */
  start(): Promise<Result<void>>;
  /** Opens a shelf report by id; resolves false (after a message) when it cannot be read. */
  openById(id: string, at?: string): Promise<boolean>;
  /** A file read by the host (dialog or drop): on the shelf and open, or the edition question. */
  admitOpened(res: Result<Report | null>): Promise<void>;
  showShelf(): void;
  /** Title of a shelf report (renamed or its own), for search results and exports. */
  titleOf(id: string): string;
  /** Every live shelf report, loaded (search across the 书架). */
  loadAll(): Promise<Report[]>;
  /** Last year's report of the same place on the 书架 (两年对照), loaded; null when there is none. */
  lastYearOf(report: Report): Promise<Report | null>;
  /** 导入批注 of a file for another report (ExchangePorts.elsewhere). */
  fileElsewhere(file: ExchangeFile): Promise<string>;
  /** What the search panel needs for 书架全部. */
  search: ShelfSearch & { openAt(reportId: string, paragraphId: string): void };
  element: ReactNode;
}

type Revision = { prevTitle: string; entries: RevisionEntry[]; counts: EditionCounts | null; orphans: Annotation[]; undo?: EditionMoveUndo };

export function useLibrary(o: LibraryOptions): Library {
  const { host, shelf, repository, current, toast, show, jumpTo, author } = o;
  const [items, setItems] = useState<ShelfItem[]>([]);
  const [dialog, setDialog] = useState(false);
  const [offer, setOffer] = useState<{ report: Report; entry: ShelfEntry } | null>(null);
  const [revision, setRevision] = useState<Revision | null>(null);
  const [compare, setCompare] = useState<{ left: Report; leftTitle: string; right: Report; rightTitle: string } | null>(null);
  const bundledMeta = useRef(new Map<string, ReportMeta>());
  const cache = useRef(new Map<string, Report>());

  useEffect(() => {
    const sub = shelf.observe().subscribe({ next: setItems, error: (e) => console.error('书架读取失败', e) });
    return () => sub.unsubscribe();
  }, [shelf]);

  const load = useCallback(
    async (id: string): Promise<Result<Report>> => {
      const hit = cache.current.get(id);
      if (hit) return { ok: true, value: hit };
      const r = bundledMeta.current.has(id) ? await host.loadReport(id) : await shelf.load(id);
      if (r.ok) cache.current.set(id, r.value);
      return r;
    },
    [host, shelf],
  );

  const openById = useCallback(
    async (id: string, at?: string) => {
      const entry = await shelf.get(id);
      const r = await load(id);
      if (!r.ok) {
        toast(M.openFailed(entry?.title ?? id, r.error));
        return false;
      }
      await shelf.touch(id);
      show(r.value, entry?.title ?? r.value.title, at);
      setDialog(false);
      return true;
    },
    [shelf, load, show, toast],
  );

  const start = useCallback(async (): Promise<Result<void>> => {
    const list = await host.listReports();
    if (!list.ok) return list;
    const meta = list.value[0];
    if (!meta) return { ok: false, error: '没有可用的报告。' };
    for (const m of list.value) bundledMeta.current.set(m.id, m);
    const bundled = await load(meta.id);
    if (!bundled.ok) return bundled;
    await shelf.ensureBundled(bundled.value, meta);
    const last = await shelf.lastOpened();
    if (last && !last.bundled) {
      const r = await load(last.id);
      if (r.ok) {
        show(r.value, last.title);
        return { ok: true, value: undefined };
      }
      toast(M.lastFailed(last.title, r.error));
    }
    const entry = await shelf.get(meta.id);
    show(bundled.value, entry?.title ?? meta.title);
    return { ok: true, value: undefined };
  }, [host, shelf, load, show, toast]);

  const keepAndOpen = useCallback(
    async (report: Report, previousEdition = '') => {
      const added = await shelf.add(report, previousEdition);
      if (!added.ok) {
        // Not kept, but still readable now: the user asked to open it.
        toast(added.error);
        show(report, report.title);
        return null;
      }
      cache.current.set(report.id, report);
      await shelf.touch(report.id);
      show(report, added.value.title);
      setDialog(false);
      return added.value;
    },
    [shelf, show, toast],
  );

  const admitOpened = useCallback(
    async (res: Result<Report | null>) => {
      if (!res.ok) return toast(res.error);
      if (!res.value) return;
      const report = res.value;
      const admission = admit(await shelf.list(), report);
      if (admission.kind === 'edition') return setOffer({ report, entry: admission.entry });
      const entry = await keepAndOpen(report);
      if (entry) toast(admission.kind === 'known' ? `已打开：${entry.title}` : M.addedToShelf(entry.title));
    },
    [shelf, keepAndOpen, toast],
  );

  const showRevision = useCallback(
    async (next: Report, prevId: string, counts: EditionCounts | null, orphans?: Annotation[], undo?: EditionMoveUndo) => {
      const prev = await load(prevId);
      if (!prev.ok) return toast(M.openFailed(prevId, prev.error));
      const prevTitle = (await shelf.get(prevId))?.title ?? prev.value.title;
      const lost = orphans ?? (await repository.listByReport(next.id)).filter((a) => resolveAnchor(next, a.anchor).status === 'orphan');
      setRevision({ prevTitle, entries: compareEditions(prev.value, next), counts, orphans: lost, undo });
    },
    [load, shelf, repository, toast],
  );

  const chooseEdition = useCallback(
    async (choice: EditionChoice) => {
      const pending = offer;
      setOffer(null);
      if (!pending || choice === 'cancel') return;
      if (choice === 'separate') {
        const entry = await keepAndOpen(pending.report);
        if (entry) toast(M.addedToShelf(entry.title));
        return;
      }
      const added = await shelf.add(pending.report, pending.entry.id);
      if (!added.ok) return toast(added.error);
      const { counts, orphans, undo } = await shelf.moveToEdition(pending.entry.id, pending.report);
      cache.current.set(pending.report.id, pending.report);
      await shelf.touch(pending.report.id);
      show(pending.report, added.value.title);
      setDialog(false);
      toast(M.editionDone(counts.exact, counts.approximate, counts.orphaned));
      await showRevision(pending.report, pending.entry.id, counts, orphans, undo);
    },
    [offer, keepAndOpen, shelf, show, toast, showRevision],
  );

  const undoMove = useCallback(
    async (undo: EditionMoveUndo, prevTitle: string) => {
      setRevision(null);
      const { restored, kept } = await shelf.undoMoveToEdition(undo);
      if (await openById(undo.prevId)) toast(M.moveUndone(prevTitle, restored, kept));
    },
    [shelf, openById, toast],
  );

  const titleOf = useCallback((id: string) => items.find((i) => i.id === id)?.title ?? id, [items]);

  const actions: ShelfActions = useMemo(
    () => ({
      open: (id) => void openById(id),
      add: () => void host.openReportFile().then(admitOpened),
      rename: (id, title) => shelf.rename(id, title),
      async exportNotes(item) {
        const ports = {
          host,
          listAll: async (id: string) => [...readStoredRows(await repository.listByReport(id, { includeDeleted: true })).records.values()],
          apply: async () => {},
          confirm: async () => 'cancel' as const,
        };
        try {
          toast(await exportAnnotations(ports, { id: item.id, fingerprint: item.fingerprint } as Report, item.title, author));
        } catch (e) {
          toast(`导出失败：${(e as Error).message}`);
        }
      },
      async remove(item) {
        if (await shelf.remove(item.id)) toast(M.removed(item.title));
        // The report being read leaves the screen with it: back to the bundled one.
        if (current?.id === item.id) {
          const bundled = items.find((i) => i.bundled);
          if (bundled) await openById(bundled.id);
          setDialog(true);
        }
      },
      async restore(item) {
        await shelf.restore(item.id);
        toast(M.restored(item.title));
      },
      async emptyTrash() {
        const r = await shelf.emptyTrash();
        toast(r.ok ? M.emptied(r.value) : r.error);
      },
      compare(id) {
        if (!current) return;
        void load(id).then((r) => {
          if (!r.ok) return toast(M.openFailed(titleOf(id), r.error));
          setDialog(false);
          const other = id === current.id ? items.find((i) => i.id !== id && !i.removedAt) : null;
          if (other) {
            void load(other.id).then((o) => o.ok && setCompare({ left: r.value, leftTitle: titleOf(id), right: o.value, rightTitle: other.title }));
            return;
          }
          setCompare({ left: current, leftTitle: titleOf(current.id), right: r.value, rightTitle: titleOf(id) });
        });
      },
      revision(item) {
        void load(item.id).then((r) => (r.ok ? showRevision(r.value, item.previousEdition, item.editionCounts ?? null) : toast(M.openFailed(item.title, r.error))));
        setDialog(false);
      },
    }),
    [host, shelf, repository, toast, author, openById, admitOpened, current, items, load, titleOf, showRevision],
  );

  const loadAll = useCallback(async () => {
    const out: Report[] = [];
    for (const i of items) {
      if (i.removedAt) continue;
      const r = await load(i.id);
      if (r.ok) out.push(r.value);
    }
    return out;
  }, [items, load]);

  const element = (
    <>
      {dialog && <ShelfDialog items={items} currentId={current?.id ?? null} actions={actions} onClose={() => setDialog(false)} />}
      {offer && <EditionOffer title={offer.entry.title} onChoose={(c) => void chooseEdition(c)} />}
      {revision && (
        <RevisionDialog
          {...revision}
          onUndo={revision.undo && (() => void undoMove(revision.undo!, revision.prevTitle))}
          onJump={(id) => {
            setRevision(null);
            jumpTo(id);
          }}
          onClose={() => setRevision(null)}
        />
      )}
      {compare && <CompareView {...compare} onClose={() => setCompare(null)} />}
    </>
  );

  const fileElsewhere = useCallback(
    async (file: ExchangeFile) => {
      const done = await shelf.fileImport(file);
      if (!done) return M.needsReport(file.report.title);
      return M.filedElsewhere(done.entry.title, file.exportedBy, summaryText(done.summary), done.held);
    },
    [shelf],
  );

  const lastYearOf = useCallback(
    async (report: Report) => {
      const current = items.find((i) => i.id === report.id);
      const entry = current && previousYearEntry(items, current);
      if (!entry) return null;
      const r = await load(entry.id);
      return r.ok ? r.value : null;
    },
    [items, load],
  );

  const liveCount = items.filter((i) => !i.removedAt).length;
  const search = useMemo(
    () => ({ count: liveCount, load: loadAll, titleOf, openAt: (id: string, paragraphId: string) => void openById(id, paragraphId) }),
    [liveCount, loadAll, titleOf, openById],
  );

  return { items, start, openById, admitOpened, showShelf: () => setDialog(true), titleOf, loadAll, lastYearOf, search, fileElsewhere, element };
}
