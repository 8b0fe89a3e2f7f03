/** 导出批注 / 导入批注 bound to the open report, the store and the host (list buttons and menu). */
import { useCallback } from 'react';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { readStoredRows } from '../../shared/annotations';
import type { ExchangePorts } from './exchange';
import type { LegendEntry } from '../../shared/annotations';
import type { AnnotationRepository } from '../db';
import type { AnnotationStore } from './annotation-store';
import { importProgress } from '../import/import-progress';

/** 导出/导入批注 (研读's own file), and the open formats: W3C Web Annotation, CSV. */
export type ExchangeCommand = 'export' | 'import' | 'export-w3c' | 'import-w3c' | 'export-csv';

/**
 * importAnnotations with the file's parsing and merge in a worker and the progress bar: 取消
 * aborts until the write is committed; after that the bar only follows the records being shown.
 */
async function runImport(ports: ExchangePorts, report: Report, reportTitle: string, format: 'yandu' | 'w3c'): Promise<string> {
  const { importAnnotations } = await import('./exchange');
  const { prepareImportOffThread } = await import('../import/import-client');
  const abort = new AbortController();
  const cancel = () => abort.abort();
  return importAnnotations(ports, report, reportTitle, format, {
    signal: abort.signal,
    prepare: (bytes, local, f) =>
      prepareImportOffThread(bytes, local, report, reportTitle, f, {
        signal: abort.signal,
        onProgress: (done, total) => importProgress.set({ phase: 'prepare', done, total, cancel }),
      }),
    onProgress: (phase, done, total) => importProgress.set({ phase, done, total, cancel: phase === 'show' ? null : cancel }),
  });
}

export function useExchange(opts: {
  store: AnnotationStore;
  report: Report | null;
  reportTitle: string;
  author: string;
  legend: readonly LegendEntry[];
  host: ReaderHost;
  repository: Pick<AnnotationRepository, 'listByReport'>;
  toast(text: string): void;
  /** Asks the user about changes to others' annotations (ImportReviewDialog). */
  confirm: ExchangePorts['confirm'];
  /** Runs before an import writes anything (the backup); throwing stops the import. */
  beforeApply(): Promise<void>;
  /** Before 导出批注: may ask for a 署名 and sign unsigned annotations; the name to export under. */
  beforeExport(): Promise<string>;
  /** A member's file for another 书架 report (ExchangePorts.elsewhere). */
  elsewhere?: ExchangePorts['elsewhere'];
}): (cmd: ExchangeCommand) => Promise<void> {
  const { store, report, reportTitle, author, legend, host, repository, toast, confirm, beforeApply, beforeExport, elsewhere } = opts;
  return useCallback(
    async (cmd) => {
      if (!report) return;
      await store.flushNote();
      const ports: ExchangePorts = {
        host,
        // Through validation: a damaged row is never exported to the group.
        listAll: async (id) => [...readStoredRows(await repository.listByReport(id, { includeDeleted: true })).records.values()],
        apply: async (changes, o) => {
          await beforeApply();
          await store.importChanges(changes, '导入批注', o);
        },
        confirm,
        elsewhere,
      };
      try {
        // The file formats, their validation and the merge load on first use, not at start-up.
        const { exportAnnotations, exportOtherFormat } = await import('./exchange');
        const resolutions = store.getState().resolutions;
        if (cmd === 'export') toast(await exportAnnotations(ports, report, reportTitle, await beforeExport()));
        else if (cmd === 'import' || cmd === 'import-w3c') toast(await runImport(ports, report, reportTitle, cmd === 'import' ? 'yandu' : 'w3c'));
        else toast(await exportOtherFormat(ports, cmd === 'export-csv' ? 'csv' : 'w3c', { report, reportTitle, author, legend, resolutions }));
      } catch (e) {
        // A failed or cancelled write leaves the store as it was (one transaction).
        if ((e as Error).name === 'ImportCancelled') toast('已取消导入，没有任何改动。');
        else toast(`${cmd.startsWith('export') ? '导出' : '导入'}失败：${(e as Error).message}`);
      } finally {
        importProgress.set(null);
      }
    },
    [store, host, repository, toast, confirm, beforeApply, beforeExport, report, reportTitle, author, legend, elsewhere],
  );
}
