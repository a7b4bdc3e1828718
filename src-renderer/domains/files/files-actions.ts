import type { ExportArchiveInput, FileSummary, LinkedFile, LinkOwner } from '../../../src-shared/domains/files/files.schemas';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { downloadNotice, downloadUrl } from '../../lib/files';
import { downloadName } from './files-format';
import { refresh, say, selectFile, useFilesStore } from './files.store';
import type { DroppedFile } from './paths';
import { tallyMessage, uploadBlob, uploadOne, type UploadTally } from './upload';

const set = useFilesStore.setState;
const get = useFilesStore.getState;

/** Runs a change, then reloads what the page shows; a failure becomes the notice (and is rethrown for dialogs). */
async function change<T>(work: () => Promise<T>, done?: (value: T) => string | null): Promise<T> {
  try {
    const value = await work();
    await refresh();
    const message = done?.(value);
    if (message) say(message);
    return value;
  } catch (err) {
    say(describeError(err), 'danger');
    throw err;
  }
}

/**
 * Uploads picked or dropped files one after another (each streams from disk), into `folderId` and the
 * dropped folders below it. One file failing does not stop the rest; the summary names duplicates and failures.
 */
export async function uploadFiles(files: DroppedFile[], folderId: string | null): Promise<UploadTally> {
  const tally: UploadTally = { added: 0, duplicates: [], failed: [] };
  if (files.length === 0) return tally;
  set({ upload: { done: 0, total: files.length, current: files[0]?.file.name ?? '', cancelled: false } });
  let lastAdded: string | null = null;
  for (const [i, dropped] of files.entries()) {
    if (get().upload?.cancelled) break;
    set((s) => ({ upload: s.upload && { ...s.upload, done: i, current: dropped.file.name } }));
    try {
      const { file, duplicateOf } = await uploadOne(dropped, folderId);
      if (duplicateOf) tally.duplicates.push(dropped.file.name);
      else tally.added += 1;
      lastAdded = file.id;
    } catch (err) {
      tally.failed.push({ name: dropped.file.name, error: describeError(err) });
    }
  }
  set({ upload: null });
  await refresh();
  // A single file lands selected, so its preview (or the existing copy, for a duplicate) is right there.
  if (files.length === 1 && lastAdded) selectFile(lastAdded);
  say(tallyMessage(tally), tally.failed.length > 0 ? 'danger' : 'success');
  return tally;
}

export const cancelUpload = (): void => set((s) => ({ upload: s.upload && { ...s.upload, cancelled: true } }));

export const createFolder = (name: string, parentId: string | null) =>
  change(
    () => api.files.createFolder({ name, parentId }),
    (f) => `Created “${f.name}”`,
  );
export const renameFolder = (id: string, name: string) => change(() => api.files.renameFolder({ id, name }));
export const trashFolder = (id: string) =>
  change(
    () => api.files.trashFolder({ id }),
    (f) => `Moved “${f.name}” and its files to the trash`,
  );
export const restoreFolder = (id: string) =>
  change(
    () => api.files.restoreFolder({ id }),
    (f) => `Restored “${f.name}”`,
  );

export const renameFile = (id: string, name: string) => change(() => api.files.rename({ id, name }));
export const moveFile = (id: string, folderId: string | null) =>
  change(
    () => api.files.move({ id, folderId }),
    (f) => `Moved “${f.name}”`,
  );
export const setTags = (id: string, tags: string[]) => change(() => api.files.setTags({ id, tags }));
export const trashFile = (id: string) =>
  change(
    () => api.files.trash({ id }),
    (f) => `Moved “${f.name}” to the trash`,
  );
export const restoreFile = (id: string) =>
  change(
    () => api.files.restore({ id }),
    (f) => `Restored “${f.name}”`,
  );
export const purgeFile = (id: string) =>
  change(
    () => api.files.purge({ id }),
    () => 'Deleted for good',
  );
export const restoreVersion = (id: string, versionId: string) =>
  change(
    () => api.files.restoreVersion({ id, versionId }),
    () => 'Restored the earlier version',
  );

/** New content for a file: uploaded, then `replace` keeps the old content as a version. */
export const replaceFile = (id: string, file: File) =>
  change(
    async () => api.files.replace({ id, blobId: await uploadBlob(file) }),
    (f) => `Replaced “${f.name}”; the old content is under Versions`,
  );

/** A short-lived URL to show a file (or an earlier version) in the page. */
export const previewUrl = async (id: string, versionId?: string): Promise<string> =>
  (await api.files.ticket({ id, disposition: 'inline', ...(versionId ? { versionId } : {}) })).url;

/** SECURITY: the plaintext leaves encryption here; the UI has asked first (SaveCopyDialog). */
export async function saveCopy(file: Pick<FileSummary, 'id' | 'name'>, versionId?: string): Promise<void> {
  try {
    const { url } = await api.files.ticket({ id: file.id, disposition: 'attachment', ...(versionId ? { versionId } : {}) });
    downloadUrl(downloadName(file.name), url);
    say(downloadNotice('Copy', downloadName(file.name)));
  } catch (err) {
    say(describeError(err), 'danger');
  }
}

/** An encrypted archive (its own password) of some files, a folder or everything, downloaded by ticket. */
export async function exportArchive(input: ExportArchiveInput): Promise<void> {
  const result = await api.files.exportArchive(input);
  downloadUrl(result.fileName, result.url);
  say(downloadNotice(`Encrypted archive of ${result.fileCount} file${result.fileCount === 1 ? '' : 's'}`, result.fileName));
}

// The Attachments slot of other domains' records.
export const linksOf = (owner: { domain: LinkOwner['domain']; id: string }): Promise<LinkedFile[]> => api.files.linksOf(owner);
export const linkFile = (fileId: string, owner: LinkOwner) => api.files.link({ fileId, owner });
export const unlinkFile = (linkId: string) => api.files.unlink({ linkId });
export const searchFiles = (query: string) => api.files.search({ query, limit: 20 });
export const onFilesChanged = (listener: () => void): (() => void) => api.files.onChanged(listener);
