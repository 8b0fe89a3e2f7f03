/**
 * The lazily built excerpt document (打印摘录 preview) against the one built at once (print,
 * PDF, Word, Markdown): same excerpts, same note numbers, whichever excerpts are asked for first.
 */
import { describe, expect, it } from 'vitest';
import { buildExcerpts, planExcerpts, type ExcerptOptions, type NotesPlacement, type PassageMode } from '../../../shared/export/excerpt-model';
import { segmentReport } from '../../../shared/report/segment';
import { randomAnnotations } from '../../../bench/annotation-fixtures';
import { toMarkdown } from '../../../shared/export/markdown';
import { renderPrintHtml } from '../../../renderer/print/print-document';
import { bundledSource, corpusFiles } from '../report/helpers';

const reports = [
  { name: 'changzhi-2026 (bundled)', report: segmentReport(bundledSource(), { id: 'changzhi-2026' }) },
  ...corpusFiles()
    .slice(0, 3)
    .map(({ name, source }) => ({ name, report: segmentReport(source, { id: name }) })),
];

describe.each(reports)('planExcerpts on $name', ({ report }) => {
  const annotations = randomAnnotations(report, 2000, { seed: 13, noteMax: 60 });

  for (const passage of ['sentences', 'paragraph'] as PassageMode[]) {
    for (const notes of ['inline', 'footnotes', 'endnotes'] as NotesPlacement[]) {
      it(`builds, excerpt by excerpt and out of order, the document buildExcerpts builds (${passage}, ${notes})`, () => {
        const options: ExcerptOptions = { scope: { kind: 'all' }, passage, notes };
        const whole = buildExcerpts(report, annotations, options);
        const plan = planExcerpts(report, annotations, options);
        expect(plan.count).toBe(whole.excerpts.length);
        expect(plan.head).toEqual({ ...whole, excerpts: undefined, ...plan.head });
        expect(plan.head.noteCount).toBe(whole.noteCount);
        expect(plan.head.usedColors).toEqual(whole.usedColors);
        // The last excerpts first, as if only they were asked for: numbers must not depend on order.
        for (const i of [plan.count - 1, Math.floor(plan.count / 2), 0]) expect(plan.excerpt(i)).toEqual(whole.excerpts[i]);
        expect(plan.excerpt(0)).toBe(plan.excerpt(0));
        expect(plan.first(5)).toEqual(whole.excerpts.slice(0, 5));
        expect(plan.document()).toEqual(whole);
        expect([...Array(plan.count).keys()].reduce((n, i) => n + plan.size(i), 0)).toBe(whole.excerpts.reduce((n, e) => n + e.entries.length, 0));
      });
    }
  }

  it('exports from a plan whose preview built only its first excerpts hold the last excerpt', () => {
    const plan = planExcerpts(report, annotations, { scope: { kind: 'all' }, passage: 'sentences', notes: 'endnotes' });
    plan.first(3);
    const doc = plan.document();
    const last = doc.excerpts[doc.excerpts.length - 1];
    expect(doc.excerpts).toHaveLength(plan.count);
    expect(plan.count).toBeGreaterThan(100);
    const lastNote = [...doc.excerpts].reverse().flatMap((e) => [...e.entries].reverse()).find((x) => x.note)!;
    expect(lastNote.number).toBe(doc.noteCount);
    const md = toMarkdown(doc);
    expect(md).toContain(last.citation);
    expect(md).toContain(lastNote.note!.text.split('\n')[0]);
    const html = renderPrintHtml(doc).bodyHtml;
    expect(html).toContain(`data-annotation-ids="${last.entries.map((x) => x.annotationId).join(' ')}"`);
    expect(html).toContain(`id="yd-note-${doc.noteCount}"`);
  });

  it('an edited annotation (a new object) is placed anew; the others keep their places', () => {
    const options: ExcerptOptions = { scope: { kind: 'all' }, passage: 'sentences', notes: 'footnotes' };
    const resolve = (a: (typeof annotations)[number]['anchor']) => ({ segmentId: a.segmentId, start: a.start, endSegmentId: a.endSegmentId, end: a.end });
    planExcerpts(report, annotations, { ...options, resolve });
    const edited = annotations.map((a, i) => (i === 7 ? { ...a, color: 'purple' as const, note: { json: null, text: '改过的批注' } } : a));
    const doc = planExcerpts(report, edited, { ...options, resolve }).document();
    expect(doc).toEqual(buildExcerpts(report, edited, { ...options, resolve }));
    const entry = doc.excerpts.flatMap((e) => e.entries).find((x) => x.annotationId === annotations[7].id)!;
    expect(entry.color).toBe('purple');
    expect(entry.note?.text).toBe('改过的批注');
  });
});
