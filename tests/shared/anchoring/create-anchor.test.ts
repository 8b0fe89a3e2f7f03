import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../shared/anchoring';
import { bundledSource, offsetOf, paragraphWith, reportFromParagraphs, segment, selectionFor } from './report-fixture';

const report = segment(bundledSource);

describe('createAnchor on the bundled report', () => {
  const quotes = [
    '大力发展绿电制氢、丰炉煤气制氢',
    '新增进出口实绩企业',
    '围绕完善城市功能',
    '重点建设“制氢—储运—加注—装备—应用场景”全产业链。\n发展壮大数字经济。',
    '较“十三五”末提高',
  ];
  it.each(quotes)('quotes %s with 32 characters of context', (quote) => {
    const anchor = createAnchor(report, selectionFor(report, quote))!;
    const at = offsetOf(report, quote);
    expect(anchor.quote).toBe(quote);
    expect(anchor.prefix).toBe(report.text.slice(Math.max(0, at - 32), at));
    expect(anchor.suffix).toBe(report.text.slice(at + quote.length, at + quote.length + 32));
    expect(anchor.fingerprint).toBe(report.fingerprint);
    const p = report.paragraphs.find((x) => x.id === anchor.segmentId)!;
    const q = report.paragraphs.find((x) => x.id === anchor.endSegmentId)!;
    expect(p.start + anchor.start).toBe(at);
    expect(q.start + anchor.end).toBe(at + quote.length);
  });

  // 前瞻布局未来产业 is followed by 发展壮大数字经济 and 建强产业集聚载体 in 三(三).
  const future = paragraphWith(report, '前瞻布局未来产业');
  const digital = paragraphWith(report, '发展壮大数字经济');
  const cluster = paragraphWith(report, '建强产业集聚载体');
  const first = paragraphWith(report, '新增进出口实绩企业');
  const second = paragraphWith(report, '四是城乡发展加力提速');

  it('makes one anchor spanning paragraphs, quote joined by "\\n"', () => {
    const anchor = createAnchor(report, { startSegmentId: future.id, startOffset: 140, endSegmentId: cluster.id, endOffset: 4 })!;
    expect(anchor.segmentId).toBe(future.id);
    expect(anchor.endSegmentId).toBe(cluster.id);
    expect(anchor.quote).toBe(`${future.text.slice(140)}\n${digital.text}\n${cluster.text.slice(0, 4)}`);
  });

  it('pulls an end at offset 0 of the next paragraph back to the previous paragraph end', () => {
    const anchor = createAnchor(report, { startSegmentId: future.id, startOffset: 0, endSegmentId: digital.id, endOffset: 0 })!;
    expect(anchor).toMatchObject({ segmentId: future.id, start: 0, endSegmentId: future.id, end: future.text.length });
    expect(anchor.quote).toBe(future.text);
  });

  it('pushes a start at the very end of a paragraph to the next one', () => {
    const len = future.text.length;
    const anchor = createAnchor(report, { startSegmentId: future.id, startOffset: len, endSegmentId: digital.id, endOffset: 4 })!;
    expect(anchor).toMatchObject({ segmentId: digital.id, start: 0, endSegmentId: digital.id, end: 4 });
  });

  it.each([
    [-5, 10_000],
    [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    [0.7, first.text.length + 0.5],
  ])('clamps offsets %s..%s to the paragraph text', (s, e) => {
    const anchor = createAnchor(report, { startSegmentId: first.id, startOffset: s, endSegmentId: first.id, endOffset: e })!;
    expect(anchor).toMatchObject({ start: 0, end: first.text.length, quote: first.text });
  });

  it.each([
    ['unknown start id', { startSegmentId: 'nope', startOffset: 0, endSegmentId: first.id, endOffset: 3 }],
    ['unknown end id', { startSegmentId: first.id, startOffset: 0, endSegmentId: 'nope', endOffset: 3 }],
    ['empty', { startSegmentId: first.id, startOffset: 3, endSegmentId: first.id, endOffset: 3 }],
    ['inverted in a paragraph', { startSegmentId: first.id, startOffset: 5, endSegmentId: first.id, endOffset: 3 }],
    ['inverted across paragraphs', { startSegmentId: second.id, startOffset: 5, endSegmentId: first.id, endOffset: 3 }],
    ['NaN offset', { startSegmentId: first.id, startOffset: Number.NaN, endSegmentId: first.id, endOffset: 3 }],
    ['only a paragraph break', { startSegmentId: first.id, startOffset: first.text.length, endSegmentId: second.id, endOffset: 0 }],
  ])('returns null for %s', (_name, sel) => {
    expect(createAnchor(report, sel)).toBeNull();
  });
});

describe('createAnchor with characters outside the BMP', () => {
  // 𠀀 (U+20000) and 👍🏽 are two and four UTF-16 code units.
  const r = reportFromParagraphs(['推进𠀀制氢👍🏽项目建设', '第二段']);
  const text = r.paragraphs[0].text;

  it.each([
    ['start inside 𠀀', 3, 6, '𠀀制氢'],
    ['end inside 𠀀', 0, 3, '推进𠀀'],
    ['end inside the first emoji surrogate pair', 5, 7, '氢👍'],
    ['both inside', 3, 8, '𠀀制氢👍'],
    ['exactly on boundaries', 2, 4, '𠀀'],
  ])('widens %s to whole code points', (_n, s, e, quote) => {
    const a = createAnchor(r, { startSegmentId: 'p1', startOffset: s, endSegmentId: 'p1', endOffset: e })!;
    expect(a.quote).toBe(quote);
    expect(text.slice(a.start, a.end)).toBe(quote);
  });

  it('never cuts a pair in the context', () => {
    const long = reportFromParagraphs([`${'𠀀'.repeat(20)}中${'𠀀'.repeat(20)}`]);
    const a = createAnchor(long, { startSegmentId: 'p1', startOffset: 40, endSegmentId: 'p1', endOffset: 41 })!;
    expect(a.quote).toBe('中');
    expect(a.prefix).toBe('𠀀'.repeat(16));
    expect(a.suffix).toBe('𠀀'.repeat(16));
    const odd = reportFromParagraphs([`a${'𠀀'.repeat(20)}x中`]);
    const b = createAnchor(odd, { startSegmentId: 'p1', startOffset: 42, endSegmentId: 'p1', endOffset: 43 })!;
    // 32 code units back would land between the halves of a pair: keep 31 units, whole characters.
    expect(b.prefix).toBe(`${'𠀀'.repeat(15)}x`);
    expect(b.prefix.length).toBe(31);
  });
});
