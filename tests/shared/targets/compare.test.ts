/**
 * 两年对照 on real text. No 2025 report is on this machine, so each 2026 report stands in for both
 * years: its own 主要预期目标 passage as "last year's targets", its own part 一 (the review of 2025)
 * as "this year's review". That checks matching and judging on real wording, not a real year pair.
 */
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { compareYears, extractTargets, indicatorKey } from '../../../shared/targets';
import { corpusFiles } from '../report/helpers';

const rowsOf = (name: string) => {
  const f = corpusFiles().find((x) => x.name.includes(name))!;
  return extractTargets(segmentReport(f.source, { id: f.name }));
};

describe('indicatorKey', () => {
  it.each([
    ['全省生产总值', '地区生产总值'],
    ['经济', '地区生产总值'],
    ['城镇新增就业', '城镇新增就业'],
    ['新增城镇就业', '城镇新增就业'],
    ['单位地区生产总值二氧化碳排放降低', '碳排放'],
    ['人均地区生产总值', '人均地区生产总值'],
    ['制造业增加值占地区生产总值比重', '制造业增加值占地区生产总值比重'],
    ['万元GDP用水量较“十三五”末', '万元GDP用水量较“十三五”末'],
  ])('%s → %s', (a, b) => expect(indicatorKey(a)).toBe(b));
});

describe('compareYears', () => {
  it('matches 江苏 targets to figures of the year, not five-year totals, and judges them', () => {
    const rows = rowsOf('江苏');
    const byKey = new Map(compareYears(rows, rows).map((c) => [c.indicator + c.target.value, c]));
    expect(byKey.get('地区生产总值5%')).toMatchObject({ status: 'met', result: { value: '5.3%' } });
    expect(byKey.get('城镇新增就业120万人')).toMatchObject({ status: 'met', result: { value: '141万人' } });
    expect(byKey.get('城镇调查失业率5%左右')).toMatchObject({ status: 'met', result: { value: '4.6%' } });
    expect(byKey.get('研发投入3.42%左右')?.result?.value).toBe('3.38%左右');
    expect(byKey.get('居民消费价格2%左右')).toMatchObject({ status: 'not-stated', result: null });
  });

  it('says not met when the result falls short, and unclear for a qualitative target', () => {
    const rows = rowsOf('浙江');
    const gdp = rows.find((r) => r.category === '年度主要预期目标' && r.indicator === '生产总值')!;
    const shortfall = { ...rows.find((r) => r.category === '上年完成情况' && r.text === '全省生产总值增长5.5%')!, number: 4.2, value: '4.2%' };
    expect(compareYears([{ ...gdp, number: 5, value: '5%以上' }], [shortfall])[0].status).toBe('not-met');
    const sync = compareYears(rows, rows).find((c) => c.target.direction === '同步')!;
    expect(sync.status).toBe('unclear');
  });
});
