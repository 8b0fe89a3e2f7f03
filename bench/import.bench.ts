/**
 * 导入批注 of a large member file in the real UI (web build, Debian's headless Chromium):
 * `npm run bench import -- --count 100000`, against importing 1,000 in the same run. Each import
 * goes into a fresh profile on the bundled report, from the click on 导入批注… to the list
 * counting every imported annotation with the progress bar gone. Measured in the page: the
 * longest main-thread task meanwhile (PerformanceObserver `longtask`, which reports tasks over
 * 50 ms; 0 = none) and the total time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { serializeExchange } from '../shared/exchange';
import { segmentReport } from '../shared/report/segment';
import { launch } from '../tests/e2e/chromium';
import { randomAnnotations } from './annotation-fixtures';
import { serveWebBuild } from './annotations-ui.bench';
import { printTable } from './lib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = readFileSync(join(ROOT, 'resources/reports/changzhi-2026/source.txt'), 'utf8');

interface ImportSample {
  total: number;
  longest: number;
  /** Long tasks (> 50 ms) during the import. */
  longTasks: number;
  sawProgress: boolean;
}

function exchangeFile(dir: string, n: number): string {
  const report = segmentReport(SOURCE, { id: 'changzhi-2026' });
  const annotations = randomAnnotations(report, n, { seed: 100, noteMax: 120 }).map((a) => ({ ...a, author: '李四' }));
  const file = join(dir, `import-${n}.json`);
  writeFileSync(file, serializeExchange({ exportedAt: Date.now(), exportedBy: '李四', report: { id: report.id, title: '长治市2026年政府工作报告', fingerprint: report.fingerprint }, annotations }));
  return file;
}

async function importOnce(browser: Browser, url: string, file: string, n: number): Promise<ImportSample> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-segment-id]').first().waitFor({ timeout: 120_000 });
  await page.locator('aside[aria-label="批注列表"] .empty').waitFor({ timeout: 120_000 });
  await page.evaluate(`(() => {
    const b = (window.__import = { t0: 0, longest: 0, count: 0, progress: false });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (b.t0 && e.startTime + e.duration > b.t0) { b.longest = Math.max(b.longest, e.duration); b.count++; }
    }).observe({ type: 'longtask' });
    new MutationObserver(() => { if (document.querySelector('.import-progress')) b.progress = true; }).observe(document.body, { childList: true, subtree: true });
  })()`);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.evaluate(`(() => { window.__import.t0 = performance.now(); [...document.querySelectorAll('button')].find((b) => b.textContent === '导入批注…').click(); })()`),
  ]);
  await chooser.setFiles(file);
  await page.waitForFunction(
    (n) => {
      let total = 0;
      for (const c of document.querySelectorAll('aside[aria-label="批注列表"] .color-filter .count')) total += Number(c.textContent);
      return total === n && !document.querySelector('.import-progress');
    },
    n,
    { timeout: 600_000, polling: 100 },
  );
  const r = await page.evaluate(() => {
    const b = (window as unknown as { __import: { t0: number; longest: number; count: number; progress: boolean } }).__import;
    return { total: performance.now() - b.t0, longest: b.longest, longTasks: b.count, sawProgress: b.progress };
  });
  await context.close();
  return r;
}

export default async function bench(options: Record<string, string> = {}): Promise<void> {
  const N = Number(options.count ?? 100_000);
  if (!Number.isInteger(N) || N < 1) throw new Error(`--count must be a positive integer, got ${options.count}`);
  const dir = mkdtempSync(join(tmpdir(), 'yandu-bench-import-'));
  const site = await serveWebBuild('yandu-bench-web-');
  const browser = await launch();
  try {
    const small = exchangeFile(dir, 1000);
    const big = exchangeFile(dir, N);
    process.stderr.write(`[import ${N}] files written\n`);
    const base = await importOnce(browser, site.url, small, 1000);
    const load0 = loadavg()[0];
    const s = await importOnce(browser, site.url, big, N);
    if (!s.sawProgress) throw new Error('bench assumption: the progress bar was shown during the large import');
    const load1 = loadavg()[0];
    printTable(`导入批注 of ${N} vs 1,000 annotations into an empty report (headless Chromium; ${cpus().length} CPUs, load average ${load0.toFixed(1)}–${load1.toFixed(1)})`, [
      { measure: 'longest main-thread task during the import, ms', [`${N}`]: s.longest, '1,000 (baseline)': base.longest, goal: '≤ 100' },
      { measure: 'main-thread tasks over 50 ms', [`${N}`]: s.longTasks, '1,000 (baseline)': base.longTasks, goal: '' },
      { measure: 'click 导入批注… → all listed, progress bar gone, ms', [`${N}`]: s.total, '1,000 (baseline)': base.total, goal: '' },
    ]);
  } finally {
    await browser.close();
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
