import { describe, expect, it } from 'vitest';
import { sharedBrowser, openReader, screenshot } from './browser';
import { bundledReport, makeAnnotations, seed } from './seed';

const browser = sharedBrowser();

describe('search', () => {
  it('finds 煤炭 as you type and Enter jumps to the sentence', async () => {
    const { context, page } = await openReader(browser());
    await page.keyboard.press('Control+f');
    const box = page.locator('input[type=search][aria-label="搜索"]');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('煤炭', { delay: 30 });
    const results = page.locator('[aria-label="搜索结果"]');
    await expect.poll(() => results.locator('[role=option]').count()).toBeGreaterThan(3);
    // Every listed hit shows its citation label and the matched characters marked.
    const first = results.locator('[role=option]').first();
    expect(await first.innerText()).toMatch(/[一二三四五六七八九十]/);
    expect(await first.locator('mark').first().innerText()).toBe('煤炭');
    // Grouped by part/item with counts.
    expect(await results.innerText()).toContain('三(二)');
    await page.keyboard.press('ArrowDown');
    const target = await results.locator('[role=option][aria-selected=true]').innerText();
    await page.keyboard.press('Enter');
    // The jumped-to paragraph is now in view at the top of the reading column.
    const label = target.match(/[一二三四五六七八九十]+(\([一二三四五六七八九十]+\))?¶\d+/)![0];
    const seg = page.locator(`[data-label="${label}"]`);
    await expect.poll(async () => {
      const b = await seg.boundingBox();
      return b ? b.y : -1;
    }).toBeLessThan(300);
    // In-text hits are marked while the search is open.
    const painted = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('search-hit')?.size ?? 0);
    expect(painted).toBeGreaterThan(3);
    await screenshot(page, 'search-coal');
    await page.keyboard.press('Escape');
    await expect.poll(() => box.isVisible()).toBe(false);
    await context.close();
  });

  it('finds a phrase with one wrong character and says 无结果 for noise', async () => {
    const { context, page } = await openReader(browser());
    await page.keyboard.press('Control+f');
    const box = page.locator('input[type=search][aria-label="搜索"]');
    await box.fill('营商环竟');
    const results = page.locator('[aria-label="搜索结果"]');
    await expect.poll(() => results.innerText()).toContain('营商环境');
    await box.fill('量子引力波望远镜');
    await expect.poll(() => page.locator('.yd-search-status').innerText()).toContain('无结果');
    await box.fill(`'!^=|*(`);
    await expect.poll(() => page.locator('.yd-search-status').innerText()).not.toContain('正在');
    await context.close();
  });

  it('searches note texts too', async () => {
    const { context, page } = await openReader(browser());
    const report = bundledReport();
    await seed(page, makeAnnotations(report, [{ paragraphId: 'p3-2-1', start: 0, end: 10, color: 'blue', note: '建议补充矿井安全投入的具体数字' }]));
    await page.keyboard.press('Control+f');
    await page.locator('input[type=search][aria-label="搜索"]').fill('安全投入');
    await expect.poll(() => page.locator('[aria-label="搜索结果"]').innerText()).toContain('建议补充矿井安全投入');
    await context.close();
  });
});
