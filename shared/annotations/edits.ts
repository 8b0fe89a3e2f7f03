/**
 * Edits to stored annotations, field by field. Every change to the store — a user action, an
 * undo/redo, an import — is expressed as an `AnnotationEdit` and applied to the row as it is
 * stored *now* (read-modify-write), so a stale copy held by one tab or window never overwrites
 * what another wrote meanwhile: a colour change never rewrites the note, a note edit never
 * brings back a deleted annotation.
 */
import type { Annotation } from './model';
import { normaliseTags } from './tags';
import type { AnnotationChange } from './undo-stack';

/** Fields an edit may set; id, reportId and createdAt are fixed at creation, updatedAt is managed. */
export const EDITABLE_FIELDS = ['color', 'tags', 'note', 'deleted', 'anchor', 'target', 'author'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A partial set of editable fields (the one patch type of the app). */
export type AnnotationPatch = Partial<Pick<Annotation, EditableField>>;

export type AnnotationEdit =
  /** A new record; its id must not exist yet. */
  | { kind: 'create'; record: Annotation }
  /**
   * Sets the given fields on the stored row. Refused (no change) on a tombstone unless it sets
   * `deleted: false`. When the row is missing and `fallback` is given, the fallback with the
   * fields applied is stored (redo of a creation whose row was removed outright).
   */
  | { kind: 'patch'; id: string; set: AnnotationPatch; fallback?: Annotation }
  /** Stores `record` only when the stored row is missing or older (newest wins, as in merges). */
  | { kind: 'put-if-newer'; record: Annotation };

/** The id an edit touches. */
export const editId = (e: AnnotationEdit): string => (e.kind === 'patch' ? e.id : e.record.id);

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ between `from` and `to`, with the values of `to`. */
export function changedFields(from: Annotation, to: Annotation): AnnotationPatch {
  const out: Record<string, unknown> = {};
  for (const f of EDITABLE_FIELDS) if (!same(from[f], to[f])) out[f] = to[f];
  return out as AnnotationPatch;
}

/**
 * The next `updatedAt` after `previous`: the clock, but always strictly later than before so
 * newest-wins merges never prefer a stale copy. Stays a safe integer whatever was stored.
 */
export function nextStamp(previous: number, now: number): number {
  const next = Math.max(now, previous + 1);
  return Number.isSafeInteger(next) ? next : Number.MAX_SAFE_INTEGER;
}

/**
 * The row after applying `edit` to `current` (the stored row, or null when there is none), or
 * null when the edit changes nothing. Throws when a `create` meets an existing id: that is a
 * bug in the caller, never a user situation (ids are random UUIDs).
 */
export function applyEdit(current: Annotation | null, edit: AnnotationEdit, now: number): Annotation | null {
  switch (edit.kind) {
    case 'create':
      if (current) throw new Error(`applyEdit: annotation ${edit.record.id} already exists`);
      return { ...edit.record, tags: normaliseTags(edit.record.tags) };
    case 'put-if-newer':
      if (current && current.updatedAt >= edit.record.updatedAt) return null;
      return edit.record;
    case 'patch': {
      const set = edit.set.tags ? { ...edit.set, tags: normaliseTags(edit.set.tags) } : edit.set;
      if (!current) {
        if (!edit.fallback) return null;
        return { ...edit.fallback, ...set, updatedAt: nextStamp(edit.fallback.updatedAt, now) };
      }
      if (current.deleted && set.deleted !== false) return null;
      const changes = changedFields(current, { ...current, ...set });
      if (Object.keys(changes).length === 0) return null;
      return { ...current, ...changes, updatedAt: nextStamp(current.updatedAt, now) };
    }
  }
}

/**
 * The edit that takes the store from one side of `change` to the other: the fields that differ
 * between before and after, set to the values of the target side. A record created by the
 * change is deleted on undo (a tombstone, so the removal travels to other members like any
 * delete) and undeleted on redo.
 */
export function editFor(change: AnnotationChange, direction: 'undo' | 'redo'): AnnotationEdit {
  const target = direction === 'undo' ? change.before : change.after;
  const other = direction === 'undo' ? change.after : change.before;
  if (!target && !other) throw new Error('editFor: a change needs a before or an after snapshot');
  if (!target) return { kind: 'patch', id: other!.id, set: { deleted: true } };
  if (!other) return { kind: 'patch', id: target.id, set: { deleted: target.deleted }, fallback: target };
  return { kind: 'patch', id: target.id, set: changedFields(other, target), fallback: target };
}
