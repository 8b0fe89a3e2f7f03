/**
 * The import plans of issue 11, as members' stores passing files around (each store a list of
 * records; files go through serializeExchange/parseExchange as on a USB stick).
 */
import { describe, expect, it } from 'vitest';
import { createUndoStack } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import {
  changeKind,
  changesNeedingConsent,
  describeConsentChange,
  importUndoPlan,
  mergeAnnotations,
  onlyAdditions,
  parseExchange,
  serializeExchange,
  type MergeChange,
} from '../../../shared/exchange';
import { annotationOn, report } from '../annotations/fixtures';
import { applyChanges, asSet, edit } from './helpers';

const T = 1_767_225_600_000;

/** A member's export, read back as the other member's app reads it. */
function passFile(store: readonly Annotation[], exportedBy: string): { annotations: Annotation[]; exportedBy: string } {
  const text = serializeExchange({ exportedAt: T, exportedBy, report, annotations: store });
  const parsed = parseExchange(text, { now: T });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Applies an undo plan to a store: removals outright, restores verbatim. */
function applyUndo(store: readonly Annotation[], changes: readonly MergeChange[]): Annotation[] {
  const plan = importUndoPlan(changes);
  const restored = new Map(plan.restore.map((a) => [a.id, a]));
  return store.filter((a) => !plan.remove.includes(a.id)).map((a) => restored.get(a.id) ?? a);
}

describe('importUndoPlan: undoing an import is a local removal that does not travel', () => {
  it('张三 imports 李四\'s 2 highlights, undoes, exports; 李四 imports that file and keeps both', () => {
    const liSi = [annotationOn('大力发展绿电制氢', { author: '李四' }), annotationOn('发展壮大数字经济', { author: '李四' })];
    const zhang = [annotationOn('保障粮食安全', { author: '张三' })];

    const merged = mergeAnnotations(zhang, passFile(liSi, '李四').annotations);
    const afterImport = applyChanges(zhang, merged.changes);
    expect(afterImport).toHaveLength(3);

    const afterUndo = applyUndo(afterImport, merged.changes);
    expect(asSet(afterUndo)).toEqual(asSet(zhang));

    const back = mergeAnnotations(liSi, passFile(afterUndo, '张三').annotations);
    const liSiAfter = applyChanges(liSi, back.changes);
    // Both of 李四's highlights live on; he gains 张三's own annotation, nothing is deleted.
    for (const mine of liSi) expect(liSiAfter.find((a) => a.id === mine.id)).toEqual(mine);
    expect(back.summary).toMatchObject({ added: 1, deleted: 0, updated: 0 });
  });

  it('(the generic undo stack, by contrast, writes tombstones newer than the file: that is what deleted 李四\'s highlights)', async () => {
    const liSi = [annotationOn('大力发展绿电制氢', { author: '李四' })];
    const merged = mergeAnnotations([], passFile(liSi, '李四').annotations);
    let store = applyChanges([], merged.changes);
    const stack = createUndoStack({ write: async (records) => void (store = applyChanges(store, records.map((after) => ({ before: null, after })))), now: () => T });
    stack.record('导入批注', merged.changes.map((c) => ({ before: c.before, after: c.after })));
    await stack.undo();
    const back = mergeAnnotations(liSi, passFile(store, '张三').annotations);
    expect(back.summary.deleted).toBe(1);
    // With the plan instead, nothing comes back to delete.
    const planned = applyUndo(applyChanges([], merged.changes), merged.changes);
    expect(mergeAnnotations(liSi, passFile(planned, '张三').annotations).changes).toEqual([]);
  });

  it('an undone update goes back to the exact old version, so importing the file again re-applies it', () => {
    const mine = annotationOn('保障粮食安全', { author: '李四' });
    const theirs = edit(mine, { color: 'red' }, mine.updatedAt + 10);
    const merged = mergeAnnotations([mine], passFile([theirs], '李四').annotations);
    const undone = applyUndo(applyChanges([mine], merged.changes), merged.changes);
    expect(undone).toEqual([mine]);
    expect(mergeAnnotations(undone, passFile([theirs], '李四').annotations).summary.updated).toBe(1);
  });
});

describe('changesNeedingConsent: a file that would delete or rewrite someone else\'s annotation asks first', () => {
  const zhangs = annotationOn('保障粮食安全', { author: '张三' });
  const lisis = annotationOn('大力发展绿电制氢', { author: '李四' });
  const local = [zhangs, lisis];

  it('lists a newer tombstone for 张三\'s annotation in 李四\'s file, and 仅新增 leaves it alone', () => {
    const deletedByLi = edit(zhangs, { deleted: true });
    const fresh = annotationOn('发展壮大数字经济', { author: '李四' });
    const merged = mergeAnnotations(local, passFile([deletedByLi, fresh], '李四').annotations);
    const ask = changesNeedingConsent(merged, '李四');
    expect(ask.map(describeConsentChange)).toEqual(['删除 张三 的批注“保障粮食安全”']);

    const only = onlyAdditions(merged);
    expect(only.changes.map((c) => c.after.id)).toEqual([fresh.id]);
    expect(only.summary).toMatchObject({ total: 2, added: 1, deleted: 0, skipped: 1 });
    const s = only.summary;
    expect(s.added + s.updated + s.deleted + s.restored + s.skipped + s.tombstonesAdded + s.tombstonesUpdated).toBe(s.total);
    expect(applyChanges(local, only.changes).find((a) => a.id === zhangs.id)).toEqual(zhangs);
  });

  it('lists a rewrite and a restore of others\' annotations, not 李四\'s edits of his own', () => {
    const gone = edit(zhangs, { deleted: true });
    const localWithTomb = [gone, lisis];
    const rewritten = edit(gone, { deleted: false, note: { json: null, text: '改了' } }, gone.updatedAt + 5);
    const ownEdit = edit(lisis, { color: 'green' });
    const merged = mergeAnnotations(localWithTomb, passFile([rewritten, ownEdit], '李四').annotations);
    expect(merged.changes.map(changeKind)).toEqual(['restore', 'update']);
    expect(changesNeedingConsent(merged, '李四').map(describeConsentChange)).toEqual(['恢复 张三 的批注“保障粮食安全”']);
  });

  it('asks about every change to an existing annotation when the file is unsigned', () => {
    const merged = mergeAnnotations(local, passFile([edit(lisis, { color: 'green' })], '').annotations);
    expect(changesNeedingConsent(merged, '').map(describeConsentChange)).toEqual(['修改 李四 的批注“大力发展绿电制氢”']);
  });

  it('does not ask about new annotations, deletes of unknown ones, or a newer tombstone over a tombstone', () => {
    const tomb = edit(zhangs, { deleted: true });
    const newerTomb = edit(tomb, {}, tomb.updatedAt + 1);
    const unknownTomb = edit(annotationOn('发展壮大数字经济', { author: '王五' }), { deleted: true });
    const merged = mergeAnnotations([tomb, lisis], passFile([newerTomb, unknownTomb, annotationOn('多措并举促消费', { author: '王五' })], '王五').annotations);
    expect(merged.changes.map(changeKind)).toEqual(['tombstone', 'add-tombstone', 'add']);
    expect(changesNeedingConsent(merged, '王五')).toEqual([]);
  });

  it('names an unsigned local annotation 未署名 and shortens a long quote', () => {
    const long = annotationOn('全产业链。\n发展壮大数字经济', { author: '' });
    const line = describeConsentChange({ before: long, after: edit(long, { deleted: true }) });
    expect(line).toBe('删除 未署名 的批注“全产业链。 发展壮大数字经济”');
    expect(() => describeConsentChange({ before: null, after: long })).toThrow(/only changes to existing/);
  });
});
