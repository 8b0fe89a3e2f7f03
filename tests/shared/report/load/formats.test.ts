/**
 * The same corpus report as clean UTF-8 text, in every encoding, as a .docx with direct
 * formatting, as a saved government web page and as an A4 PDF printed by Chromium: every format
 * gives the same paragraphs (character for character), header block, outline, title and id.
 */
import type { Browser } from '@playwright/test';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFormatLibraries } from '../../../../electron/main/format-libraries';
import type { Report } from '../../../../shared/report/model';
import { loadReportFile } from '../../../../shared/report/load/load-report';
import { launch } from '../../../e2e/chromium';
import { cleanLines, cleanText } from '../../../fixtures/formats/clean-report';
import { makeDocx } from '../../../fixtures/formats/make-docx';
import { makeHtml } from '../../../fixtures/formats/make-html';
import { makePdf } from '../../../fixtures/formats/make-pdf';
import { corpusFiles } from '../helpers';

const corpus = corpusFiles();
const utf8 = (s: string) => new TextEncoder().encode(s);

async function load(bytes: Uint8Array, fileName: string): Promise<Report> {
  const r = await loadReportFile({ bytes, fileName }, nodeFormatLibraries);
  if (!r.ok) throw new Error(`${fileName}: ${r.error}`);
  return r.value;
}

/** What must not differ between formats. */
const shape = (r: Report) => ({
  id: r.id,
  title: r.title,
  front: r.front,
  paragraphs: r.paragraphs.map((p) => `${p.label} ${p.text}`),
  outline: r.outline.map((o) => `${o.level} ${o.label} ${o.title}`),
});

const encodings: [name: string, encode: (s: string) => Uint8Array, shown: string][] = [
  ['UTF-8', utf8, 'UTF-8'],
  ['UTF-8 with BOM', (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]), 'UTF-8（带 BOM）'],
  ['UTF-16LE with BOM', (s) => new Uint8Array(iconv.encode(s, 'utf-16le', { addBOM: true })), 'UTF-16LE'],
  ['UTF-16BE with BOM', (s) => new Uint8Array([0xfe, 0xff, ...iconv.encode(s, 'utf-16be')]), 'UTF-16BE'],
  ['GB18030 (Notepad “ANSI”, CRLF)', (s) => new Uint8Array(iconv.encode(s.replace(/\n/g, '\r\n'), 'gb18030')), 'GB18030'],
];

describe.each(corpus)('encodings of $name', ({ source }) => {
  const text = cleanText(cleanLines(source));
  it.each(encodings)('%s reads back the same report and says which encoding it read', async (_n, encode, shown) => {
    const reference = await load(utf8(text), 'report.txt');
    const r = await load(encode(text), 'report.txt');
    expect(shape(r)).toEqual(shape(reference));
    expect(r.repairs[0]).toMatchObject({ kind: 'encoding', detail: `文本编码：${shown}` });
  });
});

describe('opened files are named by their content', () => {
  it('two different files both called report.txt are two reports; one report as .txt and .docx is one', async () => {
    const [a, b] = [cleanText(cleanLines(corpus[0].source)), cleanText(cleanLines(corpus[1].source))];
    const ra = await load(utf8(a), 'report.txt');
    const rb = await load(utf8(b), 'report.txt');
    expect(ra.id).not.toBe(rb.id);
    expect(ra.id).toMatch(/^r-[0-9a-f]{16}$/);
    expect(ra.id).toBe(`r-${ra.fingerprint}`);
    const docx = await load(await makeDocx(cleanLines(corpus[0].source), '政府工作报告'), 'report.docx');
    expect(docx.id).toBe(ra.id);
  });
});

describe.each(corpus)('formats of $name', ({ name, source }) => {
  const lines = cleanLines(source);
  let reference: Report;
  beforeAll(async () => {
    reference = await load(utf8(cleanText(lines)), `${name}`);
  });

  it('.docx with direct formatting, a running header, page numbers, a comment and a deleted change', async () => {
    const r = await load(await makeDocx(lines, '2026年政府工作报告（征求意见稿）'), name.replace(/\.txt$/, '.docx'));
    expect(shape(r)).toEqual(shape(reference));
    expect(r.text).not.toContain('此处删去的字');
    expect(r.text).not.toContain('建议改为');
    expect(r.text).not.toContain('征求意见稿');
    expect(r.format).toBe('docx');
  });

  it('.html saved from a government site, without its chrome', async () => {
    const r = await load(utf8(makeHtml(lines, '某省人民政府')), name.replace(/\.txt$/, '.html'));
    expect(shape(r)).toEqual(shape(reference));
    for (const chrome of ['索引号', '发布机构', '【大】', '打印本页', '分享到', '网站标识码', '当前位置', '京ICP备']) expect(r.text).not.toContain(chrome);
  });

  it('.html in GB18030 (older sites)', async () => {
    const html = makeHtml(lines, '某省人民政府').replace('charset="utf-8"', 'charset="gb2312"');
    const r = await load(new Uint8Array(iconv.encode(html, 'gb18030')), 'page.htm');
    expect(shape(r)).toEqual(shape(reference));
    expect(r.repairs.some((x) => x.detail === '网页编码：GB18030')).toBe(true);
  });
});

/**
 * Every corpus report as a PDF. Printing costs seconds per report, so one browser prints them
 * all up front, two at a time, and each report's test then only reads its PDF back.
 */
describe('PDF of every corpus report', () => {
  const pdfs = new Map<string, Uint8Array>();
  beforeAll(async () => {
    const browser: Browser = await launch();
    try {
      const queue = [...corpus];
      const printer = async () => {
        for (let f = queue.shift(); f; f = queue.shift()) pdfs.set(f.name, await makePdf(browser, cleanLines(f.source), '政府工作报告'));
      };
      await Promise.all([printer(), printer()]);
    } finally {
      await browser.close();
    }
  }, 600_000);

  it('reads a PDF handed over as a Node Buffer (fs.readFile in the desktop app and the ingest CLI)', async () => {
    const { name, source } = corpus[0];
    const fromBuffer = await load(Buffer.from(pdfs.get(name)!), name.replace(/\.txt$/, '.pdf'));
    expect(shape(fromBuffer)).toEqual(shape(await load(utf8(cleanText(cleanLines(source))), name)));
  }, 60_000);

  it.each(corpus)('$name: A4 with running header and — n — page numbers reads back as its text (paragraphs rejoined, chrome listed)', async ({ name, source }) => {
    const lines = cleanLines(source);
    const reference = await load(utf8(cleanText(lines)), name);
    const r = await load(pdfs.get(name)!, name.replace(/\.txt$/, '.pdf'));
    expect(shape(r)).toEqual(shape(reference));
    expect(r.format).toBe('pdf');
    expect(r.text).not.toMatch(/— \d+ —/);
    expect(r.text).not.toMatch(/[\p{sc=Han}] [\p{sc=Han}]/u);
    const chrome = r.repairs.filter((x) => x.kind === 'page-chrome-removed').map((x) => x.detail).join('\n');
    expect(chrome).toMatch(/页码（\d+ 处）/);
    // The header template prints in Chromium's fallback font, whose glyphs may map to no text here.
    expect(chrome).toMatch(/页眉\/页脚(“政府工作报告”|（文字无法识别）)（\d+ 处）/);
    expect(r.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\ufffd]/);
  }, 60_000);
});
