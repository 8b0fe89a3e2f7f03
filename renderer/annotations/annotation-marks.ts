/**
 * Where each live annotation is drawn: resolves anchors against the report and splits
 * cross-paragraph ranges into per-paragraph mark ranges for the reading view.
 */
import { resolveAnchor, type ResolvedAnchor } from '../../shared/anchoring';
import type { Annotation } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import type { MarkRange } from '../reader/paragraph-runs';

/** Resolution of every annotation's anchor (orphans included). */
export function resolveAll(report: Report, list: readonly Annotation[], previous?: ReadonlyMap<string, { anchor: Annotation['anchor']; r: ResolvedAnchor }>): Map<string, { anchor: Annotation['anchor']; r: ResolvedAnchor }> {
  const out = new Map<string, { anchor: Annotation['anchor']; r: ResolvedAnchor }>();
  for (const a of list) {
    // Anchors are immutable per record version: reuse the previous resolution when unchanged.
    const prev = previous?.get(a.id);
    out.set(a.id, prev && prev.anchor === a.anchor ? prev : { anchor: a.anchor, r: resolveAnchor(report, a.anchor) });
  }
  return out;
}

/** Mark ranges per paragraph id, in creation order (later annotations drawn on top). */
export function marksByParagraph(report: Report, list: readonly Annotation[], resolved: ReadonlyMap<string, { r: ResolvedAnchor }>): Map<string, MarkRange[]> {
  const order = new Map(report.paragraphs.map((p, i) => [p.id, i]));
  const out = new Map<string, MarkRange[]>();
  const sorted = [...list].filter((a) => a.target === 'range').sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
  for (const a of sorted) {
    const r = resolved.get(a.id)?.r;
    if (!r || r.status === 'orphan') continue;
    const from = order.get(r.segmentId);
    const to = order.get(r.endSegmentId);
    if (from === undefined || to === undefined) continue;
    for (let i = from; i <= to; i++) {
      const p = report.paragraphs[i];
      const start = i === from ? r.start : 0;
      const end = i === to ? r.end : p.text.length;
      if (end <= start) continue;
      const list2 = out.get(p.id) ?? [];
      list2.push({ id: a.id, start, end });
      out.set(p.id, list2);
    }
  }
  return out;
}
