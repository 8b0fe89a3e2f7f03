import { describe, expect, it } from 'vitest';
import { annotationMatcher, filterAnnotations } from '../../../shared/annotations';
import { annotationOn } from './fixtures';

describe('annotationMatcher (list, 打印摘录 scope and note search share it)', () => {
  const a = annotationOn('大力发展绿电制氢', { tags: ['氢能', 'AI'], color: 'red', author: ' 张三 ' });
  const note = { color: 'red' as const, tags: ['氢能', 'AI'], author: '张三' };

  it.each([
    [{}, true],
    [{ colors: ['red' as const] }, true],
    [{ colors: ['blue' as const] }, false],
    [{ tags: ['#氢能'] }, true],
    [{ tags: ['ai'] }, true],
    [{ tags: ['氢能', '数字'], tagMode: 'all' as const }, false],
    [{ authors: ['张三'] }, true],
    [{ authors: ['李四'] }, false],
  ])('%j → %s for an annotation and a note record alike', (f, expected) => {
    expect(annotationMatcher(f)(a)).toBe(expected);
    expect(annotationMatcher(f)(note)).toBe(expected);
  });

  it('drops tombstones unless asked', () => {
    const gone = { ...a, deleted: true };
    expect(filterAnnotations([a, gone])).toEqual([a]);
    expect(filterAnnotations([a, gone], { includeDeleted: true })).toHaveLength(2);
  });
});
