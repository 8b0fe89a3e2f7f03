// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createUndoStack } from '../../../shared/annotations';
import { AnnotationRepository } from '../../../renderer/db';
import { annotationOn, lexicalJson, report } from '../../shared/annotations/fixtures';
import { openDb, uniqueName } from './helpers';

function repoWithClock() {
  let t = 1_900_000_000_000;
  const db = openDb();
  return { db, repo: new AnnotationRepository(db, { now: () => t }), advance: (ms = 1) => (t += ms), now: () => t };
}

describe('AnnotationRepository', () => {
  it('creates, reads and lists by report; tags normalised; ids unique', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('大力发展绿电制氢', { tags: ['#氢能', '氢能 ', 'AI'] });
    const change = await repo.create(a);
    expect(change.before).toBeNull();
    expect(change.after!.tags).toEqual(['氢能', 'AI']);
    expect(await repo.get(a.id)).toEqual(change.after);
    expect(await repo.listByReport(report.id)).toEqual([change.after]);
    expect(await repo.listByReport('other-report')).toEqual([]);
    await expect(repo.create(a)).rejects.toThrow();
  });

  it('rejects invalid records before writing anything', async () => {
    const { repo } = repoWithClock();
    const good = annotationOn('抢占未来竞争制高点');
    const bad = { ...annotationOn('发展壮大数字经济'), color: 'pink' as never };
    await expect(repo.create(bad)).rejects.toThrow(/violates the annotation schema: color/);
    await expect(repo.bulkPut([good, bad])).rejects.toThrow(/color/);
    expect(await repo.listByReport(report.id, { includeDeleted: true })).toEqual([]);
  });

  it('updates with a partial patch, bumps updatedAt strictly, keeps createdAt', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('建强产业集聚载体');
    await repo.create(a);
    const c1 = await repo.update(a.id, { color: 'red' });
    const c2 = await repo.update(a.id, { note: { json: lexicalJson('需核实'), text: '需核实' }, tags: [' 核实 '] });
    expect(c1!.before!.color).toBe('yellow');
    expect(c2!.after).toMatchObject({ color: 'red', tags: ['核实'], note: { text: '需核实' }, createdAt: a.createdAt });
    // Same clock reading for both writes: updatedAt must still increase.
    expect(c2!.after!.updatedAt).toBeGreaterThan(c1!.after!.updatedAt);
    expect(await repo.update('missing', { color: 'red' })).toBeNull();
  });

  it('deletes as a tombstone, lists it only on request, restores it', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('深化城乡融合', { note: { json: null, text: '保留这条批注' } });
    const b = annotationOn('保障粮食安全');
    await repo.create(a);
    await repo.create(b);
    const del = await repo.delete(a.id);
    expect(del!.after).toMatchObject({ deleted: true, note: { text: '保留这条批注' } });
    expect((await repo.listByReport(report.id)).map((x) => x.id)).toEqual([b.id]);
    expect((await repo.listByReport(report.id, { includeDeleted: true })).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(await repo.delete(a.id)).toBeNull();
    expect(await repo.update(a.id, { color: 'red' })).toBeNull();
    const res = await repo.restore(a.id);
    expect(res!.after!.deleted).toBe(false);
    expect(await repo.restore(a.id)).toBeNull();
    expect((await repo.listByReport(report.id)).length).toBe(2);
  });

  it('keeps everything after closing and reopening the database', async () => {
    const name = uniqueName('reopen');
    const db1 = openDb(name);
    const repo1 = new AnnotationRepository(db1);
    const a = annotationOn('精准务实抓招商');
    const b = annotationOn('持续发力上项目');
    await repo1.create(a);
    await repo1.create(b);
    await repo1.update(a.id, { color: 'purple' });
    await repo1.delete(b.id);
    db1.close();
    const repo2 = new AnnotationRepository(openDb(name));
    expect(await repo2.get(a.id)).toMatchObject({ color: 'purple', deleted: false });
    expect(await repo2.get(b.id)).toMatchObject({ deleted: true });
    expect((await repo2.listByReport(report.id)).map((x) => x.id)).toEqual([a.id]);
  });

  it('stores a 100,000-character note and emoji / non-BMP text unchanged', async () => {
    const { db, repo } = repoWithClock();
    const long = '𠀀👍🏽批注'.repeat(25_000).slice(0, 100_000);
    const a = annotationOn('激发经营主体活力', { note: { json: lexicalJson(long), text: long } });
    await repo.create(a);
    await repo.update(a.id, { tags: ['👍🏽', '𠀀字'] });
    db.close();
    const again = await new AnnotationRepository(openDb(db.name)).get(a.id);
    expect(again!.note.text).toBe(long);
    expect(again!.note.text.length).toBe(100_000);
    expect(JSON.parse(again!.note.json!).root.children[0].children[0].text).toBe(long);
    expect(again!.tags).toEqual(['👍🏽', '𠀀字']);
  });

  it('bulk puts records and works as the undo stack writer', async () => {
    const { repo } = repoWithClock();
    const stack = createUndoStack({ write: (r) => repo.bulkPut(r) });
    const a = annotationOn('深化京长对口合作');
    stack.record('添加高亮', [await repo.create(a)]);
    stack.record('删除批注', [(await repo.delete(a.id))!]);
    await stack.undo();
    expect(await repo.get(a.id)).toMatchObject({ deleted: false });
    await stack.undo();
    expect(await repo.get(a.id)).toMatchObject({ deleted: true });
    expect(await repo.listByReport(report.id)).toEqual([]);
    await stack.redo();
    expect((await repo.listByReport(report.id)).map((x) => x.id)).toEqual([a.id]);
  });

  it('emits live lists after changes', async () => {
    const { repo } = repoWithClock();
    const seen: number[] = [];
    const sub = repo.observeByReport(report.id).subscribe((list) => seen.push(list.length));
    await vi.waitFor(() => expect(seen).toContain(0));
    await repo.create(annotationOn('全面汇聚创新人才'));
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    sub.unsubscribe();
  });
});
