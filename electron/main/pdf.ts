/**
 * Printing: the system print dialog for the reader window, and HTML → A4 PDF through a hidden,
 * sandboxed window with JavaScript disabled.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import type { Result } from '../../shared/ipc/contract';
import { MSG } from './messages';
import { hardenWebContents, type HardenableContents } from './security';

/** In-memory session partition of the PDF window (no `persist:` prefix: nothing on disk). */
export const PDF_PARTITION = 'yandu-pdf';

/** A4, CSS `@page` size wins, backgrounds (highlight colours) printed. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateDocumentOutline: true,
};

/**
 * CSP of the PDF page. The print HTML is self-contained (inline styles, fonts and pictures as
 * data: URLs), so nothing else may load: no script (JavaScript is off too, this is the second
 * lock), no file:// or network subresource, no frame, form or base URL. A note's text can never
 * pull in a local file or phone home through the PDF.
 */
export const PDF_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "script-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * `html` with the PDF CSP as the document's first element. A file:// page gets no response
 * headers, so the policy goes in a `<meta http-equiv>`, which only covers what follows it: it is
 * put before everything the HTML brings, after a doctype (the HTML's own doctype is dropped, a
 * doctype anywhere but first would switch the page to quirks mode and change the layout).
 */
export function withPdfCsp(html: string): string {
  const body = html.replace(/^\uFEFF?\s*<!doctype[^>]*>/i, '');
  return `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${PDF_CONTENT_SECURITY_POLICY}">${body}`;
}

/** Window for rendering untrusted-ish HTML: hidden, sandboxed, no preload, no JavaScript. */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so layout matches the printed page width
    height: 1123,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      partition: PDF_PARTITION,
    },
  };
}

/** The hidden window the renderer needs. */
export interface PdfWindowLike {
  loadFile(file: string): Promise<void>;
  webContents: HardenableContents & {
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
    executeJavaScript(code: string): Promise<unknown>;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until the page's web fonts are ready, at most `timeoutMs`. With JavaScript disabled
 * `executeJavaScript` may be refused or never settle; then the timeout is the wait (fonts
 * embedded as data: URLs have normally loaded with the page by then).
 */
export async function waitForFonts(
  contents: { executeJavaScript(code: string): Promise<unknown> },
  timeoutMs: number,
): Promise<void> {
  const ready = contents
    .executeJavaScript('document.fonts.ready.then(() => document.fonts.status)')
    .catch(() => undefined);
  await Promise.race([ready, delay(timeoutMs)]);
}

/**
 * Renders a self-contained HTML document to PDF bytes. The HTML, behind the PDF CSP, is written to a private
 * temporary file (too large for a data: URL once fonts are embedded), loaded into a hidden
 * window from `createWindow(pdfWindowOptions())`, printed, and everything is cleaned up
 * whether or not it succeeded. Throws when loading or printing fails.
 */
export async function renderHtmlToPdf(
  html: string,
  createWindow: (options: BrowserWindowConstructorOptions) => PdfWindowLike,
  options: { fontTimeoutMs?: number } = {},
): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yandu-pdf-'));
  let win: PdfWindowLike | null = null;
  try {
    const file = path.join(dir, 'print.html');
    await writeFile(file, withPdfCsp(html), 'utf8');
    win = createWindow(pdfWindowOptions());
    hardenWebContents(win.webContents);
    await win.loadFile(file);
    await waitForFonts(win.webContents, options.fontTimeoutMs ?? 3000);
    return await win.webContents.printToPDF(PDF_OPTIONS);
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The print method of a webContents. */
export interface PrintableContents {
  print(
    options: { silent?: boolean; printBackground?: boolean },
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}

/**
 * Opens the system print dialog for `contents`. Cancelling the dialog is not an error.
 */
export function printWebContents(contents: PrintableContents): Promise<Result<void>> {
  return new Promise((resolve) => {
    try {
      contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        if (success || failureReason === 'cancelled') resolve({ ok: true, value: undefined });
        else resolve({ ok: false, error: MSG.printFailed(failureReason || '未知原因') });
      });
    } catch (error) {
      resolve({ ok: false, error: MSG.printFailed(error instanceof Error ? error.message : String(error)) });
    }
  });
}
