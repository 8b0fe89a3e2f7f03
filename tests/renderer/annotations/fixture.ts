/** The bundled report as the app segments it, and annotation records on it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnchor, type TextSelection } from '../../../shared/anchoring';
import { newAnnotation, type Annotation, type ColorKey } from '../../../shared/annotations';
import type { Report } from '../../../shared/report/model';
import { segmentReport } from '../../../shared/report/segment';

export const report: Report = segmentReport(readFileSync(resolve(__dirname, '../../../resources/reports/changzhi-2026/source.txt'), 'utf8'), {
  id: 'changzhi-2026',
});

export const para = (id: string) => {
  const p = report.paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`fixture: no paragraph ${id}`);
  return p;
};

let seq = 0;

/** A live annotation over `sel` (created at `now`, default increasing). Throws if the selection is not anchorable. */
export function annotate(sel: TextSelection, opts: { color?: ColorKey; now?: number; target?: Annotation['target']; id?: string } = {}): Annotation {
  const anchor = createAnchor(report, sel);
  if (!anchor) throw new Error(`fixture: selection ${JSON.stringify(sel)} has no anchor`);
  seq += 1;
  return newAnnotation({
    reportId: report.id,
    anchor,
    color: opts.color ?? 'yellow',
    author: '',
    target: opts.target,
    id: opts.id ?? `a${seq}`,
    now: opts.now ?? 1_000 + seq,
  });
}

/** Selection of [start, end) inside one paragraph. */
export const within = (id: string, start: number, end: number): TextSelection => ({ startSegmentId: id, startOffset: start, endSegmentId: id, endOffset: end });
