import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  createAppProtocolHandler,
  mimeTypeFor,
  PRIVILEGED_SCHEMES,
  resolveAppPath,
} from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

const base = mkdtempSync(path.join(tmpdir(), 'yandu-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>研读</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'noto.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
writeFileSync(path.join(root, 'assets', '报告 字体.css'), 'body{}');
// A secret beside the renderer root that traversal must never reach.
writeFileSync(path.join(base, 'secret.txt'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('PRIVILEGED_SCHEMES', () => {
  it('registers app: as standard, secure and fetch-capable (IndexedDB needs standard+secure)', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    expect(APP_ENTRY_URL).toBe('app://reader/index.html');
  });
});

describe('resolveAppPath', () => {
  it.each([
    ['app://reader/index.html', 'index.html'],
    ['app://reader/', 'index.html'],
    ['app://reader', 'index.html'],
    ['app://reader/assets/app.js?v=1#x', 'assets/app.js'],
    ['app://reader/assets/%E6%8A%A5%E5%91%8A%20%E5%AD%97%E4%BD%93.css', 'assets/报告 字体.css'],
    // The URL parser folds plain dot segments; what is left stays inside root.
    ['app://reader/assets/../index.html', 'index.html'],
    ['app://reader/../../secret.txt', 'secret.txt'],
    // `%2e%2e` alone is a dot segment for the URL parser too (WHATWG URL spec).
    ['app://reader/%2e%2e/secret.txt', 'secret.txt'],
  ])('maps %s to %s under root', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, relative));
  });

  it.each([
    'app://reader/%2E%2E%2Fsecret.txt',
    'app://reader/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://reader/..%5csecret.txt',
    'app://reader/assets%5c..%5c..%5csecret.txt',
    'app://reader/index.html%00.png',
    'app://reader/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://reader/index.html',
    'not a url',
  ])('rejects %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['f.woff2', 'font/woff2'],
    ['f.WOFF', 'font/woff'],
    ['i.svg', 'image/svg+xml'],
    ['i.png', 'image/png'],
    ['x.wasm', 'application/wasm'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  const handle = createAppProtocolHandler(root);

  it('serves index.html with its type and the CSP header', async () => {
    const res = await handle({ url: 'app://reader/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>研读</title>');
  });

  it('serves fonts as bytes', async () => {
    const res = await handle({ url: 'app://reader/assets/noto.woff2' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it.each([
    ['app://reader/%2e%2e%2fsecret.txt', 403],
    ['app://reader/%2e%2e/secret.txt', 404],
    ['app://reader/..%5csecret.txt', 403],
    ['app://other/index.html', 403],
    ['app://reader/missing.js', 404],
    ['app://reader/assets/', 404],
  ])('%s → %i, never the secret', async (url, status) => {
    const res = await handle({ url, method: 'GET' });
    expect(res.status).toBe(status);
    expect(await res.text()).not.toContain('secret');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handle({ url: 'app://reader/index.html', method: 'POST' })).status).toBe(405);
    const head = await handle({ url: 'app://reader/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
