/**
 * The ReaderHost implementation the preload exposes: every method forwards to its
 * `IPC_CHANNELS` channel. Takes `ipcRenderer` as an argument so it can be tested without
 * Electron.
 */
import {
  CLOSE_READY_CHANNEL,
  IPC_CHANNELS,
  MENU_COMMANDS,
  type MenuCommand,
  type ReaderHost,
} from '../../shared/ipc/contract';

/** The ipcRenderer methods the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

const KNOWN_COMMANDS: ReadonlySet<string> = new Set(MENU_COMMANDS);

/**
 * Builds the object exposed as `window.yandu`. It has exactly the ReaderHost methods; no
 * ipcRenderer, event objects or other Electron handles leak to the page. Menu commands that are
 * not in MENU_COMMANDS are dropped.
 */
export function createReaderHostBridge(ipc: IpcRendererLike): ReaderHost {
  // `invoke` results are already Results (main never throws across IPC); a rejected invoke
  // (e.g. no handler registered) is turned into one as well so callers never see a rejection.
  const call = <T>(channel: string, ...args: unknown[]): Promise<T> =>
    ipc.invoke(channel, ...args).catch(
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }) as T,
    ) as Promise<T>;

  // Saves registered by the page; one IPC listener runs them all, then tells main it may close.
  const saves = new Set<() => Promise<void>>();
  const onBeforeClose = () => {
    void Promise.allSettled([...saves].map((save) => save())).then(() => ipc.send(CLOSE_READY_CHANNEL));
  };

  const host: ReaderHost = {
    listReports: () => call(IPC_CHANNELS.listReports),
    loadReport: (id) => call(IPC_CHANNELS.loadReport, id),
    openReportFile: () => call(IPC_CHANNELS.openReportFile),
    readReportFile: (file) => call(IPC_CHANNELS.readReportFile, file),
    openFile: (req) => call(IPC_CHANNELS.openFile, req),
    saveFile: (req) => call(IPC_CHANNELS.saveFile, req),
    print: () => call(IPC_CHANNELS.print),
    printToPdf: (req) => call(IPC_CHANNELS.printToPdf, req),
    appInfo: () => call(IPC_CHANNELS.appInfo),
    listBackups: () => call(IPC_CHANNELS.listBackups),
    writeBackup: (name, content) => call(IPC_CHANNELS.writeBackup, name, content),
    readBackup: (name) => call(IPC_CHANNELS.readBackup, name),
    removeBackup: (name) => call(IPC_CHANNELS.removeBackup, name),
    writeShelfReport: (id, text) => call(IPC_CHANNELS.writeShelfReport, id, text),
    readShelfReport: (id) => call(IPC_CHANNELS.readShelfReport, id),
    removeShelfReport: (id) => call(IPC_CHANNELS.removeShelfReport, id),
    onMenuCommand(listener) {
      const wrapped = (_event: unknown, command: unknown) => {
        if (typeof command === 'string' && KNOWN_COMMANDS.has(command)) listener(command as MenuCommand);
      };
      ipc.on(IPC_CHANNELS.onMenuCommand, wrapped);
      return () => {
        ipc.removeListener(IPC_CHANNELS.onMenuCommand, wrapped);
      };
    },
    onBeforeClose(save) {
      if (saves.size === 0) ipc.on(IPC_CHANNELS.onBeforeClose, onBeforeClose);
      saves.add(save);
      return () => {
        saves.delete(save);
        if (saves.size === 0) ipc.removeListener(IPC_CHANNELS.onBeforeClose, onBeforeClose);
      };
    },
  };
  return host;
}
