import { isRecord, newEntry, str, toInstant } from './entry';
import { JSON_EXPORT_FILE } from './export-json';
import { MARKDOWN_EXPORT_MARKER } from './export-markdown';
import { splitFrontMatter } from './front-matter';
import { checkEntryCount, decodeText, invalid, parseJson } from './limits';
import type { ParsedAttachment, ParsedEntry, ParsedImport, ParsedNotebook, SourceFile } from './model';
import { dirname, linkPath, resolveRelative } from './paths';

/**
 * Hearth's own exports read back losslessly: the Markdown ZIP (`journals.json` + front matter per entry,
 * export-markdown.ts) and the JSON ZIP (`hearth-journal.json` + attachment files, export-json.ts).
 */

/** True when the files hold `journals.json` with Hearth's Markdown export marker. */
export function isHearthMarkdown(files: readonly SourceFile[]): boolean {
  const manifest = files.find((f) => f.path === 'journals.json');
  return !!manifest && new TextDecoder().decode(manifest.bytes.subarray(0, 200)).includes(`"${MARKDOWN_EXPORT_MARKER}"`);
}

export function isHearthJson(files: readonly SourceFile[]): boolean {
  const file = files.find((f) => f.path === JSON_EXPORT_FILE) ?? (files.length === 1 ? files[0] : undefined);
  return !!file && /^\s*\{\s*"format"\s*:\s*"hearth-journal"/.test(new TextDecoder().decode(file.bytes.subarray(0, 200)));
}

const empty = (format: ParsedImport['format']): ParsedImport => ({ format, notebooks: [], entries: [], attachments: [], skipped: [], warnings: [] });

export function parseHearthMarkdown(files: readonly SourceFile[]): ParsedImport {
  const result = empty('hearth-markdown');
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const manifest = parseJson(byPath.get('journals.json') ?? new Uint8Array(), 'journals.json');
  if (!isRecord(manifest) || !Array.isArray(manifest.journals)) throw invalid('journals.json is not a Hearth journal export.');
  for (const j of manifest.journals.filter(isRecord)) {
    result.notebooks.push(notebookOf(j));
  }
  for (const file of files.filter((f) => /\.md$/i.test(f.path) && !f.path.startsWith('attachments/'))) {
    const fm = splitFrontMatter(decodeText(file.bytes, file.path));
    const d = fm.data;
    const entryAt = toInstant(d.date);
    if (fm.error || !str(d.id) || !entryAt) {
      result.skipped.push({ what: file.path, why: 'not an entry of a Hearth export (no id or date in its front matter)' });
      continue;
    }
    let body = fm.body;
    const attachmentIds: string[] = [];
    for (const a of Array.isArray(d.attachments) ? d.attachments.filter(isRecord) : []) {
      const id = str(a.id);
      const link = str(a.file);
      if (!id || !link) continue;
      const path = resolveRelative(dirname(file.path), linkPath(link) ?? '');
      result.attachments.push(attachment(id, a, path === null ? undefined : byPath.get(path), result));
      attachmentIds.push(id);
      body = body.split(`](${link})`).join(`](attachment:${id})`);
    }
    result.entries.push(entryOf(d, entryAt, body, attachmentIds));
    checkEntryCount(result.entries.length);
  }
  return result;
}

export function parseHearthJson(files: readonly SourceFile[]): ParsedImport {
  const result = empty('hearth-json');
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const main = files.find((f) => f.path === JSON_EXPORT_FILE) ?? files[0];
  const json = parseJson(main?.bytes ?? new Uint8Array(), main?.path ?? JSON_EXPORT_FILE);
  if (!isRecord(json) || json.format !== 'hearth-journal' || !Array.isArray(json.journals) || !Array.isArray(json.entries)) {
    throw invalid('This is not a Hearth journal export.');
  }
  if (json.version !== 1) throw invalid(`This Hearth journal export is version ${String(json.version)}; this Hearth reads version 1.`);
  for (const j of json.journals.filter(isRecord)) {
    result.notebooks.push(notebookOf(j));
  }
  for (const e of json.entries.filter(isRecord)) {
    const entryAt = toInstant(e.entryAt);
    if (!str(e.id) || !entryAt) {
      result.skipped.push({ what: `entry ${String(e.id)}`, why: 'it has no id or date' });
      continue;
    }
    const attachmentIds: string[] = [];
    for (const a of Array.isArray(e.attachments) ? e.attachments.filter(isRecord) : []) {
      if (!str(a.id)) continue;
      result.attachments.push(attachment(a.id as string, a, byPath.get(str(a.file) ?? ''), result));
      attachmentIds.push(a.id as string);
    }
    const fields = { ...e, date: e.entryAt, created: e.createdAt, updated: e.updatedAt, journalId: e.journalId };
    result.entries.push(entryOf(fields, entryAt, str(e.body) ?? '', attachmentIds));
    checkEntryCount(result.entries.length);
  }
  return result;
}

function notebookOf(j: Record<string, unknown>): ParsedNotebook {
  const notebook: ParsedNotebook = { sourceId: str(j.id) ?? '', name: str(j.name) ?? 'Journal', parentSourceId: null };
  if (str(j.color)) notebook.color = j.color as string;
  if (str(j.icon)) notebook.icon = j.icon as string;
  if (j.metrics !== undefined) notebook.metrics = j.metrics;
  return notebook;
}

function attachment(id: string, a: Record<string, unknown>, bytes: Uint8Array | undefined, result: ParsedImport): ParsedAttachment {
  if (!bytes) result.skipped.push({ what: `Attachment ${str(a.name) ?? id}`, why: 'its file is not in the export' });
  return { sourceId: id, name: str(a.name) ?? id, mime: str(a.mime), bytes: bytes ?? null };
}

function entryOf(d: Record<string, unknown>, entryAt: string, body: string, attachmentIds: string[]): ParsedEntry {
  const metrics: Record<string, number | boolean> = {};
  if (isRecord(d.metrics)) {
    for (const [k, v] of Object.entries(d.metrics)) if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) metrics[k] = v;
  }
  const mood = typeof d.mood === 'number' && Number.isInteger(d.mood) && d.mood >= 1 && d.mood <= 5 ? d.mood : null;
  return newEntry({
    sourceId: d.id as string,
    notebookSourceId: str(d.journalId),
    title: str(d.title),
    body,
    entryAt,
    timeZone: str(d.timeZone),
    createdAt: toInstant(d.created),
    updatedAt: toInstant(d.updated),
    tags: Array.isArray(d.tags) ? d.tags : [],
    starred: d.starred === true,
    mood,
    metrics,
    location: str(d.location),
    attachmentIds,
  });
}
