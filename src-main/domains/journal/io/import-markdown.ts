import { mimeFromName, newEntry, str, toInstant, uniqueTags } from './entry';
import { frontMatterTags, splitFrontMatter } from './front-matter';
import { checkEntryCount, decodeText } from './limits';
import { isNote, rewriteLinks, rewriteWikiEmbeds, type Resolve } from './markdown-links';
import { inlineTags } from './markdown-scan';
import type { ParsedEntry, ParsedImport, ParsedNotebook, SourceFile } from './model';
import { linkSegment } from './export-names';
import { AttachmentOwners } from './owners';
import { basename, dirname, resolveRelative, stem } from './paths';

/**
 * A Markdown folder: an Obsidian vault, Joplin's md / md_frontmatter export, any folder of `.md` files.
 * Folders → notebooks, files → entries. Front matter gives title/date/created/updated/tags; inline `#tags`
 * follow Obsidian's rules (markdown-scan.ts); `![[x.png]]`, `![alt](x.png)` and `[x](file.pdf)` to files in the
 * folder → attachments; `[[wikilinks]]` stay as text and are listed in extra.wikilinks.
 */
export interface MarkdownOptions {
  /** When a note has no date of its own (no front matter date; file times are not part of the input). */
  now: string;
}

/** An attachment's sourceId: its path, percent-encoded so it is one unbroken Markdown link target (`My%20photo%20%281%29.png`). */
const attachmentKey = (path: string): string => path.split('/').map(linkSegment).join('/');
const hidden = (path: string): boolean => path.split('/').some((seg) => seg.startsWith('.'));

export function parseMarkdownFolder(files: readonly SourceFile[], options: MarkdownOptions): ParsedImport {
  const result: ParsedImport = { format: 'markdown', notebooks: [], entries: [], attachments: [], skipped: [], warnings: [] };
  const visible = files.filter((f) => !hidden(f.path));
  const byPath = new Map(visible.map((f) => [f.path, f.bytes]));
  const byName = new Map<string, string>();
  for (const f of visible) if (!byName.has(basename(f.path).toLowerCase())) byName.set(basename(f.path).toLowerCase(), f.path);
  const owners = new AttachmentOwners();
  const notebooks = new Map<string, ParsedNotebook>();
  for (const file of visible.filter((f) => isNote(f.path)).sort((a, b) => a.path.localeCompare(b.path))) {
    const folder = dirname(file.path);
    addNotebook(folder, notebooks);
    const resolve = (target: string, fromWikilink: boolean): string | null => {
      const rel = resolveRelative(folder, target);
      if (rel !== null && byPath.has(rel)) return rel;
      if (byPath.has(target)) return target;
      return fromWikilink ? (byName.get(basename(target).toLowerCase()) ?? null) : null;
    };
    const entry = parseNote(file, decodeText(file.bytes, file.path), resolve, owners, byPath, result, options);
    result.entries.push(entry);
    checkEntryCount(result.entries.length);
  }
  result.notebooks = [...notebooks.values()];
  result.attachments = owners.list;
  const used = new Set(owners.list.map((a) => a.sourceId.split('#')[0]));
  const usedPath = (path: string): boolean => used.has(attachmentKey(path));
  for (const f of visible) if (!isNote(f.path) && !usedPath(f.path)) result.skipped.push({ what: f.path, why: 'no note links to it' });
  return result;
}

function addNotebook(folder: string, notebooks: Map<string, ParsedNotebook>): void {
  if (folder === '' || notebooks.has(folder)) return;
  const parent = dirname(folder);
  addNotebook(parent, notebooks);
  notebooks.set(folder, { sourceId: folder, name: basename(folder), parentSourceId: parent === '' ? null : parent });
}

function parseNote(
  file: SourceFile,
  text: string,
  resolve: Resolve,
  owners: AttachmentOwners,
  byPath: Map<string, Uint8Array>,
  result: ParsedImport,
  options: MarkdownOptions,
): ParsedEntry {
  const fm = splitFrontMatter(text.replace(/\r\n/g, '\n'));
  if (fm.error) result.warnings.push(`${file.path}: ${fm.error}; it was imported as text.`);
  const d = fm.data;
  const attachmentIds: string[] = [];
  const link = (path: string): string => {
    const id = owners.claim(file.path, attachmentKey(path), () => ({ name: basename(path), mime: mimeFromName(path), bytes: byPath.get(path) ?? null }));
    if (!attachmentIds.includes(id)) attachmentIds.push(id);
    return `attachment:${id}`;
  };
  const links: string[] = [];
  const missing: string[] = [];
  let body = rewriteWikiEmbeds(fm.body, resolve, link, links, missing);
  for (const m of missing) result.skipped.push({ what: `Embed ![[${m}]] in ${file.path}`, why: 'no such file in the folder' });
  body = rewriteLinks(body, resolve, link);
  const created = toInstant(d.created) ?? toInstant(d.date);
  const extra: Record<string, unknown> = {};
  if (links.length > 0) extra.wikilinks = links;
  for (const [key, name] of [
    ['author', 'author'],
    ['source', 'source_url'],
    ['source_url', 'source_url'],
  ] as const)
    if (str(d[key])) extra[name] = d[key];
  if (d.latitude !== undefined && d.longitude !== undefined) Object.assign(extra, { latitude: Number(d.latitude), longitude: Number(d.longitude) });
  if (d['completed?'] !== undefined || d.due !== undefined)
    extra.todo = { due: toInstant(d.due), completed: d['completed?'] === 'yes' || d['completed?'] === true };
  const known = new Set([
    'title',
    'date',
    'created',
    'updated',
    'modified',
    'tags',
    'tag',
    'author',
    'source',
    'source_url',
    'latitude',
    'longitude',
    'altitude',
    'completed?',
    'due',
  ]);
  const rest = Object.fromEntries(Object.entries(d).filter(([k]) => !known.has(k)));
  if (Object.keys(rest).length > 0) extra.frontMatter = rest;
  return newEntry({
    sourceId: file.path,
    notebookSourceId: dirname(file.path) || null,
    title: str(d.title)?.trim() || stem(file.path),
    body,
    entryAt: created ?? options.now,
    createdAt: created,
    updatedAt: toInstant(d.updated) ?? toInstant(d.modified),
    tags: uniqueTags([...frontMatterTags(d.tags ?? d.tag), ...inlineTags(body)]),
    extra,
    attachmentIds,
  });
}
