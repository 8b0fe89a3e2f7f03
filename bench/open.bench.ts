/**
 * Opening a report file in the browser host: from the file chosen in 打开报告 to its first
 * paragraph painted with the new title, for one ~60,000-character report as .txt (baseline,
 * measured in the same run), .docx, .pdf (A4, printed by Chromium) and .html (a saved site page).
 * Goal: under 1 s each on this machine. A second table times the loader alone (bytes → Report:
 * decode or extract, then segment) in Node, so the share of extraction and of painting can be told
 * apart.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { cleanLines, cleanText, type CleanLine } from '../tests/fixtures/formats/clean-report';
import { makeDocx } from '../tests/fixtures/formats/make-docx';
import { makeHtml } from '../tests/fixtures/formats/make-html';
import { makePdf } from '../tests/fixtures/formats/make-pdf';
import { nodeFormatLibraries } from '../electron/main/format-libraries';
import { loadReportFile } from '../shared/report/load/load-report';
import { startWebHarness } from './browser-harness';
import { measure, printTable, ratio, type Row } from './lib';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/provincial-2026');
const TARGET_CHARS = 60_000;

/** One long report: 浙江's whole text, then the body paragraphs of further reports until ~60k characters. */
function longReport(): CleanLine[] {
  const [first, ...rest] = ['浙江省', '安徽省', '湖北省', '上海市'].map((p) => cleanLines(readFileSync(join(corpus, `2026_${p}_政府工作报告.txt`), 'utf8')));
  const lines = [...first];
  let chars = lines.reduce((n, l) => n + l.text.length, 0);
  for (const more of rest) {
    for (const l of more) {
      if (l.kind !== 'body' || chars >= TARGET_CHARS) continue;
      lines.push(l);
      chars += l.text.length;
    }
  }
  return lines;
}

async function openOnce(page: Page, url: string, name: string, bytes: Uint8Array, title: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-segment-id]').first().waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '书架', exact: true }).click();
  await page.getByRole('button', { name: '添加报告文件…' }).click();
  const file = await chooser;
  await page.evaluate(() => {
    (window as unknown as { __t0: number }).__t0 = performance.now();
  });
  await file.setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await page.waitForFunction(
    (t) => document.querySelector('h1.report-title')?.textContent === t && document.querySelector('[data-segment-id="p0-0-1"]') !== null,
    title,
    { timeout: 30_000, polling: 'raf' },
  );
}

export default async function run(): Promise<void> {
  const h = await startWebHarness();
  if (!h) return;
  try {
    const lines = longReport();
    const text = cleanText(lines);
    const title = lines.find((l) => l.kind === 'title')!.text;
    const files: [format: string, name: string, bytes: Uint8Array][] = [
      ['.txt (baseline)', 'report.txt', new TextEncoder().encode(text)],
      ['.docx', 'report.docx', await makeDocx(lines, '政府工作报告')],
      ['.pdf', 'report.pdf', await makePdf(h.browser, lines, '政府工作报告')],
      ['.html', 'report.html', new TextEncoder().encode(makeHtml(lines, '某省人民政府'))],
    ];
    const loaderRows: Row[] = [];
    let loaderBaseline = 0;
    for (const [format, name, bytes] of files) {
      const s = await measure(async () => {
        const r = await loadReportFile({ bytes, fileName: name }, nodeFormatLibraries);
        if (!r.ok) throw new Error(`${name}: ${r.error}`);
      }, 5, 1);
      if (loaderBaseline === 0) loaderBaseline = s.p50;
      loaderRows.push({ format, 'load + segment p50 ms': s.p50, 'max ms': s.max, 'vs .txt': ratio(s.p50, loaderBaseline) });
    }
    printTable('Loader alone (Node, same files): bytes → Report, 5 runs each after one warm-up', loaderRows);
    const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const results: Row[] = [];
    let baseline = 0;
    for (const [format, name, bytes] of files) {
      // measure() includes reloading the reader; the in-page clock gives the open alone.
      const opens: number[] = [];
      await measure(async () => {
        await openOnce(page, h.url, name, bytes, title);
        opens.push(await page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0));
      }, 5, 1);
      const s = [...opens].sort((a, b) => a - b);
      const p50 = s[Math.floor(s.length / 2)];
      if (baseline === 0) baseline = p50;
      results.push({ format, 'file KB': Math.round(bytes.length / 1024), characters: text.length, 'open→paint p50 ms': p50, 'max ms': s[s.length - 1], 'vs .txt': ratio(p50, baseline), 'goal < 1 s': p50 < 1000 ? 'yes' : 'no' });
    }
    await context.close();
    printTable('打开报告: file chosen → first paragraph painted (browser host, Chromium headless, 5 runs each)', results);
  } finally {
    await h.close();
  }
}
