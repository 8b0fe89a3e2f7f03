/**
 * Annotation store and re-anchoring at 5,000 annotations on the bundled report (Node,
 * fake-indexeddb standing in for Chromium's IndexedDB, so absolute DB times are only indicative):
 *  - bulk insert (validated AnnotationRepository.bulkPut into a fresh YanduDB) vs a plain Map;
 *  - load a report's live annotations (listByReport via the [reportId+deleted] index) vs a Map scan;
 *  - re-anchor all 5,000 (resolveAnchor) on the same edition and on a corrected edition
 *    (typo fixed, a paragraph and a sentence inserted, one passage deleted) vs `indexOf` of
 *    each quote, the cheapest thing that could possibly work (and which cannot tell repeated
 *    phrases apart nor survive any edit inside a quote).
 * The UI render timings are added by the reader's own bench.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAnchor } from '../shared/anchoring';
import { annotationSchema } from '../shared/annotations';
import type { Annotation } from '../shared/annotations/model';
import type { Report } from '../shared/report/model';
import { segmentReport } from '../shared/report/segment';
import { randomAnnotations } from './annotation-fixtures';
import { AnnotationRepository, YanduDB } from '../renderer/db';
import { measure, printTable, ratio, type Row } from './lib';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = readFileSync(join(here, '../resources/reports/changzhi-2026/source.txt'), 'utf8');
const N = 5000;

function makeAnnotations(report: Report, n: number): Annotation[] {
  return randomAnnotations(report, n, { seed: 2026, noteMax: 300 });
}

function correctedEdition(): Report {
  const once = (s: string, find: string, replace: string) => {
    const at = s.indexOf(find);
    if (at === -1) throw new Error(`bench assumption: source contains ${find}`);
    return s.slice(0, at) + replace + s.slice(at + find.length);
  };
  let s = SOURCE;
  s = once(s, '丰炉煤气', '焦炉煤气');
  s = once(s, '四是城乡发展加力提速。', '三是对外开放迈出新步伐。\n\n四是城乡发展加力提速。');
  s = once(s, '前瞻布局未来产业。', '前瞻布局未来产业。坚持需求牵引、场景驱动。');
  s = once(s, '打造高水平孵化平台和加速器,', '');
  return segmentReport(s, { id: 'changzhi-2026' });
}

export default async function bench(): Promise<void> {
  const report = segmentReport(SOURCE, { id: 'changzhi-2026' });
  const records = makeAnnotations(report, N);
  let dbSeq = 0;

  // --- store ---------------------------------------------------------------------------
  const insertDb = await measure(async () => {
    const db = new YanduDB({ name: `bench-insert-${dbSeq++}` });
    await new AnnotationRepository(db).apply(records.map((record) => ({ kind: 'create', record })));
    db.close();
    await db.delete();
  }, 5, 1);
  let mapSize = 0;
  const insertMap = await measure(() => {
    // Copies, as a store would keep its own objects.
    const m = new Map<string, Annotation>();
    for (const r of records) m.set(r.id, { ...r, anchor: { ...r.anchor }, note: { ...r.note }, tags: [...r.tags] });
    mapSize += m.size;
  }, 20, 3);
  const validateOnly = await measure(() => {
    for (const r of records) annotationSchema.parse(r);
  }, 10, 2);

  const loadDbName = `bench-load-${Date.now()}`;
  const seedDb = new YanduDB({ name: loadDbName });
  await new AnnotationRepository(seedDb).apply(records.map((record) => ({ kind: 'create', record })));
  seedDb.close();
  let loaded = 0;
  const loadDb = await measure(async () => {
    // A fresh connection each time, as after an app start.
    const db = new YanduDB({ name: loadDbName });
    loaded = (await new AnnotationRepository(db).listByReport(report.id)).length;
    db.close();
  }, 5, 1);
  const map = new Map(records.map((r) => [r.id, r]));
  const loadMap = await measure(() => {
    mapSize += [...map.values()].filter((a) => a.reportId === report.id && !a.deleted).length;
  }, 20, 3);
  await new YanduDB({ name: loadDbName }).delete();
  if (loaded !== N || mapSize === 0) throw new Error(`bench assumption: loaded ${loaded} of ${N}`);

  printTable(`annotation store, ${N} annotations (fake-indexeddb in Node)`, [
    { step: 'bulk insert', subject: 'AnnotationRepository.bulkPut vs Map.set of copies', 'p50 ms': insertDb.p50, 'p95 ms': insertDb.p95, 'baseline p50 ms': insertMap.p50, ratio: ratio(insertDb.p50, insertMap.p50) },
    { step: '  of which zod validation', subject: 'annotationSchema.parse ×N', 'p50 ms': validateOnly.p50, 'p95 ms': validateOnly.p95, 'baseline p50 ms': insertMap.p50, ratio: ratio(validateOnly.p50, insertMap.p50) },
    { step: 'load one report', subject: 'listByReport (new connection) vs Map scan', 'p50 ms': loadDb.p50, 'p95 ms': loadDb.p95, 'baseline p50 ms': loadMap.p50, ratio: ratio(loadDb.p50, loadMap.p50) },
  ] satisfies Row[]);

  // --- re-anchoring ----------------------------------------------------------------------
  const edited = correctedEdition();
  const rows: Row[] = [];
  for (const [name, target] of [
    ['same edition', report],
    ['corrected edition', edited],
  ] as const) {
    // resolveAnchor caches a per-report index; a fresh Report copy per run includes building it.
    const resolved = await measure(() => {
      const r = { ...target };
      for (const a of records) resolveAnchor(r, a.anchor);
    }, 5, 1);
    let sink = 0;
    const naive = await measure(() => {
      for (const a of records) sink += target.text.indexOf(a.anchor.quote);
    }, 20, 3);
    if (sink === 0) throw new Error('bench assumption: indexOf found something');
    const counts: Record<string, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
    let naiveWrong = 0;
    for (const a of records) {
      const r = resolveAnchor(target, a.anchor);
      counts[r.status]++;
      // How often plain indexOf would pick another place than the one resolveAnchor chose.
      const at = target.text.indexOf(a.anchor.quote);
      if (r.status !== 'orphan') {
        const p = target.paragraphs.find((x) => x.id === r.segmentId)!;
        if (at !== p.start + r.start) naiveWrong++;
      }
    }
    rows.push({
      edition: name,
      'resolveAnchor ×N p50 ms': resolved.p50,
      'p95 ms': resolved.p95,
      'indexOf ×N p50 ms': naive.p50,
      ratio: ratio(resolved.p50, naive.p50),
      exact: counts.exact,
      moved: counts.moved,
      fuzzy: counts.fuzzy,
      orphan: counts.orphan,
      'indexOf disagrees': naiveWrong,
    });
  }
  printTable(`re-anchoring ${N} annotations on the bundled report`, rows);
}
