/**
 * 打开报告 and drag-and-drop in the browser host, as a deputy tries them: a Word file, a PDF, a saved
 * web page and a GB18030 text open with the header block above the body and labels counting from
 * the first body paragraph; a scanned PDF is refused and the open report stays as it was.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanLines, cleanText } from '../fixtures/formats/clean-report';
import { scannedPdf } from '../fixtures/formats/bad-files';
import { makeDocx } from '../fixtures/formats/make-docx';
import { makeHtml } from '../fixtures/formats/make-html';
import { makePdf } from '../fixtures/formats/make-pdf';
import { addReportFile, openReader, screenshot, sharedBrowser, waitForReader } from './browser';

const browser = sharedBrowser();
const CORPUS = resolve(__dirname, '../../../shared/corpus/provincial-2026');
const hebei = cleanLines(readFileSync(resolve(CORPUS, '2026_河北省_政府工作报告.txt'), 'utf8'));
const TITLE = '2026年河北省政府工作报告';

async function choose(page: Page, how: 'button' | 'ctrl+o', name: string, buffer: Uint8Array): Promise<void> {
  await (await addReportFile(page, how)).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
}

async function drop(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      const target = document.querySelector('.reader-scroll')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, data: Array.from(bytes) },
  );
}

async function expectHebei(page: Page): Promise<void> {
  await expect.poll(() => page.locator('h1.report-title').innerText(), { timeout: 20_000 }).toBe(TITLE);
  await waitForReader(page);
  const header = page.locator('header.report-front');
  await expect.poll(() => header.innerText()).toContain('——2026年1月26日在河北省第十四届人民代表大会第四次会议上');
  expect(await header.locator('[data-front-kind="address"]').innerText()).toBe('各位代表：');
  // Citation labels count from the first body paragraph, after the header.
  expect(await page.locator('[data-segment-id="p0-0-1"]').innerText()).toMatch(/^现在，我代表省人民政府向大会报告工作/);
  expect(await page.locator('nav[aria-label="目录"]').innerText()).toContain('三、2026年主要工作');
}

describe('打开报告 in other formats', () => {
  it('opens a Word file from the 打开报告 button, with the header block above the body', async () => {
    const { context, page } = await openReader(browser());
    await choose(page, 'button', '河北省政府工作报告.docx', await makeDocx(hebei, '征求意见稿'));
    await expectHebei(page);
    expect(await page.locator('.toast').innerText()).toBe(`已打开并放上书架：${TITLE}`);
    await screenshot(page, 'open-docx-header');
    await context.close();
  });

  it('opens an A4 PDF with Ctrl+O, page numbers gone', async () => {
    const { context, page } = await openReader(browser());
    await choose(page, 'ctrl+o', '河北.pdf', await makePdf(browser(), hebei, '政府工作报告'));
    await expectHebei(page);
    expect(await page.locator('.reader-content').innerText()).not.toMatch(/— \d+ —/);
    await context.close();
  });

  it('opens a saved web page and a GB18030 text dropped on the window', async () => {
    const { context, page } = await openReader(browser());
    await drop(page, '河北.html', new TextEncoder().encode(makeHtml(hebei, '河北省人民政府')));
    await expectHebei(page);
    expect(await page.locator('.reader-content').innerText()).not.toContain('索引号');
    await page.goto(page.url());
    await waitForReader(page);
    await drop(page, '河北（记事本）.txt', new Uint8Array(iconv.encode(cleanText(hebei).replace(/\n/g, '\r\n'), 'gb18030')));
    await expectHebei(page);
    await context.close();
  });

  it('shows 内蒙古’s unnumbered headings, run-in leads and its appendix as a part of its own', async () => {
    const { context, page } = await openReader(browser());
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const source = readFileSync(resolve(CORPUS, '2026_内蒙古自治区_政府工作报告.txt'));
    await choose(page, 'button', '内蒙古.txt', new Uint8Array(source));
    await expect.poll(() => page.locator('h1.report-title').innerText(), { timeout: 20_000 }).toBe('2026年内蒙古自治区政府工作报告');
    const nav = page.locator('nav[aria-label="目录"]');
    const top = await nav.locator(':scope > ul > li.outline-l0 > .outline-row .outline-link').allInnerTexts();
    expect(top).toEqual(['“十四五”时期发展成就和2025年工作回顾', '“十五五”时期主要目标和2026年重点工作', '附件　2026年自治区民生实事']);
    expect(await nav.locator('li.outline-l3 .outline-link').allInnerTexts()).toEqual(expect.arrayContaining(['二要培育壮大新兴产业和未来产业', '十要实施城乡人居环境改善工程']));
    await page.locator('nav[aria-label="目录"] button.outline-link', { hasText: '附件' }).click();
    await expect.poll(() => page.locator('[data-segment-id="a1"]').isVisible()).toBe(true);
    await screenshot(page, 'open-appendix');
    expect(errors.filter((e) => /key/i.test(e))).toEqual([]);
    await context.close();
  });

  it('refuses a scanned PDF with a Chinese message and keeps the open report', async () => {
    const { context, page } = await openReader(browser());
    const before = await page.locator('h1.report-title').innerText();
    const paragraphs = await page.locator('[data-segment-id]').count();
    await choose(page, 'button', '扫描件.pdf', scannedPdf());
    await expect.poll(() => page.locator('.toast').innerText(), { timeout: 20_000 }).toContain('这是扫描件，没有可读取的文字');
    expect(await page.locator('h1.report-title').innerText()).toBe(before);
    expect(await page.locator('[data-segment-id]').count()).toBe(paragraphs);
    await screenshot(page, 'open-scanned-refused');
    await context.close();
  });
});
