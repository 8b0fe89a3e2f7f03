/**
 * The 批注列表's numbers and rows from the store's filing by paragraph (`byParagraph`, `orphans`):
 * colour counts, tags, authors and the filtered sections are computed per paragraph array and
 * cached on it, so after a click only the one or two paragraphs it touched are looked at again
 * (50,000 annotations: counting, filtering and regrouping everything took longer than a frame).
 */
import { annotationMatcher, countByColor, groupChunks, groupSections, listAuthors, rankTags, tagSpellings, type Annotation, type AnnotationGroup, type ChunkGroup, type ColorKey, type TagCount } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import type { ListFilter } from './list-filter';

export interface ListSummary {
  counts: Record<ColorKey, number>;
  tags: TagCount[];
  authors: string[];
}

interface ChunkSummary {
  counts: Record<ColorKey, number>;
  /** Tag spellings with their counts, by normalised tag. */
  tags: Map<string, Map<string, number>>;
  authors: string[];
}

const chunkSummaries = new WeakMap<readonly Annotation[], ChunkSummary>();

function summarizeChunk(chunk: readonly Annotation[]): ChunkSummary {
  let s = chunkSummaries.get(chunk);
  if (!s) chunkSummaries.set(chunk, (s = { counts: countByColor(chunk), tags: tagSpellings(chunk), authors: listAuthors(chunk) }));
  return s;
}

/**
 * countByColor, collectTags and listAuthors of all the chunks together (the same values as over
 * their concatenation), from per-chunk summaries.
 */
export function summarize(chunks: Iterable<readonly Annotation[]>): ListSummary {
  const counts = countByColor([]);
  const spellingsByKey = new Map<string, Map<string, number>>();
  const authors = new Set<string>();
  for (const chunk of chunks) {
    const s = summarizeChunk(chunk);
    for (const c of Object.keys(counts) as ColorKey[]) counts[c] += s.counts[c];
    for (const [key, spellings] of s.tags) {
      const into = spellingsByKey.get(key) ?? new Map<string, number>();
      for (const [t, n] of spellings) into.set(t, (into.get(t) ?? 0) + n);
      spellingsByKey.set(key, into);
    }
    for (const a of s.authors) authors.add(a);
  }
  return { counts, tags: rankTags(spellingsByKey), authors: [...authors].sort(new Intl.Collator('zh-CN').compare) };
}

const filtered = new WeakMap<readonly Annotation[], { filter: ListFilter; out: readonly Annotation[] }>();

/** `chunk` through the list's colour/tag/author filter, cached per chunk and filter. */
function filterChunk(chunk: readonly Annotation[], filter: ListFilter, match: (a: Annotation) => boolean): readonly Annotation[] {
  const hit = filtered.get(chunk);
  if (hit && hit.filter === filter) return hit.out;
  const out = chunk.filter(match);
  // An unfiltered chunk stays the same array (cheaper, and keeps identities stable).
  const kept = out.length === chunk.length ? chunk : out;
  filtered.set(chunk, { filter, out: kept });
  return kept;
}

/**
 * "No filter", one object: the per-chunk filter cache is keyed by the filter object, and a fresh
 * `{}` on every render missed it (and evicted the list's own entry), refiltering 50,000 per click.
 */
export const NO_FILTER: ListFilter = Object.freeze({});

const isEmpty = (f: ListFilter) => !f.section && !f.colors?.length && !f.tags?.length && !f.authors?.length;

export interface ListSections {
  /** Sections of the annotations that pass the filter, as their paragraph arrays (O(paragraphs)). */
  sections: ChunkGroup[];
  /** The same sections with their annotations concatenated (computed when read: O(annotations)). */
  readonly groups: AnnotationGroup[];
  orphans: readonly Annotation[];
  /** How many pass the filter. */
  shown: number;
}

/** What applyListFilter + groupByPart give for the list, from the filing by paragraph. */
export function listSections(report: Report, byParagraph: ReadonlyMap<string, readonly Annotation[]>, orphans: readonly Annotation[], given: ListFilter): ListSections {
  // Every empty filter is the one NO_FILTER: the list's filter and the section menu's share the cache.
  const filter = isEmpty(given) ? NO_FILTER : given;
  const match = annotationMatcher(filter);
  const kept = new Map<string, readonly Annotation[]>();
  let shown = 0;
  for (const p of report.paragraphs) {
    const chunk = byParagraph.get(p.id);
    if (!chunk) continue;
    // The section filter is the part/item of the paragraph an annotation starts in.
    if (filter.section && `${p.part}-${p.item}` !== filter.section) continue;
    const out = filterChunk(chunk, filter, match);
    if (out.length === 0) continue;
    kept.set(p.id, out);
    shown += out.length;
  }
  // Orphans have no section: a section filter leaves them out.
  const shownOrphans = filter.section ? [] : filterChunk(orphans, filter, match);
  return {
    sections: groupChunks(report, kept),
    get groups() {
      return groupSections(report, kept);
    },
    orphans: shownOrphans,
    shown: shown + shownOrphans.length,
  };
}
