/**
 * 导入批注 of a large member file: the progress bar shows while it runs, 取消 leaves nothing,
 * and the whole file then lands (the list counts every annotation).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { serializeExchange } from '../../shared/exchange';
import { segmentReport } from '../../shared/report/segment';
import { randomAnnotations } from '../../bench/annotation-fixtures';
import { openReader, screenshot, sharedBrowser } from './browser';

const browser = sharedBrowser();
const LIST = 'aside[aria-label="批注列表"]';
const N = 20_000;

function largeFile(): string {
  const report = segmentReport(readFileSync('resources/reports/changzhi-2026/source.txt', 'utf8'), { id: 'changzhi-2026' });
  const annotations = randomAnnotations(report, N, { seed: 4, noteMax: 80 }).map((a) => ({ ...a, author: '李四' }));
  const file = join(mkdtempSync(join(tmpdir(), 'yandu-import-large-')), 'large.json');
  writeFileSync(file, serializeExchange({ exportedAt: Date.now(), exportedBy: '李四', report: { id: report.id, title: '长治市2026年政府工作报告', fingerprint: report.fingerprint }, annotations }));
  return file;
}

const listed = (page: Page) =>
  page.evaluate((sel) => [...document.querySelectorAll(`${sel} .color-filter .count`)].reduce((n, c) => n + Number(c.textContent), 0), LIST);

async function importFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入批注…' }).click()]);
  await chooser.setFiles(path);
}

describe('a large import', () => {
  it('shows its progress, can be cancelled without a trace, and then imports every annotation', async () => {
    const file = largeFile();
    const { page } = await openReader(browser());
    const bar = page.getByRole('status', { name: '导入进度' });

    // Cancelled while it runs: nothing is kept.
    await importFile(page, file);
    await bar.waitFor({ timeout: 60_000 });
    await bar.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('.toast').innerText().catch(() => ''), { timeout: 60_000 }).toContain('已取消导入，没有任何改动');
    await expect.poll(() => bar.count()).toBe(0);
    expect(await listed(page)).toBe(0);

    await importFile(page, file);
    await bar.waitFor({ timeout: 60_000 });
    await expect.poll(() => bar.locator('progress').count()).toBe(1);
    await screenshot(page, 'import-large-progress');
    await expect.poll(() => listed(page), { timeout: 170_000, interval: 500 }).toBe(N);
    await expect.poll(() => bar.count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => page.locator('.toast').innerText().catch(() => '')).toContain(`新增 ${N} 条`);
    await screenshot(page, 'import-large-done');
  }, 240_000);
});
