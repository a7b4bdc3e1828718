import { EMAIL_LIMITS } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { uploadMailFile } from './email-api';

/**
 * Picked mail files → upload tickets. An import takes one mbox, loose .eml/.emlx files, or a folder tree of them
 * (Apple Mail's `Attachments/` beside `.partial.emlx` files included); each file is streamed to the encrypted store
 * (never read into this page) and named by its path inside the picked folder. Main checks every path again.
 */

export interface PickedMail {
  file: File;
  path: string;
}

const MAIL = /\.(?:mbox|mbx|eml|emlx)$/i;

/** The files of a pick worth uploading, with their relative paths; a folder pick keeps only mail (and Apple Mail attachments). */
export function mailFiles(files: Iterable<File>): PickedMail[] {
  const all = [...files].map((file) => ({ file, path: (file.webkitRelativePath || file.name).replaceAll('\\', '/') }));
  const fromFolder = all.some((f) => f.file.webkitRelativePath);
  if (!fromFolder) return all;
  const partial = all.some((f) => /\.partial\.emlx$/i.test(f.path));
  return all.filter((f) => MAIL.test(f.path) || (partial && /(?:^|\/)Attachments\//.test(f.path) && !/(?:^|\/)\.[^/]*$/.test(f.path)));
}

/** A short name for what was picked: the folder's name, the one file's name, or "12 files". */
export function pickName(picked: readonly PickedMail[]): string {
  const first = picked[0];
  if (!first) return '';
  if (first.file.webkitRelativePath) return first.path.split('/')[0] ?? first.path;
  return picked.length === 1 ? first.file.name : `${picked.length} files`;
}

/** Uploads the files one by one (reporting after each); stops between files when `signal` aborts. */
export async function uploadMail(
  picked: readonly PickedMail[],
  onStep: (done: number, current: string) => void,
  signal: AbortSignal,
): Promise<{ path: string; blobId: string }[]> {
  if (picked.length === 0) throw new AppError('INVALID_INPUT', 'No .mbox, .eml or .emlx file was picked.');
  if (picked.length > EMAIL_LIMITS.uploadFiles)
    throw new AppError('TOO_LARGE', `At most ${EMAIL_LIMITS.uploadFiles.toLocaleString()} files can be imported at once.`);
  const out: { path: string; blobId: string }[] = [];
  for (const [i, p] of picked.entries()) {
    if (signal.aborted) throw new AppError('CANCELLED', 'The upload was stopped.');
    onStep(i, p.path);
    out.push({ path: p.path.slice(0, EMAIL_LIMITS.path), blobId: await uploadMailFile(p.file) });
  }
  onStep(picked.length, '');
  return out;
}
