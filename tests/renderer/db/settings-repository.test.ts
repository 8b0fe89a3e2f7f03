// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND } from '../../../shared/annotations/model';
import { DEFAULT_SETTINGS, ReadingPositionRepository, SettingsRepository } from '../../../renderer/db';
import { openDb, uniqueName } from './helpers';

describe('SettingsRepository', () => {
  it('returns defaults when nothing is stored, as copies', async () => {
    const s = new SettingsRepository(openDb());
    const legend = await s.get('legend');
    expect(legend).toEqual(DEFAULT_LEGEND);
    legend[0].meaning = '改了';
    expect((await s.get('legend'))[0].meaning).toBe('重点');
    expect(await s.getAll()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores typed values and reads them back after reopening', async () => {
    const name = uniqueName('settings');
    const s1 = new SettingsRepository(openDb(name));
    const legend = DEFAULT_LEGEND.map((e) => (e.color === 'red' ? { ...e, meaning: '待核实' } : { ...e }));
    await s1.set('legend', legend);
    await s1.set('authorName', '  李代表 ');
    await s1.set('fontSize', 22);
    await s1.set('theme', 'dark');
    await s1.set('outlineCollapsed', { 'changzhi-2026': ['h2', 'h3-1'] });
    await s1.set('panels', { outlineOpen: false, annotationsOpen: true, outlineWidth: 240, annotationsWidth: 400 });
    const layout = { ...DEFAULT_SETTINGS.layout, narrow: { outlineOpen: true, annotationsOpen: false } };
    await s1.set('layout', layout);
    const s2 = new SettingsRepository(openDb(name));
    expect(await s2.getAll()).toEqual({
      legend,
      authorName: '李代表',
      fontSize: 22,
      theme: 'dark',
      outlineCollapsed: { 'changzhi-2026': ['h2', 'h3-1'] },
      panels: { outlineOpen: false, annotationsOpen: true, outlineWidth: 240, annotationsWidth: 400 },
      layout,
    });
    await s2.reset('fontSize');
    expect(await s2.get('fontSize')).toBe(18);
  });

  it('changes one key read-modify-write: two windows changing different fields of it keep both', async () => {
    const name = uniqueName('settings');
    const a = new SettingsRepository(openDb(name));
    const b = new SettingsRepository(openDb(name));
    await Promise.all([
      a.change('layout', (l) => ({ ...l, narrow: { ...l.narrow, outlineOpen: true } })),
      b.change('layout', (l) => ({ ...l, wide: { ...l.wide, annotationsOpen: false } })),
    ]);
    expect(await a.get('layout')).toMatchObject({ narrow: { outlineOpen: true }, wide: { annotationsOpen: false } });
  });

  it.each([
    ['fontSize', 100],
    ['fontSize', 17.5],
    ['theme', 'blue'],
    ['legend', DEFAULT_LEGEND.slice(0, 2)],
    ['panels', { outlineOpen: true, annotationsOpen: true, outlineWidth: 10, annotationsWidth: 300 }],
  ] as const)('rejects an invalid %s', async (key, value) => {
    const s = new SettingsRepository(openDb());
    await expect(s.set(key, value as never)).rejects.toThrow(new RegExp(`Setting ${key} rejected`));
  });

  it('reads a corrupted stored value as the default', async () => {
    const db = openDb();
    await db.settings.put({ key: 'fontSize', value: 'huge', updatedAt: 1 });
    await db.settings.put({ key: 'legend', value: [{ color: 'yellow' }], updatedAt: 1 });
    const s = new SettingsRepository(db);
    expect(await s.get('fontSize')).toBe(18);
    expect(await s.get('legend')).toEqual(DEFAULT_LEGEND);
  });
});

describe('ReadingPositionRepository', () => {
  it('saves and loads per report, clamping the ratio', async () => {
    const name = uniqueName('pos');
    const r1 = new ReadingPositionRepository(openDb(name), () => 42);
    await r1.save({ reportId: 'changzhi-2026', paragraphId: 'p3-3-3', offsetRatio: 1.7 });
    await r1.save({ reportId: 'other', paragraphId: 'h2', offsetRatio: 0.25 });
    await r1.save({ reportId: 'changzhi-2026', paragraphId: 'p3-3-4', offsetRatio: 0.5 });
    const r2 = new ReadingPositionRepository(openDb(name));
    expect(await r2.load('changzhi-2026')).toEqual({ reportId: 'changzhi-2026', paragraphId: 'p3-3-4', offsetRatio: 0.5, updatedAt: 42 });
    expect(await r2.load('other')).toMatchObject({ paragraphId: 'h2', offsetRatio: 0.25 });
    expect(await r2.load('none')).toBeNull();
  });

  it('rejects empty ids and NaN', async () => {
    const r = new ReadingPositionRepository(openDb());
    await expect(r.save({ reportId: '', paragraphId: 'h2', offsetRatio: 0 })).rejects.toThrow(/reportId/);
    await expect(r.save({ reportId: 'x', paragraphId: 'h2', offsetRatio: Number.NaN })).rejects.toThrow(/offsetRatio/);
  });
});
