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
/** Exact hits from which the all-words and near-miss passes are skipped (the panel lists 200). */
export const EXACT_ENOUGH = 200;
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

/** A searchable collection: its docs and their bigram index (one per report, one for the notes). */
class DocSet {
  /** Number of sentences before each doc's first one (doc → offset in this set's hit keys). */
  readonly sentBase: Int32Array;
  readonly sentenceCount: number;
  /** First hit key of this set (sets are numbered one after the other, see SearchEngine.setNotes). */
  base = 0;
  /** Fingerprint of the report text (report sets). */
  fingerprint = '';
  constructor(
    readonly docs: SearchDoc[],
    readonly index: BigramIndex = new BigramIndex(docs.map((d) => d.norm)),
    readonly isNote = false,
  ) {
    this.sentBase = new Int32Array(docs.length);
    let n = 0;
    for (let i = 0; i < docs.length; i++) {
      this.sentBase[i] = n;
      n += docs[i].sentences.length;
    }
    this.sentenceCount = n;
  }
}

/** Layout of ReportIndexSnapshot; a stored snapshot of another layout is rebuilt, not read. */
export const SNAPSHOT_LAYOUT = 2;

/**
 * The search index of one report as plain data (structured-cloneable: a few typed arrays):
 * stored between starts so that searching the whole 书架 does not rebuild it
 * (renderer/search/index-cache.ts). The docs themselves are cheap to derive from the report
 * again; the bigram postings are what a build spends its time on.
 */
export interface ReportIndexSnapshot {
  layout: typeof SNAPSHOT_LAYOUT;
  reportId: string;
  /** Fingerprint of the report text the index was built from (Report.fingerprint). */
  fingerprint: string;
  /** Paragraph count and normalised length: a snapshot of another segmentation is refused. */
  paragraphs: number;
  normChars: number;
  bigram: BigramSnapshot;
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
  /** Insertion order: the last tie-break, as a stable sort of the hits in insertion order gave. */
  seq?: number;
  /** Normalised doc-level ranges. */
  ranges: Range[];
}

/**
 * The hits of one search by sentence number: an array index instead of a Map, since a common
 * word hits thousands of sentences and every stage looks sentences up.
 */
class HitTable {
  readonly list: Hit[] = [];
  private readonly slot: Int32Array;
  constructor(sentences: number) {
    this.slot = new Int32Array(sentences);
  }
  get size(): number {
    return this.list.length;
  }
  get(k: number): Hit | undefined {
    const i = this.slot[k];
    return i === 0 ? undefined : this.list[i - 1];
  }
  /** Adds `h` at `k`, or puts it in the place of the hit there. */
  set(k: number, h: Hit): void {
    const i = this.slot[k];
    if (i === 0) this.slot[k] = this.list.push(h);
    else this.list[i - 1] = h;
  }
}

/** Fuse's verdict on a window, and the closest approximate occurrence in it. */
interface Verdict {
  r: ReturnType<typeof Fuse.match>;
  best: { start: number; end: number; errors: number } | null;
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

/** Every start of `needle` in `hay`, overlapping ones included, ascending. */
function allStarts(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
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
  private reportSets: DocSet[] = [];
  private noteSet = new DocSet([], undefined, true);
  private notes: readonly NoteRecord[] = [];
  private paragraphs = new Map<string, ParagraphInfo>();
  private defaultReportId = '';
  private titles = new Map<string, string>();
  /** Sentences of all sets (the hit keys are 0 … sentenceTotal-1). */
  private sentenceTotal = 0;
  /** Which reports' indexes the last setReports built (the others came from snapshots). */
  private built: string[] = [];

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

  /**
   * Replaces the indexed reports (several may be searched together). Notes are re-resolved.
   * `stored` may hold snapshots of earlier indexes (any order, stale ones included): a report
   * whose snapshot matches its id, fingerprint, segmentation and layout is not indexed again.
   */
  setReports(reports: readonly Report[], stored: readonly (ReportIndexSnapshot | null | undefined)[] = []): void {
    const byId = new Map<string, ReportIndexSnapshot>();
    for (const s of stored) if (s && typeof s.reportId === 'string') byId.set(s.reportId, s);
    this.built = [];
    const sets = reports.map((r, n) => {
      const docs = reportDocs(r, n * 1_000_000);
      const index = restoredIndex(byId.get(r.id), r, docs);
      if (!index) this.built.push(r.id);
      const set = new DocSet(docs, index ?? undefined);
      set.fingerprint = r.fingerprint;
      return set;
    });
    this.load(sets, new Map(reports.map((r) => [r.id, r.title])), reports[0]?.id ?? '');
  }

  /** Ids of the reports whose index the last setReports built rather than restored. */
  get builtReports(): readonly string[] {
    return this.built;
  }

  /** The index of the indexed report `reportId` as plain data (see ReportIndexSnapshot), or null. */
  snapshot(reportId: string): ReportIndexSnapshot | null {
    const set = this.reportSets.find((s) => s.docs[0]?.reportId === reportId);
    if (!set) return null;
    return {
      layout: SNAPSHOT_LAYOUT,
      reportId,
      fingerprint: set.fingerprint,
      paragraphs: set.docs.length,
      normChars: normChars(set.docs),
      bigram: set.index.snapshot(),
    };
  }

  private load(sets: DocSet[], titles: Map<string, string>, defaultReportId: string): void {
    this.paragraphs = new Map();
    for (const set of sets) {
      for (const d of set.docs) {
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
    }
    this.defaultReportId = defaultReportId;
    this.titles = titles;
    this.reportSets = sets;
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
    this.noteSet = new DocSet(noteDocs(notes, resolve, this.defaultReportId), undefined, true);
    // hit keys: every sentence of every set numbered one after the other
    let base = 0;
    for (const set of [...this.reportSets, this.noteSet]) {
      set.base = base;
      base += set.sentenceCount;
    }
    this.sentenceTotal = base;
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
    return { paragraphs: this.reportSets.reduce((n, s) => n + s.docs.length, 0), notes: this.noteSet.docs.length };
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
    const sets: { set: DocSet; allowed: ((d: SearchDoc) => boolean) | null }[] = [];
    if (scope !== 'notes') for (const set of this.reportSets) sets.push({ set, allowed: null });
    if (scope !== 'report') sets.push({ set: this.noteSet, allowed: noteFilter(filters) });

    const compact = q.replace(/ /g, '');
    // keyed by sentence number (DocSet.base + sentBase): a common 2-character query makes
    // thousands of hits in a large corpus, so keys stay small integers
    const hits = new HitTable(this.sentenceTotal);
    const add = (h: Hit) => {
      const k = h.set.base + h.set.sentBase[h.doc] + h.sentence;
      const old = hits.get(k);
      if (!old) {
        h.order = h.set.docs[h.doc].order;
        h.seq = hits.size;
        hits.set(k, h);
      } else if (h.kind === old.kind && h.kind !== 'all-words') {
        // several exact occurrences, or near misses in separate windows of one sentence: mark all
        for (const r of h.ranges) old.ranges.push(r);
        if (h.score < old.score || (h.score === old.score && h.tie < old.tie)) {
          old.score = h.score;
          old.tie = h.tie;
        }
      } else if (KIND_RANK[h.kind] < KIND_RANK[old.kind] || (h.kind === old.kind && h.score < old.score)) {
        // the better hit takes the place (and the rank among equals) of the old one
        h.order = old.order;
        h.seq = old.seq;
        hits.set(k, h);
      }
    };
    const kindAt = (set: DocSet, doc: number, sentence: number) => hits.get(set.base + set.sentBase[doc] + sentence)?.kind;

    // 1. exact phrase (as typed, and without the spaces users put between Chinese words)
    const phrases = [...new Set([q, compact])];
    if (compact.length > FUSE_MAX_PATTERN) {
      // a paste spanning paragraphs (newlines became spaces): each line is an exact phrase too
      for (const piece of q.split(' ').slice(0, MAX_PASTE_PIECES)) if (piece.length >= 4) phrases.push(piece);
    }
    for (const { set, allowed } of sets) for (const p of phrases) this.exact(set, allowed, p, add);

    // With this many exact hits the list (the panel shows 200) holds nothing else: every
    // all-words or near-miss hit would rank below them. Those passes are the costly ones for a
    // common word in a large shelf, so they are skipped; the total then counts exact hits.
    const exactEnough = hits.size >= EXACT_ENOUGH;

    // 2. every word in one sentence
    let words: string[] = [];
    if (!literalOnly && compact.length <= FUSE_MAX_PATTERN) {
      const occurs = (s: string) => sets.some(({ set }) => this.occursIn(set, s));
      words = queryWords(q, occurs).slice(0, MAX_WORDS);
      // one word differing from the query = the query with punctuation dropped (`'营商` → 营商);
      // a single character that way (`(一)` → 一) would match half the text
      if (words.length >= 2 || (words.length === 1 && words[0] !== compact && words[0].length >= 2)) {
        if (!exactEnough) for (const { set, allowed } of sets) this.allWords(set, allowed, words, add, kindAt);
      } else {
        words = [];
      }
    }

    // 3. near misses through Fuse.js
    const patterns: string[] = [];
    if (literalOnly || exactEnough) {
      // no near misses for punctuation, nor where exact hits fill the list
    } else if (compact.length <= FUSE_MAX_PATTERN) patterns.push(compact);
    else if (hits.size === 0) {
      for (let i = 0; i < MAX_FUZZY_CHUNKS && i * FUSE_MAX_PATTERN < compact.length; i++) {
        const chunk = compact.slice(i * FUSE_MAX_PATTERN, (i + 1) * FUSE_MAX_PATTERN);
        if (chunk.length >= 4) patterns.push(chunk);
      }
    }
    // a sentence that already has an exact or all-words hit cannot get better
    const settled = (set: DocSet, doc: number, sentence: number) => hits.get(set.base + set.sentBase[doc] + sentence) !== undefined;
    for (const p of patterns) {
      const judged = new Map<string, Verdict | null>();
      for (const { set, allowed } of sets) this.fuzzy(set, allowed, p, add, settled, judged);
    }

    const all = hits.list;
    const limit = Math.max(0, filters.limit ?? Infinity);
    // Only the results returned are ranked in full and materialised: a 2-character query can
    // hit thousands of sentences in a large corpus, and the panel shows 200.
    const shown = topK(all, limit, compareHits);
    return {
      query: q,
      results: shown.map((h) => this.toResult(h)),
      total: all.length,
      groups: groupCounts(all),
      closest: all.length === 0 && !literalOnly ? this.closest(sets, compact) : [],
      words,
    };
  }

  private occursIn(set: DocSet, s: string): boolean {
    const cands = set.index.candidates(s);
    const ids = cands ?? set.docs.map((_, i) => i);
    return ids.some((i) => set.docs[i].norm.includes(s));
  }

  private exact(set: DocSet, allowed: ((d: SearchDoc) => boolean) | null, phrase: string, add: (h: Hit) => void): void {
    const cands = set.index.candidates(phrase);
    const ids = cands ?? set.docs.keys();
    const len = phrase.length;
    for (const id of ids) {
      const doc = set.docs[id];
      if (allowed && !allowed(doc)) continue;
      const norm = doc.norm;
      const ss = doc.sentences;
      let si = 0;
      let ranges: Range[] | null = null;
      // occurrences ascend, so the sentence pointer only moves forward (= sentenceAt), and the
      // occurrences of one sentence go in as one hit
      for (let pos = norm.indexOf(phrase); pos >= 0; pos = norm.indexOf(phrase, pos + len)) {
        let next = si;
        while (next + 1 < ss.length && ss[next + 1].nStart <= pos) next++;
        if (ranges && next !== si) {
          add({ set, doc: id, sentence: si, kind: 'exact', score: 0, tie: 0, ranges });
          ranges = null;
        }
        si = next;
        if (ranges) ranges.push([pos, pos + len]);
        else ranges = [[pos, pos + len]];
      }
      if (ranges) add({ set, doc: id, sentence: si, kind: 'exact', score: 0, tie: 0, ranges });
    }
  }

  private allWords(
    set: DocSet,
    allowed: ((d: SearchDoc) => boolean) | null,
    words: string[],
    add: (h: Hit) => void,
    kindAt: (set: DocSet, doc: number, sentence: number) => MatchKind | undefined,
  ): void {
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
    const at = new Int32Array(words.length);
    for (const id of list) {
      const doc = set.docs[id];
      if (allowed && !allowed(doc)) continue;
      // quick reject on the whole doc before looking sentence by sentence
      if (!words.every((w) => doc.norm.includes(w))) continue;
      // every start of each word (overlapping too), once per doc: looking each sentence up
      // with indexOf from its start rescanned the rest of the paragraph for every sentence
      const starts = words.map((w) => allStarts(doc.norm, w));
      at.fill(0);
      const ss = doc.sentences;
      sentences: for (let si = 0; si < ss.length; si++) {
        const s = ss[si];
        // skip to this sentence; a sentence missing a word is passed over without allocating
        for (let j = 0; j < words.length; j++) {
          const occ = starts[j];
          let p = at[j];
          while (p < occ.length && occ[p] < s.nStart) p++;
          at[j] = p;
          if (p >= occ.length || occ[p] + words[j].length > s.nEnd) continue sentences;
        }
        // an exact hit there already outranks anything found here
        if (kindAt(set, id, si) === 'exact') continue;
        const ranges: Range[] = [];
        for (let j = 0; j < words.length; j++) {
          const occ = starts[j];
          const len = words[j].length;
          // the non-overlapping occurrences inside the sentence, as indexOf from its start finds them
          let from = s.nStart;
          for (let p = at[j]; p < occ.length && occ[p] + len <= s.nEnd; p++) {
            if (occ[p] < from) continue;
            ranges.push([occ[p], occ[p] + len]);
            from = occ[p] + len;
          }
        }
        let lo = Infinity;
        let hi = -Infinity;
        for (const r of ranges) {
          if (r[0] < lo) lo = r[0];
          if (r[1] > hi) hi = r[1];
        }
        const spread = Math.max(0, hi - lo - sumLen) / Math.max(1, s.nEnd - s.nStart);
        add({ set, doc: id, sentence: si, kind: 'all-words', score: 0.1 + 0.099 * Math.min(1, spread), tie: 0, ranges });
      }
    }
  }

  private fuzzy(
    set: DocSet,
    allowed: ((d: SearchDoc) => boolean) | null,
    pattern: string,
    add: (h: Hit) => void,
    settled: (set: DocSet, doc: number, sentence: number) => boolean,
    judged: Map<string, Verdict | null>,
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
      const plen = piece.text.length;
      for (const id of cands) {
        const doc = set.docs[id];
        if (allowed && !allowed(doc)) continue;
        const norm = doc.norm;
        for (let pos = norm.indexOf(piece.text); pos >= 0; pos = norm.indexOf(piece.text, pos + plen)) {
          const a = Math.max(0, pos - piece.offset - k);
          const b = Math.min(norm.length, pos - piece.offset + m + k);
          // the cheap character count first: most windows of a common piece fail it
          if (!need.enoughIn(norm, a, b, m - k)) continue;
          if (settled(set, id, sentenceAt(doc, pos))) continue;
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
        // The same few contexts of a common piece recur thousands of times in a large corpus
        // (营商坏境 → every 营商环境): judge each window text once per search.
        let verdict = judged.get(windowText);
        if (verdict === undefined) {
          const m0 = Fuse.match(pattern, windowText, this.fuseOptions);
          // Fuse decides; the highlight is the span of the closest match (Fuse's indices drop
          // single characters, so a typo'd 4-character word would light up only half).
          verdict = m0.isMatch && m0.indices && m0.indices.length > 0 ? { r: m0, best: bestApprox(windowText, pattern, k) } : null;
          judged.set(windowText, verdict);
        }
        if (!verdict) continue;
        const { r, best } = verdict;
        const ranges: Range[] = best
          ? [[a + best.start, a + best.end]]
          : r.indices!.map(([s, e]) => [a + s, a + e + 1] as Range);
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
  private closest(sets: { set: DocSet; allowed: ((d: SearchDoc) => boolean) | null }[], compact: string): string[] {
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
          if (allowed && !allowed(doc)) continue;
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

/** Rank order of hits: kind, score, tie, reading order, sentence, report before note, insertion. */
function compareHits(a: Hit, b: Hit): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    a.score - b.score ||
    a.tie - b.tie ||
    a.order! - b.order! ||
    a.sentence - b.sentence ||
    (a.set.isNote ? 1 : 0) - (b.set.isNote ? 1 : 0) ||
    a.seq! - b.seq!
  );
}

/**
 * The first `k` of `items` in `cmp` order, sorted. A bounded max-heap: O(n log k) instead of
 * sorting thousands of hits of which the panel shows 200.
 */
export function topK<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (items.length <= k) return [...items].sort(cmp);
  if (k <= 0) return [];
  const heap: T[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (cmp(heap[i], heap[parent]) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let big = i;
      if (l < heap.length && cmp(heap[l], heap[big]) > 0) big = l;
      if (r < heap.length && cmp(heap[r], heap[big]) > 0) big = r;
      if (big === i) return;
      [heap[i], heap[big]] = [heap[big], heap[i]];
      i = big;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      up(heap.length - 1);
    } else if (cmp(x, heap[0]) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(cmp);
}

/**
 * Hits per group, best group first (by its best hit), then reading order; among equals, the
 * group whose best hit ranks first.
 */
function groupCounts(hits: readonly Hit[]): GroupCount[] {
  const byId = new Map<string, { group: SearchGroup; count: number; best: Hit }>();
  for (const h of hits) {
    const group = h.set.docs[h.doc].group;
    const g = byId.get(group.id);
    if (!g) byId.set(group.id, { group, count: 1, best: h });
    else {
      g.count++;
      if (compareHits(h, g.best) < 0) {
        g.best = h;
        g.group = group;
      }
    }
  }
  return [...byId.values()]
    .sort((a, b) => KIND_RANK[a.best.kind] - KIND_RANK[b.best.kind] || a.group.order - b.group.order || compareHits(a.best, b.best))
    .map(({ group, count }) => ({ group, count }));
}

/** Total normalised length of docs: part of what tells a snapshot belongs to this segmentation. */
function normChars(docs: readonly SearchDoc[]): number {
  let n = 0;
  for (const d of docs) n += d.norm.length;
  return n;
}

/** The stored index of `report` when `s` was taken of exactly this text and segmentation, else null. */
function restoredIndex(s: ReportIndexSnapshot | undefined, report: Report, docs: readonly SearchDoc[]): BigramIndex | null {
  if (!s || s.layout !== SNAPSHOT_LAYOUT || s.reportId !== report.id || s.fingerprint !== report.fingerprint) return null;
  if (s.paragraphs !== docs.length || s.normChars !== normChars(docs) || !s.bigram || s.bigram.size !== docs.length) return null;
  return BigramIndex.fromSnapshot(s.bigram);
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
