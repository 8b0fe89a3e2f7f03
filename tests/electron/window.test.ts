import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions, WINDOW_BACKGROUND } from '../../electron/main/window';

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
