import path from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  type Session,
  type WebContents,
} from 'electron';
import type { LockReason } from '../src-shared/domains/session/session.contract';
import { createCore, type Core } from './app/bootstrap';
import { createClipboardGuard } from './app/clipboard';
import { createDialogFilePort } from './app/file-dialogs';
import { kdfCostFromEnv } from './app/environment';
import { openExternalChecked } from './app/external';
import { buildMenuTemplate } from './app/menu';
import { showReminderNotifications } from './app/reminder-notifications';
import { APP_SCHEME, isAppOrigin, registerAppProtocol } from './app/protocol';
import { createMainWindow } from './app/windows';
import { coreSettings } from './platform/core-settings';
import { readSettings } from './platform/settings-store';
import { registerElectronIpc } from './host/electron-ipc';
import type { SecretClipboard } from './lib/secret-clipboard';
import { log } from './lib/log';

/**
 * Electron main: app lifecycle and global hardening only. Everything else lives in createCore(), shared
 * with browser mode and the CLI.
 */

// SECURITY: every file and folder Hearth creates is for this user only (0600 / 0700), see docs/security.md#file-permissions.
if (process.platform !== 'win32') process.umask(0o077);
// SECURITY: sandbox every renderer; must run before 'ready' (docs/security.md#electron-hardening).
app.enableSandbox();
// SECURITY: app:// is standard + secure (a real origin, CSP applies) + fetch; never bypassCSP or corsEnabled.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same profile database: hand over to the first and leave.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('session-created', hardenSession);
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error('[main] failed to start', err);
      app.exit(1);
    });
}

function start(): void {
  const appRoot = app.getAppPath();
  hardenSession(session.defaultSession);

  const secretClipboard = createClipboardGuard(clipboard);
  const core = createCore({
    root: profileRoot(),
    transport: 'electron',
    version: __HEARTH_VERSION__,
    kdfCost: kdfCostFromEnv(),
    openExternal: (url) => openExternalChecked(url, { dialog, shell, parent: () => mainWindow }),
    clipboard: secretClipboard,
    files: createDialogFilePort(dialog, () => mainWindow),
    // resources/ is packed into app.asar (electron-builder.yml files), readable through Electron's asar fs.
    resourcesDir: path.join(appRoot, 'resources'),
  });
  // app:// serves the bundle and, under /api/blob/<ticket>, streams files in and out of the encrypted store.
  registerAppProtocol(session.defaultSession, path.join(appRoot, 'dist', 'renderer'), () => core.blobs());
  registerElectronIpc({ ipcMain, router: core.router, events: core.events, getWindow: () => mainWindow });
  core.profiles.onLock(() => afterLock(secretClipboard));
  watchPowerEvents(core);
  // Calendar reminders reach the OS when no Hearth window is in front (the renderer shows its own otherwise).
  showReminderNotifications({ events: core.events, Notification, getWindow: () => mainWindow, onClick: focusMainWindow });

  const onLock = (): void => {
    core.profiles.lock('user');
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ appName: app.name, isMac: process.platform === 'darwin', isPackaged: app.isPackaged, onLock })),
  );

  app.on('before-quit', () => {
    quitting = true;
    core.shutdown();
    void secretClipboard.clearIfOurs();
  });
  app.on('window-all-closed', () => {
    // macOS keeps the app running without windows: lock, so a closed window never leaves a profile open.
    if (process.platform === 'darwin') core.profiles.lock('user');
    else app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  openMainWindow();
}

/** HEARTH_HOME wins (tests, portable installs); else `<userData>/profiles`, the folder the CLI uses too. */
function profileRoot(): string {
  const home = process.env.HEARTH_HOME;
  return home ? path.resolve(home) : path.join(app.getPath('userData'), 'profiles');
}

function openMainWindow(): void {
  const preloadPath = path.join(app.getAppPath(), 'dist', 'preload', 'preload.cjs');
  const win = createMainWindow(BrowserWindow, { preloadPath, isPackaged: app.isPackaged, dark: nativeTheme.shouldUseDarkColors });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Lock = the core closed the database and zeroed the keys; here: drop the renderer's state and our copy. */
function afterLock(secretClipboard: SecretClipboard): void {
  void secretClipboard.clearIfOurs();
  // SECURITY: reload drops React state and strings the renderer still holds (Bitwarden does the same).
  if (!quitting && mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
}

function watchPowerEvents(core: Core): void {
  powerMonitor.on('suspend', () => void lockIfEnabled(core, 'suspend', 'lockOnSuspend'));
  powerMonitor.on('lock-screen', () => void lockIfEnabled(core, 'screen-lock', 'lockOnScreenLock'));
  // before-quit is not emitted on OS shutdown/logout on every platform.
  powerMonitor.on('shutdown', () => core.shutdown());
}

/** Locks for a power event unless the profile's settings turned that trigger off. */
async function lockIfEnabled(core: Core, reason: LockReason, setting: 'lockOnSuspend' | 'lockOnScreenLock'): Promise<void> {
  if (!core.profiles.isUnlocked()) return;
  // SECURITY: when the setting cannot be read, lock anyway.
  let enabled = true;
  try {
    enabled = (await readSettings(core.profiles.current().db, coreSettings))[setting];
  } catch (err) {
    log.warn(`[main] could not read ${setting}; locking anyway (${err instanceof Error ? err.name : 'error'})`);
  }
  if (enabled) core.profiles.lock(reason);
}

/** SECURITY (docs/security.md#electron-hardening): no webviews, no popups, no navigation away from app://bundle, in every WebContents. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Origins are compared after parsing (isAppOrigin → urlOrigin), never with startsWith.
  contents.on('will-navigate', (event) => {
    if (!isAppOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppOrigin(event.url)) event.preventDefault();
  });
}

/** SECURITY (docs/security.md#electron-hardening): deny every permission request and check; Electron grants them when no handler is set. */
function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
