/**
 * The 书架全部 index stored between starts: a snapshot taken after building, cloned as IndexedDB
 * would clone it, answers every query exactly as the index it was taken from.
 */
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../shared/search/engine';
import type { Report } from '../../../shared/report/model';
import { bundledReport } from './fixture';
import { corpusReport } from '../library/helpers';

const QUERIES = ['营商环境', '发展', '新质生产力', '营商坏境', '营商环境 优化', '(一)', '恐龙化石公园', '高新技术企业达到400家'];

async function shelf(): Promise<Report[]> {
  return [bundledReport(), await corpusReport('山西省'), await corpusReport('河北省'), await corpusReport('西藏自治区')];
}

describe('SearchEngine snapshot', () => {
  it('restores from a structured clone and gives the same results as the built index', async () => {
    const reports = await shelf();
    const built = new SearchEngine();
    built.setReports(reports);
    const snap = structuredClone(built.snapshot());
    const restored = new SearchEngine();
    expect(restored.restore(snap)).toBe(true);
    const notes = [{ annotationId: 'n1', paragraphId: reports[1].paragraphs[5].id, reportId: reports[1].id, text: '营商环境要再优化', color: 'yellow' as const, tags: [], author: '张三' }];
    built.setNotes(notes);
    restored.setNotes(notes);
    for (const q of QUERIES) expect(restored.search(q, { limit: 200 })).toEqual(built.search(q, { limit: 200 }));
    expect(restored.size).toEqual(built.size);
  });

  it('refuses a snapshot of another layout (then the caller builds)', async () => {
    const e = new SearchEngine();
    e.setReports([bundledReport()]);
    const snap = e.snapshot();
    expect(new SearchEngine().restore({ ...snap, layout: 999 } as unknown as typeof snap)).toBe(false);
    expect(new SearchEngine().restore(null as unknown as typeof snap)).toBe(false);
  });
});
