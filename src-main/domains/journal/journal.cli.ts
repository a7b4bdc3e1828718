import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { ImportFormatName, type EntrySummary, type Journal } from '../../../src-shared/domains/journal/journal.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { formatMiB, MiB } from '../../../src-shared/lib/limits';
import { packFolder } from '../../../src-shared/lib/pack-folder';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine, stringOption as str, UsageError } from '../../cli/io';
import { saveExport } from '../../cli/save-export';

/** `hearth journal …`: write, list, search, import and export entries from scripts (like jrnl and the Day One CLI). */

const out = printLine;
const line = (e: EntrySummary): string =>
  `${e.id}  ${e.entryDate}  ${e.starred ? '★ ' : ''}${e.displayTitle}${e.tags.length ? `  [${e.tags.join(', ')}]` : ''}`;
/** A search snippet with its U+0002/U+0003 match markers replaced for a terminal. */
const marked = (snippet: string, open: string, close: string): string =>
  snippet.replaceAll(String.fromCharCode(2), open).replaceAll(String.fromCharCode(3), close);

/** The journal named by --journal (name or id), or the first one; `create` makes "Journal" when there is none. */
async function pickJournal(ctx: CliContext, ref: string | undefined, create = false): Promise<Journal> {
  const all = await ctx.client.journal.listJournals();
  if (ref) {
    const found = all.find((j) => j.id === ref || j.name.toLowerCase() === ref.toLowerCase());
    if (found) return found;
    if (!create) throw new UsageError(`No journal named "${ref}". Run: hearth journal list --journals`);
    return ctx.client.journal.createJournal({ name: ref });
  }
  if (all[0]) return all[0];
  if (!create) throw new UsageError('No journals yet. Write one with: hearth journal new');
  return ctx.client.journal.createJournal({ name: 'Journal' });
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** What one folder import may hold (the importers' own cap on their input). */
const MAX_FOLDER_BYTES = 512 * MiB;

/** The entry's text: piped on stdin, or written in $EDITOR (as `git commit` does). */
async function readBody(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of process.stdin as AsyncIterable<Buffer>) {
      size += c.length;
      if (size > MAX_BODY_BYTES) throw new AppError('TOO_LARGE', 'An entry is limited to 4 MiB.');
      chunks.push(c);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const { editBodyInEditor } = await import('./journal-cli-editor');
  return editBodyInEditor();
}

const newCmd: CliCommand = {
  name: 'journal new',
  usage: 'hearth journal new [--journal NAME] [--title T] [--tag T]... [--date ISO] [--mood 1-5] [--star] < body.md',
  summary: 'Write an entry (body from stdin, or $EDITOR when run in a terminal)',
  options: {
    journal: { type: 'string' },
    title: { type: 'string' },
    tag: { type: 'string', multiple: true },
    date: { type: 'string' },
    mood: { type: 'string' },
    star: { type: 'boolean' },
  },
  optionHelp: {
    journal: 'The journal (name or id; made when missing; default: the first journal)',
    title: 'A title (default: none; the date stands in)',
    tag: 'A tag (repeat for more)',
    date: 'When it happened: 2026-03-01T08:00:00Z (default: now)',
    mood: 'Mood from 1 (awful) to 5 (great)',
    star: 'Star the entry',
  },
  async run(ctx, { values }) {
    const mood = values.mood === undefined ? null : Number(values.mood);
    if (mood !== null && !(Number.isInteger(mood) && mood >= 1 && mood <= 5)) throw new UsageError('--mood takes a whole number from 1 to 5.');
    const body = await readBody();
    await ctx.unlock();
    const journal = await pickJournal(ctx, str(values.journal), true);
    const tags = Array.isArray(values.tag) ? values.tag : [];
    const e = await ctx.client.journal.create({
      journalId: journal.id,
      title: str(values.title) ?? null,
      body,
      tags,
      mood,
      starred: values.star === true,
      entryAt: str(values.date),
    });
    if (ctx.flags.json) printJson(e);
    else out(`Wrote ${line(e)} in ${journal.name}.`);
    return EXIT.ok;
  },
};

const list: CliCommand = {
  name: 'journal list',
  usage: 'hearth journal list [--journal NAME] [--tag T] [--limit N] [--journals]',
  summary: 'List entries, newest first (or the journals with --journals)',
  options: { journal: { type: 'string' }, tag: { type: 'string' }, limit: { type: 'string' }, journals: { type: 'boolean' } },
  optionHelp: {
    journal: 'Only this journal (name or id)',
    tag: 'Only entries with this tag',
    limit: 'At most N entries (default 50)',
    journals: 'List the journals instead',
  },
  async run(ctx, { values }) {
    await ctx.unlock();
    if (values.journals) {
      const js = await ctx.client.journal.listJournals();
      if (ctx.flags.json) printJson(js);
      else for (const j of js) out(`${j.id}  ${String(j.entryCount).padStart(6)}  ${j.name}${j.privacy === 'locked' ? '  (locked)' : ''}`);
      return EXIT.ok;
    }
    const limit = Number(values.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit takes a number from 1 to 200.');
    const journalId = values.journal ? (await pickJournal(ctx, str(values.journal))).id : undefined;
    const page = await ctx.client.journal.list({ journalId, tag: str(values.tag), limit });
    if (ctx.flags.json) printJson(page.entries);
    else for (const e of page.entries) out(line(e));
    return EXIT.ok;
  },
};

const search: CliCommand = {
  name: 'journal search',
  usage: 'hearth journal search QUERY [--journal NAME] [--tag T] [--from DATE] [--to DATE]',
  summary: 'Search titles, bodies and tags (ranked; locked journals are never searched here)',
  options: { journal: { type: 'string' }, tag: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  optionHelp: { journal: 'Only this journal', tag: 'Only entries with this tag', from: 'From this date (YYYY-MM-DD)', to: 'Up to this date (YYYY-MM-DD)' },
  async run(ctx, { positionals, values }) {
    const query = positionals.join(' ');
    if (!query.trim()) throw new UsageError('Search for what? hearth journal search WORDS');
    await ctx.unlock();
    const journalId = values.journal ? (await pickJournal(ctx, str(values.journal))).id : undefined;
    const hits = await ctx.client.journal.search({ query, journalId, tag: str(values.tag), from: str(values.from), to: str(values.to) });
    if (ctx.flags.json) printJson(hits.map((h) => ({ ...h.entry, snippet: marked(h.snippet, '', '') })));
    else for (const h of hits) out(`${line(h.entry)}\n    ${marked(h.snippet, '[', ']')}`);
    return EXIT.ok;
  },
};

const exportCmd: CliCommand = {
  name: 'journal export',
  usage: 'hearth journal export --format markdown|json|pdf --out FILE [--journal NAME] [--from DATE] [--to DATE]',
  summary: 'Export entries: Markdown zip with front matter and attachments, JSON zip, or a PDF',
  options: { format: { type: 'string' }, out: { type: 'string' }, journal: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  optionHelp: { format: 'markdown, json or pdf', out: 'The file to write', journal: 'Only this journal', from: 'From this date', to: 'Up to this date' },
  async run(ctx, { values }) {
    const format = values.format;
    if (format !== 'markdown' && format !== 'json' && format !== 'pdf') throw new UsageError('--format takes markdown, json or pdf.');
    if (typeof values.out !== 'string') throw new UsageError('Where to? --out FILE');
    await ctx.unlock();
    const journalIds = values.journal ? [(await pickJournal(ctx, str(values.journal))).id] : undefined;
    const res = await ctx.client.journal.export({ format, journalIds, from: str(values.from), to: str(values.to) });
    await saveExport(ctx, res.blobId, values.out);
    if (ctx.flags.json) printJson({ file: values.out, entries: res.entries, format });
    else out(`Exported ${res.entries} entr${res.entries === 1 ? 'y' : 'ies'} to ${values.out}.`);
    return EXIT.ok;
  },
};

const importCmd: CliCommand = {
  name: 'journal import',
  usage: 'hearth journal import PATH [--format auto|…] [--journal NAME] [--dry-run]',
  summary: 'Import Day One, Joplin, Markdown/Obsidian, Standard Notes or Hearth exports (a file or a folder)',
  options: { format: { type: 'string' }, journal: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  optionHelp: {
    format: `Default auto (detected): ${ImportFormatName.options.join(', ')}`,
    journal: 'Import everything into this journal (default: one journal per notebook)',
    'dry-run': 'Show what would be imported, write nothing',
  },
  async run(ctx, { positionals, values }) {
    const target = positionals[0];
    if (!target) throw new UsageError('Which file or folder? hearth journal import PATH');
    const format = values.format === undefined || values.format === 'auto' ? undefined : ImportFormatName.safeParse(values.format);
    if (format && !format.success) throw new UsageError(`Unknown format. Use one of: ${ImportFormatName.options.join(', ')}.`);
    const { walkPaths } = await import('../../cli/walk');
    const found = await walkPaths([target]);
    await ctx.unlock();
    const hub = ctx.core.blobs();
    let upload: { name: string; source: Readable };
    if ((await fs.stat(target)).isDirectory()) {
      // A folder travels as one uncompressed ZIP, as from the app (src-shared/lib/pack-folder.ts); paths inside start below it.
      const root = path.basename(path.resolve(target));
      const total = (await Promise.all(found.map((f) => fs.stat(f.abs)))).reduce((n, st) => n + st.size, 0);
      if (total > MAX_FOLDER_BYTES)
        throw new AppError('TOO_LARGE', `That folder holds ${formatMiB(total)}; one import takes at most ${formatMiB(MAX_FOLDER_BYTES)}.`);
      const read = await Promise.all(found.map(async (f) => ({ path: (f.relativePath ?? f.name).slice(root.length + 1), bytes: await fs.readFile(f.abs) })));
      upload = { name: `${root}.zip`, source: Readable.from([Buffer.from(packFolder(read))]) };
    } else {
      upload = { name: path.basename(target), source: createReadStream(target) };
    }
    // The same path an upload takes: a single-use ticket, streamed into the encrypted store, lapsing in an hour.
    const ticket = await ctx.client.blobs.uploadTicket({ maxBytes: 1024 * 1024 * 1024 });
    const files = [{ path: upload.name, blobId: (await hub.upload(ticket.ticket, upload.source)).id }];
    const journalId = values.journal ? (await pickJournal(ctx, str(values.journal), true)).id : undefined;
    const preview = await ctx.client.journal.importPreview({ files, format: format?.data, journalId });
    const committed = values['dry-run'] ? null : await ctx.client.journal.importCommit({ previewId: preview.previewId });
    if (ctx.flags.json) printJson({ preview: { ...preview, previewId: undefined }, committed });
    else {
      out(
        `${preview.format}: ${preview.entries} entries, ${preview.attachments} attachments (${preview.missingAttachments} missing), ${preview.duplicates} duplicate(s).`,
      );
      for (const j of preview.journals) out(`  ${j.name}: ${j.entries}${j.existing ? ' (existing journal)' : ''}`);
      for (const s of preview.skipped.slice(0, 20)) out(`  skipped ${s.what}: ${s.why}`);
      out(committed ? `Imported ${committed.entries} entries and ${committed.attachments} attachments.` : 'Dry run: nothing was written.');
    }
    return EXIT.ok;
  },
};

export const journalCommands: CliCommand[] = [newCmd, list, search, exportCmd, importCmd];
