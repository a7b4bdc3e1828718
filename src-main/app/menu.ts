import type { MenuItemConstructorOptions } from 'electron';

export interface MenuParams {
  appName: string;
  isMac: boolean;
  /** `app.isPackaged`: reload and DevTools items exist only in development. */
  isPackaged: boolean;
  /** Locks the open profile now (same as `session.lock`). */
  onLock: () => void;
}

/** Lock shortcut, shown in the File menu (macOS: ⌘L, elsewhere Ctrl+L). */
export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';

/**
 * The application menu as a template (build with `Menu.buildFromTemplate`). Standard roles give the
 * platform's usual shortcuts; the Edit roles also make copy/paste work in the renderer's text fields.
 */
export function buildMenuTemplate(params: MenuParams): MenuItemConstructorOptions[] {
  const { isMac, isPackaged } = params;
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const lock: MenuItemConstructorOptions = { id: 'lock', label: 'Lock', accelerator: LOCK_ACCELERATOR, click: () => params.onLock() };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: params.appName,
          submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
        },
      ]
    : [];

  // SECURITY: reload and DevTools only in development; a packaged renderer reloads only when main locks it.
  const devItems: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep];

  return [
    ...appMenu,
    { label: 'File', submenu: [lock, sep, isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' },
        sep,
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }],
    },
    {
      label: 'Window',
      submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
  ];
}
