import { describe, expect, it } from 'vitest';
import { headingWords, samePart } from '../../../shared/library/same-part';
import { corpusReport, corpusText, readReport } from './helpers';

describe('samePart (对照阅读)', () => {
  it('strips numbering and punctuation from headings', () => {
    expect(headingWords('三、2026年工作安排')).toBe('2026年工作安排');
    expect(headingWords('（二）着力推动能源转型。')).toBe('着力推动能源转型');
  });

  it('finds the renumbered part of another edition by its words', async () => {
    const source = corpusText('山西省');
    const prev = await readReport(source, 'a.txt');
    const next = await readReport(source.replace('（九）着力保障和改善民生', '（九）着力加强安全生产\n压紧压实安全生产责任。\n（十）着力保障和改善民生'), 'b.txt');
    const entry = prev.outline.find((e) => e.title.includes('着力保障和改善民生'))!;
    const target = next.paragraphs.find((p) => p.id === samePart(entry, next))!;
    expect(target.text).toBe('（十）着力保障和改善民生');
    // Every part of the old edition finds itself in the new one.
    for (const e of prev.outline.filter((x) => x.level === 1)) {
      const id = samePart(e, next);
      expect(next.outline.find((x) => x.paragraphId === id)?.title).toBe(e.title);
    }
  });

  it('matches the work-plan part of two provinces and refuses a part with nothing alike', async () => {
    const shanxi = await corpusReport('山西省');
    const hebei = await corpusReport('河北省');
    const plan = shanxi.outline.find((e) => e.level === 1 && e.title.includes('2026年'))!;
    const id = samePart(plan, hebei);
    expect(id).not.toBeNull();
    expect(hebei.outline.find((e) => e.paragraphId === id)!.title).toMatch(/2026年/);
    expect(samePart({ level: 2, title: '（九十九）完全无关的标题词语', paragraphId: 'x', label: '九(九十九)' }, hebei)).toBeNull();
  });
});
