/**
 * Which importer a file goes to. The bytes decide (a .docx renamed .txt is still a Word file, a
 * photo renamed .txt is still a photo); the extension only separates .html from .txt, which both
 * are text. Formats we cannot read are refused here with a message that says what to do.
 */
import type { Result } from '../../ipc/contract';

export type ReportFormat = 'txt' | 'docx' | 'pdf' | 'html';

/** Largest file 打开报告 accepts: a 300-page report as PDF is ~10 MB. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf16le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

function indexOfBytes(bytes: Uint8Array, needle: readonly number[], limit = bytes.length): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const IMAGES: [name: string, sig: number[], at?: number][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', ascii('GIF8')],
  ['BMP', ascii('BM')],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
  ['WebP', ascii('WEBP'), 8],
];
/** Other binary files people pick by mistake: a database, an archive, a program. */
const OTHER_BINARY: [name: string, sig: number[]][] = [
  [' SQLite 数据库', ascii('SQLite format 3\0')],
  [' gzip 压缩包', [0x1f, 0x8b]],
  [' 7z 压缩包', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  [' RAR 压缩包', ascii('Rar!')],
  ['程序文件', [0x7f, 0x45, 0x4c, 0x46]],
  ['程序文件', ascii('MZ')],
];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const PDF = ascii('%PDF-');
const RTF = ascii('{\\rtf');

/** Lower-case extension without the dot (`docx`), '' when none. */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The format of `bytes` named `fileName`, or a Chinese message for files 研读 cannot read
 * (too large, empty, image, old .doc, encrypted Office file, RTF, other binary formats).
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): Result<ReportFormat> {
  const ext = extensionOf(fileName);
  if (bytes.length > MAX_REPORT_BYTES) {
    return {
      ok: false,
      error: `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），最大只能打开 ${MAX_REPORT_BYTES / 1024 / 1024} MB 的报告文件。`,
    };
  }
  if (bytes.length === 0) return { ok: false, error: '文件是空的，没有可以阅读的报告文本。' };
  for (const [name, sig, at] of IMAGES) {
    if (startsWith(bytes, sig, at ?? 0) && (name !== 'WebP' || startsWith(bytes, ascii('RIFF')))) {
      return { ok: false, error: `这是一张图片（${name}），不是报告文本${ext ? `（虽然扩展名是 .${ext}）` : ''}。请打开报告的 Word、PDF、网页或文本文件。` };
    }
  }
  for (const [name, sig] of OTHER_BINARY) {
    if (startsWith(bytes, sig)) return { ok: false, error: `这是${name}，不是报告文件。请打开报告的 Word、PDF、网页或文本文件。` };
  }
  if (startsWith(bytes, OLE)) {
    // Word and WPS keep a password-protected .docx inside an OLE container as "EncryptedPackage".
    if (indexOfBytes(bytes, utf16le('EncryptedPackage'), 1 << 20) !== -1) {
      return { ok: false, error: '这个 Word 文件设置了打开密码，研读无法读取。请在 Word 或 WPS 中取消密码（或另存一份无密码的副本）后再打开。' };
    }
    return { ok: false, error: '这是旧版 Word 文档（.doc）或其他旧版 Office 文件，研读无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再打开。' };
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { ok: true, value: 'docx' };
  if (indexOfBytes(bytes, PDF, 1024) !== -1) return { ok: true, value: 'pdf' };
  if (startsWith(bytes, RTF)) {
    return { ok: false, error: '这是 RTF 格式的文件，研读无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再打开。' };
  }
  if (ext === 'docx' || ext === 'pdf') {
    return { ok: false, error: `文件扩展名是 .${ext}，但内容不是有效的 ${ext === 'pdf' ? 'PDF' : 'Word'} 文件，可能已损坏。` };
  }
  if (ext === 'doc' || ext === 'wps') {
    return { ok: false, error: '这是旧版 Word 文档，研读无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再打开。' };
  }
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || looksLikeHtml(bytes)) return { ok: true, value: 'html' };
  return { ok: true, value: 'txt' };
}

/** A saved web page without .html extension: the first tag is a doctype or <html>. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 512); i++) if (bytes[i] < 0x80) head += String.fromCharCode(bytes[i]);
  return /^\s*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html[\s>])/i.test(head);
}
