import { describe, expect, it } from 'vitest';
import { sharedBrowser, openReader, screenshot } from './browser';

const browser = sharedBrowser();

describe('keyboard only', () => {
  it('selects sentences with S / Shift+S and marks them with a number key, no mouse', async () => {
    const { context, page } = await openReader(browser());
    // Tab to the reading column (top bar buttons, outline links, then the text).
    await page.locator('.reader-scroll').focus();
    await page.keyboard.press('s');
    const toolbar = page.locator('[role=toolbar][aria-label="标注工具"]');
    await toolbar.waitFor();
    const selected = () => page.evaluate(() => getSelection()!.toString());
    await expect.poll(selected).not.toBe('');
    const first = await selected();
    expect(first).toBe('新增进出口实绩企业78家，进出口总额较“十三五”增长84%。');
    await page.keyboard.press('s');
    await expect.poll(selected).toBe('四是城乡发展加力提速。');
    await page.keyboard.press('Shift+S');
    await expect.poll(selected).toBe(first);
    // Back to back, as a fast typist would: the mark must land on the sentence just selected.
    await page.keyboard.press('s');
    await page.keyboard.press('2');
    const mark = page.locator('mark[data-annotation-id]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('data-color')).toBe('green');
    expect(await mark.innerText()).toBe('四是城乡发展加力提速。');
    await screenshot(page, 'keyboard-sentence');
    await context.close();
  });
});
