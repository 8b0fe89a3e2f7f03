/** Quote sources for a draft from annotations: passage, label, figures of the targets table, note. */
import type { ResolvedAnchor } from '../anchoring';
import { placeAnnotation, type Annotation } from '../annotations';
import type { Report } from '../report/model';
import { toDisplayText } from '../report/display';
import type { TargetRow } from '../targets';
import type { QuoteSource } from './model';

/**
 * One source per annotation, in report order (orphans last, with their stored quote and no label).
 * `figure` lists the targets whose figure lies inside the passage.
 */
export function quoteSources(report: Report, annotations: readonly Annotation[], resolutions: ReadonlyMap<string, ResolvedAnchor>, targets: readonly TargetRow[]): QuoteSource[] {
  const placed = annotations
    .filter((a) => !a.deleted)
    .map((a) => ({ a, place: placeAnnotation(report, a, resolutions), r: resolutions.get(a.id) }));
  placed.sort((x, y) => (x.place ? x.place.paragraphIndex * 1e6 + x.place.start : Infinity) - (y.place ? y.place.paragraphIndex * 1e6 + y.place.start : Infinity) || x.a.createdAt - y.a.createdAt);
  return placed.map(({ a, r }) => {
    const found = r && r.status !== 'orphan';
    const paragraph = found ? report.paragraphs.find((p) => p.id === r.segmentId) : undefined;
    const figures = found
      ? targets.filter((t) => t.number !== null && t.paragraphId === r.segmentId && r.endSegmentId === r.segmentId && t.valueStart >= r.start && t.valueEnd <= r.end)
      : [];
    return {
      annotationId: a.id,
      // As the reader shows it (full-width punctuation), since the draft is read and printed.
      quote: toDisplayText(found ? r.quote : a.anchor.quote),
      label: paragraph?.label ?? '',
      figure: figures.map((t) => `${t.indicator}${t.direction}${t.value}`).join('；'),
      note: a.note.text,
    };
  });
}
