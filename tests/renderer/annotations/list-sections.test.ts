import { describe, expect, it } from 'vitest';
import { AnnotationIndex } from '../../../renderer/annotations/annotation-index';
import { listSections, summarize } from '../../../renderer/annotations/list-sections';
import { applyListFilter, type ListFilter } from '../../../renderer/annotations/list-filter';
import { collectTags, countByColor, groupByPart, listAuthors } from '../../../shared/annotations';
import { randomAnnotations } from '../../../bench/annotation-fixtures';
import { report } from './fixture';

describe('the list from the filing by paragraph', () => {
  const records = randomAnnotations(report, 1500, { seed: 21, noteMax: 20 }).map((a, i) =>
    // Some orphans, some tags spelled two ways, one author with spaces around the name.
    i % 97 === 0
      ? { ...a, anchor: { ...a.anchor, quote: '本报告中没有的一句话，完全不存在', prefix: '无', suffix: '无', segmentId: 'x', endSegmentId: 'x' } }
      : i % 11 === 0
        ? { ...a, tags: ['PM2.5', i % 2 ? 'pm2.5' : '民生'], author: ' 王五 ' }
        : a,
  );
  const all = new Map(records.map((a) => [a.id, a]));
  const d = new AnnotationIndex(report).rebuild(all);

  it('counts, tags and authors equal those over the whole list', () => {
    const s = summarize([...d.byParagraph.values(), d.orphans]);
    expect(s.counts).toEqual(countByColor(d.list));
    expect(s.tags).toEqual(collectTags(d.list));
    expect(s.authors).toEqual(listAuthors(d.list));
    expect(s.tags.length).toBeGreaterThan(5);
  });

  const sectionKey = groupByPart(report, d.list, d.resolutions).groups[3].key;
  const filters: ListFilter[] = [{}, { colors: ['red', 'blue'] }, { tags: ['pm2.5'] }, { authors: ['王五'] }, { section: sectionKey }, { colors: ['green'], section: sectionKey }];
  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('filter %s: the sections applyListFilter + groupByPart give', (_, f) => {
    const want = groupByPart(report, applyListFilter(report, d.list, d.resolutions, f), d.resolutions);
    const got = listSections(report, d.byParagraph, d.orphans, f);
    expect(got.groups).toEqual(want.groups);
    expect(got.orphans.map((a) => a.id)).toEqual(want.orphans.map((a) => a.id));
    expect(got.shown).toBe(want.groups.reduce((n, g) => n + g.annotations.length, 0) + want.orphans.length);
    expect(got.shown).toBeGreaterThan(0);
  });
});
