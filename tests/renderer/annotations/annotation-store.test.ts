// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnchor } from '../../../shared/anchoring';
import { mergeAnnotations } from '../../../shared/exchange';
import { newAnnotation } from '../../../shared/annotations';
import { AnnotationRepository, YanduDB } from '../../../renderer/db';
import { createAnnotationStore, NOTE_MAX_WAIT_MS, type AnnotationStore } from '../../../renderer/annotations/annotation-store';
import { report } from '../../shared/annotations/fixtures';
import { selectionFor } from '../../shared/anchoring/report-fixture';
import { uniqueName } from '../db/helpers';

const stores: AnnotationStore[] = [];
const dbs: YanduDB[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of stores.splice(0)) s.dispose();
  for (const db of dbs.splice(0)) {
    db.close();
  }
});

/** A "window": its own connection and store on database `name`, showing the bundled report. */
function windowOn(name: string) {
  const db = new YanduDB({ name });
  dbs.push(db);
  const repo = new AnnotationRepository(db);
  const store = createAnnotationStore(repo);
  stores.push(store);
  store.setReport(report);
  return { db, repo, store };
}

const anchorOn = (quote: string) => createAnchor(report, selectionFor(report, quote))!;
const newAnnotationOn = (quote: string) => newAnnotation({ reportId: report.id, anchor: anchorOn(quote), color: 'yellow', author: '甲', now: 1_700_000_000_000 });
const loaded = (store: AnnotationStore) => vi.waitFor(() => expect(store.getState().loaded).toBe(true));

describe('annotation store', () => {
  it('creates, shows marks and colours, updates field by field, deletes, undoes and redoes', async () => {
    const { store, repo } = windowOn(uniqueName('store'));
    await loaded(store);
    const a = (await store.create(anchorOn('大力发展绿电制氢'), 'yellow', { author: '张三' }))!;
    expect(store.getState().byId.get(a.id)).toMatchObject({ color: 'yellow', author: '张三' });
    expect(store.getState().colors.get(a.id)).toBe('yellow');
    expect([...store.getState().marks.values()].flat().map((m) => m.id)).toContain(a.id);
    await store.update(a.id, { color: 'red' }, { label: '更改颜色' });
    expect(store.getState().colors.get(a.id)).toBe('red');
    await store.remove(a.id);
    expect(store.getState().byId.has(a.id)).toBe(false);
    expect(await repo.get(a.id)).toMatchObject({ deleted: true, color: 'red' });
    expect(await store.undo()).toBe('删除批注');
    expect(store.getState().byId.get(a.id)).toMatchObject({ color: 'red' });
    expect(await store.undo()).toBe('更改颜色');
    expect(store.getState().byId.get(a.id)).toMatchObject({ color: 'yellow' });
    expect(await store.redo()).toBe('更改颜色');
    expect(store.getState().colors.get(a.id)).toBe('red');
    expect(store.getState().canUndo).toBe(true);
  });

  it('paragraph notes are listed as paragraph markers, not marks', async () => {
    const { store } = windowOn(uniqueName('store'));
    await loaded(store);
    const anchor = anchorOn('深化城乡融合');
    const a = (await store.create(anchor, 'yellow', { author: '', target: 'paragraph' }))!;
    expect(store.getState().paragraphNotes.has(anchor.segmentId)).toBe(true);
    expect([...store.getState().marks.values()].flat().some((m) => m.id === a.id)).toBe(false);
  });

  it('two windows on one profile: a new highlight appears in the other', async () => {
    const name = uniqueName('two');
    const w1 = windowOn(name);
    const w2 = windowOn(name);
    await loaded(w1.store);
    await loaded(w2.store);
    const a = (await w1.store.create(anchorOn('抢占未来竞争制高点'), 'green', { author: '甲' }))!;
    await vi.waitFor(() => expect(w2.store.getState().byId.get(a.id)).toMatchObject({ color: 'green' }), { timeout: 1000 });
  });

  it('two windows: a note in one and a colour in the other are both kept', async () => {
    const name = uniqueName('two');
    const w1 = windowOn(name);
    const w2 = windowOn(name);
    await loaded(w1.store);
    const a = (await w1.store.create(anchorOn('建强产业集聚载体'), 'yellow', { author: '甲' }))!;
    await vi.waitFor(() => expect(w2.store.getState().byId.has(a.id)).toBe(true));
    w1.store.typeNote(a.id, { json: null, text: '窗口甲的批注' });
    await w1.store.flushNote();
    // Window 2 has not seen the note yet when it recolours.
    await w2.store.update(a.id, { color: 'blue' });
    expect(await w1.repo.get(a.id)).toMatchObject({ color: 'blue', note: { text: '窗口甲的批注' } });
    await vi.waitFor(() => expect(w1.store.getState().byId.get(a.id)).toMatchObject({ color: 'blue', note: { text: '窗口甲的批注' } }));
    await vi.waitFor(() => expect(w2.store.getState().byId.get(a.id)).toMatchObject({ color: 'blue', note: { text: '窗口甲的批注' } }));
  });

  it('two windows: deleted in one, edited or undone in the other, stays deleted', async () => {
    const name = uniqueName('two');
    const w1 = windowOn(name);
    const w2 = windowOn(name);
    await loaded(w1.store);
    const a = (await w1.store.create(anchorOn('深化京长对口合作'), 'yellow', { author: '甲' }))!;
    await w1.store.update(a.id, { color: 'purple' }, { label: '更改颜色' });
    await vi.waitFor(() => expect(w2.store.getState().byId.has(a.id)).toBe(true));
    await w2.store.remove(a.id);
    await w1.store.update(a.id, { color: 'green' });
    await w1.store.undo(); // undo of the colour change: must not bring the record back
    expect(await w1.repo.get(a.id)).toMatchObject({ deleted: true });
    await vi.waitFor(() => expect(w1.store.getState().byId.has(a.id)).toBe(false));
  });

  it('two windows: a note typed while the other deletes its annotation is kept and can be restored', async () => {
    const name = uniqueName('two');
    const w1 = windowOn(name);
    const w2 = windowOn(name);
    await loaded(w1.store);
    const a = (await w1.store.create(anchorOn('深化京长对口合作'), 'blue', { author: '甲' }))!;
    await w1.store.update(a.id, { tags: ['合作'] });
    await vi.waitFor(() => expect(w2.store.getState().byId.has(a.id)).toBe(true));
    w1.store.openAnnotation(a.id, true);
    w1.store.typeNote(a.id, { json: null, text: '京长合作要' });
    await w1.store.flushNote();
    await w2.store.remove(a.id);
    await vi.waitFor(() => expect(w1.store.getState().byId.has(a.id)).toBe(false));
    w1.store.typeNote(a.id, { json: null, text: '京长合作要看落地项目' });
    await w1.store.flushNote();
    const lost = w1.store.getState().lostNote!;
    expect(lost.note.text).toBe('京长合作要看落地项目');
    expect(lost.source?.id).toBe(a.id);
    expect(w1.store.getState().open).toBeNull();
    expect(await w1.repo.get(a.id)).toMatchObject({ deleted: true, note: { text: '京长合作要' } });

    const restored = (await w1.store.restoreLostNote('乙'))!;
    expect(restored.id).not.toBe(a.id);
    expect(restored).toMatchObject({ color: 'blue', tags: ['合作'], author: '甲', note: { text: '京长合作要看落地项目' }, deleted: false });
    expect(restored.anchor.quote).toBe(a.anchor.quote);
    expect(w1.store.getState().lostNote).toBeNull();
    // The delete made in the other window still stands; the restored note shows there too.
    expect(await w1.repo.get(a.id)).toMatchObject({ deleted: true });
    await vi.waitFor(() => expect(w2.store.getState().byId.get(restored.id)?.note.text).toBe('京长合作要看落地项目'));
  });

  it('a note saved before the other window deleted its annotation raises nothing', async () => {
    const name = uniqueName('two');
    const w1 = windowOn(name);
    const w2 = windowOn(name);
    await loaded(w1.store);
    const a = (await w1.store.create(anchorOn('深化京长对口合作'), 'yellow', { author: '甲' }))!;
    w1.store.typeNote(a.id, { json: null, text: '已保存' });
    await w1.store.flushNote();
    await vi.waitFor(() => expect(w2.store.getState().byId.has(a.id)).toBe(true));
    await w2.store.remove(a.id);
    await vi.waitFor(() => expect(w1.store.getState().byId.has(a.id)).toBe(false));
    w1.store.typeNote(a.id, { json: null, text: '已保存' });
    await w1.store.flushNote();
    expect(w1.store.getState().lostNote).toBeNull();
  });

  it('saves a note typed without a pause at least every NOTE_MAX_WAIT_MS', async () => {
    const { store, repo } = windowOn(uniqueName('typing'));
    await loaded(store);
    const a = (await store.create(anchorOn('精准务实抓招商'), 'yellow', { author: '' }))!;
    const started = Date.now();
    let text = '';
    const saved: number[] = [];
    // Type a character every 50 ms for 2.5 s; sample what is on disk.
    while (Date.now() - started < 2500) {
      text += '字';
      store.typeNote(a.id, { json: null, text });
      await new Promise((r) => setTimeout(r, 50));
      saved.push((await repo.get(a.id))!.note.text.length);
    }
    const typed = text.length;
    const onDisk = saved.at(-1)!;
    // Never more than max wait (+ a write) behind while typing goes on.
    expect(typed - onDisk).toBeLessThanOrEqual(Math.ceil((NOTE_MAX_WAIT_MS + 200) / 50));
    expect(onDisk).toBeGreaterThan(0);
    await store.flushNote();
    expect((await repo.get(a.id))!.note.text).toBe(text);
    // One undo step for the whole burst.
    expect(await store.undo()).toBe('编辑批注');
    expect((await repo.get(a.id))!.note.text).toBe('');
  });

  it('a failed write says why and keeps the view on what is stored', async () => {
    const { store } = windowOn(uniqueName('fail'));
    await loaded(store);
    const a = (await store.create(anchorOn('保障粮食安全'), 'yellow', { author: '' }))!;
    const full = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    const failing = createAnnotationStore({
      apply: () => Promise.reject(full),
      observeByReport: () => ({ subscribe: ({ next }) => (next([a]), { unsubscribe() {} }) }),
    });
    stores.push(failing);
    failing.setReport(report);
    await failing.update(a.id, { color: 'red' });
    expect(failing.getState().error).toMatch(/存储空间已满/);
    expect(failing.getState().byId.get(a.id)).toMatchObject({ color: 'yellow' });
  });

  it('a colour, tag or delete refused by a full disk is kept for 重试 and saved once there is room', async () => {
    const name = uniqueName('retry');
    const { store, repo } = windowOn(name);
    await loaded(store);
    const a = (await store.create(anchorOn('保障粮食安全'), 'yellow', { author: '' }))!;
    const full = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    let diskFull = true;
    const flaky = createAnnotationStore({
      apply: (edits) => (diskFull ? Promise.reject(full) : repo.apply(edits)),
      observeByReport: (id) => repo.observeByReport(id),
    });
    stores.push(flaky);
    flaky.setReport(report);
    await loaded(flaky);
    await flaky.update(a.id, { color: 'red' }, { label: '更改颜色' });
    expect(flaky.getState().unsaved).toBe('更改颜色');
    expect(await flaky.retryUnsaved()).toBe(false); // still full
    expect((await repo.get(a.id))!.color).toBe('yellow');
    diskFull = false;
    expect(await flaky.retryUnsaved()).toBe(true);
    expect(flaky.getState().unsaved).toBeNull();
    expect((await repo.get(a.id))!.color).toBe('red');
    // The retried action is one undo step like any other.
    expect(await flaky.undo()).toBe('更改颜色');
    expect((await repo.get(a.id))!.color).toBe('yellow');

    diskFull = true;
    await flaky.remove(a.id);
    expect(flaky.getState().unsaved).toBe('删除批注');
    flaky.dismissUnsaved();
    expect(flaky.getState().unsaved).toBeNull();
    diskFull = false;
    expect(await flaky.retryUnsaved()).toBe(false);
    expect((await repo.get(a.id))!.deleted).toBe(false);
  });

  it('a damaged stored row is set aside, the others show', async () => {
    const name = uniqueName('broken');
    const { db, store } = windowOn(name);
    await loaded(store);
    const a = (await store.create(anchorOn('激发经营主体活力'), 'yellow', { author: '' }))!;
    await db.annotations.put({ ...a, id: 'bad-row', color: 'orange' as never, deleted: 0 });
    await vi.waitFor(() => expect(store.getState().broken.map((b) => b.id)).toEqual(['bad-row']));
    expect([...store.getState().byId.keys()]).toEqual([a.id]);
  });

  it('imports a merge in one step; undo takes it back exactly, leaving nothing that travels', async () => {
    const { store, repo } = windowOn(uniqueName('import'));
    await loaded(store);
    const mine = (await store.create(anchorOn('全面汇聚创新人才'), 'yellow', { author: '甲' }))!;
    const theirs = { ...mine, id: 'from-member', author: '乙', color: 'blue' as const };
    const tombstone = { ...mine, deleted: true, updatedAt: mine.updatedAt + 5000 };
    const changes = await store.importChanges([{ before: null, after: theirs }, { before: mine, after: tombstone }], '导入批注');
    expect(changes).toHaveLength(2);
    expect([...store.getState().byId.keys()]).toEqual(['from-member']);
    expect(await store.undo()).toBe('导入批注');
    // Added record gone outright (no tombstone); mine back exactly as it was (old stamp).
    expect(await repo.get('from-member')).toBeNull();
    expect(await repo.get(mine.id)).toEqual(mine);
    expect([...store.getState().byId.keys()]).toEqual([mine.id]);
    expect(await store.redo()).toBe('导入批注');
    expect(await repo.get('from-member')).toEqual(theirs);
  });

  it('张三 imports 李四’s highlights, undoes, exports; 李四 imports that file and keeps his highlights', async () => {
    const li = windowOn(uniqueName('li'));
    const zhang = windowOn(uniqueName('zhang'));
    await loaded(li.store);
    await loaded(zhang.store);
    await li.store.create(anchorOn('大力发展绿电制氢'), 'yellow', { author: '李四' });
    await li.store.create(anchorOn('深化城乡融合'), 'red', { author: '李四' });
    const liFile = await li.repo.listByReport(report.id, { includeDeleted: true });
    const merged = mergeAnnotations(await zhang.repo.listByReport(report.id, { includeDeleted: true }), liFile);
    await zhang.store.importChanges(merged.changes, '导入批注');
    expect(zhang.store.getState().list).toHaveLength(2);
    await zhang.store.undo();
    const zhangFile = await zhang.repo.listByReport(report.id, { includeDeleted: true });
    const back = mergeAnnotations(await li.repo.listByReport(report.id, { includeDeleted: true }), zhangFile);
    expect(back.changes).toEqual([]);
    await li.store.importChanges(back.changes, '导入批注');
    expect(li.store.getState().list).toHaveLength(2);
  });

  it('an import never overwrites a record changed in another window since the merge was computed', async () => {
    const { store, repo } = windowOn(uniqueName('import-race'));
    await loaded(store);
    const mine = (await store.create(anchorOn('保障粮食安全'), 'yellow', { author: '甲' }))!;
    await store.update(mine.id, { color: 'green' });
    const changes = await store.importChanges([{ before: mine, after: { ...mine, color: 'red', updatedAt: mine.updatedAt + 9999 } }], '导入批注');
    expect(changes).toEqual([]);
    expect(await repo.get(mine.id)).toMatchObject({ color: 'green' });
  });
});

describe('annotations made under an older id of the same text', () => {
  it('come along when the report is opened under its content id; other texts’ annotations stay', async () => {
    const name = uniqueName('adopt');
    const db = new YanduDB({ name });
    dbs.push(db);
    const repo = new AnnotationRepository(db);
    const mine = { ...newAnnotationOn('大力发展绿电制氢'), reportId: '长治市政府工作报告' };
    const other = { ...newAnnotationOn('深化城乡融合'), reportId: 'another-report', anchor: { ...newAnnotationOn('深化城乡融合').anchor, fingerprint: 'other-text' } };
    await repo.apply([{ kind: 'create', record: mine }, { kind: 'create', record: other }]);
    const store = createAnnotationStore(repo);
    stores.push(store);
    store.setReport(report);
    await vi.waitFor(() => expect([...store.getState().byId.keys()]).toEqual([mine.id]));
    expect(await repo.get(mine.id)).toMatchObject({ reportId: report.id, updatedAt: mine.updatedAt });
    expect(await repo.get(other.id)).toMatchObject({ reportId: 'another-report' });
  });
});

describe('first read: a quick look, then the full check', () => {
  it('a row whose note fails the full check (unknown node type) ends up under 待修复, not as an annotation', async () => {
    const name = uniqueName('quick');
    const db = new YanduDB({ name });
    dbs.push(db);
    const good = newAnnotationOn('保障粮食安全');
    const bad = { ...newAnnotationOn('深化城乡融合'), id: 'bad-note', note: { json: '{"root":{"type":"root","children":[{"type":"image"}]}}', text: '组员的批注' } };
    await db.annotations.bulkPut([good, bad].map((a) => ({ ...a, deleted: 0 as const })));
    const store = createAnnotationStore(new AnnotationRepository(db));
    stores.push(store);
    store.setReport(report);
    await vi.waitFor(() => expect(store.getState().broken.map((b) => b.id)).toEqual(['bad-note']));
    expect([...store.getState().byId.keys()]).toEqual([good.id]);
    expect(store.getState().broken[0].reason).toMatch(/不支持的节点类型/);
  });
});
