/**
 * Splits a paragraph into styled runs for rendering: every boundary of the inline item
 * heading, the lead, subscripts, source remarks and highlight marks starts a new run. Runs tile
 * `[0, text.length)` exactly, so DOM offsets map one-to-one back to canonical offsets.
 */
import type { Paragraph, Remark } from '../../shared/report/model';

/** A highlight range inside one paragraph (a cross-paragraph annotation contributes one per paragraph). */
export interface MarkRange {
  id: string;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  heading: boolean;
  bold: boolean;
  subscript: boolean;
  /** Note of the source remark covering this run, or null. */
  remark: string | null;
  /** Annotation ids covering this run, in the order given (later = drawn on top). */
  markIds: string[];
}

const inRange = (r: { start: number; end: number }, a: number, b: number) => r.start <= a && b <= r.end;

/** Runs of `paragraph.text`; `marks` and `remarks` outside the paragraph are clipped. */
export function paragraphRuns(paragraph: Paragraph, remarks: readonly Remark[], marks: readonly MarkRange[]): Run[] {
  const len = paragraph.text.length;
  const cuts = new Set<number>([0, len]);
  const add = (r: { start: number; end: number }) => {
    cuts.add(Math.max(0, Math.min(len, r.start)));
    cuts.add(Math.max(0, Math.min(len, r.end)));
  };
  if (paragraph.headingEnd > 0) add({ start: 0, end: paragraph.headingEnd });
  const leads = paragraph.leads ?? (paragraph.lead ? [paragraph.lead] : []);
  leads.forEach(add);
  paragraph.subscripts.forEach(add);
  remarks.forEach(add);
  marks.forEach(add);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a === b) continue;
    const remark = remarks.find((r) => inRange(r, a, b));
    runs.push({
      start: a,
      end: b,
      heading: paragraph.headingEnd > 0 && b <= paragraph.headingEnd,
      bold: leads.some((l) => inRange(l, a, b)),
      subscript: paragraph.subscripts.some((s) => inRange(s, a, b)),
      remark: remark ? remark.note : null,
      markIds: marks.filter((m) => m.start <= a && b <= m.end && m.start < m.end).map((m) => m.id),
    });
  }
  return runs;
}
