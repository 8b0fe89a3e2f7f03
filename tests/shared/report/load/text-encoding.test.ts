import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/report/load/text-encoding';

const SAMPLE = '政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。全省生产总值增长5.4%。';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('decodes UTF-8 text unchanged', () => {
    expect(decodeText(utf8('政府工作报告\n\n各位代表：'))).toEqual({ ok: true, value: { text: '政府工作报告\n\n各位代表：', encoding: 'UTF-8' } });
  });

  it('strips a BOM and normalises CRLF and CR to LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('甲\r\n乙\r丙')]);
    expect(decodeText(bytes)).toEqual({ ok: true, value: { text: '甲\n乙\n丙', encoding: 'UTF-8（带 BOM）' } });
  });

  it.each([
    ['empty file', new Uint8Array(), '空'],
    ['whitespace only', utf8(' \n\u3000\t\r\n'), '空白'],
    ['UTF-8 with one damaged byte (not read as GB18030 mojibake)', new Uint8Array([...utf8(SAMPLE.repeat(3)), 0xe5, 0xb7]), '处无效的字节'],
    ['NUL bytes (binary)', new Uint8Array([0x89, 0x50, 0x00, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x01]), '二进制'],
    ['many control characters', new Uint8Array([...utf8('报告'), 1, 2, 3, 4, 5, 6, 7, 8]), '控制字符'],
  ])('rejects %s with a Chinese message', (_name, bytes, phrase) => {
    const r = decodeText(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(phrase);
  });

  it('tolerates a stray form feed in a long text', () => {
    expect(decodeText(utf8('政府工作报告'.repeat(50) + '\f' + '各位代表')).ok).toBe(true);
  });

  it('never decodes Big5 as GB18030 in silence', () => {
    const r = decodeText(new Uint8Array(iconv.encode(SAMPLE, 'big5')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('无法确定文件的文字编码');
  });

  it('refuses UTF-16 without a BOM, naming it', () => {
    const r = decodeText(new Uint8Array(iconv.encode(SAMPLE, 'utf-16le')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('UTF-16');
  });

  it('reads GBK (a subset of GB18030) and says GB18030', () => {
    const r = decodeText(new Uint8Array(iconv.encode(SAMPLE, 'gbk')));
    expect(r).toEqual({ ok: true, value: { text: SAMPLE, encoding: 'GB18030' } });
  });

  it('reads characters outside GBK that only GB18030 has (four-byte sequences)', () => {
    const text = `${SAMPLE}𠀀㐀`;
    const r = decodeText(new Uint8Array(iconv.encode(text, 'gb18030')));
    expect(r.ok && r.value.text).toBe(text);
  });

  it('does not take a damaged UTF-16 file for text', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('政府', 'utf-16le'), 0x00]);
    expect(decodeText(bytes).ok).toBe(false);
  });
});
