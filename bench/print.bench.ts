/**
 * 打印摘录 in the real UI (web build, headless Chromium) with many annotations (`--count`, default
 * 20,000) vs 200, measured in the same run:
 *  - open: click 打印摘录 → the preview shows excerpts and the count, and a frame is painted;
 *  - an option change (脚注, 整段, 尾注, back to 随文 and 所在句子) → the preview repainted;
 *  - a key typed into 姓名 → the header repainted.
 * Each time runs from the click (or key) to the frame after the preview's content changed (or its
 * options attributes, when the excerpts shown read the same, e.g. 整段 where every sentence is marked).
 * The records are the annotations-ui bench's, seeded into IndexedDB the same way.
 * `BENCH_PROFILE=1` also prints where one opening and one option change at `--count` spend their
 * main-thread time (CPU profile of an unminified build, plus Chromium's script / style / layout
 * totals); `BENCH_PROFILE=only` prints just that.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Annotation } from '../shared/annotations';
import { segmentReport } from '../shared/report/segment';
import { randomAnnotations } from './annotation-fixtures';
import { build, pageProbe, printProfile, seededContext, serve, serveWebBuild, waitReady, type CpuProfile } from './annotations-ui.bench';
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
      mo.observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
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

/** Arms the opening probe and clicks 打印摘录; resolves with click → preview painted, ms. */
async function openBuilder(page: Page): Promise<number> {
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
  return page.evaluate(() => (window as unknown as { __open: { done: number } }).__open.done);
}

async function session(context: BrowserContext, url: string, n: number): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(pageProbe({ expected: n, list: true }));
  await page.goto(url);
  await waitReady(page);
  const open = await openBuilder(page);
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

async function mainThread(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value * 1000]));
}

/** CPU profile and script/style/layout totals of one opening and one option change (脚注). */
async function profile(browser: Browser, records: Annotation[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'yandu-bench-print-profile-'));
  try {
    build(dir, false);
    const { server, url } = await serve(dir);
    try {
      const context = await seededContext(browser, url, records);
      const page = await context.newPage();
      await page.addInitScript(pageProbe({ expected: records.length, list: true }));
      await page.goto(url);
      await waitReady(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      const step = async (what: string, act: () => Promise<number>) => {
        const m0 = await mainThread(cdp);
        await cdp.send('Profiler.start');
        const wall = await act();
        const prof = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
        const m1 = await mainThread(cdp);
        const d = (k: string) => (m1[k] - m0[k]).toFixed(0);
        printProfile(`${what} with ${records.length} annotations: ${wall.toFixed(0)} ms; script ${d('ScriptDuration')} / style ${d('RecalcStyleDuration')} / layout ${d('LayoutDuration')} / all tasks ${d('TaskDuration')} ms`, dir, prof);
      };
      await step('click 打印摘录 → preview painted', () => openBuilder(page));
      const dialog = page.getByRole('dialog', { name: '打印摘录' });
      await step('option 脚注 → preview repainted', () => timed(page, () => dialog.getByLabel('脚注', { exact: true }).check()));
      await step('option 整段 → preview repainted', () => timed(page, () => dialog.getByLabel('整段', { exact: true }).check()));
      await context.close();
    } finally {
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(options: Record<string, string> = {}): Promise<void> {
  const n = Number(options.count ?? 20000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--count must be a positive integer, got ${options.count}`);
  const report = segmentReport(readFileSync(join(ROOT, 'resources/reports/changzhi-2026/source.txt'), 'utf8'), { id: 'changzhi-2026' });
  const records = randomAnnotations(report, n, { seed: 5000, noteMax: 200 });
  if (process.env.BENCH_PROFILE) {
    const browser = await launch();
    try {
      await profile(browser, records);
    } finally {
      await browser.close();
    }
    if (process.env.BENCH_PROFILE === 'only') return;
  }
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
