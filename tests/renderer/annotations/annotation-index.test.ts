import { describe, expect, it } from 'vitest';
import { AnnotationIndex, type DerivedAnnotations } from '../../../renderer/annotations/annotation-index';
import { marksByParagraph, resolveAll } from '../../../renderer/annotations/annotation-marks';
import { groupByPart, groupSections, type Annotation } from '../../../shared/annotations';
import { randomAnnotations, rng } from '../../../bench/annotation-fixtures';
import { annotate, report, within } from './fixture';

/** What the store computed before it patched: everything afresh from the live records. */
function fromScratch(all: ReadonlyMap<string, Annotation>) {
  const live = [...all.values()].filter((a) => !a.deleted);
  const resolved = resolveAll(report, live);
  const resolutions = new Map([...resolved].map(([id, v]) => [id, v.r]));
  const grouped = groupByPart(report, live, resolutions);
  const notes = new Set<string>();
  for (const a of live) {
    const r = resolutions.get(a.id)!;
    if (a.target === 'paragraph' && r.status !== 'orphan') notes.add(r.segmentId);
  }
  return { live, resolutions, marks: marksByParagraph(report, live, resolved), grouped, notes };
}

function expectSame(d: DerivedAnnotations, all: ReadonlyMap<string, Annotation>) {
  const want = fromScratch(all);
  expect(new Set(d.list)).toEqual(new Set(want.live));
  expect(d.list).toHaveLength(want.live.length);
  expect(d.byId.size).toBe(want.live.length);
  for (const a of want.live) {
    expect(d.byId.get(a.id)).toBe(a);
    expect(d.colors.get(a.id)).toBe(a.color);
    expect(d.resolutions.get(a.id)).toEqual(want.resolutions.get(a.id));
  }
  expect(new Map(d.marks)).toEqual(want.marks);
  expect(d.paragraphNotes).toEqual(want.notes);
  // The list's sections, regrouped from the filing by paragraph, are groupByPart's.
  expect(groupSections(report, d.byParagraph)).toEqual(want.grouped.groups);
  expect(d.orphans.map((a) => a.id)).toEqual(want.grouped.orphans.map((a) => a.id));
}

describe('AnnotationIndex', () => {
  it('patched change by change, equals a computation from scratch (300 random edits on the bundled report)', () => {
    const seedRecords = randomAnnotations(report, 400, { seed: 7, noteMax: 40 });
    const all = new Map(seedRecords.slice(0, 300).map((a) => [a.id, a]));
    const spare = seedRecords.slice(300);
    const index = new AnnotationIndex(report);
    expectSame(index.rebuild(all), all);
    const rand = rng(11);
    const ids = () => [...all.keys()];
    const pick = () => ids()[Math.floor(rand() * all.size)];
    let t = 1_800_000_000_000;
    for (let step = 0; step < 300; step++) {
      const changed: string[] = [];
      const n = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) {
        const op = rand();
        const id = pick();
        const a = all.get(id)!;
        t += 1;
        if (op < 0.2) all.set(id, { ...a, color: (['yellow', 'green', 'blue', 'red', 'purple'] as const)[Math.floor(rand() * 5)], updatedAt: t });
        else if (op < 0.35) all.set(id, { ...a, note: { json: null, text: `批注${step}` }, updatedAt: t });
        else if (op < 0.5) all.set(id, { ...a, deleted: !a.deleted, updatedAt: t });
        else if (op < 0.6) all.delete(id);
        else if (op < 0.7 && spare.length > 0) {
          const b = spare.pop()!;
          all.set(b.id, b);
          changed.push(b.id);
        } else if (op < 0.8) all.set(id, { ...a, anchor: spare[Math.floor(rand() * spare.length)]?.anchor ?? a.anchor, updatedAt: t });
        else if (op < 0.88) all.set(id, { ...a, target: a.target === 'range' ? 'paragraph' : 'range', updatedAt: t });
        else if (op < 0.94) all.set(id, { ...a, anchor: { ...a.anchor, quote: '本报告中没有的一句话，完全不存在', prefix: '无', suffix: '无', segmentId: 'nowhere', endSegmentId: 'nowhere' }, updatedAt: t });
        else all.set(id, { ...a, createdAt: a.createdAt - 1000, updatedAt: t });
        changed.push(id);
      }
      expectSame(index.update(all, changed), all);
    }
  });

  it('keeps the arrays of paragraphs a change does not touch, and the marks of a note edit', () => {
    const a = annotate(within('p1-0-2', 11, 26));
    const b = annotate(within('p2-0-1', 0, 8));
    const all = new Map([a, b].map((x) => [x.id, x]));
    const index = new AnnotationIndex(report);
    const before = index.rebuild(all);
    all.set(a.id, { ...a, note: { json: null, text: '新批注' }, updatedAt: a.updatedAt + 1 });
    const after = index.update(all, [a.id]);
    expect(after.marks).toBe(before.marks); // same ranges: the reading view redraws nothing
    expect(after.byParagraph.get('p2-0-1')).toBe(before.byParagraph.get('p2-0-1'));
    expect(after.byParagraph.get('p1-0-2')).not.toBe(before.byParagraph.get('p1-0-2'));
    expect(after.byId.get(a.id)!.note.text).toBe('新批注');
    expect(before.byId.get(a.id)!.note.text).toBe(''); // the old version is untouched
    all.set(b.id, { ...b, deleted: true, updatedAt: b.updatedAt + 1 });
    const third = index.update(all, [b.id]);
    expect(third.marks.get('p2-0-1')).toBeUndefined();
    expect(third.marks.get('p1-0-2')).toBe(after.marks.get('p1-0-2'));
    expect(index.update(all, [b.id])).toBe(third); // nothing changed: the same values
  });
});
