/** 署名 at first use: asked in a bar above the text (not a modal), and unsigned annotations get the name. */
import { describe, expect, it } from 'vitest';
import { openReader, screenshot, sharedBrowser } from './browser';
import { highlight, stored } from './annotate';

const browser = sharedBrowser();

describe('署名 at first use', () => {
  it('asks after the first unsigned highlight; signing names that and later annotations; 以后再说 is remembered', async () => {
    const { context, page } = await openReader(browser());
    await highlight(page, { seg: 'p2-2-1', start: 20, end: 30 });
    const bar = page.getByRole('region', { name: '请署名' });
    await bar.waitFor();
    // Marking goes on undisturbed: the bar takes no focus and covers nothing.
    await highlight(page, { seg: 'p2-1-1', start: 20, end: 36 });
    expect(await bar.innerText()).toContain('未署名批注');
    await screenshot(page, 'author-prompt');
    await bar.getByRole('textbox', { name: '署名' }).fill('王五');
    await bar.getByRole('button', { name: '署名', exact: true }).click();
    await expect.poll(async () => (await stored(page)).map((a) => (a as unknown as { author: string }).author)).toEqual(['王五', '王五']);
    await expect.poll(() => bar.count()).toBe(0);
    expect(await page.locator('.author-field input').inputValue()).toBe('王五');
    await context.close();
  });

  it('以后再说 closes the bar for the session', async () => {
    const { context, page } = await openReader(browser());
    await highlight(page, { seg: 'p2-2-1', start: 20, end: 30 });
    const bar = page.getByRole('region', { name: '请署名' });
    await bar.getByRole('button', { name: '以后再说' }).click();
    await highlight(page, { seg: 'p2-1-1', start: 20, end: 36 });
    await page.waitForTimeout(300);
    expect(await bar.count()).toBe(0);
    await context.close();
  });
});
