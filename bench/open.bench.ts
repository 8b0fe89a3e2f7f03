/**
 * Opening a report file in the browser host: from the file chosen in 打开报告 to its first
 * paragraph painted with the new title, for one ~60,000-character report as .txt (baseline,
 * measured in the same run), .docx, .pdf (A4, printed by Chromium) and .html (a saved site page).
 * Goal: under 1 s each on this machine. A second table times the loader alone (bytes → Report:
 * decode or extract, then segment) in Node, so the share of extraction and of painting can be told
 * apart. `BENCH_PROFILE=1` adds a CPU profile of one open per format in an unminified build
 * (self time per module and function; layout and style show as "(program)").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { build, printProfile, serve, type CpuProfile } from './annotations-ui.bench';
import { cleanText } from '../tests/fixtures/formats/clean-report';
import { longReport } from '../tests/fixtures/formats/long-report';
import { makeDocx } from '../tests/fixtures/formats/make-docx';
import { makeHtml } from '../tests/fixtures/formats/make-html';
import { makePdf } from '../tests/fixtures/formats/make-pdf';
import { nodeFormatLibraries } from '../electron/main/format-libraries';
import { loadReportFile } from '../shared/report/load/load-report';
import { toDisplayText } from '../shared/report/display';
import { startWebHarness } from './browser-harness';
import { measure, printTable, ratio, stats, type Row } from './lib';

interface OpenHooks {
  before?: (context: BrowserContext, page: Page) => Promise<void>;
  after?: (times: OpenTimes) => Promise<void>;
}

interface OpenTimes {
  /** File handed to the page → the new report's title and first body paragraph on screen. */
  first: number;
  /** … → its last paragraph in the DOM (the whole report painted). */
  all: number;
}

/**
 * One open in a fresh browser profile (an empty shelf, as a user adding a new report has; a
 * profile that already holds the report would reopen its last copy instead). Times are read at
 * the first animation frame that shows the state, with the page's own clock.
 */
async function openOnce(browser: Browser, url: string, name: string, bytes: Uint8Array, expect: { title: string; lastId: string; head: string }, hooks: OpenHooks = {}): Promise<OpenTimes> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-segment-id]').first().waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '书架', exact: true }).click();
    await page.getByRole('button', { name: '添加报告文件…' }).click();
    const file = await chooser;
    await hooks.before?.(context, page);
    // A string, not a function: tsx would wrap the inner named function in a helper the page lacks.
    await page.evaluate(`(() => {
      const title = ${JSON.stringify(expect.title)}, lastId = ${JSON.stringify(expect.lastId)}, head = ${JSON.stringify(expect.head)};
      const o = (window.__open = { t0: performance.now() });
      const tick = () => {
        if (document.querySelector('h1.report-title')?.textContent === title) {
          // Its own first paragraph: the title may change a frame before the old report's text goes.
          if (o.first === undefined && document.querySelector('[data-segment-id="p0-0-1"]')?.textContent.startsWith(head)) o.first = performance.now() - o.t0;
          if (o.all === undefined && document.querySelector('[data-segment-id="' + lastId + '"]')) o.all = performance.now() - o.t0;
        }
        if (o.first === undefined || o.all === undefined) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await file.setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await page.waitForFunction(() => (window as unknown as { __open: { all?: number } }).__open.all !== undefined, null, { timeout: 60_000 });
    const times = await page.evaluate(() => (window as unknown as { __open: OpenTimes }).__open);
    await hooks.after?.(times);
    return times;
  } finally {
    await context.close();
  }
}

/** One profiled open per format, in an unminified build so the profile names modules. */
async function profileOpens(browser: Browser, files: [string, string, Uint8Array][], expect: { title: string; lastId: string; head: string }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'yandu-bench-open-profile-'));
  try {
    build(dir, false);
    const { server, url } = await serve(dir);
    try {
      for (const [format, name, bytes] of files) {
        let cdp: CDPSession | null = null;
        await openOnce(browser, url, name, bytes, expect, {
          async before(context, page) {
            cdp = await context.newCDPSession(page);
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
            await cdp.send('Profiler.start');
          },
          async after(t) {
            const prof = ((await cdp!.send('Profiler.stop')) as { profile: CpuProfile }).profile;
            printProfile(`CPU profile of opening ${format} (first paragraph ${t.first.toFixed(0)} ms, all ${t.all.toFixed(0)} ms)`, dir, prof);
          },
        });
      }
    } finally {
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(options: Record<string, string> = {}): Promise<void> {
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
    // `--format pdf`: that format only (the .txt baseline is always measured).
    if (options.format) files.splice(1, files.length, ...files.slice(1).filter(([f]) => f.includes(options.format)));
    const parsed = await loadReportFile({ bytes: files[0][2], fileName: 'report.txt' }, nodeFormatLibraries);
    if (!parsed.ok) throw new Error(parsed.error);
    const head = toDisplayText(parsed.value.paragraphs.find((p) => p.id === 'p0-0-1')!.text).slice(0, 8);
    const expect = { title, lastId: parsed.value.paragraphs.at(-1)!.id, head };
    if (process.env.BENCH_PROFILE) {
      await profileOpens(h.browser, files, expect);
      if (process.env.BENCH_PROFILE === 'only') return;
    }
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
    const results: Row[] = [];
    let baseline = 0;
    const runs = Number(process.env.BENCH_ITER ?? 5);
    for (const [format, name, bytes] of files) {
      const times: OpenTimes[] = [];
      await openOnce(h.browser, h.url, name, bytes, expect); // warm-up: the format's chunk into the HTTP cache
      for (let i = 0; i < runs; i++) times.push(await openOnce(h.browser, h.url, name, bytes, expect));
      const first = stats(times.map((t) => t.first));
      const all = stats(times.map((t) => t.all));
      if (baseline === 0) baseline = first.p50;
      results.push({
        format,
        'file KB': Math.round(bytes.length / 1024),
        'open→first paint p50 ms': first.p50,
        'max ms': first.max,
        'vs .txt': ratio(first.p50, baseline),
        'open→all painted p50 ms': all.p50,
        'goal < 1 s': first.p50 < 1000 ? 'yes' : 'no',
      });
    }
    const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
    printTable(`打开报告 of ${text.length} characters, ${parsed.value.paragraphs.length} paragraphs: file chosen → first paragraph painted (browser host, Chromium headless, fresh profile, ${runs} runs each; load average ${load})`, results);
  } finally {
    await h.close();
  }
}
