/**
 * Undo/redo of annotation actions, at the data level: every entry holds before/after snapshots
 * of the records it touched. Undo writes the `before` snapshots back, redo the `after` ones, so
 * undo works the same for create, colour/note/tag edits and deletes, survives re-rendering of
 * the reading view, and needs no knowledge of how an action was performed.
 */
import type { Annotation } from './model';
import { nextUpdatedAt } from './schema';

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
}

export interface UndoStackOptions {
  /** Persists records (AnnotationRepository.bulkPut); called once per undo/redo. */
  write(records: Annotation[]): Promise<void>;
  /** ms since epoch, for the updatedAt of restored records; default Date.now. */
  now?: () => number;
  /** Entries kept; the oldest are dropped beyond it. Default 200. */
  limit?: number;
}

export interface UndoStack {
  /**
   * Records an action that has already been written to the store. Clears the redo history.
   * With `coalesceKey` equal to the top entry's (and no undo/redo/seal since), the change is
   * merged into that entry: its `before` stays, its `after` is replaced.
   */
  record(label: string, changes: AnnotationChange[], options?: { coalesceKey?: string }): void;
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
  const now = options.now ?? Date.now;
  const limit = options.limit ?? 200;
  const undoStack: UndoEntry[] = [];
  const redoStack: UndoEntry[] = [];
  const listeners = new Set<() => void>();
  let sealed = true;
  // updatedAt last written per record: undo/redo writes must keep moving it forward even
  // within one millisecond, so "newest wins" merges never prefer a stale copy.
  const lastStamp = new Map<string, number>();
  // Writes run one after another so rapid Ctrl+Z presses land in order.
  let chain: Promise<unknown> = Promise.resolve();

  const notify = () => listeners.forEach((l) => l());

  /** Records that make the store hold `target` snapshots, with updatedAt moving forward. */
  const snapshotsFor = (entry: UndoEntry, direction: 'undo' | 'redo'): Annotation[] => {
    const t = now();
    return entry.changes.map((c) => {
      const target = direction === 'undo' ? c.before : c.after;
      const other = direction === 'undo' ? c.after : c.before;
      // A record that did not exist on this side is kept as a tombstone, so the removal can
      // still travel to other members like any delete.
      const base = target ?? { ...(other as Annotation), deleted: true };
      const updatedAt = nextUpdatedAt(Math.max(other?.updatedAt ?? 0, base.updatedAt, lastStamp.get(base.id) ?? 0), t);
      lastStamp.set(base.id, updatedAt);
      return { ...base, updatedAt };
    });
  };

  const move = (from: UndoEntry[], to: UndoEntry[], direction: 'undo' | 'redo'): Promise<UndoEntry | null> => {
    const entry = from.pop();
    if (!entry) return Promise.resolve(null);
    to.push(entry);
    sealed = true;
    notify();
    const run = chain.then(async () => {
      try {
        await options.write(snapshotsFor(entry, direction));
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
        undoStack.push({ label, changes: changes.map((c) => ({ ...c })), coalesceKey: key });
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
      lastStamp.clear();
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
