/**
 * Files 研读 cannot read are refused with a Chinese message that says what to do; the loader
 * returns nothing else (the app then keeps the open report as it was: see tests/e2e/open-formats).
 */
import { describe, expect, it } from 'vitest';
import { nodeFormatLibraries } from '../../../../electron/main/format-libraries';
import { loadReportFile } from '../../../../shared/report/load/load-report';
import { MAX_REPORT_BYTES } from '../../../../shared/report/load/sniff';
import * as bad from '../../../fixtures/formats/bad-files';

async function refusal(bytes: Uint8Array | Promise<Uint8Array>, fileName: string): Promise<string> {
  const r = await loadReportFile({ bytes: await bytes, fileName }, nodeFormatLibraries);
  if (r.ok) throw new Error(`${fileName} was accepted`);
  return r.error;
}

describe('bad input', () => {
  it.each<[string, () => Uint8Array | Promise<Uint8Array>, string, RegExp]>([
    ['a password-protected .docx', bad.passwordDocx, '报告.docx', /设置了打开密码.*取消密码/],
    ['an old Word 97–2003 .doc', bad.oldDoc, '报告.doc', /旧版 Word.*另存为” \.docx/],
    ['an old .doc renamed .docx', bad.oldDoc, '报告.docx', /旧版 Word.*另存为” \.docx/],
    ['a .docx cut short', bad.truncatedDocx, '报告.docx', /已损坏/],
    ['a .docx whose XML is broken', bad.brokenXmlDocx, '报告.docx', /已损坏/],
    ['a zip bomb named .docx', bad.zipBombDocx, '报告.docx', /压缩炸弹/],
    ['a spreadsheet named .docx', bad.spreadsheet, '报告.docx', /不是 Word 文档/],
    ['a password-protected PDF', bad.passwordPdf, '报告.pdf', /PDF 设置了打开密码/],
    ['a PDF with no text and no image', bad.blankPdf, '报告.pdf', /PDF 文件是空白的/],
    ['a scanned PDF', bad.scannedPdf, '扫描.pdf', /^这是扫描件，没有可读取的文字/],
    ['a damaged PDF', bad.notAPdf, '报告.pdf', /已损坏/],
    ['a photo renamed .txt', bad.png, '报告.txt', /这是一张图片（PNG）.*扩展名是 \.txt/],
    ['an empty file', () => new Uint8Array(), '报告.txt', /空的/],
    ['a file over 50 MB', () => new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x41), '报告.txt', /文件过大（50\.0 MB），最大只能打开 50 MB/],
  ])('%s', async (_name, make, fileName, message) => {
    const error = await refusal(make(), fileName);
    expect(error).toMatch(message);
    expect(error).toMatch(/\p{sc=Han}{4}/u);
  }, 20_000);
});
