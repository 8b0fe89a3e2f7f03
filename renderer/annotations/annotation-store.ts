/**
 * The annotations of the open report, outside React (as Lexical's playground keeps its
 * CommentStore): one snapshot that panels read through selectors, fed by a Dexie liveQuery so
 * every tab and window of the profile sees every change, and one write path (the repository's
 * read-modify-write `apply`) through the undo stack.
 *
 * It also holds the little UI state that several panels share: which annotation's 批注 dialog
 * is open, and the list filter (打印摘录 当前筛选 prints exactly what the list shows).
 */
import type { ResolvedAnchor } from '../../shared/anchoring';
import {
  createUndoStack,
  newAnnotation,
  parseAnnotation,
  readStoredRows,
  type Anchor,
  type Annotation,
  type AnnotationChange,
  type AnnotationEdit,
  type AnnotationPatch,
  type BrokenRow,
  type ColorKey,
  type UndoStack,
} from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import type { AnnotationFeed } from '../db/annotation-repository';
import type { MarkRange } from '../reader/paragraph-runs';
import { createDebouncedSaver, type DebouncedSaver } from '../db/debounced-saver';
import type { NoteValue } from '../notes/NoteEditor';
import { AnnotationIndex } from './annotation-index';
import { LayeredMap } from './layered-map';
import type { ListFilter } from './list-filter';
import { describeStorageError } from '../../shared/storage/storage-errors';

/** What the store needs from persistence (AnnotationRepository satisfies it). */
export interface AnnotationPersistence {
  apply(edits: readonly AnnotationEdit[], opts?: { onProgress?(done: number, total: number): void; signal?: AbortSignal }): Promise<AnnotationChange[]>;
  /** Moves annotations made on the same text under an older report id to this one (optional). */
  adoptByFingerprint?(reportId: string, fingerprint: string): Promise<number>;
  observeByReport(reportId: string): { subscribe(observer: { next(rows: Annotation[]): void; error(e: unknown): void }): { unsubscribe(): void } };
  /**
   * Like observeByReport, but after the first read only the rows written since (optional; with
   * thousands of annotations, re-reading every row after each save is what makes typing slow).
   */
  observeChangesByReport?(reportId: string): { subscribe(observer: { next(feed: AnnotationFeed): void; error(e: unknown): void }): { unsubscribe(): void } };
}

/** Progress and cancellation of a large write (an import, its undo). */
export interface BulkOptions {
  /** 'write': records written of all; 'show': records shown of all (the write is committed). */
  onProgress?(phase: 'write' | 'show', done: number, total: number): void;
  signal?: AbortSignal;
}

export interface OpenAnnotation {
  id: string;
  /** Put the caret in the note editor (new 批注). */
  focusNote: boolean;
}

export interface AnnotationState {
  report: Report | null;
  /** False until the first read of the report's annotations arrived. */
  loaded: boolean;
  /** Live (not deleted) annotations, in no particular order. */
  list: readonly Annotation[];
  /** Live annotations by id. */
  byId: ReadonlyMap<string, Annotation>;
  resolutions: ReadonlyMap<string, ResolvedAnchor>;
  /** Mark ranges per paragraph id (highlights only). */
  marks: ReadonlyMap<string, MarkRange[]>;
  /** Colour key per live annotation id. */
  colors: ReadonlyMap<string, string>;
  /** Paragraph ids that carry a paragraph note (no mark: shown as ✎ in the margin). */
  paragraphNotes: ReadonlySet<string>;
  /**
   * Live annotations placed in the report by the paragraph they start in, each in reading order;
   * a change replaces only the arrays of the paragraphs it touches (the list regroups only those).
   */
  byParagraph: ReadonlyMap<string, readonly Annotation[]>;
  /** Live annotations whose text cannot be found (孤立批注), oldest first. */
  orphans: readonly Annotation[];
  /** Stored rows that failed validation: set aside, never shown as annotations. */
  broken: readonly BrokenRow[];
  /** Last failure to read or save, in Chinese; null when all is well. */
  error: string | null;
  open: OpenAnnotation | null;
  /** Bumped when undo/redo changed records: the open note editor re-reads its note. */
  noteEpoch: number;
  filter: ListFilter;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * A note typed here whose annotation was deleted meanwhile (in another window): the edit
   * cannot land on the tombstone, so the text is kept here until the user restores or drops it.
   */
  lostNote: LostNote | null;
  /**
   * An action that could not be saved (disk full, storage refused): its label, e.g. 更改颜色.
   * The store keeps its edits so 重试 can write them once there is room; null when none.
   */
  unsaved: string | null;
}

export interface LostNote {
  /** The deleted annotation as last seen (its quote, colour, tags), or null if never seen. */
  source: Annotation | null;
  note: NoteValue;
}

export interface AnnotationStore {
  getState(): AnnotationState;
  subscribe(listener: () => void): () => void;
  /** Shows `report`'s annotations (null: none); follows every later change to them. */
  setReport(report: Report | null): void;
  /** A new highlight or paragraph note; null when it could not be saved (state.error says why). */
  create(anchor: Anchor, color: ColorKey, opts: { author: string; target?: Annotation['target'] }): Promise<Annotation | null>;
  /** Sets fields of a live annotation (never of a deleted one), as one undoable step. */
  update(id: string, patch: AnnotationPatch, opts?: { label?: string; coalesceKey?: string }): Promise<void>;
  remove(id: string): Promise<void>;
  /** Signs the live annotations that have no author with `author`, as one undoable step; how many. */
  signUnsigned(author: string): Promise<number>;
  /** Deletes a damaged stored row outright (待修复 → 删除); not undoable (it cannot be shown). */
  removeBroken(row: BrokenRow): Promise<void>;
  /**
   * Writes the changes of a merge (an import) as one undoable step. A record changed since the
   * merge was computed (by another window) is left alone. Undo takes the import back exactly:
   * added records are removed outright, replaced ones get their old version back, so nothing
   * of the undo travels to other members.
   */
  /**
   * Writes merged records as one undoable step. Large ones (an import of 100,000) are written in
   * chunks of one transaction and then shown a few paragraphs at a time, each in its own task;
   * `signal` cancels the write (nothing is kept) until it is committed.
   */
  importChanges(changes: readonly AnnotationChange[], label: string, opts?: BulkOptions): Promise<AnnotationChange[]>;
  /** The label of what was undone, or null when there was nothing (or it failed). */
  undo(): Promise<string | null>;
  redo(): Promise<string | null>;
  /** Ends merging of consecutive note edits into one undo step. */
  seal(): void;
  /**
   * A note being typed: saved at most `NOTE_IDLE_MS` after the last key and never more than
   * `NOTE_MAX_WAIT_MS` after the first unsaved one, even while typing goes on.
   */
  typeNote(id: string, value: NoteValue): void;
  /** Saves a note being typed now (blur, window hidden or closing, before other actions). */
  flushNote(): Promise<void>;
  openAnnotation(id: string, focusNote?: boolean): void;
  closeAnnotation(): void;
  setFilter(filter: ListFilter): void;
  /** Makes a new annotation of the lost note's passage, colour and tags, with the typed note. */
  restoreLostNote(author: string): Promise<Annotation | null>;
  /** Writes the last action that could not be saved again; true when it is saved now. */
  retryUnsaved(): Promise<boolean>;
  dismissUnsaved(): void;
  dismissLostNote(): void;
  dispose(): void;
}

export const NOTE_IDLE_MS = 250;
/** A crash while typing without a pause loses at most this much of the note. */
export const NOTE_MAX_WAIT_MS = 800;

const EMPTY_STATE: AnnotationState = {
  report: null,
  loaded: false,
  list: [],
  byId: LayeredMap.of(),
  resolutions: LayeredMap.of(),
  marks: new Map(),
  colors: LayeredMap.of(),
  paragraphNotes: new Set(),
  byParagraph: new Map(),
  orphans: [],
  broken: [],
  error: null,
  open: null,
  noteEpoch: 0,
  lostNote: null,
  unsaved: null,
  filter: {},
  canUndo: false,
  canRedo: false,
};

/** Rows fully checked per idle period after the first read. */
const VERIFY_SLICE = 1000;
/** Above this many changed records a re-read rebuilds everything instead of patching. */
const PATCH_LIMIT = 5000;
/**
 * Above this many written records, the store takes them in SHOW_SLICE at a time (in paragraph
 * order, so each slice redraws a few paragraphs), yielding to the page between slices.
 */
const SLICED_ABOVE = 2000;
const SHOW_SLICE = 1000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `fn` once the page has painted and is idle (at the latest after 2 s): follow-up work of
 * a first read must not hold up the first paint of thousands of marks.
 */
function whenIdle(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}

export function createAnnotationStore(persistence: AnnotationPersistence): AnnotationStore {
  let state: AnnotationState = EMPTY_STATE;
  /** Every valid row of the report, tombstones included (for newest-wins guards). */
  let all = new Map<string, Annotation>();
  let index = new AnnotationIndex(null);
  let subscription: { unsubscribe(): void } | null = null;
  const listeners = new Set<() => void>();

  const set = (patch: Partial<AnnotationState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };

  /** What panels read from `all`, recomputed in full (a new report, a big re-read). */
  const derive = (): Partial<AnnotationState> => ({ ...index.rebuild(all) });
  /** The same after the records of `ids` changed in `all`: only what they touch is redone. */
  const derivePatch = (ids: Iterable<string>): Partial<AnnotationState> => ({ ...index.update(all, ids) });

  /** Takes in records written by this tab (before the re-read brings them). */
  const absorb = (changes: readonly AnnotationChange[]) => {
    if (changes.length === 0) return;
    const reportId = state.report?.id;
    const ids: string[] = [];
    for (const c of changes) {
      // A restore also touches other reports' records: only the open report's are shown.
      if (c.after && c.after.reportId === reportId) all.set(c.after.id, c.after);
      else if (c.before) all.delete(c.before.id);
      ids.push((c.after ?? c.before)!.id);
    }
    set({ ...(ids.length > PATCH_LIMIT ? derive() : derivePatch(ids)), error: null });
  };

  /** Feed events held back while a large write is shown slice by slice (handled after it). */
  let held: Array<() => void> | null = null;

  /** absorb, a slice of records (in paragraph order) per task: no task redraws the whole page. */
  const absorbInSlices = async (changes: readonly AnnotationChange[], onShown?: (done: number) => void) => {
    const report = state.report;
    const order = new Map((report?.paragraphs ?? []).map((p, i) => [p.id, i]));
    const at = (c: AnnotationChange) => order.get((c.after ?? c.before)!.anchor.segmentId) ?? -1;
    const sorted = [...changes].sort((x, y) => at(x) - at(y));
    for (let i = 0; i < sorted.length; i += SHOW_SLICE) {
      if (state.report !== report) return;
      absorb(sorted.slice(i, i + SHOW_SLICE));
      onShown?.(Math.min(sorted.length, i + SHOW_SLICE));
      await nextTask();
    }
  };

  const persist = async (edits: AnnotationEdit[], opts: BulkOptions = {}): Promise<AnnotationChange[]> => {
    const large = edits.length > SLICED_ABOVE;
    // The change feed names the same rows: it waits until they are shown (then reads nothing new).
    if (large) held ??= [];
    try {
      const changes = await persistence.apply(edits, { signal: opts.signal, onProgress: (done, total) => opts.onProgress?.('write', done, total) });
      if (changes.length > SLICED_ABOVE) await absorbInSlices(changes, (done) => opts.onProgress?.('show', done, changes.length));
      else absorb(changes);
      return changes;
    } catch (e) {
      // Not saved: say so; the view stays on what is stored.
      if (!(e instanceof Error && e.name === 'ImportCancelled')) set({ error: describeStorageError(e) });
      throw e;
    } finally {
      if (large) {
        const later = held ?? [];
        held = null;
        for (const run of later) run();
      }
    }
  };

  const undoStack: UndoStack = createUndoStack({
    apply: async (edits) => {
      await persist(edits);
    },
  });
  undoStack.subscribe(() => {
    if (state.canUndo !== undoStack.canUndo() || state.canRedo !== undoStack.canRedo()) set({ canUndo: undoStack.canUndo(), canRedo: undoStack.canRedo() });
  });

  interface Action {
    label: string;
    edits: AnnotationEdit[];
    coalesceKey?: string;
  }
  let unsaved: Action | null = null;

  /**
   * Saves one user action as one undo step. When it cannot be saved the view stays on what is
   * stored and the action is kept for 重试, so a colour, tag or delete chosen on a full disk is
   * not silently forgotten.
   */
  const act = async (action: Action): Promise<AnnotationChange[]> => {
    try {
      const changes = await persist(action.edits);
      if (changes.length > 0) undoStack.record(action.label, changes, { coalesceKey: action.coalesceKey });
      if (unsaved === action) {
        unsaved = null;
        set({ unsaved: null });
      }
      return changes;
    } catch (e) {
      unsaved = action;
      set({ unsaved: action.label });
      throw e;
    }
  };

  const update: AnnotationStore['update'] = async (id, patch, opts = {}) => {
    await act({ label: opts.label ?? '修改批注', edits: [{ kind: 'patch', id, set: patch }], coalesceKey: opts.coalesceKey });
  };

  const saveNote = async ({ id, value }: { id: string; value: NoteValue }) => {
    const changes = await persist([{ kind: 'patch', id, set: { note: value } }]);
    if (changes.length > 0) {
      undoStack.record('编辑批注', changes, { coalesceKey: `note:${id}` });
      return;
    }
    // Nothing written: either the note was already stored as is, or the annotation is gone
    // (deleted in another window), and then the typed text must not vanish with it.
    const seen = all.get(id) ?? null;
    if (seen && !seen.deleted) return;
    if (seen && seen.note.text === value.text) return;
    set({ lostNote: { source: seen, note: value }, open: state.open?.id === id ? null : state.open });
  };

  const noteSaver: DebouncedSaver<{ id: string; value: NoteValue }> = createDebouncedSaver(
    saveNote,
    // A failed save stays pending and is tried again at the next flush; state.error says so.
    { idleMs: NOTE_IDLE_MS, maxWaitMs: NOTE_MAX_WAIT_MS, onError: () => undefined },
  );
  let noteId: string | null = null;

  const flushNote = () => noteSaver.flush().catch(() => undefined);

  /**
   * Full check of rows the first read only looked at quickly; failures join the 待修复 list. In
   * slices, one per idle period: the schema check of 50,000 rows in one go held the page for
   * seconds, right when the user starts working.
   */
  const verify = (rows: readonly Annotation[], report: Report) => {
    if (state.report !== report || rows.length === 0) return;
    if (rows.length > VERIFY_SLICE) {
      verify(rows.slice(0, VERIFY_SLICE), report);
      whenIdle(() => verify(rows.slice(VERIFY_SLICE), report));
      return;
    }
    const checked = readStoredRows(rows);
    if (checked.broken.length === 0) return;
    const ids: string[] = [];
    for (const b of checked.broken)
      if (b.id) {
        all.delete(b.id);
        ids.push(b.id);
      }
    set({ ...derivePatch(ids), broken: [...state.broken, ...checked.broken] });
  };

  const onRows = (rows: Annotation[]) => {
    // The first read of a report only looks quickly at each row, so thousands of annotations
    // reach the screen without waiting for the full schema; the full check follows at once after.
    const first = !state.loaded;
    const read = readStoredRows(rows, all, { quick: first });
    if (first && read.unverified.length > 0) {
      const report = state.report;
      whenIdle(() => report && verify(read.unverified, report));
    }
    // A re-read that started before this tab's last write may arrive after it: never let it
    // replace a newer record this tab already holds.
    for (const [id, mine] of all) {
      const row = read.records.get(id);
      if (row && row.updatedAt < mine.updatedAt) read.records.set(id, mine);
    }
    const changed: string[] = [];
    for (const [id, r] of read.records) if (all.get(id) !== r) changed.push(id);
    for (const id of all.keys()) if (!read.records.has(id)) changed.push(id);
    if (changed.length === 0 && state.loaded && read.broken.length === state.broken.length) return;
    all = read.records;
    set({ ...(first || changed.length > PATCH_LIMIT ? derive() : derivePatch(changed)), loaded: true, broken: read.broken, error: null });
  };

  /** Rows written since the last read (by this or another tab or window). */
  const onSome = (rows: readonly Annotation[], gone: readonly string[]) => {
    const read = readStoredRows(rows, all);
    const ids = new Set<string>(gone);
    for (const r of rows) if (r && typeof r.id === 'string') ids.add(r.id);
    for (const [id, row] of read.records) {
      // A read that started before this tab's last write may arrive after it: keep the newer.
      const mine = all.get(id);
      if (mine && row.updatedAt < mine.updatedAt) continue;
      all.set(id, row);
    }
    for (const id of ids) if (!read.records.has(id)) all.delete(id);
    const broken = state.broken.filter((b) => !b.id || !ids.has(b.id)).concat(read.broken);
    const brokenSame = broken.length === state.broken.length && broken.every((b, i) => b === state.broken[i]);
    const patch = derivePatch(ids);
    if (patch.byId === state.byId && brokenSame) return;
    set({ ...patch, ...(brokenSame ? {} : { broken }), error: null });
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setReport(report) {
      if (report === state.report) return;
      void flushNote();
      subscription?.unsubscribe();
      subscription = null;
      undoStack.clear();
      all = new Map();
      index = new AnnotationIndex(report);
      state = { ...EMPTY_STATE, report, filter: {} };
      set(derive());
      if (!report) return;
      let adopted = false;
      const feed = persistence.observeChangesByReport?.(report.id) ?? {
        subscribe: (o: { next(f: AnnotationFeed): void; error(e: unknown): void }) =>
          persistence.observeByReport(report.id).subscribe({ next: (rows) => o.next({ kind: 'all', rows }), error: (e) => o.error(e) }),
      };
      const handle = (f: AnnotationFeed) => {
        if (state.report !== report) return;
        if (f.kind === 'all' || !state.loaded) onRows(f.rows);
        else onSome(f.rows, f.gone);
        // Annotations made when this text had another id (older builds named opened files after
        // the file) come along, once the report's own are on screen; the liveQuery shows them.
        if (!adopted) {
          adopted = true;
          whenIdle(() => void persistence.adoptByFingerprint?.(report.id, report.fingerprint).catch(() => 0));
        }
      };
      subscription = feed.subscribe({
        next: (f) => {
          if (held) held.push(() => handle(f));
          else handle(f);
        },
        error: (e) => set({ error: `批注读取失败：${e instanceof Error ? e.message : String(e)}` }),
      });
    },
    async create(anchor, color, opts) {
      const report = state.report;
      if (!report) return null;
      const a = newAnnotation({ reportId: report.id, anchor, color, author: opts.author, target: opts.target });
      try {
        const changes = await act({ label: opts.target === 'paragraph' ? '添加段落批注' : '高亮', edits: [{ kind: 'create', record: a }] });
        return changes[0]?.after ?? null;
      } catch {
        return null;
      }
    },
    update: (id, patch, opts) => update(id, patch, opts).catch(() => undefined),
    async remove(id) {
      await flushNote();
      await act({ label: '删除批注', edits: [{ kind: 'patch', id, set: { deleted: true } }] }).catch(() => []);
      if (state.open?.id === id) set({ open: null });
    },
    async signUnsigned(author) {
      const name = author.trim();
      const unsigned = state.list.filter((a) => a.author.trim() === '');
      if (!name || unsigned.length === 0) return 0;
      const changes = await act({ label: '署名', edits: unsigned.map((a) => ({ kind: 'patch', id: a.id, set: { author: name } })) }).catch(() => []);
      return changes.length;
    },
    async removeBroken(row) {
      const raw = row.raw as { updatedAt?: number } | null;
      if (!row.id) return;
      await persist([{ kind: 'replace', id: row.id, expected: raw?.updatedAt ?? null, record: null }]).catch(() => []);
      set({ broken: state.broken.filter((b) => b !== row) });
    },
    async importChanges(merge, label, opts) {
      await flushNote();
      const edits: AnnotationEdit[] = merge.map((c) => ({ kind: 'replace', id: (c.after ?? c.before)!.id, expected: c.before?.updatedAt ?? null, record: c.after }));
      const changes = await persist(edits, opts);
      // A damaged row that a restore repaired is not put back damaged by an undo.
      const undoable = changes.filter((c) => c.before === null || parseAnnotation(c.before).ok);
      if (undoable.length > 0) undoStack.record(label, undoable, { mode: 'replace' });
      return changes;
    },
    async undo() {
      await flushNote();
      const entry = await undoStack.undo().catch(() => null);
      if (entry) set({ noteEpoch: state.noteEpoch + 1 });
      return entry?.label ?? null;
    },
    async redo() {
      await flushNote();
      const entry = await undoStack.redo().catch(() => null);
      if (entry) set({ noteEpoch: state.noteEpoch + 1 });
      return entry?.label ?? null;
    },
    seal: () => undoStack.seal(),
    typeNote(id, value) {
      // Another annotation's note still waiting: write it first, it must not be replaced.
      if (noteId !== id && noteSaver.pending) void flushNote();
      noteId = id;
      noteSaver.schedule({ id, value });
    },
    flushNote,
    openAnnotation(id, focusNote = false) {
      void flushNote();
      set({ open: { id, focusNote } });
    },
    closeAnnotation() {
      void flushNote().then(() => undoStack.seal());
      if (state.open) set({ open: null });
    },
    setFilter(filter) {
      set({ filter });
    },
    async restoreLostNote(author) {
      const lost = state.lostNote;
      const report = state.report;
      if (!lost?.source || !report || lost.source.reportId !== report.id) return null;
      const { source, note } = lost;
      const record = newAnnotation({ reportId: report.id, anchor: source.anchor, color: source.color, tags: source.tags, target: source.target, note, author: source.author || author });
      try {
        const changes = await act({ label: '恢复批注', edits: [{ kind: 'create', record }] });
        set({ lostNote: null });
        return changes[0]?.after ?? null;
      } catch {
        return null;
      }
    },
    async retryUnsaved() {
      if (!unsaved) return false;
      return act(unsaved).then(
        () => true,
        () => false,
      );
    },
    dismissUnsaved() {
      unsaved = null;
      if (state.unsaved) set({ unsaved: null });
    },
    dismissLostNote() {
      if (state.lostNote) set({ lostNote: null });
    },
    dispose() {
      void flushNote();
      subscription?.unsubscribe();
      subscription = null;
      listeners.clear();
    },
  };
}
