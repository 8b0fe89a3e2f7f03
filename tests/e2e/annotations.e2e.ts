/**
 * Highlights and notes end to end: selection → toolbar → marks in the reading view → Dexie →
 * reload. Selections are made programmatically over the paragraphs' text nodes (canonical
 * offsets = DOM text offsets) and once with a real mouse drag.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from '@playwright/test';
import { sharedBrowser, openReader, screenshot, waitForReader } from './browser';
import { DIALOG, highlight, markIds, openMark, select, stored, TOOLBAR } from './annotate';

const browser = sharedBrowser();

const LIST = 'aside[aria-label="批注列表"]';

/** Display text of paragraph `seg` between canonical offsets (what a mark over it must show). */
const segText = (page: Page, seg: string, start: number, end: number) =>
  page.locator(`[data-segment-id="${seg}"]`).evaluate((el, [a, b]) => el.textContent!.slice(a, b), [start, end] as const);

/** Concatenated text of the marks of annotation `id` inside paragraph `seg`. */
const markText = (page: Page, id: string, seg?: string) =>
  page.evaluate(
    ([id, seg]) =>
      [...document.querySelectorAll<HTMLElement>(`${seg ? `[data-segment-id="${seg}"] ` : ''}mark[data-annotation-ids~="${id}"]`)].map((m) => m.textContent).join(''),
    [id, seg] as const,
  );

const live = async (page: Page) => (await stored(page)).filter((a) => a.deleted === 0);

async function reload(page: Page): Promise<void> {
  await page.reload();
  await waitForReader(page);
}

/** Highlights `s` with the toolbar button `meaning`; returns the new annotation id. */
/** Puts focus on the page body (not a text field), so Ctrl+Z belongs to the annotations. */
async function focusBody(page: Page): Promise<void> {
  await page.locator('.report-title').click();
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
}

function track(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function fresh(opts: { clipboard?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  if (!opts.clipboard) {
    const { context, page } = await openReader(browser());
    return { context, page, errors: track(page) };
  }
  const context = await browser().newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = track(page);
  await page.goto(process.env.E2E_URL ?? 'http://127.0.0.1:4391/');
  await waitForReader(page);
  return { context, page, errors };
}

describe('highlights', () => {
  it('keeps a highlight on the same characters after a reload', async () => {
    const { context, page, errors } = await fresh();
    const s = { seg: 'p1-0-2', start: 11, end: 26 };
    const expected = await segText(page, s.seg, s.start, s.end);
    expect(await select(page, s)).toBe(expected);
    await screenshot(page, 'annotations-toolbar');
    await page.locator(TOOLBAR).getByRole('button', { name: /^重点/ }).click();
    await expect.poll(() => markIds(page)).toHaveLength(1);
    const [id] = await markIds(page);
    expect(await markText(page, id, s.seg)).toBe(expected);
    expect(await page.locator(`mark[data-annotation-id="${id}"]`).getAttribute('data-color')).toBe('yellow');
    // The toolbar goes away with the selection.
    await expect.poll(() => page.locator(TOOLBAR).count()).toBe(0);
    const rec = (await live(page))[0];
    expect(rec.anchor).toMatchObject({ segmentId: 'p1-0-2', start: 11, end: 26 });

    await reload(page);
    await expect.poll(() => markIds(page)).toEqual([id]);
    expect(await markText(page, id, s.seg)).toBe(expected);
    // Exactly those characters: the text before and after the mark is unmarked.
    const around = await page.locator(`[data-segment-id="${s.seg}"]`).evaluate((el, id) => {
      const m = el.querySelector(`mark[data-annotation-id="${id}"]`)!;
      const r = document.createRange();
      r.selectNodeContents(el);
      r.setEndBefore(m);
      return r.toString().length;
    }, id);
    expect(around).toBe(s.start);
    await screenshot(page, 'annotations-after-reload');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('highlights a mouse-dragged selection', async () => {
    const { context, page, errors } = await fresh();
    const seg = page.locator('[data-segment-id="p1-0-3"]');
    const pts = await seg.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const n = walker.nextNode()!;
      const r = document.createRange();
      r.setStart(n, 0);
      r.setEnd(n, 1);
      const a = r.getBoundingClientRect();
      r.setStart(n, 9);
      r.setEnd(n, 10);
      const b = r.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    });
    await page.mouse.move(pts.x1, pts.y1);
    await page.mouse.down();
    await page.mouse.move((pts.x1 + pts.x2) / 2, pts.y2, { steps: 5 });
    await page.mouse.move(pts.x2, pts.y2, { steps: 5 });
    await page.mouse.up();
    await page.locator(TOOLBAR).waitFor();
    const selected = await page.evaluate(() => window.getSelection()!.toString());
    await page.locator(TOOLBAR).getByRole('button', { name: /^新提法/ }).click();
    await expect.poll(() => markIds(page)).toHaveLength(1);
    const [id] = await markIds(page);
    expect(await markText(page, id)).toBe(selected);
    expect(selected).toBe(await segText(page, 'p1-0-3', 0, 10));
    expect(await page.locator(`mark[data-annotation-id="${id}"]`).getAttribute('data-color')).toBe('blue');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws overlapping highlights as three segments, the middle one with both ids', async () => {
    const { context, page, errors } = await fresh();
    const a = await highlight(page, { seg: 'p1-0-4', start: 12, end: 30 }, '重点');
    const b = await highlight(page, { seg: 'p1-0-4', start: 20, end: 40 }, '数据指标');
    const marks = await page.locator('[data-segment-id="p1-0-4"] mark').evaluateAll((ms) =>
      ms.map((m) => ({ ids: (m as HTMLElement).dataset.annotationIds, color: (m as HTMLElement).dataset.color, text: m.textContent })),
    );
    expect(marks.map((m) => m.ids)).toEqual([a, `${a} ${b}`, b]);
    expect(marks.map((m) => m.text)).toEqual([
      await segText(page, 'p1-0-4', 12, 20),
      await segText(page, 'p1-0-4', 20, 30),
      await segText(page, 'p1-0-4', 30, 40),
    ]);
    // The later highlight is drawn on top where they overlap.
    expect(marks.map((m) => m.color)).toEqual(['yellow', 'green', 'green']);
    expect(await page.locator(`${LIST} .annotation-item`).count()).toBe(2);
    await screenshot(page, 'annotations-overlap');

    // Clicking the shared segment opens the topmost one; both survive a reload.
    await reload(page);
    const again = await page.locator('[data-segment-id="p1-0-4"] mark').evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.annotationIds));
    expect(again).toEqual([a, `${a} ${b}`, b]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('makes one annotation for a selection across two paragraphs', async () => {
    const { context, page, errors } = await fresh();
    const len2 = await page.locator('[data-segment-id="p1-0-2"]').evaluate((el) => el.textContent!.length);
    const id = await highlight(page, { seg: 'p1-0-2', start: len2 - 12, endSeg: 'p1-0-3', end: 11 }, '疑问');
    expect(await markIds(page)).toEqual([id]);
    expect(await markText(page, id, 'p1-0-2')).toBe(await segText(page, 'p1-0-2', len2 - 12, len2));
    expect(await markText(page, id, 'p1-0-3')).toBe(await segText(page, 'p1-0-3', 0, 11));
    expect(await page.locator(`${LIST} .annotation-item`).count()).toBe(1);
    const recs = await live(page);
    expect(recs).toHaveLength(1);
    expect(recs[0].anchor).toMatchObject({ segmentId: 'p1-0-2', endSegmentId: 'p1-0-3', start: len2 - 12, end: 11 });
    expect(recs[0].anchor.quote.split('\n')).toHaveLength(2);
    await reload(page);
    expect(await markText(page, id, 'p1-0-3')).toBe(await segText(page, 'p1-0-3', 0, 11));
    expect(await page.locator(`${LIST} .annotation-item`).count()).toBe(1);
    await screenshot(page, 'annotations-cross-paragraph');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('highlights with keys 1–5 in the legend colours', async () => {
    const { context, page, errors } = await fresh();
    const colours = ['yellow', 'green', 'blue', 'red', 'purple'];
    for (let k = 1; k <= 5; k++) {
      await select(page, { seg: 'p1-0-5', start: k * 20, end: k * 20 + 8 });
      await page.keyboard.press(String(k));
      await expect.poll(() => markIds(page)).toHaveLength(k);
    }
    const got = await page.locator('[data-segment-id="p1-0-5"] mark').evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.color));
    expect(got).toEqual(colours);
    const recs = await live(page);
    expect(recs.map((r) => r.color).sort()).toEqual([...colours].sort());
    // Counts per colour in the list.
    const counts = await page.locator(`${LIST} [aria-label="按颜色筛选"] .count`).allInnerTexts();
    expect(counts).toEqual(['1', '1', '1', '1', '1']);
    await screenshot(page, 'annotations-five-colours');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the toolbar beside the selection when the column scrolls', async () => {
    const { context, page, errors } = await fresh();
    await select(page, { seg: 'p1-0-4', start: 12, end: 24 });
    const gap = () =>
      page.evaluate((T) => {
        const sel = window.getSelection()!.getRangeAt(0).getClientRects()[0];
        const bar = document.querySelector(T)!.getBoundingClientRect();
        return Math.round(sel.top - bar.bottom);
      }, TOOLBAR);
    const before = await gap();
    expect(before).toBeGreaterThanOrEqual(0);
    expect(before).toBeLessThan(30);
    await page.locator('.reader-scroll').evaluate((el) => el.scrollBy(0, 150));
    await expect.poll(gap).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does nothing for colour keys and toolbar clicks without a selection', async () => {
    const { context, page, errors } = await fresh();
    expect(await page.locator(TOOLBAR).count()).toBe(0);
    await focusBody(page);
    for (const k of ['1', '2', '3', '4', '5', 'n']) await page.keyboard.press(k);
    // A toolbar left over from a selection that was then collapsed disappears.
    await select(page, { seg: 'p1-0-6', start: 3, end: 9 });
    await page.evaluate(() => window.getSelection()!.collapseToStart());
    await expect.poll(() => page.locator(TOOLBAR).count()).toBe(0);
    await page.keyboard.press('1');
    await page.waitForTimeout(200);
    expect(await markIds(page)).toEqual([]);
    expect(await stored(page)).toEqual([]);
    await expect(page.locator(`${LIST} .empty`).innerText()).resolves.toContain('选中正文中的文字即可高亮或添加批注');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('odd selections', () => {
  it('snaps a selection that starts in the report title to the first paragraph', async () => {
    const { context, page, errors } = await fresh();
    await page.evaluate(() => {
      const title = document.querySelector('.report-title')!.firstChild!;
      const first = document.querySelector('[data-segment-id="p1-0-1"]')!;
      const walker = document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
      const r = document.createRange();
      r.setStart(title, 2);
      r.setEnd(walker.nextNode()!, 6);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(r);
    });
    await page.locator(TOOLBAR).waitFor();
    await page.keyboard.press('3');
    await expect.poll(async () => (await live(page)).length).toBe(1);
    const [rec] = await live(page);
    expect(rec.anchor).toMatchObject({ segmentId: 'p1-0-1', start: 0, endSegmentId: 'p1-0-1', end: 6 });
    expect(await markText(page, rec.id)).toBe(await segText(page, 'p1-0-1', 0, 6));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('highlights over a source remark and keeps the remark', async () => {
    const { context, page, errors } = await fresh();
    const seg = page.locator('[data-segment-id="p3-3-3"]');
    const remarkAt = await seg.evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      r.setEndBefore(el.querySelector('.remark')!);
      return r.toString().length;
    });
    const id = await highlight(page, { seg: 'p3-3-3', start: remarkAt - 3, end: remarkAt + 6 }, '疑问');
    expect(await markText(page, id)).toBe(await segText(page, 'p3-3-3', remarkAt - 3, remarkAt + 6));
    expect(await seg.locator(`mark[data-annotation-id="${id}"] .remark`).count()).toBe(1);
    expect(await seg.locator('.remark').first().getAttribute('title')).toContain('勘误提示');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists an annotation whose passage is gone as an orphan, with its quote, and draws no mark', async () => {
    const { context, page, errors } = await fresh();
    const id = await highlight(page, { seg: 'p2-5-1', start: 20, end: 30 });
    // The same record as if made on an edition whose passage was later deleted.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('yandu');
          req.onsuccess = () => {
            const tx = req.result.transaction('annotations', 'readwrite');
            const store = tx.objectStore('annotations');
            const get = store.get(id);
            get.onsuccess = () => {
              const rec = get.result;
              store.put({ ...rec, id: 'orphan-1', anchor: { ...rec.anchor, quote: '这一段在新版本中已经删除了', prefix: '旧版本的上文', suffix: '旧版本的下文' }, note: { json: null, text: '原来的批注' } });
            };
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      id,
    );
    await reload(page);
    await page.locator(`${LIST} [aria-label="孤立批注"]`).waitFor();
    const orphans = page.locator(`${LIST} .annotation-item[data-orphan]`);
    expect(await orphans.count()).toBe(1);
    expect(await orphans.innerText()).toContain('这一段在新版本中已经删除了');
    expect(await orphans.innerText()).toContain('原来的批注');
    expect(await markIds(page)).toEqual([id]);
    await orphans.click();
    await page.locator(DIALOG).waitFor();
    expect(await page.locator(`${DIALOG} .popover-label`).innerText()).toBe('原文未找到');
    expect(await page.locator(`${DIALOG} .note-input`).innerText()).toBe('原来的批注');
    await screenshot(page, 'annotations-orphan');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the 批注 dialog', () => {
  it('saves a note while typing and shows it again after a reload', async () => {
    const { context, page, errors } = await fresh();
    const id = await highlight(page, { seg: 'p1-0-6', start: 5, end: 25 });
    await openMark(page, id);
    const dialog = page.locator(DIALOG);
    await dialog.locator('.note-input').click();
    await page.keyboard.type('要结合本地实际细化目标');
    await page.waitForTimeout(450);
    await expect.poll(async () => (await live(page))[0]?.note.text).toBe('要结合本地实际细化目标');
    await screenshot(page, 'annotations-dialog');
    await reload(page);
    await expect.poll(() => page.locator(`${LIST} .annotation-note`).allInnerTexts()).toEqual(['要结合本地实际细化目标']);
    await openMark(page, id);
    expect(await page.locator(`${DIALOG} .note-input`).innerText()).toBe('要结合本地实际细化目标');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a note with emoji and 𠀀 (outside the BMP) across a reload', async () => {
    const { context, page, errors } = await fresh();
    const note = '👍🏽好 𠀀字 👨‍👩‍👧 测试';
    const id = await highlight(page, { seg: 'p1-0-7', start: 0, end: 12 });
    await openMark(page, id);
    await page.locator(`${DIALOG} .note-input`).click();
    await page.keyboard.insertText(note);
    await page.waitForTimeout(450);
    await focusBody(page); // blur flushes too
    await expect.poll(async () => (await live(page))[0]?.note.text).toBe(note);
    await reload(page);
    await expect.poll(() => page.locator(`${LIST} .annotation-note`).allInnerTexts()).toEqual([note]);
    await openMark(page, id);
    expect(await page.locator(`${DIALOG} .note-input`).innerText()).toBe(note);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('closes with Esc and gives focus back', async () => {
    const { context, page, errors } = await fresh();
    const id = await highlight(page, { seg: 'p2-0-1', start: 5, end: 15 });
    await page.locator(`${LIST} .annotation-item`).first().focus();
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(DIALOG).count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.annotationId ?? null)).toBe(id);
    // From a click on the mark, with focus in the note editor.
    await openMark(page, id);
    await page.locator(`${DIALOG} .note-input`).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(DIALOG).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('deletes from the dialog; Ctrl+Z brings the highlight back, Ctrl+Shift+Z deletes it again', async () => {
    const { context, page, errors } = await fresh();
    const s = { seg: 'p2-1-1', start: 20, end: 36 };
    const id = await highlight(page, s, '拟提建议');
    const text = await markText(page, id);
    await openMark(page, id);
    await page.locator(DIALOG).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => markIds(page)).toEqual([]);
    await expect.poll(() => page.locator(DIALOG).count()).toBe(0);
    expect((await stored(page)).map((a) => a.deleted)).toEqual([1]); // a tombstone, not gone
    await focusBody(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => markIds(page)).toEqual([id]);
    expect(await markText(page, id)).toBe(text);
    expect(await page.locator(`mark[data-annotation-id="${id}"]`).getAttribute('data-color')).toBe('purple');
    await expect.poll(() => page.locator('.toast').innerText()).toContain('已撤销：删除批注');
    expect((await stored(page)).map((a) => a.deleted)).toEqual([0]);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => markIds(page)).toEqual([]);
    await expect.poll(() => page.locator('.toast').innerText()).toContain('已重做');
    // Undo the redo, then the creation itself.
    await page.keyboard.press('Control+z');
    await expect.poll(() => markIds(page)).toEqual([id]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => markIds(page)).toEqual([]);
    await expect.poll(() => page.locator('.toast').innerText()).toContain('已撤销：高亮');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the restored note in the open dialog after Ctrl+Z of a note edit', async () => {
    const { context, page, errors } = await fresh();
    const id = await highlight(page, { seg: 'p2-2-1', start: 40, end: 52 });
    await openMark(page, id);
    await page.locator(`${DIALOG} .note-input`).click();
    await page.keyboard.type('先写的');
    await page.waitForTimeout(450);
    await focusBody(page); // the dialog stays open; Ctrl+Z now belongs to the annotations
    expect(await page.locator(DIALOG).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.toast').innerText().catch(() => '')).toContain('已撤销：编辑批注');
    await expect.poll(async () => (await live(page))[0]?.note.text).toBe('');
    await expect.poll(async () => (await page.locator(`${DIALOG} .note-input`).innerText()).trim()).toBe('');
    // Typing again must not bring the undone text back.
    await page.locator(`${DIALOG} .note-input`).click();
    await page.keyboard.type('新');
    await page.waitForTimeout(450);
    await expect.poll(async () => (await live(page))[0]?.note.text).toBe('新');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes colour from the dialog', async () => {
    const { context, page, errors } = await fresh();
    const id = await highlight(page, { seg: 'p2-2-1', start: 20, end: 30 });
    await openMark(page, id);
    await page.locator(DIALOG).getByRole('radio', { name: /疑问/ }).click();
    await expect.poll(() => page.locator(`mark[data-annotation-id="${id}"]`).getAttribute('data-color')).toBe('red');
    await expect.poll(async () => (await live(page))[0]?.color).toBe('red');
    expect(await page.locator(DIALOG).getByRole('radio', { name: /疑问/ }).getAttribute('aria-checked')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copies the passage with its citation label', async () => {
    const { context, page, errors } = await fresh({ clipboard: true });
    const s = { seg: 'p1-0-2', start: 11, end: 26 };
    const expected = await segText(page, s.seg, s.start, s.end);
    const id = await highlight(page, s);
    await openMark(page, id);
    await page.locator(DIALOG).getByRole('button', { name: '复制引文' }).click();
    await expect.poll(() => page.locator('.toast').innerText().catch(() => '')).toContain('已复制引文');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('一¶2');
    expect(clip).toContain(expected);
    expect(clip).toBe(`“${expected}”（长治市2026年政府工作报告 一¶2）`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the annotation list', () => {
  it('explains how to start when empty, and filters by colour', async () => {
    const { context, page, errors } = await fresh();
    const list = page.locator(LIST);
    expect(await list.locator('.empty').innerText()).toContain('选中正文中的文字即可高亮或添加批注');
    await screenshot(page, 'annotations-empty-list');
    const y = await highlight(page, { seg: 'p2-3-1', start: 20, end: 30 }, '重点');
    const g = await highlight(page, { seg: 'p2-4-1', start: 20, end: 30 }, '数据指标');
    const ids = () => list.locator('.annotation-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.annotationId));
    expect(await ids()).toEqual([y, g]); // reading order
    const greenFilter = list.locator('[aria-label="按颜色筛选"] button', { hasText: '数据指标' });
    await greenFilter.click();
    expect(await greenFilter.getAttribute('aria-pressed')).toBe('true');
    expect(await ids()).toEqual([g]);
    await list.locator('[aria-label="按颜色筛选"] button', { hasText: '疑问' }).click();
    expect(await ids()).toEqual([g]);
    await list.locator('[aria-label="按颜色筛选"] button', { hasText: '数据指标' }).click();
    expect(await ids()).toEqual([]);
    expect(await list.locator('.empty').innerText()).toContain('没有符合筛选条件的批注');
    await list.locator('[aria-label="按颜色筛选"] button', { hasText: '疑问' }).click();
    expect(await ids()).toEqual([y, g]);
    // Clicking an item opens its dialog.
    await list.locator(`.annotation-item[data-annotation-id="${g}"]`).click();
    await page.locator(DIALOG).waitFor();
    expect(await page.locator(`${DIALOG} [aria-checked="true"]`).innerText()).toContain('数据指标');
    await screenshot(page, 'annotations-list');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists a paragraph note as 段落批注, without marks', async () => {
    const { context, page, errors } = await fresh();
    await select(page, { seg: 'p2-5-1', start: 30, end: 40 });
    await page.locator(TOOLBAR).getByRole('button', { name: '段落批注' }).click();
    await page.locator(DIALOG).waitFor();
    // The note editor has focus: type straight away.
    await page.keyboard.type('整段关注');
    await page.waitForTimeout(450);
    const item = page.locator(`${LIST} .annotation-item`);
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.annotation-meaning').innerText()).toBe('段落批注');
    expect(await markIds(page)).toEqual([]);
    const rec = (await live(page))[0];
    expect(rec.target).toBe('paragraph');
    expect(rec.anchor).toMatchObject({ segmentId: 'p2-5-1', endSegmentId: 'p2-5-1', start: 0 });
    expect(await page.locator('[data-segment-id="p2-5-1"]').getAttribute('data-has-note')).toBe('');
    await screenshot(page, 'annotations-paragraph-note');
    await reload(page);
    await expect.poll(() => page.locator(`${LIST} .annotation-item .annotation-meaning`).allInnerTexts()).toEqual(['段落批注']);
    expect(await page.locator(`${LIST} .annotation-note`).innerText()).toBe('整段关注');
    expect(errors).toEqual([]);
    await context.close();
  });
});
