import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { extractTargets, findQuantities, splitClauses } from '../../../shared/targets';
import { bundledPath, corpusFiles } from '../report/helpers';

const bundled = segmentReport(readFileSync(bundledPath, 'utf8'), { id: 'changzhi-2026' });
const rows = extractTargets(bundled);
const corpus = corpusFiles().map((f) => ({ name: f.name, report: segmentReport(f.source, { id: f.name }) }));

describe('findQuantities on real clauses', () => {
  it.each([
    ['地区生产总值增长6%左右', ['6%左右']],
    ['新增城镇就业4.3万人以上', ['4.3万人以上']],
    ['PM2.5浓度降至30微克/立方米', ['30微克/立方米']],
    ['全省地区生产总值增长5%—5.5%', ['5%—5.5%']],
    ['地区生产总值增长4.5-5%', ['4.5-5%']],
    ['常住人口城镇化率提升1个百分点以上', ['1个百分点以上']],
    ['城乡居民人均可支配收入分别增长5%、6.5%左右', ['5%', '6.5%左右']],
    ['到2030年建成5G基站', []],
    ['生产总值增长5％左右', ['5％左右']],
  ])('%s', (clause, figures) => {
    expect(findQuantities(clause).map((q) => q.text)).toEqual(figures);
  });
});

describe('splitClauses', () => {
  it('keeps brackets and thousands separators whole', () => {
    const t = '项目（不含房地产开发，下同）投资增速高于全部投资增速，共1,200个';
    expect(splitClauses(t, 0, t.length).map((c) => t.slice(c.start, c.end))).toEqual(['项目（不含房地产开发，下同）投资增速高于全部投资增速', '共1,200个']);
  });
});

describe('extractTargets on the bundled report', () => {
  it('gives offsets that reproduce the clause and the figure in the paragraph', () => {
    const byId = new Map(bundled.paragraphs.map((p) => [p.id, p]));
    for (const r of rows) {
      const p = byId.get(r.paragraphId)!;
      expect(p.text.slice(r.start, r.end)).toBe(r.text);
      expect(p.label).toBe(r.label);
      const s = p.sentences.find((x) => x.id === r.sentenceId)!;
      expect(r.start >= s.start && r.end <= s.end).toBe(true);
      if (r.number !== null) expect(p.text.slice(r.valueStart, r.valueEnd)).toBe(r.value);
    }
  });

  it('sorts rows into the four categories by where they stand', () => {
    const gdp = rows.find((r) => r.text === '地区生产总值增长6%左右')!;
    expect(gdp).toMatchObject({ category: '年度主要预期目标', indicator: '地区生产总值', direction: '增长', unit: '%', label: '三¶2' });
    expect(rows.find((r) => r.text.startsWith('约束性指标'))).toMatchObject({ category: '约束性目标', direction: '完成' });
    expect(rows.find((r) => r.text === '全市常住人口城镇化率达到60.65%')).toMatchObject({ category: '上年完成情况', value: '60.65%' });
    expect(rows.find((r) => r.text === '煤炭先进产能达到97%以上')).toMatchObject({ category: '具体任务', indicator: '煤炭先进产能' });
  });

  it('drops the baseline of 由…提高到 and names a comparison by the indicator before it', () => {
    const rate = rows.filter((r) => r.text === '职业学校办学条件达标率由34%提高到92%');
    expect(rate.map((r) => r.value)).toEqual(['92%']);
    expect(rows.find((r) => r.text === '较“十三五”末提高4.18个百分点')?.indicator).toBe('常住人口城镇化率');
  });
});

describe('extractTargets on the corpus', () => {
  it('labels last year as 上年完成情况 and this year as targets in every report', () => {
    for (const { name, report } of corpus) {
      const r = extractTargets(report);
      const cats = new Set(r.map((x) => x.category));
      expect([name, cats.has('上年完成情况'), cats.has('年度主要预期目标'), cats.has('具体任务')]).toEqual([name, true, true, true]);
    }
  });

  it('never reads a year, a date or PM2.5 as a figure', () => {
    for (const { report } of corpus) {
      for (const r of extractTargets(report)) {
        expect(r.value).not.toMatch(/^\d{4}年|^2\.5微克/);
        if (r.unit) expect(r.unit).not.toMatch(/年|月|日/);
      }
    }
  });
});

describe('具体任务 rows on real clauses', () => {
  const rowsOf = (name: string) => extractTargets(corpus.find((c) => c.name.includes(name))!.report);
  const hubei = rowsOf('湖北');
  const hebei = rowsOf('河北');
  const find = (rows: ReturnType<typeof extractTargets>, text: string) => rows.filter((r) => r.text === text).map((r) => [r.indicator, r.direction, r.value]);

  it('names what a count counts when it follows the figure', () => {
    expect(find(hebei, '打造10个“数字领航”企业、100个先进级智能工厂')).toEqual([
      ['“数字领航”企业', '培育', '10个'],
      ['先进级智能工厂', '培育', '100个'],
    ]);
    expect(find(hubei, '稳妥推进55个扩面试点项目、30个城市更新重点片区建设').map((r) => r[0])).toEqual(['扩面试点项目', '城市更新重点片区建设']);
    expect(find(hebei, '抓好1万名乡村医生线下培训')[0][0]).toBe('乡村医生线下培训');
  });

  it('takes the direction from the opening verb when a later one is part of the name', () => {
    expect(find(hubei, '完成农村公路路网提升工程1万公里')).toEqual([['完成农村公路路网提升工程', '完成', '1万公里']]);
    expect(find(hebei, '培育标准化乡镇养老服务中心400家')[0][1]).toBe('培育');
  });
});
