import { describe, expect, it } from 'vitest';
import { marksByParagraph, resolveAll } from '../../../renderer/annotations/annotation-marks';
import type { Annotation } from '../../../shared/annotations';
import { annotate, para, report, within } from './fixture';

/** Text under the marks of annotation `id`, paragraphs joined by "\n" as in anchor quotes. */
function markedText(marks: Map<string, { id: string; start: number; end: number }[]>, id: string): string {
  return report.paragraphs
    .flatMap((p) => (marks.get(p.id) ?? []).filter((m) => m.id === id).map((m) => p.text.slice(m.start, m.end)))
    .join('\n');
}

describe('resolveAll', () => {
  it('resolves every annotation, orphans included', () => {
    const a = annotate(within('p1-0-2', 11, 26));
    const gone: Annotation = { ...annotate(within('p1-0-3', 0, 10)), id: 'gone' };
    gone.anchor = { ...gone.anchor, quote: '本报告中没有的一句话，完全不存在', prefix: '无', suffix: '无' };
    const out = resolveAll(report, [a, gone]);
    expect(out.get(a.id)!.r).toMatchObject({ status: 'exact', segmentId: 'p1-0-2', start: 11, end: 26 });
    expect(out.get('gone')!.r.status).toBe('orphan');
    expect(out.size).toBe(2);
  });

  it('reuses the previous resolution while the anchor object is unchanged, and redoes it when it changes', () => {
    const a = annotate(within('p1-0-4', 0, 8));
    const first = resolveAll(report, [a]);
    const recoloured = { ...a, color: 'red' as const };
    const second = resolveAll(report, [recoloured], first);
    expect(second.get(a.id)).toBe(first.get(a.id));
    const moved = { ...a, anchor: annotate(within('p1-0-5', 3, 9)).anchor };
    const third = resolveAll(report, [moved], second);
    expect(third.get(a.id)).not.toBe(second.get(a.id));
    expect(third.get(a.id)!.r).toMatchObject({ segmentId: 'p1-0-5', start: 3, end: 9 });
  });

  it('drops resolutions of annotations no longer in the list', () => {
    const a = annotate(within('p1-0-4', 0, 8));
    const b = annotate(within('p1-0-4', 10, 18));
    const next = resolveAll(report, [b], resolveAll(report, [a, b]));
    expect([...next.keys()]).toEqual([b.id]);
  });
});

describe('marksByParagraph on the bundled report', () => {
  const cases: Array<[string, Parameters<typeof annotate>[0]]> = [
    ['inside one paragraph', within('p2-1-1', 20, 45)],
    ['a whole paragraph', within('p1-0-1', 0, para('p1-0-1').text.length)],
    ['across two paragraphs', { startSegmentId: 'p1-0-2', startOffset: 250, endSegmentId: 'p1-0-3', endOffset: 11 }],
    ['across a part heading', { startSegmentId: 'p1-0-7', startOffset: 260, endSegmentId: 'p2-0-1', endOffset: 5 }],
    ['from an item heading into its first paragraph', { startSegmentId: 'h3-2', startOffset: 3, endSegmentId: 'p3-2-1', endOffset: 11 }],
  ];
  it.each(cases)('marks exactly the quoted characters: %s', (_, sel) => {
    const a = annotate(sel);
    const marks = marksByParagraph(report, [a], resolveAll(report, [a]));
    expect(markedText(marks, a.id)).toBe(a.anchor.quote);
    const ids = [...marks.keys()];
    expect(ids[0]).toBe(a.anchor.segmentId);
    expect(ids.at(-1)).toBe(a.anchor.endSegmentId);
    // Inner paragraphs are covered whole; pieces are never empty.
    for (const [id, list] of marks) for (const m of list) {
      expect(m.end).toBeGreaterThan(m.start);
      if (id !== a.anchor.segmentId) expect(m.start).toBe(0);
      if (id !== a.anchor.endSegmentId) expect(m.end).toBe(para(id).text.length);
    }
  });

  it('splits a three-paragraph annotation into three pieces, the middle one whole', () => {
    const a = annotate({ startSegmentId: 'p1-0-3', startOffset: 200, endSegmentId: 'p1-0-5', endOffset: 4 });
    const marks = marksByParagraph(report, [a], resolveAll(report, [a]));
    expect([...marks.entries()]).toEqual([
      ['p1-0-3', [{ id: a.id, start: 200, end: para('p1-0-3').text.length }]],
      ['p1-0-4', [{ id: a.id, start: 0, end: para('p1-0-4').text.length }]],
      ['p1-0-5', [{ id: a.id, start: 0, end: 4 }]],
    ]);
  });

  it('lists marks in creation order whatever the input order, so later highlights are drawn on top', () => {
    const older = annotate(within('p1-0-6', 0, 20), { now: 10 });
    const newer = annotate(within('p1-0-6', 10, 30), { now: 20 });
    const sameTimeB = annotate(within('p1-0-6', 5, 6), { now: 30, id: 'b' });
    const sameTimeA = annotate(within('p1-0-6', 7, 8), { now: 30, id: 'a' });
    const list = [sameTimeB, newer, sameTimeA, older];
    const marks = marksByParagraph(report, list, resolveAll(report, list));
    expect(marks.get('p1-0-6')!.map((m) => m.id)).toEqual([older.id, newer.id, 'a', 'b']);
  });

  it('leaves out paragraph notes, orphans and annotations without a resolution', () => {
    const note = annotate(within('p2-2-1', 0, para('p2-2-1').text.length), { target: 'paragraph' });
    const orphan = annotate(within('p2-3-1', 0, 10));
    orphan.anchor = { ...orphan.anchor, quote: '不存在的原文片段不存在的原文片段', prefix: '', suffix: '' };
    const unresolved = annotate(within('p2-4-1', 0, 10));
    const kept = annotate(within('p2-5-1', 0, 10));
    const all = [note, orphan, unresolved, kept];
    const resolved = resolveAll(report, [note, orphan, kept]);
    expect(resolved.get(orphan.id)!.r.status).toBe('orphan');
    const marks = marksByParagraph(report, all, resolved);
    expect([...marks.keys()]).toEqual(['p2-5-1']);
  });

  it('skips a resolution that names an unknown paragraph instead of throwing', () => {
    const a = annotate(within('p1-0-2', 0, 5));
    const bogus = new Map([[a.id, { r: { status: 'exact' as const, segmentId: 'nope', start: 0, endSegmentId: 'nope', end: 3, quote: 'xyz' } }]]);
    expect(marksByParagraph(report, [a], bogus).size).toBe(0);
  });

  it('keeps 5,000 overlapping annotations on 58 paragraphs in order and bounds', () => {
    const list: Annotation[] = [];
    const bodies = report.paragraphs;
    for (let i = 0; i < 5000; i++) {
      const p = bodies[i % bodies.length];
      const start = (i * 7) % Math.max(1, p.text.length - 12);
      list.push(annotate(within(p.id, start, start + 10), { now: i }));
    }
    const marks = marksByParagraph(report, list, resolveAll(report, list));
    let n = 0;
    for (const [id, ms] of marks) for (const m of ms) {
      n++;
      expect(m.end).toBeLessThanOrEqual(para(id).text.length);
    }
    expect(n).toBe(5000);
  });
});
