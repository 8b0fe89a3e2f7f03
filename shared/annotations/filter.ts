/**
 * Filters and counts for the annotation list.
 */
import type { Annotation, ColorKey } from './model';
import { COLOR_KEYS } from './schema';
import { tagKey } from './tags';

export interface AnnotationFilter {
  /** Keep annotations of any of these colours; empty or missing = all colours. */
  colors?: readonly ColorKey[];
  /** Keep annotations carrying these tags (compared normalised, case-insensitive). */
  tags?: readonly string[];
  /** `any` (default): at least one of `tags`; `all`: every one of them. */
  tagMode?: 'any' | 'all';
  /** Keep annotations by any of these authors (exact, trimmed). */
  authors?: readonly string[];
  /** Default false: tombstones are dropped. */
  includeDeleted?: boolean;
}

/** What a filter looks at: an annotation, or a note record in the search index. */
export type Filterable = Pick<Annotation, 'color' | 'tags' | 'author'> & { deleted?: boolean };

/**
 * The one colour / tag / author test of the app (annotation list, 打印摘录 scope, note search):
 * tags compared normalised and case-insensitively, authors trimmed.
 */
export function annotationMatcher(f: AnnotationFilter = {}): (a: Filterable) => boolean {
  const colors = f.colors && f.colors.length > 0 ? new Set(f.colors) : null;
  const tags = f.tags && f.tags.length > 0 ? [...new Set(f.tags.map(tagKey).filter(Boolean))] : null;
  const authors = f.authors && f.authors.length > 0 ? new Set(f.authors.map((s) => s.trim())) : null;
  return (a) => {
    if (a.deleted && !f.includeDeleted) return false;
    if (colors && !colors.has(a.color)) return false;
    if (authors && !authors.has(a.author.trim())) return false;
    if (tags) {
      const own = new Set(a.tags.map(tagKey));
      const hit = f.tagMode === 'all' ? tags.every((t) => own.has(t)) : tags.some((t) => own.has(t));
      if (!hit) return false;
    }
    return true;
  };
}

/** The annotations matching every given criterion, order kept. */
export function filterAnnotations(list: readonly Annotation[], f: AnnotationFilter = {}): Annotation[] {
  return list.filter(annotationMatcher(f));
}

/**
 * Live highlights per colour; every colour is present (0 when unused). A 段落批注 is a note, not a
 * highlight in a colour the user chose, so it is not counted (it would swell 重点).
 */
export function countByColor(list: readonly Annotation[]): Record<ColorKey, number> {
  const counts = Object.fromEntries(COLOR_KEYS.map((c) => [c, 0])) as Record<ColorKey, number>;
  for (const a of list) if (!a.deleted && a.target !== 'paragraph') counts[a.color]++;
  return counts;
}

/** Distinct authors of live annotations, in Chinese collation order. */
export function listAuthors(list: readonly Annotation[]): string[] {
  const set = new Set(list.filter((a) => !a.deleted).map((a) => a.author.trim()));
  return [...set].sort(new Intl.Collator('zh-CN').compare);
}
