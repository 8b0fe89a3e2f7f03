/**
 * Nothing covers the text, at every window width from a projector to a large screen: visible
 * characters of the report are sampled and `elementFromPoint` must find the text itself there,
 * on opening and after a search jump; the text is reached in at most 5 Tabs; the 批注 dialog
 * never covers its highlight. Screenshots of each width are kept in test-results/screenshots.
 */
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { BASE_URL, openReader, screenshot, sharedBrowser } from './browser';
import { DIALOG, highlight, openMark } from './annotate';

const browser = sharedBrowser();
const WIDTHS = [900, 1024, 1366, 1440, 1920] as const;

/** Every 4th visible character of the reading column: how many were checked, and which are covered or cut off. */
const coverage = (page: Page) =>
  page.evaluate(() => {
    const content = document.querySelector('.reader-content')!;
    const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const covered: string[] = [];
    let checked = 0;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i += 4) {
        if (/\s/.test(text[i])) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = r.getBoundingClientRect();
        // Characters cut by the top or bottom edge are scrolled, not covered.
        if (rect.width === 0 || rect.top < view.top || rect.bottom > Math.min(view.bottom, window.innerHeight)) continue;
        checked++;
        if (rect.left < view.left || rect.right > view.right) {
          covered.push(text[i]);
          continue;
        }
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        if (!hit || !content.contains(hit)) covered.push(text[i]);
      }
    }
    return { checked, covered: covered.join('') };
  });

/** The reader at `width`; on a narrow window the outline starts closed, so only the text is awaited. */
async function readerAt(width: number, height = 800) {
  if (width >= 1000) return openReader(browser(), { width, height });
  const context = await browser().newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.locator('[data-segment-id]').first().waitFor();
  await page.locator('.app[data-prefs-loaded="true"]').waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { context, page };
}

describe.each(WIDTHS)('at %i px', (width) => {
  it('no visible character of the report is covered on opening or after a search jump', async () => {
    const { context, page } = await readerAt(width);
    const open = await coverage(page);
    expect(open.checked).toBeGreaterThan(100);
    expect(open.covered).toBe('');
    await screenshot(page, `layout-${width}`);

    await page.keyboard.press('Control+f');
    await page.keyboard.type('绿电制氢');
    // Results come as you type: wait for those of the whole phrase, not of its first character.
    await expect.poll(() => page.locator('[role=option]').first().innerText().catch(() => '')).toContain('绿电制氢');
    await page.keyboard.press('Enter');
    // The paragraph jumped to is on screen.
    const hitInView = () =>
      page.evaluate(() => {
        const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        return [...document.querySelectorAll('[data-segment-id]')]
          .filter((el) => el.textContent?.includes('绿电制氢'))
          .some((seg) => {
            const r = seg.getBoundingClientRect();
            return r.bottom > view.top && r.top < view.bottom;
          });
      });
    await expect.poll(hitInView).toBe(true);
    const jumped = await coverage(page);
    expect(jumped.checked).toBeGreaterThan(50);
    expect(jumped.covered).toBe('');
    await screenshot(page, `layout-${width}-search`);
    await context.close();
  });

  it('opens each side panel on demand beside the text, still covering nothing', async () => {
    const { context, page } = await readerAt(width);
    for (const name of ['目录', '批注列表']) {
      const button = page.getByRole('toolbar', { name: '阅读工具' }).getByRole('button', { name, exact: true });
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
      const c = await coverage(page);
      expect(c.covered).toBe('');
      expect(c.checked).toBeGreaterThan(50);
    }
    await screenshot(page, `layout-${width}-panels`);
    await context.close();
  });
});

describe('keyboard and dialogs', () => {
  it('reaches the text in at most 5 Tabs from the top (skip link, toolbar, outline are one stop each)', async () => {
    const { context, page } = await openReader(browser(), { width: 1366, height: 800 });
    let tabs = 0;
    for (; tabs < 40; tabs++) {
      const inText = await page.evaluate(() => !!document.activeElement?.closest('.reader-scroll'));
      if (inText) break;
      await page.keyboard.press('Tab');
    }
    expect(tabs).toBeLessThanOrEqual(5);
    // The skip link is the first stop and jumps straight there.
    await page.reload();
    await page.locator('[data-segment-id]').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('reader-scroll'))).toBe(true);
    await context.close();
  });

  it('moves through the outline with the arrow keys as one Tab stop, and folds with ←/→', async () => {
    const { context, page } = await openReader(browser(), { width: 1366, height: 800 });
    const outline = page.locator('nav[aria-label="目录"]');
    const stops = await outline.locator('button[tabindex="0"]').count();
    expect(stops).toBe(1);
    await outline.locator('button.outline-link').first().focus();
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.textContent);
    expect(second).toBe(await outline.locator('button.outline-link').nth(1).innerText());
    await page.keyboard.press('Home');
    const part = await outline.locator('button.outline-link').first().innerText();
    const before = await outline.locator('button.outline-link').count();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => outline.locator('button.outline-link').count()).toBeLessThan(before);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => outline.locator('button.outline-link').count()).toBe(before);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(part);
    await context.close();
  });

  it('opens the 批注 dialog beside its highlight, never over it, on a small window (1024×700)', async () => {
    const { context, page } = await openReader(browser(), { width: 1024, height: 700 });
    for (const seg of ['p2-2-1', 'p3-3-3']) {
      const id = await highlight(page, { seg, start: 10, end: 40 });
      await openMark(page, id);
      const overlap = await page.evaluate((id) => {
        const d = document.querySelector('[role=dialog][aria-label="批注"]')!.getBoundingClientRect();
        return [...document.querySelectorAll(`mark[data-annotation-ids~="${id}"]`)].some((m) => {
          const r = m.getBoundingClientRect();
          return r.left < d.right && r.right > d.left && r.top < d.bottom && r.bottom > d.top;
        });
      }, id);
      expect(overlap).toBe(false);
      await screenshot(page, `dialog-1024-${seg}`);
      await page.locator(DIALOG).getByRole('button', { name: '关闭' }).click();
    }
    await context.close();
  });
});
