import type { BaseWindow, Dialog, MessageBoxOptions, Shell } from 'electron';
import { checkExternalUrl } from '../lib/external-url';
import { log } from '../lib/log';

export interface ExternalOpenDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The window the confirmation attaches to, if any. */
  parent: () => BaseWindow | null;
}

/**
 * The only way Hearth hands a URL to the OS (docs/security.md#electron-hardening): `checkExternalUrl` (https: and
 * mailto: only, parsed with URL), then a native confirmation showing the full URL, then
 * `shell.openExternal`. Resolves to whether the link was opened.
 */
export async function openExternalChecked(raw: string, deps: ExternalOpenDeps): Promise<boolean> {
  // SECURITY: allowlist check in main; the renderer's own checks are never trusted.
  const url = checkExternalUrl(raw);
  if (!url) return false;
  const mail = new URL(url).protocol === 'mailto:';
  const options: MessageBoxOptions = {
    type: 'question',
    title: 'Open link',
    message: mail ? 'Write an email with your mail app?' : 'Open this link in your browser?',
    // SECURITY: the full normalised URL (punycode host), exactly what will be opened.
    detail: url,
    buttons: ['Cancel', 'Open'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = deps.parent();
  const { response } = parent ? await deps.dialog.showMessageBox(parent, options) : await deps.dialog.showMessageBox(options);
  if (response !== 1) return false;
  try {
    await deps.shell.openExternal(url);
    return true;
  } catch (err) {
    log.error('[external] the OS could not open a link', err);
    return false;
  }
}
