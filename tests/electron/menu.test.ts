import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract';
import { buildMenuTemplate, dispatchMenuCommand } from '../../electron/main/menu';

function build(platform = 'linux', isPackaged = true) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const showAbout = vi.fn();
  const template = buildMenuTemplate({ platform, isPackaged, send, showAbout });
  return { template, send, showAbout };
}

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const item = (template: MenuItemConstructorOptions[], menu: string, label: string) =>
  submenu(template, menu).find((i) => i.label === label && i.visible !== false);
const click = (entry: MenuItemConstructorOptions | undefined) =>
  (entry!.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has the Chinese top-level menus', () => {
    expect(build().template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it.each([
    ['文件', '书架…', 'CmdOrCtrl+O', 'open-shelf'],
    ['文件', '打开报告文件…', 'CmdOrCtrl+Shift+O', 'open-report'],
    ['文件', '打印摘录…', 'CmdOrCtrl+P', 'print-excerpts'],
    ['文件', '导出 PDF…', undefined, 'export-pdf'],
    ['编辑', '撤销', 'CmdOrCtrl+Z', 'undo'],
    ['编辑', '重做', 'CmdOrCtrl+Shift+Z', 'redo'],
    ['编辑', '查找', 'CmdOrCtrl+F', 'find'],
    ['视图', '放大', 'CmdOrCtrl+=', 'font-bigger'],
    ['视图', '缩小', 'CmdOrCtrl+-', 'font-smaller'],
    ['视图', '实际大小', 'CmdOrCtrl+0', 'font-reset'],
    ['视图', '切换深色主题', undefined, 'toggle-theme'],
    ['视图', '显示/隐藏目录', undefined, 'toggle-outline'],
    ['视图', '显示/隐藏批注列表', undefined, 'toggle-annotations'],
  ] as const)('%s › %s (%s) sends %s', (menu, label, accelerator, command) => {
    const { template, send } = build();
    const entry = item(template, menu, label);
    expect(entry).toBeDefined();
    expect(entry!.accelerator).toBe(accelerator);
    expect(entry!.role).toBeUndefined();
    click(entry);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(command);
  });

  it('sends every menu command of the contract from some item', () => {
    const { template, send } = build();
    for (const menu of template) {
      for (const entry of (menu.submenu ?? []) as MenuItemConstructorOptions[]) {
        if (entry.click && entry.label !== '关于研读') click(entry);
      }
    }
    const sent = new Set(send.mock.calls.map(([c]) => c));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('keeps clipboard and quit as roles', () => {
    const { template } = build();
    expect(item(template, '编辑', '复制')?.role).toBe('copy');
    expect(item(template, '编辑', '全选')?.role).toBe('selectAll');
    expect(item(template, '文件', '退出')?.role).toBe('quit');
  });

  it('offers 关于研读 under 帮助', () => {
    const { template, showAbout, send } = build();
    click(item(template, '帮助', '关于研读'));
    expect(showAbout).toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('shows 开发者工具 only when not packaged', () => {
    expect(item(build('linux', true).template, '视图', '开发者工具')).toBeUndefined();
    expect(item(build('linux', false).template, '视图', '开发者工具')?.role).toBe('toggleDevTools');
  });

  it('on macOS adds the app menu (with quit and about) and a window menu', () => {
    const { template } = build('darwin');
    expect(template.map((m) => m.label)).toEqual(['研读', '文件', '编辑', '视图', '窗口', '帮助']);
    const appMenu = submenu(template, '研读');
    expect(appMenu.some((i) => i.role === 'quit')).toBe(true);
    expect(appMenu.some((i) => i.label === '关于研读')).toBe(true);
    expect(submenu(template, '文件').some((i) => i.role === 'quit')).toBe(false);
  });
});

describe('dispatchMenuCommand', () => {
  const win = (destroyed = false) => ({ isDestroyed: () => destroyed, webContents: { send: vi.fn() } });

  it('sends menu:command to the focused window', () => {
    const focused = win();
    const main = win();
    expect(dispatchMenuCommand('find', focused, main)).toBe(true);
    expect(focused.webContents.send).toHaveBeenCalledWith('menu:command', 'find');
    expect(main.webContents.send).not.toHaveBeenCalled();
  });

  it('falls back to the main window, and reports when there is none', () => {
    const main = win();
    expect(dispatchMenuCommand('undo', null, main)).toBe(true);
    expect(main.webContents.send).toHaveBeenCalledWith('menu:command', 'undo');
    expect(dispatchMenuCommand('undo', win(true), null)).toBe(false);
  });
});
