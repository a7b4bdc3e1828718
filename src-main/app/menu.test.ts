import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, LOCK_ACCELERATOR } from './menu';

/** Every item in the template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) =>
  flatten(items)
    .map((i) => i.role)
    .filter(Boolean);

describe('application menu', () => {
  const base = { appName: 'Hearth', onLock: () => undefined };

  it('has no reload or DevTools when packaged, on any platform', () => {
    for (const isMac of [true, false]) {
      const r = roles(buildMenuTemplate({ ...base, isMac, isPackaged: true }));
      expect(r).not.toContain('reload');
      expect(r).not.toContain('forceReload');
      expect(r).not.toContain('toggleDevTools');
    }
  });

  it('has reload and DevTools in development', () => {
    const r = roles(buildMenuTemplate({ ...base, isMac: false, isPackaged: false }));
    expect(r).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the standard edit, zoom and fullscreen roles', () => {
    const r = roles(buildMenuTemplate({ ...base, isMac: false, isPackaged: true }));
    expect(r).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'quit']),
    );
  });

  it('starts with the app menu on macOS only', () => {
    expect(buildMenuTemplate({ ...base, isMac: true, isPackaged: true })[0]?.label).toBe('Hearth');
    expect(buildMenuTemplate({ ...base, isMac: false, isPackaged: true })[0]?.label).toBe('File');
  });

  it('Lock uses CmdOrCtrl+L and calls the lock callback', () => {
    const onLock = vi.fn();
    const lock = flatten(buildMenuTemplate({ ...base, onLock, isMac: false, isPackaged: true })).find((i) => i.id === 'lock');
    expect(lock?.accelerator).toBe(LOCK_ACCELERATOR);
    expect(LOCK_ACCELERATOR).toBe('CmdOrCtrl+L');
    (lock?.click as () => void)();
    expect(onLock).toHaveBeenCalledOnce();
  });
});
