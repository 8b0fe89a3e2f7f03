/**
 * Undo/redo of annotation actions, at the data level: every entry holds before/after snapshots
 * of the records it touched. Undo sets the fields that the action changed back to their
 * `before` values, redo to their `after` values (see edits.ts), on the rows as stored now: what
 * another tab or window changed meanwhile in other fields is kept, and a record deleted
 * elsewhere is not brought back by undoing a colour change.
 */
import { editFor, type AnnotationEdit } from './edits';
import type { Annotation } from './model';

/** One record's change: `before` null = it was created; `after` null = it was removed outright. */
export interface AnnotationChange {
  before: Annotation | null;
  after: Annotation | null;
}

export interface UndoEntry {
  /** Chinese label of the action for menus/tooltips, e.g. `删除批注`. */
  label: string;
  changes: AnnotationChange[];
  /** Consecutive entries with the same key merge (e.g. `note:<id>` while typing a note). */
  coalesceKey?: string;
  /**
   * `fields` (default): undo/redo set the changed fields on the current rows. `replace`: whole
   * versions are put back, only where the row is still as the action left it (imports).
   */
  mode?: 'fields' | 'replace';
}

export interface UndoStackOptions {
  /** Applies field edits to the store (AnnotationRepository.apply); called once per undo/redo. */
  apply(edits: AnnotationEdit[]): Promise<void>;
  /** Entries kept; the oldest are dropped beyond it. Default 200. */
  limit?: number;
}

export interface UndoStack {
  /**
   * Records an action that has already been written to the store. Clears the redo history.
   * With `coalesceKey` equal to the top entry's (and no undo/redo/seal since), the change is
   * merged into that entry: its `before` stays, its `after` is replaced.
   */
  record(label: string, changes: AnnotationChange[], options?: { coalesceKey?: string; mode?: 'fields' | 'replace' }): void;
  /** Undoes the newest entry; resolves to it, or null when there is nothing to undo. */
  undo(): Promise<UndoEntry | null>;
  redo(): Promise<UndoEntry | null>;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Label of what undo / redo would do next, or null. */
  undoLabel(): string | null;
  redoLabel(): string | null;
  /** Ends coalescing into the top entry (call when a note editor loses focus). */
  seal(): void;
  clear(): void;
  /** Called after every change of the stacks; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** An undo stack writing through `options.write`. */
export function createUndoStack(options: UndoStackOptions): UndoStack {
  const limit = options.limit ?? 200;
  const undoStack: UndoEntry[] = [];
  const redoStack: UndoEntry[] = [];
  const listeners = new Set<() => void>();
  let sealed = true;
  // Writes run one after another so rapid Ctrl+Z presses land in order.
  let chain: Promise<unknown> = Promise.resolve();

  const notify = () => listeners.forEach((l) => l());

  const move = (from: UndoEntry[], to: UndoEntry[], direction: 'undo' | 'redo'): Promise<UndoEntry | null> => {
    const entry = from.pop();
    if (!entry) return Promise.resolve(null);
    to.push(entry);
    sealed = true;
    notify();
    const run = chain.then(async () => {
      try {
        await options.apply(entry.changes.map((c) => editFor(c, direction, entry.mode)));
        return entry;
      } catch (e) {
        // Not applied: put the entry back where it was so the user can try again.
        const at = to.lastIndexOf(entry);
        if (at !== -1) to.splice(at, 1);
        from.push(entry);
        notify();
        throw e;
      }
    });
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    record(label, changes, opts) {
      if (changes.length === 0) throw new Error('UndoStack.record: an entry needs at least one change');
      for (const c of changes) {
        if (!c.before && !c.after) throw new Error('UndoStack.record: a change needs a before or an after snapshot');
        if (c.before && c.after && c.before.id !== c.after.id) throw new Error('UndoStack.record: before/after of one change must be the same record');
      }
      const key = opts?.coalesceKey;
      const top = undoStack[undoStack.length - 1];
      redoStack.length = 0;
      if (key !== undefined && !sealed && top && top.coalesceKey === key) {
        for (const c of changes) {
          const id = (c.after ?? c.before)!.id;
          const existing = top.changes.find((x) => (x.after ?? x.before)!.id === id);
          if (existing) existing.after = c.after;
          else top.changes.push({ ...c });
        }
        top.label = label;
      } else {
        undoStack.push({ label, changes: changes.map((c) => ({ ...c })), coalesceKey: key, mode: opts?.mode });
        if (undoStack.length > limit) undoStack.splice(0, undoStack.length - limit);
      }
      sealed = key === undefined;
      notify();
    },
    undo: () => move(undoStack, redoStack, 'undo'),
    redo: () => move(redoStack, undoStack, 'redo'),
    canUndo: () => undoStack.length > 0,
    canRedo: () => redoStack.length > 0,
    undoLabel: () => undoStack[undoStack.length - 1]?.label ?? null,
    redoLabel: () => redoStack[redoStack.length - 1]?.label ?? null,
    seal() {
      sealed = true;
    },
    clear() {
      undoStack.length = 0;
      redoStack.length = 0;
      sealed = true;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
