import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  PDF_OPTIONS,
  PDF_PARTITION,
  pdfWindowOptions,
  printWebContents,
  renderHtmlToPdf,
  waitForFonts,
  type PdfWindowLike,
} from '../../electron/main/pdf';

function fakePdfWindow(behaviour: { load?: () => Promise<void>; fonts?: () => Promise<unknown> } = {}) {
  const seen: { file?: string; html?: string } = {};
  const win = {
    destroyed: false,
    loadFile: vi.fn(async (file: string) => {
      seen.file = file;
      seen.html = readFileSync(file, 'utf8');
      await behaviour.load?.();
    }),
    webContents: {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      printToPDF: vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])),
      executeJavaScript: vi.fn(behaviour.fonts ?? (async () => 'loaded')),
    },
    isDestroyed: () => win.destroyed,
    destroy: vi.fn(() => {
      win.destroyed = true;
    }),
  };
  return { win, seen };
}

describe('pdfWindowOptions', () => {
  it('is hidden, sandboxed, without JavaScript or preload, in its own in-memory session', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: PDF_PARTITION,
    });
    expect(options.webPreferences!.preload).toBeUndefined();
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('renderHtmlToPdf', () => {
  it('loads the HTML from a temp file, prints A4 with CSS page size and backgrounds, then cleans up', async () => {
    const { win, seen } = fakePdfWindow();
    const create = vi.fn(() => win as unknown as PdfWindowLike);
    const html = '<!doctype html><meta charset="utf-8"><p>研读摘录</p>';
    const bytes = await renderHtmlToPdf(html, create, { fontTimeoutMs: 50 });
    expect([...bytes]).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(create).toHaveBeenCalledWith(pdfWindowOptions());
    expect(seen.html).toBe(html);
    expect(path.basename(seen.file!)).toBe('print.html');
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalled();
    expect(existsSync(path.dirname(seen.file!))).toBe(false);
  });

  it('closes the window and removes the temp file when loading fails', async () => {
    const { win, seen } = fakePdfWindow({ load: async () => Promise.reject(new Error('ERR_FAILED')) });
    await expect(renderHtmlToPdf('<p>x</p>', () => win as unknown as PdfWindowLike)).rejects.toThrow('ERR_FAILED');
    expect(win.destroy).toHaveBeenCalled();
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(existsSync(seen.file!)).toBe(false);
  });

  it('still prints when the font check never answers (JavaScript disabled)', async () => {
    const { win } = fakePdfWindow({ fonts: () => new Promise(() => undefined) });
    const started = Date.now();
    await renderHtmlToPdf('<p>x</p>', () => win as unknown as PdfWindowLike, { fontTimeoutMs: 100 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(win.webContents.printToPDF).toHaveBeenCalled();
  });
});

describe('waitForFonts', () => {
  it('returns as soon as document.fonts is ready, and survives a refusal', async () => {
    const started = Date.now();
    await waitForFonts({ executeJavaScript: async () => 'loaded' }, 5000);
    await waitForFonts({ executeJavaScript: async () => Promise.reject(new Error('script disabled')) }, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('printWebContents', () => {
  it.each([
    [true, '', { ok: true, value: undefined }],
    [false, 'cancelled', { ok: true, value: undefined }],
    [false, 'Printer is not available', { ok: false, error: '打印失败：Printer is not available' }],
  ])('success=%s reason=%j → %j', async (success, reason, expected) => {
    const print = vi.fn((_options: unknown, callback: (s: boolean, r: string) => void) => callback(success, reason));
    expect(await printWebContents({ print })).toEqual(expected);
    expect(print.mock.calls[0][0]).toMatchObject({ silent: false, printBackground: true });
  });

  it('reports a throwing print call as an error result', async () => {
    const print = () => {
      throw new Error('no printing backend');
    };
    expect(await printWebContents({ print })).toEqual({ ok: false, error: '打印失败：no printing backend' });
  });
});
