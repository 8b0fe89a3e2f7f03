import { describe, expect, it } from 'vitest';
import { sharedBrowser, openReader, screenshot, waitForReader } from './browser';

const browser = sharedBrowser();

describe('设置', () => {
  it('renames a colour meaning and the author; both survive a reload and reach the toolbar', async () => {
    const { context, page } = await openReader(browser());
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.locator('[role=dialog][aria-label="设置"]');
    await dialog.locator('input').first().fill('王代表');
    await dialog.getByLabel('蓝色的含义').fill('改革举措');
    await screenshot(page, 'settings');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.waitForTimeout(300);
    await page.reload();
    await waitForReader(page);
    expect(await page.locator('.author-field input').inputValue()).toBe('王代表');
    await page.evaluate(() => {
      const seg = document.querySelector('[data-segment-id="p3-1-1"]')!;
      const text = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT).nextNode()!;
      const r = document.createRange();
      r.setStart(text, 0);
      r.setEnd(text, 4);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    const toolbar = page.locator('[role=toolbar][aria-label="标注工具"]');
    await expect.poll(() => toolbar.innerText()).toContain('改革举措');
    await context.close();
  });

  it('refuses an empty meaning with a clear message', async () => {
    const { context, page } = await openReader(browser());
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.locator('[role=dialog][aria-label="设置"]');
    await dialog.getByLabel('红色的含义').fill('  ');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect(await dialog.locator('[role=alert]').innerText()).toContain('1–12 个字');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });
});
