// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createUndoStack, type Annotation, type AnnotationPatch } from '../../../shared/annotations';
import { AnnotationRepository } from '../../../renderer/db';
import { annotationOn, lexicalJson, report } from '../../shared/annotations/fixtures';
import { openDb, uniqueName } from './helpers';

function repoWithClock() {
  let t = 1_900_000_000_000;
  const db = openDb();
  return { db, repo: new AnnotationRepository(db, { now: () => t }), advance: (ms = 1) => (t += ms), now: () => t };
}


const create = (repo: AnnotationRepository, a: Annotation) => repo.apply([{ kind: 'create', record: a }]).then((c) => c[0]);
const patch = (repo: AnnotationRepository, id: string, set: AnnotationPatch) => repo.apply([{ kind: 'patch', id, set }]).then((c) => c[0] ?? null);

describe('AnnotationRepository', () => {
  it('creates, reads and lists by report; tags normalised; ids unique', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('大力发展绿电制氢', { tags: ['#氢能', '氢能 ', 'AI'] });
    const change = await create(repo, a);
    expect(change.before).toBeNull();
    expect(change.after!.tags).toEqual(['氢能', 'AI']);
    expect(await repo.get(a.id)).toEqual(change.after);
    expect(await repo.listByReport(report.id)).toEqual([change.after]);
    expect(await repo.listByReport('other-report')).toEqual([]);
    await expect(create(repo, a)).rejects.toThrow(/already exists/);
  });

  it('rejects invalid records before writing anything (one transaction)', async () => {
    const { repo } = repoWithClock();
    const good = annotationOn('抢占未来竞争制高点');
    const bad = { ...annotationOn('发展壮大数字经济'), color: 'pink' as never };
    await expect(create(repo, bad)).rejects.toThrow(/violates the annotation schema: color/);
    await expect(repo.apply([{ kind: 'create', record: good }, { kind: 'create', record: bad }])).rejects.toThrow(/color/);
    expect(await repo.listByReport(report.id, { includeDeleted: true })).toEqual([]);
  });

  it('patches field by field, bumps updatedAt strictly, keeps createdAt; a no-op writes nothing', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('建强产业集聚载体');
    await create(repo, a);
    const c1 = await patch(repo, a.id, { color: 'red' });
    const c2 = await patch(repo, a.id, { note: { json: lexicalJson('需核实'), text: '需核实' }, tags: [' 核实 '] });
    expect(c1!.before!.color).toBe('yellow');
    expect(c2!.after).toMatchObject({ color: 'red', tags: ['核实'], note: { text: '需核实' }, createdAt: a.createdAt });
    // Same clock reading for both writes: updatedAt must still increase.
    expect(c2!.after!.updatedAt).toBeGreaterThan(c1!.after!.updatedAt);
    expect(await patch(repo, a.id, { color: 'red' })).toBeNull();
    expect(await patch(repo, 'missing', { color: 'red' })).toBeNull();
  });

  it('applies each edit to the row as stored now, not to a stale copy', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('深化京长对口合作');
    await create(repo, a);
    // Two windows, each holding the record as first read: one writes the note, the other the colour.
    await patch(repo, a.id, { note: { json: null, text: '窗口甲的批注' } });
    await patch(repo, a.id, { color: 'green' });
    expect(await repo.get(a.id)).toMatchObject({ color: 'green', note: { text: '窗口甲的批注' } });
  });

  it('deletes as a tombstone; edits never resurrect it; only deleted:false restores it', async () => {
    const { repo } = repoWithClock();
    const a = annotationOn('深化城乡融合', { note: { json: null, text: '保留这条批注' } });
    const b = annotationOn('保障粮食安全');
    await create(repo, a);
    await create(repo, b);
    const del = await patch(repo, a.id, { deleted: true });
    expect(del!.after).toMatchObject({ deleted: true, note: { text: '保留这条批注' } });
    expect((await repo.listByReport(report.id)).map((x) => x.id)).toEqual([b.id]);
    expect((await repo.listByReport(report.id, { includeDeleted: true })).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(await patch(repo, a.id, { deleted: true })).toBeNull();
    expect(await patch(repo, a.id, { color: 'red' })).toBeNull();
    expect(await patch(repo, a.id, { note: { json: null, text: '另一窗口还在打字' } })).toBeNull();
    expect(await repo.get(a.id)).toMatchObject({ deleted: true, color: 'yellow', note: { text: '保留这条批注' } });
    const res = await patch(repo, a.id, { deleted: false });
    expect(res!.after!.deleted).toBe(false);
    expect((await repo.listByReport(report.id)).length).toBe(2);
  });

  it('replace (imports) writes only over the version it was computed against; null removes the row', async () => {
    const { repo, now } = repoWithClock();
    const a = annotationOn('全面汇聚创新人才');
    await create(repo, a);
    const mine = (await patch(repo, a.id, { color: 'blue' }))!.after!;
    const incoming = { ...a, color: 'purple' as const, updatedAt: now() + 10 };
    // Computed against the first version: the colour written since must stay.
    expect(await repo.apply([{ kind: 'replace', id: a.id, expected: a.updatedAt, record: incoming }])).toEqual([]);
    expect((await repo.apply([{ kind: 'replace', id: a.id, expected: mine.updatedAt, record: incoming }]))[0].after).toEqual(incoming);
    expect(await repo.get(a.id)).toEqual(incoming);
    const removed = await repo.apply([{ kind: 'replace', id: a.id, expected: incoming.updatedAt, record: null }]);
    expect(removed).toEqual([{ before: incoming, after: null }]);
    expect(await repo.get(a.id)).toBeNull();
  });

  it('keeps everything after closing and reopening the database', async () => {
    const name = uniqueName('reopen');
    const db1 = openDb(name);
    const repo1 = new AnnotationRepository(db1);
    const a = annotationOn('精准务实抓招商');
    const b = annotationOn('持续发力上项目');
    await create(repo1, a);
    await create(repo1, b);
    await patch(repo1, a.id, { color: 'purple' });
    await patch(repo1, b.id, { deleted: true });
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
    await create(repo, a);
    await patch(repo, a.id, { tags: ['👍🏽', '𠀀字'] });
    db.close();
    const again = await new AnnotationRepository(openDb(db.name)).get(a.id);
    expect(again!.note.text).toBe(long);
    expect(again!.note.text.length).toBe(100_000);
    expect(JSON.parse(again!.note.json!).root.children[0].children[0].text).toBe(long);
    expect(again!.tags).toEqual(['👍🏽', '𠀀字']);
  });

  it('is the undo stack writer: undo/redo of create and delete', async () => {
    const { repo } = repoWithClock();
    const stack = createUndoStack({ apply: async (edits) => void (await repo.apply(edits)) });
    const a = annotationOn('深化京长对口合作');
    stack.record('添加高亮', [await create(repo, a)]);
    stack.record('删除批注', [(await patch(repo, a.id, { deleted: true }))!]);
    await stack.undo();
    expect(await repo.get(a.id)).toMatchObject({ deleted: false });
    await stack.undo();
    expect(await repo.get(a.id)).toMatchObject({ deleted: true });
    expect(await repo.listByReport(report.id)).toEqual([]);
    await stack.redo();
    expect((await repo.listByReport(report.id)).map((x) => x.id)).toEqual([a.id]);
  });

  it('emits live lists (tombstones included) after changes', async () => {
    const { repo } = repoWithClock();
    const seen: number[] = [];
    const sub = repo.observeByReport(report.id).subscribe((list) => seen.push(list.length));
    await vi.waitFor(() => expect(seen).toContain(0));
    const a = annotationOn('全面汇聚创新人才');
    await create(repo, a);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    await patch(repo, a.id, { deleted: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.at(-1)).toBe(1);
    sub.unsubscribe();
  });
});

describe('a large write (an import)', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...annotationOn('大力发展绿电制氢'), id: `imp-${i}` }));

  it('is written in chunks inside one transaction, with progress', async () => {
    const { repo } = repoWithClock();
    const steps: number[] = [];
    const changes = await repo.apply(many(2500).map((record) => ({ kind: 'create' as const, record })), { onProgress: (done) => steps.push(done) });
    expect(changes).toHaveLength(2500);
    expect(steps).toEqual([1000, 2000, 2500]);
    expect(await repo.listByReport(report.id)).toHaveLength(2500);
  });

  it('cancelled half-way: nothing of it is kept (the transaction is aborted)', async () => {
    const { repo } = repoWithClock();
    const mine = await create(repo, annotationOn('大力发展绿电制氢', { id: 'mine' }));
    const abort = new AbortController();
    const edits = many(3000).map((record) => ({ kind: 'create' as const, record }));
    await expect(repo.apply(edits, { signal: abort.signal, onProgress: (done) => done === 2000 && abort.abort() })).rejects.toThrow('已取消导入');
    expect(await repo.listByReport(report.id)).toEqual([mine.after]);
  });

  it('an invalid record in a later chunk: nothing of it is kept', async () => {
    const { repo } = repoWithClock();
    const records = many(2500);
    records[2200] = { ...records[2200], color: 'orange' as never };
    await expect(repo.apply(records.map((record) => ({ kind: 'create' as const, record })))).rejects.toThrow();
    expect(await repo.listByReport(report.id)).toEqual([]);
  });
});
