import { AppError } from '../../../src-shared/ipc/result';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, jsonText, printJson, printLine as out, stringOption as str, UsageError } from '../../cli/io';
import { saveExport } from '../../cli/save-export';
import { importImap, importPath, size } from './email-cli-import';

/**
 * `hearth mail import|search|export|verify|pdf`. Exit codes: 0 ok, 2 bad usage, 3 not found or refused
 * (NOT_FOUND, FORBIDDEN), 1 any other error (and a failed import or a damaged archive).
 */

const REFUSED = 3;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' ? [v] : []);

/** Runs a command, turning "not found" and "refused" into exit 3 with the same JSON error line main prints. */
const guarded =
  (run: CliCommand['run']): CliCommand['run'] =>
  async (ctx, args) => {
    try {
      return await run(ctx, args);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'NOT_FOUND' && err.code !== 'FORBIDDEN')) throw err;
      process.stderr.write(`${jsonText({ ok: false, error: err.toJSON() })}\n`);
      return REFUSED;
    }
  };

const mailImport: CliCommand = {
  name: 'mail import',
  usage: 'hearth mail import FILE.mbox|FOLDER|imap://user@host:port[/mailbox] [--folder NAME] [--format mbox|eml|emlx] [--security tls|starttls|none]',
  summary: 'Import an mbox file, a folder of .eml/.emlx files, or an IMAP account (resumes an unfinished run)',
  options: {
    folder: { type: 'string' },
    format: { type: 'string' },
    security: { type: 'string' },
    'imap-password-file': { type: 'string' },
  },
  optionHelp: {
    folder: 'The archive folder to import into (default: the mbox file name; a folder tree keeps its own folders)',
    format: 'mbox, eml or emlx (default: told apart by name and first bytes)',
    security: 'IMAP: tls (default), starttls, or none (only to 127.0.0.1/localhost)',
    'imap-password-file': 'IMAP: a file whose first line is the password (or set HEARTH_IMAP_PASSWORD)',
  },
  run: guarded(async (ctx, { positionals, values }) => {
    const target = positionals[0];
    if (!target || positionals.length > 1) throw new UsageError('What to import? hearth mail import FILE.mbox|FOLDER|imap://user@host/INBOX');
    const done = /^imap:\/\//i.test(target) ? await importImap(ctx, target, values) : await importPath(ctx, target, values);
    return done ? EXIT.ok : EXIT.error;
  }),
};

const search: CliCommand = {
  name: 'mail search',
  usage: 'hearth mail search QUERY [--limit N] [--json]',
  summary: 'Search the archive: words, "phrases", from: to: subject: has:attachment before: after: label:',
  options: { limit: { type: 'string' } },
  optionHelp: { limit: 'Most hits to show (1–500, default 20)' },
  run: guarded(async (ctx, { positionals, values }) => {
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('Search for what? hearth mail search "from:ana invoice"');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit is a whole number from 1 to 500.');
    await ctx.unlock();
    const res = await ctx.client.email.search({ query, limit });
    if (ctx.flags.json) printJson(res);
    else {
      for (const h of res.hits) out(`${h.date?.slice(0, 10) ?? '          '}  ${h.from.name || h.from.address || '(unknown)'}  ${h.subject || '(no subject)'}`);
      out(`${res.hits.length} of ${res.total} message(s).`);
    }
    return EXIT.ok;
  }),
};

/** Archive folder ids for the --folder paths given (exact path, then ignoring case). */
async function folderIds(ctx: CliContext, paths: string[]): Promise<string[] | undefined> {
  if (paths.length === 0) return undefined;
  const folders = await ctx.client.email.folders();
  return paths.map((p) => {
    const clean = p.replace(/^\/+|\/+$/g, '');
    const found = folders.find((f) => f.path === clean) ?? folders.find((f) => f.path.toLowerCase() === clean.toLowerCase());
    if (!found) throw new AppError('NOT_FOUND', `No archive folder "${p}". Folders: ${folders.map((f) => f.path).join(', ') || '(none yet)'}`);
    return found.id;
  });
}

const mailExport: CliCommand = {
  name: 'mail export',
  usage: 'hearth mail export DIR [--format mbox|eml] [--folder PATH]...',
  summary: 'Export byte for byte: one mbox per folder (default), or an .eml tree mirroring the folders',
  options: { format: { type: 'string' }, folder: { type: 'string', multiple: true } },
  optionHelp: {
    format: 'mbox (one file per folder, default) or eml (one file per message)',
    folder: 'Only this archive folder (repeat for more; default: all)',
  },
  run: guarded(async (ctx, { positionals, values }) => {
    const dest = positionals[0];
    if (!dest || positionals.length > 1) throw new UsageError('Where to? hearth mail export DIR');
    const format = str(values.format) ?? 'mbox';
    if (format !== 'mbox' && format !== 'eml') throw new UsageError('--format is mbox or eml.');
    await ctx.unlock();
    const res = await ctx.client.email.export({ format, dest, folderIds: await folderIds(ctx, list(values.folder)) });
    if (ctx.flags.json) printJson(res);
    else {
      process.stderr.write('Note: the exported files are not encrypted.\n');
      out(
        `Wrote ${res.messages} message(s) in ${res.files} file(s), ${size(res.bytes)}, to ${res.dest ?? dest}; ${res.verified} verified against their SHA-256.`,
      );
    }
    return res.verified === res.messages ? EXIT.ok : EXIT.error;
  }),
};

const verify: CliCommand = {
  name: 'mail verify',
  usage: 'hearth mail verify [--json]',
  summary: 'Check every stored message against its SHA-256',
  run: guarded(async (ctx) => {
    await ctx.unlock();
    const res = await ctx.client.email.verify();
    if (ctx.flags.json) printJson(res);
    else {
      for (const b of res.bad) out(`damaged ${b.id}: ${b.reason}`);
      out(
        res.bad.length === 0 ? `Checked ${res.checked} message(s): all match their SHA-256.` : `Checked ${res.checked} message(s): ${res.bad.length} damaged.`,
      );
    }
    return res.bad.length === 0 ? EXIT.ok : EXIT.error;
  }),
};

const pdf: CliCommand = {
  name: 'mail pdf',
  usage: 'hearth mail pdf ID --out FILE.pdf [--thread]',
  summary: 'A message (or its whole thread) as PDF',
  options: { out: { type: 'string' }, thread: { type: 'boolean' } },
  optionHelp: { out: 'The PDF file to write', thread: 'The whole thread, oldest first' },
  run: guarded(async (ctx, { positionals, values }) => {
    const id = positionals[0];
    const file = str(values.out);
    if (!id || !file) throw new UsageError('hearth mail pdf ID --out FILE.pdf (ids: hearth mail search QUERY --json)');
    await ctx.unlock();
    const res = await ctx.client.email.pdf({ id, thread: values.thread === true });
    await saveExport(ctx, res.blobId, file);
    if (ctx.flags.json) printJson({ file, pages: res.pages });
    else out(`Wrote ${res.pages} page(s) to ${file}.`);
    return EXIT.ok;
  }),
};

export const emailCommands: CliCommand[] = [mailImport, search, mailExport, verify, pdf];
