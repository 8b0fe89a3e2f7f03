import { describe, expect, it } from 'vitest';
import { createAnchor, reanchor, resolveAnchor } from '../../../shared/anchoring';
import type { Report } from '../../../shared/report/model';
import { bundledSource, editOnce, offsetOf, segment, selectionFor } from './report-fixture';

const base = segment(bundledSource);

/** Anchor the `occurrence`-th `quote` of `report`. */
function anchorOn(report: Report, quote: string, occurrence = 0) {
  const anchor = createAnchor(report, selectionFor(report, quote, occurrence));
  if (!anchor) throw new Error(`fixture: cannot anchor "${quote}"`);
  return anchor;
}

/** Whole-document [start, end) of a resolution, for comparing with offsets in the edited text. */
function docRange(report: Report, r: ReturnType<typeof resolveAnchor>) {
  if (r.status === 'orphan') return null;
  const p = report.paragraphs.find((x) => x.id === r.segmentId)!;
  const q = report.paragraphs.find((x) => x.id === r.endSegmentId)!;
  return [p.start + r.start, q.start + r.end] as const;
}

type Edit = (source: string) => string;
const none: Edit = (s) => s;

interface Case {
  name: string;
  /** Text selected in the bundled report, and which occurrence of it. */
  quote: string;
  occurrence?: number;
  edit: Edit;
  expect:
    | { status: 'orphan' }
    | { status: 'exact' | 'moved' | 'fuzzy'; quote: string; occurrence?: number; crossParagraph?: boolean };
}

const typoFix: Edit = (s) => editOnce(s, '丰炉煤气', '焦炉煤气');

const cases: Case[] = [
  {
    name: 'unchanged report',
    quote: '大力发展绿电制氢、丰炉煤气制氢',
    edit: none,
    expect: { status: 'exact', quote: '大力发展绿电制氢、丰炉煤气制氢' },
  },
  {
    name: 'typo fixed inside the quote',
    quote: '大力发展绿电制氢、丰炉煤气制氢',
    edit: typoFix,
    expect: { status: 'fuzzy', quote: '大力发展绿电制氢、焦炉煤气制氢' },
  },
  {
    name: 'typo fixed inside a short quote',
    quote: '丰炉煤气',
    edit: typoFix,
    expect: { status: 'fuzzy', quote: '焦炉煤气' },
  },
  {
    name: 'typo fixed in a two-character quote (context pins it)',
    quote: '丰炉',
    edit: typoFix,
    expect: { status: 'fuzzy', quote: '焦炉' },
  },
  {
    name: 'typo fixed next to the quote (position still holds it)',
    quote: '煤气制氢,加快产能跃升',
    edit: typoFix,
    expect: { status: 'exact', quote: '煤气制氢,加快产能跃升' },
  },
  {
    name: 'sentence inserted right before it',
    quote: '大力发展绿电制氢、丰炉煤气制氢',
    edit: (s) => editOnce(s, '大力发展绿电制氢', '积极培育氢燃料电池汽车应用示范。大力发展绿电制氢'),
    expect: { status: 'moved', quote: '大力发展绿电制氢、丰炉煤气制氢' },
  },
  {
    name: 'sentence inserted at the start of its paragraph',
    quote: '抢占未来竞争制高点',
    edit: (s) => editOnce(s, '前瞻布局未来产业。', '前瞻布局未来产业。坚持需求牵引、场景驱动。'),
    expect: { status: 'moved', quote: '抢占未来竞争制高点' },
  },
  {
    name: 'paragraph inserted before it in its item (ids shift)',
    quote: '大力发展绿电制氢、丰炉煤气制氢',
    edit: (s) => editOnce(s, '前瞻布局未来产业。', '培育发展低空经济。开通低空旅游航线。\n\n前瞻布局未来产业。'),
    expect: { status: 'moved', quote: '大力发展绿电制氢、丰炉煤气制氢' },
  },
  {
    name: 'paragraph split before the quote',
    quote: '大力发展绿电制氢、丰炉煤气制氢',
    edit: (s) => editOnce(s, '抢占未来竞争制高点。', '抢占未来竞争制高点。\n\n'),
    expect: { status: 'moved', quote: '大力发展绿电制氢、丰炉煤气制氢' },
  },
  {
    name: 'paragraph split inside the quote',
    quote: '抢占未来竞争制高点。全面实施“人工智能+”行动',
    edit: (s) => editOnce(s, '抢占未来竞争制高点。', '抢占未来竞争制高点。\n\n'),
    expect: { status: 'fuzzy', quote: '抢占未来竞争制高点。\n全面实施“人工智能+”行动', crossParagraph: true },
  },
  {
    name: 'passage deleted',
    quote: '大力发展绿电制氢、丰炉煤气制氢',
    edit: (s) => editOnce(s, '大力发展绿电制氢、丰炉煤气制氢,加快产能跃升和技术整合,', ''),
    expect: { status: 'orphan' },
  },
  {
    name: 'passage deleted while its phrase recurs elsewhere',
    quote: '较“十三五”末提高',
    occurrence: 1,
    edit: (s) => editOnce(s, '森林覆盖率达到27.97%,较“十三五”末提高1.15个百分点。', ''),
    expect: { status: 'orphan' },
  },
  {
    name: 'half of the quote deleted',
    quote: '打造高水平孵化平台和加速器,抢占未来竞争制高点',
    edit: (s) => editOnce(s, '打造高水平孵化平台和加速器,', ''),
    expect: { status: 'orphan' },
  },
  {
    name: 'repeated phrase, second occurrence, sentence inserted in its paragraph',
    quote: '较“十三五”末提高',
    occurrence: 1,
    edit: (s) => editOnce(s, '五是生态环境明显改善。', '五是生态环境明显改善。绿色低碳转型步伐加快。'),
    expect: { status: 'moved', quote: '较“十三五”末提高', occurrence: 1 },
  },
  {
    // 100项 occurs three times in one paragraph; the insertion puts the first occurrence exactly
    // where the second one was, so the stored position alone would pick the wrong one.
    name: 'phrase repeated in one paragraph, another occurrence slid into the old position',
    quote: '100项',
    occurrence: 1,
    edit: (s) => {
      const gap = s.indexOf('100项', s.indexOf('100项') + 1) - s.indexOf('100项');
      return editOnce(s, '(二)在科技创新引领上', `${'新'.repeat(gap)}(二)在科技创新引领上`);
    },
    expect: { status: 'moved', quote: '100项', occurrence: 1 },
  },
  {
    name: 'repeated phrase, first occurrence, text inserted between the two',
    quote: '较“十三五”末提高',
    occurrence: 0,
    edit: (s) => editOnce(s, '五是生态环境明显改善。', '五是生态环境明显改善。绿色低碳转型步伐加快。'),
    expect: { status: 'exact', quote: '较“十三五”末提高', occurrence: 0 },
  },
  {
    name: 'repeated phrase, second occurrence, its paragraph moved before the first',
    quote: '较“十三五”末提高',
    occurrence: 1,
    edit: (s) => {
      const p4 = s.slice(s.indexOf('五是生态环境明显改善。'), s.indexOf('\n', s.indexOf('五是生态环境明显改善。')));
      return editOnce(editOnce(s, p4, ''), '四是城乡发展加力提速。', `${p4}\n\n四是城乡发展加力提速。`);
    },
    expect: { status: 'moved', quote: '较“十三五”末提高', occurrence: 0 },
  },
  {
    name: 'cross-paragraph anchor, unchanged',
    quote: '重点建设“制氢—储运—加注—装备—应用场景”全产业链。\n发展壮大数字经济。',
    edit: none,
    expect: { status: 'exact', quote: '重点建设“制氢—储运—加注—装备—应用场景”全产业链。\n发展壮大数字经济。', crossParagraph: true },
  },
  {
    name: 'cross-paragraph anchor, paragraph inserted before',
    quote: '重点建设“制氢—储运—加注—装备—应用场景”全产业链。\n发展壮大数字经济。',
    edit: (s) => editOnce(s, '前瞻布局未来产业。', '培育发展低空经济。\n\n前瞻布局未来产业。'),
    expect: { status: 'moved', quote: '重点建设“制氢—储运—加注—装备—应用场景”全产业链。\n发展壮大数字经济。', crossParagraph: true },
  },
  {
    name: 'cross-paragraph anchor, typo fixed inside',
    quote: '应用场景”全产业链。\n发展壮大数字经济。',
    edit: (s) => editOnce(s, '发展壮大数字经济。', '发展壮大数字经济.'),
    expect: { status: 'fuzzy', quote: '应用场景”全产业链。\n发展壮大数字经济.', crossParagraph: true },
  },
];

describe('resolveAnchor on edited editions of the bundled report', () => {
  it.each(cases)('$name', (c) => {
    const anchor = anchorOn(base, c.quote, c.occurrence);
    const edited = segment(c.edit(bundledSource));
    const r = resolveAnchor(edited, anchor);
    expect(r.status).toBe(c.expect.status);
    if (c.expect.status === 'orphan' || r.status === 'orphan') return;
    expect(r.quote).toBe(c.expect.quote);
    const [s, e] = docRange(edited, r)!;
    expect(edited.text.slice(s, e)).toBe(c.expect.quote);
    expect(s).toBe(offsetOf(edited, c.expect.quote, c.expect.occurrence ?? 0));
    expect(r.segmentId !== r.endSegmentId).toBe(c.expect.crossParagraph ?? false);
  });
});

describe('non-BMP characters in quotes', () => {
  const withEmoji = editOnce(bundledSource, '大力发展绿电制氢', '大力发展𠀀绿电👍🏽制氢');
  const report = segment(withEmoji);
  const quote = '𠀀绿电👍🏽制氢、丰炉';

  it.each([
    ['unchanged', (s: string) => s, 'exact', quote],
    ['sentence inserted before', (s: string) => editOnce(s, '全面实施“人工智能+”行动', '新增句子。全面实施“人工智能+”行动'), 'moved', quote],
    ['typo fixed inside', (s: string) => editOnce(s, '丰炉', '焦炉'), 'fuzzy', '𠀀绿电👍🏽制氢、焦炉'],
    ['emoji removed inside', (s: string) => editOnce(s, '👍🏽', ''), 'fuzzy', '𠀀绿电制氢、丰炉'],
  ] as const)('%s', (_name, edit, status, expected) => {
    const anchor = anchorOn(report, quote);
    const r = resolveAnchor(segment(edit(withEmoji)), anchor);
    expect(r.status).toBe(status);
    expect(r.status !== 'orphan' && r.quote).toBe(expected);
  });
});

describe('sweeps over every paragraph', () => {
  // Middle third of every paragraph long enough, plus a short phrase from it.
  const picks = base.paragraphs
    .filter((p) => p.text.length >= 30)
    .flatMap((p) => {
      const a = Math.floor(p.text.length / 3);
      return [
        { segmentId: p.id, start: a, end: 2 * a },
        { segmentId: p.id, start: a, end: a + 6 },
      ];
    });

  it('resolves every anchor exactly on the same report, same offsets', () => {
    for (const pick of picks) {
      const anchor = createAnchor(base, { startSegmentId: pick.segmentId, startOffset: pick.start, endSegmentId: pick.segmentId, endOffset: pick.end })!;
      expect(resolveAnchor(base, anchor)).toEqual({ status: 'exact', ...pick, endSegmentId: pick.segmentId, quote: anchor.quote });
    }
  });

  it('finds every anchor again after a paragraph is inserted at the top', () => {
    const inserted = '三是对外开放迈出新步伐。';
    const edited = segment(editOnce(bundledSource, '四是城乡发展加力提速。', `${inserted}\n\n四是城乡发展加力提速。`));
    let moved = 0;
    for (const pick of picks) {
      const anchor = createAnchor(base, { startSegmentId: pick.segmentId, startOffset: pick.start, endSegmentId: pick.segmentId, endOffset: pick.end })!;
      const r = resolveAnchor(edited, anchor);
      if (r.status === 'orphan') throw new Error(`orphaned: ${anchor.quote}`);
      const [s] = docRange(edited, r)!;
      const oldStart = base.paragraphs.find((p) => p.id === pick.segmentId)!.start + pick.start;
      // Paragraphs after the first one of part 一 shift by one paragraph.
      expect(s, anchor.quote).toBe(oldStart + (oldStart >= base.paragraphs[1].start ? inserted.length + 1 : 0));
      expect(r.quote).toBe(anchor.quote);
      if (r.status === 'exact') expect(r.segmentId).toBe(pick.segmentId);
      else moved++;
    }
    // The part-一 paragraphs after the insertion changed ids; later parts kept theirs.
    expect(moved).toBeGreaterThanOrEqual(10);
  });

  it('never attaches anything to the wrong text when a whole paragraph is deleted', () => {
    // Paragraphs that appear verbatim in the source (not joined across a page break, no markup).
    const deletable = base.paragraphs.filter((x) => x.text.length >= 60 && bundledSource.includes(x.text));
    expect(deletable.length).toBeGreaterThan(30);
    for (const p of deletable) {
      const edited = segment(editOnce(bundledSource, p.text, ''));
      for (let at = 0; at + 12 <= p.text.length; at += 23) {
        for (const len of [4, 12]) {
          const anchor = createAnchor(base, { startSegmentId: p.id, startOffset: at, endSegmentId: p.id, endOffset: at + len })!;
          const r = resolveAnchor(edited, anchor);
          expect(r.status, `${p.id} ${anchor.quote}`).toBe('orphan');
        }
      }
    }
  });

  it('orphans an anchor whose paragraph ids are unknown and whose quote is gone', () => {
    const anchor = { ...anchorOn(base, '丰炉煤气'), segmentId: 'zz', endSegmentId: 'zz', quote: '完全不存在的文字内容' };
    expect(resolveAnchor(base, anchor)).toEqual({ status: 'orphan' });
  });
});

describe('reanchor', () => {
  it('turns a fuzzy resolution into an anchor that resolves exactly on the new edition', () => {
    const anchor = anchorOn(base, '大力发展绿电制氢、丰炉煤气制氢');
    const edited = segment(editOnce(bundledSource, '丰炉煤气', '焦炉煤气'));
    const r = resolveAnchor(edited, anchor);
    const fresh = reanchor(edited, r)!;
    expect(fresh).toMatchObject({ quote: '大力发展绿电制氢、焦炉煤气制氢', fingerprint: edited.fingerprint });
    expect(resolveAnchor(edited, fresh)).toEqual({ ...r, status: 'exact' });
    expect(reanchor(edited, { status: 'orphan' })).toBeNull();
  });
});
