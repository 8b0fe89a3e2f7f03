/**
 * A corpus of files a deputy might pick in 打开报告 that are not a readable report, each with the
 * exact Chinese message the one report loader gives (the desktop app, the browser host and the
 * ingest CLI all show it as is). Built in the test from the real bundled report and real
 * file-format headers, so the bytes look like what arrives from a USB stick or a chat app. All are
 * named .txt: the bytes, not the name, decide what 研读 makes of a file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportFile } from '../../../shared/report/load/load-report';
import { nodeFormatLibraries } from '../../../electron/main/format-libraries';

const source = readFileSync(path.resolve(__dirname, '../../../resources/reports/changzhi-2026/source.txt'));
const text = source.toString('utf8');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p as number[])))));

const EMPTY = '文件是空的，没有可以阅读的报告文本。';
const BLANK = '文件只有空白字符，没有可以阅读的报告文本。';
const NUL = '文件看起来是二进制文件（含有空字节），不是纯文本报告。';
const CONTROLS = '文件中含有大量控制字符，看起来是二进制文件，不是纯文本报告。';
const UNKNOWN_ENCODING = '无法确定文件的文字编码（既不是 UTF-8、UTF-16，也不是 GB18030/GBK）。请用文本编辑器另存为 UTF-8 后再打开。';
const image = (name: string) => `这是一张图片（${name}），不是报告文本（虽然扩展名是 .txt）。请打开报告的 Word、PDF、网页或文本文件。`;
const other = (name: string) => `这是${name}，不是报告文件。请打开报告的 Word、PDF、网页或文本文件。`;
const BROKEN_PDF = '文件已损坏，无法作为 PDF 读取。';

/** UTF-16 bytes of `s`, little or big endian, with a BOM. */
function utf16(s: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\uFEFF${s}`, 'utf16le');
  if (endian === 'le') return new Uint8Array(le);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return new Uint8Array(be);
}

/** The bundled report's bytes cut after the first byte of a three-byte character past `from`. */
function cutInsideCharacter(from: number): Uint8Array {
  let i = from;
  while ((source[i] & 0xf0) !== 0xe0) i++;
  return new Uint8Array(source.subarray(0, i + 1));
}

const firstParagraphs = text.split('\n').slice(0, 12).join('\r\n');


const CASES: [string, Uint8Array, string][] = [
  ['an empty file (a download that never finished)', new Uint8Array(), EMPTY],
  ['only spaces, tabs and line breaks', utf8(' \t\r\n\r\n  \n'), BLANK],
  ['only a UTF-8 BOM (an empty Notepad file)', bytes([0xef, 0xbb, 0xbf]), BLANK],
  ['a BOM and ideographic spaces', bytes([0xef, 0xbb, 0xbf], utf8('\u3000\u3000\r\n\u3000')), BLANK],
  ['a PNG screenshot renamed .txt', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x05, 0x00]), image('PNG')],
  ['a JPEG photo of the printed report renamed .txt', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x48]), image('JPEG')],
  ['a damaged Word .docx renamed .txt (a ZIP archive cut short)', bytes('PK', [0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00], '[Content_Types].xml'), '文件已损坏，无法作为 Word 文档（.docx）读取。如果它能在 Word 或 WPS 中打开，请另存为新的 .docx 后再试。'],
  ['a damaged PDF renamed .txt', bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), BROKEN_PDF],
  ['a PDF whose first stream holds NUL bytes', bytes('%PDF-1.4\n4 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\n', [0x78, 0x9c, 0x00, 0x00, 0xff, 0x01], '\nendstream\n'), BROKEN_PDF],
  ['a gzip archive (report.txt.gz renamed)', bytes([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), other(' gzip 压缩包')],
  ['a Linux program', bytes([0x7f], 'ELF', [0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]), other('程序文件')],
  ["a SQLite database (an app's data file)", bytes('SQLite format 3', [0x00, 0x10, 0x00, 0x01, 0x01]), other(' SQLite 数据库')],
  ['the report with one NUL byte from a damaged USB stick', bytes(utf8(text.slice(0, 3000)), [0x00], utf8(text.slice(3000, 6000))), NUL],
  ['the report cut off in the middle of a character (disk full while copying)', cutInsideCharacter(3000), '文件是 UTF-8 编码，但有 1 处无效的字节，可能已损坏（例如下载不完整）。请重新获取文件后再打开。'],
  ['an overlong UTF-8 encoding of "/"', bytes(utf8('政府工作报告'), [0xc0, 0xaf]), UNKNOWN_ENCODING],
  ['a surrogate half encoded as UTF-8 (CESU-8 from some Java tools)', bytes(utf8('政府工作报告'), [0xed, 0xa0, 0x80]), UNKNOWN_ENCODING],
  ['Windows-1252 curly quotes from an English tool', bytes('Government Work Report ', [0x93], 'draft', [0x94]), UNKNOWN_ENCODING],
  ['a terminal log with colour escape codes', utf8(Array.from({ length: 40 }, (_, i) => `\u001b[3${i % 8}m第${i}行\u001b[0m\u0007`).join('\n')), CONTROLS],
  ['text with form feeds and vertical tabs from an old word processor', utf8(`${'政府工作报告\u000b\u0008'.repeat(30)}`), CONTROLS],
  ['GB18030 four-byte sequences that spell nothing', bytes([0x81, 0x30, 0x89, 0x38, 0x95, 0x33, 0x82, 0x36]), UNKNOWN_ENCODING],
  ['Big5 (a Taiwanese or Hong Kong file)', bytes([0xac, 0x46, 0xa9, 0xb2, 0xa4, 0x75, 0xa7, 0x40]), UNKNOWN_ENCODING],
  ['only a title in GBK, no body', bytes([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6, 0x0d, 0x0a]), '文件里只有标题等报头信息，没有报告正文。'],
];

describe('bad report files: each refused with its exact Chinese message', () => {
  it('the corpus holds at least 15 files; the bundled report, and its UTF-16 copies, load', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    expect((await loadReportFile({ bytes: new Uint8Array(source), fileName: 'source.txt' }, nodeFormatLibraries)).ok).toBe(true);
    for (const endian of ['le', 'be'] as const) {
      const r = await loadReportFile({ bytes: utf16(firstParagraphs, endian), fileName: 'x.txt' }, nodeFormatLibraries);
      expect(r.ok).toBe(true);
    }
  });

  it.each(CASES)('%s', async (_name, file, message) => {
    expect(await loadReportFile({ bytes: file, fileName: '政府工作报告.txt' }, nodeFormatLibraries)).toEqual({ ok: false, error: message });
  });

  it('never changes the bytes it was given', async () => {
    for (const [, file] of CASES) {
      const copy = new Uint8Array(file);
      await loadReportFile({ bytes: file, fileName: '政府工作报告.txt' }, nodeFormatLibraries);
      expect(file).toEqual(copy);
    }
  });
});
