// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnchor } from '../../../shared/anchoring';
import { newAnnotation, type Annotation } from '../../../shared/annotations';
import { parseBackupName } from '../../../shared/backup';
import type { Result } from '../../../shared/result';
import { AnnotationRepository, YanduDB } from '../../../renderer/db';
import { createAnnotationStore, type AnnotationStore } from '../../../renderer/annotations/annotation-store';
import { createBackupService } from '../../../renderer/backup/backup-service';
import { report } from '../../shared/annotations/fixtures';
import { uniqueName } from '../db/helpers';
import { DraftRepository } from '../../../renderer/drafts/draft-repository';
import { seedDraftJson } from '../../../shared/drafts';

const open: { db: YanduDB; store: AnnotationStore }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.store.dispose();
    o.db.close();
  }
});

/** A host keeping backups in memory. */
function memoryHost() {
  const files = new Map<string, string>();
  const ok = <T>(value: T): Result<T> => ({ ok: true, value });
  return {
    files,
    listBackups: async () => ok([...files.keys()].sort()),
    writeBackup: async (name: string, content: string) => (files.set(name, content), ok(undefined)),
    readBackup: async (name: string) => (files.has(name) ? ok(files.get(name)!) : ({ ok: false, error: 'missing' } as const)),
    removeBackup: async (name: string) => (files.delete(name), ok(undefined)),
  };
}

function setup(clock = { t: new Date(2026, 11, 3, 9, 0, 0) }) {
  const db = new YanduDB({ name: uniqueName('backup') });
  const repository = new AnnotationRepository(db);
  const store = createAnnotationStore(repository);
  open.push({ db, store });
  store.setReport(report);
  const host = memoryHost();
  const service = createBackupService({ host, repository, store, titleOf: () => '长治市2026年政府工作报告', now: () => clock.t });
  return { db, repository, store, host, service, clock };
}

/** `n` annotations spread over the report's sentences. */
function many(n: number): Annotation[] {
  const sentences = report.paragraphs.flatMap((p) => p.sentences.map((s) => ({ p, s })));
  return Array.from({ length: n }, (_, i) => {
    const { p, s } = sentences[i % sentences.length];
    const anchor = createAnchor(report, { startSegmentId: p.id, startOffset: s.start, endSegmentId: p.id, endOffset: Math.min(s.end, s.start + 8) })!;
    return newAnnotation({ reportId: report.id, anchor, color: (['yellow', 'green', 'blue', 'red', 'purple'] as const)[i % 5], author: i % 2 ? '张三' : '李四', note: i % 3 ? undefined : { json: null, text: `批注 ${i}` }, now: 1_700_000_000_000 + i });
  });
}

const rowsOf = async (db: YanduDB) => (await db.annotations.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('backups', () => {
  it('200 annotations: back up, damage the store, restore — identical rows; undo takes the restore back', async () => {
    const { db, repository, store, service, host } = setup();
    await repository.apply(many(200).map((record) => ({ kind: 'create', record })));
    await vi.waitFor(() => expect(store.getState().list).toHaveLength(200));
    const before = await rowsOf(db);
    const made = await service.backUp('manual');
    expect(made.ok).toBe(true);

    // Damage: 30 rows gone, 30 recoloured, 20 broken (invalid colour), one extra row made later.
    const ids = before.map((r) => r.id);
    await db.annotations.bulkDelete(ids.slice(0, 30));
    for (const id of ids.slice(30, 60)) await db.annotations.update(id, { color: 'red', updatedAt: 1_750_000_000_000 });
    for (const id of ids.slice(60, 80)) await db.annotations.update(id, { color: 'orange' as never });
    await repository.apply(many(1).map((record) => ({ kind: 'create', record: { ...record, id: 'made-after-backup' } })));
    expect(await rowsOf(db)).not.toEqual(before);

    const backup = await service.read(made.ok ? made.value : '');
    if (!backup.ok) throw new Error(backup.error);
    const plan = await service.plan(backup.value);
    expect(plan.summary).toMatchObject({ restored: 30, removed: 1 });
    const restored = await service.restore(plan);
    expect(restored).toEqual({ ok: true, value: 30 + 30 + 20 + 1 });
    expect(await rowsOf(db)).toEqual(before);
    await vi.waitFor(() => expect(store.getState().list).toHaveLength(200));
    // A backup of the damaged state was made first.
    expect([...host.files.keys()].some((n) => n.endsWith('-restore.json'))).toBe(true);

    expect(await store.undo()).toBe('恢复备份');
    // The 30 deleted rows go again and the later row comes back; the 20 repaired rows stay repaired.
    await vi.waitFor(async () => expect((await rowsOf(db)).length).toBe(200 - 30 + 1));
    expect((await rowsOf(db)).filter((r) => r.color === ('orange' as never))).toEqual([]);
  });

  it('makes the daily backup once a day and rotates old ones out', async () => {
    const { repository, service, host, clock } = setup();
    await repository.apply(many(3).map((record) => ({ kind: 'create', record })));
    for (let day = 0; day < 20; day++) {
      clock.t = new Date(2026, 10, 1 + day, 9, 0, 0);
      await service.backUpDailyIfDue();
      await service.backUpDailyIfDue();
    }
    const names = [...host.files.keys()].map((n) => parseBackupName(n)!);
    expect(names.every((b) => b.kind === 'daily')).toBe(true);
    // 7 daily + up to 4 weekly of the 13 older days.
    expect(names.length).toBeGreaterThanOrEqual(7 + 2);
    expect(names.length).toBeLessThanOrEqual(7 + 4);
    const days = new Set(names.map((b) => new Date(b.createdAt).getDate()));
    for (let d = 14; d <= 20; d++) expect(days.has(d)).toBe(true);
  });

  it('keeps the drafts of 起草: a draft deleted for good comes back from the backup, one written since stays', async () => {
    const { db, repository, store, host, clock } = setup();
    const drafts = new DraftRepository(db);
    const service = createBackupService({ host, repository, store, titleOf: () => '长治', now: () => clock.t, drafts });
    const json = seedDraftJson('proposal', '关于……的建议', []);
    await drafts.put({ id: 'd1', reportId: report.id, kind: 'proposal', title: '关于停车难的建议', json, createdAt: 1, updatedAt: 2 });
    const made = await service.backUp('manual');
    if (!made.ok) throw new Error(made.error);
    expect(host.files.get(made.value)).toContain('关于停车难的建议');
    // Deleted for good, and a new draft written after the backup.
    await drafts.remove('d1');
    await drafts.purge('d1');
    await drafts.put({ id: 'd2', reportId: report.id, kind: 'outline', title: '审议发言', json, createdAt: 3, updatedAt: 4 });
    const backup = await service.read(made.value);
    if (!backup.ok) throw new Error(backup.error);
    const plan = await service.plan(backup.value);
    expect(plan.changes).toEqual([]);
    expect(plan.drafts.map((d) => d.id)).toEqual(['d1']);
    expect(await service.restore(plan)).toEqual({ ok: true, value: 1 });
    expect((await drafts.list(report.id)).map((d) => d.title).sort()).toEqual(['关于停车难的建议', '审议发言']);
  });
});
