import { describe, expect, it } from 'vitest';
import { buildExcerpts, exactResolver, formatChineseDate, headingsBetween, passageRuns, UNPLACED, type ExcerptOptions } from '../../../shared/export/excerpt-model';
import { toDisplayText as D } from '../../../shared/report/display';
import type { Report } from '../../../shared/report/model';
import { annotate, bundledReport, lexicalNote, miniReport, type AnnSpec } from './fixture';

// Table-driven over the real bundled report and a hand-built one (no outline: titles come from headings).
const reports: [string, Report, { openingPath: string[] }][] = [
  ['bundled', await bundledReport(), { openingPath: ['一、（标题见第一版）'] }],
  ['hand-built', miniReport(), { openingPath: [] }],
];

describe.each(reports)('%s report', (_name, report, expected) => {
  const base: ExcerptOptions = { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline' };
  const build = (specs: AnnSpec[], opts: Partial<ExcerptOptions> = {}) =>
    buildExcerpts(report, specs.map((s) => annotate(report, s)), { ...base, ...opts });
  const sentenceOf = (quote: string) => {
    const p = report.paragraphs.find((x) => x.text.includes(quote))!;
    const at = p.text.indexOf(quote);
    const s = p.sentences.find((x) => x.start <= at && at < x.end)!;
    return D(p.text).slice(s.start, s.end);
  };

  describe('buildExcerpts: order, skipping, citation', () => {
    it('orders excerpts by paragraph then offset, whatever the creation order', () => {
      const doc = build([
        { id: 'c', quote: '新建智能化矿井8座', createdAt: 1 },
        { id: 'a', quote: '完成农村清洁取暖改造76.3万户', createdAt: 3 },
        { id: 'b', quote: '扛牢能源安全政治责任', createdAt: 2 },
        { id: 'd', quote: '继续开展重大项目建设年活动', createdAt: 4 },
      ]);
      expect(doc.excerpts.map((e) => e.id)).toEqual(['a', 'd', 'b', 'c']);
    });

    it('skips tombstoned annotations and annotations of another report', () => {
      const anns = [
        annotate(report, { id: 'live', quote: '扛牢能源安全政治责任' }),
        annotate(report, { id: 'dead', quote: '新建智能化矿井8座', deleted: true }),
        { ...annotate(report, { id: 'other', quote: '继续开展重大项目建设年活动' }), reportId: 'another' },
      ];
      const doc = buildExcerpts(report, anns, base);
      expect(doc.excerpts.map((e) => e.id)).toEqual(['live']);
    });

    it('gives section path, label and lead without 。', () => {
      const [e] = build([{ id: 'a', quote: '进一步提高煤炭洗选率' }]).excerpts;
      expect(e.sectionPath).toEqual(['三、2026年工作安排', '（二）坚持双碳引领、多能融合，构建新型能源体系']);
      expect(e.label).toBe('三(二)¶1');
      expect(e.lead).toBe('推动煤炭绿色智能转型');
      expect(e.citation).toBe('三(二)¶1 推动煤炭绿色智能转型');
    });

    it('has a short path in a fragment\'s first part and no lead where the paragraph has none', () => {
      const [e] = build([{ id: 'a', quote: '今年工作的总体要求是' }]).excerpts;
      expect(e.sectionPath).toEqual(['三、2026年工作安排']);
      expect(e.lead).toBeNull();
      expect(e.citation).toBe('三¶1');
      const [f] = build([{ id: 'b', quote: '完成农村清洁取暖改造' }]).excerpts;
      expect(f.sectionPath).toEqual(expected.openingPath);
    });

    it('fills document fields from options and report', () => {
      const doc = build([{ id: 'a', quote: '扛牢能源安全政治责任', color: 'green' }], { userName: '李四', date: '2026年3月1日' });
      expect(doc).toMatchObject({ reportTitle: report.title, title: `${report.title}·批注摘录`, userName: '李四', date: '2026年3月1日', usedColors: ['green'], continuesFrom: '第一版' });
      const named = build([], { reportTitle: '长治市2026年政府工作报告' });
      expect(named).toMatchObject({ reportTitle: '长治市2026年政府工作报告', title: '长治市2026年政府工作报告·批注摘录', excerpts: [] });
      expect(build([], { title: '学习摘录' }).title).toBe('学习摘录');
      expect(formatChineseDate(new Date(2026, 2, 1))).toBe('2026年3月1日');
    });
  });

  describe('buildExcerpts: scope', () => {
    const specs: AnnSpec[] = [
      { id: 'y1', quote: '完成农村清洁取暖改造76.3万户', color: 'yellow', tags: ['生态'], author: '张三' },
      { id: 'g1', quote: '全力抓好110个省重点工程', color: 'green', tags: ['项目'], author: '李四' },
      { id: 'b1', quote: '扛牢能源安全政治责任', color: 'blue', tags: ['能源', '项目'], author: '张三' },
      { id: 'r1', quote: '推进沁源、电留、平顺等风光基地建设', color: 'red', tags: [], author: '王五' },
    ];
    it.each([
      ['all', { kind: 'all' }, ['y1', 'g1', 'b1', 'r1']],
      ['colours', { kind: 'filter', colors: ['green', 'red'] }, ['g1', 'r1']],
      ['tags (any of)', { kind: 'filter', tags: ['项目'] }, ['g1', 'b1']],
      ['authors', { kind: 'filter', authors: ['张三'] }, ['y1', 'b1']],
      ['part', { kind: 'filter', part: 3 }, ['g1', 'b1', 'r1']],
      ['part + item', { kind: 'filter', part: 3, item: 2 }, ['b1', 'r1']],
      ['combined', { kind: 'filter', part: 3, authors: ['张三'], tags: ['能源'] }, ['b1']],
      ['picked keeps reading order', { kind: 'picked', ids: ['r1', 'y1'] }, ['y1', 'r1']],
      ['picked none', { kind: 'picked', ids: [] }, []],
    ] as [string, ExcerptOptions['scope'], string[]][])('%s', (_name, scope, ids) => {
      expect(build(specs, { scope }).excerpts.map((e) => e.id)).toEqual(ids);
    });
  });

  describe('buildExcerpts: passages and marks', () => {
    it('prints the covering sentence in sentence mode, the paragraph in paragraph mode', () => {
      const quote = '中峪煤矿等3座矿井';
      const s = build([{ id: 'a', quote }]).excerpts[0];
      expect(s.passages.map((p) => p.text)).toEqual([sentenceOf(quote)]);
      const m = s.passages[0].marks[0];
      expect(s.passages[0].text.slice(m.start, m.end)).toBe(D(quote));
      const p = build([{ id: 'a', quote }], { passage: 'paragraph' }).excerpts[0];
      const para = report.paragraphs.find((x) => x.text.includes(quote))!;
      expect(p.passages[0].text).toBe(D(para.text));
      expect(p.passages[0].text.slice(p.passages[0].marks[0].start, p.passages[0].marks[0].end)).toBe(D(quote));
      expect(p.passages[0].strong).toEqual([{ start: 0, end: 11 }]);
    });

    it('covers every sentence a selection touches', () => {
      const quote = '提高煤炭洗选率。新建智能化矿井';
      const [e] = build([{ id: 'a', quote }]).excerpts;
      expect(e.passages[0].text).toBe(sentenceOf('提高煤炭洗选率') + sentenceOf('新建智能化矿井'));
    });

    it('merges annotations whose passages share characters, keeping one mark each', () => {
      const doc = build([
        { id: 'a', quote: '全市原煤产量稳定', color: 'yellow', createdAt: 1 },
        { id: 'b', quote: '稳定在1.7亿吨左右', color: 'green', createdAt: 2 },
        { id: 'c', quote: '新建智能化矿井8座', color: 'red', createdAt: 3 },
      ]);
      expect(doc.excerpts.map((e) => e.entries.map((x) => x.annotationId))).toEqual([['a', 'b'], ['c']]);
      const [first] = doc.excerpts;
      expect(first.passages[0].marks.map((m) => [first.passages[0].text.slice(m.start, m.end), m.color])).toEqual([
        ['全市原煤产量稳定', 'yellow'],
        ['稳定在1.7亿吨左右', 'green'],
      ]);
      expect(first.colors).toEqual(['yellow', 'green']);
      // The later annotation is drawn on top where they overlap.
      const runs = passageRuns(first.passages[0]);
      expect(runs.find((r) => r.text === '稳定')).toMatchObject({ color: 'green', colors: ['yellow', 'green'] });
      expect(runs.map((r) => r.text).join('')).toBe(first.passages[0].text);
      // In paragraph mode the whole paragraph is one passage, so all three merge.
      expect(build([
        { id: 'a', quote: '全市原煤产量稳定' },
        { id: 'c', quote: '新建智能化矿井8座' },
      ], { passage: 'paragraph' }).excerpts).toHaveLength(1);
    });

    it('never merges across paragraphs: a passage spanning two stays its own excerpt, and does not split the one it crosses', () => {
      const doc = build([
        { id: 'a', quote: '新建智能化矿井8座', createdAt: 1 },
        { id: 'x', quote: '新建智能化矿井8座', until: '实施新一代煤电升级专项行动', createdAt: 2 },
        { id: 'b', quote: '智能化矿井8座', createdAt: 3 },
        { id: 'c', quote: '实施新一代煤电升级专项行动', createdAt: 4 },
      ]);
      expect(doc.excerpts.map((e) => e.entries.map((x) => x.annotationId))).toEqual([['a', 'b'], ['x'], ['c']]);
      expect(doc.excerpts.map((e) => e.passages.length)).toEqual([1, 2, 1]);
    });

    it('prints a paragraph-target annotation as the whole paragraph without marks', () => {
      const [e] = build([{ id: 'p', quote: '持续发力上项目', target: 'paragraph', note: '整段关注' }]).excerpts;
      const para = report.paragraphs.find((x) => x.text.startsWith('持续发力上项目'))!;
      expect(e.passages[0].text).toBe(D(para.text));
      expect(e.passages[0].marks).toEqual([]);
      expect(e.entries[0].target).toBe('paragraph');
    });

    it('spans paragraphs with one passage each and a range label', () => {
      const [e] = build([{ id: 'x', quote: '新建智能化矿井8座', until: '实施新一代煤电升级专项行动' }]).excerpts;
      expect(e.passages.map((p) => p.paragraphId)).toEqual(['p3-2-1', 'p3-2-2']);
      expect(e.label).toBe('三(二)¶1–三(二)¶2');
      const marked = e.passages.map((p) => p.marks.map((m) => p.text.slice(m.start, m.end)).join(''));
      const first = report.paragraphs.find((p) => p.id === 'p3-2-1')!.text;
      expect(marked).toEqual([D(first.slice(first.indexOf('新建智能化矿井8座'))), '强化能源综合开发利用。实施新一代煤电升级专项行动']);
    });

    it('drops a paragraph that a selection only touches at its edge (triple click)', () => {
      const a = annotate(report, { id: 't', quote: '推动煤炭绿色智能转型', target: 'paragraph' });
      const next = report.paragraphs[report.paragraphs.findIndex((p) => p.id === a.anchor.segmentId) + 1];
      const p = report.paragraphs.find((x) => x.id === a.anchor.segmentId)!;
      const tripleClick = { ...a, target: 'range' as const, anchor: { ...a.anchor, endSegmentId: next.id, end: 0, quote: p.text + '\n' } };
      const [e] = buildExcerpts(report, [tripleClick], base).excerpts;
      expect(e.passages.map((x) => x.paragraphId)).toEqual([p.id]);
      expect(e.label).toBe('三(二)¶1');
      expect(e.passages[0].marks).toMatchObject([{ start: 0, end: p.text.length }]);
    });

    it('keeps subscript ranges inside the passage', () => {
      const [e] = build([{ id: 'a', quote: '浓度降至30微克' }]).excerpts;
      const p = e.passages[0];
      expect(p.subscripts.map((r) => p.text.slice(r.start, r.end))).toEqual(['2.5']);
      expect(passageRuns(p).filter((r) => r.subscript).map((r) => r.text)).toEqual(['2.5']);
    });
  });

  describe('buildExcerpts: notes', () => {
    const specs: AnnSpec[] = [
      { id: 'c', quote: '新建智能化矿井8座', note: '第三条' },
      { id: 'a', quote: '完成农村清洁取暖改造76.3万户', note: '第一条' },
      { id: 'n', quote: '继续开展重大项目建设年活动' },
      { id: 'b', quote: '扛牢能源安全政治责任', note: '第二条' },
    ];
    it.each(['footnotes', 'endnotes'] as const)('numbers %s 1…n in reading order, skipping annotations without a note', (notes) => {
      const doc = build(specs, { notes });
      const numbers = doc.excerpts.flatMap((e) => e.entries.map((x) => [x.annotationId, x.number]));
      expect(numbers).toEqual([['a', 1], ['n', null], ['b', 2], ['c', 3]]);
      expect(doc.noteCount).toBe(3);
      // The reference follows the marked text.
      const b = doc.excerpts.find((e) => e.id === 'b')!.passages[0];
      const m = b.marks[0];
      expect(b.refs).toEqual([{ offset: m.end, number: 2 }]);
      expect(passageRuns(b).find((r) => r.refs.length)!.text).toBe('扛牢能源安全政治责任');
    });

    it('has no numbers inline', () => {
      const doc = build(specs, { notes: 'inline' });
      expect(doc.excerpts.flatMap((e) => e.entries.map((x) => x.number))).toEqual([null, null, null, null]);
      expect(doc.excerpts.flatMap((e) => e.passages.flatMap((p) => p.refs))).toEqual([]);
      expect(doc.noteCount).toBe(0);
    });

    it('keeps the rich note from Lexical JSON and falls back to plain text', () => {
      const rich = lexicalNote();
      const doc = build([
        { id: 'r', quote: '扛牢能源安全政治责任', note: rich.text, noteJson: rich.json },
        { id: 'bad', quote: '新建智能化矿井8座', note: '纯文本\n第二行', noteJson: '{not json' },
      ]);
      const [r, bad] = doc.excerpts.map((e) => e.entries[0].note!);
      expect(r.blocks[0]).toEqual({ type: 'paragraph', spans: [{ text: '建议' }, { text: '量化', bold: true }, { text: '指标，' }, { text: '注意口径', italic: true }] });
      expect(r.blocks[1]).toMatchObject({ type: 'list', ordered: false, items: [{ spans: [{ text: '原煤产量' }] }, { spans: [{ text: '洗选率', underline: true }] }] });
      expect(r.blocks).toHaveLength(2);
      expect(bad.blocks.map((b) => b.type === 'paragraph' && b.spans[0].text)).toEqual(['纯文本', '第二行']);
    });

    it('collects tags and authors of merged annotations', () => {
      const [e] = build([
        { id: 'a', quote: '全市原煤产量稳定', tags: ['能源', '数据'], author: '张三' },
        { id: 'b', quote: '稳定在1.7亿吨左右', tags: ['数据', '疑问'], author: '李四' },
      ]).excerpts;
      expect(e.tags).toEqual(['能源', '数据', '疑问']);
      expect(e.authors).toEqual(['张三', '李四']);
    });
  });

  describe('buildExcerpts: orphans', () => {
    it('prints an orphan with its stored quote, fully marked, at its stored paragraph', () => {
      const good = annotate(report, { id: 'g', quote: '扛牢能源安全政治责任' });
      const later = annotate(report, { id: 'l', quote: '实施新一代煤电升级专项行动' });
      const orphan = annotate(report, { id: 'o', quote: '持续发力上项目', note: '原文已改' });
      orphan.anchor = { ...orphan.anchor, quote: '原文中已删除的句子' };
      const lost = annotate(report, { id: 'x', quote: '完成农村清洁取暖改造' });
      lost.anchor = { ...lost.anchor, segmentId: 'gone', endSegmentId: 'gone' };
      const doc = buildExcerpts(report, [lost, later, orphan, good], { ...base, notes: 'footnotes' });
      expect(doc.excerpts.map((e) => [e.id, e.orphan])).toEqual([['o', true], ['g', false], ['l', false], ['x', true]]);
      const o = doc.excerpts[0];
      expect(o.passages[0]).toMatchObject({ paragraphId: null, text: '原文中已删除的句子', marks: [{ start: 0, end: 9 }], refs: [{ offset: 9, number: 1 }] });
      expect(o.label).toBe('三(一)¶2');
      expect(doc.excerpts[3].label).toBe('');
      expect(doc.excerpts[3].sectionPath).toEqual([UNPLACED]);
    });

    it('uses the given resolver instead of the exact one', () => {
      const a = annotate(report, { id: 'a', quote: '扛牢能源安全政治责任' });
      const shifted = { ...a, anchor: { ...a.anchor, start: a.anchor.start + 1, end: a.anchor.end + 1 } };
      expect(buildExcerpts(report, [shifted], base).excerpts[0].orphan).toBe(true);
      const fix = exactResolver(report);
      const doc = buildExcerpts(report, [shifted], { ...base, resolve: (an) => fix({ ...an, start: an.start - 1, end: an.end - 1 }) });
      expect(doc.excerpts[0].orphan).toBe(false);
    });

    it('rejects an unknown passage mode', () => {
      expect(() => buildExcerpts(report, [], { ...base, passage: 'page' as never })).toThrow(/passage mode/);
    });
  });
});

describe('headingsBetween', () => {
  it.each([
    [[], ['一'], [{ level: 1, title: '一' }]],
    [['一'], ['一'], []],
    [['三', '(一)'], ['三', '(二)'], [{ level: 2, title: '(二)' }]],
    [['三', '(二)'], ['三'], [{ level: 1, title: '三' }]],
    [['三', '(二)'], [], []],
    [['二', '(八)'], ['三', '(一)'], [{ level: 1, title: '三' }, { level: 2, title: '(一)' }]],
    [['三'], ['三', '(一)'], [{ level: 2, title: '(一)' }]],
  ])('%j → %j', (prev, path, want) => {
    expect(headingsBetween(prev, path)).toEqual(want);
  });
});
