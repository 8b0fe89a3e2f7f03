/**
 * The 书架: catalogue rows in IndexedDB (`shelf` table), each report's segmented text kept by the
 * host (files under the user-data folder in Electron, a database of its own in a browser). Removing
 * a report only marks it: it and its annotations wait in the 回收站 until emptied.
 */
import { liveQuery, type Observable } from 'dexie';
import type { ReaderHost, Result } from '../../shared/ipc/contract';
import type { Report, ReportMeta } from '../../shared/report/model';
import { cleanTitle, entryFromReport, shelfEntrySchema, shelfOrder, type ShelfEntry } from '../../shared/library/entry';
import { parseStoredReport, storeReport } from '../../shared/library/stored-report';
import type { StoredAnnotation, YanduDB } from '../db/schema';
import { moveToEdition, type EditionCounts } from '../../shared/library/edition';
import type { Annotation } from '../../shared/annotations/model';
import type { ExchangeFile } from '../../shared/exchange/format';
import { changesToOthers, mergeAnnotations, type MergeSummary } from '../../shared/exchange/merge';

export type ShelfFiles = Pick<ReaderHost, 'writeShelfReport' | 'readShelfReport' | 'removeShelfReport'>;

/** What 撤销移动 needs after 作为新版本打开 (kept in memory while the 修订对照 that offers it is open). */
export interface EditionMoveUndo {
  prevId: string;
  nextId: string;
  before: StoredAnnotation[];
  /** Each moved row as the move wrote it (JSON): a row that differs now was changed since. */
  written: Map<string, string>;
}

/** A catalogue row with its live annotation count, as the 书架 lists it. */
export interface ShelfItem extends ShelfEntry {
  annotationCount: number;
}

export class ShelfRepository {
  constructor(
    private readonly db: YanduDB,
    private readonly files: ShelfFiles,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every valid catalogue row (回收站 included), in shelf order; unreadable rows are skipped. */
  async list(): Promise<ShelfEntry[]> {
    const rows = await this.db.shelf.toArray();
    return rows.flatMap((r) => {
      const p = shelfEntrySchema.safeParse(r);
      return p.success ? [p.data] : [];
    }).sort(shelfOrder);
  }

  async get(id: string): Promise<ShelfEntry | null> {
    return (await this.list()).find((e) => e.id === id) ?? null;
  }

  /** The catalogue with annotation counts, re-emitted after every change in any window. */
  observe(): Observable<ShelfItem[]> {
    return liveQuery(async () => {
      const entries = await this.list();
      return Promise.all(
        entries.map(async (e) => ({ ...e, annotationCount: await this.db.annotations.where('[reportId+deleted]').equals([e.id, 0]).count() })),
      );
    });
  }

  /** Puts the bundled report on the shelf (once; a rename is kept). */
  async ensureBundled(report: Report, meta: Pick<ReportMeta, 'year' | 'city'>): Promise<ShelfEntry> {
    return this.db.transaction('rw', this.db.shelf, async () => {
      const known = await this.db.shelf.get(report.id);
      if (known) return known;
      const entry = entryFromReport(report, this.now(), meta);
      await this.db.shelf.put(entry);
      return entry;
    });
  }

  /**
   * Keeps a report read from a file: its text first (so a row never points at nothing), then its
   * row. Already on the shelf: the row is kept (and leaves the 回收站). `previousEdition` names the
   * edition it replaces (作为新版本打开).
   */
  async add(report: Report, previousEdition = ''): Promise<Result<ShelfEntry>> {
    const written = await this.files.writeShelfReport(report.id, storeReport(report));
    if (!written.ok) return written;
    const entry = await this.db.transaction('rw', this.db.shelf, async () => {
      const known = await this.db.shelf.get(report.id);
      const next: ShelfEntry = known
        ? { ...known, removedAt: 0, previousEdition: known.previousEdition || previousEdition }
        : { ...entryFromReport(report, this.now()), previousEdition };
      await this.db.shelf.put(next);
      return next;
    });
    return { ok: true, value: entry };
  }

  /**
   * 作为新版本打开: the old edition's annotations (tombstones too) re-anchored onto `next`, written
   * in one transaction with the counts on the new entry. The old edition stays on the shelf. The
   * returned `undo` is what 撤销移动 needs: each row as it was, and as the move wrote it.
   */
  async moveToEdition(prevId: string, next: Report): Promise<{ counts: EditionCounts; orphans: Annotation[]; undo: EditionMoveUndo }> {
    return this.db.transaction('rw', this.db.annotations, this.db.shelf, async () => {
      const rows = await this.db.annotations.where('reportId').equals(prevId).toArray();
      const { moves, counts } = moveToEdition(rows.map((r) => ({ ...r, deleted: r.deleted === 1 })), next, this.now());
      const written = moves.map((m) => ({ ...m.annotation, deleted: m.annotation.deleted ? 1 : 0 }) as StoredAnnotation);
      await this.db.annotations.bulkPut(written);
      await this.db.shelf.update(next.id, { previousEdition: prevId, editionCounts: counts });
      const undo: EditionMoveUndo = { prevId, nextId: next.id, before: rows, written: new Map(written.map((w) => [w.id, JSON.stringify(w)])) };
      return { counts, orphans: moves.filter((m) => m.outcome === 'orphaned').map((m) => m.annotation), undo };
    });
  }

  /**
   * 撤销移动: puts the moved annotations back on the old edition as they were. One changed on the
   * new edition since the move (a note typed there, a colour, a deletion) stays there, so nothing
   * written after the move is lost; the new edition stays on the shelf, linked to the old one.
   */
  async undoMoveToEdition(undo: EditionMoveUndo): Promise<{ restored: number; kept: number }> {
    return this.db.transaction('rw', this.db.annotations, this.db.shelf, async () => {
      const now = this.now();
      const current = await this.db.annotations.bulkGet(undo.before.map((b) => b.id));
      const back: StoredAnnotation[] = [];
      undo.before.forEach((b, i) => {
        const row = current[i];
        if (row && JSON.stringify(row) === undo.written.get(b.id)) back.push({ ...b, updatedAt: Math.max(now, b.updatedAt) });
      });
      await this.db.annotations.bulkPut(back);
      await this.db.shelf.update(undo.nextId, { editionCounts: undefined });
      return { restored: back.length, kept: undo.before.length - back.length };
    });
  }

  /**
   * A member's exchange file for a report on the shelf that is not open: what the merge rules
   * add or update there; when it would change annotations of others than the sender, only its new
   * annotations (the rest waits until the report is open and the user can review it). Null when
   * the report is not on the shelf.
   */
  async fileImport(file: ExchangeFile): Promise<{ entry: ShelfEntry; summary: MergeSummary; held: number } | null> {
    const entry = await this.get(file.report.id);
    if (!entry) return null;
    return this.db.transaction('rw', this.db.annotations, async () => {
      const local = (await this.db.annotations.where('reportId').equals(entry.id).toArray()).map((r) => ({ ...r, deleted: r.deleted === 1 }));
      const merged = mergeAnnotations(local, file.annotations);
      let { changes, summary } = merged;
      // As 仅新增 would: nobody is there to review changes to others' annotations.
      if (changesToOthers(changes, file.exportedBy).length > 0) {
        changes = changes.filter((c) => c.before === null);
        summary = { ...summary, updated: 0, deleted: 0, restored: 0, tombstonesUpdated: 0, skipped: summary.skipped + (merged.changes.length - changes.length) };
      }
      await this.db.annotations.bulkPut(changes.map((c) => ({ ...c.after, deleted: c.after.deleted ? 1 : 0 }) as StoredAnnotation));
      return { entry, summary, held: merged.changes.length - changes.length };
    });
  }

  /** A stored report, checked (shared/library/stored-report.ts). */
  async load(id: string): Promise<Result<Report>> {
    const text = await this.files.readShelfReport(id);
    return text.ok ? parseStoredReport(text.value, id) : text;
  }

  /** Notes that the report was opened now (the app starts on the last one). */
  async touch(id: string): Promise<void> {
    await this.db.shelf.update(id, { openedAt: this.now() });
  }

  /** The report the app should open at start: the last opened one on the shelf, else the bundled one. */
  async lastOpened(): Promise<ShelfEntry | null> {
    const live = (await this.list()).filter((e) => !e.removedAt);
    return live.reduce<ShelfEntry | null>((a, b) => (!a || b.openedAt > a.openedAt ? b : a), null);
  }

  /** Renames; false when the title is empty or too long. */
  async rename(id: string, title: string): Promise<boolean> {
    const t = cleanTitle(title);
    if (!t) return false;
    return (await this.db.shelf.update(id, { title: t })) === 1;
  }

  /** Moves a report (and with it its annotations) to the 回收站. The bundled report stays. */
  async remove(id: string): Promise<boolean> {
    const e = await this.db.shelf.get(id);
    if (!e || e.bundled) return false;
    await this.db.shelf.update(id, { removedAt: this.now() });
    return true;
  }

  async restore(id: string): Promise<void> {
    await this.db.shelf.update(id, { removedAt: 0 });
  }

  /**
   * Deletes for good every report in the 回收站: its row, its stored text, its annotations, its
   * reading position. Returns how many reports went.
   */
  async emptyTrash(): Promise<Result<number>> {
    const gone = (await this.list()).filter((e) => e.removedAt && !e.bundled);
    for (const e of gone) {
      const removed = await this.files.removeShelfReport(e.id);
      if (!removed.ok) return removed;
      await this.db.transaction('rw', [this.db.shelf, this.db.annotations, this.db.readingPositions], async () => {
        await this.db.annotations.where('reportId').equals(e.id).delete();
        await this.db.readingPositions.delete(e.id);
        await this.db.shelf.delete(e.id);
      });
    }
    return { ok: true, value: gone.length };
  }
}
