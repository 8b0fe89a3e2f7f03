import { describe, expect, it } from 'vitest';
import { AnnotationIndex } from '../../../renderer/annotations/annotation-index';
import { BLOCK_ROWS, positionBlocks, TimeOrder } from '../../../renderer/annotations/list-blocks';
import { listSections, NO_FILTER } from '../../../renderer/annotations/list-sections';
import { sortByTime, type Annotation } from '../../../shared/annotations';
import { randomAnnotations } from '../../../bench/annotation-fixtures';
import { report } from './fixture';

describe('the list in blocks', () => {
  const records = randomAnnotations(report, 1200, { seed: 7, noteMax: 10 });
  const all = new Map(records.map((a) => [a.id, a]));
  const index = new AnnotationIndex(report);
  const d = index.rebuild(all);
  const chunksOf = (s: ReturnType<typeof listSections>) => [...s.sections.flatMap((g) => g.chunks.map((c) => c.annotations)), s.orphans];

  it('by position: headings and rows in the order of groupByPart, blocks of at most BLOCK_ROWS rows of one paragraph', () => {
    const s = listSections(report, d.byParagraph, d.orphans, NO_FILTER);
    const blocks = positionBlocks(s.sections, s.orphans, (g) => g.title);
    const rows = blocks.flatMap((b) => b.rows);
    const want = s.groups.flatMap((g) => [`g:${g.key}:${g.annotations.length}`, ...g.annotations.map((a) => a.id)]);
    expect(rows.map((r) => (r.kind === 'item' ? r.a.id : r.kind === 'group' ? `g:${r.key}:${r.count}` : 'orphans'))).toEqual(want);
    expect(Math.max(...blocks.map((b) => b.rows.length))).toBe(BLOCK_ROWS);
    expect(new Set(blocks.map((b) => b.key)).size).toBe(blocks.length);
  });

  it('a change keeps the blocks of paragraphs it did not touch (same objects)', () => {
    const before = positionBlocks(listSections(report, d.byParagraph, d.orphans, NO_FILTER).sections, d.orphans, (g) => g.title);
    const a = records[10];
    all.set(a.id, { ...a, color: 'red', updatedAt: a.updatedAt + 1 });
    const d2 = index.update(all, [a.id]);
    const after = positionBlocks(listSections(report, d2.byParagraph, d2.orphans, NO_FILTER).sections, d2.orphans, (g) => g.title);
    const kept = after.filter((b) => before.includes(b)).length;
    const items = after.filter((b) => b.items > 0).length;
    expect(kept).toBeGreaterThanOrEqual(items - Math.ceil(d2.byParagraph.get(a.anchor.segmentId)!.length / BLOCK_ROWS));
    expect(kept).toBeLessThan(items);
  });

  it('by time: patched after each change, always equal to sorting everything again', () => {
    const order = new TimeOrder();
    const idx = new AnnotationIndex(report);
    const live = new Map(all);
    let cur = idx.rebuild(live);
    const ids = (l: readonly Annotation[]) => l.map((a) => a.id);
    const sorted = () => sortByTime([...cur.byParagraph.values()].flat().concat(cur.orphans), 'updatedAt');
    expect(ids(order.update(chunksOf(listSections(report, cur.byParagraph, cur.orphans, NO_FILTER))))).toEqual(ids(sorted()));
    const extra = randomAnnotations(report, 30, { seed: 99, noteMax: 0 });
    for (let i = 0; i < 30; i++) {
      const changed: string[] = [];
      const old = records[(i * 37) % records.length];
      if (i % 3 === 0) live.set(old.id, { ...old, deleted: true, updatedAt: 1_900_000_000_000 + i });
      else if (i % 3 === 1) live.set(old.id, { ...old, note: { json: null, text: `改${i}` }, updatedAt: 1_900_000_000_000 + i });
      else live.set(`x${i}`, { ...extra[i], id: `x${i}`, updatedAt: 1_800_000_000_000 - i });
      changed.push(i % 3 === 2 ? `x${i}` : old.id);
      cur = idx.update(live, changed);
      expect(ids(order.update(chunksOf(listSections(report, cur.byParagraph, cur.orphans, NO_FILTER))))).toEqual(ids(sorted()));
    }
  });
});
