/**
 * The reader window: options and creation.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { CLOSE_READY_CHANNEL, CLOSE_SAVE_TIMEOUT_MS, IPC_CHANNELS } from '../../shared/ipc/contract';
import { MSG } from './messages';
import { hardenWebContents, mainWebPreferences, type HardenableContents } from './security';

/** Paper colour of the light theme; shown before the renderer paints, so no white flash. */
export const WINDOW_BACKGROUND = '#fbf8f1';

/** Constructor options of the main window (hidden until its first paint). */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: MSG.appName,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: mainWebPreferences(preloadPath),
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
  options: { preloadPath: string; url: string; trust(contents: W['webContents']): void },
): { window: W; loaded: Promise<void> } {
  const window = createWindow(mainWindowOptions(options.preloadPath));
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
