/**
 * Conventions of other reports, on small hand-written texts (each case isolates one rule).
 */
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { reconstruct, violations } from './helpers';

const FULL = [
  '下载',
  '打印',
  '【字号：',
  '】',
  '2026年某省政府工作报告',
  '——2026年1月20日在某省第十四届人民代表大会第四次会议上',
  '来源：某省日报',
  '时间：2026-02-01',
  '省长 某某',
  '省长某某作政府工作报告。本报记者 某某 摄',
  '　　各位代表：',
  '　　现在，我代表省人民政府向大会报告工作，请予审议。',
  '　　一、2025年工作回顾',
  '　　过去一年，我们主要做了以下工作：',
  '　　——综合实力显著提升。地区生产总值增长5%，一般公共预算收入增长3%。',
  '　　——创新动能持续增强。研发投入强度达到2.5%，高新技术企业超过1万家。',
  '　　（一）稳增长。扩大有效投资，推动重大项目建设，全年完成投资1000亿元。',
  '　　（二）促转型。加快传统产业升级，培育新兴产业集群，数字经济占比提高。',
  '　　二、2026年工作安排',
  '　　（一）着力扩大内需',
  '　　提振消费。实施提振消费专项行动，开展促消费活动。',
  '　　1.实施以旧换新。全年补贴资金10亿元。',
  '　　2、发展服务消费。扩大养老托育供给，支持文旅消费。',
  '　　（二）着力发展新质生产力',
  '　　壮大新兴产业。培育战略性新兴产业集群，打造产业高地。',
  '　　（三）着力改善民生。稳就业。实施就业优先战略，城镇新增就业50万人。',
  '　　各位代表！',
  '　　让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋勇前进！',
  '相关报道：',
  '某省召开会议',
].join('\n');

describe('a whole report copied from the web', () => {
  const r = segmentReport(FULL, { id: 'x' });
  const byText = (start: string) => r.paragraphs.find((p) => p.text.startsWith(start))!;

  it('takes the title from the first report-like line and drops chrome', () => {
    expect(r.title).toBe('2026年某省政府工作报告');
    expect(r.continuesFrom).toBeNull();
    expect(r.paragraphs.map((p) => p.text)).not.toContain('下载');
    expect(r.paragraphs.some((p) => p.text.includes('本报记者'))).toBe(false);
    expect(r.paragraphs.some((p) => p.text === '某省召开会议')).toBe(false);
  });

  it('puts title, dateline, speaker and 各位代表： in the header block; numbering starts after it', () => {
    expect(r.front).toEqual([
      { kind: 'title', text: '2026年某省政府工作报告' },
      { kind: 'dateline', text: '——2026年1月20日在某省第十四届人民代表大会第四次会议上' },
      { kind: 'speaker', text: '省长某某' },
      { kind: 'address', text: '各位代表：' },
    ]);
    expect(r.paragraphs.slice(0, 1).map((p) => [p.id, p.label, p.text])).toEqual([
      ['p0-0-1', '序¶1', '现在，我代表省人民政府向大会报告工作，请予审议。'],
    ]);
    expect(r.paragraphs[0].marker).toBeNull();
  });

  it('builds the outline from full-width items, bullets and leads', () => {
    expect(r.outline.map((o) => [o.level, o.title, o.label])).toEqual([
      [1, '一、2025年工作回顾', '一'],
      [3, '综合实力显著提升', '一¶2'],
      [3, '创新动能持续增强', '一¶3'],
      [2, '（一）稳增长', '一(一)¶1'],
      [2, '（二）促转型', '一(二)¶1'],
      [1, '二、2026年工作安排', '二'],
      [2, '（一）着力扩大内需', '二(一)'],
      [3, '提振消费', '二(一)¶1'],
      [3, '实施以旧换新', '二(一)¶2'],
      [3, '发展服务消费', '二(一)¶3'],
      [2, '（二）着力发展新质生产力', '二(二)'],
      [3, '壮大新兴产业', '二(二)¶1'],
      [2, '（三）着力改善民生', '二(三)'],
      [3, '稳就业', '二(三)¶1'],
    ]);
  });

  it('records bullet and sub-item markers', () => {
    expect(byText('——综合实力').marker).toBe('——');
    expect(byText('1.实施').marker).toBe('1.');
    expect(byText('2、发展').marker).toBe('2、');
    expect(byText('提振消费').marker).toBeNull();
  });

  it('splits a run-together item whose siblings are standalone, and no other', () => {
    expect(r.repairs.filter((x) => x.kind === 'run-together-heading').map((x) => x.paragraphId)).toEqual(['h2-3']);
    expect(byText('（一）稳增长').kind).toBe('body');
    expect(byText('（一）稳增长').headingEnd).toBe('（一）稳增长。'.length);
  });

  it('returns to the part level at 各位代表 after the items', () => {
    expect(byText('各位代表！')).toMatchObject({ id: 'p2-0-1', label: '二¶1', item: 0 });
  });

  it('trims full-width indentation, loses no text and is sound', () => {
    expect(r.paragraphs.every((p) => !p.text.startsWith('\u3000'))).toBe(true);
    const [expected, actual] = reconstruct(FULL, r);
    expect(actual).toBe(expected);
    expect(violations(r)).toEqual([]);
  });
});

describe('page-break joins', () => {
  it.each([
    ['ends in a Han character', '甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未\n\n申酉戌亥。', 1],
    ['ends in a digit', '全年增长了百分之，达到12\n\n3个百分点。', 1],
    ['ends in a comma', '这是一个很长的句子，后面还有，\n\n另一半句。', 1],
    ['ends in a colon (introduces a list)', '今年主要目标是：\n\n地区生产总值增长5%。', 0],
    ['ends in 。', '一句完整的话。\n\n另一句。', 0],
    ['next is an item heading', '甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未\n\n（一）稳增长。', 0],
    ['next is a bullet', '甲乙丙丁，戊己庚辛壬癸子丑寅卯辰巳午未\n\n——综合实力提升。', 0],
    ['previous is a short heading-like line', '附件\n\n2026年民生实事', 0],
  ])('%s', (_name, text, joins) => {
    // After the 各位代表 opening, so the lines are body text rather than front matter.
    const r = segmentReport(`各位代表：\n\n${text}`);
    expect(r.repairs.filter((x) => x.kind === 'page-break-join')).toHaveLength(joins);
    expect(r.paragraphs).toHaveLength(2 - joins);
  });
});

describe('parts and items', () => {
  it('does not take a long 一、 paragraph of running text for a part', () => {
    const r = segmentReport('各位代表：\n一、二季度经济增长较快，三季度有所回落，四季度企稳回升，全年增长5%，好于预期，为今年发展打下了坚实基础。\n');
    expect(r.outline).toEqual([]);
  });

  it('accepts parts only in sequence', () => {
    const r = segmentReport('一、回顾\n过去一年很不平凡。\n三、未来\n今年要做好工作。\n二、任务\n做好工作。');
    expect(r.outline.map((o) => o.title)).toEqual(['一、回顾', '二、任务']);
  });

  it('does not restart items inside an item (nested lists stay body text)', () => {
    const r = segmentReport('一、工作\n（一）甲项工作\n内容。\n（二）乙项工作\n（一）不是新条目，而是列举。\n');
    expect(r.outline.filter((o) => o.level === 2).map((o) => o.title)).toEqual(['（一）甲项工作', '（二）乙项工作']);
  });
});

describe('continuation markers', () => {
  it('makes a fragment only at the very start and end', () => {
    const r = segmentReport('（上接第2版）正文开始，这是一段很长的正文内容。\n\n正文结束。（下转第5版）');
    expect([r.continuesFrom, r.continuesOn]).toEqual(['第2版', '第5版']);
  });

  it('strips a marker in the middle without making a fragment', () => {
    const r = segmentReport('标题\n第一段正文，内容很多。（下转第四版）（紧接第一版） 我们坚持人民至上。\n第二段正文。');
    expect([r.continuesFrom, r.continuesOn]).toEqual([null, null]);
    expect(r.repairs.filter((x) => x.kind === 'continuation-marker')).toHaveLength(2);
    expect(r.text).not.toContain('版）');
  });
});

describe('degenerate input', () => {
  it('segments text without any structure into part-0 paragraphs', () => {
    const r = segmentReport('这是一段没有标题的文字。\n这是第二段。');
    expect(r.title).toBe('未命名报告');
    expect(r.paragraphs.map((p) => p.id)).toEqual(['p0-0-1', 'p0-0-2']);
    expect(r.outline).toEqual([]);
  });

  it('returns an empty report for empty text', () => {
    const r = segmentReport('');
    expect(r.paragraphs).toEqual([]);
    expect(r.text).toBe('');
  });
});
