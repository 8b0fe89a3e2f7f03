/**
 * The object the search worker exposes through comlink (and the in-thread fallback uses):
 * a SearchEngine behind three calls. Kept free of worker globals so tests can call it directly.
 */
import { SearchEngine } from '../../shared/search/engine';
import type { IndexCache } from './index-cache';
import type { Report } from '../../shared/report/model';
import type { NoteRecord, SearchFilters, SearchResponse } from '../../shared/search/types';

export interface SearchApi {
  /** Indexes `report` (null clears). Resolves when the index is built. */
  setReport(report: Report | null): void | Promise<void>;
  /** Indexes several reports together (书架全部), built here in the worker. */
  setReports(reports: readonly Report[]): void | Promise<void>;
  /** Replaces the indexed notes. */
  setNotes(notes: NoteRecord[]): void | Promise<void>;
  /** Replaces or adds the notes of `upserts`' annotations and drops those of `removed` ids. */
  updateNotes(upserts: NoteRecord[], removed: string[]): void | Promise<void>;
  /** Ranked results; see shared/search/types.ts. */
  search(query: string, filters?: SearchFilters): SearchResponse | Promise<SearchResponse>;
}

export interface SearchApiOptions {
  /** Where the 书架全部 index is kept between starts (the worker passes the IndexedDB one). */
  cache?: IndexCache;
}

export function createSearchApi(options: SearchApiOptions = {}): SearchApi {
  const { cache } = options;
  const engine = new SearchEngine();
  return {
    setReport(report) {
      engine.setReport(report);
    },
    async setReports(reports) {
      // A restart reads each report's stored index instead of building it (seconds at 3 M
      // characters); only new or changed reports are built, and only they are written back.
      // Saving also deletes the stored indexes of reports no longer on the shelf.
      const ids = reports.map((r) => r.id);
      const stored = cache ? await cache.getMany(ids) : [];
      engine.setReports(reports, stored);
      if (cache) void cache.save(engine.builtReports.map((id) => engine.snapshot(id)!), ids);
    },
    setNotes(notes) {
      engine.setNotes(notes);
    },
    updateNotes(upserts, removed) {
      engine.updateNotes(upserts, removed);
    },
    search(query, filters) {
      return engine.search(query, filters);
    },
  };
}
