import { describe, expect, it } from 'vitest';
import { entryFromReport, reportRegion } from '../../../shared/library/entry';
import type { ShelfEntry } from '../../../shared/library/entry';
import { previousYearEntry, regionKey } from '../../../shared/library/year-pair';

const entry = (id: string, title: string, year: number, more: Partial<ShelfEntry> = {}): ShelfEntry => ({
  id,
  title,
  originalTitle: title,
  year,
  region: reportRegion(title),
  format: 'txt',
  fingerprint: id,
  addedAt: 1,
  removedAt: 0,
  openedAt: 0,
  bundled: false,
  previousEdition: '',
  ...more,
});

describe('last year’s report on the 书架 (两年对照)', () => {
  const bundled = { ...entry('changzhi-2026', '长治市2026年政府工作报告', 2026), region: '长治', bundled: true };

  it('finds the same place’s report of the year before, whatever the title’s word order', () => {
    const last = entry('r-aa', '2025年长治市人民政府工作报告', 2025);
    const shelf = [bundled, last, entry('r-bb', '2025年山西省政府工作报告', 2025), entry('r-cc', '长治市2024年政府工作报告', 2024)];
    expect(previousYearEntry(shelf, bundled)?.id).toBe('r-aa');
    expect(regionKey('长治市')).toBe(regionKey('长治'));
  });

  it('takes the newest edition, never one in the 回收站, and nothing when the year or place is unknown', () => {
    const draft = entry('r-draft', '长治市2025年政府工作报告（征求意见稿）', 2025, { addedAt: 5 });
    const final = entry('r-final', '长治市2025年政府工作报告', 2025, { addedAt: 3, previousEdition: 'r-draft' });
    expect(previousYearEntry([bundled, draft, final], bundled)?.id).toBe('r-final');
    expect(previousYearEntry([bundled, { ...final, removedAt: 9 }], bundled)).toBeNull();
    expect(previousYearEntry([bundled, final], { ...bundled, year: 0 })).toBeNull();
    expect(previousYearEntry([bundled, final], { ...bundled, region: '' })).toBeNull();
    expect(previousYearEntry([bundled, entry('r-x', '长治市2025年国民经济和社会发展计划', 2025, { region: '' })], bundled)).toBeNull();
  });

  it('reads year and place from a report title as the shelf stores them', () => {
    const e = entryFromReport({ id: 'r-1', title: '长治市2025年政府工作报告', text: '', fingerprint: 'f', format: 'txt' } as never, 1);
    expect(previousYearEntry([bundled, e], bundled)?.id).toBe('r-1');
  });
});
