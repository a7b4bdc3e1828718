import { writeZip } from '../../../lib/zip';
import { safeName, UniqueNames } from './export-names';
import type { ExportOptions } from './export-markdown';
import type { ExportBundle, ReadAttachment } from './model';

/**
 * JSON export: a ZIP holding `hearth-journal.json` (`{format: 'hearth-journal', version: 1, journals, entries}`)
 * and each attachment as `attachments/<id>/<name>`, named in the entry's `attachments[].file`. Files rather than
 * base64 inside the JSON: a journal with photos stays a third smaller and the JSON stays small enough to read.
 * `blobId` (an internal storage id) is not written.
 */
export const JSON_EXPORT_FILE = 'hearth-journal.json';

export async function exportJsonZip(bundle: ExportBundle, read: ReadAttachment, options: ExportOptions): Promise<Uint8Array> {
  const files: Record<string, Uint8Array | string> = {};
  const names = new UniqueNames();
  names.take(JSON_EXPORT_FILE);
  const entries = [];
  for (const entry of bundle.entries) {
    const attachments = [];
    for (const a of entry.attachments) {
      const file = names.take(`attachments/${safeName(a.id, 'file')}/${safeName(a.name, 'file')}`);
      files[file] = await read(a.blobId);
      attachments.push({ id: a.id, name: a.name, mime: a.mime, size: a.size, file });
    }
    entries.push({ ...entry, attachments });
  }
  files[JSON_EXPORT_FILE] = JSON.stringify({ format: 'hearth-journal', version: 1, journals: bundle.journals, entries }, null, 2);
  return writeZip(files, { mtime: options.now });
}
