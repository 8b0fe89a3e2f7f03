/**
 * Closing the window right after typing or scrolling loses nothing: the page's close-time saves
 * (ReaderHost.onBeforeClose; in Electron the window waits for them) write what the debounced
 * saves had not written yet. The page clock is frozen so the debounce timers cannot be the ones
 * that save; `pagehide` is what the browser host answers.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { BASE_URL, sharedBrowser, waitForReader } from './browser';
import { select, TOOLBAR } from './annotate';

const browser = sharedBrowser();

/** All records of an object store of the app's database. */
const storeRows = <T>(page: Page, store: string) =>
  page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('yandu');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(all.result as T[]);
          };
        };
      }),
    store,
  );

async function frozenReader(): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(BASE_URL);
  await waitForReader(page);
  return page;
}

/** From here on no timer of the page fires. */
const freeze = async (page: Page) => page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));

const closeWindow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('pagehide')));

describe('closing the window', () => {
  it('saves the reading position scrolled to a moment ago', async () => {
    const page = await frozenReader();
    await freeze(page);
    await page.locator('nav[aria-label="目录"] button.outline-link', { hasText: '改造升级传统产业' }).click();
    await expect.poll(() => page.locator('nav[aria-label="目录"] [aria-current="location"]').innerText()).toContain('改造升级传统产业');
    await page.waitForTimeout(400); // real time: the frozen debounce has not saved
    expect(await storeRows(page, 'readingPositions')).toEqual([]);
    await closeWindow(page);
    await expect.poll(() => storeRows<{ paragraphId: string }>(page, 'readingPositions')).toHaveLength(1);
    await page.context().close();
  });

  it('saves the note typed a moment ago', async () => {
    const page = await frozenReader();
    await select(page, { seg: 'p1-0-6', start: 5, end: 25 });
    await page.locator(TOOLBAR).getByRole('button', { name: '批注', exact: true }).click();
    const input = page.locator('[role=dialog][aria-label="批注"] .note-input');
    await input.waitFor();
    await freeze(page);
    await input.click();
    await page.keyboard.type('会前再核实数据');
    await page.waitForTimeout(400);
    const noteOf = async () => (await storeRows<{ note: { text: string } }>(page, 'annotations'))[0]?.note.text;
    expect(await noteOf()).toBe('');
    await closeWindow(page);
    await expect.poll(noteOf).toBe('会前再核实数据');
    await page.context().close();
  });
});
