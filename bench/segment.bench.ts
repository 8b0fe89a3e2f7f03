/**
 * Segmentation time: the bundled report and a 100× larger synthetic report, each against a
 * naive baseline over the same input (blank-line split + sentence regex) measured in the same run.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentReport } from '../shared/report/segment';
import { measure, printTable, ratio, type Row } from './lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every non-heading block of the bundled report repeated 100× in place (headings once). */
function synthetic(source: string, times: number): string {
  return source
    .split(/\n\s*\n/)
    .map((block) => (/^\s*([一二三四五六七八九十]、|[（(][一二三四五六七八九十]+[）)][^。]*。?\s*$)/.test(block) || block.trim() === '' ? block : Array(times).fill(block).join('\n\n')))
    .join('\n\n');
}

/** What a reader without a segmenter would do: paragraphs by blank lines, sentences by regex. */
function baseline(text: string): number {
  let n = 0;
  for (const para of text.split(/\n\s*\n/)) n += (para.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? []).length;
  return n;
}

export default async function run(): Promise<void> {
  const bundled = readFileSync(join(root, 'resources/reports/changzhi-2026/source.txt'), 'utf8');
  const big = synthetic(bundled, 100);
  const rows: Row[] = [];
  for (const [name, text, iterations] of [
    ['bundled report', bundled, 30],
    ['100× synthetic', big, 5],
  ] as const) {
    const paragraphs = segmentReport(text).paragraphs.length;
    const seg = await measure(() => segmentReport(text), iterations, 2);
    const base = await measure(() => baseline(text), iterations, 2);
    rows.push({
      input: name,
      chars: text.length,
      paragraphs,
      'segment p50 ms': seg.p50,
      'segment p95 ms': seg.p95,
      'baseline p50 ms': base.p50,
      'segment / baseline': ratio(seg.p50, base.p50),
    });
  }
  printTable('segmentReport vs naive split (same input, same run)', rows);
}
