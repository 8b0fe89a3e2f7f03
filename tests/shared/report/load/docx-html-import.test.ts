/**
 * The Word and web-page importers on small documents: heading styles read like direct formatting,
 * line breaks, tables; site chrome and whitespace of saved pages.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { nodeFormatLibraries } from '../../../../electron/main/format-libraries';
import { importDocx } from '../../../../shared/report/load/docx-import';
import { collapseWhitespace, importHtml, stripSiteChrome } from '../../../../shared/report/load/html-import';

async function docx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('importDocx', () => {
  it('reads heading styles, direct formatting, soft line breaks and table cells as lines', async () => {
    const bytes = await docx([
      new Paragraph({ text: '一、2025年工作回顾', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun({ text: '（一）稳增长', font: '楷体_GB2312', bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: '多措并举促消费。', bold: true }), new TextRun('扩大服务消费。')] }),
      new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('1.新增就业50万人。')] })] })] }),
    ]);
    const r = await importDocx(bytes, await nodeFormatLibraries.mammoth());
    expect(r.ok && r.value.lines).toEqual(['一、2025年工作回顾', '（一）稳增长', '多措并举促消费。扩大服务消费。', '第一行', '第二行', '1.新增就业50万人。']);
  });

  it('refuses a Word file with no text', async () => {
    const r = await importDocx(await docx([new Paragraph('')]), await nodeFormatLibraries.mammoth());
    expect(r).toEqual({ ok: false, error: expect.stringContaining('没有文字') });
  });
});

describe('web pages', () => {
  it('collapses a source line break between Han characters to nothing, other whitespace to one space', () => {
    expect(collapseWhitespace('全力促进\n   经济平稳')).toBe('全力促进经济平稳');
    expect(collapseWhitespace('PM2.5\nindex  value')).toBe('PM2.5 index value');
    expect(collapseWhitespace('市长 龚 正')).toBe('市长 龚 正');
  });

  it('removes site chrome Readability leaves inside the article, listing it', () => {
    const { lines, notes } = stripSiteChrome(['索引号：11000000/2026-00012', '字体大小：【大】【中】【小】', '正文。', '【打印本页】 【关闭窗口】', '分享到：微信 微博']);
    expect(lines).toEqual(['正文。']);
    expect(notes.map((n) => n.detail)).toEqual([
      '已移除网页元素（政务公开信息栏）：“索引号：11000000/2026-00012”',
      '已移除网页元素（字号按钮）：“字体大小：【大】【中】【小】”',
      '已移除网页元素（打印/关闭按钮）：“【打印本页】 【关闭窗口】”',
      '已移除网页元素（分享链接）：“分享到：微信 微博”',
    ]);
  });

  it('refuses a page without an article', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><head><title>首页</title></head><body><nav><a href="/">首页</a></nav></body></html>');
    const r = await importHtml(html, await nodeFormatLibraries.html());
    expect(r).toEqual({ ok: false, error: expect.stringContaining('找不到正文') });
  });
});
