/**
 * A look at a .docx's zip directory before any library inflates it: a damaged file, a zip bomb
 * (a few KB that inflate to gigabytes and freeze the app) or an encrypted zip is refused with a
 * message instead of an exception or a hang. Reads only the central directory; inflates nothing.
 */
import type { Result } from '../../ipc/contract';

/** More than this inflated is not a report (the longest provincial report's docx is ~2 MB). */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Deflate reaches ~1000:1 only on degenerate data; report XML compresses ~10:1. */
const MAX_RATIO = 200;
const RATIO_APPLIES_ABOVE = 1024 * 1024;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

const CORRUPT = '文件已损坏，无法作为 Word 文档（.docx）读取。如果它能在 Word 或 WPS 中打开，请另存为新的 .docx 后再试。';

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** Entries of the zip's central directory, or a Chinese message when the file is unsafe or broken. */
export function inspectZip(bytes: Uint8Array): Result<ZipEntry[]> {
  // End of central directory: 22 bytes + a comment of at most 64 KB, searched from the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return { ok: false, error: CORRUPT };
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0) return { ok: false, error: 'Word 文件是空的（压缩包里没有内容）。' };
  const entries: ZipEntry[] = [];
  let total = 0;
  const decoder = new (globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }).TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return { ok: false, error: CORRUPT };
    const flags = u16(bytes, at + 8);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (flags & 1) return { ok: false, error: '这个 Word 文件经过加密，研读无法读取。请在 Word 或 WPS 中取消密码后再打开。' };
    total += size;
    if (size === 0xffffffff || total > MAX_INFLATED_BYTES || (size > RATIO_APPLIES_ABOVE && size > compressedSize * MAX_RATIO)) {
      return { ok: false, error: '这个 Word 文件解压后异常巨大（可能是恶意构造的“压缩炸弹”），为安全起见没有打开。' };
    }
    entries.push({ name, compressedSize, size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    const isOffice = entries.some((e) => e.name === '[Content_Types].xml');
    return {
      ok: false,
      error: isOffice
        ? '这是 Office 文件，但不是 Word 文档（可能是 Excel 或 PowerPoint）。请打开报告的 Word、PDF、网页或文本文件。'
        : '这是一个压缩包，不是 Word 文档（.docx）。请先解压，再打开其中的报告文件。',
    };
  }
  return { ok: true, value: entries };
}
