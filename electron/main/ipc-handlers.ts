/**
 * The main-process side of the ReaderHost contract: one handler per `IPC_CHANNELS` entry.
 * Each handler checks the sender, validates its arguments with zod, and resolves to a Result —
 * it never throws across IPC.
 */
import path from 'node:path';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  type HOST_EVENTS,
  type AppInfo,
  type OpenedFile,
  type ReaderHost,
  type Result,
} from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { MAX_OPEN_FILE_BYTES, MAX_REPORT_BYTES } from './file-io';
import { MSG } from './messages';
import { REPORT_EXTENSIONS } from '../../shared/report/load/load-report';
import type { ReportStore } from './report-store';
import type { IpcEventLike } from './security';
import type { BackupDir } from './backup-dir';
import { BACKUP_NAME_PATTERN } from '../../shared/backup/names';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import type { ShelfDir } from './shelf-dir';
import { SHELF_ID_PATTERN } from '../../shared/library/entry';
import { MAX_STORED_REPORT_CHARS } from '../../shared/library/stored-report';

/** The request/response channels (not the main → renderer events `menu:command`, `app:before-close`). */
export type InvokeMethod = Exclude<keyof ReaderHost, (typeof HOST_EVENTS)[number]>;
/** The success value of a ReaderHost method. */
export type HostValue<K extends InvokeMethod> =
  Awaited<ReturnType<ReaderHost[K]>> extends Result<infer V> ? V : never;

/**
 * The invoke event as the handlers see it; generic so the wiring can use Electron's
 * `IpcMainInvokeEvent` (with a real `sender` webContents) and tests a small fake.
 */
export type InvokeEvent = IpcEventLike;

export interface DialogFilter {
  name: string;
  extensions: string[];
}

/** Everything the handlers need from Electron and the disk, injected. */
export interface IpcDeps<E extends InvokeEvent = InvokeEvent> {
  reports: ReportStore;
  /** Reads a user-chosen report file of any supported format (`reportFromFile` with the real loader). */
  openReport(bytes: Uint8Array, name: string): Promise<Result<Report>>;
  /** Native open dialog, parented to the sender's window; the chosen path or null. */
  showOpenDialog(event: E, options: { title: string; filters: DialogFilter[] }): Promise<string | null>;
  /** Native save dialog; the chosen path or null. */
  showSaveDialog(
    event: E,
    options: { title: string; defaultPath: string; filters: DialogFilter[] },
  ): Promise<string | null>;
  /** Reads a file of at most `maxBytes` (`readFileLimited`). */
  readFile(file: string, maxBytes: number): Promise<Result<Uint8Array>>;
  /** Writes atomically (`saveFileAtomic`); the path on success. */
  writeFile(file: string, content: string | Uint8Array): Promise<Result<string>>;
  /** System print dialog for the sender (`printWebContents`). */
  print(event: E): Promise<Result<void>>;
  /** HTML → PDF bytes (`renderHtmlToPdf`); may throw. */
  renderPdf(html: string): Promise<Uint8Array>;
  appInfo(): AppInfo;
  /** The backups folder (`createBackupDir`). */
  backups: BackupDir;
  /** The 书架's reports (`createShelfDir`). */
  shelf: ShelfDir;
}

// ---- payload schemas -------------------------------------------------------------------

/** Upper bounds keep a compromised or buggy renderer from making main allocate without limit. */
const MAX_SAVE_BYTES = 256 * 1024 * 1024;
const MAX_HTML_CHARS = 128 * 1024 * 1024;

const filtersSchema = z
  .array(
    z.object({
      name: z.string().min(1).max(100),
      extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(20),
    }),
  )
  .max(20);

const suggestedNameSchema = z.string().min(1).max(255);

const contentSchema = z.union([
  z.string().max(MAX_SAVE_BYTES),
  z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, '内容过大'),
]);

const ARG_SCHEMAS = {
  listReports: z.tuple([]),
  loadReport: z.tuple([z.string().min(1).max(200)]),
  openReportFile: z.tuple([]),
  readReportFile: z.tuple([
    z.object({
      name: z.string().min(1).max(255),
      // One byte over the loader's limit still reaches it, so the user gets its message.
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_REPORT_BYTES + 1, '内容过大'),
    }),
  ]),
  openFile: z.tuple([z.object({ filters: filtersSchema })]),
  saveFile: z.tuple([z.object({ suggestedName: suggestedNameSchema, content: contentSchema, filters: filtersSchema })]),
  print: z.tuple([]),
  printToPdf: z.tuple([z.object({ html: z.string().min(1).max(MAX_HTML_CHARS), suggestedName: suggestedNameSchema })]),
  appInfo: z.tuple([]),
  listBackups: z.tuple([]),
  writeBackup: z.tuple([z.string().regex(BACKUP_NAME_PATTERN), z.string().max(MAX_EXCHANGE_BYTES)]),
  readBackup: z.tuple([z.string().regex(BACKUP_NAME_PATTERN)]),
  removeBackup: z.tuple([z.string().regex(BACKUP_NAME_PATTERN)]),
  writeShelfReport: z.tuple([z.string().regex(SHELF_ID_PATTERN), z.string().min(2).max(MAX_STORED_REPORT_CHARS)]),
  readShelfReport: z.tuple([z.string().regex(SHELF_ID_PATTERN)]),
  removeShelfReport: z.tuple([z.string().regex(SHELF_ID_PATTERN)]),
} satisfies Record<InvokeMethod, z.ZodType>;

type Args<K extends InvokeMethod> = z.infer<(typeof ARG_SCHEMAS)[K]>;

/** zod issues in Chinese, joined: `[0].filters：无效输入：期望 array，实际接收 undefined`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      return (where ? `${where.replace(/^\./, '')}：` : '') + issue.message;
    })
    .join('；');
}

/**
 * A file name safe to suggest in a save dialog: no directories, no characters Windows forbids,
 * no control characters; falls back to `研读导出` when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.slice(0, 200) || '研读导出';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- handlers ------------------------------------------------------------------------

type Handler<E, K extends InvokeMethod> = (event: E, ...args: Args<K>) => Promise<Result<HostValue<K>>>;

function createImplementations<E extends InvokeEvent>(deps: IpcDeps<E>): { [K in InvokeMethod]: Handler<E, K> } {
  return {
    listReports: () => deps.reports.list(),

    loadReport: (_event, id) => deps.reports.load(id),

    async openReportFile(event) {
      const file = await deps.showOpenDialog(event, {
        title: MSG.dialogOpenReport,
        filters: [
          { name: MSG.filterReports, extensions: [...REPORT_EXTENSIONS] },
          { name: MSG.filterAll, extensions: ['*'] },
        ],
      });
      if (!file) return { ok: true, value: null };
      const bytes = await deps.readFile(file, MAX_REPORT_BYTES);
      if (!bytes.ok) return bytes;
      return deps.openReport(bytes.value, path.basename(file));
    },

    // A file dropped on the window: the renderer has its bytes, main reads them like an opened file.
    readReportFile: (_event, file) => deps.openReport(file.bytes, path.basename(file.name.replace(/\\/g, '/'))),

    async openFile(event, request) {
      const file = await deps.showOpenDialog(event, { title: MSG.dialogOpenFile, filters: request.filters });
      if (!file) return { ok: true, value: null };
      const bytes = await deps.readFile(file, MAX_OPEN_FILE_BYTES);
      if (!bytes.ok) return bytes;
      const opened: OpenedFile = { name: path.basename(file), bytes: bytes.value };
      return { ok: true, value: opened };
    },

    async saveFile(event, request) {
      const file = await deps.showSaveDialog(event, {
        title: MSG.dialogSaveFile,
        defaultPath: sanitizeFileName(request.suggestedName),
        filters: request.filters,
      });
      if (!file) return { ok: true, value: null };
      return deps.writeFile(file, request.content);
    },

    print: (event) => deps.print(event),

    async printToPdf(event, request) {
      // Ask for the destination first: cancelling should not cost a render.
      const file = await deps.showSaveDialog(event, {
        title: MSG.dialogSavePdf,
        defaultPath: sanitizeFileName(request.suggestedName),
        filters: [{ name: MSG.filterPdf, extensions: ['pdf'] }],
      });
      if (!file) return { ok: true, value: null };
      let pdf: Uint8Array;
      try {
        pdf = await deps.renderPdf(request.html);
      } catch (error) {
        return { ok: false, error: MSG.pdfFailed(errorText(error)) };
      }
      return deps.writeFile(file, pdf);
    },

    appInfo: async () => ({ ok: true, value: deps.appInfo() }),
    listBackups: () => deps.backups.list(),
    writeBackup: (_event, name, content) => deps.backups.write(name, content),
    readBackup: (_event, name) => deps.backups.read(name),
    removeBackup: (_event, name) => deps.backups.remove(name),
    writeShelfReport: (_event, id, text) => deps.shelf.write(id, text),
    readShelfReport: (_event, id) => deps.shelf.read(id),
    removeShelfReport: (_event, id) => deps.shelf.remove(id),
  };
}

/** A handler as registered with `ipcMain.handle`: raw event and unvalidated arguments. */
export type RawHandler<E extends InvokeEvent = InvokeEvent> = (event: E, ...args: unknown[]) => Promise<Result<unknown>>;

/**
 * Builds the raw handlers keyed by channel name (`report:load`, …). Each one rejects untrusted
 * senders, validates arguments (Chinese zod messages), and turns any exception into
 * `{ok:false}`.
 */
export function createIpcHandlers<E extends InvokeEvent>(
  deps: IpcDeps<E>,
  isTrustedSender: (event: E) => boolean,
): Record<string, RawHandler<E>> {
  const impl = createImplementations(deps);
  const zhCN = z.locales.zhCN().localeError;
  const handlers: Record<string, RawHandler<E>> = {};
  for (const method of Object.keys(ARG_SCHEMAS) as InvokeMethod[]) {
    const schema = ARG_SCHEMAS[method];
    const run = impl[method] as (event: E, ...args: unknown[]) => Promise<Result<unknown>>;
    handlers[IPC_CHANNELS[method]] = async (event, ...args) => {
      try {
        if (!isTrustedSender(event)) return { ok: false, error: MSG.untrustedSender };
        const parsed = schema.safeParse(args, { error: zhCN });
        if (!parsed.success) return { ok: false, error: MSG.invalidRequest(describeIssues(parsed.error)) };
        return await run(event, ...(parsed.data as unknown[]));
      } catch (error) {
        return { ok: false, error: MSG.unexpected(errorText(error)) };
      }
    };
  }
  return handlers;
}

/** Registers the handlers with `ipcMain.handle`. */
export function registerIpcHandlers<E extends InvokeEvent>(
  ipcMain: { handle(channel: string, listener: RawHandler<E>): void },
  handlers: Record<string, RawHandler<E>>,
): void {
  for (const [channel, handler] of Object.entries(handlers)) ipcMain.handle(channel, handler);
}
