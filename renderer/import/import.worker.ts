/**
 * Runs prepareImport off the page's thread. Records travel in chunks both ways: one message
 * with 100,000 records costs the page one long task to copy it in.
 */
import type { Annotation } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { prepareImport, type ImportFormat } from '../annotations/exchange';
import { IMPORT_CHUNK, type FromWorker, type ToWorker } from './import-protocol';

const local: Annotation[] = [];
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'local') {
    for (const a of m.rows) local.push(a);
    return;
  }
  const r = prepareImport(m.bytes, local, m.report as Report, m.reportTitle, m.format as ImportFormat);
  if (!r.ok) {
    post({ type: 'refused', error: r.error, other: r.other });
    return;
  }
  for (let i = 0; i < r.changes.length; i += IMPORT_CHUNK) post({ type: 'changes', changes: r.changes.slice(i, i + IMPORT_CHUNK), total: r.changes.length });
  post({ type: 'done', summary: r.summary, from: r.from, skipped: r.skipped, toOthers: r.toOthers });
};
