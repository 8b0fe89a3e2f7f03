/**
 * 打印摘录 in the real UI (web build, headless Chromium) with many annotations (`--count`, default
 * 20,000) vs 200, measured in the same run:
 *  - open: click 打印摘录 → the preview shows excerpts and the count, and a frame is painted;
 *  - an option change (脚注, 整段, 尾注, back to 随文 and 所在句子) → the preview repainted;
 *  - a key typed into 姓名 → the header repainted.
 * Each time runs from the click (or key) to the frame after the preview's content changed.
 * The records are the annotations-ui bench's, seeded into IndexedDB the same way.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { segmentReport } from '../shared/report/segment';
import { randomAnnotations } from './annotation-fixtures';
import { pageProbe, seededContext, serveWebBuild, waitReady } from './annotations-ui.bench';
import { launch } from '../tests/e2e/chromium';
import { printTable, ratio, stats, type Stats } from './lib';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');
const BASELINE = 200;
const ROUNDS = 3;

/** Click (or key) → the preview's content replaced → the next frame; ms. */
async function timed(page: Page, act: () => Promise<void>, target = '.excerpt-builder .excerpt-preview'): Promise<number> {
  await page.evaluate(`(() => {
    const r = (window.__print = { t0: 0, done: 0 });
    const arm = () => {
      const el = document.querySelector('${target}');
      if (!el) return requestAnimationFrame(arm);
      const mo = new MutationObserver(() => {
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => (r.done = performance.now() - r.t0), 0));
      });
      mo.observe(el, { childList: true, subtree: true, characterData: true });
    };
    for (const type of ['click', 'keydown']) window.addEventListener(type, () => { if (!r.t0) { r.t0 = performance.now(); arm(); } }, { capture: true, once: true });
  })()`);
  await act();
  await page.waitForFunction(() => (window as unknown as { __print: { done: number } }).__print.done > 0, undefined, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => (window as unknown as { __print: { done: number } }).__print.done);
}

interface Sample {
  open: number;
  option: number[];
  name: number;
  excerpts: string;
}

async function session(context: BrowserContext, url: string, n: number): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(pageProbe({ expected: n, list: true }));
  await page.goto(url);
  await waitReady(page);
  // Opening: the dialog does not exist yet, so time up to its first excerpts and a frame.
  await page.evaluate(`(() => {
    const r = (window.__open = { t0: 0, done: 0 });
    window.addEventListener('click', () => {
      r.t0 = performance.now();
      const poll = () => {
        const status = document.querySelector('.excerpt-builder .excerpt-status');
        if (document.querySelector('.excerpt-builder .excerpt-preview .yd-excerpt') && status && /共 \\d+ 条摘录/.test(status.textContent))
          requestAnimationFrame(() => setTimeout(() => (r.done = performance.now() - r.t0), 0));
        else setTimeout(poll, 2);
      };
      poll();
    }, { capture: true, once: true });
  })()`);
  await page.getByRole('button', { name: '打印摘录' }).click();
  await page.waitForFunction(() => (window as unknown as { __open: { done: number } }).__open.done > 0, undefined, { timeout: 120_000, polling: 50 });
  const open = await page.evaluate(() => (window as unknown as { __open: { done: number } }).__open.done);
  const excerpts = (await page.locator('.excerpt-builder .excerpt-status').first().textContent()) ?? '';
  const dialog = page.getByRole('dialog', { name: '打印摘录' });
  const option: number[] = [];
  for (const label of ['脚注', '整段', '尾注', '随文', '所在句子']) option.push(await timed(page, () => dialog.getByLabel(label, { exact: true }).check()));
  const name = await timed(page, async () => {
    await dialog.getByLabel('姓名').focus();
    await page.keyboard.press('A');
  });
  await page.close();
  return { open, option, name, excerpts };
}

export default async function bench(options: Record<string, string> = {}): Promise<void> {
  const n = Number(options.count ?? 20000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--count must be a positive integer, got ${options.count}`);
  const report = segmentReport(readFileSync(join(ROOT, 'resources/reports/changzhi-2026/source.txt'), 'utf8'), { id: 'changzhi-2026' });
  const records = randomAnnotations(report, n, { seed: 5000, noteMax: 200 });
  const site = await serveWebBuild('yandu-bench-print-');
  const { url } = site;
  const browser = await launch();
  try {
    const small = await seededContext(browser, url, records.slice(0, BASELINE));
    const big = await seededContext(browser, url, records);
    const s0: Sample[] = [];
    const sN: Sample[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      s0.push(await session(small, url, BASELINE));
      sN.push(await session(big, url, n));
    }
    await small.close();
    await big.close();
    const row = (measure: string, a: Stats, b: Stats, goal: string) => ({ measure, 'p50 ms': a.p50, 'p95 ms': a.p95, 'baseline p50 ms': b.p50, ratio: ratio(a.p50, b.p50), goal });
    printTable(
      `打印摘录 with ${n} annotations vs ${BASELINE} (${sN[0].excerpts.trim()} vs ${s0[0].excerpts.trim()}; headless Chromium, ${ROUNDS} rounds; ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)})`,
      [
        row('click 打印摘录 → preview painted', stats(sN.map((s) => s.open)), stats(s0.map((s) => s.open)), n >= 20000 ? '≤ 1000' : ''),
        row('option change (脚注/整段/尾注/随文/所在句子) → preview repainted', stats(sN.flatMap((s) => s.option)), stats(s0.flatMap((s) => s.option)), n >= 20000 ? '≤ 500' : ''),
        row('key typed in 姓名 → header repainted', stats(sN.map((s) => s.name)), stats(s0.map((s) => s.name)), ''),
      ],
    );
  } finally {
    await browser.close();
    site.close();
  }
}
