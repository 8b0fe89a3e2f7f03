/**
 * Loads the real main-process entry against a fake `electron` and checks the wiring: order of
 * protocol registration, hardening of the session and window, IPC registration, menu — and a
 * real `report:load` round trip through the registered handler.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_EVENTS, IPC_CHANNELS } from '../../shared/ipc/contract';

const ROOT = path.resolve(__dirname, '../..');

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const windows: any[] = [];
  const session = () => ({
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  let nextId = 1;
  class BrowserWindow {
    options: any;
    webContents: any;
    constructor(options: any) {
      this.options = options;
      this.webContents = {
        id: nextId++,
        on: vi.fn(),
        once: vi.fn(),
        setWindowOpenHandler: vi.fn(),
        send: vi.fn(),
        reload: vi.fn(),
      };
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    once = vi.fn();
    on = vi.fn();
    show = vi.fn();
    close = vi.fn();
    isDestroyed = () => false;
    loadURL = vi.fn(async () => undefined);
    static fromWebContents = vi.fn(() => null);
    static getFocusedWindow = vi.fn(() => null);
    static getAllWindows = vi.fn(() => windows);
  }
  return {
    calls,
    windows,
    module: {
      app: {
        isPackaged: false,
        getAppPath: (): string => '',
        getPath: (name: string): string => `/tmp/yandu-fake-${name}`,
        getVersion: () => '0.1.0',
        whenReady: vi.fn(async () => {
          calls.push('whenReady');
        }),
        requestSingleInstanceLock: vi.fn(() => true),
        on: vi.fn(),
        quit: vi.fn(),
        isReady: () => true,
      },
      BrowserWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(), showErrorBox: vi.fn() },
      ipcMain: {
        handle: vi.fn<(channel: string, handler: (...args: any[]) => Promise<any>) => void>(),
        on: vi.fn<(channel: string, listener: (event: any) => void) => void>(),
        removeListener: vi.fn(),
      },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn(() => calls.push('protocol.handle')),
      },
      session: { defaultSession: session(), fromPartition: vi.fn(() => session()) },
    },
  };
});
vi.mock('electron', () => fake.module);

const m = fake.module;
function handlerFor(channel: string) {
  const call = m.ipcMain.handle.mock.calls.find(([c]) => c === channel);
  if (!call) throw new Error(`no handler registered for ${channel}`);
  return call[1];
}
let mainWindow: any;

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  m.app.getAppPath = () => ROOT;
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fake.windows.length).toBe(1));
  mainWindow = fake.windows[0];
});

describe('main process wiring', () => {
  it('registers app: as privileged before ready and serves it after', () => {
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('protocol.handle')).toBeGreaterThan(fake.calls.indexOf('whenReady'));
    expect(m.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('denies permissions and blocks the network in the default and PDF sessions', () => {
    for (const s of [m.session.defaultSession, m.session.fromPartition.mock.results[0].value]) {
      expect(s.setPermissionRequestHandler).toHaveBeenCalled();
      expect(s.setPermissionCheckHandler).toHaveBeenCalled();
      expect(s.webRequest.onBeforeRequest).toHaveBeenCalled();
    }
  });

  it('opens one hardened window on app://reader with the CommonJS preload', () => {
    expect(mainWindow.options.title).toBe('研读');
    expect(mainWindow.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(mainWindow.options.webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(mainWindow.loadURL).toHaveBeenCalledWith('app://reader/index.html');
    expect(mainWindow.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(m.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
  });

  it('offers DevTools in an unpackaged build (app.isPackaged is false here)', () => {
    expect(mainWindow.options.webPreferences.devTools).toBe(true);
  });

  it('reloads a crashed renderer and tells the user in a dialog', () => {
    const onGone = mainWindow.webContents.on.mock.calls.find(([e]: [string]) => e === 'render-process-gone')[1];
    onGone({}, { reason: 'oom', exitCode: 9 });
    expect(mainWindow.webContents.reload).toHaveBeenCalledTimes(1);
    expect(m.dialog.showMessageBox).toHaveBeenCalledWith(mainWindow, expect.objectContaining({ type: 'warning', message: expect.stringContaining('内存不足') }));
  });

  it('lets the renderer save before the window closes', () => {
    const onClose = mainWindow.on.mock.calls.find(([e]: [string]) => e === 'close')[1];
    const event = { preventDefault: vi.fn() };
    onClose(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(mainWindow.webContents.send).toHaveBeenCalledWith('app:before-close');
    const [channel, ready] = m.ipcMain.on.mock.calls.at(-1)!;
    expect(channel).toBe('app:close-ready');
    ready({ sender: { id: mainWindow.webContents.id } });
    expect(mainWindow.close).toHaveBeenCalled();
  });

  it('resumes a quit that waited for the saves once the window has closed', () => {
    const onClosed = mainWindow.on.mock.calls.find(([e]: [string]) => e === 'closed')[1];
    m.app.quit.mockClear();
    m.app.on.mock.calls.find(([e]) => e === 'before-quit')![1]();
    onClosed();
    expect(m.app.quit).toHaveBeenCalledTimes(1);
  });

  it('registers a handler for every request channel and sets the Chinese menu', () => {
    const channels = m.ipcMain.handle.mock.calls.map(([c]) => c).sort();
    expect(channels).toEqual(Object.values(IPC_CHANNELS).filter((c) => !HOST_EVENTS.some((k) => IPC_CHANNELS[k] === c)).sort());
    const menu = m.Menu.setApplicationMenu.mock.calls[0][0] as { label?: string }[];
    expect(menu.map((x) => x.label)).toContain('文件');
  });

  it('serves the bundled report over report:load to our window only', async () => {
    const handler = handlerFor('report:load');
    const ours = { sender: mainWindow.webContents, senderFrame: { url: 'app://reader/index.html', parent: null } };
    const result = await handler(ours, 'changzhi-2026');
    expect(result.ok).toBe(true);
    expect(result.value.title).toBe('长治市2026年政府工作报告');
    expect(result.value.paragraphs.length).toBeGreaterThan(40);
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'app://reader/index.html', parent: null } };
    expect(await handler(stranger, 'changzhi-2026')).toEqual({ ok: false, error: '请求被拒绝：来源不受信任。' });
  });

  it('report:list lists the bundled report', async () => {
    const handler = handlerFor('report:list');
    const ours = { sender: mainWindow.webContents, senderFrame: { url: 'app://reader/', parent: null } };
    const result = await handler(ours);
    expect(result).toEqual({ ok: true, value: [expect.objectContaining({ id: 'changzhi-2026', city: '长治市' })] });
  });
});
