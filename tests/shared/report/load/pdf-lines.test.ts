/**
 * The PDF importer's line logic on hand-made text items (no PDF needed): lines from items,
 * page chrome, paragraphs from indents and short lines.
 */
import { describe, expect, it } from 'vitest';
import { joinLines, looksMultiColumn, pageLines, stripPageChrome, unifyRadicals, type PdfLine } from '../../../../shared/report/load/pdf-import';

const H = 842;
/** An item at x, with its baseline `top` units from the top of the page, 16 units per character. */
const item = (str: string, x: number, top: number) => ({ str, transform: [16, 0, 0, 16, x, H - top], width: str.length * 16, height: 16 });

describe('pageLines', () => {
  it('groups items by baseline, orders them by x, and never puts a space between Han characters', () => {
    const lines = pageLines([item('报告', 100, 200), item('工作', 68, 200.5), item(' ', 132, 200), item('政府', 36, 200), item('第二行', 36, 228)], 1, H);
    expect(lines.map((l) => l.text)).toEqual(['政府工作报告', '第二行']);
  });

  it('keeps the space between two Latin words that the layout drew as a gap', () => {
    expect(pageLines([item('PM2.5', 36, 100), item('index', 150, 100)], 1, H)[0].text).toBe('PM2.5 index');
  });

  it('keeps a space the text had after Chinese punctuation when the line shows a real gap (西藏: 指南。 我们)', () => {
    // A justified line: every glyph 12.4 apart (0.4 of spread), the space a gap of 3.9.
    const glyphs = [...'提供了行动指南。'].map((c, k) => ({ str: c, transform: [12, 0, 0, 12, 36 + k * 12.4, H - 100], width: 12, height: 12 }));
    const after = [...'我们坚持人民至上'].map((c, k) => ({ str: c, transform: [12, 0, 0, 12, 36 + 8 * 12.4 + 3.5 + k * 12.4, H - 100], width: 12, height: 12 }));
    const space = { str: ' ', transform: [12, 0, 0, 12, 36 + 8 * 12.4 - 0.4, H - 100], width: 5.3, height: 12 };
    expect(pageLines([...glyphs, space, ...after], 1, H)[0].text).toBe('提供了行动指南。 我们坚持人民至上');
    // The same " " item with no wider gap than the spread is justification: dropped.
    const tight = [...'我们坚持人民至上'].map((c, k) => ({ str: c, transform: [12, 0, 0, 12, 36 + (8 + k) * 12.4, H - 100], width: 12, height: 12 }));
    expect(pageLines([...glyphs, space, ...tight], 1, H)[0].text).toBe('提供了行动指南。我们坚持人民至上');
  });

  it('drops spaces justified text put between Han characters and punctuation', () => {
    expect(pageLines([item('建 设7.4万套（ 间 ）', 36, 100)], 1, H)[0].text).toBe('建设7.4万套（间）');
  });
});

describe('unifyRadicals', () => {
  it('turns Kangxi radicals a font printed for ordinary characters back into them, and counts them', () => {
    expect(unifyRadicals('政府⼯作报告，⾦融⼈才')).toEqual({ text: '政府工作报告，金融人才', count: 3 });
    expect(unifyRadicals('（一）全年ＧＤＰ增长５％')).toEqual({ text: '（一）全年ＧＤＰ增长５％', count: 0 });
  });
});

const line = (page: number, text: string, x: number, top: number, xEnd = x + text.length * 16): PdfLine => ({ page, text, x, xEnd, top, size: 16, pageHeight: H });

describe('stripPageChrome', () => {
  it('removes page numbers and headers repeated on most pages, and counts them', () => {
    const lines = [1, 2, 3].flatMap((p) => [line(p, '政府工作报告', 250, 40), line(p, `正文第${p}页的内容。`, 36, 300), line(p, `— ${p} —`, 280, 810)]);
    const { lines: kept, notes } = stripPageChrome(lines, 3);
    expect(kept.map((l) => l.text)).toEqual(['正文第1页的内容。', '正文第2页的内容。', '正文第3页的内容。']);
    expect(notes.map((n) => n.detail)).toEqual(['已移除 PDF 的页眉/页脚“政府工作报告”（3 处）', '已移除 PDF 的页码（3 处）']);
  });

  it('knows 第 n 页 / 共 N 页 footers', () => {
    const lines = [1, 2].flatMap((p) => [line(p, `正文${p}。`, 36, 300), line(p, `第 ${p} 页 / 共 2 页`, 260, 815)]);
    expect(stripPageChrome(lines, 2).lines.map((l) => l.text)).toEqual(['正文1。', '正文2。']);
  });

  it('keeps a line in the body that looks like a number', () => {
    expect(stripPageChrome([line(1, '2026', 36, 400)], 1).lines).toHaveLength(1);
  });
});

describe('joinLines', () => {
  it('starts a paragraph at an indent, after a short line and after a gap; joins the rest', () => {
    const full = 36 + 30 * 16;
    const lines = [
      line(1, '标题', 250, 80, 282),
      line(1, '　首段第一行', 68, 140, full),
      line(1, '首段第二行结束。', 36, 168, 200),
      line(1, '次段第一行', 68, 196, full),
      line(2, '跨页接续的次段末行。', 36, 100, 300),
      line(2, '正文', 36, 200, full),
    ];
    expect(joinLines(lines)).toEqual(['标题', '　首段第一行首段第二行结束。', '次段第一行跨页接续的次段末行。', '正文']);
  });
});

describe('looksMultiColumn', () => {
  const body = (n: number, x: number, w: number) => Array.from({ length: n }, (_, i) => line(1, '正'.repeat(w), x, 100 + i * 28));
  it('flags a page set in two columns', () => {
    expect(looksMultiColumn([...body(20, 36, 15), ...body(20, 300, 15)])).toBe(true);
  });
  it('does not flag one column with a centred title', () => {
    expect(looksMultiColumn([line(1, '政府工作报告', 250, 60), ...body(30, 36, 30)])).toBe(false);
  });
});

describe('unreadable running headers', () => {
  it('a header whose glyphs map to no characters is removed and listed as unreadable, not quoted as blanks', () => {
    const nul = (x: number, top: number) => ({ str: '\u0000\u0000\u0000', transform: [9, 0, 0, 9, x, H - top], width: 27, height: 9 });
    const lines = [1, 2, 3].flatMap((p) => [...pageLines([nul(280, 40)], p, H), line(p, `正文第${p}页的内容。`, 36, 300)]);
    expect(lines[0].text).toBe('\ufffd\ufffd\ufffd');
    const { lines: kept, notes } = stripPageChrome(lines, 3);
    expect(kept.map((l) => l.text)).toEqual(['正文第1页的内容。', '正文第2页的内容。', '正文第3页的内容。']);
    expect(notes.map((n) => n.detail)).toEqual(['已移除 PDF 的页眉/页脚（文字无法识别）（3 处）']);
  });
});
