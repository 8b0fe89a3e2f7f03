import { describe, expect, it } from 'vitest';
import { extensionOf, sniffFormat } from '../../../../shared/report/load/sniff';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffFormat', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['text', bytes('政府工作报告'), 'a.txt', 'txt'],
    ['text without extension', bytes('政府工作报告'), 'README', 'txt'],
    ['html by extension', bytes('<p>报告</p>'), 'a.htm', 'html'],
    ['html renamed .txt (doctype decides)', bytes('<!DOCTYPE html><html><body>报告</body></html>'), 'a.txt', 'html'],
    ['docx renamed .txt (zip signature decides)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 'a.txt', 'docx'],
    ['pdf with junk before the header', new Uint8Array([0x0a, ...bytes('%PDF-1.7')]), 'a.bin', 'pdf'],
  ])('%s → %s', (_name, b, name, format) => {
    expect(sniffFormat(b, name)).toEqual({ ok: true, value: format });
  });

  it.each<[string, Uint8Array, string, RegExp]>([
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), '报告.txt', /图片（JPEG）/],
    ['a WebP', new Uint8Array([...bytes('RIFF'), 0, 0, 0, 0, ...bytes('WEBP')]), '报告.txt', /图片（WebP）/],
    ['an RTF', bytes('{\\rtf1\\ansi 政府}'), '报告.rtf', /RTF.*另存为” \.docx/],
    ['a .docx that is text', bytes('政府工作报告'), '报告.docx', /不是有效的 Word 文件/],
    ['a .pdf that is text', bytes('政府工作报告'), '报告.pdf', /不是有效的 PDF 文件/],
    ['a .wps file', bytes('政府工作报告'), '报告.wps', /旧版 Word/],
  ])('refuses %s', (_name, b, name, message) => {
    const r = sniffFormat(b, name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('reads the extension case-insensitively, from any path', () => {
    expect(extensionOf('C:\\\\Users\\\\u\\\\报告.DOCX')).toBe('docx');
    expect(extensionOf('/tmp/.hidden')).toBe('');
  });
});
