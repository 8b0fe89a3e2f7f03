/**
 * Hostile or damaged data never blanks the app: a note the editor cannot load shows its plain
 * text in 「此批注无法显示」, a damaged stored row is set aside with a notice, and the rest of the
 * app keeps working.
 */
import { describe, expect, it } from 'vitest';
import { openReader, screenshot, sharedBrowser } from './browser';
import { DIALOG, highlight, markIds, stored } from './annotate';
import { bundledReport, makeAnnotations, seed } from './seed';

const browser = sharedBrowser();
const report = bundledReport();

/** Lexical JSON whose paragraph holds a node type the note editor does not register. */
const unknownNode = JSON.stringify({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'equation', version: 1, equation: 'x' }] }] },
});

describe('hostile data', () => {
  it('a record whose note has an unknown node type is set aside under 待修复 with its text; other notes still open', async () => {
    const { context, page } = await openReader(browser());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const [bad, good] = makeAnnotations(report, [
      { paragraphId: 'p2-2-1', start: 20, end: 30, color: 'red', note: '组员的批注原文' },
      { paragraphId: 'p2-1-1', start: 20, end: 36, color: 'green', note: '正常的批注' },
    ]);
    await seed(page, [{ ...bad, note: { json: unknownNode, text: '组员的批注原文' } }, good]);
    const repair = page.getByRole('region', { name: '待修复' });
    await expect.poll(() => repair.innerText()).toContain('组员的批注原文');
    expect(await repair.innerText()).toContain('不支持的节点类型');
    expect(await page.locator(`mark[data-annotation-id="${bad.id}"]`).count()).toBe(0);
    await screenshot(page, 'broken-note');
    await page.locator(`mark[data-annotation-id="${good.id}"]`).first().click();
    await expect.poll(() => page.locator(`${DIALOG} .note-input`).innerText()).toContain('正常的批注');
    // Still usable: a new highlight works.
    await page.keyboard.press('Escape');
    const id = await highlight(page, { seg: 'p1-0-2', start: 11, end: 26 });
    expect(await markIds(page)).toContain(id);
    // 删除 removes the damaged record for good; nothing else changes.
    await repair.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => repair.count()).toBe(0);
    expect((await markIds(page)).sort()).toEqual([good.id, id].sort());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a damaged stored row (colour "orange") is set aside with a notice; the app starts and the others show', async () => {
    const { context, page } = await openReader(browser());
    const [damaged, fine] = makeAnnotations(report, [
      { paragraphId: 'p2-2-1', start: 20, end: 30, color: 'yellow' },
      { paragraphId: 'p2-1-1', start: 20, end: 36, color: 'green' },
    ]);
    await seed(page, [{ ...damaged, color: 'orange' as never }, fine]);
    await expect.poll(() => page.locator('.error-banner').innerText()).toContain('1 条已存批注的数据已损坏');
    expect(await markIds(page)).toEqual([fine.id]);
    await context.close();
  });

  it('a full disk: the colour change is refused with 重试, which saves it once there is room', async () => {
    const { context, page } = await openReader(browser());
    const id = await highlight(page, { seg: 'p1-0-2', start: 11, end: 26 });
    // The disk fills up: IndexedDB refuses writes with the error Chromium raises then. (Chromium's
    // DevTools quota override does not reach a connection that is already open, so writes are
    // refused at the IndexedDB API instead, below Dexie and everything of 研读.)
    await page.evaluate(() => {
      const w = window as unknown as { __diskFull: boolean };
      w.__diskFull = true;
      for (const m of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[m];
        IDBObjectStore.prototype[m] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
          if (w.__diskFull) throw new DOMException('The disk is full.', 'QuotaExceededError');
          return original.apply(this, args);
        } as typeof original;
      }
    });
    await page.locator(`mark[data-annotation-id="${id}"]`).first().click();
    await page.locator(DIALOG).getByRole('radio', { name: /疑问/ }).click();
    const banner = page.locator('.error-banner');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toContain('“更改颜色”没有保存');
    expect(await banner.innerText()).toContain('存储空间已满');
    await screenshot(page, 'full-disk-retry');
    expect((await stored(page)).find((r) => r.id === id)?.color).toBe('yellow');
    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
    await banner.getByRole('button', { name: '重试' }).click();
    await expect.poll(async () => (await stored(page)).find((r) => r.id === id)?.color).toBe('red');
    await expect.poll(() => page.locator('.unsaved-action').count()).toBe(0);
    await expect.poll(() => page.locator(`mark[data-annotation-id="${id}"]`).first().getAttribute('data-color')).toBe('red');
    await context.close();
  });
});

