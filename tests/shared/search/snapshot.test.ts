/**
 * The 书架全部 index stored between starts, one snapshot per report: restored from a structured
 * clone (as IndexedDB hands it back) it answers every query exactly as the index it was taken
 * from, and a snapshot that does not belong to the report given (changed text, other layout,
 * other segmentation, damaged) is refused, so that report is built again.
 */
import { describe, expect, it } from 'vitest';
import { SearchEngine, SNAPSHOT_LAYOUT, type ReportIndexSnapshot } from '../../../shared/search/engine';
import { segmentReport } from '../../../shared/report/segment';
import type { Report } from '../../../shared/report/model';
import { bundledReport } from './fixture';
import { corpusReport, corpusText } from '../library/helpers';

const QUERIES = ['营商环境', '发展', '新质生产力', '营商坏境', '营商环境 优化', '(一)', '恐龙化石公园', '高新技术企业达到400家'];

async function shelf(): Promise<Report[]> {
  return [bundledReport(), await corpusReport('山西省'), await corpusReport('河北省'), await corpusReport('西藏自治区')];
}

const snapshotsOf = (e: SearchEngine, reports: readonly Report[]) => reports.map((r) => e.snapshot(r.id)!);

describe('SearchEngine report snapshots', () => {
  it('restores every report from structured clones, builds none, and answers as the built index', async () => {
    const reports = await shelf();
    const built = new SearchEngine();
    built.setReports(reports);
    expect(built.builtReports).toEqual(reports.map((r) => r.id));
    const stored = structuredClone(snapshotsOf(built, reports));
    // compact: a few typed arrays per report, not one record per paragraph
    for (const s of stored) expect(Object.keys(s.bigram).sort()).toEqual(['keys', 'postings', 'size', 'starts']);
    const restored = new SearchEngine();
    restored.setReports(reports, stored.reverse());
    expect(restored.builtReports).toEqual([]);
    const notes = [{ annotationId: 'n1', paragraphId: reports[1].paragraphs[5].id, reportId: reports[1].id, text: '营商环境要再优化', color: 'yellow' as const, tags: [], author: '张三' }];
    built.setNotes(notes);
    restored.setNotes(notes);
    for (const q of QUERIES) expect(restored.search(q, { limit: 200 })).toEqual(built.search(q, { limit: 200 }));
    expect(restored.size).toEqual(built.size);
  });

  it('builds again a report whose text changed, and uses the others as stored', async () => {
    const reports = await shelf();
    const first = new SearchEngine();
    first.setReports(reports);
    const stored = structuredClone(snapshotsOf(first, reports));
    // 山西 gets a corrected sentence: same id, another fingerprint
    const text = corpusText('山西省').replace('营商环境', '无人机物流示范线路');
    const edited = { ...segmentReport(text, { id: reports[1].id }), title: reports[1].title };
    expect(edited.fingerprint).not.toBe(reports[1].fingerprint);
    const next = [reports[0], edited, reports[2], reports[3]];
    const e = new SearchEngine();
    e.setReports(next, stored);
    expect(e.builtReports).toEqual([edited.id]);
    const fresh = new SearchEngine();
    fresh.setReports(next);
    for (const q of [...QUERIES, '无人机物流示范线路']) expect(e.search(q)).toEqual(fresh.search(q));
    expect(e.search('无人机物流示范线路').results[0].reportId).toBe(edited.id);
  });

  it('refuses snapshots of another layout, segmentation, report or a damaged one', async () => {
    const report = bundledReport();
    const e = new SearchEngine();
    e.setReports([report]);
    const good = e.snapshot(report.id)!;
    expect(e.snapshot('no-such-report')).toBeNull();
    const bad: unknown[] = [
      { ...good, layout: 999 },
      { ...good, layout: SNAPSHOT_LAYOUT - 1 },
      { ...good, fingerprint: 'other' },
      { ...good, paragraphs: good.paragraphs + 1 },
      { ...good, normChars: good.normChars - 1 },
      { ...good, bigram: { ...good.bigram, postings: Uint32Array.from(good.bigram.postings, () => 1_000_000) } },
      { ...good, bigram: { ...good.bigram, postings: Array.from(good.bigram.postings) } },
      { ...good, bigram: { ...good.bigram, starts: good.bigram.starts.slice(1) } },
      { ...good, bigram: { ...good.bigram, keys: Array.from(good.bigram.keys) } },
      { ...good, bigram: null },
      null,
      'junk',
    ];
    for (const s of bad) {
      const x = new SearchEngine();
      x.setReports([report], [s as ReportIndexSnapshot]);
      expect(x.builtReports).toEqual([report.id]);
      expect(x.search('营商环境')).toEqual(e.search('营商环境'));
    }
    const ok = new SearchEngine();
    ok.setReports([report], [structuredClone(good)]);
    expect(ok.builtReports).toEqual([]);
  });

  it('takes titles from the reports given, not from the stored index (a rename is shown)', async () => {
    const reports = await shelf();
    const e = new SearchEngine();
    e.setReports(reports);
    const renamed = reports.map((r, i) => (i === 1 ? { ...r, title: '山西（改名）' } : r));
    const back = new SearchEngine();
    back.setReports(renamed, structuredClone(snapshotsOf(e, reports)));
    expect(back.builtReports).toEqual([]);
    const hit = back.search('营商环境').results.find((r) => r.reportId === reports[1].id)!;
    expect(hit.reportTitle).toBe('山西（改名）');
  });
});
