/**
 * Edits to stored annotations, field by field. Every change to the store — a user action, an
 * undo/redo, an import — is expressed as an `AnnotationEdit` and applied to the row as it is
 * stored *now* (read-modify-write), so a stale copy held by one tab or window never overwrites
 * what another wrote meanwhile: a colour change never rewrites the note, a note edit never
 * brings back a deleted annotation.
 */
import type { Annotation } from './model';
import { nextUpdatedAt } from './schema';
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
  /**
   * Replaces the row wholesale (an import, or undo/redo of one) — but only if the row is still
   * the version the change was computed against (`expected`: its updatedAt, null = no row), so
   * an edit made meanwhile in another window is never overwritten. `record` null removes the
   * row outright: undoing an import leaves no tombstone behind that would travel to others.
   */
  | { kind: 'replace'; id: string; expected: number | null; record: Annotation | null };

/** What applyEdit asks for: a row to write, nothing, or the row's removal. */
export type EditResult = Annotation | null | 'remove';

/** The id an edit touches. */
export const editId = (e: AnnotationEdit): string => (e.kind === 'create' ? e.record.id : e.id);

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ between `from` and `to`, with the values of `to`. */
export function changedFields(from: Annotation, to: Annotation): AnnotationPatch {
  const out: Record<string, unknown> = {};
  for (const f of EDITABLE_FIELDS) if (!same(from[f], to[f])) out[f] = to[f];
  return out as AnnotationPatch;
}


/**
 * The row after applying `edit` to `current` (the stored row, or null when there is none),
 * null when the edit changes nothing, or `remove` when the row is to be removed. Throws when a `create` meets an existing id: that is a
 * bug in the caller, never a user situation (ids are random UUIDs).
 */
export function applyEdit(current: Annotation | null, edit: AnnotationEdit, now: number): EditResult {
  switch (edit.kind) {
    case 'create':
      if (current) throw new Error(`applyEdit: annotation ${edit.record.id} already exists`);
      return { ...edit.record, tags: normaliseTags(edit.record.tags) };
    case 'replace':
      if ((current?.updatedAt ?? null) !== edit.expected) return null;
      if (edit.record === null) return current ? 'remove' : null;
      return edit.record;
    case 'patch': {
      const set = edit.set.tags ? { ...edit.set, tags: normaliseTags(edit.set.tags) } : edit.set;
      if (!current) {
        if (!edit.fallback) return null;
        return { ...edit.fallback, ...set, updatedAt: nextUpdatedAt(edit.fallback.updatedAt, now) };
      }
      if (current.deleted && set.deleted !== false) return null;
      const changes = changedFields(current, { ...current, ...set });
      if (Object.keys(changes).length === 0) return null;
      return { ...current, ...changes, updatedAt: nextUpdatedAt(current.updatedAt, now) };
    }
  }
}

/**
 * The edit that takes the store from one side of `change` to the other: the fields that differ
 * between before and after, set to the values of the target side (mode `replace`: the whole
 * target version, if the row is still the other side's). A record created by the
 * change is deleted on undo (a tombstone, so the removal travels to other members like any
 * delete) and undeleted on redo.
 */
export function editFor(change: AnnotationChange, direction: 'undo' | 'redo', mode: 'fields' | 'replace' = 'fields'): AnnotationEdit {
  const target = direction === 'undo' ? change.before : change.after;
  const other = direction === 'undo' ? change.after : change.before;
  if (!target && !other) throw new Error('editFor: a change needs a before or an after snapshot');
  // An import is taken back exactly (old versions, old stamps), as if it had never happened.
  if (mode === 'replace') return { kind: 'replace', id: (target ?? other)!.id, expected: other?.updatedAt ?? null, record: target };
  if (!target) return { kind: 'patch', id: other!.id, set: { deleted: true } };
  if (!other) return { kind: 'patch', id: target.id, set: { deleted: target.deleted }, fallback: target };
  return { kind: 'patch', id: target.id, set: changedFields(other, target), fallback: target };
}
