/**
 * Annotation records in Dexie: validated writes, tombstone deletes, before/after changes for the
 * undo stack.
 */
import { liveQuery, type Observable } from 'dexie';
import { assertAnnotation } from '../../shared/annotations/schema';
import { normaliseTags } from '../../shared/annotations/tags';
import type { Annotation } from '../../shared/annotations/model';
import type { AnnotationChange } from '../../shared/annotations/undo-stack';
import type { StoredAnnotation, YanduDB } from './schema';

/** Fields a user action may change; everything else is fixed at creation or managed here. */
export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'tags' | 'note' | 'anchor' | 'target' | 'author'>>;

export interface ListOptions {
  /** Default false: tombstones are left out. */
  includeDeleted?: boolean;
}

const toStored = (a: Annotation): StoredAnnotation => ({ ...a, deleted: a.deleted ? 1 : 0 });
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
   * Stores a new annotation (validated; tags normalised). Throws if the id already exists or
   * the record is invalid — both are bugs in the caller.
   */
  async create(annotation: Annotation): Promise<AnnotationChange> {
    const after = assertAnnotation({ ...annotation, tags: normaliseTags(annotation.tags) });
    await this.db.annotations.add(toStored(after));
    return { before: null, after };
  }

  /**
   * Applies a partial patch to a live annotation and bumps updatedAt (strictly increasing).
   * Returns null when the id is unknown or the annotation is deleted.
   */
  update(id: string, patch: AnnotationPatch): Promise<AnnotationChange | null> {
    return this.mutate(id, (before) => {
      if (before.deleted) return null;
      const next = { ...before, ...stripUndefined(patch) };
      if (patch.tags) next.tags = normaliseTags(patch.tags);
      return next;
    });
  }

  /** Marks an annotation deleted (tombstone, content kept). Null if unknown or already deleted. */
  delete(id: string): Promise<AnnotationChange | null> {
    return this.mutate(id, (before) => (before.deleted ? null : { ...before, deleted: true }));
  }

  /** Brings a tombstoned annotation back. Null if unknown or not deleted. */
  restore(id: string): Promise<AnnotationChange | null> {
    return this.mutate(id, (before) => (before.deleted ? { ...before, deleted: false } : null));
  }

  /** The stored record (tombstones included), or null. */
  async get(id: string): Promise<Annotation | null> {
    const s = await this.db.annotations.get(id);
    return s ? fromStored(s) : null;
  }

  /** Annotations of a report, in no particular order (sort with sortByReadingOrder). */
  async listByReport(reportId: string, options: ListOptions = {}): Promise<Annotation[]> {
    const rows = options.includeDeleted
      ? await this.db.annotations.where('reportId').equals(reportId).toArray()
      : await this.db.annotations.where('[reportId+deleted]').equals([reportId, 0]).toArray();
    return rows.map(fromStored);
  }

  /**
   * Writes whole records as given (undo/redo, imports after merge). All are validated first;
   * one invalid record aborts the whole write.
   */
  async bulkPut(records: readonly Annotation[]): Promise<void> {
    const rows = records.map((r) => toStored(assertAnnotation(r)));
    await this.db.annotations.bulkPut(rows);
  }

  /** Live list of a report's annotations (re-emits after every change); for React via useObservable. */
  observeByReport(reportId: string, options: ListOptions = {}): Observable<Annotation[]> {
    return liveQuery(() => this.listByReport(reportId, options));
  }

  private async mutate(id: string, change: (before: Annotation) => Annotation | null): Promise<AnnotationChange | null> {
    return this.db.transaction('rw', this.db.annotations, async () => {
      const stored = await this.db.annotations.get(id);
      if (!stored) return null;
      const before = fromStored(stored);
      const next = change(before);
      if (!next) return null;
      const after = assertAnnotation({ ...next, id: before.id, createdAt: before.createdAt, updatedAt: Math.max(this.now(), before.updatedAt + 1) });
      await this.db.annotations.put(toStored(after));
      return { before, after };
    });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
