// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { AnnotationRepository, ReadingPositionRepository, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3_DRAFTS, SCHEMA_VERSION, SettingsRepository, YanduDB } from '../../../renderer/db';
import { annotationOn, report } from '../../shared/annotations/fixtures';
import { createV1Database } from './fixtures/v1-database';
import { openDb, uniqueName } from './helpers';

describe('YanduDB schema', () => {
  it('declares its versions explicitly with the documented tables and indexes (version 1 kept inside them)', async () => {
    const db = openDb();
    await db.open();
    expect(SCHEMA_VERSION).toBe(3);
    expect(SCHEMA_V2).toMatchObject(SCHEMA_V1);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const layout = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => (i.multi ? `*${i.name}` : i.name))].join(', ')]),
    );
    expect(layout).toEqual({ ...SCHEMA_V2, ...SCHEMA_V3_DRAFTS });
  });

  it('opens with strict transaction durability', () => {
    const db = openDb();
    expect((db as unknown as { _options: { chromeTransactionDurability?: string } })._options.chromeTransactionDurability).toBe('strict');
  });

  it('opens a database written by version 1 (fixture built without the schema code) and reads everything', async () => {
    const name = uniqueName('v1-fixture');
    const live = annotationOn('大力发展绿电制氢', { tags: ['氢能'] });
    const dead = annotationOn('抢占未来竞争制高点');
    await createV1Database(name, {
      annotations: [
        { ...live, deleted: 0 },
        { ...dead, deleted: 1 },
      ],
      settings: [{ key: 'fontSize', value: 20, updatedAt: 1 }],
      readingPositions: [{ reportId: report.id, paragraphId: 'p3-3-3', offsetRatio: 0.3, updatedAt: 1 }],
    });
    const warn = vi.spyOn(console, 'warn');
    const db = openDb(name);
    const repo = new AnnotationRepository(db);
    expect((await repo.listByReport(report.id)).map((a) => a.id)).toEqual([live.id]);
    expect(await repo.get(dead.id)).toEqual({ ...dead, deleted: true });
    expect(await db.annotations.where('tags').equals('氢能').primaryKeys()).toEqual([live.id]);
    expect(await new SettingsRepository(db).get('fontSize')).toBe(20);
    expect(await new ReadingPositionRepository(db).load(report.id)).toMatchObject({ paragraphId: 'p3-3-3' });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.shelf.count()).toBe(0);
    // The upgrade added the drafts table, empty and writable.
    expect(await db.drafts.count()).toBe(0);
    await db.drafts.put({ id: 'd1', reportId: report.id, kind: 'proposal', title: '建议', json: '{}', createdAt: 1, updatedAt: 1 });
    expect(await db.drafts.where('reportId').equals(report.id).count()).toBe(1);
    expect(await db.annotations.count()).toBe(2);
    // Dexie warns when the installed layout differs from the declared one.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('upgrades a version-1 database written by the version-1 schema code, keeping every row', async () => {
    const name = uniqueName('v1-dexie');
    // Version 1 as the previous build declared it, written through Dexie as that build did.
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const rows = [annotationOn('大力发展绿电制氢'), annotationOn('发展壮大数字经济', { tags: ['数字'] }), annotationOn('抢占未来竞争制高点')].map((a, i) => ({ ...a, deleted: (i === 2 ? 1 : 0) as 0 | 1 }));
    await old.table('annotations').bulkPut(rows);
    await old.table('settings').bulkPut([{ key: 'fontSize', value: 21, updatedAt: 1 }, { key: 'theme', value: 'dark', updatedAt: 2 }]);
    await old.table('readingPositions').put({ reportId: 'r-0123456789abcdef', paragraphId: 'p1-0-2', offsetRatio: 0.5, updatedAt: 3 });
    const before = { a: await old.table('annotations').toArray(), s: await old.table('settings').toArray(), p: await old.table('readingPositions').toArray() };
    expect(old.verno).toBe(1);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect({ a: await db.annotations.toArray(), s: await db.settings.toArray(), p: await db.readingPositions.toArray() }).toEqual(before);
    expect(await db.annotations.where('tags').equals('数字').count()).toBe(1);
    expect(await db.annotations.where('[reportId+deleted]').equals([report.id, 0]).count()).toBe(2);
    await db.shelf.put({ id: 'r-0123456789abcdef', title: 't', originalTitle: 't', year: 2026, region: '', format: 'txt', fingerprint: '0123456789abcdef', addedAt: 1, removedAt: 0, openedAt: 0, bundled: false, previousEdition: '' });
    expect(await db.shelf.where('removedAt').equals(0).count()).toBe(1);
  });

  it('a database created by today’s schema code reopens with data intact', async () => {
    const name = uniqueName('v1-code');
    const first = new YanduDB({ name });
    await new AnnotationRepository(first).apply([{ kind: 'create', record: annotationOn('发展壮大数字经济') }]);
    first.close();
    const again = openDb(name);
    expect(await new AnnotationRepository(again).listByReport(report.id)).toHaveLength(1);
  });
});
