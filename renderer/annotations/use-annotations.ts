/**
 * The annotations of the open report: loads them from the store, resolves their anchors,
 * and performs every action through the undo stack (data-level before/after snapshots), so
 * Ctrl+Z / Ctrl+Shift+Z work for create, recolour, note, tags and delete alike.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ResolvedAnchor } from '../../shared/anchoring';
import { createUndoStack, newAnnotation, normaliseTags, type Anchor, type Annotation, type AnnotationChange, type ColorKey } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { marksByParagraph, resolveAll } from './annotation-marks';

/** What the controller needs from persistence (AnnotationRepository satisfies it). */
export interface AnnotationStorePort {
  listByReport(reportId: string, options?: { includeDeleted?: boolean }): Promise<Annotation[]>;
  bulkPut(records: Annotation[]): Promise<void>;
}

export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'tags' | 'note'>>;

export interface AnnotationsApi {
  loaded: boolean;
  /** Live (not deleted) annotations of the report. */
  list: Annotation[];
  byId: ReadonlyMap<string, Annotation>;
  resolutions: ReadonlyMap<string, ResolvedAnchor>;
  marks: ReadonlyMap<string, import('../reader/paragraph-runs').MarkRange[]>;
  colors: ReadonlyMap<string, string>;
  error: string | null;
  create(anchor: Anchor, color: ColorKey, opts?: { target?: Annotation['target'] }): Promise<Annotation | null>;
  update(id: string, patch: AnnotationPatch, opts?: { coalesceKey?: string; label?: string }): Promise<void>;
  remove(id: string): Promise<void>;
  /** Writes merged records (an import) as one undoable step. */
  applyChanges(changes: AnnotationChange[], label: string): Promise<void>;
  undo(): Promise<string | null>;
  redo(): Promise<string | null>;
  canUndo: boolean;
  canRedo: boolean;
  /** Ends merging of consecutive note edits into one undo step. */
  seal(): void;
}

export function useAnnotations(report: Report | null, store: AnnotationStorePort, author: string): AnnotationsApi {
  const [records, setRecords] = useState<Map<string, Annotation>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recordsRef = useRef(records);
  recordsRef.current = records;

  const apply = useCallback((changed: Annotation[]) => {
    setRecords((prev) => {
      const next = new Map(prev);
      for (const r of changed) next.set(r.id, r);
      return next;
    });
  }, []);

  const write = useCallback(
    async (changed: Annotation[]) => {
      try {
        await store.bulkPut(changed);
        setError(null);
      } catch (e) {
        // Not saved: say so and keep the view on the stored state.
        setError(`批注未能保存：${(e as Error).message}`);
        throw e;
      }
      apply(changed);
    },
    [store, apply],
  );

  const undoStack = useMemo(() => createUndoStack({ write }), [write]);
  const stackVersion = useSyncExternalStore(
    useCallback((cb) => undoStack.subscribe(cb), [undoStack]),
    () => `${undoStack.canUndo()}|${undoStack.canRedo()}`,
  );

  useEffect(() => {
    if (!report) return;
    let cancelled = false;
    setLoaded(false);
    undoStack.clear();
    store
      .listByReport(report.id)
      .then((list) => {
        if (cancelled) return;
        setRecords(new Map(list.map((a) => [a.id, a])));
        setLoaded(true);
      })
      .catch((e: Error) => !cancelled && setError(`批注读取失败：${e.message}`));
    return () => {
      cancelled = true;
    };
  }, [report, store, undoStack]);

  const list = useMemo(() => [...records.values()].filter((a) => !a.deleted), [records]);
  const resolvedCache = useRef<ReturnType<typeof resolveAll>>(new Map());
  const resolved = useMemo(() => {
    if (!report) return new Map() as ReturnType<typeof resolveAll>;
    resolvedCache.current = resolveAll(report, list, resolvedCache.current);
    return resolvedCache.current;
  }, [report, list]);
  const resolutions = useMemo(() => new Map([...resolved].map(([id, v]) => [id, v.r])), [resolved]);
  const marks = useMemo(() => (report ? marksByParagraph(report, list, resolved) : new Map()), [report, list, resolved]);
  const colors = useMemo(() => new Map(list.map((a) => [a.id, a.color as string])), [list]);

  const create = useCallback(
    async (anchor: Anchor, color: ColorKey, opts: { target?: Annotation['target'] } = {}) => {
      if (!report) return null;
      const a = newAnnotation({ reportId: report.id, anchor, color, author, target: opts.target });
      await write([a]);
      undoStack.record(opts.target === 'paragraph' ? '添加段落批注' : '高亮', [{ before: null, after: a }]);
      return a;
    },
    [report, author, write, undoStack],
  );

  const update = useCallback(
    async (id: string, patch: AnnotationPatch, opts: { coalesceKey?: string; label?: string } = {}) => {
      const before = recordsRef.current.get(id);
      if (!before || before.deleted) return;
      const after: Annotation = {
        ...before,
        ...patch,
        tags: patch.tags ? normaliseTags(patch.tags) : before.tags,
        updatedAt: Math.max(Date.now(), before.updatedAt + 1),
      };
      await write([after]);
      undoStack.record(opts.label ?? '修改批注', [{ before, after }], { coalesceKey: opts.coalesceKey });
    },
    [write, undoStack],
  );

  const remove = useCallback(
    async (id: string) => {
      const before = recordsRef.current.get(id);
      if (!before || before.deleted) return;
      const after = { ...before, deleted: true, updatedAt: Math.max(Date.now(), before.updatedAt + 1) };
      await write([after]);
      undoStack.record('删除批注', [{ before, after }]);
    },
    [write, undoStack],
  );

  const applyChanges = useCallback(
    async (changes: AnnotationChange[], label: string) => {
      if (changes.length === 0) return;
      await write(changes.flatMap((c) => (c.after ? [c.after] : [])));
      undoStack.record(label, changes);
    },
    [write, undoStack],
  );

  const undo = useCallback(async () => (await undoStack.undo().catch(() => null))?.label ?? null, [undoStack]);
  const redo = useCallback(async () => (await undoStack.redo().catch(() => null))?.label ?? null, [undoStack]);
  const [canUndo, canRedo] = stackVersion.split('|').map((s) => s === 'true');

  return {
    loaded,
    list,
    byId: records,
    resolutions,
    marks,
    colors,
    error,
    create,
    update,
    remove,
    applyChanges,
    undo,
    redo,
    canUndo,
    canRedo,
    seal: () => undoStack.seal(),
  };
}
