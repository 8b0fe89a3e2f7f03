/**
 * Figures in a clause: a number (or range) with its scale, unit and trailing qualifier, as written
 * (`6%左右`, `4.3万人以上`, `4.5%—5%`, `30微克/立方米`, `1个百分点`). Years, dates, ordinals and
 * names that contain digits (`PM2.5`, `5G`, `“1+N”`) are not figures.
 */

export interface Quantity {
  /** Offsets in the string searched. */
  start: number;
  end: number;
  /** The figure as written, qualifier included. */
  text: string;
  /** First number (lower end of a range). */
  number: number;
  /** Scale and unit (`万人`, `%`, `亿元`, `个百分点`). */
  unit: string;
  /** `左右` / `以上` / `以内` / `以下` / `上下` / ''. */
  qualifier: string;
}

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const PERCENT = '[%％]';
/** Units after an optional scale; longest first so `个百分点` wins over `个`. */
const UNITS = [
  '微克/立方米', '吨标准煤', '个百分点', '百分点', '千瓦时', '平方公里', '平方米', '立方米', '标准箱', '人次',
  '标箱', '千瓦', '公里', '千米', '公顷', '美元', '元', '斤', '吨', '亩', '人', '户', '套', '辆', '个', '家', '所', '条',
  '项', '座', '处', '张', '台', '倍', '天', '小时', '件', '名', '间', '场', '部', '艘', '架', '株', '只', '头',
  '米', '床', '次', '批', '位', '栋', '列', '班', '镇', '村', '县', '区', '片', '根', '千克', '克', '度', '辆次', '箱', 'GW', 'MW',
].sort((a, b) => b.length - a.length);
const UNIT = `(?:${UNITS.map((u) => u.replace(/[/]/g, '\\/')).join('|')})`;
const SCALE = '(?:万亿|亿|万|千)';
const QUALIFIER = '(?:左右|以上|以内|以下|上下|之内)';
const RANGE_SEP = '[-—–－~～至]';
/**
 * number [% | scale unit | scale | unit] [range] qualifier. A bare number without a unit is not a
 * figure (counts such as `3` in `“3+1”` are names, not targets).
 */
const FIGURE = new RegExp(
  String.raw`(?<![\dA-Za-z.．第_])(${NUM})(?:(${PERCENT})|(${SCALE}?${UNIT})|(${SCALE}))?` +
    String.raw`(?:${RANGE_SEP}(${NUM})(${PERCENT}|${SCALE}?${UNIT}|${SCALE})?)?` +
    `(${QUALIFIER})?`,
  'g',
);
/** Small Chinese numerals only count before units that cannot be a name (`一个百分点`, `两倍`). */
const CHINESE_FIGURE = /(?<![第十百千万])([一二两三四五六七八九十]{1,3})(个百分点|倍|成)(左右|以上)?/g;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseValue(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return CN_DIGIT[s[0]] ?? 0;
  const tens = ten === 0 ? 1 : (CN_DIGIT[s[0]] ?? 1);
  const ones = CN_DIGIT[s[ten + 1]] ?? 0;
  return tens * 10 + ones;
}

/** Figures of `text`, in order, not overlapping. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [all, num, pct, unit, scaleOnly, , rangeUnit, qualifier] = m;
    const after = text[m.index + all.length] ?? '';
    const written = pct ?? unit ?? scaleOnly ?? rangeUnit ?? '';
    const unitText = /^[%％]$/.test(written) ? '%' : written;
    if (!unitText) continue;
    // `5G`, `4A级`, `2.5D` and `PM2.5` are names; a figure glued to a Latin letter is one too.
    if (/[A-Za-z]/.test(after) && unitText !== '%') continue;
    // `2026年`, `3月`, `20日` never reach here (no unit); but `10个` in `10个月` is a duration.
    if (/^[月日号年届]/.test(after) && unit === '个') continue;
    const number = Number(num.replace(/,/g, ''));
    if (!Number.isFinite(number)) continue;
    out.push({ start: m.index, end: m.index + all.length, text: all, number, unit: unitText, qualifier: qualifier ?? '' });
  }
  for (const m of text.matchAll(CHINESE_FIGURE)) {
    if (out.some((q) => m.index < q.end && q.start < m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], number: chineseValue(m[1]), unit: m[2], qualifier: m[3] ?? '' });
  }
  return out.sort((a, b) => a.start - b.start);
}
