import { isRecord, newEntry, str, toInstant } from './entry';
import { checkEntryCount, invalid, parseJson } from './limits';
import type { ParsedImport, SourceFile } from './model';

/**
 * Standard Notes decrypted backup: the ZIP's `Standard Notes Backup and Import File.txt` (JSON `{version, items}`).
 * Notes → entries (pinned/archived from `appData["org.standardnotes.sn"]` or the newer top-level flags),
 * Tags → tags through each tag's `content.references` (nested tags are dotted titles, kept as written).
 * Trashed notes, every other item type and references to notes not in the backup are listed as skipped.
 * An encrypted backup (items with `enc_item_key`) is refused: Hearth does not take the account password.
 */
export const SN_BACKUP_FILE = 'Standard Notes Backup and Import File.txt';

/** The backup file, at the top or inside one folder (a re-zipped backup). */
export function findStandardNotesFile(files: readonly SourceFile[]): SourceFile | undefined {
  return (
    files.find((f) => f.path === SN_BACKUP_FILE || f.path.endsWith(`/${SN_BACKUP_FILE}`)) ??
    files.find((f) => files.length === 1 && /\.txt$/i.test(f.path) && looksLikeStandardNotes(f))
  );
}

function looksLikeStandardNotes(file: SourceFile): boolean {
  const head = new TextDecoder().decode(file.bytes.subarray(0, 400));
  return /"items"\s*:/.test(head) && /"content_type"\s*:/.test(new TextDecoder().decode(file.bytes.subarray(0, 4000)));
}

export function parseStandardNotes(file: SourceFile): ParsedImport {
  const result: ParsedImport = { format: 'standard-notes', notebooks: [], entries: [], attachments: [], skipped: [], warnings: [] };
  const json = parseJson(file.bytes, file.path);
  if (!isRecord(json) || !Array.isArray(json.items)) throw invalid('This is not a Standard Notes backup (no "items" list).');
  const items = json.items.filter(isRecord);
  if (items.some((i) => typeof i.enc_item_key === 'string' || (typeof i.content === 'string' && /^00\d:/.test(i.content)))) {
    throw invalid('This Standard Notes backup is encrypted; export a decrypted backup instead.');
  }
  const notes = items.filter((i) => i.content_type === 'Note' && isRecord(i.content));
  const noteIds = new Set(notes.map((n) => str(n.uuid)));
  const tagsOf = new Map<string, string[]>();
  for (const tag of items.filter((i) => i.content_type === 'Tag' && isRecord(i.content))) {
    const content = tag.content as Record<string, unknown>;
    const title = str(content.title) ?? '';
    const refs = Array.isArray(content.references) ? content.references.filter(isRecord).filter((r) => r.content_type === 'Note') : [];
    let dangling = 0;
    for (const ref of refs) {
      const id = str(ref.uuid) ?? '';
      if (!noteIds.has(id)) dangling++;
      else tagsOf.set(id, [...(tagsOf.get(id) ?? []), title]);
    }
    if (dangling > 0) result.skipped.push({ what: `Tag "${title}": ${dangling} of ${refs.length} note references`, why: 'the note is not in the backup' });
  }
  const others = new Map<string, number>();
  for (const item of items) {
    const type = str(item.content_type) ?? 'unknown';
    if (type !== 'Note' && type !== 'Tag') others.set(type, (others.get(type) ?? 0) + 1);
  }
  for (const [type, count] of others) result.skipped.push({ what: `${type} x${count}`, why: 'not a note' });
  for (const note of notes) {
    const c = note.content as Record<string, unknown>;
    const app = isRecord(c.appData) && isRecord(c.appData['org.standardnotes.sn']) ? c.appData['org.standardnotes.sn'] : {};
    const title = str(c.title) ?? '';
    if (c.trashed === true || app.trashed === true || note.deleted === true) {
      result.skipped.push({ what: `Note "${title}"`, why: 'it is in the trash' });
      continue;
    }
    const created = toInstant(note.created_at);
    const extra: Record<string, unknown> = {};
    for (const key of ['noteType', 'editorIdentifier']) if (str(c[key])) extra[key] = c[key];
    if (c.protected === true) extra.protected = true;
    result.entries.push(
      newEntry({
        sourceId: str(note.uuid) ?? `note-${result.entries.length + 1}`,
        title: title.trim() || null,
        body: str(c.text) ?? '',
        entryAt: created ?? toInstant(note.updated_at) ?? new Date(0).toISOString(),
        createdAt: created,
        updatedAt: toInstant(app.client_updated_at) ?? toInstant(note.updated_at),
        tags: tagsOf.get(str(note.uuid) ?? '') ?? [],
        pinned: c.pinned === true || app.pinned === true,
        archived: c.archived === true || app.archived === true,
        starred: c.starred === true || app.starred === true,
        extra,
      }),
    );
    checkEntryCount(result.entries.length);
  }
  return result;
}
