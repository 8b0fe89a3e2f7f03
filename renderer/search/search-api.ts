/**
 * The object the search worker exposes through comlink (and the in-thread fallback uses):
 * a SearchEngine behind three calls. Kept free of worker globals so tests can call it directly.
 */
import { SearchEngine } from '../../shared/search/engine';
import type { Report } from '../../shared/report/model';
import type { NoteRecord, SearchFilters, SearchResponse } from '../../shared/search/types';

export interface SearchApi {
  /** Indexes `report` (null clears). Resolves when the index is built. */
  setReport(report: Report | null): void | Promise<void>;
  /** Replaces the indexed notes. */
  setNotes(notes: NoteRecord[]): void | Promise<void>;
  /** Replaces or adds the notes of `upserts`' annotations and drops those of `removed` ids. */
  updateNotes(upserts: NoteRecord[], removed: string[]): void | Promise<void>;
  /** Ranked results; see shared/search/types.ts. */
  search(query: string, filters?: SearchFilters): SearchResponse | Promise<SearchResponse>;
}

export function createSearchApi(): SearchApi {
  const engine = new SearchEngine();
  return {
    setReport(report) {
      engine.setReport(report);
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
