import { describe, expect, it } from 'vitest';
import { BigramIndex } from '../../../shared/search/bigram-index';
import { bundledReport } from './fixture';

describe('BigramIndex', () => {
  const texts = bundledReport().paragraphs.map((p) => p.text);
  const index = new BigramIndex(texts);

  it.each(['营商环境', '发展', '新能源', 'PM2.5', '“十五五”', '煤炭绿色智能转型', '不存在的词语'])(
    'candidates for %s are a superset of the texts containing it, all of whose bigrams occur',
    (q) => {
      const cands = index.candidates(q)!;
      const containing = texts.flatMap((t, i) => (t.includes(q) ? [i] : []));
      for (const i of containing) expect(cands).toContain(i);
      for (const i of cands) {
        for (let k = 0; k + 1 < q.length; k++) expect(texts[i]).toContain(q.slice(k, k + 2));
      }
      expect([...cands].sort((a, b) => a - b)).toEqual(cands);
    },
  );

  it('returns null (no restriction) for a single character and [] for an unknown bigram', () => {
    expect(index.candidates('煤')).toBeNull();
    expect(index.candidates('')).toBeNull();
    expect(index.candidates('㍿㍿')).toEqual([]);
  });

  it('looks a long paste up by a sample of its bigrams: still every text containing it', () => {
    const report = bundledReport();
    const long = report.paragraphs.filter((p) => p.text.length > 200).slice(0, 6);
    for (const p of long) {
      const cands = index.candidates(p.text)!;
      expect(cands).toContain(texts.indexOf(p.text));
      expect(cands.length).toBeLessThan(texts.length / 10);
    }
  });

  it('lists each text once per bigram even when it repeats', () => {
    const small = new BigramIndex(['发展发展发展', '发展', '无关']);
    expect([...small.postingsAt('发展', 0)]).toEqual([0, 1]);
  });
});
