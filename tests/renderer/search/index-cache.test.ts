import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createIndexCache, type IndexCache } from '../../../renderer/search/index-cache';
import { createSearchApi } from '../../../renderer/search/search-api';
import { SearchEngine, type ReportIndexSnapshot } from '../../../shared/search/engine';
import { segmentReport } from '../../../shared/report/segment';
import { bundledReport } from '../../shared/search/fixture';
import { corpusReport, corpusText } from '../../shared/library/helpers';

/** An in-memory cache that clones as IndexedDB does. */
function memoryCache(): IndexCache & { rows: Map<string, ReportIndexSnapshot> } {
  const rows = new Map<string, ReportIndexSnapshot>();
  return {
    rows,
    getMany: async (ids) => ids.flatMap((id) => (rows.has(id) ? [structuredClone(rows.get(id)!)] : [])),
    save: async (snaps, keep) => {
      for (const id of [...rows.keys()]) if (!keep.includes(id)) rows.delete(id);
      for (const s of snaps) rows.set(s.reportId, structuredClone(s));
    },
  };
}

describe('the stored 书架全部 index', () => {
  it('keeps one row per report in IndexedDB and deletes the rows of reports no longer on the shelf', async () => {
    const reports = [bundledReport(), await corpusReport('天津市'), await corpusReport('吉林省')];
    const engine = new SearchEngine();
    engine.setReports(reports);
    const cache = createIndexCache(indexedDB);
    const ids = reports.map((r) => r.id);
    expect(await cache.getMany(ids)).toEqual([]);
    await cache.save(ids.map((id) => engine.snapshot(id)!), ids);
    const back = await cache.getMany(ids);
    expect(back.map((s) => s.reportId).sort()).toEqual([...ids].sort());
    const restored = new SearchEngine();
    restored.setReports(reports, back);
    expect(restored.builtReports).toEqual([]);
    expect(restored.search('营商环境')).toEqual(engine.search('营商环境'));
    // 吉林 removed from the shelf: its row goes, the others stay
    await cache.save([], ids.slice(0, 2));
    expect((await cache.getMany(ids)).map((s) => s.reportId).sort()).toEqual(ids.slice(0, 2).sort());
  });

  it('replaces an old whole-shelf database (version 1) without failing', async () => {
    const name = 'yandu-search-index';
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const r = factory.open(name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('snapshots', { keyPath: 'key' }).put({ key: 'shelf', signature: 'x', snapshot: {} });
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
      r.onerror = () => reject(r.error);
    });
    const report = bundledReport();
    const cache = createIndexCache(factory);
    expect(await cache.getMany([report.id])).toEqual([]);
    const e = new SearchEngine();
    e.setReports([report]);
    await cache.save([e.snapshot(report.id)!], [report.id]);
    expect((await cache.getMany([report.id]))[0].fingerprint).toBe(report.fingerprint);
  });

  it('after a restart the worker API reads the indexes; a changed report alone is built again', async () => {
    const reports = [bundledReport(), await corpusReport('吉林省'), await corpusReport('安徽省')];
    const cache = memoryCache();
    const build = vi.spyOn(SearchEngine.prototype, 'snapshot');
    const first = createSearchApi({ cache });
    await first.setReports(reports);
    await vi.waitFor(() => expect(cache.rows.size).toBe(3));
    expect(build).toHaveBeenCalledTimes(3);
    const answer = await first.search('乡村振兴');

    const afterRestart = createSearchApi({ cache });
    await afterRestart.setReports(reports);
    expect(build).toHaveBeenCalledTimes(3); // nothing built, nothing written
    expect(await afterRestart.search('乡村振兴')).toEqual(answer);

    // 安徽 gets a corrected text: only it is built and written back
    const fixedText = corpusText('安徽省').replace('乡村振兴', '乡村全面振兴');
    const fixed = { ...segmentReport(fixedText, { id: reports[2].id }), title: reports[2].title };
    const again = createSearchApi({ cache });
    await again.setReports([reports[0], reports[1], fixed]);
    await vi.waitFor(() => expect(cache.rows.get(fixed.id)!.fingerprint).toBe(fixed.fingerprint));
    expect(build).toHaveBeenCalledTimes(4);
    expect(build).toHaveBeenLastCalledWith(fixed.id);
    const fresh = new SearchEngine();
    fresh.setReports([reports[0], reports[1], fixed]);
    expect(await again.search('乡村全面振兴')).toEqual(fresh.search('乡村全面振兴'));

    // 吉林 removed from the shelf: its stored index is deleted
    await again.setReports([reports[0], fixed]);
    await vi.waitFor(() => expect([...cache.rows.keys()].sort()).toEqual([reports[0].id, fixed.id].sort()));
    build.mockRestore();
  });
});
