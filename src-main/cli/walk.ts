import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './io';

export interface FoundFile {
  /** The file on disk. */
  abs: string;
  /** Its path inside a dropped folder (`trip/docs/a.pdf`), or undefined for a file given by itself. */
  relativePath?: string;
  name: string;
}

/** Files per run at most (a typo such as `hearth files add ~` should not walk a whole disk). */
const MAX_FILES = 100_000;

/**
 * The regular files named on the command line, folders walked recursively (sorted, so runs are repeatable).
 * SECURITY: symbolic links are skipped, not followed: a link inside a dropped folder cannot pull in a file
 * from outside it (and a link loop cannot hang the walk).
 */
export async function walkPaths(paths: readonly string[]): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  const visit = async (abs: string, rel: string): Promise<void> => {
    const stat = await fs.lstat(abs);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      for (const entry of (await fs.readdir(abs)).sort()) await visit(path.join(abs, entry), `${rel}/${entry}`);
    } else if (stat.isFile()) {
      if (out.length >= MAX_FILES) throw new UsageError(`More than ${MAX_FILES} files; add fewer at a time.`);
      out.push({ abs, relativePath: rel, name: path.basename(abs) });
    }
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    const stat = await fs.stat(abs).catch(() => null);
    if (!stat) throw new UsageError(`Cannot read ${p}.`);
    if (stat.isDirectory()) await visit(abs, path.basename(abs));
    else if (stat.isFile()) out.push({ abs, name: path.basename(abs) });
    else throw new UsageError(`${p} is not a file or a folder.`);
  }
  return out;
}
