/** Fixtures for the search tests: the bundled 长治 report through the real segmenter, and notes on it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { segmentReport } from '../../../shared/report/segment';
import type { Report } from '../../../shared/report/model';
import type { NoteRecord } from '../../../shared/search/types';

// vitest runs from the repo root; import.meta.url is not a file: URL under the jsdom environment
export const BUNDLED_PATH = resolve(process.cwd(), 'resources/reports/changzhi-2026/source.txt');

let cached: Report | null = null;

/** The bundled report, segmented once per test file. */
export function bundledReport(): Report {
  cached ??= segmentReport(readFileSync(BUNDLED_PATH, 'utf8'), { id: 'changzhi-2026' });
  return cached;
}

/** The paragraph whose text contains `quote` (throws when none: the fixture assumption broke). */
export function paragraphWith(report: Report, quote: string) {
  const p = report.paragraphs.find((x) => x.text.includes(quote));
  if (!p) throw new Error(`fixture assumption: no paragraph contains ${quote}`);
  return p;
}

/** Three notes on real paragraphs, with different colours, tags and authors. */
export function notesOn(report: Report): NoteRecord[] {
  const coal = paragraphWith(report, '推动煤炭绿色智能转型');
  const biz = paragraphWith(report, '系统推进营商环境集成化改革');
  const pm = paragraphWith(report, 'PM2.5浓度');
  return [
    { annotationId: 'a-coal', paragraphId: coal.id, text: '煤炭转型要兼顾矿区就业，ＰＭ２．５也要跟踪', color: 'yellow', tags: ['能源'], author: '张三', start: coal.text.indexOf('扛牢') },
    { annotationId: 'a-biz', paragraphId: biz.id, text: '营商环境评价指标待核实', color: 'red', tags: ['疑问', '营商'], author: '李四' },
    { annotationId: 'a-pm', paragraphId: pm.id, text: '建议补充空气质量数据来源', color: 'green', tags: [], author: '张三' },
    { annotationId: 'a-orphan', paragraphId: 'p9-9-9', text: '原文已删去的段落上的营商批注', color: 'blue', tags: [], author: '王五' },
  ];
}
