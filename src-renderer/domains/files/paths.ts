import { MAX_PATH_DEPTH, MAX_RELATIVE_PATH } from '../../../src-shared/domains/files/files.schemas';

/** A file picked or dropped, with where it sat inside a dropped folder (`trip/docs/a.pdf`), or null for a loose file. */
export interface DroppedFile {
  file: File;
  relativePath: string | null;
}

/** A dropped folder larger than this is refused whole rather than half-uploaded. */
export const MAX_DROPPED_FILES = 10_000;

/**
 * The relative path of a dropped file as main accepts it: `/` separators, no leading slash, no empty, `.` or
 * `..` segment, at most MAX_PATH_DEPTH folders deep. Returns null for a path that cannot be made safe; main
 * checks again (SECURITY: the renderer's cleaning is a courtesy, never the guard).
 */
export function cleanRelativePath(raw: string): string | null {
  const segments = raw
    .replaceAll('\\', '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.some((s) => s === '..' || s.trim() === '')) return null;
  // The last segment is the file itself: the folders above it are what counts against the depth.
  if (segments.length - 1 > MAX_PATH_DEPTH) return null;
  const path = segments.join('/');
  return path.length > MAX_RELATIVE_PATH ? null : path;
}

/** The folders of a relative path (`trip/docs` for `trip/docs/a.pdf`), '' for a file at the top. */
export const folderOfPath = (relativePath: string): string => relativePath.split('/').slice(0, -1).join('/');

/**
 * Files from `<input webkitdirectory>` (or a plain multi-file input): each carries `webkitRelativePath`
 * (`trip/docs/a.pdf`) when it came from a folder pick, '' otherwise.
 */
export function fromPickedFiles(files: Iterable<File>): DroppedFile[] {
  return [...files].map((file) => ({ file, relativePath: file.webkitRelativePath ? cleanRelativePath(file.webkitRelativePath) : null }));
}

/** The parts of the File and Directory Entries API a drop uses (typed here: the DOM types mark them optional). */
export interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  /** `/trip/docs/a.pdf`: the path from the dropped item's parent. */
  fullPath: string;
  file?(ok: (file: File) => void, fail: (err: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (err: unknown) => void): void };
}

const fileOf = (entry: EntryLike): Promise<File> => new Promise((resolve, reject) => entry.file?.(resolve, reject));

/** All entries of a directory: `readEntries` answers in batches (100 in Chromium) until it answers none. */
async function readAll(entry: EntryLike): Promise<EntryLike[]> {
  const reader = entry.createReader?.();
  if (!reader) return [];
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/**
 * Walks dropped entries (files and folders, recursively) into files with their relative paths. A loose file
 * has no relative path; a file inside a dropped folder keeps the folder names (`trip/docs/a.pdf`). Throws
 * when a folder holds more than `max` files, so nothing is uploaded from a drop that cannot be taken whole.
 */
export async function walkEntries(roots: readonly EntryLike[], max = MAX_DROPPED_FILES): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const entry = stack.pop() as EntryLike;
    if (entry.isDirectory) {
      const children = await readAll(entry);
      stack.push(...children.reverse());
    } else if (entry.isFile) {
      if (out.length >= max) throw new RangeError(`That drop holds more than ${max.toLocaleString('en')} files. Drop fewer at a time.`);
      const inFolder = roots.includes(entry) ? null : cleanRelativePath(entry.fullPath);
      out.push({ file: await fileOf(entry), relativePath: inFolder });
    }
  }
  return out;
}

/** The entries of a drop, read synchronously in the drop event (the list is emptied once the handler returns). */
export function entriesOfDrop(items: DataTransferItemList): EntryLike[] {
  const entries: EntryLike[] = [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry() as EntryLike | null;
    if (entry) entries.push(entry);
  }
  return entries;
}
