/**
 * Reader start-up: time from navigation to the first report paragraph painted with the outline
 * ready, in Chromium, against the time to paint the same report as a plain text file (the
 * floor: no app, no segmentation, no fonts to wait for).
 */
import { measure, printTable, ratio } from './lib';
import { startWebHarness } from './browser-harness';

/** Records (in page time since navigation start) when a paragraph and the outline both exist, at the next frame. */
const PROBE = `
  window.__readyAt = null;
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-segment-id]') && document.querySelector('nav[aria-label="目录"] button')) {
      obs.disconnect();
      requestAnimationFrame(() => { window.__readyAt = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
`;

export default async function run(): Promise<void> {
  const h = await startWebHarness();
  if (!h) return;
  try {
    const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const app = await measure(async () => {
      await page.goto(h.url);
      await page.waitForFunction(() => (window as unknown as { __readyAt: number | null }).__readyAt !== null);
      return page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
    }, 10, 2);
    // measure() times the whole round trip; also read the page's own clock for the last run.
    const inPage = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
    const plain = await measure(async () => {
      await page.goto(`${h.url}reports/changzhi-2026/source.txt`);
      await page.waitForFunction(() => (document.body?.textContent?.length ?? 0) > 1000);
    }, 10, 2);
    await context.close();
    printTable('Navigation → first paragraph painted with the outline ready (ms, Chromium headless)', [
      { case: '研读 reader (bundled report)', p50: app.p50, p95: app.p95, 'vs plain text': ratio(app.p50, plain.p50) },
      { case: 'baseline: the same report as plain text', p50: plain.p50, p95: plain.p95, 'vs plain text': '1.0×' },
    ]);
    console.log(`(in-page clock of the last run: ready at ${inPage.toFixed(0)} ms after navigation start)`);
  } finally {
    await h.close();
  }
}
