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
    await repo.remove('a');
    expect((await repo.list('r')).map((d) => d.id)).toEqual(['b']);
  });
});
