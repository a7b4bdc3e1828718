import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../src-shared/ipc/result';

/**
 * Lets the person write the entry in $VISUAL/$EDITOR, as `git commit` does. SECURITY: the draft is plaintext
 * on disk while the editor runs (editors need a file); it lives in a fresh 0700 folder, the file is 0600,
 * and both are removed as soon as the editor exits, whatever happens. Piping the body on stdin avoids it.
 */
export async function editBodyInEditor(): Promise<string> {
  const editor = process.env.VISUAL || process.env.EDITOR;
  if (!editor) throw new AppError('INVALID_INPUT', 'Pipe the entry on stdin, or set $EDITOR to write it in your editor.');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-entry-'));
  const file = path.join(dir, 'entry.md');
  try {
    await fs.writeFile(file, '', { mode: 0o600 });
    // The editor command may carry flags ("code --wait"): run it through the shell, the file name quoted.
    const run = spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit' });
    if (run.status !== 0) throw new AppError('CANCELLED', `The editor exited with status ${run.status ?? 'unknown'}; nothing was saved.`);
    const body = await fs.readFile(file, 'utf8');
    if (!body.trim()) throw new AppError('CANCELLED', 'The entry is empty; nothing was saved.');
    return body;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
