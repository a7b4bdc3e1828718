import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ExportFormat, ImportFormat, type ItemSummary, type ListItemsResult } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
// Not from vault-io.service: that would load every importer (kdbxweb, fflate, argon2) on each CLI start.
import { formatMiB, MAX_IMPORT_BYTES, MAX_KEY_FILE_BYTES } from '../../../src-shared/lib/limits';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine, readPassword, readSecretFile, UsageError } from '../../cli/io';

/** `hearth vault …`: import, export, search and TOTP from scripts, like `bw` and keepassxc-cli. */

const out = printLine;

const importCmd: CliCommand = {
  name: 'vault import',
  usage: 'hearth vault import FILE [--format auto|…] [--dry-run] [--source-password-file F] [--key-file F]',
  summary: 'Import passwords (Bitwarden, KeePass, 1Password, browsers, Hearth)',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'source-password-file': { type: 'string' }, 'key-file': { type: 'string' } },
  optionHelp: {
    format: `The file's format (default auto: detected from its content): ${ImportFormat.options.join(', ')}`,
    'dry-run': 'Show what would be imported, write nothing',
    'source-password-file': "A file whose first line is the import file's own password (encrypted exports, KeePass)",
    'key-file': 'A KeePass key file, for databases that need one',
  },
  async run(ctx, { positionals, values }) {
    const file = positionals[0];
    if (!file) throw new UsageError('Which file? hearth vault import FILE');
    const format = ImportFormat.safeParse(values.format ?? 'auto');
    if (!format.success) throw new UsageError(`Unknown format. Use one of: ${ImportFormat.options.join(', ')}.`);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new UsageError(`Cannot read ${file}.`);
    if (stat.size > MAX_IMPORT_BYTES) throw new AppError('TOO_LARGE', `Import files are limited to ${formatMiB(MAX_IMPORT_BYTES)}.`);
    const sourcePassword = typeof values['source-password-file'] === 'string' ? await readSecretFile(values['source-password-file']) : undefined;
    const keyFile = typeof values['key-file'] === 'string' ? await readKeyFile(values['key-file']) : undefined;
    await ctx.unlock();
    const preview = await ctx.client.vault.importPreview({
      file: { fileName: path.basename(file), contentBase64: (await fs.readFile(file)).toString('base64') },
      format: format.data,
      sourcePassword,
      keyFile,
    });
    const committed = values['dry-run'] ? null : await ctx.client.vault.importCommit({ importId: preview.importId });
    if (ctx.flags.json) printJson({ preview: { ...preview, importId: undefined }, committed });
    else {
      out(
        `${preview.fileName}: ${preview.format}, ${preview.total} item(s) (${Object.entries(preview.byType)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')}), ${preview.duplicates} duplicate(s).`,
      );
      for (const s of preview.skipped) out(`  skipped ${s.row}: ${s.reason}`);
      for (const w of preview.warnings) out(`  note: ${w}`);
      for (const a of preview.attachments) out(`  ${a.item}: ${a.files.length} attachment(s) (${a.files.join(', ')}) will not be imported`);
      out(committed ? `Imported ${committed.imported}, skipped ${committed.skipped}.` : 'Dry run: nothing was written.');
    }
    return EXIT.ok;
  },
};

/** A KeePass key file, sent like the import file itself (at most 10 MiB: real ones are a few KiB). */
async function readKeyFile(file: string): Promise<{ fileName: string; contentBase64: string }> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new UsageError(`Cannot read the key file ${file}.`);
  if (stat.size > MAX_KEY_FILE_BYTES) throw new AppError('TOO_LARGE', `Key files are limited to ${formatMiB(MAX_KEY_FILE_BYTES)}.`);
  if (stat.size === 0) throw new UsageError(`The key file ${file} is empty.`);
  return { fileName: path.basename(file), contentBase64: (await fs.readFile(file)).toString('base64') };
}

const exportCmd: CliCommand = {
  name: 'vault export',
  usage: 'hearth vault export --format hearth|kdbx|bitwarden-json|csv --out FILE [--export-password-file F]',
  summary: 'Export the vault (hearth and kdbx need --export-password-file: a file password other than the master password)',
  options: { format: { type: 'string' }, out: { type: 'string' }, 'export-password-file': { type: 'string' } },
  optionHelp: {
    format: `The export format: ${ExportFormat.options.join(', ')} (csv and bitwarden-json are not encrypted)`,
    out: 'The file to write (replaced atomically)',
    'export-password-file': "A file whose first line is the exported file's password (hearth, kdbx); not the master password",
  },
  async run(ctx, { values }) {
    const format = ExportFormat.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format takes one of: ${ExportFormat.options.join(', ')}.`);
    if (typeof values.out !== 'string') throw new UsageError('Where to? --out FILE');
    const exportPassword = typeof values['export-password-file'] === 'string' ? await readSecretFile(values['export-password-file']) : undefined;
    const plaintext = format.data === 'csv' || format.data === 'bitwarden-json';
    if (!plaintext && !exportPassword)
      throw new UsageError(`--format ${format.data} is encrypted: give its file password with --export-password-file F (not the master password).`);
    const profile = await ctx.pickProfile();
    const password = await readPassword({ passwordFile: ctx.flags.passwordFile, prompt: `Master password for ${profile.name}: ` });
    await ctx.client.profile.unlock({ profileId: profile.id, password });
    if (plaintext) process.stderr.write('WARNING: this export is not encrypted; anyone with the file can read every password.\n');
    const res = await ctx.client.vault.export({ format: format.data, password, exportPassword, acknowledgePlaintext: plaintext });
    // The CLI has no save dialog, so the export is a stored blob. The CLI is main: it writes the file straight from
    // the store (atomically, streamed: no plaintext buffer here), then releases the blob so that the copy in the
    // store is collected now rather than when its hour lapses.
    if (res.blobId === null) throw new AppError('INTERNAL', 'The export returned no file.');
    const blobs = ctx.core.blobs();
    try {
      await blobs.store.exportTo(res.blobId, values.out);
    } finally {
      // Never hides the write's own error; if this fails the ref still lapses within the hour.
      await blobs.release(res.blobId, 'export').catch((err: unknown) => {
        const why = err instanceof Error ? err.message : String(err);
        process.stderr.write(`Note: the temporary copy of the export stays in the encrypted store until it lapses (${why}).\n`);
      });
    }
    if (ctx.flags.json) printJson({ file: values.out, items: res.items, format: format.data });
    else out(`Exported ${res.items} item(s) to ${values.out}.`);
    return EXIT.ok;
  },
};

const search: CliCommand = {
  name: 'vault search',
  usage: 'hearth vault search QUERY [--json]',
  summary: 'Search titles, usernames, URLs, tags, folders and notes (never secrets)',
  async run(ctx, { positionals }) {
    const query = positionals.join(' ');
    await ctx.unlock();
    const { items } = await ctx.client.vault.list({ query, limit: 100 });
    if (ctx.flags.json) printJson(items);
    else for (const i of items) out(`${i.id}  ${i.type.padEnd(8)} ${i.title}${i.subtitle ? `  (${i.subtitle})` : ''}`);
    return EXIT.ok;
  },
};

async function findOne(ctx: CliContext, ref: string): Promise<ItemSummary> {
  const exact: ItemSummary[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page: ListItemsResult = await ctx.client.vault.list({ query: '', offset });
    exact.push(...page.items.filter((i) => i.id === ref || i.title.toLowerCase() === ref.toLowerCase()));
    offset = page.nextOffset;
  }
  const found = exact.length > 0 ? exact : (await ctx.client.vault.list({ query: ref, limit: 2 })).items;
  if (found.length === 0) throw new AppError('NOT_FOUND', `No item matches "${ref}".`);
  if (found.length > 1 && exact.length !== 1) throw new UsageError(`"${ref}" matches several items; use its id (hearth vault search ${ref}).`);
  return found[0]!;
}

const totp: CliCommand = {
  name: 'vault totp',
  usage: 'hearth vault totp ITEM [--json]',
  summary: "Print an item's current TOTP code",
  async run(ctx, { positionals }) {
    const ref = positionals.join(' ');
    if (!ref) throw new UsageError('Which item? hearth vault totp ITEM (title or id)');
    await ctx.unlock();
    const item = await findOne(ctx, ref);
    const code = await ctx.client.vault.totp({ id: item.id });
    if (ctx.flags.json) printJson({ id: item.id, title: item.title, ...code });
    else out(code.code);
    return EXIT.ok;
  },
};

export const vaultCommands: CliCommand[] = [importCmd, exportCmd, search, totp];
