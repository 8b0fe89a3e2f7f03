/** Making highlights in the end-to-end tests the way a user does: select, then the toolbar. */
import type { Page } from '@playwright/test';
import { expect } from 'vitest';

export const TOOLBAR = '[role=toolbar][aria-label="标注工具"]';
export const DIALOG = '[role=dialog][aria-label="批注"]';

export interface Sel {
  seg: string;
  start: number;
  endSeg?: string;
  end: number;
}

/**
 * Selects [start, end) of paragraph `seg` (or from `seg`@start to `endSeg`@end) as the user
 * would, and returns the selected text as the page sees it.
 */
export async function select(page: Page, s: Sel): Promise<string> {
  const text = await page.evaluate((s) => {
    const locate = (segId: string, offset: number): [Node, number] => {
      const seg = document.querySelector(`[data-segment-id="${segId}"]`);
      if (!seg) throw new Error(`no paragraph ${segId}`);
      const walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
      let pos = 0;
      let last: Node | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (offset < pos + len) return [n, offset - pos];
        pos += len;
        last = n;
      }
      if (last && offset === pos) return [last, last.textContent!.length];
      throw new Error(`offset ${offset} beyond paragraph ${segId} (${pos})`);
    };
    document.querySelector(`[data-segment-id="${s.seg}"]`)?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(...locate(s.seg, s.start));
    range.setEnd(...locate(s.endSeg ?? s.seg, s.end));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return range.toString();
  }, s);
  await page.locator(TOOLBAR).waitFor();
  return text;
}

/** Ids of the annotations drawn in the reading view. */
export const markIds = (page: Page) =>
  page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('mark[data-annotation-id]')].flatMap((m) => m.dataset.annotationIds!.split(' ')))]);


/** Stored annotation records (raw IndexedDB, tombstones included). */
export const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Array<{ id: string; color: string; deleted: number; target: string; note: { text: string; json: string | null }; anchor: { segmentId: string; endSegmentId: string; start: number; end: number; quote: string } }>>((resolve, reject) => {
        const req = indexedDB.open('yandu');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('annotations').objectStore('annotations').getAll();
          get.onsuccess = () => {
            resolve(get.result);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );


/** Selects `s` and clicks the toolbar colour `meaning`; the new annotation's id. */
export async function highlight(page: Page, s: Sel, meaning = '重点'): Promise<string> {
  const before = new Set(await markIds(page));
  await select(page, s);
  await page.locator(TOOLBAR).getByRole('button', { name: new RegExp(`^${meaning}`) }).click();
  let id = '';
  await expect
    .poll(async () => {
      id = (await markIds(page)).find((x) => !before.has(x)) ?? '';
      return id;
    })
    .not.toBe('');
  return id;
}

/** Clicks the first mark of `id` and waits for its 批注 dialog. */
export async function openMark(page: Page, id: string): Promise<void> {
  await page.locator(`mark[data-annotation-id="${id}"]`).first().click();
  await page.locator(DIALOG).waitFor();
}

