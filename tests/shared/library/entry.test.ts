import { describe, expect, it } from 'vitest';
import { admit, cleanTitle, editionKey, entryFromReport, reportRegion, reportYear, shelfEntrySchema, SHELF_ID_PATTERN } from '../../../shared/library/entry';
import { report as bundled } from '../annotations/fixtures';
import { corpusReport, corpusText, readReport } from './helpers';

describe('shelf entries', () => {
  it.each([
    ['山西省', '2026年山西省政府工作报告', '山西省'],
    ['内蒙古自治区', '', '内蒙古自治区'],
    ['上海市', '', '上海市'],
  ])('a corpus report (%s) gets title, year and region', async (province, _t, region) => {
    const r = await corpusReport(province);
    const e = entryFromReport(r, 1000);
    expect(e.id).toMatch(/^r-[0-9a-f]+$/);
    expect(SHELF_ID_PATTERN.test(e.id)).toBe(true);
    expect(e.year).toBe(2026);
    expect(e.region).toBe(region);
    expect(e).toMatchObject({ format: 'txt', addedAt: 1000, removedAt: 0, bundled: false, title: r.title, originalTitle: r.title });
    expect(shelfEntrySchema.parse(e)).toEqual(e);
  });

  it('the bundled report keeps its folder id and is marked bundled', () => {
    const e = entryFromReport({ ...bundled, title: '长治市2026年政府工作报告' }, 5, { year: 2026, city: '长治市' });
    expect(e).toMatchObject({ id: bundled.id, bundled: true, year: 2026, region: '长治市' });
    expect(reportRegion('长治市2026年政府工作报告')).toBe('长治市');
  });

  it.each([
    ['2025年河北省政府工作报告', 2025, '河北省'],
    ['关于长治市2026年国民经济和社会发展计划执行情况的报告', 2026, '长治市'],
    ['政府工作报告', 0, ''],
  ])('%s → %i, %s', (title, year, region) => {
    expect(reportYear({ title, text: '' })).toBe(year);
    expect(reportRegion(title)).toBe(region);
  });

  it('draft marks do not make another title', () => {
    expect(editionKey('2026年山西省政府工作报告（征求意见稿）')).toBe(editionKey('2026年山西省 政府工作报告'));
  });

  it('cleans a new title', () => {
    expect(cleanTitle('  山西  2026 ')).toBe('山西 2026');
    expect(cleanTitle('   ')).toBeNull();
    expect(cleanTitle('长'.repeat(201))).toBeNull();
  });
});

describe('admit', () => {
  it('knows the same text, offers another edition of the same title and year, else new', async () => {
    const original = await corpusReport('山西省');
    const entry = entryFromReport(original, 1);
    const other = entryFromReport(await corpusReport('河北省'), 2);
    expect(admit([entry, other], original)).toEqual({ kind: 'known', entry });
    const edited = await readReport(corpusText('山西省').replace('现在，我代表', '现在，我谨代表'), '山西 修订稿.txt');
    expect(edited.id).not.toBe(original.id);
    expect(edited.title).toBe(original.title);
    expect(admit([entry, other], edited)).toEqual({ kind: 'edition', entry });
    // The edition in the 回收站 is not offered.
    expect(admit([{ ...entry, removedAt: 9 }, other], edited)).toEqual({ kind: 'new' });
    expect(admit([other], edited)).toEqual({ kind: 'new' });
  });

  it('a renamed entry is still matched by its own title', async () => {
    const original = await corpusReport('吉林省');
    const entry = { ...entryFromReport(original, 1), title: '吉林（我的笔记）' };
    const edited = await readReport(corpusText('吉林省').replace('现在，我代表', '现在，我谨代表'), 'x.txt');
    expect(admit([entry], edited).kind).toBe('edition');
  });
});
