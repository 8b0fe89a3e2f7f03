/**
 * Annotation records in Dexie. One write path: `apply` reads the rows it edits and writes the
 * result inside one transaction, so every change lands on the row as stored now, whichever tab
 * or window wrote it last (see shared/annotations/edits.ts).
 */
import { liveQuery, type Observable } from 'dexie';
import { applyEdit, editId, type AnnotationEdit } from '../../shared/annotations/edits';
import { assertAnnotation } from '../../shared/annotations/schema';
import type { Annotation } from '../../shared/annotations/model';
import type { AnnotationChange } from '../../shared/annotations/undo-stack';
import type { StoredAnnotation, YanduDB } from './schema';

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
   */
  async apply(edits: readonly AnnotationEdit[]): Promise<AnnotationChange[]> {
    if (edits.length === 0) return [];
    return this.db.transaction('rw', this.db.annotations, async () => {
      const ids = [...new Set(edits.map(editId))];
      const rows = await this.db.annotations.bulkGet(ids);
      const current = new Map<string, Annotation | null>(ids.map((id, i) => [id, rows[i] ? fromStored(rows[i]!) : null]));
      const original = new Map(current);
      const now = this.now();
      for (const edit of edits) {
        const id = editId(edit);
        const next = applyEdit(current.get(id) ?? null, edit, now);
        if (next === 'remove') current.set(id, null);
        else if (next) current.set(id, assertAnnotation(next));
      }
      const changes: AnnotationChange[] = [];
      for (const [id, after] of current) {
        const before = original.get(id) ?? null;
        if (after !== before) changes.push({ before, after });
      }
      const puts = changes.flatMap((c) => (c.after ? [toStored(c.after)] : []));
      const removals = changes.flatMap((c) => (c.after ? [] : [c.before!.id]));
      if (puts.length > 0) await this.db.annotations.bulkPut(puts);
      if (removals.length > 0) await this.db.annotations.bulkDelete(removals);
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
}
