import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportRun } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { CliContext } from '../../cli/context';
import { printJson, printLine as out, promptHidden, readSecretFile, stringOption as str, UsageError } from '../../cli/io';

/**
 * `hearth mail import`: a file or folder goes to `importStart` with its absolute path (it waits, and re-running the
 * same path resumes an unfinished run), with progress lines on stderr; an `imap://user@host:port/mailbox` URL adds
 * the account (or finds the one for that user and host) and syncs it.
 */

/** 35108 → '34.3 KiB'. */
export const size = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

export async function importPath(ctx: CliContext, target: string, values: Record<string, unknown>): Promise<boolean> {
  const format = str(values.format);
  if (format !== undefined && format !== 'mbox' && format !== 'eml' && format !== 'emlx') throw new UsageError('--format is mbox, eml or emlx.');
  const abs = path.resolve(target);
  if (!(await fs.stat(abs).catch(() => null))) throw new AppError('NOT_FOUND', `There is no file or folder ${abs}.`);
  await ctx.unlock();
  const stop = ctx.core.events.subscribe((channel, payload) => {
    if (channel !== 'email:progress' || ctx.flags.json) return;
    const run = payload as ImportRun;
    const pct = run.totalBytes > 0 ? ` ${Math.min(100, Math.floor((run.checkpoint / run.totalBytes) * 100))} %` : '';
    process.stderr.write(`${run.state}${pct}: ${run.imported} imported, ${run.duplicates} duplicate(s), ${run.unparsed} unparsed\n`);
  });
  try {
    const run = await ctx.client.email.importStart({
      source: { kind: 'path', path: abs },
      format: format as 'mbox' | 'eml' | 'emlx' | undefined,
      folder: str(values.folder),
      wait: true,
    });
    if (ctx.flags.json) printJson(run);
    else {
      out(
        `${run.source}: ${run.imported} message(s) imported, ${run.duplicates} duplicate(s), ${run.unparsed} kept unparsed (${size(run.totalBytes)}, ${run.state}).`,
      );
      if (run.error) out(`Error: ${run.error}`);
    }
    return run.state === 'done';
  } finally {
    stop();
  }
}

/** imap://user@host[:port][/mailbox]; the user may be percent-encoded (user%40example.com). */
export function parseImapUrl(text: string, security: 'tls' | 'starttls' | 'none') {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`Not an IMAP address: ${text}. Use imap://user@host:993/INBOX`);
  }
  const username = decodeURIComponent(url.username);
  if (url.protocol !== 'imap:' || !url.hostname || !username) throw new UsageError('Use imap://user@host[:port][/mailbox].');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : security === 'tls' ? 993 : 143;
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  return { host, port, username, mailbox };
}

export async function importImap(ctx: CliContext, target: string, values: Record<string, unknown>): Promise<boolean> {
  const security = str(values.security) ?? 'tls';
  if (security !== 'tls' && security !== 'starttls' && security !== 'none') throw new UsageError('--security is tls, starttls or none.');
  const { host, port, username, mailbox } = parseImapUrl(target, security);
  if (security === 'none' && host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new AppError('FORBIDDEN', 'An unencrypted connection (--security none) is allowed only to this computer (127.0.0.1 or localhost).');
  }
  await ctx.unlock();
  const accounts = await ctx.client.email.accountList();
  let account = accounts.find((a) => a.host.toLowerCase() === host.toLowerCase() && a.username === username && a.port === port);
  if (!account) {
    const file = str(values['imap-password-file']);
    const password = file
      ? await readSecretFile(file)
      : (process.env.HEARTH_IMAP_PASSWORD ?? (process.stdin.isTTY ? await promptHidden(`IMAP password for ${username}@${host}: `) : undefined));
    if (!password) throw new UsageError('The IMAP password: set HEARTH_IMAP_PASSWORD or use --imap-password-file FILE (never an argument).');
    account = await ctx.client.email.accountAdd({ host, port, security, username, password, folders: mailbox ? [mailbox] : undefined });
    if (!ctx.flags.json) out(`Added the account ${username}@${host}:${port} (password kept in the vault).`);
  }
  const res = await ctx.client.email.accountSync({ id: account.id });
  if (ctx.flags.json) printJson(res);
  else {
    for (const f of res.folders) out(`${f.mailbox}: ${f.fetched} fetched, ${f.duplicates} duplicate(s)`);
    out(`${username}@${host}: ${res.fetched} message(s) fetched, ${res.duplicates} duplicate(s).`);
  }
  return true;
}
