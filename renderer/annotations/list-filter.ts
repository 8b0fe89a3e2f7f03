/**
 * The annotation list's filter: colour, tag and author (shared/annotations) plus the section
 * (part/item) an annotation starts in. The 打印摘录 scope 当前筛选 uses exactly this, so what
 * prints is what the list shows.
 */
import type { ResolvedAnchor } from '../../shared/anchoring';
import { filterAnnotations, type Annotation, type AnnotationFilter } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';

export interface ListFilter extends AnnotationFilter {
  /** `${part}-${item}` of the section (AnnotationGroup.key); absent = every section. */
  section?: string;
}

/** Section key of where the annotation starts, or null for an orphan. */
export function sectionKeyOf(report: Report, r: ResolvedAnchor | undefined): string | null {
  if (!r || r.status === 'orphan') return null;
  const p = report.paragraphs.find((x) => x.id === r.segmentId);
  return p ? `${p.part}-${p.item}` : null;
}

export function applyListFilter(report: Report, list: readonly Annotation[], resolutions: ReadonlyMap<string, ResolvedAnchor>, f: ListFilter): Annotation[] {
  const base = filterAnnotations(list, f);
  if (!f.section) return base;
  return base.filter((a) => sectionKeyOf(report, resolutions.get(a.id)) === f.section);
}
