/**
 * Decoding a report file chosen by the user (Electron main process, browser host, ingest CLI).
 */
import type { Result } from '../ipc/contract';

interface FatalDecoder {
  decode(bytes: Uint8Array): string;
}
// shared/ is typed without DOM/Node libs; TextDecoder exists in every runtime we ship to.
const TextDecoderCtor = (globalThis as unknown as {
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => FatalDecoder;
}).TextDecoder;

/** Share of C0 control characters (other than tab/newline/CR/form feed) above which text is binary. */
const MAX_CONTROL_RATIO = 0.01;

/**
 * Decodes the bytes of a plain-text report: strict UTF-8 (invalid sequences are an error, never
 * replaced), a leading BOM removed, CRLF and lone CR normalised to LF (the segmenter treats
 * line breaks as layout, so no body character changes). Rejects empty or whitespace-only files
 * and binary data (NUL bytes or many control characters) with a Chinese message for the user.
 */
export function decodeReportBytes(bytes: Uint8Array): Result<string> {
  if (bytes.length === 0) return { ok: false, error: '文件是空的，没有可以阅读的报告文本。' };
  if (bytes.includes(0)) {
    return { ok: false, error: '文件看起来是二进制文件（含有空字节），不是纯文本报告。请选择 UTF-8 编码的 .txt 文件。' };
  }
  let text: string;
  try {
    text = new TextDecoderCtor('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      error: '文件不是 UTF-8 编码的文本。如果是 GBK/GB18030 编码，请先用文本编辑器另存为 UTF-8 后再打开。',
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  if (controls > 0 && controls / text.length > MAX_CONTROL_RATIO) {
    return { ok: false, error: '文件中含有大量控制字符，看起来是二进制文件，不是纯文本报告。' };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: '文件只有空白字符，没有可以阅读的报告文本。' };
  return { ok: true, value: text };
}
