import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_GLOBAL, IPC_CHANNELS, type ReaderHost } from '../../shared/ipc/contract';

// The real `electron` package here only resolves a binary path; the preload gets a fake.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
      on: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(l);
      }),
      removeListener: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(l);
      }),
      send: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

async function exposed(): Promise<ReaderHost> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0];
  expect(name).toBe(HOST_GLOBAL);
  return api as ReaderHost;
}

const emit = (channel: string, ...args: unknown[]) => {
  for (const l of electron.listeners.get(channel) ?? []) l({ sender: 'event object' }, ...args);
};

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.listeners.clear();
});

describe('preload', () => {
  it('exposes window.yandu with exactly the ReaderHost methods and nothing else', async () => {
    const api = await exposed();
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  const req = { filters: [{ name: '文本', extensions: ['txt'] }] };
  const save = { suggestedName: 'a.md', content: '摘录', filters: [] };
  const pdf = { html: '<p>摘录</p>', suggestedName: 'a.pdf' };
  it.each([
    ['listReports', [], 'report:list'],
    ['loadReport', ['changzhi-2026'], 'report:load'],
    ['openReportFile', [], 'report:open'],
    ['readReportFile', [{ name: 'a.pdf', bytes: new Uint8Array([1]) }], 'report:read'],
    ['openFile', [req], 'file:open'],
    ['saveFile', [save], 'file:save'],
    ['print', [], 'print:print'],
    ['printToPdf', [pdf], 'print:pdf'],
    ['appInfo', [], 'app:info'],
  ] as const)('%s invokes %s with its arguments', async (method, args, channel) => {
    const api = await exposed();
    const result = await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
    expect(result).toEqual({ ok: true, value: { channel, args } });
  });

  it('turns a rejected invoke into an error result instead of rejecting', async () => {
    const api = await exposed();
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'report:list'"));
    await expect(api.listReports()).resolves.toEqual({ ok: false, error: "No handler registered for 'report:list'" });
  });

  it('onMenuCommand delivers known commands without the event object, and unsubscribes', async () => {
    const api = await exposed();
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    emit('menu:command', 'find');
    emit('menu:command', 'rm -rf');
    emit('menu:command', 42);
    expect(listener.mock.calls).toEqual([['find']]);
    unsubscribe();
    emit('menu:command', 'undo');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('menu:command', expect.any(Function));
  });

  it('onBeforeClose runs every save, failed ones included, then tells main the window may close', async () => {
    const api = await exposed();
    electron.ipcRenderer.send.mockClear();
    let finish!: () => void;
    const slow = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const failing = vi.fn(async () => {
      throw new Error('磁盘已满');
    });
    const offSlow = api.onBeforeClose(slow);
    api.onBeforeClose(failing);
    emit('app:before-close');
    expect(slow).toHaveBeenCalledTimes(1);
    expect(failing).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled(); // still saving
    finish();
    await vi.waitFor(() => expect(electron.ipcRenderer.send).toHaveBeenCalledWith('app:close-ready'));
    offSlow();
    emit('app:before-close');
    expect(slow).toHaveBeenCalledTimes(1);
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
