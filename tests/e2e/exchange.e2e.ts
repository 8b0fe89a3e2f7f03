/**
 * Study-group exchange end to end: one member exports, another imports into a store that has
 * highlights of its own; duplicates, undo and a damaged file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { openReader, screenshot, sharedBrowser } from './browser';
import { markIds, select, stored, TOOLBAR } from './annotate';

const browser = sharedBrowser();
const LIST = 'aside[aria-label="批注列表"]';
const toast = (page: Page) => page.locator('.toast').innerText().catch(() => '');

async function member(name: string): Promise<Page> {
  const { page } = await openReader(browser());
  await page.locator('.author-field input').fill(name);
  return page;
}

async function highlight(page: Page, seg: string, start: number, end: number, color = /^重点/): Promise<void> {
  const before = (await markIds(page)).length;
  await select(page, { seg, start, end });
  await page.locator(TOOLBAR).getByRole('button', { name: color }).click();
  await expect.poll(async () => (await markIds(page)).length).toBe(before + 1);
}

async function importFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入批注…' }).click()]);
  await chooser.setFiles(path);
}

describe('exchange file between members', () => {
  it('exports one member’s highlights and merges them into another’s store, once, undoably', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yandu-exchange-'));
    const lisi = await member('李四');
    await highlight(lisi, 'p1-0-2', 10, 20);
    await highlight(lisi, 'p2-0-1', 4, 12, /^数据指标/);
    const [download] = await Promise.all([lisi.waitForEvent('download'), lisi.getByRole('button', { name: '导出批注…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^研读批注-.+-李四-\d{8}\.json$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.format).toBe('yandu-annotations');
    expect(json.annotations.map((a: { author: string }) => a.author)).toEqual(['李四', '李四']);
    await expect.poll(() => toast(lisi)).toContain('已导出 2 条批注');
    const lisiIds = (await markIds(lisi)).sort();

    const zhang = await member('张三');
    await highlight(zhang, 'p1-0-2', 10, 20); // the same words as 李四: still two annotations
    const mine = await markIds(zhang);
    await importFile(zhang, file);
    await expect.poll(() => toast(zhang)).toContain('导入（来自李四）：新增 2 条');
    await expect.poll(async () => (await markIds(zhang)).sort()).toEqual([...mine, ...lisiIds].sort());
    await expect.poll(() => zhang.locator(`${LIST} select[aria-label="按作者筛选"] option`).allInnerTexts()).toEqual(['全部作者', '李四', '张三']);
    // Who wrote what stays visible: each list item names its member once there are several.
    expect((await zhang.locator(`${LIST} .annotation-item .annotation-author`).allInnerTexts()).sort()).toEqual(['张三', '李四', '李四']);
    await screenshot(zhang, 'exchange-imported');

    // The same file again: nothing doubles.
    await importFile(zhang, file);
    await expect.poll(() => toast(zhang)).toContain('没有新的批注：文件中的 2 条都已存在');
    expect((await markIds(zhang)).length).toBe(3);

    // Undo takes the whole import back; the reload shows the store agrees.
    await zhang.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await zhang.keyboard.press('Control+z');
    await expect.poll(() => toast(zhang)).toContain('已撤销：导入批注');
    await expect.poll(() => markIds(zhang)).toEqual(mine);
    await zhang.reload();
    await zhang.locator('[data-segment-id]').first().waitFor();
    await expect.poll(() => markIds(zhang)).toEqual(mine);

    // A damaged file is refused with the reason, and nothing changes.
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(file, 'utf8').slice(0, 200));
    await importFile(zhang, broken);
    await expect.poll(() => toast(zhang)).toContain('未导入：不是有效的批注文件（JSON 格式错误）');
    expect(await markIds(zhang)).toEqual(mine);
    await screenshot(zhang, 'exchange-refused');
  });
});

describe('a member file that changes my annotations', () => {
  it('asks first (全部接受 / 仅新增 / 取消); 仅新增 keeps mine and adds theirs', async () => {
    const zhang = await member('张三');
    await highlight(zhang, 'p2-2-1', 20, 30);
    const [mine] = await markIds(zhang);
    const rows = await stored(zhang);
    const t = Date.now() + 1000;
    // 李四's file: a newer tombstone of my highlight, and one new highlight of his.
    const tomb = { ...rows[0], deleted: true, updatedAt: t };
    const his = { ...rows[0], id: 'li-si-1', author: '李四', color: 'blue', anchor: { ...rows[0].anchor }, createdAt: t, updatedAt: t };
    const file = join(mkdtempSync(join(tmpdir(), 'yandu-review-')), 'lisi.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'yandu-annotations',
        version: 1,
        exportedAt: t,
        exportedBy: '李四',
        report: { id: 'changzhi-2026', title: '长治市2026年政府工作报告', fingerprint: '' },
        annotations: [tomb, his].map((r) => ({ ...r, deleted: r.deleted === 1 || r.deleted === true })),
      }),
    );
    await importFile(zhang, file);
    const dialog = zhang.getByRole('alertdialog', { name: '确认导入' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('删除');
    await screenshot(zhang, 'import-review');
    await dialog.getByRole('button', { name: '仅新增' }).click();
    await expect.poll(() => markIds(zhang)).toEqual(expect.arrayContaining([mine, 'li-si-1']));
    expect(await zhang.getByRole('alertdialog').count()).toBe(0);
    await zhang.context().close();
  });
});
