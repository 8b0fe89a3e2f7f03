/**
 * The renderer's handle on the search: a comlink proxy of the module worker, or the same API
 * in-thread where Workers do not exist (unit tests under jsdom/node).
 */
import { wrap, type Remote } from 'comlink';
import type { Report } from '../../shared/report/model';
import type { NoteRecord, SearchFilters, SearchResponse } from '../../shared/search/types';
import type { SearchApi } from './search-api';

export interface SearchBackend {
  setReport(report: Report | null): Promise<void>;
  /** Indexes several reports together (书架全部). */
  setReports(reports: readonly Report[]): Promise<void>;
  setNotes(notes: NoteRecord[]): Promise<void>;
  /**
   * Only the notes that changed (optional: a backend without it gets setNotes). Sending every
   * note to the worker after each save copied megabytes on the page's thread.
   */
  updateNotes?(upserts: NoteRecord[], removed: string[]): Promise<void>;
  search(query: string, filters?: SearchFilters): Promise<SearchResponse>;
  /** Stops the worker (no-op in-thread). */
  dispose(): void;
}

/**
 * The API run on the calling thread, with the backend's async signatures. The engine is
 * imported lazily so that a worker-backed build does not carry a second copy of it up front.
 */
export function createInThreadBackend(): SearchBackend {
  let api: Promise<SearchApi> | null = null;
  const get = () => (api ??= import('./search-api').then((m) => m.createSearchApi()));
  return {
    setReport: async (r) => (await get()).setReport(r),
    setReports: async (rs) => (await get()).setReports(rs),
    setNotes: async (n) => (await get()).setNotes(n),
    updateNotes: async (u, r) => (await get()).updateNotes(u, r),
    search: async (q, f) => (await get()).search(q, f),
    dispose: () => {},
  };
}

/**
 * A worker-backed search when `Worker` is available, else in-thread. The worker is created
 * with Vite's `new URL(…, import.meta.url)` form so it is bundled as a module worker.
 */
export function createSearchBackend(): SearchBackend {
  if (typeof Worker === 'undefined') return createInThreadBackend();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'yandu-search' });
  } catch {
    // e.g. a CSP or file:// context that refuses module workers: slower, but still works
    return createInThreadBackend();
  }
  const remote: Remote<SearchApi> = wrap<SearchApi>(worker);
  return {
    setReport: async (r) => {
      await remote.setReport(r);
    },
    setReports: async (rs) => {
      await remote.setReports([...rs]);
    },
    setNotes: async (n) => {
      await remote.setNotes(n);
    },
    updateNotes: async (u, r) => {
      await remote.updateNotes(u, r);
    },
    search: async (q, f) => remote.search(q, f),
    dispose: () => worker.terminate(),
  };
}
