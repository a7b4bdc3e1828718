import path from 'node:path';
import type { BackupInfo } from '../../../src-shared/domains/backup/backup.schemas';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine as out, readPassword, readSecretFile, stringOption as str, UsageError } from '../../cli/io';

/**
 * `hearth backup now|list|verify|restore|config` (docs/architecture.md#backups). Secrets come from
 * --password-file / HEARTH_PASSWORD / a prompt, and the recovery key from --recovery-key-file, never an argument.
 * Exit codes: 0 ok, 2 bad input, 3 wrong password, 1 anything else (and a backup that fails verification).
 */
const abs = (p: string): string => path.resolve(p);
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const line = (b: BackupInfo): string => `${b.createdAt}  ${b.profileName}  ${mib(b.bytes)} + ${b.blobCount} stored files (${mib(b.blobBytes)})  ${b.file}`;

/** The secret of the backup's time: the recovery key from a file, else the master password of then. */
async function backupSecret(ctx: CliContext, values: Record<string, unknown>): Promise<{ password: string } | { recoveryKey: string }> {
  const keyFile = str(values['recovery-key-file']);
  if (keyFile) return { recoveryKey: await readSecretFile(keyFile) };
  return { password: await readPassword({ passwordFile: ctx.flags.passwordFile, prompt: "The backup's master password (of when it was taken): " }) };
}

function onlyFile(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(usage);
  return abs(positionals[0]!);
}

const now: CliCommand = {
  name: 'backup now',
  usage: 'hearth backup now [--json]',
  summary: 'Back up the profile into its backup folder now (then rotate)',
  async run(ctx) {
    await ctx.unlock();
    const r = await ctx.client.backup.run();
    if (ctx.flags.json) printJson(r);
    else {
      out(`Backed up to ${r.backup.file} in ${(r.ms / 1000).toFixed(1)} s: ${r.blobsCopied} stored files copied, ${r.blobsSkipped} already there.`);
      if (r.removed.length > 0) out(`Rotation removed ${r.removed.length} older backup(s) and ${r.blobsRemoved} stored file(s) no backup needs.`);
    }
    return EXIT.ok;
  },
};

const list: CliCommand = {
  name: 'backup list',
  usage: 'hearth backup list [--folder DIR] [--json]',
  summary: 'List the backups in a folder (default: the profile’s backup folder), newest first',
  options: { folder: { type: 'string' } },
  optionHelp: { folder: 'The backup folder to read (no password needed); without it the profile is unlocked to find its folder' },
  async run(ctx, { values }) {
    const folder = str(values.folder);
    if (!folder) await ctx.unlock();
    const backups = await ctx.client.backup.list(folder ? { folder: abs(folder) } : {});
    if (ctx.flags.json) printJson(backups);
    else if (backups.length === 0) out('No backups there yet.');
    else for (const b of backups) out(line(b));
    return EXIT.ok;
  },
};

const secretOptions = { 'recovery-key-file': { type: 'string' } } as const;
const secretHelp = { 'recovery-key-file': 'A file holding the recovery key of when the backup was taken (instead of the password)' };

const verify: CliCommand = {
  name: 'backup verify',
  usage: 'hearth backup verify FILE [--recovery-key-file F] [--json]',
  summary: 'Check every chunk of a backup and every stored file it needs, without restoring',
  options: secretOptions,
  optionHelp: secretHelp,
  async run(ctx, { positionals, values }) {
    const file = onlyFile(positionals, 'Which backup? hearth backup verify FILE');
    const r = await ctx.client.backup.verify({ file, secret: await backupSecret(ctx, values) });
    if (ctx.flags.json) printJson(r);
    else {
      out(`${r.ok ? 'OK' : 'DAMAGED'}: ${r.chunks} chunks, ${r.blobsChecked} stored files checked (${line(r.backup)}).`);
      for (const p of r.problems) out(`  - ${p}`);
    }
    return r.ok ? EXIT.ok : EXIT.error;
  },
};

const restore: CliCommand = {
  name: 'backup restore',
  usage: 'hearth backup restore FILE [--name NAME] [--recovery-key-file F [--new-password-file F]] [--json]',
  summary: 'Restore a backup into a new profile and print its new recovery key (once)',
  options: { ...secretOptions, name: { type: 'string' }, 'new-password-file': { type: 'string' }, 'allow-weak-password': { type: 'boolean' } },
  optionHelp: {
    ...secretHelp,
    name: 'The new profile’s name (default: the backup’s name + "(restored DATE)")',
    'new-password-file': 'With a recovery key: a file whose first line is the new profile’s master password (else a prompt)',
    'allow-weak-password': 'Accept a new master password the strength check rejects (not recommended)',
  },
  async run(ctx, { positionals, values }) {
    const file = onlyFile(positionals, 'Which backup? hearth backup restore FILE');
    const secret = await backupSecret(ctx, values);
    const newPassword =
      'recoveryKey' in secret
        ? await readPassword({ passwordFile: str(values['new-password-file']), prompt: 'New master password for the restored profile: ', confirm: true })
        : undefined;
    const r = await ctx.client.backup.restore({ file, secret, name: str(values.name), newPassword, allowWeakPassword: values['allow-weak-password'] === true });
    if (ctx.flags.json) printJson(r);
    else {
      out(
        `Restored into a new profile "${r.profile.name}" (${r.profile.id}): ${r.blobsRestored} stored files${r.migrated ? `, ${r.migrated} migration(s) run` : ''}.`,
      );
      out(`\nNew recovery key (shown once; the backup's old recovery key does not open this profile):\n\n    ${r.recoveryKey}\n`);
    }
    return EXIT.ok;
  },
};

function count(values: Record<string, unknown>, key: string): number | undefined {
  const v = str(values[key]);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${key} is a whole number (0 or more).`);
  return n;
}

const config: CliCommand = {
  name: 'backup config',
  usage: 'hearth backup config [--folder DIR|--no-folder] [--schedule off|daily|weekly] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--json]',
  summary: 'Show or change the backup folder, schedule and rotation',
  options: {
    folder: { type: 'string' },
    'no-folder': { type: 'boolean' },
    schedule: { type: 'string' },
    'keep-daily': { type: 'string' },
    'keep-weekly': { type: 'string' },
    'keep-monthly': { type: 'string' },
  },
  optionHelp: {
    folder: 'Where backups go (a USB drive, a synced folder)',
    'no-folder': 'Forget the folder (automatic backups stop)',
    schedule: 'off, daily (default) or weekly: automatic backups while the app is unlocked',
    'keep-daily': 'How many daily backups rotation keeps (default 7)',
    'keep-weekly': 'How many weekly backups (ISO weeks) rotation keeps (default 4)',
    'keep-monthly': 'How many monthly backups rotation keeps (default 12)',
  },
  async run(ctx, { values }) {
    await ctx.unlock();
    const schedule = str(values.schedule);
    if (schedule !== undefined && schedule !== 'off' && schedule !== 'daily' && schedule !== 'weekly')
      throw new UsageError('--schedule is off, daily or weekly.');
    const current = await ctx.client.backup.settings();
    const keep = { daily: count(values, 'keep-daily'), weekly: count(values, 'keep-weekly'), monthly: count(values, 'keep-monthly') };
    const changedKeep = Object.values(keep).some((v) => v !== undefined);
    const folder = values['no-folder'] === true ? null : str(values.folder) !== undefined ? abs(str(values.folder)!) : undefined;
    const s = await ctx.client.backup.configure({
      ...(folder !== undefined ? { folder } : {}),
      ...(schedule ? { schedule } : {}),
      ...(changedKeep
        ? { keep: { daily: keep.daily ?? current.keep.daily, weekly: keep.weekly ?? current.keep.weekly, monthly: keep.monthly ?? current.keep.monthly } }
        : {}),
    });
    if (ctx.flags.json) printJson(s);
    else {
      out(`Folder:   ${s.folder ?? '(none: choose one with --folder DIR)'}`);
      out(`Schedule: ${s.schedule}${s.nextDueAt ? ` (next ${s.nextDueAt})` : ''}`);
      out(`Keep:     ${s.keep.daily} daily, ${s.keep.weekly} weekly, ${s.keep.monthly} monthly`);
      out(`Last:     ${s.lastBackupAt ?? 'never'}${s.lastError ? ` (last error: ${s.lastError})` : ''}`);
    }
    return EXIT.ok;
  },
};

/** The backup module's commands (listed with it in app/modules.ts). */
export const backupCommands: CliCommand[] = [now, list, verify, restore, config];
