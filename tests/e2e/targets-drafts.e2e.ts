/**
 * 目标任务 and 起草 end to end in the browser host: the table, a flag that becomes an annotation,
 * exports, a draft quoting a 拟提建议 passage that follows an edited note and survives a reload.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { openReader, screenshot, sharedBrowser } from './browser';
import { highlight, stored } from './annotate';

const browser = sharedBrowser();
const PANE = '[role=dialog][aria-label="目标任务"]';
const DRAFTS = '[role=dialog][aria-label="起草"]';
const CORPUS = new URL('../../../shared/corpus/provincial-2026', import.meta.url).pathname;

describe('目标任务 pane', () => {
  it('lists, filters and sorts targets, flags a figure as an annotation and exports the table', async () => {
    const { page } = await openReader(browser(), { width: 1440, height: 900 });
    await page.locator('.author-field input').fill('王代表').catch(() => undefined);
    await page.getByRole('button', { name: '目标任务', exact: true }).click();
    const pane = page.locator(PANE);
    await pane.locator('table').waitFor();
    const total = await pane.locator('tbody tr').count();
    expect(total).toBeGreaterThan(100);

    await pane.getByLabel('按类别筛选').selectOption('年度主要预期目标');
    await expect.poll(() => pane.locator('tbody tr td:nth-child(3)').allInnerTexts()).toEqual([
      '地区生产总值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '城乡居民人均可支配收入', '居民消费价格涨幅', '新增城镇就业',
    ]);
    await pane.getByRole('button', { name: /^数值/ }).click();
    await pane.getByRole('button', { name: /^数值/ }).click();
    // Descending by number: the 6 % targets first, the qualitative one (no number) last.
    const values = await pane.locator('tbody tr td:nth-child(5)').allInnerTexts();
    expect([values[0], values[values.length - 1]]).toEqual(['6%左右', '增速高于经济增长水平']);
    await screenshot(page, 'targets-table');

    await pane.getByLabel('按类别筛选').selectOption('');
    await pane.getByLabel('搜索目标任务').fill('PM2.5');
    await expect.poll(() => pane.locator('tbody tr').count()).toBeGreaterThan(0);
    await pane.getByLabel('搜索目标任务').fill('');
    await pane.getByLabel('按类别筛选').selectOption('年度主要预期目标');

    // A row opens its sentence in the reader.
    await pane.getByRole('button', { name: '三¶2' }).first().click();
    await expect.poll(() => page.locator('[data-segment-id="p3-0-2"]').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);

    // Flag 地区生产总值 6%左右 as 存疑 with a note: an annotation on exactly those characters.
    await pane.getByLabel('标记 地区生产总值 6%左右').selectOption('存疑');
    await page.getByRole('textbox', { name: '标记说明' }).fill('比全省目标高一个百分点，依据？');
    await page.getByRole('button', { name: '保存标记' }).click();
    await expect.poll(async () => (await stored(page)).map((a) => [a.anchor.quote, a.note.text, a.color])).toEqual([['6%左右', '比全省目标高一个百分点，依据？', 'red']]);
    await expect(pane.locator('.targets-flag').first().innerText()).resolves.toBe('存疑');
    await expect.poll(() => page.locator('aside[aria-label="批注列表"]').innerText()).toContain('比全省目标高一个百分点');
    await screenshot(page, 'targets-flagged');

    const [csv] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    // The export is the table as shown: filtered to 7 rows, in the chosen order.
    expect(text.trimEnd().split('\r\n')).toHaveLength(8);
    expect(text).toContain('\r\n三¶2,年度主要预期目标,地区生产总值,增长,6%左右,%,地区生产总值增长6%左右\r\n');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/目标任务\.xlsx$/);
    const zip = await JSZip.loadAsync(readFileSync((await xlsx.path())!));
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('新增城镇就业');
  });
});

describe('the 目标任务 and 起草 panes from the keyboard', () => {
  it('take focus when opened, close with Esc and give focus back to their toolbar button', async () => {
    const { page } = await openReader(browser(), { width: 1024, height: 768 });
    for (const [name, sel] of [['目标任务', PANE], ['起草', DRAFTS]] as const) {
      const button = page.getByRole('button', { name, exact: true });
      await button.click();
      await page.locator(sel).waitFor();
      await expect.poll(() => page.evaluate((s) => document.querySelector(s)?.contains(document.activeElement) ?? false, sel)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(sel).count()).toBe(0);
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    }
  });
});

describe('两年对照 tab', () => {
  it('sets the targets of another report beside this report’s review, each result opening its sentence', async () => {
    // No 2025 report exists here: 山西's 2026 report stands in for "last year" (长治 is in 山西).
    const { page } = await openReader(browser(), { width: 1440, height: 900 });
    await page.getByRole('button', { name: '目标任务', exact: true }).click();
    const pane = page.locator(PANE);
    await pane.getByRole('tab', { name: '两年对照' }).click();
    await expect.poll(() => pane.innerText()).toContain('选择去年的政府工作报告');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pane.getByRole('button', { name: '选择上年报告…' }).click()]);
    await chooser.setFiles(`${CORPUS}/2026_山西省_政府工作报告.txt`);
    await pane.locator('tbody tr').first().waitFor();
    const first = pane.locator('tbody tr').first();
    expect(await first.locator('td').first().innerText()).toBe('地区生产总值');
    // The nine 主要预期目标 of 山西 (its 约束性指标 sentence is another category).
    expect(await pane.locator('tbody tr').count()).toBe(9);
    const statuses = await pane.locator('tbody td.years-status').allInnerTexts();
    expect(statuses.every((s) => ['完成', '未完成', '未提及', '需看原文'].includes(s))).toBe(true);
    await screenshot(page, 'targets-years');
    const jump = pane.locator('tbody .targets-jump').first();
    if (await jump.count()) await jump.click();
  });
});

describe('起草 pane', () => {
  it('starts a 代表建议 from 拟提建议 passages, follows an edited note, saves as typed and exports .docx', async () => {
    const { page } = await openReader(browser(), { width: 1440, height: 900 });
    const id = await highlight(page, { seg: 'p3-0-2', start: 20, end: 31 }, '拟提建议');
    await page.getByRole('button', { name: '起草', exact: true }).click();
    const pane = page.locator(DRAFTS);
    await pane.getByRole('button', { name: '新建代表建议' }).click();
    const quote = pane.locator(`.draft-quote[data-annotation-id="${id}"]`);
    await quote.waitFor();
    expect(await quote.innerText()).toContain('（三¶2）');
    expect(await quote.innerText()).toContain('数据：地区生产总值增长6%左右');

    // Type into the draft; it is saved without any button.
    await pane.locator('.draft-content h2').last().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('建议合理设定增速目标。');
    await page.waitForTimeout(1500);
    await screenshot(page, 'drafts-proposal');

    // Edit the annotation's note in the reader: the quote in the draft follows.
    await pane.getByRole('button', { name: '关闭起草' }).click();
    await page.locator(`mark[data-annotation-id="${id}"]`).first().click();
    await page.locator('[role=dialog][aria-label="批注"] [contenteditable=true]').first().click();
    await page.keyboard.type('增速是否过高');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await expect.poll(() => quote.innerText()).toContain('批注：增速是否过高');

    // Reload: the draft is still there with what was typed.
    await page.reload();
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await expect.poll(() => page.locator(DRAFTS).locator('.draft-content').innerText()).toContain('建议合理设定增速目标。');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.locator(DRAFTS).getByRole('button', { name: /导出 Word/ }).click()]);
    const zip = await JSZip.loadAsync(readFileSync((await docx.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('建议合理设定增速目标。');
    expect(xml).toContain('（政府工作报告 三¶2）');
    expect(xml).toContain('增速是否过高');
  });

  it('deletes a draft with what was just typed into 最近删除; 撤销, Ctrl+Z and 恢复 bring it back', async () => {
    const { page } = await openReader(browser(), { width: 1440, height: 900 });
    await page.getByRole('button', { name: '起草', exact: true }).click();
    const pane = page.locator(DRAFTS);
    await pane.getByRole('button', { name: '新建审议发言提纲' }).click();
    await pane.locator('.draft-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // Deleted at once, before the typing is saved: the text goes with it.
    await page.keyboard.type('刚写的一句话。');
    await pane.getByRole('button', { name: /^删除草稿 / }).click();
    await expect.poll(() => pane.locator('.drafts-undo').innerText()).toMatch(/^已删除草稿“.+”。/);
    expect(await pane.locator('.drafts-list li').count()).toBe(0);
    expect(await pane.locator('.drafts-deleted summary').innerText()).toBe('最近删除（1）');
    await screenshot(page, 'drafts-deleted');
    await pane.locator('.drafts-undo').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => pane.locator('.draft-content').innerText()).toContain('刚写的一句话。');
    expect(await pane.locator('.drafts-deleted').count()).toBe(0);

    // Ctrl+Z with focus outside the editor undoes a deletion too.
    await pane.getByRole('button', { name: /^删除草稿 / }).click();
    await pane.locator('.drafts-undo').waitFor();
    await pane.locator('.drafts-undo button').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => pane.locator('.drafts-list li').count()).toBe(1);

    // After a reload the deleted draft is still under 最近删除, with its text.
    await pane.getByRole('button', { name: /^删除草稿 / }).click();
    await page.reload();
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await page.locator(DRAFTS).locator('.drafts-deleted summary').click();
    await page.locator(DRAFTS).getByRole('button', { name: /^恢复草稿 / }).click();
    await expect.poll(() => page.locator(DRAFTS).locator('.draft-content').innerText()).toContain('刚写的一句话。');
  });

  it('formats with the toolbar (小标题, 编号, 正文), undoes and redoes, and the Markdown export follows', async () => {
    const { page } = await openReader(browser(), { width: 1440, height: 900 });
    await page.getByRole('button', { name: '起草', exact: true }).click();
    const pane = page.locator(DRAFTS);
    await pane.getByRole('button', { name: '新建审议发言提纲' }).click();
    const bar = pane.getByRole('toolbar', { name: '草稿格式' });
    await pane.locator('.draft-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('关于就业的意见');
    await bar.getByRole('button', { name: '小标题' }).click();
    await expect.poll(() => pane.locator('.draft-content h2').last().innerText()).toBe('关于就业的意见');
    expect(await bar.getByRole('button', { name: '小标题' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await bar.getByRole('button', { name: '编号' }).click();
    await page.keyboard.type('稳岗扩岗');
    await page.keyboard.press('Enter');
    await page.keyboard.type('技能培训');
    expect(await pane.locator('.draft-content ol li').allInnerTexts()).toEqual(['稳岗扩岗', '技能培训']);
    await screenshot(page, 'drafts-toolbar');
    // 撤销 until the list is gone, 重做 brings it back.
    const undo = bar.getByRole('button', { name: '撤销' });
    while ((await pane.locator('.draft-content ol').count()) > 0) await undo.click();
    const redo = bar.getByRole('button', { name: '重做' });
    while (await redo.isEnabled()) await redo.click();
    expect(await pane.locator('.draft-content ol li').allInnerTexts()).toEqual(['稳岗扩岗', '技能培训']);
    await page.waitForTimeout(1200);
    const [md] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: '导出 Markdown' }).click()]);
    const text = readFileSync((await md.path())!, 'utf8');
    expect(text).toContain('## 关于就业的意见');
    expect(text).toMatch(/\n1\. 稳岗扩岗/);
  });
});
