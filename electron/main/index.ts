/**
 * Main-process entry: wiring only. The logic lives in the sibling modules, which are unit-tested
 * against a fake `electron`.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { loadReportFile } from '../../shared/report/load/load-report';
import { nodeFormatLibraries } from './format-libraries';
import { readFileLimited, saveFileAtomic } from './file-io';
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers';
import { createBackupDir } from './backup-dir';
import { createShelfDir } from './shelf-dir';
import { buildMenuTemplate, dispatchMenuCommand } from './menu';
import { MSG } from './messages';
import { PDF_PARTITION, printWebContents, renderHtmlToPdf } from './pdf';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, createAppProtocolHandler, PRIVILEGED_SCHEMES } from './protocol';
import { createReportStore, reportFromFile, resolveReportsDir, type LoadReport } from './report-store';
import {
  blockNetwork,
  createSenderGuard,
  denyAllPermissions,
  hardenWebContents,
  type TrustedLocation,
} from './security';
import { createMainWindow, holdCloseForSaves, reloadAfterCrash } from './window';

// Must run before `ready`: IndexedDB and fetch need a standard, secure scheme.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

/** electron-vite's dev server, only honoured in unpackaged builds. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

const trustedLocations: TrustedLocation[] = [{ protocol: `${APP_SCHEME}:`, host: APP_HOST }];
if (devServerUrl) {
  const dev = new URL(devServerUrl);
  trustedLocations.push({ protocol: dev.protocol, host: dev.host });
}
const senderGuard = createSenderGuard(trustedLocations);

const loadReport: LoadReport = (file) => loadReportFile(file, nodeFormatLibraries);

let mainWindow: BrowserWindow | null = null;
let quitting = false;

function parentOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

async function showOpen(event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<string | null> {
  const parent = parentOf(event);
  const full: OpenDialogOptions = { ...options, properties: ['openFile'] };
  const result = parent ? await dialog.showOpenDialog(parent, full) : await dialog.showOpenDialog(full);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

async function showSave(event: IpcMainInvokeEvent, options: SaveDialogOptions): Promise<string | null> {
  const parent = parentOf(event);
  const full: SaveDialogOptions = { ...options, properties: ['showOverwriteConfirmation', 'createDirectory'] };
  const result = parent ? await dialog.showSaveDialog(parent, full) : await dialog.showSaveDialog(full);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: MSG.aboutTitle,
    message: MSG.appName,
    detail: MSG.aboutDetail(app.getVersion()),
    buttons: ['确定'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function openMainWindow(): void {
  const { window, loaded } = createMainWindow((options) => new BrowserWindow(options), {
    preloadPath: path.join(__dirname, '../preload/index.cjs'),
    url: devServerUrl ?? APP_ENTRY_URL,
    devTools: !app.isPackaged,
    trust: (contents) => senderGuard.trust(contents),
  });
  mainWindow = window;
  holdCloseForSaves(window, ipcMain);
  reloadAfterCrash(window.webContents, {
    notify: (message) => {
      console.error('[yandu] renderer gone:', message);
      if (!window.isDestroyed()) void dialog.showMessageBox(window, { type: 'warning', title: MSG.appName, message, buttons: ['确定'] });
    },
  });
  window.on('closed', () => {
    mainWindow = null;
    // Holding the close for the saves cancelled a quit in progress (Cmd+Q on macOS): resume it.
    if (quitting) app.quit();
  });
  loaded.catch((error: unknown) => console.error('[yandu] renderer failed to load:', error));
}

async function start(): Promise<void> {
  await app.whenReady();

  const rendererRoot = path.join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

  denyAllPermissions(session.defaultSession);
  // The dev server is http://localhost; everywhere else nothing may touch the network.
  if (!devServerUrl) blockNetwork(session.defaultSession);
  const pdfSession = session.fromPartition(PDF_PARTITION);
  denyAllPermissions(pdfSession);
  blockNetwork(pdfSession);

  const reportsDir = resolveReportsDir({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  const reports = createReportStore(reportsDir, loadReport);

  const handlers = createIpcHandlers<IpcMainInvokeEvent>(
    {
      reports,
      openReport: (bytes, name) => reportFromFile(bytes, name, loadReport),
      showOpenDialog: showOpen,
      showSaveDialog: showSave,
      readFile: (file, maxBytes) => readFileLimited(file, maxBytes),
      writeFile: (file, content) => saveFileAtomic(file, content),
      print: (event) => printWebContents(event.sender),
      renderPdf: (html) => renderHtmlToPdf(html, (options) => new BrowserWindow(options)),
      backups: createBackupDir(path.join(app.getPath('userData'), 'backups')),
      shelf: createShelfDir(path.join(app.getPath('userData'), 'shelf')),
      appInfo: () => ({
        name: MSG.appName,
        version: app.getVersion(),
        host: 'electron',
        platform: process.platform,
      }),
    },
    (event) => senderGuard.isTrusted(event),
  );
  registerIpcHandlers(ipcMain, handlers);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        send: (command) => dispatchMenuCommand(command, BrowserWindow.getFocusedWindow(), mainWindow),
        showAbout,
      }),
    ),
  );

  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every webContents, including ones we did not create ourselves, gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  start().catch((error: unknown) => {
    console.error('[yandu] startup failed:', error);
    dialog.showErrorBox(MSG.appName, MSG.unexpected(error instanceof Error ? error.message : String(error)));
    app.quit();
  });
}
