/**
 * `useSearch`: search as you type against the worker. Only the latest query counts: while one
 * search runs, newer keystrokes replace each other in a one-slot queue, and any response that
 * is not for the latest query is dropped, so results never flicker back to an older query.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../shared/report/model';
import type { NoteRecord, SearchFilters, SearchResponse } from '../../shared/search/types';
import { createSearchBackend, type SearchBackend } from './search-client';

/** How many results the panel asks for; totals and group counts still cover all hits. */
export const PANEL_RESULT_LIMIT = 200;

export interface UseSearchOptions {
  /** Injected backend (tests, or one backend shared by several panels); else a worker. */
  backend?: SearchBackend;
  /** Results per response (default PANEL_RESULT_LIMIT). */
  limit?: number;
}

export interface UseSearch {
  /** Response for the latest query, or null (empty query, or not answered yet). */
  response: SearchResponse | null;
  /** The latest query asked for, as typed. */
  query: string;
  filters: SearchFilters;
  /** A search for the latest query is under way. */
  pending: boolean;
  /** The report is indexed. */
  ready: boolean;
  /** Error text of the last failed search, else null. */
  error: string | null;
  /** Searches (or clears, for a blank query). Safe to call on every keystroke. */
  search(query: string, filters?: SearchFilters): void;
}

interface Request {
  id: number;
  query: string;
  filters: SearchFilters;
}

/** Content signature of one note, so a new-but-equal record is not sent again. */
function noteSignature(n: NoteRecord): string {
  return [n.paragraphId, n.text, n.color, n.tags.join('\u0002'), n.author, n.start ?? '', n.reportId ?? ''].join('\u0001');
}

/**
 * What changed from the notes the backend holds (`sent`) to `notes`: records compared by
 * identity first (callers keep a record while its annotation is unchanged), then by content.
 */
export function diffNotes(sent: ReadonlyMap<string, NoteRecord>, notes: readonly NoteRecord[]): { upserts: NoteRecord[]; removed: string[]; same: NoteRecord[] } {
  const upserts: NoteRecord[] = [];
  /** New records equal to the ones sent (to remember by identity). */
  const same: NoteRecord[] = [];
  let kept = 0;
  for (const n of notes) {
    const was = sent.get(n.annotationId);
    if (was) kept++;
    if (was === n) continue;
    if (!was || noteSignature(was) !== noteSignature(n)) upserts.push(n);
    else same.push(n);
  }
  const removed: string[] = [];
  if (kept !== sent.size) {
    const ids = new Set(notes.map((n) => n.annotationId));
    for (const id of sent.keys()) if (!ids.has(id)) removed.push(id);
  }
  return { upserts, removed, same };
}

export function useSearch(report: Report | readonly Report[] | null, notes: readonly NoteRecord[], options: UseSearchOptions = {}): UseSearch {
  const limit = options.limit ?? PANEL_RESULT_LIMIT;
  const backendRef = useRef<SearchBackend | null>(null);
  const ownsBackend = useRef(false);
  if (!backendRef.current) {
    backendRef.current = options.backend ?? createSearchBackend();
    ownsBackend.current = !options.backend;
  }
  const backend = backendRef.current;

  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [pending, setPending] = useState(false);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const latest = useRef<Request>({ id: 0, query: '', filters: {} });
  const inFlight = useRef(false);
  const queued = useRef<Request | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (ownsBackend.current) backendRef.current?.dispose();
    };
  }, []);

  const dispatch = useCallback(
    (req: Request) => {
      inFlight.current = true;
      backend
        .search(req.query, { ...req.filters, limit })
        .then((res) => {
          if (!alive.current || req.id !== latest.current.id) return; // stale: a newer query exists
          setResponse(res);
          setError(null);
        })
        .catch((e: unknown) => {
          if (alive.current && req.id === latest.current.id) setError(e instanceof Error ? e.message : String(e));
        })
        .finally(() => {
          inFlight.current = false;
          const next = queued.current;
          queued.current = null;
          if (next && next.id === latest.current.id) dispatch(next);
          else if (alive.current) setPending(false);
        });
    },
    [backend, limit],
  );

  const search = useCallback(
    (q: string, f: SearchFilters = {}) => {
      const req: Request = { id: latest.current.id + 1, query: q, filters: f };
      latest.current = req;
      setQuery(q);
      setFilters(f);
      if (q.trim() === '') {
        queued.current = null;
        setResponse(null);
        setPending(false);
        return;
      }
      setPending(true);
      if (inFlight.current) queued.current = req;
      else dispatch(req);
    },
    [dispatch],
  );

  // re-run the latest query when what is searched changes
  const rerun = useCallback(() => {
    const { query: q, filters: f } = latest.current;
    if (q.trim() !== '') search(q, f);
  }, [search]);

  useEffect(() => {
    setReady(false);
    let cancelled = false;
    void (Array.isArray(report) ? backend.setReports(report) : backend.setReport(report as Report | null)).then(() => {
      if (cancelled || !alive.current) return;
      setReady(true);
      rerun();
    });
    return () => {
      cancelled = true;
    };
  }, [backend, report, rerun]);

  // What the backend holds (null: nothing sent yet): later changes go as differences.
  const sent = useRef<Map<string, NoteRecord> | null>(null);
  useEffect(() => {
    const prev = sent.current;
    const diff = prev ? diffNotes(prev, notes) : null;
    if (prev && diff && diff.upserts.length === 0 && diff.removed.length === 0) {
      // Equal content: remember the new records so the next diff finds them by identity.
      for (const n of diff.same) prev.set(n.annotationId, n);
      return;
    }
    let work: Promise<void>;
    if (prev && diff && backend.updateNotes) {
      for (const id of diff.removed) prev.delete(id);
      for (const n of diff.upserts) prev.set(n.annotationId, n);
      for (const n of diff.same) prev.set(n.annotationId, n);
      work = backend.updateNotes(diff.upserts, diff.removed);
    } else {
      sent.current = new Map(notes.map((n) => [n.annotationId, n]));
      work = backend.setNotes([...notes]);
    }
    void work.then(() => {
      if (alive.current) rerun();
    });
  }, [backend, notes, rerun]);

  return { response, query, filters, pending, ready, error, search };
}
