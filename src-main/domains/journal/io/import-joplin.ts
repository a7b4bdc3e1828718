import { newEntry, toInstant } from './entry';
import { JOPLIN_OTHER_TYPES, JOPLIN_TYPE, parseJoplinItem, type JoplinItem } from './joplin-items';
import { checkEntryCount, decodeText, invalid } from './limits';
import type { ParsedEntry, ParsedImport, SourceFile } from './model';
import { AttachmentOwners } from './owners';

/**
 * Joplin JEX (a tar, opened by archive.ts) and RAW export folder: the same `<id>.md` items plus
 * `resources/<id>.<ext>`. Folders → notebooks (nested by parent_id), notes and to-dos → entries, tags via
 * note_tag items, resources linked as `:/<id>` → attachments. Times are the user_* ones (the others are
 * when the export ran).
 */

/** True when the files look like Joplin items (top-level `<32 hex>.md` ending with a `type_:` line). */
export function looksLikeJoplin(files: readonly SourceFile[]): boolean {
  const items = files.filter((f) => /^[0-9a-f]{32}\.md$/.test(f.path));
  if (items.length === 0 || items.length < files.length / 2) return false;
  const tail = new TextDecoder().decode(items[0]?.bytes.subarray(-40));
  return /type_: \d+\s*$/.test(tail);
}

export function parseJoplin(files: readonly SourceFile[], archive: boolean): ParsedImport {
  const result: ParsedImport = { format: archive ? 'joplin-jex' : 'joplin-raw', notebooks: [], entries: [], attachments: [], skipped: [], warnings: [] };
  const items = readItems(files, result);
  const resourceFiles = new Map<string, Uint8Array>();
  for (const f of files) {
    const m = /^resources\/([0-9a-f]{32})(?:\.[^/]*)?$/.exec(f.path);
    if (m?.[1]) resourceFiles.set(m[1], f.bytes);
  }
  const of = (type: number): JoplinItem[] => items.filter((it) => it.type === type);
  const resources = new Map(of(JOPLIN_TYPE.resource).map((r) => [r.props.id ?? '', r]));
  const tagNames = new Map(of(JOPLIN_TYPE.tag).map((t) => [t.props.id ?? '', t.title]));
  const noteTags = new Map<string, string[]>();
  for (const link of of(JOPLIN_TYPE.noteTag)) {
    const name = tagNames.get(link.props.tag_id ?? '');
    if (name === undefined) continue;
    noteTags.set(link.props.note_id ?? '', [...(noteTags.get(link.props.note_id ?? '') ?? []), name]);
  }
  for (const folder of of(JOPLIN_TYPE.folder)) {
    result.notebooks.push({ sourceId: folder.props.id ?? '', name: folder.title || 'Untitled', parentSourceId: folder.props.parent_id || null });
  }
  const owners = new AttachmentOwners();
  for (const note of of(JOPLIN_TYPE.note)) {
    if (note.props.deleted_time && note.props.deleted_time !== '0') {
      result.skipped.push({ what: `Joplin note "${note.title}"`, why: 'it is in the trash' });
      continue;
    }
    result.entries.push(
      toEntry(
        note,
        noteTags.get(note.props.id ?? '') ?? [],
        (entryId, resourceId) => {
          const res = resources.get(resourceId);
          return owners.claim(entryId, resourceId, () => ({
            name: res?.title || `${resourceId}.${res?.props.file_extension ?? 'bin'}`,
            mime: res?.props.mime || null,
            bytes: resourceFiles.get(resourceId) ?? null,
          }));
        },
        resources,
      ),
    );
    checkEntryCount(result.entries.length);
  }
  result.attachments = owners.list;
  for (const a of owners.list) if (!a.bytes) result.skipped.push({ what: `Joplin resource ${a.sourceId} (${a.name})`, why: 'its file is not in the export' });
  const used = new Set(owners.list.map((a) => a.sourceId));
  for (const [id, res] of resources) if (!used.has(id)) result.skipped.push({ what: `Joplin resource "${res.title}"`, why: 'no note links to it' });
  return result;
}

function readItems(files: readonly SourceFile[], result: ParsedImport): JoplinItem[] {
  const items: JoplinItem[] = [];
  const other = new Map<string, number>();
  for (const f of files) {
    if (!/^[0-9a-f]{32}\.md$/.test(f.path)) continue;
    const item = parseJoplinItem(decodeText(f.bytes, f.path));
    if (!item) throw invalid(`${f.path} is not a Joplin item (is the export complete?).`);
    if (item.props.encryption_applied === '1') result.skipped.push({ what: `Joplin item ${item.props.id}`, why: 'it is encrypted' });
    else if (Object.values(JOPLIN_TYPE).includes(item.type as 1)) items.push(item);
    else {
      const name = JOPLIN_OTHER_TYPES[item.type] ?? `type ${item.type}`;
      other.set(name, (other.get(name) ?? 0) + 1);
    }
  }
  for (const [name, count] of other) result.skipped.push({ what: `Joplin ${name} x${count}`, why: 'not a note' });
  return items;
}

type Claim = (entryId: string, resourceId: string) => string;

function toEntry(note: JoplinItem, tags: string[], claim: Claim, resources: Map<string, JoplinItem>): ParsedEntry {
  const p = note.props;
  const id = p.id ?? '';
  const attachmentIds: string[] = [];
  // `](:/id)` in Markdown and `src=":/id"` in HTML notes; links to other notes keep their `:/id` form.
  const body = note.body.replace(/(\]\(|src=["'])(:\/)([0-9a-f]{32})/g, (all, lead: string, _s: string, target: string) => {
    if (!resources.has(target)) return all;
    const sourceId = claim(id, target);
    if (!attachmentIds.includes(sourceId)) attachmentIds.push(sourceId);
    return `${lead}attachment:${sourceId}`;
  });
  const entryAt = toInstant(p.user_created_time) ?? toInstant(p.created_time) ?? new Date(0).toISOString();
  const extra: Record<string, unknown> = {};
  const lat = Number(p.latitude);
  const lon = Number(p.longitude);
  if (lat || lon) Object.assign(extra, { latitude: lat, longitude: lon });
  if (p.author) extra.author = p.author;
  if (p.source_url) extra.source_url = p.source_url;
  if (p.markup_language === '2') extra.markup = 'html';
  if (p.is_todo === '1') {
    extra.todo = {
      due: toInstant(Number(p.todo_due)),
      completed: p.todo_completed !== '0' && !!p.todo_completed,
      completedAt: toInstant(Number(p.todo_completed)),
    };
  }
  return newEntry({
    sourceId: id,
    notebookSourceId: p.parent_id || null,
    title: note.title || null,
    body,
    entryAt,
    createdAt: entryAt,
    updatedAt: toInstant(p.user_updated_time),
    tags,
    pinned: false,
    extra,
    attachmentIds,
  });
}
