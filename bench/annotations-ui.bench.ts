/**
 * Highlights in the real UI (web build in Debian's headless Chromium), 5,000 annotations on the
 * bundled report vs the same page with none, measured in the same run:
 *  - load: navigation start → every annotation drawn (distinct ids over `mark[data-annotation-ids]`)
 *    and listed (the virtualised list: its colour counts add up to all of them and its first rows
 *    are in), then one more frame painted;
 *    with Chromium's own ScriptDuration / RecalcStyle / Layout totals for that page load;
 *  - click → persisted: click on a colour of the selection toolbar → the new record is
 *    readable from IndexedDB (a readonly transaction queued behind the app's strict-durability
 *    write), and → its mark is in the DOM;
 *  - renderer heap (JSHeapUsedSize after a forced GC) and DOM node count with the page loaded.
 * Records are seeded straight into IndexedDB (`yandu`.annotations, deleted as 0/1) with anchors
 * made in Node by shared/anchoring over the same segmentation the page does.
 *
 * The build in out/web is copied to a temporary folder (other people rebuild out/web) and
 * served by a small static server on a free loopback port. `BENCH_PROFILE=1` additionally builds
 * an unminified copy and prints where the 5,000-annotation load and a click spend their CPU time
 * (self time per function and per module from CPU profiles); `BENCH_PROFILE=only` prints just that. `BENCH_ITER` sets the page loads per case.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Annotation } from '../shared/annotations';
import type { Report } from '../shared/report/model';
import { segmentReport } from '../shared/report/segment';
import { randomAnnotations } from './annotation-fixtures';
import { groupByPart, countByColor, filterAnnotations } from '../shared/annotations';
import { marksByParagraph, resolveAll } from '../renderer/annotations/annotation-marks';
import { launch } from '../tests/e2e/chromium';
import { printTable, ratio, stats, type Row, type Stats } from './lib';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');
const SOURCE = readFileSync(join(ROOT, 'resources/reports/changzhi-2026/source.txt'), 'utf8');
/** Annotations seeded (`npm run bench annotations-ui -- --count 50000`). */
let N = 5000;
/** Page loads per case; fewer at large counts, where one load takes seconds. */
let ITER = 5;
const CLICKS = 12;
const KEYS = 40;
const LIST_ITEM = 'aside[aria-label="批注列表"] .annotation-item';
const TOOLBAR = '[role=toolbar][aria-label="标注工具"]';

function makeAnnotations(report: Report, n: number): Annotation[] {
  return randomAnnotations(report, n, { seed: 5000, noteMax: 200 });
}

// --- serving ------------------------------------------------------------------------------

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function build(outDir: string, minify: boolean): void {
  const args = ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'];
  if (!minify) args.push('--minify', 'false');
  execFileSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
}

/** Static files of `dir` on a free loopback port. */
export async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/**
 * A copy of the web build served on a free loopback port (the copy, so a build running meanwhile
 * cannot change files under the page); `close` stops the server and removes the copy.
 * BENCH_WEB: a web build elsewhere than out/web (e.g. while tests use out/web).
 */
export async function serveWebBuild(prefix: string): Promise<{ url: string; close(): void }> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const web = process.env.BENCH_WEB ?? join(ROOT, 'out/web');
  if (!existsSync(join(web, 'index.html'))) build(web, true);
  cpSync(web, tmp, { recursive: true });
  const { server, url } = await serve(tmp);
  return {
    url,
    close() {
      server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// --- in the page --------------------------------------------------------------------------

export interface Case {
  /** Annotations the page must show. */
  expected: number;
  /** The annotation list is open (else only marks are awaited). */
  list: boolean;
}

/**
 * Installed before the app's scripts. Records when the first paragraph appears and when the page
 * shows `expected` annotations as marks (and in the list, when open; or the empty list), plus
 * the paint after it. Also stamps, for a click armed by clickOnce, when the app's first
 * readwrite IndexedDB transaction after it starts and completes (strict durability: complete =
 * on disk). Written as a string: tsx would wrap inner functions in helpers the page lacks.
 */
export const pageProbe = ({ expected, list }: Case) => `
  (() => {
    const b = (window.__bench = { first: 0, dom: 0, painted: 0 });
    const done = () => {
      if (${expected} === 0) return ${list} ? !!document.querySelector('aside[aria-label="批注列表"] .empty') : true;
      // The list is virtualised: it is ready when its colour counts add up and its first rows are in.
      if (${list}) {
        let total = 0;
        for (const c of document.querySelectorAll('aside[aria-label="批注列表"] .color-filter .count')) total += Number(c.textContent);
        if (total !== ${expected} || !document.querySelector('${LIST_ITEM}')) return false;
      }
      const ids = new Set();
      for (const m of document.querySelectorAll('mark[data-annotation-ids]')) for (const id of m.dataset.annotationIds.split(' ')) ids.add(id);
      return ids.size === ${expected};
    };
    const tick = () => {
      if (!b.first && document.querySelector('[data-segment-id]')) b.first = performance.now();
      // Stamped before the check: scanning thousands of marks is the probe's cost, not the app's.
      const now = performance.now();
      if (b.first && done()) {
        b.dom = now;
        requestAnimationFrame(() => setTimeout(() => (b.painted = performance.now()), 0));
        return;
      }
      setTimeout(tick, 4);
    };
    tick();
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const tx = transaction.call(this, stores, mode, options);
      const c = window.__click;
      if (mode === 'readwrite' && c && c.t0 && !c.txStart) {
        c.txStart = performance.now() - c.t0;
        tx.addEventListener('complete', () => (c.persisted = performance.now() - c.t0));
      }
      return tx;
    };
  })();`;

interface LoadSample {
  first: number;
  dom: number;
  painted: number;
  script: number;
  style: number;
  layout: number;
  /** All main-thread tasks (thread time). */
  task: number;
  heapMB: number;
  nodes: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export const waitReady = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __bench: { painted: number } }).__bench.painted > 0, undefined, { timeout: 180_000, polling: 50 });

/** One fresh page load in `context` (its IndexedDB holds the seeded records). */
async function loadOnce(context: BrowserContext, url: string, c: Case): Promise<LoadSample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript(pageProbe(c));
  // The metrics are totals of the renderer process, which may be reused: subtract its state before.
  const m0 = await metrics(cdp);
  await page.goto(url);
  await waitReady(page);
  const b = await page.evaluate(() => (window as unknown as { __bench: { first: number; dom: number; painted: number } }).__bench);
  const m1 = await metrics(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await metrics(cdp);
  await page.close();
  const d = (k: string) => (m1[k] - (m0[k] ?? 0)) * 1000;
  return {
    ...b,
    script: d('ScriptDuration'),
    style: d('RecalcStyleDuration'),
    layout: d('LayoutDuration'),
    task: d('TaskDuration'),
    heapMB: after.JSHeapUsedSize / 1024 / 1024,
    nodes: after.Nodes,
  };
}

/** Puts records (and settings rows) straight into the app's database (created by a first visit). */
async function seed(page: Page, records: Annotation[], settings: Array<{ key: string; value: unknown }>): Promise<void> {
  const rows = records.map((r) => ({ ...r, deleted: r.deleted ? 1 : 0 }));
  // One JSON string, parsed in the page: Playwright's own serialisation of 50,000 objects took minutes.
  const count = await page.evaluate(
    ([json, settings]) =>
      new Promise<number>((resolve, reject) => {
        const rows = JSON.parse(json) as unknown[];
        const req = indexedDB.open('yandu');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['annotations', 'settings'], 'readwrite');
          for (const r of rows) tx.objectStore('annotations').put(r);
          for (const s of settings) tx.objectStore('settings').put({ ...s, updatedAt: Date.now() });
          tx.oncomplete = () => {
            const c = db.transaction('annotations').objectStore('annotations').count();
            c.onsuccess = () => {
              db.close();
              resolve(c.result);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [JSON.stringify(rows), settings] as const,
  );
  if (count !== records.length) throw new Error(`bench assumption: seeded ${count} of ${records.length} records`);
}

/** A context whose IndexedDB holds `records`, the app having created its schema first. */
export async function seededContext(browser: Browser, url: string, records: Annotation[], opts: { list?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-segment-id]').first().waitFor({ timeout: 180_000 });
  await page.locator('aside[aria-label="批注列表"]').waitFor();
  // The bench window is wide (both panels open by default); closing the list is remembered per width class.
  const open = { outlineOpen: true, annotationsOpen: opts.list ?? true };
  const layout = { narrow: { outlineOpen: false, annotationsOpen: false }, medium: { outlineOpen: true, annotationsOpen: false }, wide: open };
  await seed(page, records, opts.list === false ? [{ key: 'layout', value: layout }] : []);
  await page.close();
  return context;
}

interface ClickSample {
  /** Click → the app's write transaction starts (handler, anchor, validation). */
  txStart: number;
  /** Click → that transaction completes (on disk). */
  persisted: number;
  /** Click → a mark with the new id is in the DOM. */
  marked: number;
}

/**
 * Selects 6 characters of paragraph `segId`, clicks the 重点 button, and times it in the page
 * (see pageProbe); the new mark is spotted by a MutationObserver on `data-annotation-ids`, so
 * the measurement does not scan thousands of marks while the app works.
 */
async function clickOnce(page: Page, segId: string, start: number): Promise<ClickSample> {
  await page.evaluate(
    ([segId, start]) => {
      const seg = document.querySelector(`[data-segment-id="${segId}"]`)!;
      seg.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
      let pos = 0;
      const range = document.createRange();
      let startSet = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (!startSet && start < pos + len) {
          range.setStart(n, start - pos);
          startSet = true;
        }
        if (startSet && start + 6 <= pos + len) {
          range.setEnd(n, start + 6 - pos);
          break;
        }
        pos += len;
      }
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    },
    [segId, start] as const,
  );
  const button = page.locator(TOOLBAR).getByRole('button', { name: /^重点/ });
  await button.waitFor();
  // Arm: a capturing listener stamps the click before React handles it.
  await page.evaluate(`(() => {
    const before = new Set();
    for (const m of document.querySelectorAll('mark[data-annotation-ids]')) for (const id of m.dataset.annotationIds.split(' ')) before.add(id);
    const r = (window.__click = { t0: 0, txStart: 0, persisted: 0, marked: 0 });
    const seen = (el) => el.dataset && el.dataset.annotationIds && el.dataset.annotationIds.split(' ').some((id) => !before.has(id));
    const mo = new MutationObserver((records) => {
      for (const rec of records) {
        const els = rec.type === 'attributes' ? [rec.target] : [...rec.addedNodes].filter((n) => n.nodeType === 1).flatMap((n) => [n, ...n.querySelectorAll('mark')]);
        if (els.some(seen)) { r.marked = performance.now() - r.t0; mo.disconnect(); return; }
      }
    });
    window.addEventListener('click', () => {
      r.t0 = performance.now();
      mo.observe(document.querySelector('.reader-content'), { subtree: true, childList: true, attributes: true, attributeFilter: ['data-annotation-ids'] });
    }, { capture: true, once: true });
  })()`);
  await button.click();
  await page.waitForFunction(() => {
    const c = (window as unknown as { __click: ClickSample }).__click;
    return c.persisted > 0 && c.marked > 0;
  }, undefined, { timeout: 60_000, polling: 50 });
  const r = await page.evaluate(() => (window as unknown as { __click: ClickSample }).__click);
  await page.locator(TOOLBAR).waitFor({ state: 'detached' });
  return { txStart: r.txStart, persisted: r.persisted, marked: r.marked };
}

async function clicks(context: BrowserContext, url: string, c: Case): Promise<ClickSample[]> {
  const page = await context.newPage();
  await page.addInitScript(pageProbe(c));
  await page.goto(url);
  await waitReady(page);
  const out: ClickSample[] = [];
  const targets = ['p1-0-2', 'p1-0-5', 'p2-0-1', 'p2-3-1', 'p3-1-1', 'p3-2-2', 'p3-3-1', 'p3-4-1', 'p3-5-1', 'p3-6-1', 'p3-7-1', 'p3-8-1'];
  for (let i = 0; i < CLICKS + 2; i++) {
    const s = await clickOnce(page, targets[i % targets.length], 20 + 8 * Math.floor(i / targets.length));
    if (i >= 2) out.push(s); // the first two warm up the code paths
  }
  await page.close();
  return out;
}

interface KeySample {
  /** Key event created → the note's text changed and the task handling it ended. */
  handled: number;
  /** Key event created → the next frame. */
  frame: number;
}

/**
 * Opens the 批注 dialog of a mark in view and types KEYS letters into its note (40 ms apart, so
 * the note saver writes a few times meanwhile and every save's store update falls between keys).
 * Times each key from the event's own timestamp (so time spent waiting behind a long task
 * counts) to the end of the task that put the letter into the note, and to the next frame.
 */
async function typing(context: BrowserContext, url: string, c: Case): Promise<{ keys: KeySample[]; longest: number }> {
  const page = await context.newPage();
  await page.addInitScript(pageProbe(c));
  await page.goto(url);
  await waitReady(page);
  const ids = await page.evaluate(() => {
    const seg = document.querySelector('[data-segment-id="p2-0-1"]')!;
    seg.scrollIntoView({ block: 'center' });
    return [...document.querySelectorAll<HTMLElement>('mark[data-annotation-id]')].slice(0, 1).map((m) => m.dataset.annotationId);
  });
  if (c.expected > 0 && ids.length === 0) throw new Error('bench assumption: a mark to open');
  const popoverNote = page.locator('.note-input');
  if (ids.length > 0) {
    await page.evaluate(`document.querySelector('[data-segment-id="p2-0-1"] mark[data-annotation-id]').click()`);
  } else {
    // No annotations: make one to type into.
    await clickOnce(page, 'p2-0-1', 20);
    await page.evaluate(`document.querySelector('mark[data-annotation-id]').click()`);
  }
  await popoverNote.waitFor();
  await popoverNote.click();
  await page.keyboard.press('End');
  await page.evaluate(`(() => {
    const k = (window.__keys = { list: [], longest: 0 });
    const note = document.querySelector('.note-input');
    let pending = null;
    note.addEventListener('keydown', (e) => { pending = { t0: e.timeStamp, handled: 0, frame: 0 }; k.list.push(pending); }, { capture: true });
    note.addEventListener('input', () => {
      const p = pending;
      if (!p) return;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (p.handled = performance.now() - p.t0);
      ch.port2.postMessage(0);
      requestAnimationFrame(() => (p.frame = performance.now() - p.t0));
    });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) k.longest = Math.max(k.longest, e.duration); }).observe({ type: 'longtask' });
  })()`);
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(1200); // the last save
  const r = await page.evaluate(() => (window as unknown as { __keys: { list: Array<{ handled: number; frame: number }>; longest: number } }).__keys);
  await page.close();
  const keys = r.list.filter((k) => k.handled > 0).map((k) => ({ handled: k.handled, frame: k.frame }));
  if (keys.length < KEYS * 0.9) throw new Error(`bench assumption: ${KEYS} keys reached the note, saw ${keys.length}`);
  return { keys, longest: r.longest };
}

// --- profile ------------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };

/** Prints self time per source module and per function of a CPU profile of the unminified build. */
export function printProfile(title: string, dir: string, prof: CpuProfile): void {
  const total = (prof.endTime - prof.startTime) / 1000;
  const perSample = total / Math.max(1, prof.samples.length);
  const counts = new Map<number, number>();
  for (const id of prof.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const self = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const n of prof.nodes) {
    const ms = (counts.get(n.id) ?? 0) * perSample;
    if (ms === 0) continue;
    const f = n.callFrame;
    const mod = f.url ? moduleOf(dir, f.url, f.lineNumber) : f.functionName;
    const key = `${f.functionName || '(anonymous)'} (${mod})`;
    self.set(key, (self.get(key) ?? 0) + ms);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
  }
  const share = (ms: number) => `${((100 * ms) / total).toFixed(1)}%`;
  printTable(`${title} (profiled ${total.toFixed(0)} ms)`, [
    ...[...byModule].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([m, ms]) => ({ where: `module ${m}`, 'self ms': ms, share: share(ms) })),
    ...[...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, ms]) => ({ where: k, 'self ms': ms, share: share(ms) })),
  ]);
}

/**
 * Where one 5,000-annotation load and a few clicks spend their main-thread time: CPU profiles
 * (self time; "(program)" and "(garbage collector)" are V8's, layout and style show as
 * "(program)") of an unminified build.
 */
async function profile(browser: Browser, records: Annotation[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'yandu-bench-profile-'));
  try {
    build(dir, false);
    const { server, url } = await serve(dir);
    try {
      const closed = await seededContext(browser, url, records, { list: false });
      const p2 = await closed.newPage();
      const cdp2 = await closed.newCDPSession(p2);
      await p2.addInitScript(pageProbe({ expected: records.length, list: false }));
      await cdp2.send('Profiler.enable');
      await cdp2.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp2.send('Profiler.start');
      const t1 = performance.now();
      await p2.goto(url);
      await waitReady(p2);
      const wall2 = performance.now() - t1;
      printProfile(`CPU profile of one ${records.length}-annotation load with the list closed, wall ${wall2.toFixed(0)} ms`, dir, ((await cdp2.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      await closed.close();

      const context = await seededContext(browser, url, records);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.addInitScript(pageProbe({ expected: records.length, list: true }));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const t0 = performance.now();
      await page.goto(url);
      await waitReady(page);
      const wall = performance.now() - t0;
      printProfile(`CPU profile of one ${records.length}-annotation load, wall ${wall.toFixed(0)} ms`, dir, ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      await clickOnce(page, 'p1-0-2', 20); // warm-up
      await cdp.send('Profiler.start');
      const samples: ClickSample[] = [];
      for (const [seg, at] of [['p2-0-1', 30], ['p3-3-1', 40], ['p3-6-1', 50]] as const) samples.push(await clickOnce(page, seg, at));
      printProfile(
        `CPU profile of 3 clicks on 重点 with ${records.length} annotations (select, click, persist, redraw; click → persisted ${samples.map((c) => c.persisted.toFixed(0)).join(' / ')} ms)`,
        dir,
        ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile,
      );
      await context.close();
    } finally {
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sourceCache = new Map<string, string[]>();
/** The source module of a line in an unminified bundle (Rollup writes `// path` before each module). */
function moduleOf(dir: string, url: string, line: number): string {
  const file = join(dir, new URL(url).pathname);
  let lines = sourceCache.get(file);
  if (!lines) {
    lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    sourceCache.set(file, lines);
  }
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const m = /^\/\/ (\S+\.(?:m?js|tsx?|cjs))$/.exec(lines[i]);
    if (m) return m[1].replace(/^.*node_modules\//, '').replace(/^\.\.\//g, '');
  }
  return url.replace(/^.*\//, '');
}

// --- main ---------------------------------------------------------------------------------

const row = (what: string, s: Stats, base: Stats | null, goal: string): Row => ({
  measure: what,
  'p50 ms': s.p50,
  'p95 ms': s.p95,
  'baseline p50 ms': base ? base.p50 : '',
  ratio: base ? ratio(s.p50, base.p50) : '',
  goal,
});

export default async function bench(options: Record<string, string> = {}): Promise<void> {
  N = Number(options.count ?? 5000);
  if (!Number.isInteger(N) || N < 1) throw new Error(`--count must be a positive integer, got ${options.count}`);
  ITER = Number(process.env.BENCH_ITER ?? (N > 10_000 ? 2 : 5));
  const report = segmentReport(SOURCE, { id: 'changzhi-2026' });
  const records = makeAnnotations(report, N);

  // Node-side share of the work the page does per load (same functions, same records).
  const t = (fn: () => unknown, n = 5) => {
    const samples: number[] = [];
    for (let i = 0; i < n + 1; i++) {
      const t0 = performance.now();
      fn();
      if (i > 0) samples.push(performance.now() - t0);
    }
    return stats(samples);
  };
  const resolveT = t(() => resolveAll({ ...report }, records));
  const resolved = resolveAll(report, records);
  const marksT = t(() => marksByParagraph(report, records, resolved));
  const resolutions = new Map([...resolved].map(([id, v]) => [id, v.r]));
  const listT = t(() => {
    countByColor(records);
    groupByPart(report, filterAnnotations(records, {}), resolutions);
  });
  const marks = marksByParagraph(report, records, resolved);
  const pieces = [...marks.values()].reduce((n, l) => n + l.length, 0);

  const step = (what: string) => process.stderr.write(`[annotations-ui ${N}] ${what}\n`);
  step('records made');
  const site = await serveWebBuild('yandu-bench-web-');
  const { url } = site;
  const browser = await launch();
  try {
    if (process.env.BENCH_PROFILE === 'only') return await profile(browser, records);
    step('seeding');
    const empty = await seededContext(browser, url, []);
    const full = await seededContext(browser, url, records);
    const marksOnly = await seededContext(browser, url, records, { list: false });
    const cases = [
      { name: 'none', context: empty, c: { expected: 0, list: true } },
      { name: 'full', context: full, c: { expected: N, list: true } },
      { name: 'marksOnly', context: marksOnly, c: { expected: N, list: false } },
    ] as const;
    const loads: Record<string, LoadSample[]> = { none: [], full: [], marksOnly: [] };
    step('loading');
    for (const k of cases) await loadOnce(k.context, url, k.c); // warm the HTTP and compile caches
    // Interleaved, so a burst of load on the shared machine hits every case alike.
    for (let i = 0; i < ITER; i++) for (const k of cases) loads[k.name].push(await loadOnce(k.context, url, k.c));
    step('clicking');
    const clicks0 = await clicks(empty, url, cases[0].c);
    const clicksN = await clicks(full, url, cases[1].c);
    const clicksM = await clicks(marksOnly, url, cases[2].c);
    step('typing');
    // The clicks above added CLICKS + 2 highlights to each context.
    const typed0 = await typing(empty, url, { expected: CLICKS + 2, list: true });
    const typedN = await typing(full, url, { expected: N + CLICKS + 2, list: true });
    for (const k of cases) await k.context.close();

    const s = (list: LoadSample[], k: keyof LoadSample) => stats(list.map((x) => x[k]));
    const [l0, lN, lM] = [loads.none, loads.full, loads.marksOnly];
    const extra = (list: LoadSample[]) => stats(list.map((x, i) => x.painted - l0[i].painted));
    const cs = (list: ClickSample[], k: keyof ClickSample) => stats(list.map((x) => x[k]));
    const ks = (list: KeySample[], k: keyof KeySample) => stats(list.map((x) => x[k]));
    printTable(
      `annotations in the UI: ${N} vs none on the bundled report (headless Chromium, ${ITER} loads per case, ${CLICKS} clicks; ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)})`,
      [
        row('load → first paragraph in the DOM', s(lN, 'first'), s(l0, 'first'), ''),
        row(`load → all ${N} marks + list items in the DOM`, s(lN, 'dom'), s(l0, 'dom'), ''),
        row('load → … and painted', s(lN, 'painted'), s(l0, 'painted'), ''),
        row(`  extra time for the ${N} annotations`, extra(lN), null, N <= 5000 ? '< 1000' : ''),
        row('  main-thread tasks (thread time)', s(lN, 'task'), s(l0, 'task'), ''),
        row('    script', s(lN, 'script'), s(l0, 'script'), ''),
        row('    style recalculation', s(lN, 'style'), s(l0, 'style'), ''),
        row('    layout', s(lN, 'layout'), s(l0, 'layout'), ''),
        row(`same with the list panel closed: → all ${N} marks painted`, s(lM, 'painted'), s(l0, 'painted'), ''),
        row(`  extra time for the ${N} marks`, extra(lM), null, ''),
        row('  main-thread tasks (thread time)', s(lM, 'task'), s(l0, 'task'), ''),
        row('    script', s(lM, 'script'), s(l0, 'script'), ''),
        row('    style recalculation', s(lM, 'style'), s(l0, 'style'), ''),
        row('    layout', s(lM, 'layout'), s(l0, 'layout'), ''),
        row('click 重点 → write transaction starts', cs(clicksN, 'txStart'), cs(clicks0, 'txStart'), ''),
        row('click 重点 → record on disk (transaction complete)', cs(clicksN, 'persisted'), cs(clicks0, 'persisted'), '< 50'),
        row('click 重点 → mark in the DOM', cs(clicksN, 'marked'), cs(clicks0, 'marked'), '≤ 50'),
        row('  list closed: click → record on disk', cs(clicksM, 'persisted'), cs(clicks0, 'persisted'), '< 50'),
        row('  list closed: click → mark in the DOM', cs(clicksM, 'marked'), cs(clicks0, 'marked'), ''),
        row(`key typed in a note → in the note (${KEYS} keys, saves between them)`, ks(typedN.keys, 'handled'), ks(typed0.keys, 'handled'), '≤ 16'),
        row('key typed in a note → next frame', ks(typedN.keys, 'frame'), ks(typed0.keys, 'frame'), ''),
        row('  longest main-thread task while typing', stats([typedN.longest]), stats([typed0.longest]), ''),
      ],
    );
    const heap = (l: LoadSample[]) => s(l, 'heapMB').p50;
    const nodes = (l: LoadSample[]) => s(l, 'nodes').p50;
    printTable('renderer memory with the page loaded (after a forced GC)', [
      { measure: 'JS heap used, MB', [`${N} annotations`]: heap(lN), [`${N}, list closed`]: heap(lM), 'no annotations': heap(l0), ratio: ratio(heap(lN), heap(l0)), 'per annotation, KB': ((heap(lN) - heap(l0)) * 1024) / N, goal: '≤ 100 at 50,000' },
      { measure: 'DOM nodes', [`${N} annotations`]: nodes(lN), [`${N}, list closed`]: nodes(lM), 'no annotations': nodes(l0), ratio: ratio(nodes(lN), nodes(l0)), 'per annotation, KB': '', goal: '' },
    ]);
    printTable(`the same per-load computations in Node (${N} records, ${pieces} mark pieces)`, [
      { step: 'resolveAll (resolveAnchor ×N, fresh report index)', 'p50 ms': resolveT.p50, 'p95 ms': resolveT.p95 },
      { step: 'marksByParagraph', 'p50 ms': marksT.p50, 'p95 ms': marksT.p95 },
      { step: 'list: countByColor + filter + groupByPart', 'p50 ms': listT.p50, 'p95 ms': listT.p95 },
    ]);
    if (process.env.BENCH_PROFILE) await profile(browser, records);
  } finally {
    await browser.close();
    site.close();
  }
}
