/**
 * Each stage of the segmenter on its own, on small inputs shaped like real report text.
 */
import { describe, expect, it } from 'vitest';
import { resolveContinuation } from '../../../shared/report/stages/continuation';
import { findBodyStart, firstSentenceLine, readFrontMatter } from '../../../shared/report/stages/front-matter';
import { joinPageBreaks } from '../../../shared/report/stages/joins';
import { splitLines } from '../../../shared/report/stages/lines';
import { buildOutline } from '../../../shared/report/stages/outline';
import { buildParagraphs } from '../../../shared/report/stages/paragraphs';
import { RepairLog, TAIL } from '../../../shared/report/stages/repair-log';
import { bodyBlocks, stripTailChrome } from '../../../shared/report/stages/site-chrome';
import { assignStructure, splitRunTogetherHeadings, type Unit } from '../../../shared/report/stages/structure';

const blocks = (...texts: string[]) => texts.map((text, i) => ({ text, lines: [i] }));
const repairs = (log: RepairLog) => log.resolve(new Map([[0, 'p']]), 'p', 'p');

describe('lines', () => {
  it('normalises line breaks, trims indentation and cuts continuation markers out', () => {
    const src = splitLines('\ufeff　　(上接第一版)正文。\r\n  第二行\r末行。(下转第四版)');
    expect(src.lines).toEqual(['正文。', '第二行', '末行。']);
    expect(src.markers.map((m) => [m.line, m.from, m.page])).toEqual([[0, true, '第一版'], [2, false, '第四版']]);
  });
});

describe('site chrome', () => {
  it('ends the text at a trailing 相关报道 block of short lines, listing each removed line', () => {
    const log = new RepairLog();
    const lines = ['各位代表：', '正文。', '相关报道：', '某省召开会议', ''];
    expect(stripTailChrome(lines, log)).toBe(2);
    expect(repairs(log).map((r) => r.original)).toEqual(['相关报道：', '某省召开会议']);
  });

  it('keeps a 相关报道 line followed by long text (it is not the tail)', () => {
    expect(stripTailChrome(['相关报道：', '这'.repeat(80)], new RepairLog())).toBe(2);
  });

  it('drops body chrome lines and keeps the rest as blocks', () => {
    const log = new RepairLog();
    expect(bodyBlocks(['正文。', '来源：某某日报', '', '下一段。'], 0, 4, log).map((b) => b.text)).toEqual(['正文。', '下一段。']);
    expect(repairs(log)[0].original).toBe('来源：某某日报');
  });
});

describe('front matter', () => {
  const lines = ['下载', '2026年某省政府工作报告', '——2026年1月20日在某省第十四届人民代表大会第四次会议上', '省长 某 某', '各位代表：', '现在，我代表省人民政府向大会报告工作。'];
  const src = { raw: lines, lines, markers: [] };

  it('finds the body at 各位代表 and reads title, dateline, speaker and salutation into the header', () => {
    const log = new RepairLog();
    const start = findBodyStart(src, lines.length);
    expect(start).toBe(4);
    const fm = readFrontMatter(lines, firstSentenceLine(lines, start), lines.length, log);
    expect(fm).toEqual({
      title: '2026年某省政府工作报告',
      front: [
        { kind: 'title', text: '2026年某省政府工作报告' },
        { kind: 'dateline', text: '——2026年1月20日在某省第十四届人民代表大会第四次会议上' },
        { kind: 'speaker', text: '省长某某' },
        { kind: 'address', text: '各位代表：' },
      ],
      bodyStart: 5,
    });
    expect(repairs(log).map((r) => r.kind)).toEqual(['chrome-removed', 'title-extracted', 'front-matter', 'front-matter', 'front-matter']);
  });

  it('starts the body at the first sentence when the text has no 各位代表 or heading', () => {
    const plain = ['这是一段没有标题的文字。', '这是第二段。'];
    expect(firstSentenceLine(plain, findBodyStart({ raw: plain, lines: plain, markers: [] }, 2))).toBe(0);
  });
});

describe('continuation', () => {
  it('makes a fragment only of markers at the very start and end of the body', () => {
    const log = new RepairLog();
    const src = splitLines('(上接第一版)开头。\n中间(下转第二版)还有。\n结尾, (下转第四版)');
    expect(resolveContinuation(src, 0, 3, log)).toEqual({ continuesFrom: '第一版', continuesOn: '第四版' });
    expect(repairs(log).map((r) => r.detail)).toEqual([
      '已移除版面接转标记“(上接第一版)”：本文上接第一版',
      '已移除版面接转标记“(下转第二版)”：标记位于正文中间，未作为残篇信息',
      '已移除版面接转标记“(下转第四版)”及其前的空格：本文下转第四版',
    ]);
    expect(repairs(log)[2].original).toBe(' (下转第四版)');
  });
});

describe('joins', () => {
  it('joins a paragraph cut mid-sentence, not one before a heading or after a colon', () => {
    const log = new RepairLog();
    const out = joinPageBreaks(blocks('绿电消纳，非化石能源消费比重提高，绿电消纳', '比例达到35%以上。', '目标是：', '地区生产总值增长6%。', '稳增长，促转型，惠民生', '（一）坚持内需主导。'), log);
    expect(out.map((b) => b.text)).toEqual(['绿电消纳，非化石能源消费比重提高，绿电消纳比例达到35%以上。', '目标是：', '地区生产总值增长6%。', '稳增长，促转型，惠民生', '（一）坚持内需主导。']);
    expect(out[0].lines).toEqual([0, 1]);
    expect(repairs(log).map((r) => r.kind)).toEqual(['page-break-join']);
  });
});

describe('structure', () => {
  it('numbers parts in sequence, items within them, and keeps a long 一、 sentence as body', () => {
    const { units } = assignStructure(blocks('一、回顾', '（一）稳增长', '正文。', '三、跳过的编号', '二、任务', '一、二季度增长较快，三季度有所回落，四季度企稳回升，全年增长5%，好于预期，为今年打下了坚实基础。'), null);
    expect(units.map((u) => [u.kind, u.part, u.item])).toEqual([['part', 1, 0], ['item', 1, 1], ['body', 1, 1], ['body', 1, 1], ['part', 2, 0], ['body', 2, 0]]);
  });

  it('puts text before 二、 of a fragment continued from page 1 in part 一', () => {
    const { units, inferredPart } = assignStructure(blocks('四是城乡发展加力提速。', '二、目标任务'), '第一版');
    expect(inferredPart).toBe(1);
    expect(units.map((u) => [u.kind, u.part])).toEqual([['body', 1], ['part', 2]]);
  });

  it('makes unnumbered headings above numbered parts sections, and an appendix a part of its own', () => {
    const long = '这'.repeat(80) + '。';
    const { units } = assignStructure(blocks('“十四五”时期发展成就和2025年工作回顾', long, '一、主线', long, '附件', '2026年自治区民生实事', '1.发放劳务报酬。', '一、这不是报告的部分'), null);
    expect(units.map((u) => [u.kind, u.part, u.appendix ?? 0])).toEqual([
      // The appendix is numbered on after part 一, so nothing groups it with the text before 一、.
      ['section', 0, 0], ['body', 0, 0], ['part', 1, 0], ['body', 1, 0], ['section', 2, 1], ['section', 2, 1], ['body', 2, 1], ['body', 2, 1],
    ]);
  });

  it('splits an inline item when its siblings stand alone', () => {
    const log = new RepairLog();
    const u = (kind: Unit['kind'], item: number, text: string, inlineItem = false): Unit => ({ kind, part: 3, item, text, line: item, inlineItem });
    const out = splitRunTogetherHeadings([u('item', 1, '(一)甲。'), u('item', 2, '(二)乙。'), u('body', 3, '(三)丙。保障粮食安全。严守耕地红线。', true)], log);
    expect(out.map((x) => [x.kind, x.text])).toEqual([['item', '(一)甲。'], ['item', '(二)乙。'], ['item', '(三)丙。'], ['body', '保障粮食安全。严守耕地红线。']]);
  });
});

describe('paragraphs and outline', () => {
  const units: Unit[] = [
    { kind: 'part', part: 1, item: 0, text: '一、工作回顾', line: 0, inlineItem: false },
    { kind: 'body', part: 1, item: 0, text: '过去一年很不平凡。我们迎难而上。', line: 1, inlineItem: false },
    { kind: 'body', part: 1, item: 1, text: '（一）稳增长。多措并举促消费。PM_{2.5}浓度下降。', line: 2, inlineItem: true },
    { kind: 'section', part: 0, item: 0, text: '附件', line: 3, inlineItem: false, appendix: 1 },
    { kind: 'section', part: 0, item: 0, text: '2026年民生实事', line: 4, inlineItem: false, appendix: 1 },
    { kind: 'body', part: 0, item: 0, text: '1.新增就业50万人。', line: 5, inlineItem: false, appendix: 1 },
  ];
  const log = new RepairLog();
  const { paragraphs } = buildParagraphs(units, [], log);

  it('gives ids and labels from the structure, appendix lines counted apart', () => {
    expect(paragraphs.map((p) => [p.id, p.label])).toEqual([['h1', '一'], ['p1-0-1', '一¶1'], ['p1-1-1', '一(一)¶1'], ['a1', '附件'], ['a1-t1', '附件'], ['a1-1', '附件¶1']]);
  });

  it('resolves markup, finds the inline heading and the lead, but not the part’s opening sentence', () => {
    const p = paragraphs[2];
    expect(p.text).toBe('（一）稳增长。多措并举促消费。PM2.5浓度下降。');
    expect(p.text.slice(0, p.headingEnd)).toBe('（一）稳增长。');
    expect(p.lead && p.text.slice(p.lead.start, p.lead.end)).toBe('多措并举促消费。');
    expect(paragraphs[1].lead).toBeNull();
    expect(log.resolve(new Map(), 'x', 'x').map((r) => [r.kind, r.paragraphId])).toEqual([['markup-subscript', 'p1-1-1']]);
  });

  it('outlines parts, items, leads and the appendix with its list', () => {
    expect(buildOutline(paragraphs, 0, null).map((o) => [o.level, o.title, o.label])).toEqual([
      [1, '一、工作回顾', '一'],
      [2, '（一）稳增长', '一(一)¶1'],
      [3, '多措并举促消费', '一(一)¶1'],
      [1, '附件　2026年民生实事', '附件'],
      [2, '1.新增就业50万人', '附件¶1'],
    ]);
  });
});

describe('repair log', () => {
  it('orders repairs by source position and anchors them to the paragraph holding their line', () => {
    const log = new RepairLog();
    log.add({ kind: 'b', detail: 'line 5', line: 5, col: 0, anchorLine: 5 });
    log.add({ kind: 'a', detail: 'line 1', line: 1, col: 3, anchorLine: 1 });
    log.add({ kind: 'tail', detail: 'end', line: 9, col: 0, anchorLine: TAIL });
    expect(log.resolve(new Map([[0, 'p1'], [4, 'p2']]), 'p1', 'p3').map((r) => [r.kind, r.paragraphId])).toEqual([['a', 'p1'], ['b', 'p2'], ['tail', 'p3']]);
  });
});
