/** 导出批注 / 导入批注 bound to the open report, the store and the host (list buttons and menu). */
import { useCallback } from 'react';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { readStoredRows } from '../../shared/annotations';
import type { ExchangePorts } from './exchange';
import type { LegendEntry } from '../../shared/annotations';
import type { AnnotationRepository } from '../db';
import type { AnnotationStore } from './annotation-store';

/** 导出/导入批注 (研读's own file), and the open formats: W3C Web Annotation, CSV. */
export type ExchangeCommand = 'export' | 'import' | 'export-w3c' | 'import-w3c' | 'export-csv';

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
        apply: async (changes) => {
          await beforeApply();
          await store.importChanges(changes, '导入批注');
        },
        confirm,
        elsewhere,
      };
      try {
        // The file formats, their validation and the merge load on first use, not at start-up.
        const { exportAnnotations, exportOtherFormat, importAnnotations } = await import('./exchange');
        const resolutions = store.getState().resolutions;
        if (cmd === 'export') toast(await exportAnnotations(ports, report, reportTitle, await beforeExport()));
        else if (cmd === 'import') toast(await importAnnotations(ports, report, reportTitle));
        else if (cmd === 'import-w3c') toast(await importAnnotations(ports, report, reportTitle, 'w3c'));
        else toast(await exportOtherFormat(ports, cmd === 'export-csv' ? 'csv' : 'w3c', { report, reportTitle, author, legend, resolutions }));
      } catch (e) {
        // A failed write leaves the store as it was (one transaction).
        toast(`${cmd.startsWith('export') ? '导出' : '导入'}失败：${(e as Error).message}`);
      }
    },
    [store, host, repository, toast, confirm, beforeApply, beforeExport, report, reportTitle, author, legend, elsewhere],
  );
}
