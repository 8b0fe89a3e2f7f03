/**
 * Plain-text encodings a deputy's report file comes in: UTF-8 (with or without BOM), UTF-16 with a
 * BOM (Windows Notepad's "Unicode"), GB18030/GBK (Notepad's "ANSI" on a Chinese Windows). The
 * encoding is decided from the bytes, never guessed in silence: when neither UTF-8 nor GB18030 gives
 * plausible Chinese text the file is refused.
 */
import type { Result } from '../../ipc/contract';

interface Decoder {
  decode(bytes: Uint8Array): string;
}
// shared/ is typed without DOM/Node libs; TextDecoder (with the gb18030 and utf-16 labels) exists
// in Chromium, Electron and Node with full ICU.
const TextDecoderCtor = (globalThis as unknown as {
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Decoder;
}).TextDecoder;

/** Name of the encoding as shown in the repair list. */
export type TextEncodingName = 'UTF-8' | 'UTF-8（带 BOM）' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  /** Text with BOM removed and line breaks normalised to LF. */
  text: string;
  encoding: TextEncodingName;
}

/** Share of C0 control characters (other than tab/newline/CR/form feed) above which text is binary. */
const MAX_CONTROL_RATIO = 0.01;
/**
 * Share of characters a real Chinese report decoded from GB18030 must have in common ranges
 * (ASCII, CJK punctuation, full-width forms, CJK unified ideographs). Bytes of another legacy
 * encoding (Big5, Shift-JIS, Latin-1) decoded as GB18030 land in rare ranges and fall below it.
 */
const MIN_GB_PLAUSIBLE = 0.97;

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoderCtor(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isCommonChar(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d ||
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs (+ Ext. A)
    (c >= 0xd800 && c <= 0xdfff) || // rarer ideographs beyond the BMP (GB18030 four-byte forms)
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 ||
    c === 0x00b7 || c === 0x2022 || c === 0x2103 || c === 0x00d7 || c === 0x2030
  );
}

function commonShare(text: string): number {
  let common = 0;
  for (let i = 0; i < text.length; i++) if (isCommonChar(text.charCodeAt(i))) common++;
  return text.length === 0 ? 1 : common / text.length;
}

function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

/** NUL bytes only at even or only at odd positions: UTF-16 saved without a BOM (ASCII characters give them). */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  return (evenZero >= 2 && oddZero === 0) || (oddZero >= 2 && evenZero === 0);
}

/** Well-formed multi-byte UTF-8 sequences and bytes that fit no sequence. */
function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    // The second byte's narrower ranges (as TextDecoder checks them): no overlong forms, no
    // UTF-16 surrogate halves (CESU-8), nothing past U+10FFFF.
    const second = bytes[i + 1];
    if (ok && ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))) ok = false;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * GB18030 text forms a valid UTF-8 sequence only by accident, a few times per hundred characters;
 * UTF-8 with a damaged byte has hundreds of valid sequences per invalid one.
 */
const DAMAGED_UTF8_RATIO = 20;

function finish(raw: string, encoding: TextEncodingName): Result<DecodedText> {
  if (controlShare(raw) > MAX_CONTROL_RATIO) {
    return { ok: false, error: '文件中含有大量控制字符，看起来是二进制文件，不是纯文本报告。' };
  }
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: '文件只有空白字符，没有可以阅读的报告文本。' };
  return { ok: true, value: { text, encoding } };
}

/**
 * Decodes the bytes of a text file (a .txt report or a saved web page). Order: a BOM decides
 * (UTF-8, UTF-16LE, UTF-16BE); otherwise strict UTF-8; otherwise strict GB18030 when the result is
 * plausible Chinese text. Invalid sequences are never replaced by U+FFFD.
 */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  if (bytes.length === 0) return { ok: false, error: '文件是空的，没有可以阅读的报告文本。' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = strict('utf-8', bytes.subarray(3));
    return t === null ? { ok: false, error: '文件标明为 UTF-8 编码，但其中有无效的字节，可能已损坏。' } : finish(t, 'UTF-8（带 BOM）');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const t = strict(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    if (t === null) return { ok: false, error: '文件标明为 UTF-16 编码，但内容不完整或已损坏。' };
    return finish(t, le ? 'UTF-16LE' : 'UTF-16BE');
  }
  if (looksLikeBomlessUtf16(bytes)) {
    return {
      ok: false,
      error: '文件像是没有字节顺序标记（BOM）的 UTF-16 文本，无法确定字节顺序。请用记事本“另存为”UTF-8 后再打开。',
    };
  }
  if (bytes.includes(0)) {
    return { ok: false, error: '文件看起来是二进制文件（含有空字节），不是纯文本报告。' };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'UTF-8');
  const census = utf8Census(bytes);
  if (census.valid >= DAMAGED_UTF8_RATIO * census.invalid) {
    return { ok: false, error: `文件是 UTF-8 编码，但有 ${census.invalid} 处无效的字节，可能已损坏（例如下载不完整）。请重新获取文件后再打开。` };
  }
  const gb = strict('gb18030', bytes);
  if (gb !== null && commonShare(gb) >= MIN_GB_PLAUSIBLE) return finish(gb, 'GB18030');
  return {
    ok: false,
    error: '无法确定文件的文字编码（既不是 UTF-8、UTF-16，也不是 GB18030/GBK）。请用文本编辑器另存为 UTF-8 后再打开。',
  };
}
