/**
 * 导出批注 / 导入批注: a member's highlights and notes as a file for the study group, and the
 * merge of such a file into this store. The format and the merge rules live in shared/exchange;
 * this module joins them to the store and the host's file dialogs, and words the outcome.
 */
import { sortByReadingOrder, type Annotation, type LegendEntry } from '../../shared/annotations';
import type { ResolvedAnchor } from '../../shared/anchoring';
import { parseWebAnnotations, serializeWebAnnotations } from '../../shared/exchange/web-annotation';
import { annotationsToCsv } from '../../shared/export/annotation-csv';
import type { AnnotationChange } from '../../shared/annotations/undo-stack';
import type { ExchangeFile } from '../../shared/exchange/format';
import { changesToOthers, EXCHANGE_MESSAGES, MAX_EXCHANGE_BYTES, mergeAnnotations, parseExchange, serializeExchange, summaryText, type MergeChange, type MergeSummary } from '../../shared/exchange';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';

export const EXCHANGE_FILTERS = [{ name: '研读批注', extensions: ['json'] }];

export interface ExchangePorts {
  host: Pick<ReaderHost, 'openFile' | 'saveFile'>;
  /** Every record of the report, tombstones included (deletes travel too). */
  listAll(reportId: string): Promise<Annotation[]>;
  /** Writes the merged records as one undoable step (large ones in steps, cancellable until committed). */
  apply(changes: AnnotationChange[], opts?: { signal?: AbortSignal; onProgress?(phase: 'write' | 'show', done: number, total: number): void }): Promise<void>;
  /**
   * Asks before a file deletes or rewrites annotations written by someone other than its sender
   * (`changes`): apply everything, only the new annotations, or nothing.
   */
  confirm(changes: MergeChange[], from: string): Promise<ImportChoice>;
  /**
   * A file for another report than the open one (书架): files it there, or says which report it
   * needs; resolves to the message for the user. Without it such a file is refused.
   */
  elsewhere?(file: ExchangeFile): Promise<string>;
}

/** 全部接受 / 仅新增 / 取消. */
export type ImportChoice = 'all' | 'new-only' | 'cancel';

/** A piece of a file name that is safe on every file system (no separators, no spaces). */
const safeNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);

const stamp = (d: Date) => `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;

/** `研读批注-长治市2026年政府工作报告-张三-20261202.json`, safe on every file system. */
export function exchangeFileName(reportTitle: string, author: string, date: Date): string {
  return `研读批注-${safeNamePart(reportTitle) || '报告'}-${safeNamePart(author) || '未署名'}-${stamp(date)}.json`;
}

/** Saves every annotation of `report` (deleted ones as tombstones); the message for the user. */
export async function exportAnnotations(ports: ExchangePorts, report: Report, reportTitle: string, author: string, now = new Date()): Promise<string> {
  const records = await ports.listAll(report.id);
  const live = records.filter((a) => !a.deleted).length;
  if (records.length === 0) return '还没有批注可导出。';
  const content = serializeExchange({
    exportedAt: now.getTime(),
    exportedBy: author,
    report: { id: report.id, title: reportTitle, fingerprint: report.fingerprint },
    annotations: records,
  });
  const saved = await ports.host.saveFile({ suggestedName: exchangeFileName(reportTitle, author, now), content, filters: EXCHANGE_FILTERS });
  if (!saved.ok) return `导出失败：${saved.error}`;
  if (saved.value === null) return '已取消导出。';
  const unsigned = author.trim() === '' ? '（尚未署名：在“署名”中填写姓名，组员才能看出哪些是您的批注）' : '';
  return `已导出 ${live} 条批注到“${saved.value}”，可发给小组成员导入。${unsigned}`;
}

/** The text of an annotation file within the format's size limit; `kind` names it in the refusal. */
function fileText(bytes: Uint8Array, kind: string): { ok: true; value: string } | { ok: false; error: string } {
  if (bytes.byteLength > MAX_EXCHANGE_BYTES) return { ok: false, error: EXCHANGE_MESSAGES.tooLarge(MAX_EXCHANGE_BYTES / 1024 / 1024) };
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `文件不是 UTF-8 文本，不是${kind}。` };
  }
}

/** Decodes and checks a chosen file; the records to merge or the reason it is refused. */
export function readExchangeFile(bytes: Uint8Array, report: Report, reportTitle: string): { ok: true; annotations: Annotation[]; from: string } | { ok: false; error: string; other?: ExchangeFile } {
  const text = fileText(bytes, '研读的批注文件');
  if (!text.ok) return text;
  const parsed = parseExchange(text.value);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  if (file.report.id !== report.id) {
    return { ok: false, error: `这是《${file.report.title}》的批注，当前打开的是《${reportTitle}》，未导入。`, other: file };
  }
  return { ok: true, annotations: file.annotations, from: file.exportedBy };
}

/** Reads a W3C Web Annotation (JSON-LD) file for `report`: its usable records and what was set aside. */
export function readWebAnnotationFile(bytes: Uint8Array, report: Report): { ok: true; annotations: Annotation[]; from: string; skipped: string[] } | { ok: false; error: string } {
  const text = fileText(bytes, ' W3C 标注文件');
  if (!text.ok) return text;
  const parsed = parseWebAnnotations(text.value, report);
  if (!parsed.ok) return parsed;
  return { ok: true, annotations: parsed.value.annotations, from: '', skipped: parsed.value.skipped.map((s) => `第 ${s.n} 条：${s.reason}`) };
}

/**
 * The CPU-heavy half of 导入批注: decode and parse the file, validate every record, merge with
 * the report's own records. Pure, so that it runs in a worker (renderer/import): for 100,000
 * annotations it is seconds of work, and JSON.parse alone one uninterruptible task.
 */
export type ImportFormat = 'yandu' | 'w3c';

export type PreparedImport =
  | {
      ok: true;
      changes: MergeChange[];
      summary: MergeSummary;
      /** The sender named in the file ('' for W3C files). */
      from: string;
      /** Records of a W3C file set aside, as reasons. */
      skipped: string[];
      /** Indexes into `changes` of those that delete or rewrite someone else's annotations. */
      toOthers: number[];
    }
  | { ok: false; error: string; other?: ExchangeFile };

export function prepareImport(bytes: Uint8Array, local: readonly Annotation[], report: Report, reportTitle: string, format: ImportFormat): PreparedImport {
  const file = format === 'w3c' ? readWebAnnotationFile(bytes, report) : { skipped: [] as string[], ...readExchangeFile(bytes, report, reportTitle) };
  if (!file.ok) return file;
  const { changes, summary } = mergeAnnotations(local, file.annotations);
  const others = new Set(changesToOthers(changes, file.from));
  const toOthers: number[] = [];
  changes.forEach((c, i) => others.has(c) && toOthers.push(i));
  return { ok: true, changes, summary, from: file.from, skipped: file.skipped, toOthers };
}

/** Where an import is: reading and merging the file, writing, showing the records. */
export type ImportPhase = 'prepare' | 'write' | 'show';

export interface ImportOptions {
  /** prepareImport elsewhere (a worker); in this thread when absent. */
  prepare?(bytes: Uint8Array, local: readonly Annotation[], format: ImportFormat): Promise<PreparedImport>;
  onProgress?(phase: ImportPhase, done: number, total: number): void;
  /** Cancels the import until its write is committed (nothing is kept). */
  signal?: AbortSignal;
}

/**
 * Lets the user pick a file (研读's exchange file, or W3C Web Annotation JSON-LD from another
 * reader) and merges it; the message for the user (nothing changes on error or cancel).
 */
export async function importAnnotations(ports: ExchangePorts, report: Report, reportTitle: string, format: ImportFormat = 'yandu', opts: ImportOptions = {}): Promise<string> {
  const opened = await ports.host.openFile({ filters: format === 'w3c' ? WEB_ANNOTATION_FILTERS : EXCHANGE_FILTERS });
  if (!opened.ok) return `无法读取文件：${opened.error}`;
  if (opened.value === null) return '已取消导入。';
  opts.onProgress?.('prepare', 0, 0);
  const local = await ports.listAll(report.id);
  const file = opts.prepare ? await opts.prepare(opened.value.bytes, local, format) : prepareImport(opened.value.bytes, local, report, reportTitle, format);
  if (!file.ok && file.other && ports.elsewhere) return ports.elsewhere(file.other);
  if (!file.ok) return `未导入：${file.error}`;
  const setAside = file.skipped.length > 0 ? `；另有 ${file.skipped.length} 条无法定位到正文，未导入（${file.skipped[0]}${file.skipped.length > 1 ? '…' : ''}）` : '';
  let { changes, summary } = file;
  if (file.toOthers.length > 0) {
    const choice = await ports.confirm(file.toOthers.map((i) => file.changes[i]), file.from);
    if (choice === 'cancel') return '已取消导入，没有任何改动。';
    if (choice === 'new-only') {
      changes = changes.filter((c) => c.before === null);
      summary = { ...summary, updated: 0, deleted: 0, restored: 0, tombstonesUpdated: 0, skipped: summary.skipped + (file.changes.length - changes.length) };
    }
  }
  if (opts.signal?.aborted) return '已取消导入，没有任何改动。';
  if (changes.length > 0) await ports.apply(changes, { signal: opts.signal, onProgress: opts.onProgress });
  const who = file.from ? `（来自${file.from}）` : '';
  return `导入${who}：${summaryText(summary)}${setAside}${changes.length > 0 ? '。Ctrl+Z 可撤销' : ''}`;
}

export const WEB_ANNOTATION_FILTERS = [{ name: 'W3C Web Annotation (JSON-LD)', extensions: ['jsonld', 'json'] }];
const CSV_FILTERS = [{ name: '表格（CSV，Excel/WPS 可打开）', extensions: ['csv'] }];

/** Saves the live annotations as CSV (Excel/WPS) or W3C Web Annotation JSON-LD; the message for the user. */
export async function exportOtherFormat(
  ports: Pick<ExchangePorts, 'host' | 'listAll'>,
  format: 'csv' | 'w3c',
  opts: { report: Report; reportTitle: string; author: string; legend: readonly LegendEntry[]; resolutions: ReadonlyMap<string, ResolvedAnchor>; now?: Date },
): Promise<string> {
  const now = opts.now ?? new Date();
  const live = sortByReadingOrder(opts.report, (await ports.listAll(opts.report.id)).filter((a) => !a.deleted), opts.resolutions);
  if (live.length === 0) return '还没有批注可导出。';
  const base = `研读批注-${safeNamePart(opts.reportTitle) || '报告'}-${stamp(now)}`;
  const saved =
    format === 'csv'
      ? await ports.host.saveFile({
          suggestedName: `${base}.csv`,
          content: annotationsToCsv(live, { report: opts.report, legend: opts.legend, resolutions: opts.resolutions, utcOffsetMinutes: -now.getTimezoneOffset() }),
          filters: CSV_FILTERS,
        })
      : await ports.host.saveFile({
          suggestedName: `${base}.jsonld`,
          content: serializeWebAnnotations({ report: { ...opts.report, title: opts.reportTitle }, annotations: live, exportedAt: now.getTime(), exportedBy: opts.author }),
          filters: WEB_ANNOTATION_FILTERS,
        });
  if (!saved.ok) return `导出失败：${saved.error}`;
  if (saved.value === null) return '已取消导出。';
  return `已导出 ${live.length} 条批注到“${saved.value}”。`;
}
