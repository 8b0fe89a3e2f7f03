import { describe, expect, it } from 'vitest';
import { paragraphRuns } from '../../../renderer/reader/paragraph-runs';
import type { Paragraph } from '../../../shared/report/model';

const para = (over: Partial<Paragraph> = {}): Paragraph => ({
  id: 'p3-1-1',
  kind: 'body',
  label: '三(一)¶1',
  text: '多措并举促消费。PM2.5浓度下降,丰炉煤气利用。',
  start: 0,
  part: 3,
  item: 1,
  headingEnd: 0,
  lead: { start: 0, end: 8 },
  marker: null,
  subscripts: [{ start: 10, end: 13 }],
  sentences: [],
  ...over,
});

describe('paragraphRuns', () => {
  it('tiles the paragraph exactly, whatever the ranges', () => {
    const p = para();
    const runs = paragraphRuns(p, [{ paragraphId: p.id, start: 19, end: 23, note: '疑为“焦炉煤气”' }], [
      { id: 'a', start: 4, end: 12 },
      { id: 'b', start: 6, end: 40 },
    ]);
    expect(runs[0].start).toBe(0);
    expect(runs.at(-1)!.end).toBe(p.text.length);
    for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBe(runs[i - 1].end);
  });

  it.each([
    // [offset inside the run, bold, subscript, remark, markIds]
    [1, true, false, null, []],
    [5, true, false, null, ['a']],
    [7, true, false, null, ['a', 'b']],
    [11, false, true, null, ['a', 'b']],
    [20, false, false, '疑为“焦炉煤气”', ['b']],
  ] as const)('run at %i: bold %s, subscript %s, remark %s, marks %j', (at, bold, sub, remark, ids) => {
    const p = para();
    const runs = paragraphRuns(p, [{ paragraphId: p.id, start: 19, end: 23, note: '疑为“焦炉煤气”' }], [
      { id: 'a', start: 4, end: 12 },
      { id: 'b', start: 6, end: 40 },
    ]);
    const run = runs.find((r) => r.start <= at && at < r.end)!;
    expect(run.bold).toBe(bold);
    expect(run.subscript).toBe(sub);
    expect(run.remark).toBe(remark);
    expect(run.markIds).toEqual(ids);
  });

  it('marks the inline item heading and ignores empty marks', () => {
    const p = para({ text: '(一)在推动转型发展上实现更大突破。围绕…', headingEnd: 18, lead: null, subscripts: [] });
    const runs = paragraphRuns(p, [], [{ id: 'z', start: 3, end: 3 }]);
    expect(runs.filter((r) => r.heading).map((r) => p.text.slice(r.start, r.end)).join('')).toBe('(一)在推动转型发展上实现更大突破。');
    expect(runs.every((r) => r.markIds.length === 0)).toBe(true);
  });
});
