/**
 * prepareImport in a worker (see import.worker.ts), the page only receiving the merged records a
 * chunk per task; in-thread where workers are not available (unit tests, a refusing CSP).
 */
import type { Annotation } from '../../shared/annotations';
import type { MergeChange } from '../../shared/exchange';
import type { Report } from '../../shared/report/model';
import { prepareImport, type ImportFormat, type PreparedImport } from '../annotations/exchange';
import { IMPORT_CHUNK, type FromWorker, type ToWorker } from './import-protocol';

export interface PrepareOptions {
  signal?: AbortSignal;
  /** Merged records received of all. */
  onProgress?(done: number, total: number): void;
}

const cancelled = () => Object.assign(new Error('已取消导入，没有任何改动。'), { name: 'ImportCancelled' });

export function prepareImportOffThread(bytes: Uint8Array, local: readonly Annotation[], report: Report, reportTitle: string, format: ImportFormat, opts: PrepareOptions = {}): Promise<PreparedImport> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no workers');
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'yandu-import' });
  } catch {
    return Promise.resolve(prepareImport(bytes, local, report, reportTitle, format));
  }
  return new Promise<PreparedImport>((resolve, reject) => {
    const changes: MergeChange[] = [];
    const finish = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(cancelled());
    };
    opts.signal?.addEventListener('abort', onAbort);
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || '导入文件处理失败'));
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'changes') {
        for (const c of m.changes) changes.push(c);
        opts.onProgress?.(changes.length, m.total);
        return;
      }
      finish();
      if (m.type === 'refused') resolve({ ok: false, error: m.error, other: m.other });
      else resolve({ ok: true, changes, summary: m.summary, from: m.from, skipped: m.skipped, toOthers: m.toOthers });
    };
    const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    void (async () => {
      // Copying records into a message is the page's work: a chunk per task.
      for (let i = 0; i < local.length; i += IMPORT_CHUNK) {
        send({ type: 'local', rows: local.slice(i, i + IMPORT_CHUNK) });
        await new Promise((r) => setTimeout(r, 0));
      }
      const copy = bytes.slice();
      send({ type: 'start', bytes: copy, report, reportTitle, format }, [copy.buffer]);
    })();
  });
}
