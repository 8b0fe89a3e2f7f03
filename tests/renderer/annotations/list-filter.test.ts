import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAnchor, resolveAnchor } from '../../../shared/anchoring';
import { newAnnotation, type ColorKey } from '../../../shared/annotations';
import { segmentReport } from '../../../shared/report/segment';
import { applyListFilter, sectionKeyOf } from '../../../renderer/annotations/list-filter';

const report = segmentReport(readFileSync('resources/reports/changzhi-2026/source.txt', 'utf8'), { id: 'changzhi-2026' });
const make = (paragraphId: string, color: ColorKey, tags: string[] = []) =>
  newAnnotation({
    reportId: report.id,
    anchor: createAnchor(report, { startSegmentId: paragraphId, startOffset: 0, endSegmentId: paragraphId, endOffset: 6 })!,
    color,
    author: '甲',
    tags,
  });
const list = [make('p3-2-1', 'yellow', ['能源']), make('p3-2-2', 'green'), make('p3-3-1', 'yellow'), make('p2-1-1', 'blue', ['能源'])];
const orphan = { ...make('p3-2-3', 'red'), anchor: { ...make('p3-2-3', 'red').anchor, quote: '本报告中没有的一句话', prefix: '', suffix: '', segmentId: 'p9-9-9', endSegmentId: 'p9-9-9' } };
const all = [...list, orphan];
const resolutions = new Map(all.map((a) => [a.id, resolveAnchor(report, a.anchor)]));

describe('annotation list filter', () => {
  it.each([
    [{}, 5],
    [{ section: '3-2' }, 2],
    [{ section: '3-3' }, 1],
    [{ section: '2-1' }, 1],
    [{ section: '3-2', colors: ['yellow' as ColorKey] }, 1],
    [{ tags: ['能源'] }, 2],
    [{ tags: ['能源'], section: '2-1' }, 1],
    [{ section: '9-9' }, 0],
  ])('%j keeps %i', (f, n) => {
    expect(applyListFilter(report, all, resolutions, f)).toHaveLength(n);
  });

  it('gives orphans no section', () => {
    expect(sectionKeyOf(report, resolutions.get(orphan.id))).toBeNull();
    expect(sectionKeyOf(report, resolutions.get(list[0].id))).toBe('3-2');
  });
});

import { groupHeading } from '../../../renderer/annotations/AnnotationList';

describe('groupHeading', () => {
  it.each([
    ['三(一)', '(一)坚持内需主导、投资拉动,推动经济平稳运行。', '三 （一）坚持内需主导、投资拉动，推动经…'],
    ['二', '二、“十五五”时期经济社会发展目标任务', '二、“十五五”时期经济社会发展目标任…'],
    ['一', '一、（标题见第一版）', '一、（标题见第一版）'],
    ['序', '', '序 '],
  ])('%s + %s → %s', (label, title, out) => {
    expect(groupHeading(label, title)).toBe(out);
  });
});
