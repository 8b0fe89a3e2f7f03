/**
 * Annotation records in Dexie. One write path: `apply` reads the rows it edits and writes the
 * result inside one transaction, so every change lands on the row as stored now, whichever tab
 * or window wrote it last (see shared/annotations/edits.ts).
 */
import Dexie, { liveQuery, type IntervalTree, type Observable, type ObservabilitySet } from 'dexie';
import { applyEdit, editId, type AnnotationEdit } from '../../shared/annotations/edits';
import { assertAnnotation } from '../../shared/annotations/schema';
import type { Annotation } from '../../shared/annotations/model';
import type { AnnotationChange } from '../../shared/annotations/undo-stack';
import type { StoredAnnotation, YanduDB } from './schema';

/**
 * What changed in a report's annotations: every row (the first read, or after a change that
 * names no rows, such as a bulk write or a cleared table), or only the rows of the ids written
 * (`rows`: as stored now; `gone`: ids no longer in this report).
 */
export type AnnotationFeed = { kind: 'all'; rows: Annotation[] } | { kind: 'some'; rows: Annotation[]; gone: string[] };

/** The ids of a Dexie range set when it names single keys only (null: a range, re-read all). */
export function keysOfRangeSet(tree: IntervalTree | undefined): string[] | null {
  const out: string[] = [];
  const walk = (n: IntervalTree | null | undefined): boolean => {
    if (!n || n.d === 0) return true;
    const node = n as { from: unknown; to: unknown; l?: IntervalTree | null; r?: IntervalTree | null };
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    out.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? out : null;
}

/** Rows the change feed reads back per step. */
const FEED_CHUNK = 2000;

/** Ids read, checked and written per step of a large `apply`. */
export const APPLY_CHUNK = 1000;

export interface ApplyOptions {
  /** Ids done so far of all (after each chunk). */
  onProgress?(done: number, total: number): void;
  /** Aborting cancels the whole write: nothing of it is kept. */
  signal?: AbortSignal;
}

/** A write cancelled by the user (the transaction was aborted: nothing was written). */
export class ImportCancelled extends Error {
  constructor() {
    super('已取消导入，没有任何改动。');
    this.name = 'ImportCancelled';
  }
}

export interface ListOptions {
  /** Default false: tombstones are left out. */
  includeDeleted?: boolean;
}

const toStored = (a: Annotation): StoredAnnotation => ({ ...a, deleted: a.deleted ? 1 : 0 });
/** Rows are returned as stored, not validated: readers validate (see annotation-rows.ts). */
const fromStored = (s: StoredAnnotation): Annotation => ({ ...s, deleted: s.deleted === 1 });

export class AnnotationRepository {
  private readonly now: () => number;

  constructor(
    private readonly db: YanduDB,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Applies `edits` in one read-write transaction: each is applied to the row as stored at that
   * moment, validated, and written. Returns the changes actually made (edits that change
   * nothing are left out). One invalid result aborts the whole transaction: nothing is written.
   *
   * Large lists (an import of 100,000) are read, checked and written APPLY_CHUNK ids at a time
   * inside that one transaction: each chunk runs in its own task (the next starts when the
   * previous chunk's write returns), so the page keeps painting, and `signal` can still cancel
   * the whole write (the transaction is aborted: nothing of it is kept).
   */
  async apply(edits: readonly AnnotationEdit[], opts: ApplyOptions = {}): Promise<AnnotationChange[]> {
    if (edits.length === 0) return [];
    const byId = new Map<string, AnnotationEdit[]>();
    for (const e of edits) {
      const id = editId(e);
      const list = byId.get(id);
      if (list) list.push(e);
      else byId.set(id, [e]);
    }
    const ids = [...byId.keys()];
    return this.db.transaction('rw', this.db.annotations, async () => {
      const changes: AnnotationChange[] = [];
      const now = this.now();
      for (let at = 0; at < ids.length; at += APPLY_CHUNK) {
        if (opts.signal?.aborted) throw new ImportCancelled();
        const chunk = ids.slice(at, at + APPLY_CHUNK);
        const rows = await this.db.annotations.bulkGet(chunk);
        const puts: StoredAnnotation[] = [];
        const removals: string[] = [];
        chunk.forEach((id, i) => {
          const before = rows[i] ? fromStored(rows[i]!) : null;
          let after = before;
          for (const edit of byId.get(id)!) {
            const next = applyEdit(after, edit, now);
            if (next === 'remove') after = null;
            else if (next) after = assertAnnotation(next);
          }
          if (after === before) return;
          changes.push({ before, after });
          if (after) puts.push(toStored(after));
          else removals.push(before!.id);
        });
        if (puts.length > 0) await this.db.annotations.bulkPut(puts);
        if (removals.length > 0) await this.db.annotations.bulkDelete(removals);
        opts.onProgress?.(Math.min(ids.length, at + APPLY_CHUNK), ids.length);
      }
      if (opts.signal?.aborted) throw new ImportCancelled();
      return changes;
    });
  }

  /** The stored record (tombstones included), or null. Not validated. */
  async get(id: string): Promise<Annotation | null> {
    const s = await this.db.annotations.get(id);
    return s ? fromStored(s) : null;
  }

  /** Annotations of a report as stored, in no particular order. Not validated. */
  async listByReport(reportId: string, options: ListOptions = {}): Promise<Annotation[]> {
    const rows = options.includeDeleted
      ? await this.db.annotations.where('reportId').equals(reportId).toArray()
      : await this.db.annotations.where('[reportId+deleted]').equals([reportId, 0]).toArray();
    return rows.map(fromStored);
  }

  /**
   * Moves the annotations made on the same text under another report id (a report opened from a
   * file used to be named after the file; now its id comes from its content) to `reportId`.
   * Anchors carry the report's fingerprint, so only annotations made on this exact text move. A
   * local re-keying, not an edit: updatedAt is kept. Returns how many moved.
   */
  async adoptByFingerprint(reportId: string, fingerprint: string): Promise<number> {
    if (!fingerprint) return 0;
    return this.db.transaction('rw', this.db.annotations, async () => {
      const rows = await this.db.annotations.filter((r) => r.reportId !== reportId && r.anchor?.fingerprint === fingerprint).toArray();
      if (rows.length > 0) await this.db.annotations.bulkPut(rows.map((r) => ({ ...r, reportId })));
      return rows.length;
    });
  }

  /** Every row of every report, as stored (backups, restore). Not validated. */
  async listAllRows(): Promise<unknown[]> {
    return (await this.db.annotations.toArray()).map(fromStored);
  }

  /**
   * Every row of a report, tombstones included, re-emitted after each change made by this or
   * any other tab or window of the same profile (Dexie propagates changes between them).
   */
  observeByReport(reportId: string): Observable<Annotation[]> {
    return liveQuery(() => this.listByReport(reportId, { includeDeleted: true }));
  }

  /**
   * Like observeByReport, but after the first read only the rows written since are read again.
   * With 50,000 annotations re-reading all of them after each note save took longer than the
   * save; Dexie names the written keys in its `storagemutated` event, which it also relays from
   * every other tab and window of the profile (the event liveQuery itself listens to).
   */
  observeChangesByReport(reportId: string): { subscribe(observer: { next(feed: AnnotationFeed): void; error(e: unknown): void }): { unsubscribe(): void } } {
    const part = `idb://${this.db.name}/annotations/`;
    return {
      subscribe: (observer) => {
        let closed = false;
        let started = false;
        let full = true;
        let pending = new Set<string>();
        let running = false;
        const run = async () => {
          if (running || closed) return;
          running = true;
          try {
            while (!closed && (full || pending.size > 0)) {
              if (full) {
                full = false;
                pending = new Set();
                const rows = await this.listByReport(reportId, { includeDeleted: true });
                if (!closed) observer.next({ kind: 'all', rows });
                continue;
              }
              // At most FEED_CHUNK rows per read: a bulk write of 100,000 keys read back in one
              // go held the page for the deserialisation of all of them.
              const ids: string[] = [];
              for (const id of pending) {
                ids.push(id);
                if (ids.length === FEED_CHUNK) break;
              }
              for (const id of ids) pending.delete(id);
              const stored = await this.db.annotations.bulkGet(ids);
              const rows: Annotation[] = [];
              const gone: string[] = [];
              stored.forEach((s, i) => {
                if (s && s.reportId === reportId) rows.push(fromStored(s));
                else gone.push(ids[i]);
              });
              if (!closed) observer.next({ kind: 'some', rows, gone });
            }
          } catch (e) {
            if (!closed) observer.error(e);
          } finally {
            running = false;
          }
        };
        const onMutated = (parts: ObservabilitySet) => {
          if (!(part in parts)) return;
          const keys = keysOfRangeSet(parts[part]);
          if (keys === null) full = true;
          else for (const k of keys) pending.add(k);
          if (started) void run();
        };
        // Listening before the first read: a write landing during it is read again after it.
        Dexie.on('storagemutated', onMutated);
        started = true;
        void run();
        return {
          unsubscribe() {
            closed = true;
            Dexie.on.storagemutated.unsubscribe(onMutated);
          },
        };
      },
    };
  }
}
