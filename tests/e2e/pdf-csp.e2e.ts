/**
 * The PDF page's CSP, enforced by a real Chromium: the print HTML is loaded from a temp file as the
 * PDF window loads it (file://, JavaScript off) and a note trying to pull in a local file, a
 * stylesheet or the network gets nothing, while the page's own inline styles and data: fonts and
 * pictures still work. The same page without the CSP does fetch them (so the test can fail).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPdfCsp } from '../../electron/main/pdf';
import { launch } from './chromium';

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'yandu-pdf-csp-'));

beforeAll(async () => {
  browser = await launch();
  writeFileSync(path.join(dir, 'secret.png'), PIXEL);
  writeFileSync(path.join(dir, 'evil.css'), 'body { background: red }');
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const html = (secret: string, css: string) =>
  [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<style>p { color: rgb(0, 0, 128) }</style>',
    `<link rel="stylesheet" href="${css}">`,
    '</head><body><p>“两区两城两高地”</p>',
    `<aside>批注：<img id="local" src="${secret}"><img id="net" src="http://127.0.0.1:9/t.gif"><img id="data" src="data:image/png;base64,${PIXEL.toString('base64')}"></aside>`,
    '</body></html>',
  ].join('');

/**
 * Loads `content` from a temp file with JavaScript off, as the PDF window does. Chromium reports
 * a CSP-blocked request too, failing with `csp`: `loaded` are the subresources it actually read,
 * `blocked` the ones the policy stopped.
 */
async function load(content: string): Promise<{ loaded: string[]; blocked: string[]; color: string; dataLoaded: boolean }> {
  const file = path.join(dir, `print-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, content);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const loaded: string[] = [];
  const blocked: string[] = [];
  const own = (url: string) => url.startsWith('data:') || url === pathToFileURL(file).href;
  page.on('requestfinished', (r) => {
    if (!own(r.url())) loaded.push(r.url());
  });
  page.on('requestfailed', (r) => {
    if (!own(r.url()) && r.failure()?.errorText === 'csp') blocked.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const color = await page.locator('p').evaluate((p) => getComputedStyle(p).color);
  const dataLoaded = await page.locator('#data').evaluate((img) => (img as HTMLImageElement).naturalWidth === 1);
  await context.close();
  return { loaded, blocked, color, dataLoaded };
}

describe('PDF page CSP in Chromium', () => {
  const secret = () => pathToFileURL(path.join(dir, 'secret.png')).href;
  const css = () => pathToFileURL(path.join(dir, 'evil.css')).href;

  it('without the CSP, the page reads the local picture and stylesheet (control)', async () => {
    const r = await load(html(secret(), css()));
    expect(r.loaded).toEqual(expect.arrayContaining([secret(), css()]));
    expect(r.blocked).toEqual([]);
  });

  it('with the CSP, the local files and the network are blocked; inline styles and data: pictures still work', async () => {
    const r = await load(withPdfCsp(html(secret(), css())));
    expect(r.loaded).toEqual([]);
    expect([...r.blocked].sort()).toEqual([css(), secret(), 'http://127.0.0.1:9/t.gif'].sort());
    expect(r.color).toBe('rgb(0, 0, 128)');
    expect(r.dataLoaded).toBe(true);
  });
});
