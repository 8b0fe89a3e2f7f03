/**
 * Extracts the targets table from a segmented report: each figure of each clause becomes a row
 * with its indicator, direction and category; in the 主要预期目标 passage (and for 约束性指标)
 * qualitative commitments (`居民收入增长和经济增长同步`, `完成国家下达目标`) are rows too.
 */
import type { Paragraph, Report } from '../report/model';
import { splitClauses } from './clauses';
import type { TargetCategory, TargetRow } from './model';
import { findQuantities, type Quantity } from './quantities';

/** The sentence that opens the year's targets: `主要预期目标是：`, `主要目标是：` (not the five-year plan's). */
const PASSAGE_OPENER = /主要(?:预期)?目标(?:是|为)[:：]/;
const PLAN_PERIOD = /十五五|2030年|五年|时期/;
/** A sentence after the targets that turns to the work plan ends the passage. */
const PASSAGE_END = /围绕(?:上述|这些)目标|重点(?:抓好|做好)|提出这些|实现上述/;
/** Headings of the review of last year (part 一 of most reports). */
const REVIEW_HEADING = /回顾|成就|2025年(?:主要)?工作|“十四五”时期(?:工作|经济社会|发展)|十四五”时期和2025/;
const PLAN_HEADING = /十五五|2026年/;

/**
 * Verbs that set a target's direction, with the direction they mean. The one nearest before the
 * figure wins (`居民消费价格总水平上涨幅度控制在2%左右` is 控制在, not 上涨).
 */
const VERBS: [RegExp, string][] = [
  [/控制在/g, '控制在'], [/保持在/g, '保持在'], [/稳定在/g, '稳定在'], [/提高到|提高至|提升到|提升至/g, '提高到'],
  [/降低到|降低至|下降到|下降至|降至/g, '降低到'], [/不低于|不少于/g, '不低于'], [/不超过/g, '不超过'],
  [/达到|达/g, '达到'], [/超过|突破|超(?=\d)/g, '超过'], [/高于/g, '高于'], [/低于/g, '低于'], [/快于/g, '快于'],
  [/增长|增加|增速/g, '增长'], [/下降|降低|减少|削减/g, '下降'], [/上涨/g, '上涨'], [/提高|提升/g, '提高'],
  [/新建改造|新改建|新建|新开工|开工建设/g, '新建'], [/建成|建设/g, '建成'], [/新增/g, '新增'], [/改造/g, '改造'],
  [/完成/g, '完成'], [/实施|推进/g, '实施'], [/培育|打造|创建/g, '培育'], [/引进|招引|吸引/g, '引进'],
  [/发放|投入|安排|落实/g, '投入'], [/累计/g, '累计'], [/保持/g, '保持'], [/实现/g, '实现'], [/扩大/g, '扩大'],
  [/培训|帮扶|接待|救助|资助/g, '服务'],
];

/** Units that count things (`10个`, `100家`, `1万名`), after which the report names what is counted. */
const COUNTER = /^(?:万|千)?(?:个|家|所|条|项|座|处|张|台|名|间|场|部|艘|架|株|只|头|批|位|栋|列|班|片|根|套)$/;

/** Qualitative commitments of the targets passage, first match wins (then its direction). */
const QUALITATIVE: [RegExp, string][] = [
  [/同步/, '同步'],
  [/完成.{0,20}(?:下达|目标|任务)|下达.{0,12}(?:目标|任务)/, '完成'],
  [/提质增效/, '提质增效'],
  [/保持在.{0,12}(?:水平|以上|以内)/, '保持在'],
  [/只增不减/, '只增不减'],
  [/正增长/, '增长'],
  [/高于/, '高于'], [/低于/, '低于'], [/快于/, '快于'],
  [/合理回升|回升/, '回升'],
  [/进一步下降|持续下降|下降/, '下降'],
  [/稳步提升|稳中有升|占比.*提升/, '提高'],
  [/保持稳定|基本稳定|稳定/, '保持'],
  [/^(?:提高|提升|增加|扩大)/, '提高'],
  [/^(?:降低|减少)/, '下降'],
];
/** Clauses of the passage that comment on a target rather than state one. */
const NOT_A_TARGET = /争取更好结果|跑赢|构建优势|消减差距|位次前移|开局|起步/;
const LEADING_FILLER = /^(?:其中|今年|全年|2026年|全省|全市|全区|全自治区|我省|我市|我区|力争|确保|预计|努力|要|将|使|实现)+/;
const TRAILING_FILLER = /(?:进一步|持续|稳步|继续|逐步|明显|基本|争取|力争|努力|分别|按|要|将|的|同口径|保持)+$/;

function clean(s: string): string {
  return s.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim();
}

/** The direction verb nearest before `before` in `clause` (offsets within the clause), or null. */
function lastVerb(clause: string, before: number): { start: number; end: number; direction: string } | null {
  let best: { start: number; end: number; direction: string } | null = null;
  for (const [re, direction] of VERBS) {
    re.lastIndex = 0;
    for (const m of clause.matchAll(re)) {
      if (m.index + m[0].length > before) break;
      if (!best || m.index > best.start || (m.index === best.start && m[0].length > best.end - best.start)) {
        best = { start: m.index, end: m.index + m[0].length, direction };
      }
    }
  }
  return best;
}

function reviewPart(report: Report): Set<number> {
  const parts = new Set<number>();
  for (const p of report.paragraphs) {
    if (p.kind !== 'part' && p.kind !== 'section') continue;
    const title = p.text;
    if (REVIEW_HEADING.test(title) && !PLAN_HEADING.test(title.replace(/十四五”时期和2025/, ''))) parts.add(p.part);
  }
  // A fragment whose part 一 heading is elsewhere (`（标题见第一版）`): part 一 reviews last year.
  const heading = report.paragraphs.find((p) => p.part === 1 && (p.kind === 'part' || p.kind === 'section'));
  if (!heading && report.paragraphs.some((p) => p.part === 1)) parts.add(1);
  return parts;
}

/** Sentence ids of the year's targets passage, by paragraph id. */
function passageSentences(report: Report): Set<string> {
  const ids = new Set<string>();
  for (const p of report.paragraphs) {
    let inside = false;
    for (const s of p.sentences) {
      const text = p.text.slice(s.start, s.end);
      const opener = PASSAGE_OPENER.exec(text);
      if (opener && !PLAN_PERIOD.test(text.slice(0, opener.index))) inside = true;
      else if (inside && PASSAGE_END.test(text)) inside = false;
      if (inside) ids.add(s.id);
    }
    if (ids.size > 0) break;
  }
  return ids;
}

function numericRows(clause: string, all: Quantity[], inherited: string): { indicator: string; direction: string; q: Quantity }[] {
  // `由34%提高到92%`: the figure after 由/从 is the baseline, not the target.
  const quantities = all.filter((q) => !/[由从]$/.test(clause.slice(0, q.start)));
  const out: { indicator: string; direction: string; q: Quantity }[] = [];
  let afterMode = false;
  quantities.forEach((q, i) => {
    const from = i === 0 ? 0 : quantities[i - 1].end;
    const verb = lastVerb(clause, q.start);
    const own = verb && verb.start >= from ? verb : null;
    let indicator: string;
    let direction: string;
    if (own) {
      direction = own.direction;
      const gap = clause.slice(own.end, q.start).trim();
      // `新增城镇就业4.3万人`: the verb belongs to the indicator's name; `增长6%`: it does not.
      indicator = gap && !/^[、和与及]$/.test(gap) ? clause.slice(from, q.start) : clause.slice(from, own.start);
      // `完成农村公路路网提升工程1万公里`: a verb inside the name does not say what is done; the opening one does.
      const opening = gap && i === 0 ? lastVerb(clause.replace(LEADING_FILLER, (m) => ' '.repeat(m.length)), own.start) : null;
      if (opening && opening !== own && opening.start <= 4 && opening.start < own.start && clause.slice(0, opening.start).trim().length <= 2) {
        const first = VERBS.find(([re]) => { re.lastIndex = 0; const m = re.exec(clause.slice(opening.start)); return m !== null && m.index === 0; });
        if (first) direction = first[1];
      }
    } else {
      indicator = clause.slice(from, q.start);
      direction = i > 0 && verb ? out[i - 1].direction : '';
    }
    indicator = clean(indicator.replace(/^[、和与及，]+/, '').replace(/[由从].*$/, ''));
    // `较“十三五”末提高4.18个百分点`: a comparison names no indicator of its own.
    const comparison = /^(?:较|比|同比|与)/.test(indicator);
    if (comparison) indicator = '';
    // `打造10个“数字领航”企业、100个先进级智能工厂`: a count names what it counts after the figure.
    const counted = clean(clause.slice(q.end, quantities[i + 1]?.start ?? clause.length).split(/[、，,和及]/)[0].replace(/^的/, ''));
    const countFirst = COUNTER.test(q.unit) && counted.length > 0 && (afterMode || (own !== null && clause.slice(own.end, q.start).trim() === '') || indicator.length <= 2);
    if (countFirst && !comparison) {
      indicator = counted;
      afterMode = true;
    }
    // `1374公里太行一号旅游公路全线贯通`: the thing measured follows the figure.
    if (!indicator && i === 0 && !comparison) indicator = clean(clause.slice(q.end).split(/[、，]/)[0].replace(/^的/, ''));
    if (!indicator) indicator = i > 0 ? out[i - 1].indicator : inherited;
    if (!direction) direction = /率|涨幅|幅度|指数|CPI$/.test(indicator) || q.qualifier === '以内' ? '控制在' : '达到';
    out.push({ indicator, direction, q });
  });
  // `城乡居民人均可支配收入分别增长5%、6.5%左右`: one figure each for 城镇 and 农村.
  if (out.length === 2 && /分别/.test(clause) && /^城乡/.test(out[0].indicator)) {
    const rest = out[0].indicator.slice(2);
    out[0].indicator = `城镇${rest}`;
    out[1].indicator = `农村${rest}`;
  }
  return out;
}

function qualitativeRow(clause: string): { indicator: string; direction: string; valueStart: number } | null {
  if (NOT_A_TARGET.test(clause)) return null;
  for (const [re, direction] of QUALITATIVE) {
    const m = re.exec(clause);
    if (!m) continue;
    let cut = m.index;
    if (direction === '同步') {
      const link = /(?:增长|增速)?(?:与|和|同)/.exec(clause);
      if (link && link.index < m.index) cut = link.index;
    } else if (direction === '完成') {
      const done = clause.indexOf('完成');
      // `减排降碳控制在国家下达目标内` commits to the target with another verb.
      const verb = done >= 0 ? null : lastVerb(clause, m.index);
      if (done >= 0) cut = done;
      else if (verb) return { indicator: clean(clause.slice(0, verb.start)) || clause, direction: verb.direction, valueStart: verb.start };
    } else {
      const verb = lastVerb(clause, m.index + 1);
      if (verb && verb.start <= m.index && verb.start >= m.index - 4) cut = Math.min(cut, verb.start);
    }
    let indicator = clean(clause.slice(0, cut));
    if (!indicator) {
      indicator = clean(
        clause
          .slice(m.index + m[0].length)
          .replace(/^(?:国家|省|自治区|市)?下达的?/, '')
          .replace(/(?:目标任务|目标|任务)$/, ''),
      );
    }
    if (!indicator) indicator = clause;
    return { indicator, direction, valueStart: cut };
  }
  return null;
}

/**
 * Every target row of `report`, in reading order. Pure and deterministic; a report without any
 * figure gives [].
 */
export function extractTargets(report: Report): TargetRow[] {
  const rows: TargetRow[] = [];
  const passage = passageSentences(report);
  const review = reviewPart(report);
  for (const p of report.paragraphs) {
    if (p.kind !== 'body') continue;
    for (const s of p.sentences) {
      const inPassage = passage.has(s.id);
      let inherited = '';
      for (const c of splitClauses(p.text, s.start, s.end)) {
        if (c.intro) continue;
        const clause = p.text.slice(c.start, c.end);
        const category = categoryOf(p, clause, inPassage, review);
        const quantities = findQuantities(clause);
        if (quantities.length > 0) {
          for (const r of numericRows(clause, quantities, inherited)) {
            rows.push(row(p, s.id, c.start, clause, r.indicator, r.q.text, r.q.unit, r.direction, category, c.start + r.q.start, c.start + r.q.end, r.q.number));
            inherited = r.indicator;
          }
        } else if (inPassage || category === '约束性目标') {
          const q = qualitativeRow(clause);
          if (!q) continue;
          const value = clause.slice(q.valueStart);
          rows.push(row(p, s.id, c.start, clause, q.indicator, value, '', q.direction, category, c.start + q.valueStart, c.end, null));
        }
      }
    }
  }
  return rows;
}

function categoryOf(p: Paragraph, clause: string, inPassage: boolean, review: Set<number>): TargetCategory {
  if (/约束性/.test(clause)) return '约束性目标';
  if (inPassage) return '年度主要预期目标';
  if (review.has(p.part) && p.appendix === undefined) return '上年完成情况';
  return '具体任务';
}

function row(
  p: Paragraph, sentenceId: string, start: number, text: string, indicator: string, value: string, unit: string,
  direction: string, category: TargetCategory, valueStart: number, valueEnd: number, number: number | null,
): TargetRow {
  return {
    paragraphId: p.id, sentenceId, label: p.label, text, indicator, value, unit, direction, category,
    start, end: start + text.length, valueStart, valueEnd, number, part: p.part,
  };
}
