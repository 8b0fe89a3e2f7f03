/**
 * A ~60,000-character report (four real provincial reports) opens first screen first: the first
 * frame that shows it holds its first paragraphs but not the last, and yet no paragraph and no
 * mark is ever lost: search jumps to a sentence of the last paragraph and shows its mark, the
 * outline jumps to the last part, and in the end every paragraph is in the reading column in order.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../fixtures/formats/clean-report';
import { longReport } from '../fixtures/formats/long-report';
import { nodeFormatLibraries } from '../../electron/main/format-libraries';
import { loadReportFile } from '../../shared/report/load/load-report';
import { toDisplayText } from '../../shared/report/display';
import type { Page } from '@playwright/test';
import { addReportFile, openReader, screenshot, sharedBrowser } from './browser';
import { makeAnnotations, seed } from './seed';

const browser = sharedBrowser();

/** Records, at the first frame showing the report titled `title`, how many paragraphs it had and whether `lastId` was one. */
const FIRST_FRAME_PROBE = (title: string, lastId: string) => `(() => {
  window.__firstFrame = null;
  const tick = () => {
    if (document.querySelector('h1.report-title')?.textContent === ${JSON.stringify(title)} && document.querySelector('[data-segment-id="p0-0-1"]')) {
      window.__firstFrame = { painted: document.querySelectorAll('[data-segment-id]').length, last: !!document.querySelector('[data-segment-id="${lastId}"]') };
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const firstFrame = (page: Page) => page.waitForFunction(() => (window as unknown as { __firstFrame: unknown }).__firstFrame, null, { timeout: 30_000 }).then((h) => h.jsonValue() as Promise<{ painted: number; last: boolean }>);

/** Whether the top of paragraph `id` is inside the reading column's visible area. */
const inView = (page: Page, id: string) =>
  page.evaluate((id) => {
    const el = document.querySelector(`[data-segment-id="${id}"]`);
    const box = document.querySelector('.reader-scroll')?.getBoundingClientRect();
    if (!el || !box) return false;
    const top = el.getBoundingClientRect().top;
    return top >= box.top && top < box.bottom - 20;
  }, id);

describe('a long report', () => {
  it('paints the first screen first, then all of it; search and the outline reach its last paragraph with its mark', async () => {
    const lines = longReport();
    const bytes = new TextEncoder().encode(cleanText(lines));
    const loaded = await loadReportFile({ bytes, fileName: 'long.txt' }, nodeFormatLibraries);
    if (!loaded.ok) throw new Error(loaded.error);
    const report = loaded.value;
    const last = report.paragraphs.at(-1)!;
    expect(report.paragraphs.length).toBeGreaterThan(200);

    const { context, page } = await openReader(browser());
    await page.evaluate(FIRST_FRAME_PROBE(report.title, last.id));
    await (await addReportFile(page)).setFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(bytes) });
    const opened = await firstFrame(page);
    expect(opened.last).toBe(false);
    expect(opened.painted).toBeLessThan(report.paragraphs.length / 3);

    // A mark on the first and on the last paragraph; reopening the page reopens this report.
    await page.addInitScript(FIRST_FRAME_PROBE(report.title, last.id));
    const [a, z] = makeAnnotations(report, [
      { paragraphId: report.paragraphs[0].id, start: 0, end: 6, color: 'yellow' },
      { paragraphId: last.id, start: 0, end: 8, color: 'blue' },
    ]);
    await seed(page, [a, z]);
    const reopened = await firstFrame(page);
    expect(reopened.last).toBe(false);
    expect(await page.locator(`mark[data-annotation-id="${a.id}"]`).count()).toBeGreaterThan(0);

    // Search for a phrase of the last paragraph and jump there: the paragraph and its mark show.
    const phrase = toDisplayText(last.text).replace(/[^\p{Script=Han}]/gu, '').slice(2, 12);
    await page.keyboard.press('Control+f');
    await page.locator('input[type=search][aria-label="搜索"]').fill(phrase);
    const hit = page.locator('[aria-label="搜索结果"] [role=option]').first();
    await hit.waitFor();
    await hit.click();
    const seg = page.locator(`[data-segment-id="${last.id}"]`);
    // The last paragraph cannot reach the top of the column (the text ends below it): in view is enough.
    await expect.poll(() => inView(page, last.id)).toBe(true);
    const mark = seg.locator(`mark[data-annotation-id="${z.id}"]`);
    expect(await mark.innerText()).toBe(toDisplayText(last.text).slice(0, 8));
    expect(await mark.isVisible()).toBe(true);
    await screenshot(page, 'long-report-last-paragraph');
    await page.keyboard.press('Escape');

    // Every paragraph, in order, once; both marks.
    await expect.poll(() => page.locator('[data-segment-id]').count()).toBe(report.paragraphs.length);
    const ids = await page.locator('[data-segment-id]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.segmentId));
    expect(ids).toEqual(report.paragraphs.map((p) => p.id));
    expect(await page.locator('mark[data-annotation-id]').count()).toBe(2);

    // The outline reaches the last part too.
    const outlineLinks = page.locator('nav[aria-label="目录"] button.outline-link');
    await outlineLinks.last().click();
    const target = await outlineLinks.last().getAttribute('data-entry-id');
    await expect.poll(() => inView(page, target!)).toBe(true);
    await context.close();
  });
});
