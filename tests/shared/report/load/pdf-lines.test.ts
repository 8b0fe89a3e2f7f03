/**
 * The PDF importer's line logic on hand-made text items (no PDF needed): lines from items,
 * page chrome, paragraphs from indents and short lines.
 */
import { describe, expect, it } from 'vitest';
import { joinLines, looksMultiColumn, pageLines, stripPageChrome, type PdfLine } from '../../../../shared/report/load/pdf-import';

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

  it('drops spaces justified text put between Han characters and punctuation', () => {
    expect(pageLines([item('建 设7.4万套（ 间 ）', 36, 100)], 1, H)[0].text).toBe('建设7.4万套（间）');
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
