import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ExportFormat, ImportFormat, type ImportPreview, type ItemSummary } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, readPassword, readSecretFile, UsageError } from '../../cli/io';
import { writeFileAtomic } from '../../lib/atomic-file';
import { MAX_IMPORT_BYTES } from './vault-io.service';

/** `hearth vault …`: import, export, search and TOTP from scripts, like `bw` and keepassxc-cli. */

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

const importCmd: CliCommand = {
  name: 'vault import',
  usage: 'hearth vault import FILE [--format auto|…] [--dry-run] [--source-password-file F]',
  summary: 'Import passwords (Bitwarden, KeePass, 1Password, browsers, Hearth)',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'source-password-file': { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const file = positionals[0];
    if (!file) throw new UsageError('Which file? hearth vault import FILE');
    const format = ImportFormat.safeParse(values.format ?? 'auto');
    if (!format.success) throw new UsageError(`Unknown format. Use one of: ${ImportFormat.options.join(', ')}.`);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new UsageError(`Cannot read ${file}.`);
    if (stat.size > MAX_IMPORT_BYTES) throw new AppError('TOO_LARGE', 'Import files are limited to 50 MiB.');
    const sourcePassword = typeof values['source-password-file'] === 'string' ? await readSecretFile(values['source-password-file']) : undefined;
    await ctx.unlock();
    const preview = await ctx.call<ImportPreview>('vault:importPreview', {
      file: { fileName: path.basename(file), contentBase64: (await fs.readFile(file)).toString('base64') },
      format: format.data,
      sourcePassword,
    });
    const committed = values['dry-run'] ? null : await ctx.call<{ imported: number; skipped: number }>('vault:importCommit', { importId: preview.importId });
    if (ctx.flags.json) printJson({ preview: { ...preview, importId: undefined }, committed });
    else {
      out(`${preview.fileName}: ${preview.format}, ${preview.total} item(s) (${Object.entries(preview.byType).map(([t, n]) => `${n} ${t}`).join(', ')}), ${preview.duplicates} duplicate(s).`);
      for (const s of preview.skipped) out(`  skipped ${s.row}: ${s.reason}`);
      for (const w of preview.warnings) out(`  note: ${w}`);
      out(committed ? `Imported ${committed.imported}, skipped ${committed.skipped}.` : 'Dry run: nothing was written.');
    }
    return EXIT.ok;
  },
};

const exportCmd: CliCommand = {
  name: 'vault export',
  usage: 'hearth vault export --format hearth|kdbx|bitwarden-json|csv --out FILE [--export-password-file F]',
  summary: 'Export the vault (encrypted formats use the master password unless given another)',
  options: { format: { type: 'string' }, out: { type: 'string' }, 'export-password-file': { type: 'string' } },
  async run(ctx, { values }) {
    const format = ExportFormat.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format takes one of: ${ExportFormat.options.join(', ')}.`);
    if (typeof values.out !== 'string') throw new UsageError('Where to? --out FILE');
    const exportPassword = typeof values['export-password-file'] === 'string' ? await readSecretFile(values['export-password-file']) : undefined;
    const profile = await ctx.pickProfile();
    const password = await readPassword({ passwordFile: ctx.flags.passwordFile, prompt: `Master password for ${profile.name}: ` });
    await ctx.call('profile:unlock', { profileId: profile.id, password });
    const plaintext = format.data === 'csv' || format.data === 'bitwarden-json';
    if (plaintext) process.stderr.write('WARNING: this export is not encrypted; anyone with the file can read every password.\n');
    const res = await ctx.call<{ contentBase64: string; items: number }>('vault:export', { format: format.data, password, exportPassword, acknowledgePlaintext: plaintext });
    const bytes = Buffer.from(res.contentBase64, 'base64');
    await writeFileAtomic(values.out, bytes);
    bytes.fill(0);
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
    const items = await ctx.call<ItemSummary[]>('vault:list', { query, limit: 100 });
    if (ctx.flags.json) printJson(items);
    else for (const i of items) out(`${i.id}  ${i.type.padEnd(8)} ${i.title}${i.subtitle ? `  (${i.subtitle})` : ''}`);
    return EXIT.ok;
  },
};

async function findOne(ctx: CliContext, ref: string): Promise<ItemSummary> {
  const items = await ctx.call<ItemSummary[]>('vault:list', { query: '', limit: 100_000 });
  const exact = items.filter((i) => i.id === ref || i.title.toLowerCase() === ref.toLowerCase());
  const found = exact.length > 0 ? exact : await ctx.call<ItemSummary[]>('vault:list', { query: ref, limit: 2 });
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
    const code = await ctx.call<{ code: string; secondsRemaining: number }>('vault:totp', { id: item.id });
    if (ctx.flags.json) printJson({ id: item.id, title: item.title, ...code });
    else out(code.code);
    return EXIT.ok;
  },
};

export const vaultCommands: CliCommand[] = [importCmd, exportCmd, search, totp];
