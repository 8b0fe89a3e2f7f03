import { describe, expect, it } from 'vitest';
import { resolveAnchor, type ResolvedAnchor } from '../../../shared/anchoring';
import { countByColor, filterAnnotations, groupByPart, listAuthors, sortByReadingOrder, sortByTime } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import { annotationOn, report } from './fixtures';

// Created out of reading order on purpose.
const later = annotationOn('深化城乡融合', { color: 'blue', tags: ['城乡'], author: '李四' });
const hydrogen = annotationOn('大力发展绿电制氢', { color: 'green', tags: ['氢能', '产业'] });
const enclosing = annotationOn('前瞻布局未来产业。围绕人工智能', { color: 'red', tags: ['产业'] });
const enclosed = annotationOn('前瞻布局未来产业', { color: 'yellow' });
const first = annotationOn('新增进出口实绩企业', { color: 'purple', author: '李四' });
const cross = annotationOn('全产业链。\n发展壮大数字经济', { color: 'green' });
const consume = annotationOn('多措并举促消费');
/** Stored paragraph ids unknown to the report (e.g. made on another edition). */
const gone: Annotation = { ...consume, anchor: { ...consume.anchor, segmentId: 'x', endSegmentId: 'x' } };
const tomb: Annotation = { ...annotationOn('保障粮食安全', { color: 'green' }), deleted: true };
const all = [later, hydrogen, enclosing, gone, enclosed, first, cross, tomb];

describe('reading order', () => {
  it('sorts by paragraph then offset, enclosing before enclosed, unplaceable last', () => {
    expect(sortByReadingOrder(report, all).map((a) => a.id)).toEqual(
      [first, enclosing, enclosed, hydrogen, cross, tomb, later, gone].map((a) => a.id),
    );
  });

  it('uses resolutions when given: an orphan goes last', () => {
    const res = new Map<string, ResolvedAnchor>([[first.id, { status: 'orphan' }]]);
    const ids = sortByReadingOrder(report, [later, first, hydrogen], res).map((a) => a.id);
    expect(ids).toEqual([hydrogen.id, later.id, first.id]);
  });

  it('follows re-anchored positions rather than stored ones', () => {
    // Pretend the first annotation now resolves after everything else.
    const last = report.paragraphs[report.paragraphs.length - 1];
    const res = new Map<string, ResolvedAnchor>([[first.id, { status: 'moved', segmentId: last.id, start: 1, endSegmentId: last.id, end: 3, quote: last.text.slice(1, 3) }]]);
    expect(sortByReadingOrder(report, [first, later], res).map((a) => a.id)).toEqual([later.id, first.id]);
    // Real resolutions: the annotation with unknown paragraph ids is found by its quote in 三(一).
    const real = new Map(all.map((a) => [a.id, resolveAnchor(report, a.anchor)]));
    expect(sortByReadingOrder(report, all, real).map((a) => a.id)).toEqual(
      [first, gone, enclosing, enclosed, hydrogen, cross, tomb, later].map((a) => a.id),
    );
  });

  it('groups by part/item in report order with labels and outline titles', () => {
    const { groups, orphans } = groupByPart(report, all.filter((a) => !a.deleted));
    expect(groups.map((g) => [g.label, g.annotations.length])).toEqual([
      ['一', 1],
      ['三(三)', 4],
      ['三(七)', 1],
    ]);
    expect(groups[1].title).toContain('坚持产业升级');
    expect(groups[1].annotations.map((a) => a.id)).toEqual([enclosing.id, enclosed.id, hydrogen.id, cross.id]);
    expect(orphans.map((a) => a.id)).toEqual([gone.id]);
  });

  it('sorts by time', () => {
    expect(sortByTime([first, later, hydrogen], 'createdAt', 'asc').map((a) => a.id)).toEqual([later.id, hydrogen.id, first.id]);
    expect(sortByTime([first, later, hydrogen]).map((a) => a.id)).toEqual([first.id, hydrogen.id, later.id]);
  });
});

describe('filters and counts', () => {
  it.each([
    ['no filter drops tombstones', {}, [later, hydrogen, enclosing, gone, enclosed, first, cross]],
    ['colour', { colors: ['green' as const] }, [hydrogen, cross]],
    ['two colours', { colors: ['green' as const, 'red' as const] }, [hydrogen, enclosing, cross]],
    ['tag (normalised)', { tags: ['#产业 '] }, [hydrogen, enclosing]],
    ['all tags', { tags: ['产业', '氢能'], tagMode: 'all' as const }, [hydrogen]],
    ['any tag', { tags: ['城乡', '氢能'] }, [later, hydrogen]],
    ['author', { authors: ['李四'] }, [later, first]],
    ['author and colour', { authors: ['李四'], colors: ['purple' as const] }, [first]],
    ['with tombstones', { colors: ['green' as const], includeDeleted: true }, [hydrogen, cross, tomb]],
  ])('%s', (_name, f, expected) => {
    expect(filterAnnotations(all, f).map((a) => a.id)).toEqual(expected.map((a) => a.id));
  });

  it('counts live annotations per colour, every colour present', () => {
    expect(countByColor(all)).toEqual({ yellow: 2, green: 2, blue: 1, red: 1, purple: 1 });
    expect(countByColor([])).toEqual({ yellow: 0, green: 0, blue: 0, red: 0, purple: 0 });
    // A 段落批注 (stored yellow) is not a 重点 highlight.
    expect(countByColor([...all, { ...all[0], id: 'p-note', color: 'yellow', target: 'paragraph' }]).yellow).toBe(2);
  });

  it('lists authors', () => {
    expect(listAuthors(all)).toEqual(['李四', '张三']);
  });
});
