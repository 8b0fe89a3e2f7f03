import { describe, expect, it } from 'vitest';
import { normalizeForSearch, normalizeQuery, toOriginalRange } from '../../../shared/search/normalize';

describe('normalizeForSearch', () => {
  it.each([
    ['ＰＭ２．５', 'pm2.5'],
    ['PM_{2.5}浓度', 'pm2.5浓度'],
    ['m^{3}', 'm3'],
    ['１２３４５', '12345'],
    ['ＧＤＰ增长', 'gdp增长'],
    ['MLED新型显示', 'mled新型显示'],
    ['“十五五”', '"十五五"'],
    ['‘两新’', "'两新'"],
    ['（一）坚持', '(一)坚持'],
    ['甲，乙：丙！', '甲,乙:丙!'],
    ['\u3000两个字', ' 两个字'],
    ['①', '1'],
    ['PM₂.₅', 'pm2.5'],
    ['营商环境', '营商环境'],
    ['_{没有闭合', '_{没有闭合'],
    ['a_{}b', 'a_{}b'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input).text).toBe(expected);
  });

  it('returns a null map for one-to-one text (the common report case)', () => {
    expect(normalizeForSearch('新能源和清洁能源装机占比达到43%以上。GDP').map).toBeNull();
    expect(normalizeForSearch('ＰＭ２．５').map).toBeNull();
  });

  it('maps markup-stripped offsets back to the source characters', () => {
    const src = '降低PM_{2.5}浓度';
    const n = normalizeForSearch(src);
    expect(n.text).toBe('降低pm2.5浓度');
    const at = n.text.indexOf('pm2.5');
    const [a, b] = toOriginalRange(n.map, at, at + 5);
    expect(src.slice(a, b)).toBe('PM_{2.5}');
    const c = n.text.indexOf('浓度');
    const [d, e] = toOriginalRange(n.map, c, c + 2);
    expect(src.slice(d, e)).toBe('浓度');
  });

  it('maps expansions (one source character → several) to the whole source character', () => {
    const src = '第㍿号';
    const n = normalizeForSearch(src);
    expect(n.text.length).toBeGreaterThan(src.length);
    const [a, b] = toOriginalRange(n.map, 1, 2);
    expect(src.slice(a, b)).toBe('㍿');
  });

  it('every normalised character maps into its own source character (mixed input)', () => {
    const src = 'ＡＢ㍿PM_{2.5}𠀀“十五五”１２\u3000x^{2}营商';
    const n = normalizeForSearch(src);
    expect(n.map).not.toBeNull();
    for (let i = 0; i < n.text.length; i++) {
      const [a, b] = toOriginalRange(n.map, i, i + 1);
      expect(b).toBeGreaterThan(a);
      const back = normalizeForSearch(src.slice(a, b)).text;
      expect(back).toContain(n.text[i]);
    }
  });

  it('keeps surrogate pairs aligned', () => {
    const src = '𠀀营';
    const n = normalizeForSearch(src);
    expect(n.text).toBe(src);
    expect(n.map).toBeNull();
  });
});

describe('normalizeQuery', () => {
  it.each([
    ['  营商\t\t环境 ', '营商 环境'],
    ['\n', ''],
    ['ＰＭ２．５\u3000浓度', 'pm2.5 浓度'],
  ])('%j → %j', (q, expected) => {
    expect(normalizeQuery(q)).toBe(expected);
  });
});
