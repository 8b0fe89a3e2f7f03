/**
 * A corpus of files a deputy might pick in 打开报告 that are not a readable report, each with the
 * exact Chinese message decodeReportBytes gives (the desktop app, the browser host and the ingest
 * CLI all show it as is). Built in the test from the real bundled report and real file-format
 * headers, so the bytes look like what arrives from a USB stick or a chat app.
 *
 * The encodings table records what the current decoder does with GBK/GB18030/Big5/UTF-16 (refuses
 * them); the decoder is being extended to read some of those on another branch, which should
 * move those rows into its accepted cases when it lands.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../../shared/report/decode';

const source = readFileSync(path.resolve(__dirname, '../../../resources/reports/changzhi-2026/source.txt'));
const text = source.toString('utf8');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p as number[])))));

const EMPTY = '文件是空的，没有可以阅读的报告文本。';
const BLANK = '文件只有空白字符，没有可以阅读的报告文本。';
const BINARY = '文件看起来是二进制文件（含有空字节），不是纯文本报告。请选择 UTF-8 编码的 .txt 文件。';
const NOT_UTF8 = '文件不是 UTF-8 编码的文本。如果是 GBK/GB18030 编码，请先用文本编辑器另存为 UTF-8 后再打开。';
const CONTROLS = '文件中含有大量控制字符，看起来是二进制文件，不是纯文本报告。';

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
  ['a PNG screenshot renamed .txt', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x05, 0x00]), BINARY],
  ['a JPEG photo of the printed report renamed .txt', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x48]), BINARY],
  ['a Word .docx renamed .txt (a ZIP archive)', bytes('PK', [0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00], '[Content_Types].xml'), BINARY],
  ['a PDF renamed .txt (binary marker line after the header)', bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), NOT_UTF8],
  ['a PDF whose first stream holds NUL bytes', bytes('%PDF-1.4\n4 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\n', [0x78, 0x9c, 0x00, 0x00, 0xff, 0x01], '\nendstream\n'), BINARY],
  ['a gzip archive (report.txt.gz renamed)', bytes([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), BINARY],
  ['a Linux program', bytes([0x7f], 'ELF', [0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]), BINARY],
  ['a SQLite database (an app\'s data file)', bytes('SQLite format 3', [0x00, 0x10, 0x00, 0x01, 0x01]), BINARY],
  ['the report with one NUL byte from a damaged USB stick', bytes(utf8(text.slice(0, 3000)), [0x00], utf8(text.slice(3000, 6000))), BINARY],
  ['the report cut off in the middle of a character (disk full while copying)', cutInsideCharacter(3000), NOT_UTF8],
  ['an overlong UTF-8 encoding of "/"', bytes(utf8('政府工作报告'), [0xc0, 0xaf]), NOT_UTF8],
  ['a surrogate half encoded as UTF-8 (CESU-8 from some Java tools)', bytes(utf8('政府工作报告'), [0xed, 0xa0, 0x80]), NOT_UTF8],
  ['Windows-1252 curly quotes from an English tool', bytes('Government Work Report ', [0x93], 'draft', [0x94]), NOT_UTF8],
  ['a terminal log with colour escape codes', utf8(Array.from({ length: 40 }, (_, i) => `\u001b[3${i % 8}m第${i}行\u001b[0m\u0007`).join('\n')), CONTROLS],
  ['text with form feeds and vertical tabs from an old word processor', utf8(`${'政府工作报告\u000b\u0008'.repeat(30)}`), CONTROLS],
];

/** How the current decoder treats other encodings of the same report (see the file comment). */
const ENCODINGS: [string, Uint8Array, string][] = [
  ['the report in GBK (saved by an older Notepad)', bytes([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6, 0x0d, 0x0a]), NOT_UTF8],
  ['GB18030 four-byte characters', bytes([0x81, 0x30, 0x89, 0x38, 0x95, 0x33, 0x82, 0x36]), NOT_UTF8],
  ['Big5 (a Taiwanese or Hong Kong file)', bytes([0xac, 0x46, 0xa9, 0xb2, 0xa4, 0x75, 0xa7, 0x40]), NOT_UTF8],
  ['the report in UTF-16 LE with a BOM (Windows "Unicode")', utf16(firstParagraphs, 'le'), BINARY],
  ['the report in UTF-16 BE with a BOM', utf16(firstParagraphs, 'be'), BINARY],
];

describe('bad report files: each refused with its exact Chinese message', () => {
  it('the corpus holds at least 15 files, and the bundled report they are made from decodes', () => {
    expect(CASES.length + ENCODINGS.length).toBeGreaterThanOrEqual(15);
    expect(decodeReportBytes(new Uint8Array(source)).ok).toBe(true);
  });

  it.each(CASES)('%s', (_name, file, message) => {
    expect(decodeReportBytes(file)).toEqual({ ok: false, error: message });
  });

  it.each(ENCODINGS)('%s (current decoder)', (_name, file, message) => {
    expect(decodeReportBytes(file)).toEqual({ ok: false, error: message });
  });

  it('never changes the bytes it was given', () => {
    for (const [, file] of [...CASES, ...ENCODINGS]) {
      const copy = new Uint8Array(file);
      decodeReportBytes(file);
      expect(file).toEqual(copy);
    }
  });
});
