import { isRecord, mimeFromName, newEntry, str, toInstant } from './entry';
import { checkEntryCount, invalid, parseJson } from './limits';
import type { ParsedAttachment, ParsedEntry, ParsedImport, SourceFile } from './model';
import { unescapeDayOne } from './dayone-text';

/**
 * Day One JSON export: `Journal.json` alone, or the export ZIP (one `<journal>.json` per journal at the top
 * plus `photos/<md5>.<type>`, `videos/`, `audios/`, `pdfs/`). Each JSON file becomes a notebook named after it.
 * The metadata version is not checked: exports in the wild carry "1.0" and other values with the same shape.
 */

/** Media arrays of an entry and the folder their files sit in. */
const MEDIA = [
  ['photos', 'photos'],
  ['videos', 'videos'],
  ['audios', 'audios'],
  ['pdfAttachments', 'pdfs'],
] as const;

/** True for the `{entries: [...]}` shape of a Day One export. */
export function looksLikeDayOne(json: unknown): boolean {
  return isRecord(json) && Array.isArray(json.entries) && (isRecord(json.metadata) || json.entries.some((e) => isRecord(e) && 'creationDate' in e));
}

export function parseDayOne(files: readonly SourceFile[], archive: boolean): ParsedImport {
  const result: ParsedImport = { format: archive ? 'dayone-zip' : 'dayone-json', notebooks: [], entries: [], attachments: [], skipped: [], warnings: [] };
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const journals = files.filter((f) => /^[^/]+\.json$/i.test(f.path));
  if (journals.length === 0) throw invalid('No Day One journal (a .json file) was found.');
  for (const file of journals) {
    const json = parseJson(file.bytes, file.path);
    if (!looksLikeDayOne(json) || !isRecord(json) || !Array.isArray(json.entries)) throw invalid(`${file.path} is not a Day One export.`);
    const notebookId = file.path;
    result.notebooks.push({ sourceId: notebookId, name: file.path.replace(/\.json$/i, ''), parentSourceId: null });
    for (const raw of json.entries) {
      if (!isRecord(raw)) continue;
      const entry = parseEntry(raw, notebookId, byPath, result);
      if (entry) result.entries.push(entry);
      checkEntryCount(result.entries.length);
    }
  }
  return result;
}

function parseEntry(raw: Record<string, unknown>, notebookId: string, byPath: Map<string, Uint8Array>, result: ParsedImport): ParsedEntry | null {
  const uuid = str(raw.uuid) ?? `entry-${result.entries.length + 1}`;
  const entryAt = toInstant(raw.creationDate);
  if (!entryAt) {
    result.skipped.push({ what: `Day One entry ${uuid}`, why: 'it has no valid creationDate' });
    return null;
  }
  const media = collectMedia(raw, byPath, uuid, result);
  const text = linkMedia(str(raw.text) ?? '', media, uuid, result);
  const { title, body } = splitTitle(unescapeDayOne(text));
  return newEntry({
    sourceId: uuid,
    notebookSourceId: notebookId,
    title,
    body,
    entryAt,
    timeZone: str(raw.timeZone),
    createdAt: entryAt,
    updatedAt: toInstant(raw.modifiedDate),
    tags: Array.isArray(raw.tags) ? raw.tags : [],
    starred: raw.starred === true,
    pinned: raw.isPinned === true,
    location: locationLine(raw.location),
    extra: extraOf(raw),
    attachmentIds: [...media],
  });
}

/** Every media object of the entry becomes an attachment; a file missing from the export keeps its place with null bytes. */
function collectMedia(raw: Record<string, unknown>, byPath: Map<string, Uint8Array>, uuid: string, result: ParsedImport): Set<string> {
  const ids = new Set<string>();
  for (const [key, folder] of MEDIA) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      if (!isRecord(m) || !str(m.identifier) || ids.has(m.identifier as string)) continue;
      const id = m.identifier as string;
      const type = str(m.type) ?? 'bin';
      const file = `${folder}/${str(m.md5) ?? ''}.${type}`;
      const bytes = byPath.get(file) ?? null;
      const name = str(m.filename) ?? `${str(m.md5) ?? id}.${type}`;
      const attachment: ParsedAttachment = { sourceId: id, name, mime: mimeFromName(`x.${type}`), bytes };
      if (!bytes) result.skipped.push({ what: `${key === 'photos' ? 'Photo' : 'Media'} ${id} of entry ${uuid}`, why: `${file} is not in the export` });
      result.attachments.push(attachment);
      ids.add(id);
    }
  }
  return ids;
}

/** `dayone-moment://<ID>` → `attachment:<ID>`; a reference to media the entry does not have becomes readable text. */
function linkMedia(text: string, media: Set<string>, uuid: string, result: ParsedImport): string {
  return text.replace(/(!?)\[([^\]\n]*)\]\(dayone-moment:\/{1,2}(?:[a-z]+\/)?([A-Za-z0-9-]+)\)/g, (_all, bang: string, alt: string, id: string) => {
    if (media.has(id)) return `${bang}[${alt}](attachment:${id})`;
    result.skipped.push({ what: `Photo reference ${id} in entry ${uuid}`, why: 'the entry has no such photo' });
    return alt ? `(missing photo: ${alt})` : '(missing photo)';
  });
}

/** A first line `# Heading` is Day One's title; it leaves the body so it is not shown twice. */
function splitTitle(text: string): { title: string | null; body: string } {
  const m = /^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(text);
  if (!m?.[1]) return { title: null, body: text };
  return { title: m[1].trim(), body: text.slice(m[0].length).replace(/^(\r?\n)+/, '') };
}

function locationLine(location: unknown): string | null {
  if (!isRecord(location)) return null;
  const parts: string[] = [];
  for (const key of ['placeName', 'localityName', 'administrativeArea', 'country']) {
    const value = str(location[key])?.trim();
    if (value && !parts.includes(value)) parts.push(value);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

function extraOf(raw: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  const loc = raw.location;
  if (isRecord(loc) && typeof loc.latitude === 'number' && typeof loc.longitude === 'number') {
    extra.latitude = loc.latitude;
    extra.longitude = loc.longitude;
  }
  for (const key of ['weather', 'music', 'userActivity', 'sourceString', 'creationDevice', 'duration']) {
    if (raw[key] !== undefined) extra[key] = raw[key];
  }
  return extra;
}
