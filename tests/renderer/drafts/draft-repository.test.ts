import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DraftRepository } from '../../../renderer/drafts/draft-repository';
import { seedDraftJson } from '../../../shared/drafts';
import { openDb } from '../db/helpers';

describe('draft repository', () => {
  it('lists a report’s drafts newest first, saves typed text without going back in time, deletes', async () => {
    const repo = new DraftRepository(openDb());
    const json = seedDraftJson('proposal', '关于……的建议', []);
    await repo.put({ id: 'a', reportId: 'r', kind: 'proposal', title: '甲', json, createdAt: 1, updatedAt: 10 });
    await repo.put({ id: 'b', reportId: 'r', kind: 'outline', title: '乙', json, createdAt: 2, updatedAt: 20 });
    await repo.put({ id: 'c', reportId: 'other', kind: 'outline', title: '丙', json, createdAt: 3, updatedAt: 30 });
    expect((await repo.list('r')).map((d) => d.id)).toEqual(['b', 'a']);
    await repo.saveText('a', '{"root":{"children":[]}}', '新标题', 30);
    expect((await repo.list('r')).map((d) => [d.id, d.title, d.updatedAt])).toEqual([['a', '新标题', 30], ['b', '乙', 20]]);
    // A clock behind the stored time never makes the row look older.
    await repo.saveText('b', json, '乙2', 5);
    expect((await repo.list('r')).find((d) => d.id === 'b')?.updatedAt).toBe(20);
    await repo.saveText('missing', json, 'x', 40);
    await repo.remove('a', 50);
    expect((await repo.list('r')).map((d) => d.id)).toEqual(['b']);
  });

  it('keeps a deleted draft under 最近删除 with its text until restored or deleted for good', async () => {
    const repo = new DraftRepository(openDb());
    const json = seedDraftJson('proposal', '关于……的建议', []);
    await repo.put({ id: 'a', reportId: 'r', kind: 'proposal', title: '甲', json, createdAt: 1, updatedAt: 10 });
    await repo.put({ id: 'b', reportId: 'r', kind: 'outline', title: '乙', json, createdAt: 2, updatedAt: 20 });
    // Purging a live draft does nothing: only one already deleted goes for good.
    await repo.purge('a');
    expect((await repo.list('r')).map((d) => d.id)).toEqual(['b', 'a']);
    await repo.remove('a', 100);
    await repo.remove('b', 200);
    expect((await repo.list('r')).map((d) => d.id)).toEqual([]);
    expect((await repo.list('r', 'deleted')).map((d) => [d.id, d.json, d.deletedAt])).toEqual([['b', json, 200], ['a', json, 100]]);
    // A save arriving after the deletion (the editor flushing as it closes) keeps it deleted.
    await repo.saveText('a', '{"root":{"children":[]}}', '甲2', 300);
    expect((await repo.list('r', 'deleted')).find((d) => d.id === 'a')).toMatchObject({ title: '甲2', deletedAt: 100 });
    await repo.restore('a');
    expect((await repo.list('r')).map((d) => [d.id, d.title])).toEqual([['a', '甲2']]);
    expect((await repo.list('r'))[0].deletedAt).toBeUndefined();
    await repo.purge('b');
    expect(await repo.list('r', 'deleted')).toEqual([]);
  });
});
