/**
 * Test fixtures for the excerpt model: the bundled 长治 report segmented by the real segmenter,
 * and helpers to make annotations on it by quoting its text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paragraph, Report } from '../../../shared/report/model';
import type { Annotation, ColorKey } from '../../../shared/annotations/model';

const PM = 'PM2.5';

/**
 * A small hand-built report shaped like the segmenter's output (used until/unless the real
 * segmenter is available): opening fragment, part 三, items (一)/(二) with lead paragraphs.
 */
export function miniReport(): Report {
  const specs: Omit<Paragraph, 'start' | 'sentences' | 'subscripts' | 'marker'>[] = [
    { id: 'p0-0-1', kind: 'body', label: '¶1', part: 0, item: 0, headingEnd: 0, lead: { start: 0, end: 10 },
      text: `五是生态环境明显改善。坚持治山、治水、治气、治城一体推进,完成农村清洁取暖改造76.3万户。${PM}浓度降至30微克/立方米、五年累计下降41.2%。` },
    { id: 'h3', kind: 'part', label: '三', part: 3, item: 0, headingEnd: 0, lead: null, text: '三、2026年工作安排' },
    { id: 'p3-0-1', kind: 'body', label: '三¶1', part: 3, item: 0, headingEnd: 0, lead: null,
      text: '2026年是“十五五”规划的开局之年,是我市厚积薄发、蓄势而发的关键一年。今年工作的总体要求是,完整准确全面贯彻新发展理念。' },
    { id: 'h3-1', kind: 'item', label: '三(一)', part: 3, item: 1, headingEnd: 0, lead: null, text: '(一)坚持内需主导、投资拉动,推动经济平稳运行。' },
    { id: 'p3-1-1', kind: 'body', label: '三(一)¶1', part: 3, item: 1, headingEnd: 0, lead: { start: 0, end: 8 },
      text: '多措并举促消费。深入实施消费提振专项行动,加大“两新”政策落实力度。完善商业体系建设,推进英雄中路、八一广场等18个主要商圈建设升级。' },
    { id: 'p3-1-2', kind: 'body', label: '三(一)¶2', part: 3, item: 1, headingEnd: 0, lead: { start: 0, end: 7 },
      text: '持续发力上项目。继续开展重大项目建设年活动,用好“四库”管理机制。全力抓好110个省重点工程。' },
    { id: 'h3-2', kind: 'item', label: '三(二)', part: 3, item: 2, headingEnd: 0, lead: null, text: '(二)坚持双碳引领、多能融合,构建新型能源体系。' },
    { id: 'p3-2-1', kind: 'body', label: '三(二)¶1', part: 3, item: 2, headingEnd: 0, lead: { start: 0, end: 11 },
      text: '推动煤炭绿色智能转型。扛牢能源安全政治责任,加快中峪煤矿等3座矿井建设。全市原煤产量稳定在1.7亿吨左右,进一步提高煤炭洗选率。新建智能化矿井8座,绿色开采煤矿3座。' },
    { id: 'p3-2-2', kind: 'body', label: '三(二)¶2', part: 3, item: 2, headingEnd: 0, lead: { start: 0, end: 10 },
      text: '强化能源综合开发利用。实施新一代煤电升级专项行动。推进沁源、电留、平顺等风光基地建设。' },
  ];
  let start = 0;
  const paragraphs: Paragraph[] = specs.map((s) => {
    const sentences = [];
    let from = 0;
    let n = 0;
    const re = /[。！？；!?;]”?/g;
    for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
      const end = m.index + m[0].length;
      sentences.push({ id: `${s.id}.s${++n}`, start: from, end });
      from = end;
    }
    if (from < s.text.length) sentences.push({ id: `${s.id}.s${++n}`, start: from, end: s.text.length });
    const pm = s.text.indexOf(PM);
    const p: Paragraph = {
      ...s,
      start,
      marker: null,
      subscripts: pm >= 0 ? [{ start: pm + 2, end: pm + 5 }] : [],
      sentences,
    };
    start += s.text.length + 1;
    return p;
  });
  return {
    id: 'mini',
    title: '长治市2026年政府工作报告',
    continuesFrom: '第一版',
    continuesOn: null,
    fingerprint: 'f00d',
    text: paragraphs.map((p) => p.text).join('\n'),
    paragraphs,
    outline: [],
    repairs: [],
    remarks: [],
  };
}

// __dirname under vitest and tsx's CommonJS mode, import.meta.url under plain ESM.
const here = () => (typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url)));

/** The bundled report, segmented by the real segmenter. */
export async function bundledReport(): Promise<Report> {
  const { segmentReport } = await import('../../../shared/report/segment');
  const { parseKnownTypos } = await import('../../../shared/report/typos');
  const dir = join(here(), '../../../resources/reports/changzhi-2026');
  const src = readFileSync(join(dir, 'source.txt'), 'utf8');
  const typos = parseKnownTypos(JSON.parse(readFileSync(join(dir, 'typos.json'), 'utf8')));
  return segmentReport(src, { id: 'changzhi-2026', typos });
}

export interface AnnSpec {
  id: string;
  /** Text to highlight; `in` picks the paragraph (first paragraph containing it otherwise). */
  quote: string;
  /** Occurrence of the quote to take when it is in several paragraphs: text of the paragraph's start. */
  in?: string;
  /** For a selection across paragraphs: text that ends it, in a later paragraph. */
  until?: string;
  color?: ColorKey;
  note?: string;
  noteJson?: string;
  tags?: string[];
  author?: string;
  createdAt?: number;
  target?: 'range' | 'paragraph';
  deleted?: boolean;
}

/** Makes an annotation whose anchor quotes `spec.quote` in `report`; throws if the quote is absent. */
export function annotate(report: Report, spec: AnnSpec): Annotation {
  const ps = report.paragraphs;
  const si = ps.findIndex((p) => (spec.in ? p.text.startsWith(spec.in) : true) && p.text.includes(spec.quote));
  if (si < 0) throw new Error(`fixture: quote not in report: ${spec.quote}`);
  const sp = ps[si];
  let start = sp.text.indexOf(spec.quote);
  let endPara = sp;
  let end = start + spec.quote.length;
  if (spec.target === 'paragraph') {
    start = 0;
    end = sp.text.length;
  }
  if (spec.until) {
    const ei = ps.findIndex((p, i) => i > si && p.text.includes(spec.until!));
    if (ei < 0) throw new Error(`fixture: end quote not after start: ${spec.until}`);
    endPara = ps[ei];
    end = endPara.text.indexOf(spec.until) + spec.until.length;
  }
  const quote =
    endPara === sp
      ? sp.text.slice(start, end)
      : [sp.text.slice(start), ...ps.slice(si + 1, ps.indexOf(endPara)).map((p) => p.text), endPara.text.slice(0, end)].join('\n');
  const t = spec.createdAt ?? 1_700_000_000_000;
  return {
    id: spec.id,
    reportId: report.id,
    target: spec.target ?? 'range',
    anchor: {
      segmentId: sp.id,
      start,
      endSegmentId: endPara.id,
      end,
      quote,
      prefix: '',
      suffix: '',
      fingerprint: report.fingerprint,
    },
    color: spec.color ?? 'yellow',
    tags: spec.tags ?? [],
    note: { json: spec.noteJson ?? null, text: spec.note ?? '' },
    author: spec.author ?? '张三',
    createdAt: t,
    updatedAt: t,
    deleted: spec.deleted ?? false,
  };
}

/** A Lexical serialized editor state with a bold run, an italic run and a bullet list. */
export function lexicalNote(): { json: string; text: string } {
  const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });
  const para = (...children: object[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 });
  const li = (value: number, ...children: object[]) => ({ type: 'listitem', value, children, direction: 'ltr', format: '', indent: 0, version: 1 });
  const state = {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [
        para(text('建议'), text('量化', 1), text('指标，'), text('注意口径', 2)),
        {
          type: 'list', listType: 'bullet', start: 1, tag: 'ul', direction: 'ltr', format: '', indent: 0, version: 1,
          children: [li(1, text('原煤产量')), li(2, text('洗选率', 8))],
        },
        para(),
      ],
    },
  };
  return { json: JSON.stringify(state), text: '建议量化指标，注意口径\n原煤产量\n洗选率' };
}

/**
 * Twenty varied annotations on the bundled report (all colours, rich and plain notes, tags,
 * several authors, an overlapping pair, a cross-paragraph selection, a paragraph note, an orphan
 * and a tombstone). Notes contain Markdown/HTML syntax on purpose.
 */
export function sampleAnnotations(report: Report): Annotation[] {
  const rich = lexicalNote();
  const specs: AnnSpec[] = [
    { id: 's01', quote: '进出口总额较“十三五”增长84%', color: 'green', note: '外贸增速可与全省对比', tags: ['数据'] },
    { id: 's02', quote: '全国海绵城市建设任务圆满完成', color: 'yellow', note: '成绩', author: '李四' },
    { id: 's03', quote: '浓度降至30微克/立方米', color: 'green', note: '注意 PM2.5 口径 <script>alert(1)</script>', tags: ['数据', '生态'] },
    { id: 's04', quote: '技能人才占就业人员比例达到35.2%', color: 'green' },
    { id: 's05', quote: '区域中心城市建设差距较大', color: 'red', note: '差距具体指什么？', tags: ['疑问'] },
    { id: 's06', quote: '“两区两城两高地”', color: 'blue', note: rich.text, noteJson: rich.json, tags: ['新提法'] },
    { id: 's07', quote: '煤炭先进产能达到97%以上', color: 'green', note: '**97%** 如何测算', tags: ['数据', '能源'] },
    { id: 's08', quote: '研发经费投入强度达到全国平均水平', color: 'purple', note: '建议列出分年目标', author: '王五' },
    { id: 's09', quote: '持续发力上项目', target: 'paragraph', color: 'yellow', note: '整段：项目清单需细化' },
    { id: 's10', quote: '全市原煤产量稳定在1.7亿吨左右', color: 'yellow', note: '产量目标', createdAt: 1_700_000_000_001, tags: ['能源'] },
    { id: 's11', quote: '1.7亿吨左右,洗煤产量达到1亿吨以上', color: 'green', note: '洗煤量', createdAt: 1_700_000_000_002, tags: ['数据'] },
    { id: 's12', quote: '推动赵庄2×66万千瓦发电机组复工', color: 'blue', until: '加快构建新型电力系统', note: '跨段选择' },
    { id: 's13', quote: '打造高水平孵化平台和加速器', color: 'purple', note: '建议：设立专项基金' },
    { id: 's14', quote: '加快建设长治智算产业园', color: 'blue', tags: ['新提法'] },
    { id: 's15', quote: '上线运行“长智办”APP', color: 'yellow', note: '已上线？', author: '李四' },
    { id: 's16', quote: '新建高标准农田和水浇地18万亩', color: 'green', note: '面积核对', tags: ['数据'] },
    { id: 's17', quote: '建设精品示范村50个', color: 'red', note: '标准是什么' },
    { id: 's18', quote: '完善科教园区、神农湖片区配套路网', color: 'yellow', note: '路网' },
    { id: 's19', quote: '深入实施消费提振专项行动', color: 'red', note: '此句原文已改', tags: ['疑问'] },
    { id: 's20', quote: '引导和撬动企业持续加大科', color: 'yellow', note: '删除的批注', deleted: true },
  ];
  const anns = specs.map((s, i) => annotate(report, { createdAt: 1_700_000_000_000 + i * 1000, ...s }));
  // s19: the report text changed under it, so its quote no longer matches.
  const o = anns.find((a) => a.id === 's19')!;
  o.anchor = { ...o.anchor, quote: '深入实施消费提振专项工作' };
  return anns;
}

/** `n` generated annotations spread over the report's body paragraphs (for benchmarks). */
export function manyAnnotations(report: Report, n: number): Annotation[] {
  const colors: ColorKey[] = ['yellow', 'green', 'blue', 'red', 'purple'];
  // Distinct sentences spread evenly over the report while n fits, so excerpts do not merge.
  const sentences = report.paragraphs
    .filter((p) => p.kind === 'body')
    .flatMap((p) => p.sentences.filter((s) => s.end - s.start >= 6).map((s) => ({ p, s })));
  const stride = Math.max(1, Math.floor(sentences.length / n));
  const out: Annotation[] = [];
  for (let i = 0; i < n; i++) {
    const { p, s } = sentences[(i * stride) % sentences.length];
    const start = s.start + 2;
    const end = Math.min(s.end - 1, start + 14);
    const t = 1_700_000_000_000 + i;
    out.push({
      id: `m${i}`,
      reportId: report.id,
      target: 'range',
      anchor: { segmentId: p.id, start, endSegmentId: p.id, end, quote: p.text.slice(start, end), prefix: '', suffix: '', fingerprint: report.fingerprint },
      color: colors[i % colors.length],
      tags: i % 3 === 0 ? ['数据'] : [],
      note: { json: null, text: i % 2 === 0 ? `第${i + 1}条批注：建议进一步细化目标和措施。` : '' },
      author: '张三',
      createdAt: t,
      updatedAt: t,
      deleted: false,
    });
  }
  return out;
}
