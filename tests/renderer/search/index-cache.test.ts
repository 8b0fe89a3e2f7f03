import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createIndexCache, indexSignature, type IndexCache } from '../../../renderer/search/index-cache';
import { createSearchApi } from '../../../renderer/search/search-api';
import { SearchEngine, type EngineSnapshot } from '../../../shared/search/engine';
import { bundledReport } from '../../shared/search/fixture';
import { corpusReport } from '../../shared/library/helpers';

describe('the stored 书架全部 index', () => {
  it('keeps the latest snapshot in IndexedDB under the reports it covers', async () => {
    const reports = [bundledReport(), await corpusReport('天津市')];
    const engine = new SearchEngine();
    engine.setReports(reports);
    const cache = createIndexCache(indexedDB);
    const sig = indexSignature(reports);
    expect(await cache.get(sig)).toBeNull();
    await cache.put(sig, engine.snapshot());
    const back = await cache.get(sig);
    const restored = new SearchEngine();
    expect(restored.restore(back!)).toBe(true);
    expect(restored.search('营商环境')).toEqual(engine.search('营商环境'));
    // Another shelf (a report added) is a miss; only one snapshot is kept.
    expect(await cache.get(indexSignature(reports.slice(0, 1)))).toBeNull();
  });

  it('after a restart the worker API reads the index instead of building it', async () => {
    const reports = [bundledReport(), await corpusReport('吉林省'), await corpusReport('安徽省')];
    const store = new Map<string, EngineSnapshot>();
    const cache: IndexCache = { get: async (s) => store.get(s) ?? null, put: async (s, snap) => void store.set(s, structuredClone(snap)) };
    const build = vi.spyOn(SearchEngine.prototype, 'setReports');
    const first = createSearchApi({ cache });
    await first.setReports(reports);
    expect(build).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(store.size).toBe(1));
    const answer = await first.search('乡村振兴');

    const afterRestart = createSearchApi({ cache });
    await afterRestart.setReports(reports);
    expect(build).toHaveBeenCalledTimes(1);
    expect(await afterRestart.search('乡村振兴')).toEqual(answer);
    // A changed shelf is built again.
    await afterRestart.setReports(reports.slice(0, 2));
    expect(build).toHaveBeenCalledTimes(2);
    build.mockRestore();
  });
});
