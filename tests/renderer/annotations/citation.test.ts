import { describe, expect, it } from 'vitest';
import { citationText, labelOf } from '../../../renderer/annotations/citation';
import { resolveAnchor } from '../../../shared/anchoring';
import { toDisplayText } from '../../../shared/report/display';
import { annotate, para, report, within } from './fixture';

const TITLE = '长治市2026年政府工作报告';

describe('citationText', () => {
  it.each([
    ['p1-0-2', 11, 26, '一¶2'],
    ['p3-2-2', 0, 11, '三(二)¶2'],
    ['p2-1-1', 0, 18, '二(一)¶1'],
    ['h2', 0, 5, '二'],
  ])('quotes %s[%i,%i) in display form with the label %s', (id, start, end, label) => {
    const a = annotate(within(id, start, end));
    const text = citationText(report, TITLE, a, resolveAnchor(report, a.anchor));
    const quote = toDisplayText(para(id).text.slice(start, end));
    expect(text).toBe(`“${quote}”（${TITLE} ${label}）`);
  });

  it('shows ASCII commas between Chinese characters full-width, as the reader does', () => {
    const p = para('p3-2-2');
    const comma = p.text.indexOf(',');
    expect(comma).toBeGreaterThan(0);
    const a = annotate(within(p.id, comma - 4, comma + 4));
    const text = citationText(report, TITLE, a, resolveAnchor(report, a.anchor));
    expect(text).toContain('，');
    expect(text).not.toContain(',');
  });

  it('joins a passage across paragraphs without a line break and cites where it starts', () => {
    const a = annotate({ startSegmentId: 'p1-0-2', startOffset: 250, endSegmentId: 'p1-0-3', endOffset: 11 });
    const text = citationText(report, TITLE, a, resolveAnchor(report, a.anchor));
    expect(text).not.toContain('\n');
    expect(text).toBe(`“${toDisplayText(a.anchor.quote.replace('\n', ''))}”（${TITLE} 一¶2）`);
  });

  it('cites an orphan by its stored quote and says the text was not found', () => {
    const a = annotate(within('p1-0-4', 0, 10));
    a.anchor = { ...a.anchor, quote: '旧版中的原文,已删除', prefix: '', suffix: '' };
    const r = resolveAnchor(report, a.anchor);
    expect(r.status).toBe('orphan');
    expect(citationText(report, TITLE, a, r)).toBe(`“旧版中的原文，已删除”（${TITLE}，原文未找到）`);
    expect(citationText(report, TITLE, a, undefined)).toBe(`“旧版中的原文，已删除”（${TITLE}，原文未找到）`);
  });

  it('uses the text now in the report when the anchor resolved approximately', () => {
    const a = annotate(within('p3-2-2', 0, 11));
    const r = { status: 'fuzzy' as const, segmentId: 'p3-2-2', start: 0, endSegmentId: 'p3-2-2', end: 11, quote: '现在的文字' };
    expect(citationText(report, TITLE, a, r)).toBe(`“现在的文字”（${TITLE} 三(二)¶2）`);
  });
});

describe('labelOf', () => {
  it('is the label of the paragraph where the passage starts', () => {
    const a = annotate({ startSegmentId: 'p3-2-3', startOffset: 200, endSegmentId: 'p3-3-1', endOffset: 3 });
    expect(labelOf(report, resolveAnchor(report, a.anchor))).toBe('三(二)¶3');
  });

  it('is null for an orphan, a missing resolution or an unknown paragraph', () => {
    expect(labelOf(report, { status: 'orphan' })).toBeNull();
    expect(labelOf(report, undefined)).toBeNull();
    expect(labelOf(report, { status: 'exact', segmentId: 'nope', start: 0, endSegmentId: 'nope', end: 1, quote: 'x' })).toBeNull();
  });
});
