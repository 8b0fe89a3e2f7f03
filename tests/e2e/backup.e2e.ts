/** 设置 → 备份与恢复 end to end (browser host: backups in their own IndexedDB). */
import { describe, expect, it } from 'vitest';
import { openReader, screenshot, sharedBrowser } from './browser';
import { DIALOG, highlight, markIds, openMark } from './annotate';

const browser = sharedBrowser();
const toast = (page: import('@playwright/test').Page) => page.locator('.toast').innerText().catch(() => '');

describe('备份与恢复', () => {
  it('backs up, and restores a deleted highlight after saying what will change; Ctrl+Z undoes the restore', async () => {
    const { context, page } = await openReader(browser());
    const a = await highlight(page, { seg: 'p2-2-1', start: 20, end: 30 });
    const b = await highlight(page, { seg: 'p2-1-1', start: 20, end: 36 });
    await page.getByRole('button', { name: '设置' }).click();
    const panel = page.getByRole('group', { name: '备份与恢复' });
    await panel.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => toast(page)).toContain('已备份全部批注');
    // Listed in 设置 (the same day's automatic backup is rotated out: one per day is kept).
    await expect.poll(() => panel.getByRole('list', { name: '已有备份' }).innerText()).toContain('手动备份');
    await page.keyboard.press('Escape');

    await openMark(page, b);
    await page.locator(DIALOG).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => markIds(page)).toEqual([a]);

    await page.getByRole('button', { name: '设置' }).click();
    await panel.getByRole('listitem').filter({ hasText: '手动备份' }).getByRole('button', { name: '恢复…' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确认恢复' });
    await expect.poll(() => confirm.innerText()).toContain('恢复 1 条');
    await screenshot(page, 'backup-restore');
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => toast(page)).toContain('已恢复备份');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await markIds(page)).sort()).toEqual([a, b].sort());

    await page.locator('.report-title').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => toast(page)).toContain('已撤销：恢复备份');
    await expect.poll(() => markIds(page)).toEqual([a]);
    await context.close();
  });

  it('brings back a draft of 起草 deleted for good', async () => {
    const { context, page } = await openReader(browser(), { width: 1440, height: 900 });
    await page.getByRole('button', { name: '起草', exact: true }).click();
    const drafts = page.locator('[role=dialog][aria-label="起草"]');
    await drafts.getByRole('button', { name: '新建审议发言提纲' }).click();
    await drafts.locator('.draft-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('备份之前写的发言要点。');
    await page.waitForTimeout(1200);
    await drafts.getByRole('button', { name: '关闭起草' }).click();
    await page.getByRole('button', { name: '设置' }).click();
    const panel = page.getByRole('group', { name: '备份与恢复' });
    await panel.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => toast(page)).toContain('已备份全部批注和草稿');
    await page.keyboard.press('Escape');

    // Deleted, then deleted for good from 最近删除.
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await drafts.getByRole('button', { name: /^删除草稿 / }).click();
    await drafts.locator('.drafts-deleted summary').click();
    page.once('dialog', (d) => void d.accept());
    await drafts.getByRole('button', { name: /^永久删除草稿 / }).click();
    await expect.poll(() => drafts.locator('.drafts-deleted').count()).toBe(0);
    await drafts.getByRole('button', { name: '关闭起草' }).click();

    await page.getByRole('button', { name: '设置' }).click();
    await panel.getByRole('listitem').filter({ hasText: '手动备份' }).getByRole('button', { name: '恢复…' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确认恢复' });
    await expect.poll(() => confirm.innerText()).toContain('将找回 1 份草稿');
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => toast(page)).toContain('已恢复备份');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await expect.poll(() => drafts.locator('.draft-content').innerText()).toContain('备份之前写的发言要点。');
    await context.close();
  });
});
