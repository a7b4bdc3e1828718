import { writeZip } from '../../../lib/zip';
import { linkSegment, localParts, safeName, UniqueNames } from './export-names';
import type { ExportBundle, ExportEntry, ReadAttachment } from './model';

/**
 * Markdown export (a ZIP), readable by any Markdown tool and read back losslessly by the `hearth-markdown`
 * importer: `journals.json` (names, colours, icons), `<journal>/<YYYY-MM-DD> <title or HH-MM>.md` per entry with
 * YAML front matter, and `attachments/<id>/<name>` files linked from the body by relative paths.
 */
export const MARKDOWN_EXPORT_MARKER = 'hearth-journal-markdown';

export interface ExportOptions {
  /** Modification time written into the archive (the injected clock, so exports are reproducible). */
  now: Date;
}

export async function exportMarkdownZip(bundle: ExportBundle, read: ReadAttachment, options: ExportOptions): Promise<Uint8Array> {
  const files: Record<string, Uint8Array | string> = {};
  const names = new UniqueNames();
  const folders = new Map<string, string>();
  for (const j of bundle.journals) folders.set(j.id, names.take(safeName(j.name, 'Journal')));
  const manifest = bundle.journals.map((j) => ({ id: j.id, name: j.name, color: j.color, icon: j.icon, metrics: j.metrics, folder: folders.get(j.id) }));
  files['journals.json'] = `${JSON.stringify({ format: MARKDOWN_EXPORT_MARKER, version: 1, journals: manifest }, null, 2)}\n`;
  for (const entry of bundle.entries) {
    const folder = folders.get(entry.journalId) ?? names.take(safeName(entry.journalId, 'Journal'));
    folders.set(entry.journalId, folder);
    const { date, time } = localParts(entry.entryAt, entry.timeZone);
    const file = names.take(`${folder}/${safeName(`${date} ${entry.title ?? time}`, date)}.md`);
    const attachmentFiles = new Map<string, string>();
    for (const a of entry.attachments) {
      const path = names.take(`attachments/${safeName(a.id, 'file')}/${safeName(a.name, 'file')}`);
      files[path] = await read(a.blobId);
      attachmentFiles.set(a.id, path);
    }
    files[file] = entryMarkdown(entry, bundle, attachmentFiles, file);
  }
  return writeZip(files, { mtime: options.now });
}

/** Link from the entry's file to an attachment file: every segment percent-encoded, relative to the entry's folder. */
export function relativeLink(fromFile: string, toFile: string): string {
  const up = '../'.repeat(fromFile.split('/').length - 1);
  return up + toFile.split('/').map(linkSegment).join('/');
}

function entryMarkdown(entry: ExportEntry, bundle: ExportBundle, attachmentFiles: Map<string, string>, file: string): string {
  const links = new Map([...attachmentFiles].map(([id, path]) => [id, relativeLink(file, path)]));
  const body = entry.body.replace(/\]\(attachment:([^)\s]+)\)/g, (all, id: string) => {
    const link = links.get(id);
    return link ? `](${link})` : all;
  });
  const journal = bundle.journals.find((j) => j.id === entry.journalId);
  const front = {
    id: entry.id,
    title: entry.title,
    journal: journal?.name ?? null,
    journalId: entry.journalId,
    date: entry.entryAt,
    timeZone: entry.timeZone,
    created: entry.createdAt,
    updated: entry.updatedAt,
    tags: entry.tags,
    starred: entry.starred,
    mood: entry.mood,
    metrics: entry.metrics,
    location: entry.location,
    attachments: entry.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, file: links.get(a.id) })),
  };
  // Front matter as `key: <JSON>` lines: valid YAML for every Markdown tool, and quick to read back (front-matter.ts).
  // One blank line after the block: the importer removes exactly one, so a body that starts with a blank line survives.
  const yaml = Object.entries(front).map(([key, value]) => `${key}: ${JSON.stringify(value ?? null)}\n`);
  return `---\n${yaml.join('')}---\n\n${body}`;
}
