/**
 * Everything the renderer needs from its host (Electron preload bridge or the browser host).
 * Channels are `domain:verb`; every call resolves to a Result and never rejects on expected
 * failures (cancelled dialog → `{ok:true, value:null}`).
 */
import type { Report, ReportMeta } from '../report/model';

export type { Result } from '../result';
import type { Result } from '../result';

export interface SaveFileRequest {
  /** Suggested file name, e.g. `研读摘录.docx`. */
  suggestedName: string;
  /** Text (UTF-8) or bytes. */
  content: string | Uint8Array;
  /** Dialog filters, e.g. `[{name: 'Word 文档', extensions: ['docx']}]`. */
  filters: { name: string; extensions: string[] }[];
}

export interface OpenFileRequest {
  filters: { name: string; extensions: string[] }[];
}

export interface OpenedFile {
  name: string;
  /** Raw bytes; the renderer decodes/validates them. */
  bytes: Uint8Array;
}

export interface PdfRequest {
  /** Self-contained HTML document of the print preview. */
  html: string;
  suggestedName: string;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  platform: string;
}

/** Commands the application menu sends to the renderer (`menu:command`). */
export const MENU_COMMANDS = [
  'open-report',
  'open-shelf',
  'print-excerpts',
  'export-pdf',
  'import-annotations',
  'export-annotations',
  'find',
  'undo',
  'redo',
  'font-bigger',
  'font-smaller',
  'font-reset',
  'toggle-theme',
  'toggle-outline',
  'toggle-annotations',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface ReaderHost {
  /** `report:list`: bundled reports. */
  listReports(): Promise<Result<ReportMeta[]>>;
  /** `report:load`: a bundled report, segmented. */
  loadReport(id: string): Promise<Result<Report>>;
  /**
   * `report:open`: a report file chosen by the user (.txt in any supported encoding, .docx, .pdf,
   * .html/.htm), read by the one loader; null when cancelled.
   */
  openReportFile(): Promise<Result<Report | null>>;
  /** `report:read`: a report file the renderer already has (dropped on the window), read by the same loader. */
  readReportFile(file: OpenedFile): Promise<Result<Report>>;
  /** `file:open`: a file chosen by the user (imports); null when cancelled. */
  openFile(req: OpenFileRequest): Promise<Result<OpenedFile | null>>;
  /** `file:save`: saves through a dialog; the chosen path (or name), null when cancelled. */
  saveFile(req: SaveFileRequest): Promise<Result<string | null>>;
  /** `print:print`: system print dialog for the current page (print CSS decides what shows). */
  print(): Promise<Result<void>>;
  /** `print:pdf`: renders the HTML to an A4 PDF and saves it; path or null when cancelled. */
  printToPdf(req: PdfRequest): Promise<Result<string | null>>;
  /** `app:info`. */
  appInfo(): Promise<Result<AppInfo>>;
  /** `backup:list`: names of the automatic backups kept by the host (shared/backup/names.ts). */
  listBackups(): Promise<Result<string[]>>;
  /** `backup:write`: stores a backup under a BACKUP_NAME_PATTERN name. */
  writeBackup(name: string, content: string): Promise<Result<void>>;
  /** `backup:read`: a backup's text. */
  readBackup(name: string): Promise<Result<string>>;
  /** `backup:remove`: deletes a backup (rotation). */
  removeBackup(name: string): Promise<Result<void>>;
  /** `shelf:write`: keeps a 书架 report (shared/library/stored-report.ts text) under its id. */
  writeShelfReport(id: string, text: string): Promise<Result<void>>;
  /** `shelf:read`: the stored text of a 书架 report (the renderer checks it). */
  readShelfReport(id: string): Promise<Result<string>>;
  /** `shelf:remove`: deletes a 书架 report's stored text (回收站 emptied). */
  removeShelfReport(id: string): Promise<Result<void>>;
  /** `menu:command` (main → renderer): subscribe to menu commands; returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * `app:before-close` (main → renderer): `save` runs when the window is about to close, and the
   * window waits for it (answered on CLOSE_READY_CHANNEL, at most CLOSE_SAVE_TIMEOUT_MS): pending
   * note edits and the reading position reach the disk. Returns an unsubscribe.
   */
  onBeforeClose(save: () => Promise<void>): () => void;
}

/** IPC channel names, shared by main and preload so they cannot drift. */
export const IPC_CHANNELS = {
  listReports: 'report:list',
  loadReport: 'report:load',
  openReportFile: 'report:open',
  readReportFile: 'report:read',
  openFile: 'file:open',
  saveFile: 'file:save',
  print: 'print:print',
  printToPdf: 'print:pdf',
  appInfo: 'app:info',
  listBackups: 'backup:list',
  writeBackup: 'backup:write',
  readBackup: 'backup:read',
  removeBackup: 'backup:remove',
  writeShelfReport: 'shelf:write',
  readShelfReport: 'shelf:read',
  removeShelfReport: 'shelf:remove',
  onMenuCommand: 'menu:command',
  onBeforeClose: 'app:before-close',
} as const satisfies Record<keyof ReaderHost, string>;

/** ReaderHost methods that subscribe to main → renderer events; all others are request/response. */
export const HOST_EVENTS = ['onMenuCommand', 'onBeforeClose'] as const satisfies readonly (keyof ReaderHost)[];

/** renderer → main: every `onBeforeClose` save has settled; the window may close. */
export const CLOSE_READY_CHANNEL = 'app:close-ready';

/** The longest a closing window waits for the renderer's saves. */
export const CLOSE_SAVE_TIMEOUT_MS = 3000;

/** Name of the global the preload exposes (`window.yandu`). */
export const HOST_GLOBAL = 'yandu';
