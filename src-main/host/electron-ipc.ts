import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../src-shared/ipc/result';
import { APP_ORIGIN, urlOrigin } from '../app/protocol';
import type { EventHub } from '../ipc/events';
import type { Router } from '../ipc/router';
import { log } from '../lib/log';

/**
 * SECURITY (docs/security.md#ipc-sender-check, VS Code's validateEvent): a call is trusted only when it comes from the
 * top frame of our main window and that frame shows our own app://bundle origin. Pure, for the unit test.
 */
export function isTrustedSender(frameUrl: string, isTopFrame: boolean): boolean {
  return isTopFrame && urlOrigin(frameUrl) === APP_ORIGIN;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call did not come from the Hearth window.' },
};

export interface ElectronIpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: Router;
  events: EventHub;
  /** The current main window (it is re-created on macOS `activate`), or null. */
  getWindow: () => BrowserWindow | null;
}

/** Whether an invoke event came from the main window's top frame on app://bundle. */
export function checkSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  // SECURITY: a null senderFrame means the frame navigated away or was destroyed: refuse.
  if (!frame || !win || win.isDestroyed()) return false;
  const isTopFrame = event.sender === win.webContents && frame === win.webContents.mainFrame;
  return isTrustedSender(frame.url, isTopFrame);
}

/**
 * The Electron transport around `router.dispatch`: one `ipcMain.handle` per contract channel (no
 * generic channel), each checking the sender before anything else; and main → renderer events pushed to
 * the main window. Call after every domain is registered on the router. Returns an undo function.
 */
export function registerElectronIpc(deps: ElectronIpcDeps): () => void {
  const channels = deps.router.channels();
  for (const channel of channels) {
    deps.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!checkSender(event, deps.getWindow())) {
        // Never log the input: it may hold a password.
        log.warn(`[ipc] refused ${channel} from an untrusted frame`);
        return FORBIDDEN;
      }
      return deps.router.dispatch(channel, input, { transport: 'electron' });
    });
  }

  const unsubscribe = deps.events.subscribe((channel, payload) => {
    const win = deps.getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
  });

  return () => {
    unsubscribe();
    for (const channel of channels) deps.ipcMain.removeHandler(channel);
  };
}
