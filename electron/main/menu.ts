/**
 * The Chinese application menu. Reader actions (open, print, undo of annotations, font size,
 * panels) are sent to the renderer as `menu:command`; only clipboard and window chores use
 * Electron roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNELS, type MenuCommand } from '../../shared/ipc/contract';
import { MSG } from './messages';

export interface MenuOptions {
  /** `process.platform`; macOS gets the usual app menu. */
  platform: string;
  /** Developer tools are offered only in unpackaged (development) builds. */
  isPackaged: boolean;
  /** Sends a command to the focused reader window (see `dispatchMenuCommand`). */
  send(command: MenuCommand): void;
  /** Shows the about box. */
  showAbout(): void;
}

/**
 * Builds the menu template (pass to `Menu.buildFromTemplate`).
 * Undo/redo are commands, not roles: the renderer owns annotation undo. The renderer should
 * fall back to native text undo when focus is in an editable note field.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const command = (
    label: string,
    cmd: MenuCommand,
    accelerator?: string,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(cmd),
    ...extra,
  });
  const about: MenuItemConstructorOptions = { label: MSG.aboutTitle, click: () => options.showAbout() };

  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: MSG.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services', label: '服务' },
        { type: 'separator' },
        { role: 'hide', label: '隐藏研读' },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: '退出研读' },
      ],
    });
  }

  template.push({
    label: '文件',
    submenu: [
      command('书架…', 'open-shelf', 'CmdOrCtrl+O'),
      command('打开报告文件…', 'open-report', 'CmdOrCtrl+Shift+O'),
      { type: 'separator' },
      command('打印摘录…', 'print-excerpts', 'CmdOrCtrl+P'),
      command('导出 PDF…', 'export-pdf'),
      { type: 'separator' },
      command('导入批注…', 'import-annotations'),
      command('导出批注…', 'export-annotations'),
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit', label: '退出' }] as MenuItemConstructorOptions[])),
    ],
  });

  template.push({
    label: '编辑',
    submenu: [
      command('撤销', 'undo', 'CmdOrCtrl+Z'),
      command('重做', 'redo', 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      // Cut and paste are needed in note fields (on macOS only menu roles make Cmd+X/V work).
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
      { type: 'separator' },
      command('查找', 'find', 'CmdOrCtrl+F'),
    ],
  });

  template.push({
    label: '视图',
    submenu: [
      command('放大', 'font-bigger', 'CmdOrCtrl+='),
      // Ctrl++ on keyboards where + needs Shift, and the numeric keypad; hidden duplicates.
      command('放大', 'font-bigger', 'CmdOrCtrl+Plus', { visible: false, acceleratorWorksWhenHidden: true }),
      command('缩小', 'font-smaller', 'CmdOrCtrl+-'),
      command('实际大小', 'font-reset', 'CmdOrCtrl+0'),
      { type: 'separator' },
      command('切换深色主题', 'toggle-theme'),
      command('显示/隐藏目录', 'toggle-outline'),
      command('显示/隐藏批注列表', 'toggle-annotations'),
      ...(options.isPackaged
        ? []
        : ([
            { type: 'separator' },
            { role: 'reload', label: '重新加载' },
            { role: 'toggleDevTools', label: '开发者工具' },
          ] as MenuItemConstructorOptions[])),
    ],
  });

  if (isMac) template.push({ role: 'windowMenu', label: '窗口' });

  template.push({ role: 'help', label: '帮助', submenu: [about] });

  return template;
}

/** A window that can receive a menu command. */
export interface CommandTarget {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

/**
 * Sends `command` on `menu:command` to the focused window, else to `fallback` (the main
 * window; on macOS the menu works with no window focused). Returns false when there is none.
 */
export function dispatchMenuCommand(
  command: MenuCommand,
  focused: CommandTarget | null | undefined,
  fallback: CommandTarget | null | undefined,
): boolean {
  const target = [focused, fallback].find((w): w is CommandTarget => !!w && !w.isDestroyed());
  if (!target) return false;
  target.webContents.send(IPC_CHANNELS.onMenuCommand, command);
  return true;
}
