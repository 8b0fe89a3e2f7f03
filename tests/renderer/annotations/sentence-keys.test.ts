import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segmentReport } from '../../../shared/report/segment';
import { sentenceList, stepSentence } from '../../../renderer/annotations/use-sentence-keys';

const report = segmentReport(readFileSync('resources/reports/changzhi-2026/source.txt', 'utf8'), { id: 'changzhi-2026' });

describe('keyboard sentence selection', () => {
  it('lists every sentence of the report in reading order', () => {
    const list = sentenceList(report);
    expect(list.length).toBe(report.paragraphs.reduce((n, p) => n + p.sentences.length, 0));
    expect(report.paragraphs[0].text.slice(list[0].start, list[0].end)).toBe('新增进出口实绩企业78家,进出口总额较“十三五”增长84%。');
  });

  it.each([
    [-1, 1, 0],
    [-1, -1, 9],
    [0, 1, 1],
    [0, -1, 0],
    [9, 1, 9],
    [4, -1, 3],
  ] as const)('from %i step %i → %i (of 10)', (from, dir, to) => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ paragraphId: 'p', start: i, end: i + 1 }));
    expect(stepSentence(ten, from, dir)).toBe(to);
  });

  it('has nowhere to go in an empty list', () => {
    expect(stepSentence([], 0, 1)).toBe(-1);
  });
});
