/** Annotation fixtures on the bundled report. */
import { createAnchor } from '../../../shared/anchoring';
import { newAnnotation, type NewAnnotationInput } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import { bundledSource, segment, selectionFor } from '../anchoring/report-fixture';

export const report = segment(bundledSource);

let n = 0;
/** A live annotation on the first occurrence of `quote` in the bundled report. */
export function annotationOn(quote: string, extra: Partial<NewAnnotationInput> = {}): Annotation {
  const anchor = createAnchor(report, selectionFor(report, quote));
  if (!anchor) throw new Error(`fixture: cannot anchor ${quote}`);
  n++;
  return newAnnotation({
    reportId: report.id,
    anchor,
    color: 'yellow',
    author: '张三',
    id: `a${String(n).padStart(4, '0')}`,
    now: 1_700_000_000_000 + n,
    ...extra,
  });
}

/** Serialized Lexical state with one paragraph of `text`. */
export function lexicalJson(text: string): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, mode: 'normal', style: '', detail: 0 }] }],
    },
  });
}
