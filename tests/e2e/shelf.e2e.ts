/**
 * The 书架 as a deputy uses it: reports added from the 书架 (Ctrl+O) stay there across restarts
 * with their own annotations and reading position; rename, remove to the 回收站 and restore; a
 * corrected text offered 作为新版本打开 with its 修订对照; two reports side by side.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addReportFile, openReader, screenshot, sharedBrowser, waitForReader } from './browser';
import { select, TOOLBAR } from './annotate';

const browser = sharedBrowser();
const CORPUS = resolve(__dirname, '../../../shared/corpus/provincial-2026');
const shanxi = readFileSync(resolve(CORPUS, '2026_山西省_政府工作报告.txt'), 'utf8');
const SHANXI = '2026年山西省政府工作报告';
const SHELF = '[role=dialog][aria-label="书架"]';

async function add(page: Page, name: string, text: string, how: 'button' | 'ctrl+o' = 'button') {
  await (await addReportFile(page, how)).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
}

const title = (page: Page) => page.locator('h1.report-title').innerText();
const rows = (page: Page) => page.locator(`${SHELF} tbody tr`);

async function highlight(page: Page) {
  const seg = await page.locator('[data-segment-id^="p"]').nth(2).getAttribute('data-segment-id');
  await select(page, { seg: seg!, start: 0, end: 6 });
  await page.locator(TOOLBAR).getByRole('button', { name: /黄/ }).first().click();
  await expect.poll(() => page.locator('mark[data-annotation-id]').count()).toBeGreaterThan(0);
}

describe('书架', () => {
  it('keeps every report opened, each with its own annotations, and reopens the last one after a restart', async () => {
    const { context, page } = await openReader(browser());
    const bundledTitle = await title(page);
    await page.keyboard.press('Control+o');
    await page.locator(SHELF).waitFor();
    expect(await rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('随附');
    await page.keyboard.press('Escape');

    await add(page, '山西.txt', shanxi, 'ctrl+o');
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await waitForReader(page);
    await highlight(page);

    await page.keyboard.press('Control+o');
    await expect.poll(() => rows(page).count()).toBe(2);
    const shanxiRow = page.locator(`${SHELF} tr`, { hasText: SHANXI });
    const cells = await shanxiRow.locator('td').allInnerTexts();
    expect(cells.slice(1, 6)).toEqual(['2026', '山西省', '文本', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '1']);
    await screenshot(page, 'shelf-dialog');
    // The bundled report has none of 山西's annotations.
    await page.locator(SHELF).getByRole('button', { name: bundledTitle }).click();
    await expect.poll(() => title(page)).toBe(bundledTitle);
    await waitForReader(page);
    expect(await page.locator('mark[data-annotation-id]').count()).toBe(0);

    // Back to 山西, then restart: it opens again with its highlight.
    await page.keyboard.press('Control+o');
    await page.locator(SHELF).getByRole('button', { name: SHANXI }).click();
    await expect.poll(() => title(page)).toBe(SHANXI);
    await page.reload();
    await waitForReader(page);
    expect(await title(page)).toBe(SHANXI);
    await expect.poll(() => page.locator('mark[data-annotation-id]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('renames, removes to the 回收站 (offering 导出批注 first) and restores', async () => {
    const { context, page } = await openReader(browser());
    await add(page, '山西.txt', shanxi);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await waitForReader(page);
    await highlight(page);
    await page.keyboard.press('Control+o');
    const row = () => page.locator(`${SHELF} tbody tr`).filter({ hasText: '山西' });
    await row().getByRole('button', { name: '重命名' }).click();
    await row().getByRole('textbox').fill('山西 2026（定稿）');
    await row().getByRole('textbox').press('Enter');
    await expect.poll(() => row().locator('.shelf-title-button').innerText()).toBe('山西 2026（定稿）');

    await row().getByRole('button', { name: '移除' }).click();
    const confirm = page.locator(`${SHELF} .shelf-confirm-row`);
    expect(await confirm.innerText()).toContain('及其 1 条批注移入回收站');
    const download = page.waitForEvent('download');
    await confirm.getByRole('button', { name: '先导出批注' }).click();
    expect((await download).suggestedFilename()).toMatch(/^研读批注-山西2026（定稿）-/);
    await screenshot(page, 'shelf-remove-confirm');
    await confirm.getByRole('button', { name: '移入回收站' }).click();
    // The report being read left: the bundled one is shown, the 书架 stays open.
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.locator(SHELF).getByRole('tab', { name: /回收站/ }).click();
    expect(await rows(page).first().innerText()).toContain('山西 2026（定稿）');
    await screenshot(page, 'shelf-trash');
    await rows(page).first().getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => rows(page).count()).toBe(0);
    await page.locator(SHELF).getByRole('tab', { name: /^书架/ }).click();
    await page.locator(SHELF).getByRole('button', { name: '山西 2026（定稿）' }).click();
    await waitForReader(page);
    await expect.poll(() => page.locator('mark[data-annotation-id]').count()).toBeGreaterThan(0);
    expect(await page.locator('.brand-title').innerText()).toContain('山西 2026（定稿）');
    await context.close();
  });

  it('offers a corrected text 作为新版本打开: the highlight moves, 修订对照 shows the change', async () => {
    const { context, page } = await openReader(browser());
    await add(page, '山西.txt', shanxi);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await waitForReader(page);
    await highlight(page);
    const quote = await page.locator('mark[data-annotation-id]').first().innerText();
    const edited = shanxi.replace('优化提升传统产业。加快钢铁', '优化提升传统产业。加速钢铁').replace('持续开展重大项目建设年活动，', '');
    await add(page, '山西（修订稿）.txt', edited);
    const offer = page.locator('[role=alertdialog][aria-label="作为新版本打开"]');
    await offer.waitFor();
    expect(await offer.innerText()).toContain(`《${SHANXI}》`);
    await screenshot(page, 'shelf-edition-offer');
    await offer.getByRole('button', { name: '作为新版本打开' }).click();
    const revision = page.locator('[role=dialog][aria-label="修订对照"]');
    await revision.waitFor({ timeout: 20_000 });
    expect(await revision.locator('.revision-counts').innerText()).toBe('批注：原样移入 1 条 · 近似移入 0 条 · 孤立 0 条');
    expect(await revision.locator('ins').allInnerTexts()).toContain('速');
    expect(await revision.locator('del').allInnerTexts()).toEqual(expect.arrayContaining(['快', '持续开展重大项目建设年活动，']));
    await screenshot(page, 'shelf-revision');
    await revision.getByRole('button', { name: '关闭' }).click();
    await waitForReader(page);
    await expect.poll(() => page.locator('mark[data-annotation-id]').first().innerText()).toBe(quote);
    await page.keyboard.press('Control+o');
    expect(await rows(page).count()).toBe(3);
    expect(await page.locator(SHELF).innerText()).toContain('旧版本');
    await context.close();
  });

  it('撤销移动 in the 修订对照 puts the highlight back on the old edition and opens it', async () => {
    const { context, page } = await openReader(browser());
    await add(page, '山西.txt', shanxi);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await waitForReader(page);
    await highlight(page);
    const quote = await page.locator('mark[data-annotation-id]').first().innerText();
    await add(page, '山西（修订稿）.txt', shanxi.replace('优化提升传统产业。加快钢铁', '优化提升传统产业。加速钢铁'));
    await page.locator('[role=alertdialog][aria-label="作为新版本打开"]').getByRole('button', { name: '作为新版本打开' }).click();
    const revision = page.locator('[role=dialog][aria-label="修订对照"]');
    await revision.waitFor({ timeout: 20_000 });
    await revision.getByRole('button', { name: '撤销移动' }).click();
    await expect.poll(() => page.locator('.toast').innerText(), { timeout: 15_000 }).toBe(`已撤销：1 条批注移回《${SHANXI}》。`);
    await waitForReader(page);
    // The old edition is open (its wording), with the highlight where it was.
    await expect.poll(() => page.locator('.reader-content').innerText()).toContain('加快钢铁');
    await expect.poll(() => page.locator('mark[data-annotation-id]').first().innerText()).toBe(quote);
    await page.keyboard.press('Control+o');
    const counts = await rows(page).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // Both editions stay on the shelf; the highlight counts on the old one only.
    expect(counts.filter((c) => c[0].includes(SHANXI)).map((c) => c[5]).sort()).toEqual(['0', '1']);
    // Opened later from the 书架, the 修订对照 has no counts and offers no second undo.
    await page.locator(SHELF).getByRole('button', { name: '修订对照' }).click();
    await revision.waitFor();
    expect(await revision.locator('.revision-counts').count()).toBe(0);
    expect(await revision.getByRole('button', { name: '撤销移动' }).count()).toBe(0);
    await screenshot(page, 'shelf-revision-after-undo');
    await context.close();
  });

  it('两年对照 takes last year’s report of the same place from the 书架', async () => {
    // No 2025 长治 report exists here: 山西's 2026 text stands in, titled as 长治's of 2025.
    const lastYear = '2025年长治市政府工作报告';
    const { context, page } = await openReader(browser());
    const bundledTitle = await title(page);
    await add(page, '长治2025.txt', shanxi.replace(SHANXI, lastYear));
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(lastYear);
    await page.keyboard.press('Control+o');
    await page.locator(SHELF).getByRole('button', { name: bundledTitle }).click();
    await expect.poll(() => title(page)).toBe(bundledTitle);
    await waitForReader(page);
    await page.getByRole('button', { name: '目标任务', exact: true }).click();
    const pane = page.locator('[role=dialog][aria-label="目标任务"]');
    await pane.getByRole('tab', { name: '两年对照' }).click();
    await expect.poll(() => pane.innerText(), { timeout: 15_000 }).toContain(`上年报告：《${lastYear}》`);
    expect(await pane.getByRole('button', { name: '选择上年报告…' }).count()).toBe(0);
    await pane.locator('tbody tr').first().waitFor();
    expect(await pane.locator('tbody tr').count()).toBe(9);
    await screenshot(page, 'targets-years-shelf');
    // Last year's target opens last year's report at its sentence.
    const target = pane.locator('tbody tr').first().locator('td').nth(1);
    const quote = (await target.locator('.targets-quote').innerText()).replace(/（上年报告.*$/, '');
    await target.getByRole('button').click();
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(lastYear);
    await expect.poll(() => page.locator('.reader-content').innerText()).toContain(quote);
    await context.close();
  });

  it('对照阅读: two reports side by side; picking a part shows the same-named part of the other', async () => {
    const { context, page } = await openReader(browser());
    await add(page, '山西.txt', shanxi);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    const hebei = readFileSync(resolve(CORPUS, '2026_河北省_政府工作报告.txt'), 'utf8');
    await add(page, '河北.txt', hebei);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe('2026年河北省政府工作报告');
    await page.keyboard.press('Control+o');
    await page.locator(`${SHELF} tr`, { hasText: SHANXI }).getByRole('button', { name: '对照阅读' }).click();
    const view = page.locator('[role=dialog][aria-label="对照阅读"]');
    await view.waitFor();
    const panes = view.locator('.compare-pane');
    expect(await panes.count()).toBe(2);
    const leftPart = panes.nth(1).locator('.compare-outline button', { hasText: /2026年/ }).first();
    await leftPart.click();
    await page.waitForTimeout(300);
    const topText = (i: number) =>
      panes.nth(i).locator('.compare-body').evaluate((box) => {
        const top = box.getBoundingClientRect().top;
        const p = [...box.querySelectorAll('p')].find((x) => x.getBoundingClientRect().bottom > top + 10);
        return p?.textContent ?? '';
      });
    expect(await topText(1)).toMatch(/2026年/);
    expect(await topText(0)).toMatch(/2026年/);
    await screenshot(page, 'shelf-compare');
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);
    await context.close();
  });

  it('搜索 书架全部: results grouped by report with its title; Enter opens that report at the sentence', async () => {
    const { context, page } = await openReader(browser());
    const bundledTitle = await title(page);
    await add(page, '山西.txt', shanxi);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await page.keyboard.press('Control+o');
    await page.locator(SHELF).getByRole('button', { name: bundledTitle }).click();
    await expect.poll(() => title(page)).toBe(bundledTitle);
    await waitForReader(page);
    await page.keyboard.press('Control+f');
    const panel = page.locator('[role=search]');
    await panel.getByRole('button', { name: '书架全部' }).click();
    await panel.getByRole('combobox').fill('新质生产力');
    await expect.poll(() => panel.locator('.yd-search-report-head').allInnerTexts(), { timeout: 20_000 }).toEqual([`《${bundledTitle}》`, `《${SHANXI}》`]);
    await screenshot(page, 'shelf-search');
    // Each report's index is kept for the next start: one row per report, under its fingerprint.
    const storedFor = () =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open('yandu-search-index');
            req.onsuccess = () => {
              const db = req.result;
              if (!db.objectStoreNames.contains('reports')) return resolve('');
              const all = db.transaction('reports').objectStore('reports').getAll();
              all.onsuccess = () =>
                resolve(
                  (all.result as { reportId: string; fingerprint: string }[])
                    .map((r) => `${r.reportId}:${r.fingerprint}`)
                    .sort()
                    .join('|'),
                );
              all.onerror = () => resolve('');
            };
            req.onerror = () => resolve('');
          }),
      );
    await expect.poll(storedFor, { timeout: 15_000 }).toMatch(/^changzhi-2026:[0-9a-f]+\|r-[0-9a-f]+:[0-9a-f]+$/);
    // The first 山西 result: its sentence, opened in 山西.
    const first = panel.locator(`.yd-search-group[data-report-id^="r-"] [role=option]`).first();
    const sentence = (await first.locator('.yd-search-text').innerText()).replace(/^…|…$/g, '');
    const index = await panel.locator('[role=option]').evaluateAll((els, target) => els.indexOf(target as HTMLElement), await first.elementHandle());
    for (let i = 0; i < index; i++) await panel.getByRole('combobox').press('ArrowDown');
    await panel.getByRole('combobox').press('Enter');
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await expect
      .poll(() =>
        page.evaluate((text) => {
          const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
          return [...document.querySelectorAll('[data-segment-id]')].some((p) => {
            const r = p.getBoundingClientRect();
            return r.bottom > box.top && r.top < box.bottom && (p.textContent ?? '').includes(text.slice(0, 12));
          });
        }, sentence),
      )
      .toBe(true);
    // Only 山西's own hits are painted in its text.
    await context.close();
  });

  it('导入批注 of a file for a 书架 report that is not open files it there; for a report not on the shelf, says which one it needs', async () => {
    const { context, page } = await openReader(browser());
    const bundledTitle = await title(page);
    await add(page, '山西.txt', shanxi);
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe(SHANXI);
    await waitForReader(page);
    await highlight(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出批注…' }).click();
    const sign = page.getByRole('button', { name: '署名', exact: true });
    if (await sign.isVisible().catch(() => false)) {
      await page.getByPlaceholder('例如：张三').fill('李四');
      await sign.click();
    }
    const file = readFileSync(await (await download).path(), 'utf8');
    const json = JSON.parse(file) as { report: { id: string; title: string }; annotations: { id: string }[] };
    expect(json.report.title).toBe(SHANXI);
    // Another member's copy with one more annotation, imported while the bundled report is open.
    const extra = { ...json.annotations[0], id: '11111111-2222-4333-8444-555555555555', author: '王五' };
    const member = JSON.stringify({ ...json, exportedBy: '王五', annotations: [...json.annotations, extra] });
    await page.keyboard.press('Control+o');
    await page.locator(SHELF).getByRole('button', { name: bundledTitle }).click();
    await expect.poll(() => title(page)).toBe(bundledTitle);
    const importFile = async (content: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '导入批注…' }).click();
      await (await chooser).setFiles({ name: 'member.json', mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
    };
    await importFile(member);
    await expect.poll(() => page.locator('.toast').innerText().catch(() => ''), { timeout: 15_000 }).toContain(`这是《${SHANXI}》的批注（来自王五），已归入书架中的这份报告：新增 1 条`);
    expect(await page.locator('mark[data-annotation-id]').count()).toBe(0);
    await page.keyboard.press('Control+o');
    expect(await page.locator(`${SHELF} tr`, { hasText: SHANXI }).locator('.shelf-count').innerText()).toBe('2');
    await page.keyboard.press('Escape');
    await importFile(JSON.stringify({ ...json, report: { ...json.report, id: 'r-00000000deadbeef', title: '2026年某省政府工作报告' }, annotations: [] }));
    await expect.poll(() => page.locator('.toast').innerText().catch(() => ''), { timeout: 15_000 }).toContain('这是《2026年某省政府工作报告》的批注，书架上没有这份报告，未导入');
    await context.close();
  });
});
