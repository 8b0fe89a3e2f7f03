import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../../shared/report/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeReportBytes', () => {
  it('decodes UTF-8 text unchanged', () => {
    expect(decodeReportBytes(utf8('政府工作报告\n\n各位代表：'))).toEqual({ ok: true, value: '政府工作报告\n\n各位代表：' });
  });

  it('strips a BOM and normalises CRLF and CR to LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('甲\r\n乙\r丙')]);
    expect(decodeReportBytes(bytes)).toEqual({ ok: true, value: '甲\n乙\n丙' });
  });

  it.each([
    ['empty file', new Uint8Array(), '空'],
    ['whitespace only', utf8(' \n\u3000\t\r\n'), '空白'],
    ['GBK bytes (政府)', new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]), 'UTF-8'],
    ['truncated UTF-8 sequence', new Uint8Array([...utf8('政府'), 0xe5, 0xb7]), 'UTF-8'],
    ['NUL bytes (binary)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]), '二进制'],
    ['many control characters', new Uint8Array([...utf8('报告'), 1, 2, 3, 4, 5, 6, 7, 8]), '控制字符'],
  ])('rejects %s with a Chinese message', (_name, bytes, phrase) => {
    const r = decodeReportBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(phrase);
      expect(r.error).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('tolerates a stray form feed in a long text', () => {
    const r = decodeReportBytes(utf8('政府工作报告'.repeat(50) + '\f' + '各位代表'));
    expect(r.ok).toBe(true);
  });
});
