/**
 * The bundled Changzhi fragment, checked against design/report-format.md point by point.
 */
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { fingerprintText } from '../../../shared/report/fingerprint';
import { parseKnownTypos } from '../../../shared/report/typos';
import { bundledSource, bundledTypos, reconstruct, violations } from './helpers';

const report = segmentReport(bundledSource(), { id: 'changzhi-2026', typos: bundledTypos() });
const byId = (id: string) => {
  const p = report.paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p;
};

/** Expected outline (level, title) — parts → items → leads, as in report-format.md. */
const OUTLINE: [1 | 2 | 3, string][] = [
  [1, '一、（标题见第一版）'],
  [3, '四是城乡发展加力提速'],
  [3, '五是生态环境明显改善'],
  [3, '六是社会事业全面进步'],
  [1, '二、“十五五”时期经济社会发展目标任务'],
  [2, '(一)在推动转型发展上实现更大突破'],
  [2, '(二)在科技创新引领上实现更大突破'],
  [2, '(三)在持续扩大内需上实现更大突破'],
  [2, '(四)在发展特优农业上实现更大突破'],
  [2, '(五)在深化改革开放上实现更大突破'],
  [2, '(六)在实施城市更新上实现更大突破'],
  [2, '(七)在激发文旅活力上实现更大突破'],
  [2, '(八)在美丽长治建设上实现更大突破'],
  [1, '三、2026年工作安排'],
  [2, '(一)坚持内需主导、投资拉动,推动经济平稳运行'],
  [3, '多措并举促消费'],
  [3, '持续发力上项目'],
  [3, '精准务实抓招商'],
  [2, '(二)坚持双碳引领、多能融合,构建新型能源体系'],
  [3, '推动煤炭绿色智能转型'],
  [3, '强化能源综合开发利用'],
  [3, '加快构建新型电力系统'],
  [2, '(三)坚持产业升级、聚链成群,坚定推进转型发展'],
  [3, '改造升级传统产业'],
  [3, '培育壮大新兴产业'],
  [3, '前瞻布局未来产业'],
  [3, '发展壮大数字经济'],
  [3, '建强产业集聚载体'],
  [2, '(四)坚持优质高效、扩能提质,推动适度多元发展'],
  [3, '加快特优农业提质增效'],
  [3, '实施服务业扩能提质行动'],
  [3, '持续做大做强文旅产业'],
  [2, '(五)坚持创新驱动、科技赋能,培育发展新质生产力'],
  [3, '持续加大创新投入'],
  [3, '加强创新主体培育'],
  [3, '全面汇聚创新人才'],
  [2, '(六)坚持改革攻坚、开放合作,增强发展内生动力'],
  [3, '深化重点领域改革'],
  [3, '激发经营主体活力'],
  [3, '深化京长对口合作'],
  [2, '(七)坚持融合发展、全面振兴,着力抓好“三农”工作'],
  [3, '保障粮食安全'],
  [3, '建设和美乡村'],
  [3, '促进农民增收'],
  [3, '深化城乡融合'],
  [2, '(八)坚持规划引领、建管并重,建设区域中心城市'],
];

describe('bundled report: structure', () => {
  it('has the title and the fragment metadata', () => {
    expect(report.id).toBe('changzhi-2026');
    expect(report.title).toBe('政府工作报告');
    expect(report.continuesFrom).toBe('第一版');
    expect(report.continuesOn).toBe('第四版');
  });

  it('has exactly the outline of report-format.md', () => {
    expect(report.outline.map((o) => [o.level, o.title])).toEqual(OUTLINE);
  });

  it('points the untitled opening at the first paragraph of part 一', () => {
    expect(report.outline[0]).toMatchObject({ paragraphId: 'p1-0-1', label: '一¶1' });
  });

  it('has 48 body paragraphs, 2 part headings and 8 standalone item headings', () => {
    const count = (k: string) => report.paragraphs.filter((p) => p.kind === k).length;
    expect(count('body')).toBe(48);
    expect(count('part')).toBe(2);
    expect(count('item')).toBe(8);
  });

  it.each([
    ['p1-0-1', '一¶1', 'body'],
    ['p1-0-7', '一¶7', 'body'],
    ['h2', '二', 'part'],
    ['p2-0-1', '二¶1', 'body'],
    ['p2-1-1', '二(一)¶1', 'body'],
    ['p2-8-1', '二(八)¶1', 'body'],
    ['h3', '三', 'part'],
    ['p3-0-2', '三¶2', 'body'],
    ['h3-2', '三(二)', 'item'],
    ['p3-2-2', '三(二)¶2', 'body'],
    ['h3-7', '三(七)', 'item'],
    ['p3-7-1', '三(七)¶1', 'body'],
    ['p3-8-4', '三(八)¶4', 'body'],
  ])('%s is labelled %s (%s)', (id, label, kind) => {
    expect(byId(id)).toMatchObject({ label, kind });
  });

  it('marks inline item headings of part 二 with headingEnd', () => {
    const p = byId('p2-1-1');
    expect(p.text.slice(0, p.headingEnd)).toBe('(一)在推动转型发展上实现更大突破。');
    expect(p.item).toBe(1);
    expect(byId('p2-0-1').headingEnd).toBe(0);
  });

  it.each([
    ['p1-0-2', '四是城乡发展加力提速。'],
    ['p3-1-1', '多措并举促消费。'],
    ['p3-7-1', '保障粮食安全。'],
  ])('%s has the lead %s', (id, lead) => {
    const p = byId(id);
    expect(p.lead).not.toBeNull();
    expect(p.text.slice(p.lead!.start, p.lead!.end)).toBe(lead);
  });

  it('gives no lead to paragraphs whose first sentence is long or has commas', () => {
    for (const id of ['p1-0-1', 'p1-0-5', 'p2-1-1', 'p3-0-1', 'p3-8-1']) expect(byId(id).lead).toBeNull();
  });

  it('is internally consistent', () => {
    expect(violations(report)).toEqual([]);
  });

  it('fingerprints the canonical text', () => {
    expect(report.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(report.fingerprint).toBe(fingerprintText(report.text));
  });
});

describe('bundled report: layout repairs', () => {
  const joins: [string, string, string][] = [
    ['p2-1-1', '绿电消纳', '比例达到35%以上'],
    ['p3-0-2', '目标是:地', '区生产总值'],
    ['p3-3-2', '特色装', '备制造业产业'],
    ['p3-5-2', '科技型中', '小企业300家以上'],
  ];

  it('records exactly 4 page-break joins', () => {
    expect(report.repairs.filter((r) => r.kind === 'page-break-join').map((r) => r.paragraphId)).toEqual(joins.map((j) => j[0]));
  });

  it.each(joins)('joins %s: “%s” + “%s”', (id, before, after) => {
    expect(byId(id).text).toContain(before + after);
    const repair = report.repairs.find((r) => r.kind === 'page-break-join' && r.paragraphId === id)!;
    expect(repair.detail).toContain(before);
    expect(repair.detail).toContain(after);
  });

  it('strips both continuation markers and keeps them as metadata', () => {
    const markers = report.repairs.filter((r) => r.kind === 'continuation-marker');
    // The space the newspaper set before (下转第四版) goes with the marker, and the repair says so.
    expect(markers.map((r) => r.original)).toEqual(['(上接第一版)', ' (下转第四版)']);
    expect(markers[1].detail).toContain('及其前的空格');
    expect(report.text).not.toMatch(/上接|下转/);
    expect(report.paragraphs[0].text.startsWith('新增进出口实绩企业78家')).toBe(true);
    expect(report.paragraphs[report.paragraphs.length - 1].text.endsWith('全线贯通,')).toBe(true);
  });

  it('splits the run-together (七) heading after its first sentence', () => {
    expect(byId('h3-7').text).toBe('(七)坚持融合发展、全面振兴,着力抓好“三农”工作。');
    expect(byId('p3-7-1').text.startsWith('保障粮食安全。严守耕地红线')).toBe(true);
    expect(report.repairs.filter((r) => r.kind === 'run-together-heading').map((r) => r.paragraphId)).toEqual(['h3-7']);
  });

  it('does not split the inline items of part 二 (their siblings are inline too)', () => {
    expect(report.paragraphs.filter((p) => p.part === 2 && p.kind === 'item')).toEqual([]);
  });

  it('resolves PM_{2.5} to PM2.5 with 2.5 as a subscript', () => {
    expect(report.text).not.toContain('PM_{');
    const p = report.paragraphs.find((x) => x.text.includes('PM2.5浓度'))!;
    expect(p.subscripts).toHaveLength(1);
    const [s] = p.subscripts;
    expect(p.text.slice(s.start - 2, s.end)).toBe('PM2.5');
    expect(p.text.slice(s.start, s.end)).toBe('2.5');
    expect(report.repairs.filter((r) => r.kind === 'markup-subscript')).toMatchObject([
      { paragraphId: p.id, original: 'PM_{2.5}', replacement: 'PM2.5' },
    ]);
  });

  it.each([
    ['and', '和'],
    ['丰炉煤气', '焦炉煤气'],
    ['两大', '扩大'],
  ])('flags the source typo “%s” (疑为 %s) without changing the text', (suspect, meant) => {
    const m = report.remarks.find((r) => r.note.includes(meant))!;
    expect(m).toBeDefined();
    const p = byId(m.paragraphId);
    expect(p.text.slice(m.start, m.end)).toBe(suspect);
    expect(report.text).toContain(suspect);
    expect(report.text).not.toContain(meant === '和' ? '美化和村庄' : meant + (meant === '扩大' ? '标准化' : ''));
  });

  it('has exactly the three typo remarks', () => {
    expect(report.remarks).toHaveLength(3);
  });

  it('knows 丰炉煤气 and 两大 only from the report’s own typos.json (data, not code)', () => {
    const without = segmentReport(bundledSource(), { id: 'changzhi-2026' });
    expect(without.remarks.map((r) => r.note)).toEqual([expect.stringContaining('and')]);
    expect(() => parseKnownTypos([{ context: '丰炉煤气', suspect: '焦炉', note: 'x' }])).toThrow(/entry 0/);
  });

  it('loses and duplicates no body character', () => {
    const [expected, actual] = reconstruct(bundledSource(), report);
    expect(actual).toBe(expected);
  });

  it('keeps the body in source order with ASCII punctuation unchanged', () => {
    expect(report.text).toContain('目标是:地区生产总值增长6%左右');
    expect(report.text).toContain('水泥(油)路');
  });
});
