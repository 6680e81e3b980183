/**
 * The Electron main process (built to out/main/main.js, ESM).
 *
 * Order matters: the sandbox, the privileged app:// scheme and the data folder are set before
 * `ready`; the protocol handler, session hardening, store, IPC and window after it.
 * The decisions live in small files tested in Node (appUrl, protocol, security, ipc,
 * windowState, startupError); this file only wires them to Electron. See security.ts for
 * where each item of Electron's security checklist is handled.
 */
/// <reference types="electron-vite/node" />
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import Store from 'electron-store';
import { createApiRouter } from '../api/router';
import { resolveDataDir } from '../core/dataDir';
import { openFieldbook, type Fieldbook } from '../core/fieldbook';
import inspectWorkerPath from '../core/inspect/inspectWorker?modulePath';
import { APP_SCHEME, APP_START_URL } from './appUrl';
import { createFolderChooser } from './chooseFolder';
import { dataDirFromArgv } from './commandLine';
import { registerFieldbookIpc } from './ipc';
import { createElectronHtmlToPdf } from './printToPdf';
import { createAppProtocolHandler } from './protocol';
import { createTokenVault } from './safeStorageVault';
import { hardenSession, hardenWebContents, isSafeExternalUrl } from './security';
import { describeStartupFailure } from './startupError';
import { createFieldbookWindow } from './window';
import { initialWindowBounds, trackWindowState, type WindowState } from './windowState';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const PRELOAD_PATH = path.join(here, '..', 'preload', 'preload.cjs');
const RENDERER_ROOT = path.join(here, '..', 'renderer');

type WindowStateFile = { windowState?: WindowState };

const log = (message: string): void => console.warn(`[fieldbook] ${message}`);
// Checklist 15: the only call to shell.openExternal. security.ts hands it URLs that passed
// isSafeExternalUrl (parsed; http/https with a host and no credentials, or mailto); it checks again.
// Reviewed for Electronegativity's "review every openExternal" reminder: the URL is checked on the
// same line (tests/unit/electron-security.test.ts); scripts/electronegativity.js lists the review.
const openExternal = async (url: string): Promise<void> => {
  if (isSafeExternalUrl(url)) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
};

// Checklist 4: every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();

// Checklist 18: the renderer is served from app://fieldbook, a standard secure origin,
// not file://. Must happen before `ready`. No corsEnabled, no bypassCSP.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let dataDir: string | undefined;
try {
  // The same folder as the browser host (`fieldbook serve`), so both see the same entries.
  dataDir = resolveDataDir({ dataDir: dataDirFromArgv(process.argv.slice(1)) });
  app.setPath('userData', dataDir);
  // Chromium's own files (caches, local state) go in a subfolder, away from the user's data.
  app.setPath('sessionData', path.join(dataDir, 'electron-session'));
} catch (error) {
  failStartup(error);
}

let fieldbook: Fieldbook | undefined;
let windowStore: Store<WindowStateFile> | undefined;
let disposeIpc: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;

// The single-instance lock is per userData folder, so set the data folder first.
if (dataDir !== undefined) {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    const folder = dataDir;
    app.on('second-instance', () => {
      if (!mainWindow || mainWindow.isDestroyed()) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    // Checklist 11–14 for every web contents that ever exists, not only our window.
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (fieldbook && BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
    app.on('will-quit', () => {
      disposeIpc?.();
      fieldbook?.close();
      fieldbook = undefined;
    });
    app
      .whenReady()
      .then(() => onReady(folder))
      .catch((error: unknown) => {
        fieldbook?.close();
        fieldbook = undefined;
        failStartup(error);
      });
  }
}

function onReady(folder: string): void {
  // Checklist 5: no permission is ever granted (camera, notifications, devices, ...).
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: RENDERER_ROOT, log }));

  try {
    fieldbook = openFieldbook({
      dataDir: folder,
      inspectionWorkerPath: path.resolve(here, inspectWorkerPath),
      tokenVault: createTokenVault(safeStorage, folder),
    });
    fieldbook.files.watch();
    // Talks to IT's hub only if the user connected one (and only what she shared).
    fieldbook.sharing.start();
  } catch (error) {
    // Corrupt, locked, newer or read-only store: say what happened and what to do, and quit
    // without touching the file.
    failStartup(error);
    return;
  }

  disposeIpc = registerFieldbookIpc({
    ipcMain,
    // PDF export prints with Electron's own Chromium, in a hidden window without scripts (printToPdf.ts);
    // "Choose a folder…" opens the system's folder dialog (chooseFolder.ts).
    router: createApiRouter(fieldbook, {
      htmlToPdf: createElectronHtmlToPdf(BrowserWindow),
      chooseFolder: createFolderChooser(dialog, () => BrowserWindow.getFocusedWindow()),
    }),
    listWebContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    log,
  });
  windowStore = openWindowStateStore(folder);
  createMainWindow();
}

function createMainWindow(): void {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const initial = initialWindowBounds(windowStore?.get('windowState'), workAreas);
  const window = createFieldbookWindow(BrowserWindow, { preloadPath: PRELOAD_PATH, bounds: initial });
  mainWindow = window;
  if (windowStore) trackWindowState(window, windowStore, { log });

  window.once('ready-to-show', () => {
    if (initial.isMaximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    log(`Could not load ${url} (${code} ${description}).`);
    if (!window.isVisible()) window.show(); // show the error rather than nothing at all
  });
  window.webContents.on('render-process-gone', (_event, details) => log(`The window's page stopped (${details.reason}).`));
  window.loadURL(APP_START_URL).catch((error: unknown) => {
    log(`Could not load ${APP_START_URL}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

function openWindowStateStore(folder: string): Store<WindowStateFile> | undefined {
  try {
    // Only window geometry: a damaged file is simply reset.
    const store = new Store<WindowStateFile>({ cwd: folder, name: 'window-state', clearInvalidConfig: true });
    // electron-store answers a sync IPC message from any renderer with the userData path
    // and app version. We never use it from a renderer, so no listener without a sender check.
    ipcMain.removeAllListeners('electron-store-get-data');
    return store;
  } catch (error) {
    log(`Window position will not be remembered: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function failStartup(error: unknown): void {
  const { title, body } = describeStartupFailure(error, dataDir);
  console.error(`${title}\n${body}`);
  dialog.showErrorBox(title, body);
  app.exit(1);
}
