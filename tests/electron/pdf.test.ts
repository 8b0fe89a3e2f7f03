import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import {
  PDF_CONTENT_SECURITY_POLICY,
  PDF_OPTIONS,
  PDF_PARTITION,
  pdfWindowOptions,
  printWebContents,
  renderHtmlToPdf,
  waitForFonts,
  withPdfCsp,
  type PdfWindowLike,
} from '../../electron/main/pdf';

// jsdom ships no types (tests otherwise use it as Vitest's environment): load it untyped.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };

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
      devTools: false,
      partition: PDF_PARTITION,
    });
    expect(options.webPreferences!.preload).toBeUndefined();
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('the PDF page CSP', () => {
  const printHtml = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>研读摘录</title>',
    '<style>@font-face{font-family:S;src:url(data:font/woff2;base64,AAAA)} body{font-family:S}</style></head>',
    '<body><p>“两区两城两高地”</p><aside>批注：<img src="file:///etc/passwd"><img src="https://evil.example/t.gif"></aside></body></html>',
  ].join('\n');

  it('comes before everything the HTML brings, in standards mode, keeping the HTML\'s own head and lang', () => {
    const doc = new JSDOM(withPdfCsp(printHtml)).window.document;
    expect(doc.compatMode).toBe('CSS1Compat');
    const first = doc.head.firstElementChild!;
    expect(first.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first.getAttribute('content')).toBe(PDF_CONTENT_SECURITY_POLICY);
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.title).toBe('研读摘录');
    expect(doc.head.querySelector('meta[charset]')).not.toBeNull();
    expect(doc.body.textContent).toContain('两区两城两高地');
    expect(doc.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
  });

  it.each([
    ['lower-case doctype', '<!doctype html><p>x</p>'],
    ['BOM and upper-case doctype', '\uFEFF<!DOCTYPE html>\n<p>x</p>'],
    ['no doctype at all', '<p>x</p>'],
  ])('gives one doctype, first, for %s', (_name, html) => {
    const out = withPdfCsp(html);
    expect(out.startsWith('<!DOCTYPE html><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(out.match(/<!doctype/gi)).toHaveLength(1);
    expect(new JSDOM(out).window.document.compatMode).toBe('CSS1Compat');
  });

  it('lets only inline styles and data: fonts and pictures load', () => {
    const directives = Object.fromEntries(PDF_CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'style-src': "'unsafe-inline'",
      'img-src': 'data:',
      'font-src': 'data:',
      'script-src': "'none'",
      'object-src': "'none'",
      'frame-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    // A quote in the policy would end the attribute early.
    expect(PDF_CONTENT_SECURITY_POLICY).not.toMatch(/"/);
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
    expect(seen.html).toBe(withPdfCsp(html));
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
