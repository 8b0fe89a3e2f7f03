/**
 * The search panel: a search box (combobox) over a grouped result list (listbox). Typing
 * searches report sentences and notes in the worker; ↑/↓ move through the results, Enter
 * jumps, Esc closes. The host app wires `open` to Ctrl+F and handles `onJump` (scroll + flash)
 * and `onHitsChange` (mark hits in the text while the panel is open).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { DEFAULT_LEGEND, type ColorKey } from '../../shared/annotations/model';
import { toDisplayText } from '../../shared/report/display';
import type { Report } from '../../shared/report/model';
import type { NoteRecord, Range, SearchFilters, SearchGroup, SearchResult, SearchScope } from '../../shared/search/types';
import { SEARCH_MSG as M } from './messages';
import type { SearchBackend } from './search-client';
import { useSearch } from './use-search';
import './search-panel.css';

export interface SearchPanelProps {
  report: Report;
  notes: NoteRecord[];
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Enter / click on a result. Report hits carry paragraphId, sentenceId and paragraphRanges. */
  onJump(result: SearchResult): void;
  /** The listed hits whenever they change; [] when the panel closes or the query is cleared. */
  onHitsChange(results: SearchResult[]): void;
  /** Injected search backend (tests); default: a module worker. */
  backend?: SearchBackend;
  /** The 书架: offers 本报告 / 书架全部 when given. */
  shelf?: ShelfSearch;
}

/** What the panel needs from the 书架 to search all its reports. */
export interface ShelfSearch {
  /** Number of live reports on the shelf (the choice shows from two on). */
  count: number;
  /** Every live report, loaded. */
  load(): Promise<Report[]>;
  /** The report's title on the shelf (renamed or its own). */
  titleOf(id: string): string;
}

/** Characters of context shown before the first match in a result line. */
const CONTEXT_BEFORE = 24;
/** Longest result line (characters) before it is cut with an ellipsis. */
const SNIPPET_MAX = 120;

/** Cuts `text` around its first match and wraps matches in <mark>. Exported for tests. */
export function snippet(text: string, ranges: Range[]): ReactNode[] {
  let from = 0;
  let to = text.length;
  if (text.length > SNIPPET_MAX) {
    const first = ranges[0]?.[0] ?? 0;
    from = Math.max(0, first - CONTEXT_BEFORE);
    to = Math.min(text.length, from + SNIPPET_MAX);
    from = Math.max(0, Math.min(from, to - SNIPPET_MAX));
  }
  const out: ReactNode[] = [];
  if (from > 0) out.push('…');
  let at = from;
  ranges.forEach(([a, b], i) => {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e <= s || s < at) return;
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  if (at < to) out.push(text.slice(at, to));
  if (to < text.length) out.push('…');
  return out;
}

/**
 * The heading of a group without the numbering its label already shows:
 * `三、2026年工作安排 › (二)坚持双碳引领…` → `坚持双碳引领…`. Exported for tests.
 */
export function shortTitle(group: SearchGroup): string {
  const last = group.title.split(' › ').pop() ?? '';
  return toDisplayText(last.replace(/^[（(][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、/, '').trim());
}

const SCOPES: { value: SearchScope; label: string }[] = [
  { value: 'all', label: M.scopeAll },
  { value: 'report', label: M.scopeReport },
  { value: 'notes', label: M.scopeNotes },
];

export function SearchPanel({ report, notes, open, onOpenChange, onJump, onHitsChange, backend, shelf }: SearchPanelProps) {
  const uid = `yds${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [range, setRange] = useState<'report' | 'shelf'>('report');
  const [shelfReports, setShelfReports] = useState<Report[] | null>(null);
  // Re-read (and re-index) only when the shelf gains or loses a report, not on every change to it.
  const shelfLoad = useRef(shelf?.load);
  shelfLoad.current = shelf?.load;
  useEffect(() => {
    if (range !== 'shelf' || !shelfLoad.current) return;
    let live = true;
    void shelfLoad.current().then((rs) => live && setShelfReports(rs));
    return () => {
      live = false;
    };
  }, [range, shelf?.count]);
  const across = range === 'shelf' && shelfReports !== null;
  const s = useSearch(across ? shelfReports : report, notes, { backend });
  const [text, setText] = useState('');
  const [scope, setScope] = useState<SearchScope>('all');
  const [colors, setColors] = useState<ColorKey[]>([]);
  const [tag, setTag] = useState('');
  const [author, setAuthor] = useState('');
  const [active, setActive] = useState(-1);
  const composing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const callbacks = useRef({ onJump, onHitsChange, onOpenChange });
  callbacks.current = { onJump, onHitsChange, onOpenChange };

  const filters: SearchFilters = useMemo(
    () => ({
      scope,
      colors: colors.length ? colors : undefined,
      tags: tag ? [tag] : undefined,
      authors: author ? [author] : undefined,
    }),
    [scope, colors, tag, author],
  );

  const run = (q: string, f: SearchFilters = filters) => s.search(q, f);

  // filters re-run the current text
  const firstFilters = useRef(true);
  useEffect(() => {
    if (firstFilters.current) {
      firstFilters.current = false;
      return;
    }
    if (!composing.current) s.search(text, filters);
  }, [filters]);

  useEffect(() => {
    if (open) {
      input.current?.focus();
      input.current?.select();
    }
  }, [open]);

  const response = s.query.trim() === '' ? null : s.response;

  // display order: groups as ranked by the engine, results within a group in rank order; across
  // the 书架, grouped by report first (in shelf order), then by part
  const { sections, flat } = useMemo(() => {
    const results = response?.results ?? [];
    const reportOrder = new Map((across ? shelfReports : []).map((r, i) => [r.id, i]));
    const reportOf = (g: SearchGroup) => results.find((r) => r.group.id === g.id)?.reportId ?? '';
    const sections = (response?.groups ?? [])
      .map((g, i) => ({ ...g, rank: i, reportId: reportOf(g.group), items: results.filter((r) => r.group.id === g.group.id) }))
      .filter((g) => g.items.length > 0)
      .sort((a, b) => (reportOrder.get(a.reportId) ?? 0) - (reportOrder.get(b.reportId) ?? 0) || a.rank - b.rank);
    return { sections, flat: sections.flatMap((g) => g.items) };
  }, [response, across, shelfReports]);

  useEffect(() => setActive(flat.length > 0 ? 0 : -1), [flat]);

  useEffect(() => {
    callbacks.current.onHitsChange(open ? (response?.results ?? []) : []);
  }, [response, open]);

  useEffect(() => {
    if (active < 0) return;
    const el = list.current?.querySelector<HTMLElement>(`#${uid}-r${active}`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active, uid]);

  const tags = useMemo(() => [...new Set(notes.flatMap((n) => n.tags))].sort(), [notes]);
  const authors = useMemo(() => [...new Set(notes.map((n) => n.author).filter(Boolean))].sort(), [notes]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || composing.current) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (flat.length) setActive((a) => (a + 1) % flat.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (flat.length) setActive((a) => (a <= 0 ? flat.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const r = flat[active >= 0 ? active : 0];
      if (r) callbacks.current.onJump(r);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      callbacks.current.onOpenChange(false);
    }
  };

  const status = (() => {
    if (range === 'shelf' && !across) return M.loadingShelf;
    if (!s.ready) return M.indexing;
    if (s.error) return M.error(s.error);
    if (!response) return s.pending && text.trim() ? M.searching : M.hint;
    if (response.total === 0) return M.noResults;
    const parts = [M.total(response.total, response.groups.length)];
    if (response.results.length < response.total) parts.push(M.truncated(response.results.length));
    return parts.join('，');
  })();

  const suggest = (q: string) => {
    setText(q);
    run(q);
    input.current?.focus();
  };

  let index = 0;
  return (
    <section
      className="yd-search"
      role="search"
      aria-label={M.region}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.target !== input.current) callbacks.current.onOpenChange(false);
      }}
    >
      <div className="yd-search-bar">
        <input
          ref={input}
          type="search"
          aria-label={M.input}
          placeholder={M.placeholder}
          value={text}
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls={`${uid}-list`}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && flat.length > 0 ? `${uid}-r${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            if (!composing.current) run(e.target.value);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            // pinyin being composed is not a query; search once the characters are chosen
            composing.current = false;
            run(e.currentTarget.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="yd-search-close" aria-label={M.close} title={M.close} onClick={() => onOpenChange(false)}>
          ×
        </button>
      </div>

      <div className="yd-search-filters">
        {shelf && shelf.count > 1 && (
          <div role="group" aria-label={M.range} className="yd-search-scope yd-search-range">
            <button type="button" aria-pressed={range === 'report'} onClick={() => setRange('report')}>
              {M.rangeReport}
            </button>
            <button type="button" aria-pressed={range === 'shelf'} title={M.rangeShelfTitle(shelf.count)} onClick={() => setRange('shelf')}>
              {M.rangeShelf}
            </button>
          </div>
        )}
        <div role="group" aria-label={M.scope} className="yd-search-scope">
          {SCOPES.map((o) => (
            <button key={o.value} type="button" aria-pressed={scope === o.value} onClick={() => setScope(o.value)}>
              {o.label}
            </button>
          ))}
        </div>
        {scope !== 'report' && notes.length > 0 && (
          <div role="group" aria-label={M.noteFilters} className="yd-search-note-filters">
            {DEFAULT_LEGEND.map((l) => (
              <button
                key={l.color}
                type="button"
                className={`yd-search-swatch yd-c-${l.color}`}
                aria-pressed={colors.includes(l.color)}
                aria-label={`${M.colour}：${l.name}（${l.meaning}）`}
                title={`${l.name}（${l.meaning}）`}
                onClick={() => setColors((c) => (c.includes(l.color) ? c.filter((x) => x !== l.color) : [...c, l.color]))}
              />
            ))}
            {tags.length > 0 && (
              <select aria-label={M.tag} value={tag} onChange={(e) => setTag(e.target.value)}>
                <option value="">{M.anyTag}</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            )}
            {authors.length > 0 && (
              <select aria-label={M.author} value={author} onChange={(e) => setAuthor(e.target.value)}>
                <option value="">{M.anyAuthor}</option>
                {authors.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
      </div>

      <p className="yd-search-status" role="status" aria-live="polite">
        {status}
      </p>
      {response && response.total === 0 && response.closest.length > 0 && (
        <p className="yd-search-closest">
          {M.closest}
          {response.closest.map((c) => (
            <button key={c} type="button" className="yd-search-suggestion" onClick={() => suggest(c)}>
              {c}
            </button>
          ))}
        </p>
      )}

      <div ref={list} id={`${uid}-list`} className="yd-search-results" role="listbox" aria-label={M.results}>
        {sections.map((g, gi) => (
          <div key={g.group.id} role="group" aria-labelledby={`${uid}-g${gi}`} className="yd-search-group" data-report-id={g.reportId}>
            {across && g.reportId !== sections[gi - 1]?.reportId && (
              <div className="yd-search-report-head" aria-hidden>
                《{shelf!.titleOf(g.reportId) || g.items[0].reportTitle}》
              </div>
            )}
            <div className="yd-search-group-head" id={`${uid}-g${gi}`} title={toDisplayText(g.group.title)}>
              {across && <span className="visually-hidden">《{shelf!.titleOf(g.reportId) || g.items[0].reportTitle}》</span>}
              <span className="yd-search-group-label">{g.group.label}</span>
              <span className="yd-search-group-title">{shortTitle(g.group)}</span>
              <span className="yd-search-count">{M.count(g.count)}</span>
            </div>
            {g.items.map((r) => {
              const i = index++;
              return (
                  <div
                    key={r.key}
                    id={`${uid}-r${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={`yd-search-result${i === active ? ' active' : ''}${r.source === 'note' ? ' note' : ''}`}
                    data-kind={r.kind}
                    onMouseDown={(e) => e.preventDefault() /* keep focus in the box */}
                    onClick={() => {
                      setActive(i);
                      onJump(r);
                    }}
                  >
                    <span className="yd-search-cite">
                      {r.label}
                      {r.source === 'note' && (
                        <span className={`yd-search-note-badge yd-c-${r.color ?? 'yellow'}`}>{M.noteBy(r.author ?? '')}</span>
                      )}
                      {r.kind === 'all-words' && <span className="yd-search-kind">{M.kindAllWords}</span>}
                      {r.kind === 'fuzzy' && <span className="yd-search-kind">{M.kindFuzzy}</span>}
                    </span>
                    <span className="yd-search-text">
                      {/* report text is shown as the reader shows it (full-width punctuation, same offsets) */}
                      {snippet(r.source === 'report' ? toDisplayText(r.text) : r.text, r.ranges)}
                    </span>
                  </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
