/**
 * Public types of the search: records going in (report + notes), filters, and the ranked
 * results coming out (also the JSON the `npm run search` CLI prints).
 */
import type { ColorKey } from '../annotations/model';

/** A note to search, flattened from an Annotation by whoever owns the annotations. */
export interface NoteRecord {
  annotationId: string;
  /** Paragraph the annotation starts in (its anchor's segmentId). */
  paragraphId: string;
  /** Plain text of the note. */
  text: string;
  color: ColorKey;
  tags: string[];
  author: string;
  /** Optional start offset of the annotation in the paragraph, to name the sentence it is on. */
  start?: number;
  /** Report the note belongs to; defaults to the only/first indexed report. */
  reportId?: string;
}

/** Which texts to search: 全部 / 正文 / 批注. */
export type SearchScope = 'all' | 'report' | 'notes';

export interface SearchFilters {
  /** Default `all`. */
  scope?: SearchScope;
  /** Notes only: keep notes with one of these colours (empty/absent = any). */
  colors?: ColorKey[];
  /** Notes only: keep notes carrying at least one of these tags (empty/absent = any). */
  tags?: string[];
  /** Notes only: keep notes by one of these authors (empty/absent = any). */
  authors?: string[];
  /**
   * Most results returned (after ranking); group counts and `total` still count all hits.
   * Default: no limit.
   */
  limit?: number;
}

/** A part / item section results are grouped by, in reading order. */
export interface SearchGroup {
  /** `${reportId}:${part}-${item}`, or `${reportId}:orphan-notes`. */
  id: string;
  /** Citation label of the section: `三(二)`, `二`, or `前文` for text before the first part. */
  label: string;
  /** Heading path, e.g. `三、2026年工作安排 › (二)坚持双碳引领、多能融合,构建新型能源体系。`. */
  title: string;
  /** Reading order of the section (for sorting groups). */
  order: number;
}

/** `exact`: the query occurs literally; `all-words`: every word occurs in the sentence; `fuzzy`: a near miss. */
export type MatchKind = 'exact' | 'all-words' | 'fuzzy';

/** UTF-16 `[start, end)` range. */
export type Range = [number, number];

export interface SearchResult {
  /** Unique key of the hit: `${reportId}:${sentenceId}` or `note:${annotationId}`. */
  key: string;
  reportId: string;
  /** Title of that report (several reports are searched together on the 书架). */
  reportTitle: string;
  source: 'report' | 'note';
  paragraphId: string;
  /** Sentence hit; for a note, the sentence its annotation starts in when known, else null. */
  sentenceId: string | null;
  /** Citation label of the paragraph (`三(二)¶2`). */
  label: string;
  /** The sentence text (report) or the note text (note). */
  text: string;
  /** Matched ranges in `text`, sorted, non-overlapping. */
  ranges: Range[];
  /**
   * Report hits: the same matches as offsets into `paragraph.text` (for in-text marking;
   * an exact phrase that runs on past the sentence is given whole here). Notes: empty.
   */
  paragraphRanges: Range[];
  /** Offset of `text` in `paragraph.text` (report hits); -1 for notes. */
  textStart: number;
  /** 0 = perfect; lower is better (Fuse.js convention). exact 0, all-words [0.1, 0.2), fuzzy [0.2, 0.5]. */
  score: number;
  kind: MatchKind;
  group: SearchGroup;
  annotationId?: string;
  color?: ColorKey;
  tags?: string[];
  author?: string;
}

export interface GroupCount {
  group: SearchGroup;
  count: number;
}

export interface SearchResponse {
  /** The query as normalised for search ('' when it was empty or punctuation only). */
  query: string;
  /** Ranked: exact, then all-words, then fuzzy; ties in reading order. Cut to `limit`. */
  results: SearchResult[];
  /** Total hits before `limit`. */
  total: number;
  /** Hits per group over all hits, in display order (best hit first, then reading order). */
  groups: GroupCount[];
  /** When there is no hit: up to 3 close phrases from the text (only when genuinely close). */
  closest: string[];
  /** Words the query was split into for the all-words stage (empty for one word). */
  words: string[];
}
