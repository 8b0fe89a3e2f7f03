// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationRepository, YanduDB } from '../../../renderer/db';
import { createAnnotationStore, type AnnotationStore } from '../../../renderer/annotations/annotation-store';
import { flagOf, flagRow, plainNoteJson } from '../../../renderer/targets/flag';
import { DEFAULT_VIEW, valueKey, viewRows } from '../../../renderer/targets/table-view';
import { validateNoteJson } from '../../../shared/annotations';
import { extractTargets } from '../../../shared/targets';
import { report } from '../../shared/annotations/fixtures';
import { uniqueName } from '../db/helpers';

const rows = extractTargets(report);
const stores: AnnotationStore[] = [];
const dbs: YanduDB[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
  for (const db of dbs.splice(0)) db.close();
});

describe('targets table view', () => {
  it('filters by part, category and search, and sorts with reading order as tie-breaker', () => {
    const plan = viewRows(rows, { ...DEFAULT_VIEW, category: '年度主要预期目标' });
    expect(plan.map((r) => r.value)).toEqual(['6%左右', '6%以上', '6%左右', '2%左右', '增速高于经济增长水平', '2%左右', '4.3万人以上']);
    expect(viewRows(rows, { ...DEFAULT_VIEW, part: 1 }).every((r) => r.category === '上年完成情况')).toBe(true);
    expect(viewRows(rows, { ...DEFAULT_VIEW, query: 'ｐｍ2.5' }).map((r) => r.indicator)).toContain('PM2.5浓度');
    const byValue = viewRows(plan, { ...DEFAULT_VIEW, sort: 'value' });
    // One unit together (percentages first), qualitative rows last in either direction.
    expect(byValue.map((r) => r.value)).toEqual(['2%左右', '2%左右', '6%左右', '6%以上', '6%左右', '4.3万人以上', '增速高于经济增长水平']);
    const down = viewRows(plan, { ...DEFAULT_VIEW, sort: 'value', descending: true });
    expect(down.map((r) => r.value)).toEqual(['6%左右', '6%以上', '6%左右', '2%左右', '2%左右', '4.3万人以上', '增速高于经济增长水平']);
    expect(viewRows(plan, { ...DEFAULT_VIEW, sort: 'indicator' })[0].indicator).toBe('城乡居民人均可支配收入');
  });
});

describe('sorting by 数值 on a provincial report', () => {
  it('applies the scale (万亿 > 亿 > 万) and never compares figures of different units', async () => {
    const { corpusReport } = await import('../../shared/library/helpers');
    const all = extractTargets(await corpusReport('江苏省'));
    expect(valueKey({ number: 1.2, unit: '万亿元' })).toEqual({ unit: '元', amount: 1.2e12 });
    expect(valueKey({ number: 500, unit: '万千瓦' })).toEqual({ unit: '千瓦', amount: 5e6 });
    expect(valueKey({ number: 3, unit: '千瓦' })).toEqual({ unit: '千瓦', amount: 3 });
    expect(valueKey({ number: null, unit: '' })).toBeNull();
    const sorted = viewRows(all, { ...DEFAULT_VIEW, sort: 'value' }).filter((r) => r.number !== null).map((r) => valueKey(r)!);
    expect(sorted.length).toBeGreaterThan(20);
    // Each unit is one run, and inside it the amounts never go down.
    const runs = sorted.map((k) => k.unit).filter((u, i, a) => i === 0 || a[i - 1] !== u);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs[0]).toBe('%');
    for (let i = 1; i < sorted.length; i++) if (sorted[i].unit === sorted[i - 1].unit) expect(sorted[i].amount).toBeGreaterThanOrEqual(sorted[i - 1].amount);
    // 亿元 and 万亿元 figures share the 元 run.
    const yuan = sorted.filter((k) => k.unit === '元');
    expect(yuan.length).toBeGreaterThan(1);
  });
});

describe('flagging a row', () => {
  it('stores an annotation on the figure with the flag as tag and the note; flagging again updates it', async () => {
    const db = new YanduDB({ name: uniqueName('flags') });
    dbs.push(db);
    const store = createAnnotationStore(new AnnotationRepository(db));
    stores.push(store);
    store.setReport(report);
    await vi.waitFor(() => expect(store.getState().loaded).toBe(true));
    const gdp = rows.find((r) => r.text === '地区生产总值增长6%左右')!;

    const a = (await flagRow(store, report, gdp, '存疑', '依据？', '王代表'))!;
    expect(a).toMatchObject({ color: 'red', tags: ['存疑'], author: '王代表', note: { text: '依据？' } });
    expect(a.anchor.quote).toBe('6%左右');
    expect(validateNoteJson(a.note.json!).ok).toBe(true);
    expect(flagOf(gdp, store.getState().list)?.flag).toBe('存疑');
    expect(flagOf(rows.find((r) => r.text === '固定资产投资增长6%以上')!, store.getState().list)).toBeNull();

    const b = (await flagRow(store, report, gdp, '关注', '', '王代表'))!;
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ color: 'green', tags: ['关注'], note: { text: '', json: null } });
    expect(store.getState().list).toHaveLength(1);

    // Undo takes the re-flag back, then the flag (highlight, tag and note) in one step.
    expect(await store.undo()).toBe('标记为关注');
    expect(store.getState().byId.get(a.id)?.tags).toEqual(['存疑']);
    expect(await store.undo()).toBe('标记为存疑');
    await vi.waitFor(() => expect(store.getState().list).toHaveLength(0));
  });

  it('writes notes as a Lexical state the note editor reads, one paragraph per line', () => {
    const json = JSON.parse(plainNoteJson('第一行\n第二行'));
    expect(json.root.children.map((p: { children: { text: string }[] }) => p.children[0].text)).toEqual(['第一行', '第二行']);
  });
});
