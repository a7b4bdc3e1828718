import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { AppError } from '../../src-shared/ipc/result';
import { writeFileAtomic } from '../lib/atomic-file';
import type { FilePort } from '../lib/file-port';

/**
 * SECURITY: the Electron FilePort. Main shows the dialogs and keeps the chosen path; the renderer only
 * ever learns the base name. Reads are size-capped before the file is read.
 */
export function createDialogFilePort(dialog: Dialog, parent: () => BrowserWindow | null): FilePort {
  return {
    async pickOpen({ title, extensions, maxBytes }) {
      const win = parent();
      const opts = {
        title,
        properties: ['openFile' as const],
        filters: [
          { name: 'Supported files', extensions },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const file = res.canceled ? undefined : res.filePaths[0];
      if (!file) return null;
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new AppError('INVALID_INPUT', 'That is not a file.');
      if (stat.size > maxBytes) throw new AppError('TOO_LARGE', `That file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
      return { fileName: path.basename(file), bytes: await fs.readFile(file) };
    },
    async save({ title, defaultName, bytes }) {
      const win = parent();
      const opts = { title, defaultPath: defaultName };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (res.canceled || !res.filePath) return null;
      await writeFileAtomic(res.filePath, bytes);
      return path.basename(res.filePath);
    },
    async pickFolder({ title }) {
      const win = parent();
      const opts = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
  };
}
