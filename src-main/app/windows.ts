import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { log } from '../lib/log';
import { APP_ORIGIN } from './protocol';

/** The renderer's entry page, served by the app:// handler (never file://). */
export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;

/**
 * SECURITY: the renderer's web preferences (docs/security.md#electron-hardening). Each value is asserted by windows.test.ts;
 * change one only together with the security review. `preload` and `devTools` are added per launch.
 */
export const MAIN_WINDOW_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // Middle-click (auxclick) would try to open links in new windows; those are denied anyway, this is belt and braces.
  disableBlinkFeatures: 'Auxclick',
  // Secret fields also set spellcheck="false"; off here too so Chromium never uploads or downloads dictionaries.
  spellcheck: false,
} satisfies WebPreferences);

export interface MainWindowParams {
  /** Absolute path of dist/preload/preload.cjs. */
  preloadPath: string;
  /** `app.isPackaged`: DevTools exist only in development builds. */
  isPackaged: boolean;
  /** `nativeTheme.shouldUseDarkColors`, so the window does not flash white before the UI paints. */
  dark?: boolean;
}

/** Options for the one main window. Pure, so the test can check it without Electron. */
export function mainWindowOptions(params: MainWindowParams): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Hearth',
    show: false,
    backgroundColor: params.dark ? '#18181b' : '#fafafa',
    webPreferences: {
      ...MAIN_WINDOW_WEB_PREFERENCES,
      // SECURITY: no DevTools in a packaged build (a DevTools console in the renderer could call the bridge).
      devTools: !params.isPackaged,
      preload: params.preloadPath,
    },
  };
}

/** The BrowserWindow class, passed in so this module stays importable (and testable) without Electron. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => ElectronWindow;

/**
 * Creates the main window: hidden until its first paint, then loads app://bundle/index.html.
 * Navigation, popups, webviews and permissions are locked down globally in main.ts.
 */
export function createMainWindow(BrowserWindow: BrowserWindowClass, params: MainWindowParams): ElectronWindow {
  const win = new BrowserWindow(mainWindowOptions(params));
  win.once('ready-to-show', () => win.show());
  win.loadURL(MAIN_WINDOW_URL).catch((err: unknown) => log.error('[window] could not load the renderer', err));
  return win;
}
