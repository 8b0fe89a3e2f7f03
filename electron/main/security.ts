/**
 * Hardening for every window and session: web preferences, CSP, permissions, navigation and
 * IPC sender checks. Plain functions over structural types so tests can pass small fakes.
 */
import type { WebPreferences } from 'electron';

/**
 * Content Security Policy sent with every `app://` response.
 * `'unsafe-inline'` is allowed for styles only: React and Lexical set inline `style` attributes.
 * Fonts and images may be `data:` (fontsource subsets, exported previews); workers may be
 * `blob:` (Vite's worker bundling). Nothing may reach the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self' app:",
  "script-src 'self' app:",
  "style-src 'self' app: 'unsafe-inline'",
  "img-src 'self' app: data: blob:",
  "font-src 'self' app: data:",
  "worker-src 'self' app: blob:",
  "connect-src 'self' app:",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Web preferences of the main window. The sandbox stays on, which is why the preload is
 * built as CommonJS (`out/preload/index.cjs`). `devTools` is for development builds only: in a
 * packaged app DevTools would let anyone at the desk (or a pasted snippet) read and rewrite every
 * member's annotations in IndexedDB behind the app's validation.
 */
export function mainWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    enableWebSQL: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The session methods the permission handlers need. */
export interface PermissionSessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Denies every permission request and check (camera, notifications, clipboard-read, …):
 * a report reader needs none of them.
 */
export function denyAllPermissions(session: PermissionSessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Network schemes that an offline reader never loads. */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export interface WebRequestSessionLike {
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

/** Cancels every http(s)/ws(s)/ftp request of the session (belt and braces beside the CSP). */
export function blockNetwork(session: WebRequestSessionLike): void {
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/** The webContents events and methods used to forbid navigation and new windows. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Blocks navigation away from the loaded page, redirects, `<webview>` and every
 * `window.open`/`target=_blank`. The reader is a single page; links to the outside world are
 * not followed (there is no network anyway).
 */
export function hardenWebContents(contents: HardenableContents): void {
  const prevent = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Where a trusted renderer may be served from: `{protocol: 'app:', host: 'reader'}`. */
export interface TrustedLocation {
  protocol: string;
  host: string;
}

/** The parts of an `IpcMainInvokeEvent` the sender check reads. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * True when `url` parses and its protocol and host equal one of `trusted`.
 * (Compared field by field because Node's URL reports origin "null" for custom schemes.)
 */
export function isTrustedUrl(url: string, trusted: readonly TrustedLocation[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return trusted.some((t) => t.protocol === parsed.protocol && t.host === parsed.host);
}

/**
 * Validates the sender of an IPC message (Electron security checklist #17, after desktop/desktop's
 * trusted-ipc-sender): the message must come from the top frame of one of our own windows, and
 * that frame must show our renderer (`app://reader/…`, or the dev server in development).
 * An iframe, a foreign page or an unknown webContents is rejected.
 */
export function createSenderGuard(trusted: readonly TrustedLocation[]) {
  const trustedIds = new Set<number>();
  return {
    /** Registers a window's webContents as trusted; forget it when it is destroyed. */
    trust(contents: { id: number; once(event: 'destroyed', listener: () => void): unknown }): void {
      trustedIds.add(contents.id);
      contents.once('destroyed', () => trustedIds.delete(contents.id));
    },
    /** True when the event comes from a trusted webContents' top frame showing our renderer. */
    isTrusted(event: IpcEventLike): boolean {
      const frame = event.senderFrame;
      if (!frame || frame.parent) return false;
      if (!trustedIds.has(event.sender.id)) return false;
      return isTrustedUrl(frame.url, trusted);
    },
  };
}
export type SenderGuard = ReturnType<typeof createSenderGuard>;
