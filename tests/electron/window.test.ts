import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, holdCloseForSaves, mainWindowOptions, WINDOW_BACKGROUND } from '../../electron/main/window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/x/out/preload/index.cjs');
  it('is titled 研读 with the paper background and a reasonable size', () => {
    expect(options.title).toBe('研读');
    expect(options.backgroundColor).toBe('#fbf8f1');
    expect(WINDOW_BACKGROUND).toBe('#fbf8f1');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.show).toBe(false);
  });
  it('carries the hardened web preferences', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/x/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });
});

describe('createMainWindow', () => {
  it('hardens, trusts, loads the URL and shows on first paint', async () => {
    const listeners = new Map<string, () => void>();
    const contents = {
      id: 3,
      on: vi.fn(),
      once: vi.fn(),
      setWindowOpenHandler: vi.fn(),
    };
    const win = {
      once: (event: string, l: () => void) => listeners.set(event, l),
      show: vi.fn(),
      loadURL: vi.fn(async () => undefined),
      webContents: contents,
    };
    const createWindow = vi.fn(() => win);
    const trust = vi.fn();
    const { window, loaded } = createMainWindow(createWindow, {
      preloadPath: '/p.cjs',
      url: 'app://reader/index.html',
      trust,
    });
    await loaded;
    expect(window).toBe(win);
    expect((createWindow.mock.calls[0] as unknown[])[0]).toMatchObject({ webPreferences: { sandbox: true } });
    expect(trust).toHaveBeenCalledWith(contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(win.loadURL).toHaveBeenCalledWith('app://reader/index.html');
    expect(win.show).not.toHaveBeenCalled();
    listeners.get('ready-to-show')!();
    expect(win.show).toHaveBeenCalled();
  });
});

describe('holdCloseForSaves', () => {
  afterEach(() => vi.useRealTimers());

  function setup() {
    let onClose: ((e: { preventDefault(): void }) => void) | undefined;
    const ready = new Set<(e: { sender: { id: number } }) => void>();
    const win = {
      on: vi.fn((_event: 'close', l: (e: { preventDefault(): void }) => void) => (onClose = l)),
      close: vi.fn(() => onClose!(closeEvent())),
      isDestroyed: vi.fn(() => false),
      webContents: { id: 7, send: vi.fn() },
    };
    const ipc = {
      on: vi.fn((_c: string, l: (e: { sender: { id: number } }) => void) => ready.add(l)),
      removeListener: vi.fn((_c: string, l: (e: { sender: { id: number } }) => void) => ready.delete(l)),
    };
    const prevented: boolean[] = [];
    const closeEvent = () => {
      const e = { preventDefault: () => (prevented[prevented.length - 1] = true) };
      prevented.push(false);
      return e;
    };
    holdCloseForSaves(win, ipc, 3000);
    const userCloses = () => onClose!(closeEvent());
    const answer = (id: number) => [...ready].forEach((l) => l({ sender: { id } }));
    return { win, ipc, prevented, userCloses, answer, ready };
  }

  it('asks the renderer to save and closes once that window answers', () => {
    const { win, prevented, userCloses, answer, ready } = setup();
    userCloses();
    expect(prevented).toEqual([true]);
    expect(win.webContents.send).toHaveBeenCalledWith('app:before-close');
    userCloses(); // impatient second click: still waiting, asked once
    expect(prevented).toEqual([true, true]);
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
    answer(99); // another window's answer does not count
    expect(win.close).not.toHaveBeenCalled();
    answer(7);
    expect(win.close).toHaveBeenCalledTimes(1);
    expect(prevented).toEqual([true, true, false]); // the close it starts goes through
    expect(ready.size).toBe(0);
  });

  it('closes anyway when the renderer does not answer in time', () => {
    vi.useFakeTimers();
    const { win, prevented, userCloses } = setup();
    userCloses();
    vi.advanceTimersByTime(2999);
    expect(win.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(win.close).toHaveBeenCalledTimes(1);
    expect(prevented).toEqual([true, false]);
  });

  it('does not touch a window destroyed meanwhile', () => {
    vi.useFakeTimers();
    const { win, userCloses } = setup();
    win.isDestroyed.mockReturnValue(true);
    userCloses();
    vi.advanceTimersByTime(3000);
    expect(win.close).not.toHaveBeenCalled();
  });
});
