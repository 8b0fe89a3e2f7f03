/**
 * Report fixtures for anchoring tests: the bundled report and edited editions of it, each run
 * through the same segmentation so paragraph ids and offsets behave as in the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fingerprintText } from '../../../shared/report/fingerprint';
import type { Paragraph, Report } from '../../../shared/report/model';
import { segmentReport } from '../../../shared/report/segment';

export const bundledSource = readFileSync(
  fileURLToPath(new URL('../../../resources/reports/changzhi-2026/source.txt', import.meta.url)),
  'utf8',
);

/** A minimal Report from paragraph texts (ids `p1`, `p2`, … unless given). */
export function reportFromParagraphs(texts: string[], ids?: string[]): Report {
  let start = 0;
  const paragraphs: Paragraph[] = texts.map((text, i) => {
    const p: Paragraph = {
      id: ids?.[i] ?? `p${i + 1}`,
      kind: 'body',
      label: `¶${i + 1}`,
      text,
      start,
      part: 0,
      item: 0,
      headingEnd: 0,
      lead: null,
      marker: null,
      subscripts: [],
      sentences: [],
    };
    start += text.length + 1;
    return p;
  });
  const text = texts.join('\n');
  return {
    id: 'fixture',
    title: 'fixture',
    continuesFrom: null,
    continuesOn: null,
    fingerprint: fingerprintText(text),
    text,
    paragraphs,
    outline: [],
    repairs: [],
    remarks: [],
  };
}

/** Segments a source text the way the app does. */
export function segment(source: string): Report {
  return segmentReport(source, { id: 'changzhi-2026' });
}

/** Id of the (only) paragraph containing `snippet`; throws if none or several. */
export function paragraphWith(report: Report, snippet: string): Paragraph {
  const hits = report.paragraphs.filter((p) => p.text.includes(snippet));
  if (hits.length !== 1) throw new Error(`fixture: ${hits.length} paragraphs contain "${snippet}"`);
  return hits[0];
}

/** Whole-document offset of the `occurrence`-th (0-based) `quote` in `report.text`; throws if absent. */
export function offsetOf(report: Report, quote: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = report.text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`fixture: occurrence ${occurrence} of "${quote}" not in report`);
  }
  return at;
}

/** The selection covering the `occurrence`-th `quote` of the report. */
export function selectionFor(report: Report, quote: string, occurrence = 0) {
  const start = offsetOf(report, quote, occurrence);
  const end = start + quote.length;
  const find = (o: number) => [...report.paragraphs].reverse().find((p) => p.start <= o)!;
  const a = find(start);
  const b = find(end - 1);
  return { startSegmentId: a.id, startOffset: start - a.start, endSegmentId: b.id, endOffset: end - b.start };
}

/** Replaces exactly one occurrence of `find` in `source`; throws if it is missing or repeated. */
export function editOnce(source: string, find: string, replace: string): string {
  const at = source.indexOf(find);
  if (at === -1 || source.indexOf(find, at + 1) !== -1) throw new Error(`fixture: "${find}" must occur exactly once`);
  return source.slice(0, at) + replace + source.slice(at + find.length);
}
