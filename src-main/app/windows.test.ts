import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, MAIN_WINDOW_URL, MAIN_WINDOW_WEB_PREFERENCES, mainWindowOptions, type BrowserWindowClass } from './windows';

// docs/security.md#electron-hardening and #t15 (BrowserWindow config test): every renderer security option, pinned.
const REQUIRED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
} as const;

// Options that must never appear at all (each weakens the renderer or widens what it can reach).
const FORBIDDEN_KEYS = ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'plugins', 'enableRemoteModule'];

describe('main window options', () => {
  const packaged = mainWindowOptions({ preloadPath: '/app/dist/preload/preload.cjs', isPackaged: true });
  const dev = mainWindowOptions({ preloadPath: '/repo/dist/preload/preload.cjs', isPackaged: false, dark: true });

  it.each(Object.entries(REQUIRED))('sets %s to %s, in the constant and in every built window', (key, value) => {
    expect(MAIN_WINDOW_WEB_PREFERENCES).toHaveProperty(key, value);
    expect(packaged.webPreferences).toHaveProperty(key, value);
    expect(dev.webPreferences).toHaveProperty(key, value);
  });

  it('has DevTools only when not packaged', () => {
    expect(packaged.webPreferences?.devTools).toBe(false);
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('uses the given preload and nothing the renderer could widen', () => {
    expect(packaged.webPreferences?.preload).toBe('/app/dist/preload/preload.cjs');
    for (const key of FORBIDDEN_KEYS) expect(packaged.webPreferences).not.toHaveProperty(key);
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(MAIN_WINDOW_WEB_PREFERENCES)).toBe(true);
  });

  it('stays hidden until ready-to-show, with a background colour and a sensible size', () => {
    expect(packaged.show).toBe(false);
    expect(packaged.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(dev.backgroundColor).not.toBe(packaged.backgroundColor);
    expect(packaged.width).toBeGreaterThanOrEqual(packaged.minWidth ?? 0);
    expect(packaged.height).toBeGreaterThanOrEqual(packaged.minHeight ?? 0);
  });
});

describe('createMainWindow', () => {
  it('loads app://bundle/index.html (never file://) and shows the window on ready-to-show', async () => {
    const events = new Map<string, () => void>();
    let given: BrowserWindowConstructorOptions | undefined;
    const fake = {
      once: vi.fn((name: string, cb: () => void) => events.set(name, cb)),
      show: vi.fn(),
      loadURL: vi.fn(() => Promise.resolve()),
    };
    const FakeWindow = function (this: unknown, options: BrowserWindowConstructorOptions) {
      given = options;
      return fake;
    } as unknown as BrowserWindowClass;

    const win = createMainWindow(FakeWindow, { preloadPath: '/p.cjs', isPackaged: true });
    expect(win).toBe(fake);
    expect(given?.webPreferences).toMatchObject(REQUIRED);
    expect(MAIN_WINDOW_URL).toBe('app://bundle/index.html');
    expect(fake.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(fake.show).not.toHaveBeenCalled();
    events.get('ready-to-show')?.();
    expect(fake.show).toHaveBeenCalledOnce();
  });
});
