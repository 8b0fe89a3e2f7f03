/**
 * The search engine: exact phrase hits (all of them), then sentences containing every word of
 * a multi-word query, then Fuse.js near misses found through a bigram index.
 *
 * Why not plain Fuse over the records: Fuse scans every record with Bitap (hundreds of ms at a
 * million characters with `ignoreLocation`), reports only its best location per record, and
 * cannot take patterns over 32 characters. Here the bigram index picks the few places where a
 * match within Fuse's threshold is possible (pigeonhole: a pattern with ≤ k errors contains one
 * of k+1 disjoint pieces unchanged), and `Fuse.match` judges small windows around them.
 */
import { annotationMatcher } from '../annotations/filter';
import Fuse, { type IFuseOptions } from 'fuse.js';
import approxSearch from 'approx-string-match';
import type { Report } from '../report/model';
import { BigramIndex, type BigramSnapshot } from './bigram-index';
import { normalizeQuery, toOriginalRange } from './normalize';
import { noteDocs, reportDocs, type ParagraphInfo, type SearchDoc } from './records';
import type {
  GroupCount,
  MatchKind,
  NoteRecord,
  Range,
  SearchFilters,
  SearchGroup,
  SearchResponse,
  SearchResult,
} from './types';
import { queryWords, segmentWords } from './words';

/** Bitap's hard limit in Fuse.js: longer patterns are chunked by Fuse, so we never pass them. */
export const FUSE_MAX_PATTERN = 32;
/** Long pastes: how many 32-character chunks get the fuzzy treatment when no exact hit exists. */
const MAX_FUZZY_CHUNKS = 4;
/** Long pastes: at most this many whitespace-separated pieces are searched as phrases. */
const MAX_PASTE_PIECES = 50;
/** All-words stage is for typed queries, not pastes. */
const MAX_WORDS = 8;
/**
 * Relative error allowed for a "closest" suggestion: a little above Fuse's threshold, so a
 * 3-character query with one wrong character gets its suggestion, while `新能源装鸡` is not
 * offered `新能源深度`.
 */
const SUGGEST_ERROR_RATIO = 0.35;
/** Bound on the work spent looking for suggestions (bigram occurrences inspected). */
const SUGGEST_MAX_OCCURRENCES = 1500;

export interface EngineOptions {
  /** Fuse.js threshold (0 = exact … 1 = anything). Default 0.3. */
  threshold?: number;
}

/** A searchable collection: its docs and their bigram index. */
class DocSet {
  readonly index: BigramIndex;
  constructor(
    readonly docs: SearchDoc[],
    index?: BigramIndex,
  ) {
    this.index = index ?? new BigramIndex(docs.map((d) => d.norm));
  }
}

/** Layout of EngineSnapshot; a stored snapshot of another layout is rebuilt, not read. */
export const SNAPSHOT_LAYOUT = 1;

/**
 * The report index of a SearchEngine as plain data (structured-cloneable): stored between starts
 * so that searching the whole 书架 does not rebuild it (renderer/search/index-cache.ts).
 */
export interface EngineSnapshot {
  layout: typeof SNAPSHOT_LAYOUT;
  docs: SearchDoc[];
  bigram: BigramSnapshot;
  titles: [string, string][];
  defaultReportId: string;
}

interface Hit {
  set: DocSet;
  doc: number;
  sentence: number;
  kind: MatchKind;
  score: number;
  /** Secondary rank within equal scores (lower first). */
  tie: number;
  /** Reading order of the doc (filled in by add). */
  order?: number;
  /** Normalised doc-level ranges. */
  ranges: Range[];
}

const KIND_RANK: Record<MatchKind, number> = { exact: 0, 'all-words': 1, fuzzy: 2 };
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Index of the sentence containing normalised offset `pos` (or the nearest one before it). */
function sentenceAt(doc: SearchDoc, pos: number): number {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (s[mid].nStart <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** All non-overlapping occurrences of `needle` in `hay` within `[from, to)`. */
function occurrences(hay: string, needle: string, from = 0, to = hay.length): number[] {
  const out: number[] = [];
  let i = hay.indexOf(needle, from);
  while (i >= 0 && i + needle.length <= to) {
    out.push(i);
    i = hay.indexOf(needle, i + needle.length);
  }
  return out;
}

/** Sorted union of overlapping/adjacent ranges. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r[1] > r[0]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export class SearchEngine {
  private readonly threshold: number;
  private readonly fuseOptions: IFuseOptions<unknown>;
  private reportSet = new DocSet([]);
  private noteSet = new DocSet([]);
  private notes: readonly NoteRecord[] = [];
  private paragraphs = new Map<string, ParagraphInfo>();
  private defaultReportId = '';
  private titles = new Map<string, string>();

  constructor(options: EngineOptions = {}) {
    this.threshold = options.threshold ?? 0.3;
    // No useExtendedSearch: `'` `!` `^` `=` `|` stay literal characters of the pattern.
    this.fuseOptions = {
      threshold: this.threshold,
      ignoreLocation: true,
      includeMatches: true,
      minMatchCharLength: 2,
      isCaseSensitive: true, // both sides are already case-folded
      useExtendedSearch: false,
    };
  }

  /** Replaces the indexed reports (several may be searched together). Notes are re-resolved. */
  setReports(reports: readonly Report[]): void {
    const docs = reports.flatMap((r, n) => reportDocs(r, n * 1_000_000));
    this.load(docs, new DocSet(docs), new Map(reports.map((r) => [r.id, r.title])), reports[0]?.id ?? '');
  }

  /** The report index as plain data (see EngineSnapshot). */
  snapshot(): EngineSnapshot {
    return { layout: SNAPSHOT_LAYOUT, docs: this.reportSet.docs, bigram: this.reportSet.index.snapshot(), titles: [...this.titles], defaultReportId: this.defaultReportId };
  }

  /** Replaces the indexed reports by a snapshot; false (nothing changed) when it is not one of this layout. */
  restore(s: EngineSnapshot): boolean {
    if (!s || s.layout !== SNAPSHOT_LAYOUT || !Array.isArray(s.docs) || !s.bigram || s.bigram.size !== s.docs.length) return false;
    this.load(s.docs, new DocSet(s.docs, BigramIndex.fromSnapshot(s.bigram)), new Map(s.titles), s.defaultReportId);
    return true;
  }

  private load(docs: SearchDoc[], set: DocSet, titles: Map<string, string>, defaultReportId: string): void {
    this.paragraphs = new Map();
    for (const d of docs) {
      const info: ParagraphInfo = {
        reportId: d.reportId,
        label: d.label,
        group: d.group,
        order: d.order,
        sentences: d.sentences,
      };
      this.paragraphs.set(`${d.reportId}\n${d.paragraphId}`, info);
      if (!this.paragraphs.has(d.paragraphId)) this.paragraphs.set(d.paragraphId, info);
    }
    this.defaultReportId = defaultReportId;
    this.titles = titles;
    this.reportSet = set;
    this.setNotes(this.notes);
    // ICU loads its word dictionary on first use (tens of ms): pay that now, not on a keystroke
    segmentWords('初始化');
  }

  /** Replaces the indexed report (null clears it). */
  setReport(report: Report | null): void {
    this.setReports(report ? [report] : []);
  }

  /** Replaces the indexed notes. */
  setNotes(notes: readonly NoteRecord[]): void {
    this.notes = notes;
    const resolve = (n: NoteRecord) =>
      (n.reportId ? this.paragraphs.get(`${n.reportId}\n${n.paragraphId}`) : this.paragraphs.get(n.paragraphId)) ?? null;
    this.noteSet = new DocSet(noteDocs(notes, resolve, this.defaultReportId));
  }

  /**
   * Replaces the notes of the same annotation ids by `upserts` (adding new ones) and drops the
   * notes of `removed`: the caller sends only what changed instead of every note again.
   */
  updateNotes(upserts: readonly NoteRecord[], removed: readonly string[]): void {
    const byId = new Map(this.notes.map((n) => [n.annotationId, n]));
    for (const id of removed) byId.delete(id);
    for (const n of upserts) byId.set(n.annotationId, n);
    this.setNotes([...byId.values()]);
  }

  /** Number of indexed report paragraphs and notes. */
  get size(): { paragraphs: number; notes: number } {
    return { paragraphs: this.reportSet.docs.length, notes: this.noteSet.docs.length };
  }

  /**
   * Searches the report and notes. Never throws on user input: empty or whitespace-only
   * queries give no results, punctuation-only ones literal hits only; any length is accepted.
   */
  search(query: string, filters: SearchFilters = {}): SearchResponse {
    const q = normalizeQuery(typeof query === 'string' ? query : '');
    const empty: SearchResponse = { query: '', results: [], total: 0, groups: [], closest: [], words: [] };
    if (q === '') return empty;
    // Punctuation or symbols only (`%`, `(一)`'s brackets, `。`): literal hits only, like a
    // browser's find; words and near misses of punctuation would be noise.
    const literalOnly = !WORD_CHAR.test(q);

    const scope = filters.scope ?? 'all';
    const sets: { set: DocSet; allowed: (d: SearchDoc) => boolean }[] = [];
    if (scope !== 'notes') sets.push({ set: this.reportSet, allowed: () => true });
    if (scope !== 'report') sets.push({ set: this.noteSet, allowed: noteFilter(filters) });

    const compact = q.replace(/ /g, '');
    const hits = new Map<number, Hit>();
    // numeric keys: a common 2-character query makes thousands of hits in a large corpus
    const keyOf = (set: DocSet, doc: number, sentence: number) => ((doc * 8192 + sentence) * 2 + (set === this.noteSet ? 1 : 0));
    const add = (h: Hit) => {
      h.order = h.set.docs[h.doc].order;
      const k = keyOf(h.set, h.doc, h.sentence);
      const old = hits.get(k);
      if (!old) hits.set(k, h);
      else if (h.kind === old.kind && h.kind !== 'all-words') {
        // several exact occurrences, or near misses in separate windows of one sentence: mark all
        old.ranges.push(...h.ranges);
        if (h.score < old.score || (h.score === old.score && h.tie < old.tie)) {
          old.score = h.score;
          old.tie = h.tie;
        }
      }
      else if (KIND_RANK[h.kind] < KIND_RANK[old.kind] || (h.kind === old.kind && h.score < old.score)) hits.set(k, h);
    };

    // 1. exact phrase (as typed, and without the spaces users put between Chinese words)
    const phrases = [...new Set([q, compact])];
    if (compact.length > FUSE_MAX_PATTERN) {
      // a paste spanning paragraphs (newlines became spaces): each line is an exact phrase too
      for (const piece of q.split(' ').slice(0, MAX_PASTE_PIECES)) if (piece.length >= 4) phrases.push(piece);
    }
    for (const { set, allowed } of sets) for (const p of phrases) this.exact(set, allowed, p, add);

    // 2. every word in one sentence
    let words: string[] = [];
    if (!literalOnly && compact.length <= FUSE_MAX_PATTERN) {
      const occurs = (s: string) => sets.some(({ set }) => this.occursIn(set, s));
      words = queryWords(q, occurs).slice(0, MAX_WORDS);
      // one word differing from the query = the query with punctuation dropped (`'营商` → 营商);
      // a single character that way (`(一)` → 一) would match half the text
      if (words.length >= 2 || (words.length === 1 && words[0] !== compact && words[0].length >= 2)) {
        for (const { set, allowed } of sets) this.allWords(set, allowed, words, add);
      } else {
        words = [];
      }
    }

    // 3. near misses through Fuse.js
    const patterns: string[] = [];
    if (literalOnly) {
      // no near misses for punctuation
    } else if (compact.length <= FUSE_MAX_PATTERN) patterns.push(compact);
    else if (hits.size === 0) {
      for (let i = 0; i < MAX_FUZZY_CHUNKS && i * FUSE_MAX_PATTERN < compact.length; i++) {
        const chunk = compact.slice(i * FUSE_MAX_PATTERN, (i + 1) * FUSE_MAX_PATTERN);
        if (chunk.length >= 4) patterns.push(chunk);
      }
    }
    // a sentence that already has an exact or all-words hit cannot get better
    const settled = (set: DocSet, doc: number, sentence: number) => hits.has(keyOf(set, doc, sentence));
    for (const p of patterns) for (const { set, allowed } of sets) this.fuzzy(set, allowed, p, add, settled);

    const ranked = [...hits.values()].sort(
      (a, b) =>
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        a.score - b.score ||
        a.tie - b.tie ||
        a.order! - b.order! ||
        a.sentence - b.sentence ||
        (a.set === b.set ? 0 : a.set === this.reportSet ? -1 : 1),
    );
    const limit = Math.max(0, filters.limit ?? Infinity);
    // only the results that are returned are materialised (a 2-character query can hit
    // thousands of sentences in a large corpus)
    const shown = ranked.length > limit ? ranked.slice(0, limit) : ranked;
    return {
      query: q,
      results: shown.map((h) => this.toResult(h)),
      total: ranked.length,
      groups: groupCounts(ranked.map((h) => ({ group: h.set.docs[h.doc].group, kind: h.kind }))),
      closest: ranked.length === 0 && !literalOnly ? this.closest(sets, compact) : [],
      words,
    };
  }

  private occursIn(set: DocSet, s: string): boolean {
    const cands = set.index.candidates(s);
    const ids = cands ?? set.docs.map((_, i) => i);
    return ids.some((i) => set.docs[i].norm.includes(s));
  }

  private exact(set: DocSet, allowed: (d: SearchDoc) => boolean, phrase: string, add: (h: Hit) => void): void {
    const cands = set.index.candidates(phrase);
    const ids = cands ?? set.docs.keys();
    for (const id of ids) {
      const doc = set.docs[id];
      if (!allowed(doc)) continue;
      for (const pos of occurrences(doc.norm, phrase)) {
        add({
          set,
          doc: id,
          sentence: sentenceAt(doc, pos),
          kind: 'exact',
          score: 0,
          tie: 0,
          ranges: [[pos, pos + phrase.length]],
        });
      }
    }
  }

  private allWords(set: DocSet, allowed: (d: SearchDoc) => boolean, words: string[], add: (h: Hit) => void): void {
    let ids: number[] | null = null;
    for (const w of words) {
      const c = set.index.candidates(w);
      if (c === null) continue;
      if (ids === null) ids = c;
      else {
        const keep = new Set(c);
        ids = ids.filter((x) => keep.has(x));
      }
      if (ids.length === 0) return;
    }
    const list = ids ?? [...set.docs.keys()];
    const sumLen = words.reduce((a, w) => a + w.length, 0);
    for (const id of list) {
      const doc = set.docs[id];
      if (!allowed(doc)) continue;
      // quick reject on the whole doc before looking sentence by sentence
      if (!words.every((w) => doc.norm.includes(w))) continue;
      doc.sentences.forEach((s, si) => {
        const ranges: Range[] = [];
        for (const w of words) {
          const occ = occurrences(doc.norm, w, s.nStart, s.nEnd);
          if (occ.length === 0) return;
          for (const o of occ) ranges.push([o, o + w.length]);
        }
        const lo = Math.min(...ranges.map((r) => r[0]));
        const hi = Math.max(...ranges.map((r) => r[1]));
        const spread = Math.max(0, hi - lo - sumLen) / Math.max(1, s.nEnd - s.nStart);
        add({ set, doc: id, sentence: si, kind: 'all-words', score: 0.1 + 0.099 * Math.min(1, spread), tie: 0, ranges });
      });
    }
  }

  private fuzzy(
    set: DocSet,
    allowed: (d: SearchDoc) => boolean,
    pattern: string,
    add: (h: Hit) => void,
    settled: (set: DocSet, doc: number, sentence: number) => boolean,
  ): void {
    const m = pattern.length;
    const k = Math.floor(this.threshold * m + 1e-9);
    if (k < 1 || m > FUSE_MAX_PATTERN) return;
    // k+1 disjoint pieces; a match with ≤ k edits keeps one of them intact
    const pieces: { text: string; offset: number }[] = [];
    for (let j = 0; j <= k; j++) {
      const a = Math.floor((j * m) / (k + 1));
      const b = Math.floor(((j + 1) * m) / (k + 1));
      pieces.push({ text: pattern.slice(a, b), offset: a });
    }
    const need = new CharBag(pattern);

    // doc → merged windows [start, end) in normalised offsets
    const windows = new Map<number, Range[]>();
    for (const piece of pieces) {
      const cands = set.index.candidates(piece.text);
      if (!cands) continue;
      for (const id of cands) {
        const doc = set.docs[id];
        if (!allowed(doc)) continue;
        for (const pos of occurrences(doc.norm, piece.text)) {
          const a = Math.max(0, pos - piece.offset - k);
          const b = Math.min(doc.norm.length, pos - piece.offset + m + k);
          if (settled(set, id, sentenceAt(doc, pos))) continue;
          if (!need.enoughIn(doc.norm, a, b, m - k)) continue;
          let list = windows.get(id);
          if (!list) windows.set(id, (list = []));
          list.push([a, b]);
        }
      }
    }
    for (const [id, list] of windows) {
      const doc = set.docs[id];
      for (const [a, b] of mergeRanges(list)) {
        const windowText = doc.norm.slice(a, b);
        const r = Fuse.match(pattern, windowText, this.fuseOptions);
        if (!r.isMatch || !r.indices || r.indices.length === 0) continue;
        // Fuse decides; the highlight is the span of the closest match (Fuse's indices drop
        // single characters, so a typo'd 4-character word would light up only half).
        const best = bestApprox(windowText, pattern, k);
        const ranges: Range[] = best
          ? [[a + best.start, a + best.end]]
          : r.indices.map(([s, e]) => [a + s, a + e + 1] as Range);
        add({
          set,
          doc: id,
          sentence: sentenceAt(doc, ranges[0][0]),
          kind: 'fuzzy',
          score: 0.2 + Math.min(this.threshold, r.score),
          // among equal Fuse scores: fewer edits, then a length closer to the query's
          tie: best ? best.errors * 100 + Math.abs(best.end - best.start - m) : 10_000,
          ranges,
        });
      }
    }
  }

  /** Close phrases for a query without hits: an edit distance ≤ half its length, sharing a bigram. */
  private closest(sets: { set: DocSet; allowed: (d: SearchDoc) => boolean }[], compact: string): string[] {
    const m = compact.length;
    if (m < 3 || m > FUSE_MAX_PATTERN) return [];
    const maxErrors = Math.floor(m * SUGGEST_ERROR_RATIO);
    const found = new Map<string, number>();
    const bag = new CharBag(compact);
    let budget = SUGGEST_MAX_OCCURRENCES;
    for (const { set, allowed } of sets) {
      // rarest bigrams first: they are the most telling and the cheapest
      const starts = [...Array(m - 1).keys()].sort(
        (x, y) => set.index.postingsAt(compact, x).length - set.index.postingsAt(compact, y).length,
      );
      for (const i of starts) {
        if (budget <= 0) break;
        for (const id of set.index.postingsAt(compact, i)) {
          const doc = set.docs[id];
          if (!allowed(doc)) continue;
          for (const pos of occurrences(doc.norm, compact.slice(i, i + 2))) {
            if (--budget <= 0) break;
            const a = Math.max(0, pos - i - maxErrors);
            const b = Math.min(doc.norm.length, pos - i + m + maxErrors);
            if (!bag.enoughIn(doc.norm, a, b, m - maxErrors)) continue;
            for (const hit of approxSearch(doc.norm.slice(a, b), compact, maxErrors)) {
              const [s, e] = toOriginalRange(doc.map, a + hit.start, a + hit.end);
              const text = doc.text.slice(s, e).trim();
              if (!WORD_CHAR.test(text)) continue;
              const prev = found.get(text);
              if (prev === undefined || hit.errors < prev) found.set(text, hit.errors);
            }
          }
          if (budget <= 0) break;
        }
      }
    }
    const ranked = [...found.entries()]
      .sort((x, y) => x[1] - y[1] || Math.abs(x[0].length - m) - Math.abs(y[0].length - m))
      .map(([t]) => t);
    // a suggestion contained in a better one adds nothing
    const out: string[] = [];
    for (const t of ranked) {
      if (out.some((o) => o.includes(t) || t.includes(o))) continue;
      out.push(t);
      if (out.length === 3) break;
    }
    return out;
  }

  private toResult(h: Hit): SearchResult {
    const doc = h.set.docs[h.doc];
    const s = doc.sentences[h.sentence];
    const orig = mergeRanges(h.ranges).map(([a, b]) => toOriginalRange(doc.map, a, b));
    const ranges = mergeRanges(
      orig.map(([a, b]) => [Math.max(a, s.start) - s.start, Math.min(b, s.end) - s.start] as Range),
    );
    const isNote = doc.source === 'note';
    const base: SearchResult = {
      key: isNote ? `note:${doc.note!.annotationId}` : `${doc.reportId}:${s.id ?? doc.paragraphId}`,
      reportId: doc.reportId,
      reportTitle: this.titles.get(doc.reportId) ?? '',
      source: doc.source,
      paragraphId: doc.paragraphId,
      sentenceId: s.id,
      label: doc.label,
      text: doc.text.slice(s.start, s.end),
      ranges,
      paragraphRanges: isNote ? [] : mergeRanges(orig),
      textStart: isNote ? -1 : s.start,
      score: Math.round(h.score * 1000) / 1000,
      kind: h.kind,
      group: doc.group,
    };
    if (isNote) {
      const n = doc.note!;
      base.annotationId = n.annotationId;
      base.color = n.color;
      base.tags = n.tags;
      base.author = n.author;
    }
    return base;
  }
}

/** The lowest-error approximate occurrence of `pattern` in `text` (≤ maxErrors edits), or null. */
function bestApprox(text: string, pattern: string, maxErrors: number): { start: number; end: number; errors: number } | null {
  let best: { start: number; end: number; errors: number } | null = null;
  for (const h of approxSearch(text, pattern, maxErrors)) {
    const better =
      !best ||
      h.errors < best.errors ||
      (h.errors === best.errors && Math.abs(h.end - h.start - pattern.length) < Math.abs(best.end - best.start - pattern.length));
    if (better) best = h;
  }
  return best;
}

/** The characters of a pattern with their counts, for a cheap necessary condition on windows. */
class CharBag {
  private readonly chars: string[] = [];
  private readonly counts: number[] = [];
  private readonly left: Int32Array;

  constructor(pattern: string) {
    for (const ch of pattern) {
      const i = this.chars.indexOf(ch);
      if (i >= 0) this.counts[i]++;
      else {
        this.chars.push(ch);
        this.counts.push(1);
      }
    }
    this.left = new Int32Array(this.chars.length);
  }

  /** Whether `text[a, b)` holds at least `min` of the pattern's characters (with multiplicity). ≤ k edits imply m − k. */
  enoughIn(text: string, a: number, b: number, min: number): boolean {
    const left = this.left;
    for (let j = 0; j < left.length; j++) left[j] = this.counts[j];
    let got = 0;
    for (let i = a; i < b; i++) {
      const j = this.chars.indexOf(text[i]);
      if (j >= 0 && left[j] > 0) {
        left[j]--;
        if (++got >= min) return true;
      }
    }
    return false;
  }
}

function noteFilter(f: SearchFilters): (d: SearchDoc) => boolean {
  const matches = annotationMatcher(f);
  return (d) => !!d.note && matches(d.note);
}

/** Hits per group, best group first (by its best hit), then reading order. `ranked` is best first. */
function groupCounts(ranked: { group: SearchGroup; kind: MatchKind }[]): GroupCount[] {
  const byId = new Map<string, GroupCount & { kind: MatchKind }>();
  for (const r of ranked) {
    const g = byId.get(r.group.id);
    if (g) g.count++;
    else byId.set(r.group.id, { group: r.group, count: 1, kind: r.kind });
  }
  return [...byId.values()]
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.group.order - b.group.order)
    .map(({ group, count }) => ({ group, count }));
}

/**
 * One-shot search of a report (and optional notes), for the CLI and tests.
 * Builds the index each call; use a SearchEngine to search repeatedly.
 */
export function searchReport(
  report: Report,
  query: string,
  filters: SearchFilters = {},
  notes: readonly NoteRecord[] = [],
): SearchResponse {
  const engine = new SearchEngine();
  engine.setReport(report);
  engine.setNotes(notes);
  return engine.search(query, filters);
}
