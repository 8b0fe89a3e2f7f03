/**
 * Reading order and grouping for the annotation list and exports.
 */
import type { ResolvedAnchor } from '../anchoring/resolve-anchor';
import type { Report } from '../report/model';
import type { Annotation } from './model';

/** Where an annotation currently sits, as paragraph indices into `Report.paragraphs`. */
export interface Placement {
  paragraphIndex: number;
  start: number;
  endParagraphIndex: number;
  end: number;
}

/** Resolutions by annotation id (from resolveAnchor); missing ids fall back to the stored anchor. */
export type Resolutions = ReadonlyMap<string, ResolvedAnchor>;

const indexCache = new WeakMap<Report, Map<string, number>>();
function paragraphIndex(report: Report): Map<string, number> {
  let m = indexCache.get(report);
  if (!m) {
    m = new Map(report.paragraphs.map((p, i) => [p.id, i]));
    indexCache.set(report, m);
  }
  return m;
}

/**
 * Placement of an annotation: its resolution if given (null for an orphan), else its stored
 * anchor if both paragraph ids exist in the report, else null.
 */
export function placeAnnotation(report: Report, a: Annotation, resolutions?: Resolutions): Placement | null {
  const r = resolutions?.get(a.id);
  if (r && r.status === 'orphan') return null;
  const loc = r ?? a.anchor;
  const idx = paragraphIndex(report);
  const pi = idx.get(loc.segmentId);
  const qi = idx.get(loc.endSegmentId);
  if (pi === undefined || qi === undefined) return null;
  return { paragraphIndex: pi, start: loc.start, endParagraphIndex: qi, end: loc.end };
}

function comparePlacement(a: Placement, b: Placement): number {
  return (
    a.paragraphIndex - b.paragraphIndex ||
    a.start - b.start ||
    // Of two starting together, the longer (enclosing) one first.
    b.endParagraphIndex - a.endParagraphIndex ||
    b.end - a.end
  );
}

/**
 * Annotations in reading order (paragraph, then offset; enclosing ranges before enclosed ones,
 * then creation time, then id so the order is total). Unplaceable ones (orphans) come last,
 * oldest first.
 */
export function sortByReadingOrder(report: Report, list: readonly Annotation[], resolutions?: Resolutions): Annotation[] {
  const placed = list.map((a) => ({ a, p: placeAnnotation(report, a, resolutions) }));
  placed.sort((x, y) => {
    if (x.p && y.p) {
      const c = comparePlacement(x.p, y.p);
      if (c !== 0) return c;
    } else if (x.p || y.p) {
      return x.p ? -1 : 1;
    }
    return x.a.createdAt - y.a.createdAt || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0);
  });
  return placed.map((x) => x.a);
}

/** Newest (or oldest) first by `createdAt` or `updatedAt`; ties by id. */
export function sortByTime(
  list: readonly Annotation[],
  field: 'createdAt' | 'updatedAt' = 'updatedAt',
  direction: 'desc' | 'asc' = 'desc',
): Annotation[] {
  const sign = direction === 'desc' ? -1 : 1;
  return [...list].sort((x, y) => sign * (x[field] - y[field]) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export interface AnnotationGroup {
  /** `${part}-${item}`, stable for React keys and collapsed state. */
  key: string;
  part: number;
  item: number;
  /** Citation label of the section: `三`, `三(二)`, `序`. */
  label: string;
  /** Heading text from the outline (`(二)坚持双碳引领…`), or '' when the section has none. */
  title: string;
  /** In reading order. */
  annotations: Annotation[];
}

/**
 * Groups annotations by the part/item where they start, groups in report order, each in
 * reading order. Orphans (and annotations on paragraphs not in this report) are returned
 * separately, oldest first.
 */
export function groupByPart(
  report: Report,
  list: readonly Annotation[],
  resolutions?: Resolutions,
): { groups: AnnotationGroup[]; orphans: Annotation[] } {
  const byParagraph = new Map<string, Annotation[]>();
  const orphans: Annotation[] = [];
  for (const a of sortByReadingOrder(report, list, resolutions)) {
    const place = placeAnnotation(report, a, resolutions);
    if (!place) {
      orphans.push(a);
      continue;
    }
    const id = report.paragraphs[place.paragraphIndex].id;
    const l = byParagraph.get(id);
    if (l) l.push(a);
    else byParagraph.set(id, [a]);
  }
  return { groups: groupSections(report, byParagraph), orphans };
}

/** A section of the list as the per-paragraph arrays it is made of (nothing concatenated). */
export interface ChunkGroup {
  key: string;
  part: number;
  item: number;
  label: string;
  title: string;
  /** How many annotations the section holds. */
  count: number;
  /** The paragraph arrays of the section in reading order, with their paragraph ids. */
  chunks: Array<{ paragraphId: string; annotations: readonly Annotation[] }>;
}

/**
 * The sections of groupByPart from annotations already filed by the paragraph they start in
 * (each in reading order), keeping the paragraph arrays as they are: O(paragraphs), whatever the
 * number of annotations (a list with 50,000 rebuilds this after every click).
 */
export function groupChunks(report: Report, byParagraph: ReadonlyMap<string, readonly Annotation[]>): ChunkGroup[] {
  const groups = new Map<string, ChunkGroup>();
  for (const p of report.paragraphs) {
    const here = byParagraph.get(p.id);
    if (!here || here.length === 0) continue;
    const key = `${p.part}-${p.item}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, part: p.part, item: p.item, label: sectionLabel(p.label), title: sectionTitle(report, p.part, p.item), count: 0, chunks: [] };
      groups.set(key, g);
    }
    g.chunks.push({ paragraphId: p.id, annotations: here });
    g.count += here.length;
  }
  // Insertion order already follows reading order.
  return [...groups.values()];
}

/**
 * The sections of groupByPart from annotations already filed by the paragraph they start in
 * (each in reading order): O(paragraphs), so a list that keeps such a filing up to date
 * regroups without sorting everything again. `annotations` of a group is a fresh array.
 */
export function groupSections(report: Report, byParagraph: ReadonlyMap<string, readonly Annotation[]>): AnnotationGroup[] {
  return groupChunks(report, byParagraph).map(({ key, part, item, label, title, chunks }) => ({
    key,
    part,
    item,
    label,
    title,
    annotations: chunks.flatMap((c) => c.annotations),
  }));
}

/** `三(二)¶2` → `三(二)`; `一¶3` → `一`. */
function sectionLabel(paragraphLabel: string): string {
  return paragraphLabel.replace(/¶\d+$/u, '');
}

function sectionTitle(report: Report, part: number, item: number): string {
  const idx = paragraphIndex(report);
  const level = item === 0 ? 1 : 2;
  for (const o of report.outline) {
    if (o.level !== level) continue;
    const i = idx.get(o.paragraphId);
    if (i === undefined) continue;
    const p = report.paragraphs[i];
    if (p.part === part && (item === 0 || p.item === item)) return o.title;
  }
  return '';
}
