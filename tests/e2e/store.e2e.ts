/**
 * One profile, several windows, and crashes: the annotation store keeps every tab in step and
 * loses nothing a user wrote. Two pages of one browser context share the profile's IndexedDB
 * exactly as two Electron windows (or two browser tabs) do; the crash test kills the whole
 * browser with SIGKILL while a note is being typed and reopens the same profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, sharedBrowser, waitForReader } from './browser';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { DIALOG, highlight, markIds, openMark, stored, TOOLBAR, select } from './annotate';

const browser = sharedBrowser();

async function twoPages(): Promise<[Page, Page]> {
  const context = await browser().newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    await page.goto(BASE_URL);
    await waitForReader(page);
    pages.push(page);
  }
  return pages as [Page, Page];
}

const recordOf = async (page: Page, id: string) => (await stored(page)).find((a) => a.id === id);

describe('two windows on one profile', () => {
  it('a new highlight appears in the other window within a second, without a reload', async () => {
    const [a, b] = await twoPages();
    const id = await highlight(a, { seg: 'p2-2-1', start: 20, end: 30 });
    const t0 = Date.now();
    await expect.poll(() => markIds(b), { timeout: 1000, interval: 50 }).toEqual([id]);
    expect(Date.now() - t0).toBeLessThan(1000);
    await a.context().close();
  });

  it('a note written in one and a colour changed in the other are both kept', async () => {
    const [a, b] = await twoPages();
    const id = await highlight(a, { seg: 'p2-1-1', start: 20, end: 36 });
    await expect.poll(() => markIds(b)).toEqual([id]);
    // Window B opens the dialog before the note exists: it holds the record without the note.
    await openMark(b, id);
    await openMark(a, id);
    await a.locator(`${DIALOG} .note-input`).click();
    await a.keyboard.type('甲：会前核实数据');
    await a.locator('.report-title').click(); // blur saves
    await expect.poll(async () => (await recordOf(a, id))?.note.text).toBe('甲：会前核实数据');
    await b.locator(DIALOG).getByRole('radio', { name: /疑问/ }).click();
    await expect.poll(async () => (await recordOf(a, id))?.color).toBe('red');
    expect((await recordOf(a, id))?.note.text).toBe('甲：会前核实数据');
    await expect.poll(() => a.locator(`mark[data-annotation-id="${id}"]`).first().getAttribute('data-color')).toBe('red');
    await a.context().close();
  });

  it('deleted in one window: it disappears from the other, whose open dialog closes', async () => {
    const [a, b] = await twoPages();
    const id = await highlight(a, { seg: 'p1-0-2', start: 11, end: 26 });
    await expect.poll(() => markIds(b)).toEqual([id]);
    await openMark(b, id);
    await openMark(a, id);
    await a.locator(DIALOG).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => markIds(a)).toEqual([]);
    await expect.poll(() => markIds(b)).toEqual([]);
    expect(await b.locator(DIALOG).count()).toBe(0);
    expect((await recordOf(a, id))?.deleted).toBe(1);
    await a.context().close();
  });

  it('a note being typed when the other window deletes its annotation is kept, and 恢复为新批注 brings it back', async () => {
    const [a, b] = await twoPages();
    const id = await highlight(a, { seg: 'p1-0-2', start: 11, end: 26 }, '疑问');
    await expect.poll(() => markIds(b)).toEqual([id]);
    await openMark(a, id);
    await openMark(b, id);
    await b.locator(`${DIALOG} .note-input`).click();
    await b.keyboard.type('乙：这一段的数据');
    await expect.poll(async () => (await recordOf(a, id))?.note.text).toBe('乙：这一段的数据');
    // B's timers stand still: what B types next is not saved yet when A deletes the annotation.
    await b.clock.install();
    await b.clock.pauseAt(Date.now() + 1000);
    await b.keyboard.type('需要会前核实口径');
    await a.locator(DIALOG).getByRole('button', { name: '删除' }).click();
    await expect.poll(async () => (await recordOf(a, id))?.deleted).toBe(1);
    await b.clock.resume();
    const bar = b.locator('.lost-note');
    await bar.waitFor();
    const kept = (await bar.locator('.lost-note-text').innerText()).trim();
    expect(kept).toBe('乙：这一段的数据需要会前核实口径');
    await b.screenshot({ path: 'test-results/screenshots/lost-note.png' });
    await bar.getByRole('button', { name: '恢复为新批注' }).click();
    await expect.poll(() => bar.count()).toBe(0);
    const records = await stored(b);
    const restored = records.find((r) => r.id !== id && r.deleted === 0);
    expect(restored?.note.text).toBe(kept);
    expect(restored?.color).toBe('red');
    expect(records.find((r) => r.id === id)?.deleted).toBe(1);
    await expect.poll(() => markIds(a)).toEqual([restored!.id]);
    await a.context().close();
  });

  it('changing the font size in one window keeps the 署名 set in the other', async () => {
    const [a, b] = await twoPages();
    await a.locator('.author-field input').fill('李四');
    await expect.poll(() => b.locator('.author-field input').inputValue()).toBe('李四');
    await b.keyboard.press('Control+=');
    await b.waitForTimeout(300);
    await a.reload();
    await waitForReader(a);
    await expect.poll(() => a.locator('.author-field input').inputValue()).toBe('李四');
    await a.context().close();
  });
});

/** Chromium on its own profile folder, driven over CDP, so that it can be killed like a crash. */
async function startChromium(profile: string): Promise<{ proc: ChildProcess; browser: Browser }> {
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { proc, browser: await chromium.connectOverCDP(ws) };
}

const killed: ChildProcess[] = [];
afterEach(() => {
  for (const p of killed.splice(0)) {
    try {
      process.kill(-p.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('a crash while typing a note', () => {
  it('keeps all but the last second of a note typed without a pause when the browser is killed (SIGKILL)', { timeout: 120_000 }, async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'yandu-crash-'));
    try {
      const first = await startChromium(profile);
      killed.push(first.proc);
      const page = await first.browser.contexts()[0].newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(BASE_URL);
      await waitForReader(page);
      await select(page, { seg: 'p1-0-6', start: 5, end: 25 });
      await page.locator(TOOLBAR).getByRole('button', { name: '批注', exact: true }).click();
      const input = page.locator(`${DIALOG} .note-input`);
      await input.waitFor();
      await input.click();
      // Type without a pause (a key every 40 ms) and kill the browser 3 s in.
      const typing = page.keyboard.type('会前核实数据并准备发言提纲'.repeat(20), { delay: 40 }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 3000));
      const typed = await input.innerText();
      const exited = new Promise((r) => first.proc.once('exit', r));
      process.kill(-first.proc.pid!, 'SIGKILL');
      await exited;
      void typing;

      const second = await startChromium(profile);
      killed.push(second.proc);
      const again = await second.browser.contexts()[0].newPage();
      await again.setViewportSize({ width: 1400, height: 900 });
      await again.goto(BASE_URL);
      await waitForReader(again);
      const rows = await stored(again);
      expect(rows).toHaveLength(1);
      const kept = rows[0].note.text;
      expect(typed.startsWith(kept)).toBe(true);
      // 1 s of typing at 25 keys/s (and the few keys between reading `typed` and the kill).
      expect(typed.length - kept.length).toBeLessThanOrEqual(25 + 5);
      expect(kept.length).toBeGreaterThan(typed.length / 2);
      process.kill(-second.proc.pid!, 'SIGKILL');
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
