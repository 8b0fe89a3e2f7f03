import { describe, expect, it } from 'vitest';
import { currentPath, outlineTree } from '../../../renderer/reader/outline-tree';
import type { Report } from '../../../shared/report/model';

const report = {
  paragraphs: ['h2', 'p2-1-1', 'h3', 'h3-1', 'p3-1-1', 'p3-1-2', 'h3-2', 'p3-2-1'].map((id) => ({ id })),
  outline: [
    { level: 1, title: '二', paragraphId: 'h2', label: '二' },
    { level: 2, title: '二(一)', paragraphId: 'p2-1-1', label: '二(一)¶1' },
    { level: 1, title: '三', paragraphId: 'h3', label: '三' },
    { level: 2, title: '三(一)', paragraphId: 'h3-1', label: '三(一)' },
    { level: 3, title: '促消费', paragraphId: 'p3-1-1', label: '三(一)¶1' },
    { level: 3, title: '上项目', paragraphId: 'p3-1-2', label: '三(一)¶2' },
    { level: 2, title: '三(二)', paragraphId: 'h3-2', label: '三(二)' },
  ],
} as unknown as Report;

describe('outline tree', () => {
  it('nests parts, items and leads', () => {
    const tree = outlineTree(report);
    expect(tree.map((n) => n.entry.title)).toEqual(['二', '三']);
    expect(tree[1].children.map((n) => n.entry.title)).toEqual(['三(一)', '三(二)']);
    expect(tree[1].children[0].children.map((n) => n.entry.title)).toEqual(['促消费', '上项目']);
  });

  it.each([
    [0, ['二']],
    [1, ['二', '二(一)']],
    [2, ['三']],
    [5, ['三', '三(一)', '上项目']],
    [7, ['三', '三(二)']],
  ])('paragraph %i is inside %j', (index, titles) => {
    expect(currentPath(outlineTree(report), index).map((n) => n.entry.title)).toEqual(titles);
  });
});
