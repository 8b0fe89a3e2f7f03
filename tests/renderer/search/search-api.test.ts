import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSearchApi } from '../../../renderer/search/search-api';
import { createInThreadBackend, createSearchBackend } from '../../../renderer/search/search-client';
import { bundledReport, notesOn } from '../../shared/search/fixture';

const report = bundledReport();

describe('worker search API (called directly)', () => {
  it('indexes a report and notes, then answers searches', async () => {
    const api = createSearchApi();
    await api.setReport(report);
    await api.setNotes(notesOn(report));
    const res = await api.search('营商环境');
    expect(res.results.filter((r) => r.kind === 'exact' && r.source === 'report')).toHaveLength(3);
    expect(res.results.some((r) => r.annotationId === 'a-biz')).toBe(true);
    const notesOnly = await api.search('营商环境', { scope: 'notes' });
    expect(notesOnly.results.every((r) => r.source === 'note')).toBe(true);
  });

  it('answers nothing before a report is set and after it is cleared', async () => {
    const api = createSearchApi();
    expect((await api.search('发展')).total).toBe(0);
    await api.setReport(report);
    expect((await api.search('发展')).total).toBeGreaterThan(0);
    await api.setReport(null);
    expect((await api.search('发展')).total).toBe(0);
  });

  it('returns plain data that survives structured cloning (what comlink sends)', async () => {
    const api = createSearchApi();
    await api.setReport(report);
    const res = await api.search('煤炭转型');
    expect(structuredClone(res)).toEqual(res);
  });
});

describe('search.worker.ts', () => {
  afterEach(() => {
    vi.doUnmock('comlink');
    vi.resetModules();
  });

  it('exposes the search API through comlink', async () => {
    const expose = vi.fn();
    vi.doMock('comlink', () => ({ expose }));
    await import('../../../renderer/search/search.worker');
    expect(expose).toHaveBeenCalledTimes(1);
    const api = expose.mock.calls[0][0];
    api.setReport(report);
    expect(api.search('新能源装机').results[0].kind).toBe('all-words');
  });
});

describe('search client', () => {
  it('falls back to an in-thread backend where Worker does not exist', async () => {
    expect(typeof Worker).toBe('undefined');
    const b = createSearchBackend();
    await b.setReport(report);
    const res = await b.search('数字经纪');
    expect(res.results[0].text).toContain('数字经济');
    b.dispose();
  });

  it('in-thread backend has the async API of the worker proxy', async () => {
    const b = createInThreadBackend();
    const p = b.setReport(report);
    expect(p).toBeInstanceOf(Promise);
    await p;
    await b.setNotes(notesOn(report));
    expect((await b.search('核实', { scope: 'notes' })).results[0].annotationId).toBe('a-biz');
  });
});
