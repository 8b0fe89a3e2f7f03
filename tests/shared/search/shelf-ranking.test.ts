/**
 * Ranking over a shelf of real reports: only the shown hits are ranked in full (bounded top-k),
 * and a query whose exact hits fill the list skips the all-words and near-miss passes. The list
 * must be the one ranking every hit gives: here checked against sentences found independently.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_ENOUGH, SearchEngine, topK } from '../../../shared/search/engine';
import type { Report } from '../../../shared/report/model';
import { bundledReport } from './fixture';
import { corpusReport } from '../library/helpers';

async function shelf(): Promise<Report[]> {
  return [bundledReport(), await corpusReport('山西省'), await corpusReport('江苏省'), await corpusReport('湖北省'), await corpusReport('浙江省'), await corpusReport('上海市'), await corpusReport('安徽省')];
}

/** Keys of the sentences containing `word`, in reading order (report by report). */
function sentencesWith(reports: readonly Report[], word: string): string[] {
  return reports.flatMap((r) => r.paragraphs.flatMap((p) => p.sentences.filter((s) => p.text.slice(s.start, s.end).includes(word)).map((s) => `${r.id}:${s.id}`)));
}

describe('ranking on a shelf', () => {
  it('a common word: the first 200 sentences in reading order, exact only, total = every sentence with it', async () => {
    const reports = await shelf();
    const e = new SearchEngine();
    e.setReports(reports);
    const expected = sentencesWith(reports, '发展');
    expect(expected.length).toBeGreaterThan(EXACT_ENOUGH * 2);
    const res = e.search('发展', { limit: 200 });
    expect(res.results.map((r) => r.key)).toEqual(expected.slice(0, 200));
    expect(res.results.every((r) => r.kind === 'exact')).toBe(true);
    expect(res.total).toBe(expected.length);
    expect(res.groups.reduce((n, g) => n + g.count, 0)).toBe(expected.length);
    expect(new Set(res.results.map((r) => r.reportId)).size).toBeGreaterThan(1);
  });

  it('a word with many exact hits lists no near misses or all-words hits, even without a limit', async () => {
    // the shelf three times over (as editions would be): 科技创新 then has over 200 exact hits
    const base = await shelf();
    const reports = [0, 1, 2].flatMap((n) => base.map((r) => ({ ...r, id: `${r.id}-${n}` })));
    const e = new SearchEngine();
    e.setReports(reports);
    const expected = sentencesWith(reports, '科技创新');
    expect(expected.length).toBeGreaterThanOrEqual(EXACT_ENOUGH);
    const res = e.search('科技创新');
    expect(res.results.map((r) => r.kind)).toEqual(expected.map(() => 'exact'));
    expect(res.results.map((r) => r.key)).toEqual(expected);
    // on one report the same word has fewer exact hits: the other passes still run there
    const one = new SearchEngine();
    one.setReports([reports[1]]);
    const few = one.search('科技创新');
    expect(few.results.filter((r) => r.kind === 'exact').length).toBeLessThan(EXACT_ENOUGH);
    expect(few.results.some((r) => r.kind !== 'exact')).toBe(true);
  });

  it('topK gives the first k of a full sort, ties in input order', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ v: (i * 7919) % 97, i }));
    const cmp = (a: { v: number; i: number }, b: { v: number; i: number }) => a.v - b.v || a.i - b.i;
    const sorted = [...items].sort(cmp);
    for (const k of [0, 1, 5, 200, 4999, 5000, 6000]) expect(topK(items, k, cmp)).toEqual(sorted.slice(0, k));
  });
});
