// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost, MAX_OPEN_FILE_BYTES, requestPersistentStorage } from '../../../renderer/host/browser-host';
import { MAX_EXCHANGE_BYTES } from '../../../shared/exchange/format';

describe('browser host: onBeforeClose', () => {
  it('starts the saves when the page is hidden for good, until unsubscribed', () => {
    const host = createBrowserHost();
    const save = vi.fn(async () => undefined);
    const off = host.onBeforeClose(save);
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenCalledTimes(1);
    off();
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe('browser host: persistent storage', () => {
  it('asks for persistent storage when not yet persistent, and reports the answer', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when storage is already persistent', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, and never throws (old browsers, jsdom, a rejecting browser)', async () => {
    expect(await requestPersistentStorage({ persist: async () => false })).toBe(false);
    expect(await requestPersistentStorage(undefined)).toBeNull();
    expect(await requestPersistentStorage({})).toBeNull();
    expect(await requestPersistentStorage({ persist: async () => Promise.reject(new Error('denied')) })).toBeNull();
  });

  it('is requested when the host is created', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { ...navigator, storage: { persist } });
    try {
      createBrowserHost();
      await Promise.resolve();
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('browser host: openFile size limit', () => {
  /** Answers the file picker the host opens with `file`. */
  async function pick(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }) {
    const host = createBrowserHost();
    const pending = host.openFile({ filters: [{ name: '研读批注', extensions: ['json'] }] });
    const input = document.body.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    return pending;
  }

  it('refuses a file over the exchange format\'s limit without reading it', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const r = await pick({ name: '研读批注.json', size: MAX_OPEN_FILE_BYTES + 1, arrayBuffer });
    expect(r).toEqual({ ok: false, error: '文件过大（200.0 MB），最大只能打开 200 MB 的文件。' });
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(MAX_OPEN_FILE_BYTES).toBe(MAX_EXCHANGE_BYTES);
  });

  it('reads a 60 MB file (more than the old 50 MB desktop limit)', async () => {
    const r = await pick({ name: '研读批注.json', size: 60 * 1024 * 1024, arrayBuffer: async () => new Uint8Array([0x7b]).buffer });
    expect(r).toEqual({ ok: true, value: { name: '研读批注.json', bytes: new Uint8Array([0x7b]) } });
  });
});
