/**
 * The reader window: options and creation.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { CLOSE_READY_CHANNEL, CLOSE_SAVE_TIMEOUT_MS, IPC_CHANNELS } from '../../shared/ipc/contract';
import { MSG } from './messages';
import { hardenWebContents, mainWebPreferences, type HardenableContents } from './security';

/** Paper colour of the light theme; shown before the renderer paints, so no white flash. */
export const WINDOW_BACKGROUND = '#fbf8f1';

/** Constructor options of the main window (hidden until its first paint); DevTools only when asked (unpackaged). */
export function mainWindowOptions(preloadPath: string, devTools = false): BrowserWindowConstructorOptions {
  return {
    title: MSG.appName,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: mainWebPreferences(preloadPath, devTools),
  };
}

/** The window methods `createMainWindow` uses. */
export interface MainWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  webContents: HardenableContents & { id: number; once(event: 'destroyed', listener: () => void): unknown };
}

/**
 * Creates the reader window with `createWindow(mainWindowOptions(preloadPath))`, locks down its
 * webContents, lets `trust` register it for the IPC sender check, shows it on first paint and
 * loads `url`. Returns the window; `loaded` settles when the page has loaded (or failed to).
 */
export function createMainWindow<W extends MainWindowLike>(
  createWindow: (options: BrowserWindowConstructorOptions) => W,
  options: { preloadPath: string; url: string; devTools?: boolean; trust(contents: W['webContents']): void },
): { window: W; loaded: Promise<void> } {
  const window = createWindow(mainWindowOptions(options.preloadPath, options.devTools ?? false));
  hardenWebContents(window.webContents);
  options.trust(window.webContents);
  window.once('ready-to-show', () => window.show());
  return { window, loaded: window.loadURL(options.url) };
}

/** The window parts `holdCloseForSaves` uses. */
export interface ClosingWindowLike {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { id: number; send(channel: string): void };
}

/** The ipcMain parts `holdCloseForSaves` uses. */
export interface CloseReadyIpc {
  on(channel: string, listener: (event: { sender: { id: number } }) => void): unknown;
  removeListener(channel: string, listener: (event: { sender: { id: number } }) => void): unknown;
}

/**
 * Closing the window (or quitting) first asks the renderer to save what is pending, a note typed
 * a moment ago or the reading position, and closes once it answers or after `timeoutMs`. Without
 * it, IndexedDB writes still in flight are aborted with the page.
 */
export function holdCloseForSaves(window: ClosingWindowLike, ipc: CloseReadyIpc, timeoutMs = CLOSE_SAVE_TIMEOUT_MS): void {
  let state: 'open' | 'saving' | 'closing' = 'open';
  window.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'saving') return;
    state = 'saving';
    const done = () => {
      if (state !== 'saving') return;
      state = 'closing';
      clearTimeout(timer);
      ipc.removeListener(CLOSE_READY_CHANNEL, onReady);
      if (!window.isDestroyed()) window.close();
    };
    const onReady = (e: { sender: { id: number } }) => {
      if (e.sender.id === window.webContents.id) done();
    };
    ipc.on(CLOSE_READY_CHANNEL, onReady);
    const timer = setTimeout(done, timeoutMs);
    window.webContents.send(IPC_CHANNELS.onBeforeClose);
  });
}

/** Why a renderer went away, as Electron's `render-process-gone` reports it. */
export interface RenderProcessGoneDetails {
  reason: string;
  exitCode: number;
}

/** The webContents parts `reloadAfterCrash` uses. */
export interface CrashableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
  reload(): void;
}

/** More crashes than this within CRASH_LOOP_WINDOW_MS stop the automatic reload. */
export const CRASH_LOOP_LIMIT = 3;
export const CRASH_LOOP_WINDOW_MS = 60_000;

/**
 * When the reader's renderer dies (crash, out of memory, killed), reloads it and tells the user
 * in Chinese, instead of leaving a blank window. Everything written is in IndexedDB, so a reload
 * loses at most the note typed in the last moment, which the message says. A page that keeps
 * dying (a damaged record that crashes it on every start) is not reloaded in a loop: after
 * CRASH_LOOP_LIMIT crashes within a minute the user is told to restart instead.
 * A clean exit (window closing) is not a crash.
 */
export function reloadAfterCrash(
  contents: CrashableContents,
  options: { notify(message: string): void; now?: () => number },
): void {
  const now = options.now ?? Date.now;
  const recent: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const t = now();
    while (recent.length > 0 && t - recent[0] > CRASH_LOOP_WINDOW_MS) recent.shift();
    recent.push(t);
    if (recent.length > CRASH_LOOP_LIMIT) {
      options.notify(MSG.rendererGoneRepeatedly(MSG.rendererGoneReason(details.reason)));
      return;
    }
    contents.reload();
    options.notify(MSG.rendererGone(MSG.rendererGoneReason(details.reason)));
  });
}
