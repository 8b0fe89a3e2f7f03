/**
 * The one report loader: bytes + file name (+ bundled metadata) → Report, for the Electron main
 * process, the browser host and the ingest CLI alike. Format libraries are injected because each
 * runtime loads them its own way (see electron/main/format-libraries.ts and
 * renderer/import/format-libraries.ts).
 */
import type { Result } from '../../ipc/contract';
import type { Repair, Report } from '../model';
import { segmentReport } from '../segment';
import type { KnownTypo } from '../typos';
import { importDocx, type MammothLike } from './docx-import';
import { importHtml, type HtmlLibs } from './html-import';
import type { ImportedText } from './imported';
import { importPdf, type PdfJsLike } from './pdf-import';
import { reportId, reportTitle } from './report-identity';
import { sniffFormat, type ReportFormat } from './sniff';
import { decodeText } from './text-encoding';

export interface ReportFile {
  bytes: Uint8Array;
  /** File name as the user sees it (extension used to tell .html from .txt). */
  fileName: string;
  /**
   * Set for reports shipped in resources/reports: id and title come from meta.json, known source
   * typos from typos.json.
   */
  bundled?: { id: string; title: string; typos?: readonly KnownTypo[] };
}

/** Loaded on first use: a .txt report never pays for pdf.js. */
export interface FormatLibraries {
  mammoth(): Promise<MammothLike>;
  pdfjs(): Promise<PdfJsLike>;
  html(): Promise<HtmlLibs>;
}

/** File extensions 打开报告 offers (the bytes still decide the format). */
export const REPORT_EXTENSIONS = ['txt', 'docx', 'pdf', 'html', 'htm'] as const;

async function importText(bytes: Uint8Array): Promise<Result<ImportedText>> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, value: { lines: decoded.value.text.split('\n'), notes: [{ kind: 'encoding', detail: `文本编码：${decoded.value.encoding}` }] } };
}

async function importAny(format: ReportFormat, bytes: Uint8Array, libs: FormatLibraries): Promise<Result<ImportedText>> {
  switch (format) {
    case 'txt':
      return importText(bytes);
    case 'docx':
      return importDocx(bytes, await libs.mammoth());
    case 'pdf':
      return importPdf(bytes, await libs.pdfjs());
    case 'html':
      return importHtml(bytes, await libs.html());
  }
}

/**
 * Reads, imports and segments a report file. Never throws: unreadable input (wrong format,
 * password, damage, scan, too large) is an error Result with a Chinese message, and nothing else
 * happens. The importer's notes (encoding, removed page chrome) lead the repair list.
 */
export async function loadReportFile(file: ReportFile, libs: FormatLibraries): Promise<Result<Report>> {
  const format = sniffFormat(file.bytes, file.fileName);
  if (!format.ok) return format;
  let imported: Result<ImportedText>;
  try {
    imported = await importAny(format.value, file.bytes, libs);
  } catch (error) {
    return { ok: false, error: `无法读取文件：${error instanceof Error ? error.message : String(error)}` };
  }
  if (!imported.ok) return imported;
  const text = imported.value.lines.join('\n');
  if (text.trim() === '') return { ok: false, error: '文件里没有可以阅读的报告文本。' };
  let segmented: Report;
  try {
    segmented = segmentReport(text, { typos: file.bundled?.typos });
  } catch (error) {
    return { ok: false, error: `报告无法分段：${error instanceof Error ? error.message : String(error)}` };
  }
  if (segmented.paragraphs.length === 0) return { ok: false, error: '文件里只有标题等报头信息，没有报告正文。' };
  const firstId = segmented.paragraphs[0].id;
  const importRepairs: Repair[] = imported.value.notes.map((n) => {
    const r: Repair = { kind: n.kind, paragraphId: firstId, detail: n.detail };
    if (n.original !== undefined) {
      r.original = n.original;
      r.replacement = '';
    }
    return r;
  });
  const title = reportTitle({
    bundledTitle: file.bundled?.title,
    textTitle: segmented.title,
    openingLines: [...(segmented.front ?? []).map((f) => f.text), ...segmented.paragraphs.slice(0, 8).map((p) => p.text)],
    pageTitle: imported.value.titleHint,
    fileName: file.fileName,
  });
  return {
    ok: true,
    value: {
      ...segmented,
      id: reportId(segmented.fingerprint, file.bundled?.id),
      title,
      format: format.value,
      repairs: [...importRepairs, ...segmented.repairs],
    },
  };
}
