/**
 * ReaderHost for a plain browser (the `npm run web` build and the end-to-end tests): bundled
 * reports are fetched from the static `reports/` folder, files go through `<input type=file>`
 * and downloads, printing through `window.print()`.
 */
import type { OpenedFile, ReaderHost, Result } from '../../shared/ipc/contract';
import type { Report, ReportMeta } from '../../shared/report/model';
import { createBrowserBackups } from './browser-backups';
import { createBrowserShelf } from './browser-shelf';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import { loadReportFile, REPORT_EXTENSIONS } from '../../shared/report/load/load-report';
import { parseKnownTypos, type KnownTypo } from '../../shared/report/typos';
import { browserFormatLibraries } from '../import/format-libraries';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Lets the user pick one file; resolves null when the dialog is cancelled. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Largest file 导入批注 reads: the exchange format's own limit, as in the desktop app. */
export const MAX_OPEN_FILE_BYTES = MAX_EXCHANGE_BYTES;

/** The part of `navigator.storage` used here (absent in old browsers and in jsdom). */
export interface PersistableStorage {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

/**
 * Asks the browser to keep this site's data (annotations, settings) under storage pressure.
 * Without it IndexedDB is "best effort": a browser short of disk may evict it, and every note goes
 * with it. Resolves to whether storage is persistent, or null when the browser cannot say; never
 * rejects (a refusal changes nothing else, the app keeps working).
 */
export async function requestPersistentStorage(storage: PersistableStorage | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  try {
    if (!storage?.persist) return null;
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** A bundled report's known source typos; none when it has no typos.json. */
async function fetchTypos(url: string): Promise<KnownTypo[]> {
  const res = await fetch(url);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return parseKnownTypos(await res.json());
}

/** A file the user chose or dropped, through the same loader Electron's main process uses. */
async function readUserFile(name: string, bytes: Uint8Array): Promise<Result<Report>> {
  const r = await loadReportFile({ bytes, fileName: name }, browserFormatLibraries);
  return r.ok ? r : fail(`报告“${name}”无法读取：${r.error}`);
}

export function createBrowserHost(base = './'): ReaderHost {
  void requestPersistentStorage();
  return {
    ...createBrowserBackups(),
    ...createBrowserShelf(),
    async listReports() {
      try {
        const ids = JSON.parse(new TextDecoder().decode(await fetchBytes(`${base}reports/index.json`))) as string[];
        const metas: ReportMeta[] = [];
        for (const id of ids) {
          metas.push(JSON.parse(new TextDecoder().decode(await fetchBytes(`${base}reports/${id}/meta.json`))));
        }
        return ok(metas);
      } catch (e) {
        return fail(`无法读取报告列表（${(e as Error).message}）。`);
      }
    },
    async loadReport(id) {
      if (!/^[\p{L}\p{N}_-]+$/u.test(id)) return fail('报告编号无效。');
      let bytes: Uint8Array;
      let meta: ReportMeta;
      try {
        [bytes, meta] = await Promise.all([
          fetchBytes(`${base}reports/${id}/source.txt`),
          fetchBytes(`${base}reports/${id}/meta.json`).then((b) => JSON.parse(new TextDecoder().decode(b)) as ReportMeta),
        ]);
      } catch (e) {
        return fail(`无法读取报告“${id}”（${(e as Error).message}）。`);
      }
      let typos: KnownTypo[];
      try {
        typos = await fetchTypos(`${base}reports/${id}/typos.json`);
      } catch (e) {
        return fail(`报告“${meta.title}”的勘误表无法读取（${(e as Error).message}）。`);
      }
      const r = await loadReportFile({ bytes, fileName: 'source.txt', bundled: { id, title: meta.title, typos } }, browserFormatLibraries);
      return r.ok ? r : fail(`报告“${meta.title}”无法读取：${r.error}`);
    },
    async openReportFile() {
      const file = await pickFile([...REPORT_EXTENSIONS].map((e) => `.${e}`).join(','));
      if (!file) return ok(null);
      return readUserFile(file.name, new Uint8Array(await file.arrayBuffer()));
    },
    readReportFile: (file) => readUserFile(file.name, file.bytes),
    async openFile(req) {
      const accept = req.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const file = await pickFile(accept);
      if (!file) return ok<OpenedFile | null>(null);
      // Checked before reading: arrayBuffer() of a huge file would take the tab's memory with it.
      if (file.size > MAX_OPEN_FILE_BYTES) {
        return fail(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），最大只能打开 ${MAX_OPEN_FILE_BYTES / 1024 / 1024} MB 的文件。`);
      }
      return ok<OpenedFile | null>({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    },
    async saveFile(req) {
      const blob = new Blob([req.content as BlobPart], {
        type: typeof req.content === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = req.suggestedName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return ok<string | null>(req.suggestedName);
    },
    async print() {
      window.print();
      return ok(undefined);
    },
    async printToPdf() {
      // A browser cannot write a PDF by itself: its print dialog offers 另存为 PDF.
      window.print();
      return ok<string | null>(null);
    },
    async appInfo() {
      return ok({ name: '研读', version: __APP_VERSION__, host: 'browser' as const, platform: navigator.platform });
    },
    onMenuCommand() {
      // No application menu in a browser: shortcuts are handled by the renderer's key bindings.
      return () => {};
    },
    onBeforeClose(save) {
      // A page cannot hold its closing: start the saves on pagehide and hope they land
      // (Chromium may abort IndexedDB transactions of a page being unloaded).
      const listener = () => void save();
      window.addEventListener('pagehide', listener);
      return () => window.removeEventListener('pagehide', listener);
    },
  };
}
