import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  CRASH_LOOP_LIMIT,
  CRASH_LOOP_WINDOW_MS,
  holdCloseForSaves,
  mainWindowOptions,
  reloadAfterCrash,
  WINDOW_BACKGROUND,
  type RenderProcessGoneDetails,
} from '../../electron/main/window';

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

describe('DevTools', () => {
  it('are off unless asked for (packaged builds never ask)', () => {
    expect(mainWindowOptions('/p.cjs').webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', false).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', true).webPreferences!.devTools).toBe(true);
  });

  it('createMainWindow passes the choice through', () => {
    const make = (devTools?: boolean) => {
      const createWindow = vi.fn((_o: unknown) => ({
        once: vi.fn(),
        show: vi.fn(),
        loadURL: vi.fn(async () => undefined),
        webContents: { id: 1, on: vi.fn(), once: vi.fn(), setWindowOpenHandler: vi.fn() },
      }));
      createMainWindow(createWindow, { preloadPath: '/p.cjs', url: 'app://reader/index.html', trust: vi.fn(), devTools });
      return (createWindow.mock.calls[0][0] as { webPreferences: { devTools: boolean } }).webPreferences.devTools;
    };
    expect(make()).toBe(false);
    expect(make(false)).toBe(false);
    expect(make(true)).toBe(true);
  });
});

describe('reloadAfterCrash', () => {
  function setup() {
    let gone: ((event: unknown, details: RenderProcessGoneDetails) => void) | undefined;
    let t = 1_000_000;
    const contents = { on: vi.fn((_e: 'render-process-gone', l: typeof gone) => (gone = l)), reload: vi.fn() };
    const notify = vi.fn();
    reloadAfterCrash(contents, { notify, now: () => t });
    return {
      contents,
      notify,
      die: (reason: string, after = 0) => {
        t += after;
        gone!({}, { reason, exitCode: 1 });
      },
    };
  }

  it.each([
    ['crashed', '程序崩溃'],
    ['oom', '内存不足'],
    ['killed', '被系统终止'],
    ['abnormal-exit', '异常退出'],
    ['something-new', '原因：something-new'],
  ])('reloads after %s and says so in Chinese', (reason, words) => {
    const { contents, notify, die } = setup();
    die(reason);
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(`研读的页面意外退出（${words}），已自动重新加载。已保存的批注都在；刚才一两秒内输入的批注文字可能没有保存，请检查一下。`);
  });

  it('ignores a clean exit (the window closing)', () => {
    const { contents, notify, die } = setup();
    die('clean-exit');
    expect(contents.reload).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('stops reloading a page that keeps crashing, and tells the user to restart', () => {
    const { contents, notify, die } = setup();
    for (let i = 0; i < CRASH_LOOP_LIMIT; i++) die('crashed', 1000);
    expect(contents.reload).toHaveBeenCalledTimes(CRASH_LOOP_LIMIT);
    die('crashed', 1000);
    expect(contents.reload).toHaveBeenCalledTimes(CRASH_LOOP_LIMIT);
    expect(notify).toHaveBeenLastCalledWith(expect.stringMatching(/^研读的页面在一分钟内多次意外退出（程序崩溃），已停止自动重新加载。请重新启动研读/));
  });

  it('reloads again once the earlier crashes are more than a minute old', () => {
    const { contents, die } = setup();
    for (let i = 0; i < CRASH_LOOP_LIMIT; i++) die('crashed', 1000);
    die('crashed', CRASH_LOOP_WINDOW_MS + 1);
    expect(contents.reload).toHaveBeenCalledTimes(CRASH_LOOP_LIMIT + 1);
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
