import { describe, expect, it } from 'vitest';
import { collectTags, normaliseTag, normaliseTags, splitTagInput, suggestTags, tagKey } from '../../../shared/annotations';
import { annotationOn } from './fixtures';

describe('tags', () => {
  it.each([
    ['  重点  ', '重点'],
    ['#重点', '重点'],
    ['＃ 重点', '重点'],
    ['ＡＩ　应用', 'AI 应用'],
    ['新\t质\n生产力', '新 质 生产力'],
    ['   ', null],
    ['#', null],
    ['长'.repeat(40), '长'.repeat(32)],
    ['𠀀'.repeat(40), '𠀀'.repeat(32)],
  ])('normaliseTag(%j) = %j', (raw, expected) => {
    expect(normaliseTag(raw)).toBe(expected);
  });

  it('dedupes case-insensitively, keeps first spelling and order, drops empties', () => {
    expect(normaliseTags(['AI', ' ai ', '氢能', '', '#氢能', 'Ａｉ', '数据'])).toEqual(['AI', '氢能', '数据']);
  });

  it('splits typed input on Chinese and ASCII separators', () => {
    expect(splitTagInput('氢能，数据、AI;招商；\n 重点')).toEqual(['氢能', '数据', 'AI', '招商', '重点']);
  });

  it('collects tags in use by frequency, ignoring tombstones, for autocomplete', () => {
    const list = [
      annotationOn('大力发展绿电制氢', { tags: ['氢能', '产业'] }),
      annotationOn('抢占未来竞争制高点', { tags: ['氢能'] }),
      annotationOn('发展壮大数字经济', { tags: ['数字经济', '产业'] }),
      annotationOn('建强产业集聚载体', { tags: ['产业'] }),
      { ...annotationOn('前瞻布局未来产业', { tags: ['废弃'] }), deleted: true },
    ];
    const used = collectTags(list);
    expect(used).toEqual([
      { tag: '产业', count: 3 },
      { tag: '氢能', count: 2 },
      { tag: '数字经济', count: 1 },
    ]);
    expect(suggestTags(used, '经济')).toEqual(['数字经济']);
    expect(suggestTags(used, '产')).toEqual(['产业']);
    expect(suggestTags(used, '')).toEqual(['产业', '氢能', '数字经济']);
  });
});

describe('tagKey', () => {
  it('compares tags as the user meant them, also once its memo has been refilled', () => {
    expect(tagKey('ＡＩ')).toBe('ai');
    expect(tagKey(' #AI ')).toBe('ai');
    for (let i = 0; i < 10_050; i++) expect(tagKey(`标签${i}`)).toBe(`标签${i}`);
    expect(tagKey('ＡＩ')).toBe('ai');
    expect(tagKey('   ')).toBe('');
  });
});
