/** Playwright driving Debian's Chromium in the end-to-end tests. */
import type { Browser, BrowserContext, FileChooser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './chromium';

export { launch };

export const BASE_URL = process.env.E2E_URL ?? 'http://127.0.0.1:4391/';
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** One Chromium for the calling test file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('sharedBrowser(): used outside a test (the browser is launched in beforeAll)');
    return browser;
  };
}

/** A fresh context (empty IndexedDB) with a page that has loaded the reader and its outline. */
export async function openReader(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(BASE_URL);
  await waitForReader(page);
  return { context, page };
}

export async function waitForReader(page: Page): Promise<void> {
  await page.locator('[data-segment-id]').first().waitFor();
  await page.locator('nav[aria-label="目录"]').waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Starts 添加报告文件… from the 书架 (opened with its button or Ctrl+O) and resolves to the file
 * chooser it opens.
 */
export async function addReportFile(page: Page, how: 'button' | 'ctrl+o' = 'button'): Promise<FileChooser> {
  const chooser = page.waitForEvent('filechooser');
  // After a refused file the 书架 is still open: add the next one from there.
  if (await page.locator('[role=dialog][aria-label="书架"]').isVisible()) {
    /* already open */
  } else if (how === 'button') await page.getByRole('button', { name: '书架', exact: true }).click();
  else await page.keyboard.press('Control+o');
  await page.locator('[role=dialog][aria-label="书架"]').getByRole('button', { name: '添加报告文件…' }).click();
  return chooser;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path });
  return path;
}
