/** Messages between the page and import.worker.ts. */
import type { Annotation } from '../../shared/annotations';
import type { ExchangeFile } from '../../shared/exchange/format';
import type { MergeChange, MergeSummary } from '../../shared/exchange';
import type { Report } from '../../shared/report/model';
import type { ImportFormat } from '../annotations/exchange';

/** Records per message. */
export const IMPORT_CHUNK = 2000;

export type ToWorker =
  | { type: 'local'; rows: Annotation[] }
  | { type: 'start'; bytes: Uint8Array; report: Report; reportTitle: string; format: ImportFormat };

export type FromWorker =
  | { type: 'refused'; error: string; other?: ExchangeFile }
  | { type: 'changes'; changes: MergeChange[]; total: number }
  | { type: 'done'; summary: MergeSummary; from: string; skipped: string[]; toOthers: number[] };
