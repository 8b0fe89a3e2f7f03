/**
 * 两年对照: last year's targets (its 主要预期目标 passage) beside what this year's review
 * (part 一, 上年完成情况) says was reached, matched by indicator.
 */
import type { TargetRow } from './model';

export type YearStatus = 'met' | 'not-met' | 'not-stated' | 'unclear';

export const YEAR_STATUS_LABEL: Record<YearStatus, string> = {
  met: '完成',
  'not-met': '未完成',
  'not-stated': '未提及',
  unclear: '需看原文',
};

export interface YearComparison {
  indicator: string;
  target: TargetRow;
  /** The review row reporting this indicator, null when the review does not state it. */
  result: TargetRow | null;
  status: YearStatus;
}

/** Indicators that reports name in several ways; the first matching key names the indicator. */
const ALIASES: [RegExp, string][] = [
  [/二氧化碳|碳排放/, '碳排放'],
  [/人均地区生产总值|人均生产总值|人均GDP/, '人均地区生产总值'],
  [/城镇居民人均可支配收入|城镇常住居民人均可支配收入/, '城镇居民收入'],
  [/农村居民人均可支配收入|农村常住居民人均可支配收入/, '农村居民收入'],
  [/居民人均可支配收入|居民收入/, '居民收入'],
  // Anchored: `万元GDP用水量` and `制造业增加值占地区生产总值比重` name other things.
  [/^(?:全省|全市|全区|全)?(?:地区)?(?:生产总值|GDP)(?:增速)?$|^经济(?:增长)?$/, '地区生产总值'],
  [/一般公共预算收入/, '一般公共预算收入'],
  [/固定资产投资/, '固定资产投资'],
  [/社会消费品零售总额|社零/, '社会消费品零售总额'],
  [/调查失业率/, '城镇调查失业率'],
  [/新增城镇就业|城镇新增就业|城镇就业/, '城镇新增就业'],
  [/居民消费价格|CPI/, '居民消费价格'],
  [/进出口/, '进出口总额'],
  [/规上工业增加值|规模以上工业增加值/, '规上工业增加值'],
  [/粮食/, '粮食产量'],
  [/研发/, '研发投入'],
];

/** Canonical key of an indicator for matching across reports (`全省生产总值` → `地区生产总值`). */
export function indicatorKey(indicator: string): string {
  // `制造业增加值占地区生产总值比重` is a share, not the 地区生产总值 it names.
  if (/占|比重|比例/.test(indicator)) return indicator.replace(/^(?:全省|全市|全区|全)/, '');
  for (const [re, key] of ALIASES) if (re.test(indicator)) return key;
  return indicator.replace(/^(?:全省|全市|全区|全社会|全)/, '');
}

/** Indicators whose target is a ceiling (lower is better). */
const CEILING = /失业率|居民消费价格|CPI|涨幅|碳排放|二氧化碳|能耗/;

function status(target: TargetRow, result: TargetRow | null): YearStatus {
  if (!result) return 'not-stated';
  if (target.number === null || result.number === null || target.unit !== result.unit) return 'unclear';
  const ceiling = CEILING.test(target.indicator) || target.direction === '控制在' || target.value.includes('以内');
  // A target `…左右` allows half a point either way; `以上`/`以内` are hard bounds.
  const slack = target.value.includes('左右') ? (target.unit === '%' ? 0.5 : target.number * 0.05) : 0;
  if (ceiling) return result.number <= target.number + slack ? 'met' : 'not-met';
  if (/下降|降低/.test(target.direction)) return result.number >= target.number - slack ? 'met' : 'not-met';
  return result.number >= target.number - slack ? 'met' : 'not-met';
}

/**
 * One row per target of last year's 主要预期目标 passage (in its order), with the first review
 * row of this year that states the same indicator (same unit preferred) and whether the target
 * was met. `lastYear` and `thisYear` are the extractor's rows of the two reports.
 */
export function compareYears(lastYear: readonly TargetRow[], thisYear: readonly TargetRow[]): YearComparison[] {
  const targets = lastYear.filter((r) => r.category === '年度主要预期目标');
  const review = thisYear.filter((r) => r.category === '上年完成情况');
  return targets.map((target) => {
    const key = indicatorKey(target.indicator);
    const same = review.filter((r) => indicatorKey(r.indicator) === key && r.number !== null);
    // Part 一 often reviews five years as well as the last one: prefer a figure of the year.
    const rank = (r: TargetRow) =>
      (r.unit === target.unit ? 0 : 2) + (r.direction === target.direction ? 0 : 1) + (/年均|累计|五年|十四五|十三五/.test(r.text) ? 4 : 0);
    const result = [...same].sort((a, b) => rank(a) - rank(b))[0] ?? null;
    return { indicator: key, target, result, status: status(target, result) };
  });
}
