/**
 * Seeds annotations straight into the app's IndexedDB (Dexie database `yandu`), with anchors
 * computed by the same shared code the app uses, then reloads the page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createAnchor } from '../../shared/anchoring';
import { newAnnotation, type Annotation, type ColorKey } from '../../shared/annotations';
import { segmentReport } from '../../shared/report/segment';
import type { Report } from '../../shared/report/model';
import { waitForReader } from './browser';

export function bundledReport(): Report {
  return segmentReport(readFileSync('resources/reports/changzhi-2026/source.txt', 'utf8'), { id: 'changzhi-2026' });
}

export interface SeedSpec {
  paragraphId: string;
  start: number;
  end: number;
  color: ColorKey;
  note?: string;
  tags?: string[];
  author?: string;
}

export function makeAnnotations(report: Report, specs: readonly SeedSpec[], t0 = Date.UTC(2026, 10, 1)): Annotation[] {
  return specs.map((s, i) => {
    const anchor = createAnchor(report, { startSegmentId: s.paragraphId, startOffset: s.start, endSegmentId: s.paragraphId, endOffset: s.end });
    if (!anchor) throw new Error(`seed: no anchor for ${s.paragraphId} ${s.start}-${s.end}`);
    return newAnnotation({
      reportId: report.id,
      anchor,
      color: s.color,
      author: s.author ?? '测试代表',
      tags: s.tags,
      note: s.note ? { json: null, text: s.note } : undefined,
      now: t0 + i * 1000,
    });
  });
}

/** Writes the records into IndexedDB of the open page (the app must have opened its DB) and reloads. */
export async function seed(page: Page, records: readonly Annotation[]): Promise<void> {
  const stored = records.map((a) => ({ ...a, deleted: a.deleted ? 1 : 0 }));
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('yandu');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('annotations', 'readwrite');
          for (const r of rows) tx.objectStore('annotations').put(r);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stored,
  );
  await page.reload();
  await waitForReader(page);
}
