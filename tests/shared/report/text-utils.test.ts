import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../../shared/report/chinese-numerals';
import { fingerprintText } from '../../../shared/report/fingerprint';
import { resolveMarkup } from '../../../shared/report/markup';
import { splitSentences } from '../../../shared/report/sentences';
import { findTypos } from '../../../shared/report/typos';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十一', 21], ['九十九', 99],
  ])('%s ↔ %i', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
    expect(toChineseNumeral(n)).toBe(s);
  });

  it.each(['', '零', '十十', '一二', '百', 'a', '二十二十'])('rejects %j', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });

  it('throws outside the id range', () => {
    expect(() => toChineseNumeral(0)).toThrow(/1\.\.99/);
  });
});

describe('fingerprintText (FNV-1a 64 over UTF-8)', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the published test vector for %j', (s, hex) => {
    expect(fingerprintText(s)).toBe(hex);
  });

  it('agrees with a BigInt reference on Chinese and astral text', () => {
    const reference = (s: string) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(s)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    for (const s of ['政府工作报告', 'PM2.5浓度', '𠀀𪚥 emoji 😀', '长治\n三(二)¶2']) expect(fingerprintText(s)).toBe(reference(s));
  });
});

describe('splitSentences', () => {
  const texts = (t: string) => splitSentences(t).map((r) => t.slice(r.start, r.end));
  it.each([
    ['甲。乙!丙?丁;戊', ['甲。', '乙!', '丙?', '丁;', '戊']],
    ['他说:“好。”然后走了。', ['他说:“好。”', '然后走了。']],
    ['真的吗？！是的。', ['真的吗？！', '是的。']],
    ['句一。 句二。', ['句一。', '句二。']],
    ['建设长子保税物流中心(B型),申建。(下一句)', ['建设长子保税物流中心(B型),申建。', '(下一句)']],
    ['', []],
    ['  ', []],
  ])('%j', (t, expected) => {
    expect(texts(t)).toEqual(expected);
  });
});

describe('resolveMarkup', () => {
  it('turns PM_{2.5} into PM2.5 with a subscript range', () => {
    const r = resolveMarkup('PM_{2.5}浓度降至30微克');
    expect(r.text).toBe('PM2.5浓度降至30微克');
    expect(r.subscripts).toEqual([{ start: 2, end: 5 }]);
    expect(r.resolved).toEqual([{ original: 'PM_{2.5}', replacement: 'PM2.5', start: 0 }]);
  });

  it('leaves text without markup untouched', () => {
    expect(resolveMarkup('PM2.5').subscripts).toEqual([]);
  });
});

describe('findTypos', () => {
  it('flags an English word between Chinese characters', () => {
    const [hit] = findTypos('乡村绿色美化 and 村庄清洁行动');
    expect(hit.note).toContain('和');
    expect('乡村绿色美化 and 村庄清洁行动'.slice(hit.start, hit.end)).toBe('and');
  });

  it('does not flag English inside English or acronyms', () => {
    expect(findTypos('上线运行“长智办”APP,扩大LED和MEMS')).toEqual([]);
    expect(findTypos('a and b')).toEqual([]);
  });
});
