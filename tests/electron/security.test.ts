import { describe, expect, it, vi } from 'vitest';
import {
  blockNetwork,
  CONTENT_SECURITY_POLICY,
  createSenderGuard,
  denyAllPermissions,
  hardenWebContents,
  isTrustedUrl,
  mainWebPreferences,
  NETWORK_URL_PATTERNS,
  type HardenableContents,
} from '../../electron/main/security';

/** A webContents fake recording its listeners. */
function fakeContents(id = 1) {
  const listeners = new Map<string, ((...args: any[]) => void)[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    id,
    on(event: string, listener: (...args: any[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    once(event: string, listener: (...args: any[]) => void) {
      return contents.on(event, listener);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
    emit(event: string, ...args: unknown[]) {
      for (const l of listeners.get(event) ?? []) l(...args);
    },
    open(url: string) {
      return openHandler?.({ url });
    },
  };
  return contents;
}

describe('mainWebPreferences', () => {
  const prefs = mainWebPreferences('/app/out/preload/index.cjs');
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['experimentalFeatures', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });
  it('uses the CommonJS preload (the only kind a sandboxed renderer can run)', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.preload).toMatch(/\.cjs$/);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['font-src', ["'self'", 'data:']],
    ['img-src', ["'self'", 'data:']],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
  ])('%s allows %j', (name, values) => {
    expect(directives.get(name)).toEqual(expect.arrayContaining(values));
  });
  it('never allows inline or eval scripts, or any network origin', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe('denyAllPermissions', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});

describe('blockNetwork', () => {
  it('cancels http, https and websocket requests', () => {
    const onBeforeRequest = vi.fn();
    blockNetwork({ webRequest: { onBeforeRequest } });
    const [filter, listener] = onBeforeRequest.mock.calls[0];
    expect(filter.urls).toEqual(NETWORK_URL_PATTERNS);
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'wss://*/*']));
    const callback = vi.fn();
    listener({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (event) => {
    const contents = fakeContents();
    hardenWebContents(contents as unknown as HardenableContents);
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, 'https://example.com/');
    expect(preventDefault).toHaveBeenCalled();
  });
  it.each(['https://example.com/', 'app://reader/index.html', 'file:///etc/passwd'])(
    'denies window.open(%s)',
    (url) => {
      const contents = fakeContents();
      hardenWebContents(contents as unknown as HardenableContents);
      expect(contents.open(url)).toEqual({ action: 'deny' });
    },
  );
});

describe('sender check', () => {
  const trusted = [{ protocol: 'app:', host: 'reader' }];
  const event = (id: number, url: string, parent: unknown = null) => ({
    sender: { id },
    senderFrame: { url, parent },
  });

  it('accepts the top frame of a trusted window showing app://reader', () => {
    const guard = createSenderGuard(trusted);
    guard.trust(fakeContents(7));
    expect(guard.isTrusted(event(7, 'app://reader/index.html'))).toBe(true);
  });

  it.each([
    ['a foreign page', event(7, 'https://evil.example/index.html')],
    ['a file:// page', event(7, 'file:///home/u/evil.html')],
    ['another app:// host', event(7, 'app://evil/index.html')],
    ['an iframe inside our page', event(7, 'app://reader/index.html', { url: 'app://reader/index.html' })],
    ['an unknown webContents', event(8, 'app://reader/index.html')],
    ['a missing frame', { sender: { id: 7 }, senderFrame: null }],
    ['a malformed URL', event(7, 'not a url')],
  ])('rejects %s', (_name, ev) => {
    const guard = createSenderGuard(trusted);
    guard.trust(fakeContents(7));
    expect(guard.isTrusted(ev)).toBe(false);
  });

  it('forgets a webContents once it is destroyed', () => {
    const guard = createSenderGuard(trusted);
    const contents = fakeContents(9);
    guard.trust(contents);
    expect(guard.isTrusted(event(9, 'app://reader/'))).toBe(true);
    contents.emit('destroyed');
    expect(guard.isTrusted(event(9, 'app://reader/'))).toBe(false);
  });

  it('compares scheme and host, including the dev server port', () => {
    const dev = [{ protocol: 'http:', host: 'localhost:5173' }];
    expect(isTrustedUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false);
  });
});
