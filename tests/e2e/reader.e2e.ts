import { describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { addReportFile, sharedBrowser, openReader, screenshot, waitForReader } from './browser';
import { highlight, openMark } from './annotate';

const browser = sharedBrowser();

/** Reading positions in the app's database. */
const storedPositions = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = indexedDB.open('yandu');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('readingPositions').objectStore('readingPositions').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(all.result);
          };
        };
      }),
  );

describe('reading view', () => {
  it('shows the outline with parts 二 and 三 and their items', async () => {
    const { context, page } = await openReader(browser());
    const nav = page.locator('nav[aria-label="目录"]');
    const text = await nav.innerText();
    expect(text).toContain('二、“十五五”时期经济社会发展目标任务');
    expect(text).toContain('三、2026年工作安排');
    // Outline titles are shown with full-width punctuation, like the text.
    for (const item of ['（一）在推动转型发展上实现更大突破', '（八）在美丽长治建设上实现更大突破', '（三）坚持产业升级、聚链成群，坚定推进转型发展', '（七）坚持融合发展、全面振兴']) {
      expect(text).toContain(item);
    }
    // Leads of part 三 (三) are listed under their item.
    expect(text).toContain('培育壮大新兴产业');
    await screenshot(page, 'reader-outline');
    await context.close();
  });

  it('jumps to item (三) of part 三 when it is clicked in the outline', async () => {
    const { context, page } = await openReader(browser());
    const link = page.locator('nav[aria-label="目录"] button.outline-link', { hasText: /^（三）坚持/ });
    await link.click();
    const heading = page.locator('[data-segment-id="h3-3"]');
    await expect.poll(async () => {
      const box = await heading.boundingBox();
      const scroller = await page.locator('.reader-scroll').boundingBox();
      return box && scroller ? Math.abs(box.y - scroller.y) : 9999;
    }).toBeLessThan(60);
    // The outline follows: the clicked item is the current location.
    await expect.poll(() => page.locator('nav[aria-label="目录"] [aria-current="location"]').innerText()).toMatch(/（三）坚持/);
    await context.close();
  });

  it('restores the reading position after a reload', async () => {
    const { context, page } = await openReader(browser());
    await page.locator('nav[aria-label="目录"] button.outline-link', { hasText: '改造升级传统产业' }).click();
    await expect.poll(() => page.locator('nav[aria-label="目录"] [aria-current="location"]').innerText()).toContain('改造升级传统产业');
    // Saves are debounced: wait until the store has it (a slow disk must not fail the test).
    await expect.poll(() => storedPositions(page), { timeout: 10_000 }).toHaveLength(1);
    await page.reload();
    await waitForReader(page);
    await expect.poll(() => page.locator('nav[aria-label="目录"] [aria-current="location"]').innerText().catch(() => ''), { timeout: 8000 }).toContain('改造升级传统产业');
    await context.close();
  });

  it('renders every Han character of the report with a real glyph (no tofu)', async () => {
    const { context, page } = await openReader(browser());
    const result = await page.evaluate(async () => {
      const text = document.querySelector('.reader-page')!.textContent ?? '';
      const chars = [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)))];
      const fonts = ['Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai'];
      for (const f of fonts) await document.fonts.load(`32px "${f}"`, chars.join(''));
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 40;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const draw = (c: string, font: string) => {
        ctx.clearRect(0, 0, 40, 40);
        ctx.font = `32px "${font}"`;
        ctx.fillText(c, 2, 32);
        return ctx.getImageData(0, 0, 40, 40).data.join(',');
      };
      const missing: string[] = [];
      for (const f of fonts.slice(0, 1)) {
        const tofu = draw('\u{10FFFD}', f);
        for (const c of chars) if (draw(c, f) === tofu) missing.push(c);
      }
      // Two different characters must differ, or everything is a box.
      const distinct = draw('研', fonts[0]) !== draw('读', fonts[0]);
      return { count: chars.length, missing, distinct };
    });
    expect(result.count).toBeGreaterThan(500);
    expect(result.distinct).toBe(true);
    expect(result.missing).toEqual([]);
    await context.close();
  });

  it('shows the fragment notices, the PM2.5 subscript and the source remarks', async () => {
    const { context, page } = await openReader(browser());
    const notes = await page.locator('.fragment-notice').allInnerTexts();
    expect(notes.join('\n')).toContain('上接第一版');
    expect(notes.join('\n')).toContain('下转第四版');
    const sub = page.locator('.t-sub').first();
    expect(await sub.innerText()).toBe('2.5');
    const remarks = page.locator('.remark');
    expect(await remarks.count()).toBeGreaterThanOrEqual(3);
    expect(await remarks.first().getAttribute('title')).toContain('勘误提示');
    // Full-width punctuation for display between CJK characters.
    const body = await page.locator('.reader-content').innerText();
    expect(body).toContain('，');
    expect(body).not.toMatch(/\p{Script=Han},\p{Script=Han}/u);
    await context.close();
  });

  it('compresses adjacent full-width punctuation in the text and in 楷体 notes', async () => {
    const { context, page } = await openReader(browser());
    await page.evaluate(() => document.fonts.ready);
    // Width of the pair `，“` (and `”，`) in em: 2 without compression, 1.5 with it.
    const pairWidths = () =>
      page.evaluate(() => {
        const out: number[] = [];
        const root = document.querySelector('.reader-content')!;
        const size = parseFloat(getComputedStyle(root.querySelector('p') ?? root).fontSize);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n && out.length < 6; n = walker.nextNode()) {
          const t = n.textContent ?? '';
          for (const m of t.matchAll(/，“|”，/g)) {
            const r = document.createRange();
            r.setStart(n, m.index!);
            r.setEnd(n, m.index! + 2);
            const rects = [...r.getClientRects()];
            if (rects.length === 1) out.push(rects[0].width / size);
          }
        }
        return out;
      });
    const widths = await pairWidths();
    expect(widths.length).toBeGreaterThanOrEqual(3);
    for (const w of widths) expect(w).toBeLessThan(1.7);
    // At the start of a wrapped line an opening quote loses its blank half too (reader fonts).
    const lineStart = await page.evaluate(() => {
      const p = document.createElement('p');
      p.style.cssText = 'font-family: var(--font-serif); font-size: 20px; width: 200px; margin: 0; text-indent: 0';
      p.textContent = '一二三四五六七八九十“加快”';
      document.querySelector('.reader-content')!.parentElement!.append(p);
      const r = document.createRange();
      r.setStart(p.firstChild!, 10);
      r.setEnd(p.firstChild!, 11);
      const box = r.getBoundingClientRect();
      const left = p.getBoundingClientRect().left;
      p.remove();
      return { width: box.width / 20, atLineStart: Math.abs(box.left - left) < 1 };
    });
    expect(lineStart.atLineStart).toBe(true);
    expect(lineStart.width).toBeLessThan(0.75);
    // The same in a note, set in 楷体, and bold there comes out in 黑体.
    const seg = await page.locator('[data-segment-id]', { hasText: '“一城四区”' }).first().getAttribute('data-segment-id');
    const id = await highlight(page, { seg: seg!, start: 0, end: 4 });
    await openMark(page, id);
    const note = page.locator('.note-input');
    await note.waitFor();
    await note.click();
    await page.keyboard.type('推进，“一城四区”，');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('加粗');
    const inNote = await note.evaluate((el) => {
      const size = parseFloat(getComputedStyle(el).fontSize);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const out: { pair: number; bold: string } = { pair: 0, bold: '' };
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n.textContent ?? '';
        const at = t.indexOf('，“');
        if (at >= 0) {
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + 2);
          out.pair = r.getBoundingClientRect().width / size;
        }
        if (t === '加粗') out.bold = getComputedStyle(n.parentElement!).fontFamily;
      }
      return out;
    });
    expect(inNote.pair).toBeGreaterThan(1);
    expect(inNote.pair).toBeLessThan(1.7);
    expect(inNote.bold).toContain('Noto Sans SC');
    await screenshot(page, 'note-punctuation-bold');
    await context.close();
  });

  it('changes font size with Ctrl+= / Ctrl+- and switches to the dark theme', async () => {
    const { context, page } = await openReader(browser());
    const size = () => page.locator('.reader-page').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.keyboard.press('Control+=');
    await expect.poll(size).toBeGreaterThan(before);
    await page.keyboard.press('Control+-');
    await page.keyboard.press('Control+-');
    await expect.poll(size).toBeLessThan(before);
    await page.getByRole('button', { name: '切换深色/浅色主题' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'reader-dark');
    await context.close();
  });

  it('opens a report file, and refuses a binary file with a clear message, keeping the open report', async () => {
    const { context, page } = await openReader(browser());
    const bad = await addReportFile(page);
    await bad.setFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1]) });
    await expect.poll(() => page.locator('.toast').innerText().catch(() => '')).toMatch(/UTF-8|二进制|文本/);
    expect(await page.locator('[data-segment-id="h3"]').count()).toBe(1);
    const text = '某市2026年政府工作报告\n\n各位代表：\n\n一、过去一年工作回顾\n\n经济运行稳中向好。全年地区生产总值增长5%。\n\n二、今年工作安排\n\n（一）扩大有效投资。推进重点项目建设。\n';
    const good = await addReportFile(page);
    await good.setFiles({ name: 'mou-shi.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await expect.poll(() => page.locator('nav[aria-label="目录"]').innerText()).toContain('一、过去一年工作回顾');
    expect(await page.locator('nav[aria-label="目录"]').innerText()).toContain('（一）扩大有效投资');
    await context.close();
  });
});
