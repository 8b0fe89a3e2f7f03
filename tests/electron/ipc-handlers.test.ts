import { describe, expect, it, vi } from 'vitest';
import { HOST_EVENTS, IPC_CHANNELS, type AppInfo } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import {
  createIpcHandlers,
  registerIpcHandlers,
  sanitizeFileName,
  type IpcDeps,
} from '../../electron/main/ipc-handlers';
import { MAX_OPEN_FILE_BYTES, MAX_REPORT_BYTES } from '../../electron/main/file-io';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import { createSenderGuard } from '../../electron/main/security';

const trustedEvent = { sender: { id: 1 }, senderFrame: { url: 'app://reader/index.html', parent: null } };
const foreignEvent = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };
const fakeReport = { id: 'r', title: 'T', paragraphs: [] } as unknown as Report;
const info: AppInfo = { name: '研读', version: '0.1.0', host: 'electron', platform: 'linux' };

function setup(overrides: Partial<IpcDeps> = {}) {
  const deps: IpcDeps = {
    reports: {
      list: vi.fn(async () => ({ ok: true as const, value: [] })),
      load: vi.fn(async () => ({ ok: true as const, value: fakeReport })),
    },
    openReport: vi.fn(async () => ({ ok: true as const, value: fakeReport })),
    showOpenDialog: vi.fn(async () => '/home/u/下载/上海 报告.txt'),
    showSaveDialog: vi.fn(async () => '/home/u/文档/out.pdf'),
    readFile: vi.fn(async () => ({ ok: true as const, value: new Uint8Array([1, 2, 3]) })),
    writeFile: vi.fn(async (file: string) => ({ ok: true as const, value: file })),
    print: vi.fn(async () => ({ ok: true as const, value: undefined })),
    renderPdf: vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])),
    appInfo: vi.fn(() => info),
    backups: {
      list: vi.fn(async () => ({ ok: true as const, value: ['yandu-backup-20261203-090000-daily.json'] })),
      write: vi.fn(async () => ({ ok: true as const, value: undefined })),
      read: vi.fn(async () => ({ ok: true as const, value: '{}' })),
      remove: vi.fn(async () => ({ ok: true as const, value: undefined })),
    },
    shelf: {
      write: vi.fn(async () => ({ ok: true as const, value: undefined })),
      read: vi.fn(async () => ({ ok: true as const, value: '{}' })),
      remove: vi.fn(async () => ({ ok: true as const, value: undefined })),
    },
    ...overrides,
  };
  const guard = createSenderGuard([{ protocol: 'app:', host: 'reader' }]);
  guard.trust({ id: 1, once: () => undefined });
  const handlers = createIpcHandlers(deps, (e) => guard.isTrusted(e));
  const call = (channel: string, ...args: unknown[]) => handlers[channel](trustedEvent, ...args);
  return { deps, handlers, call };
}

const INVOKE_CHANNELS = Object.entries(IPC_CHANNELS)
  .filter(([key]) => !(HOST_EVENTS as readonly string[]).includes(key))
  .map(([, channel]) => channel);

describe('createIpcHandlers', () => {
  it('has exactly one handler per request channel of the contract', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it.each(INVOKE_CHANNELS)('%s rejects a foreign sender without touching anything', async (channel) => {
    const { handlers, deps } = setup();
    const result = await handlers[channel](foreignEvent, 'changzhi-2026');
    expect(result).toEqual({ ok: false, error: '请求被拒绝：来源不受信任。' });
    for (const fn of [deps.showOpenDialog, deps.showSaveDialog, deps.readFile, deps.writeFile, deps.print, deps.renderPdf, deps.reports.list, deps.reports.load]) {
      expect(fn).not.toHaveBeenCalled();
    }
  });

  const okFilters = [{ name: '文本', extensions: ['txt'] }];
  it.each([
    ['report:list', ['extra']],
    ['report:load', []],
    ['report:load', [42]],
    ['report:load', ['']],
    ['report:load', ['x'.repeat(201)]],
    ['report:open', [{}]],
    ['file:open', []],
    ['file:open', [{ filters: 'txt' }]],
    ['file:open', [{ filters: [{ name: '坏', extensions: ['../x'] }] }]],
    ['file:open', [{ filters: [{ name: '', extensions: ['txt'] }] }]],
    ['file:save', [{ suggestedName: '', content: 'x', filters: okFilters }]],
    ['file:save', [{ suggestedName: 'a.md', content: 12, filters: okFilters }]],
    ['file:save', [{ suggestedName: 'a.md', content: [1, 2], filters: okFilters }]],
    ['file:save', [{ suggestedName: 'a.md', content: 'x' }]],
    ['print:print', [true]],
    ['print:pdf', [{ html: '', suggestedName: 'a.pdf' }]],
    ['print:pdf', [{ html: 5, suggestedName: 'a.pdf' }]],
    ['print:pdf', [null]],
    ['app:info', [1]],
  ])('%s with %j is rejected as invalid, in Chinese', async (channel, args) => {
    const { call, deps } = setup();
    const result = await call(channel, ...args);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^请求参数无效：/);
    expect(!result.ok && result.error).toMatch(/[\u4e00-\u9fff]/);
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.reports.load).not.toHaveBeenCalled();
  });

  it('report:list and report:load pass through the store', async () => {
    const { call, deps } = setup();
    expect(await call('report:list')).toEqual({ ok: true, value: [] });
    expect(await call('report:load', 'changzhi-2026')).toEqual({ ok: true, value: fakeReport });
    expect(deps.reports.load).toHaveBeenCalledWith('changzhi-2026');
  });

  it('report:open offers Word, PDF, web pages and text, and reads the chosen file by its name', async () => {
    const { call, deps } = setup();
    expect(await call('report:open')).toEqual({ ok: true, value: fakeReport });
    expect(deps.showOpenDialog).toHaveBeenCalledWith(trustedEvent, {
      title: '打开报告',
      filters: [
        { name: '报告（Word、PDF、网页、文本）', extensions: ['txt', 'docx', 'pdf', 'html', 'htm'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
    expect(deps.readFile).toHaveBeenCalledWith('/home/u/下载/上海 报告.txt', MAX_REPORT_BYTES);
    expect(deps.openReport).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), '上海 报告.txt');
  });

  it('report:read reads a dropped file by its base name; oversized payloads are refused before reading', async () => {
    const { call, deps } = setup();
    const bytes = new Uint8Array([4, 5]);
    expect(await call('report:read', { name: 'C:\\Users\\u\\报告.docx', bytes })).toEqual({ ok: true, value: fakeReport });
    expect(deps.openReport).toHaveBeenCalledWith(bytes, '报告.docx');
    const huge = await call('report:read', { name: 'x.pdf', bytes: new Uint8Array(50 * 1024 * 1024 + 2) });
    expect(huge).toEqual({ ok: false, error: expect.stringMatching(/请求参数无效/) });
    expect(deps.openReport).toHaveBeenCalledTimes(1);
  });

  it('report:open: cancel → null; read error passes through', async () => {
    expect(await setup({ showOpenDialog: vi.fn(async () => null) }).call('report:open')).toEqual({ ok: true, value: null });
    const tooBig = { ok: false as const, error: '文件过大（60.0 MB），最大只能打开 50 MB 的文件。' };
    const { call, deps } = setup({ readFile: vi.fn(async () => tooBig) });
    expect(await call('report:open')).toEqual(tooBig);
    expect(deps.openReport).not.toHaveBeenCalled();
  });

  it('file:open returns name and bytes, with the requested filters', async () => {
    const { call, deps } = setup();
    const filters = [{ name: '研读批注', extensions: ['json'] }];
    expect(await call('file:open', { filters })).toEqual({
      ok: true,
      value: { name: '上海 报告.txt', bytes: new Uint8Array([1, 2, 3]) },
    });
    expect(deps.showOpenDialog).toHaveBeenCalledWith(trustedEvent, { title: '打开文件', filters });
    // Whatever 导出批注 can write must be readable again: the exchange format's own limit.
    expect(deps.readFile).toHaveBeenCalledWith('/home/u/下载/上海 报告.txt', MAX_EXCHANGE_BYTES);
    expect(MAX_OPEN_FILE_BYTES).toBe(MAX_EXCHANGE_BYTES);
    expect(MAX_EXCHANGE_BYTES).toBeGreaterThan(MAX_REPORT_BYTES);
    expect(await setup({ showOpenDialog: vi.fn(async () => null) }).call('file:open', { filters })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('file:save suggests a sanitised name and writes the content to the chosen path', async () => {
    const { call, deps } = setup({ showSaveDialog: vi.fn(async () => '/d/摘录.docx') });
    const content = new Uint8Array([0x50, 0x4b]);
    const filters = [{ name: 'Word 文档', extensions: ['docx'] }];
    expect(await call('file:save', { suggestedName: '../../etc/摘录.docx', content, filters })).toEqual({
      ok: true,
      value: '/d/摘录.docx',
    });
    expect(deps.showSaveDialog).toHaveBeenCalledWith(trustedEvent, { title: '保存文件', defaultPath: '摘录.docx', filters });
    expect(deps.writeFile).toHaveBeenCalledWith('/d/摘录.docx', content);
  });

  it('file:save: cancel → null; write failure message passes through', async () => {
    const req = { suggestedName: 'a.md', content: '# 摘录', filters: [] };
    expect(await setup({ showSaveDialog: vi.fn(async () => null) }).call('file:save', req)).toEqual({ ok: true, value: null });
    const full = { ok: false as const, error: '磁盘空间不足，文件未保存。' };
    expect(await setup({ writeFile: vi.fn(async () => full) }).call('file:save', req)).toEqual(full);
  });

  it('print:print prints the sender', async () => {
    const { call, deps } = setup();
    expect(await call('print:print')).toEqual({ ok: true, value: undefined });
    expect(deps.print).toHaveBeenCalledWith(trustedEvent);
  });

  it('print:pdf asks for the destination, renders, and saves the PDF bytes', async () => {
    const { call, deps } = setup();
    const html = '<!doctype html><p>摘录</p>';
    expect(await call('print:pdf', { html, suggestedName: '研读摘录.pdf' })).toEqual({ ok: true, value: '/home/u/文档/out.pdf' });
    expect(deps.showSaveDialog).toHaveBeenCalledWith(trustedEvent, {
      title: '导出 PDF',
      defaultPath: '研读摘录.pdf',
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    });
    expect(deps.renderPdf).toHaveBeenCalledWith(html);
    expect(deps.writeFile).toHaveBeenCalledWith('/home/u/文档/out.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  });

  it('print:pdf: cancel renders nothing; a render failure is an error result', async () => {
    const cancelled = setup({ showSaveDialog: vi.fn(async () => null) });
    expect(await cancelled.call('print:pdf', { html: '<p>x</p>', suggestedName: 'a.pdf' })).toEqual({ ok: true, value: null });
    expect(cancelled.deps.renderPdf).not.toHaveBeenCalled();
    const failing = setup({ renderPdf: vi.fn(async () => Promise.reject(new Error('render crashed'))) });
    expect(await failing.call('print:pdf', { html: '<p>x</p>', suggestedName: 'a.pdf' })).toEqual({
      ok: false,
      error: '导出 PDF 失败：render crashed',
    });
    expect(failing.deps.writeFile).not.toHaveBeenCalled();
  });

  it('app:info returns the host info', async () => {
    expect(await setup().call('app:info')).toEqual({ ok: true, value: info });
  });

  it('never rejects: an exception in a dependency becomes ok:false', async () => {
    const { call } = setup({
      reports: { list: vi.fn(async () => Promise.reject(new Error('disk gone'))), load: vi.fn() },
    });
    await expect(call('report:list')).resolves.toEqual({ ok: false, error: '发生意外错误：disk gone' });
  });
});

describe('registerIpcHandlers', () => {
  it('registers every handler with ipcMain.handle under its channel', () => {
    const { handlers } = setup();
    const handle = vi.fn();
    registerIpcHandlers({ handle }, handlers);
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const [channel, fn] of handle.mock.calls) expect(fn).toBe(handlers[channel]);
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['研读摘录.docx', '研读摘录.docx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\system.ini', 'system.ini'],
    ['a<b>:c"d|e?f*.md', 'a_b__c_d_e_f_.md'],
    ['line\nbreak.txt', 'line_break.txt'],
    ['...', '研读导出'],
    ['  .hidden ', 'hidden'],
  ])('%j → %j', (name, safe) => {
    expect(sanitizeFileName(name)).toBe(safe);
  });
});

describe('shelf channels', () => {
  it('pass a valid id and text to the shelf folder', async () => {
    const { call, deps } = setup();
    expect(await call('shelf:write', 'r-0123456789abcdef', '{"id":"r-0123456789abcdef"}')).toEqual({ ok: true, value: undefined });
    expect(deps.shelf.write).toHaveBeenCalledWith('r-0123456789abcdef', '{"id":"r-0123456789abcdef"}');
    expect(await call('shelf:read', 'changzhi-2026')).toEqual({ ok: true, value: '{}' });
  });

  it.each([['../../etc/passwd'], ['r-XYZ'], ['C:\\x'], ['']])('refuse the id %j without touching the disk', async (id) => {
    const { call, deps } = setup();
    for (const channel of ['shelf:read', 'shelf:remove']) {
      const r = await call(channel, id);
      expect(r.ok).toBe(false);
      expect((r as { error: string }).error).toMatch(/请求无效|无效/);
    }
    expect(deps.shelf.read).not.toHaveBeenCalled();
    expect(deps.shelf.remove).not.toHaveBeenCalled();
  });
});
