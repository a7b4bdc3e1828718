import { MAX_UPLOAD_BYTES } from '../../../src-shared/domains/blobs/blobs.schemas';
import type { AddFileResult } from '../../../src-shared/domains/files/files.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { api, uploadToStore } from '../../api/client';
import type { DroppedFile } from './paths';

/**
 * Streams one file into the encrypted store and claims it for the library: an upload ticket sized to the file,
 * the bytes POSTed to it (never base64 over IPC), then `files.add`, which creates the dropped folders and
 * answers `duplicateOf` when the same content is already there.
 */
export async function uploadOne({ file, relativePath }: DroppedFile, folderId: string | null): Promise<AddFileResult> {
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError('TOO_LARGE', `“${file.name}” is larger than 2 GB, the most one file can be.`);
  const blob = await uploadToStore(file);
  return api.files.add({ blobId: blob.id, name: file.name, folderId, ...(relativePath ? { relativePath } : {}) });
}

/** Streams new content for an existing file (`files.replace` keeps the old content as a version). */
export async function uploadBlob(file: File): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError('TOO_LARGE', `“${file.name}” is larger than 2 GB, the most one file can be.`);
  return (await uploadToStore(file)).id;
}

/** What an upload run ended with, for the one-line summary. */
export interface UploadTally {
  added: number;
  duplicates: string[];
  failed: { name: string; error: string }[];
}

/** "Added 12 files · 2 were already in Files · 1 failed: a.pdf (…)" */
export function tallyMessage(t: UploadTally): string {
  const parts: string[] = [];
  if (t.added > 0) parts.push(`Added ${t.added} file${t.added === 1 ? '' : 's'}`);
  if (t.duplicates.length === 1) parts.push(`“${t.duplicates[0]}” was already in Files, so it was not added again`);
  else if (t.duplicates.length > 1) parts.push(`${t.duplicates.length} files were already in Files, so they were not added again`);
  if (t.failed.length > 0) {
    const first = t.failed[0] as { name: string; error: string };
    parts.push(`${t.failed.length} failed (${first.name}: ${first.error}${t.failed.length > 1 ? ' …' : ''})`);
  }
  return parts.join(' · ') || 'Nothing to add.';
}
