import type { SyncDevice, SyncStatus } from '../../../src-shared/domains/sync/sync.schemas';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine as out, readPassword, stringOption as str, UsageError } from '../../cli/io';

/**
 * `hearth sync status|now|devices|revoke ID|sign-up|sign-in|sign-out|join` (docs/sync.md). The master password comes
 * from --password-file / HEARTH_PASSWORD / a prompt, never an argument; tokens are never printed.
 * Exit codes: 0 ok, 2 bad input, 3 wrong password, 1 anything else (a sync that failed included).
 */

function statusLines(s: SyncStatus): string[] {
  if (!s.configured) return ['Sync is not set up for this profile. Run: hearth sync sign-up --server URL --email ADDRESS'];
  return [
    `Server:  ${s.serverUrl ?? '?'} as ${s.email ?? '?'}`,
    `Device:  ${s.deviceName ?? '?'}${s.signedIn ? '' : ' (signed out)'}`,
    `Last:    ${s.lastSyncAt ?? 'never'}${s.pending > 0 ? `, ${s.pending} change(s) waiting` : ''}`,
    ...(s.lastError ? [`Error:   ${s.lastError.message} (${s.lastError.code}, ${s.lastError.at})`] : []),
    `Background: ${s.background ? (s.stopped ? 'stopped until you sign in again' : 'on') : 'off'}${s.nextAttemptAt ? ` (next ${s.nextAttemptAt})` : ''}`,
  ];
}

const deviceLine = (d: SyncDevice): string =>
  `${d.id}  ${d.name}${d.current ? ' (this device)' : ''}  added ${d.createdAt.slice(0, 10)}${d.revokedAt ? `  revoked ${d.revokedAt.slice(0, 10)}` : d.lastSeenAt ? `  seen ${d.lastSeenAt.slice(0, 16)}` : ''}`;

/** Unlocks the profile with the password read once, and returns it (sign up and sign in need it as well). */
async function unlockWithPassword(ctx: CliContext): Promise<string> {
  const profile = await ctx.pickProfile();
  const password = await readPassword({ passwordFile: ctx.flags.passwordFile, prompt: `Master password for ${profile.name}: ` });
  await ctx.client.profile.unlock({ profileId: profile.id, password });
  return password;
}

const accountOptions = { server: { type: 'string' }, email: { type: 'string' }, 'device-name': { type: 'string' } } as const;
const accountHelp = {
  server: 'The sync server, e.g. https://sync.example.org (http:// only for 127.0.0.1)',
  email: 'The account’s email address',
  'device-name': 'This device’s name in the devices list (default: "Hearth CLI")',
};
function accountFrom(values: Record<string, unknown>, status?: SyncStatus): { serverUrl: string; email: string; deviceName: string } {
  const serverUrl = str(values.server) ?? status?.serverUrl ?? undefined;
  const email = str(values.email) ?? status?.email ?? undefined;
  if (!serverUrl) throw new UsageError('Which server? --server URL');
  if (!email) throw new UsageError('Which account? --email ADDRESS');
  return { serverUrl, email, deviceName: str(values['device-name']) ?? status?.deviceName ?? 'Hearth CLI' };
}

const status: CliCommand = {
  name: 'sync status',
  usage: 'hearth sync status [--json]',
  summary: 'Show the sync account, last sync, last error and waiting changes',
  async run(ctx) {
    await ctx.unlock();
    const s = await ctx.client.sync.status();
    if (ctx.flags.json) printJson(s);
    else for (const l of statusLines(s)) out(l);
    return EXIT.ok;
  },
};

const now: CliCommand = {
  name: 'sync now',
  usage: 'hearth sync now [--json]',
  summary: 'Sync with the server now',
  async run(ctx) {
    await ctx.unlock();
    const r = await ctx.client.sync.syncNow();
    if (ctx.flags.json) printJson(r);
    else out(`Synced in ${(r.report.ms / 1000).toFixed(1)} s: ${r.report.pushed} sent, ${r.report.applied} received, ${r.report.conflicts} conflict(s).`);
    return EXIT.ok;
  },
};

const devices: CliCommand = {
  name: 'sync devices',
  usage: 'hearth sync devices [--json]',
  summary: 'List the devices of the sync account',
  async run(ctx) {
    await ctx.unlock();
    const list = await ctx.client.sync.devices();
    if (ctx.flags.json) printJson(list);
    else for (const d of list) out(deviceLine(d));
    return EXIT.ok;
  },
};

const revoke: CliCommand = {
  name: 'sync revoke',
  usage: 'hearth sync revoke DEVICE_ID [--json]',
  summary: 'Revoke a device: it can no longer sync (its local data stays on it)',
  async run(ctx, { positionals }) {
    if (positionals.length !== 1) throw new UsageError('Which device? hearth sync revoke DEVICE_ID (see hearth sync devices)');
    await ctx.unlock();
    const list = await ctx.client.sync.revokeDevice({ id: positionals[0]! });
    if (ctx.flags.json) printJson(list);
    else out(`Revoked ${positionals[0]}.`);
    return EXIT.ok;
  },
};

const signUp: CliCommand = {
  name: 'sync sign-up',
  usage: 'hearth sync sign-up --server URL --email ADDRESS [--device-name NAME] [--json]',
  summary: 'Create a sync account for this profile (its master password signs in) and sync',
  options: accountOptions,
  optionHelp: accountHelp,
  async run(ctx, { values }) {
    const account = accountFrom(values);
    const password = await unlockWithPassword(ctx);
    const s = await ctx.client.sync.signUp({ ...account, password });
    if (ctx.flags.json) printJson(s);
    else for (const l of statusLines(s)) out(l);
    return EXIT.ok;
  },
};

const signIn: CliCommand = {
  name: 'sync sign-in',
  usage: 'hearth sync sign-in [--server URL] [--email ADDRESS] [--device-name NAME] [--json]',
  summary: 'Sign this profile in to its sync account again (after sign-out or a revoke)',
  options: accountOptions,
  optionHelp: accountHelp,
  async run(ctx, { values }) {
    const password = await unlockWithPassword(ctx);
    const s = await ctx.client.sync.signIn({ ...accountFrom(values, await ctx.client.sync.status()), password });
    if (ctx.flags.json) printJson(s);
    else for (const l of statusLines(s)) out(l);
    return EXIT.ok;
  },
};

const signOut: CliCommand = {
  name: 'sync sign-out',
  usage: 'hearth sync sign-out [--json]',
  summary: 'Sign this device out of sync (local data stays; sign in again to resume)',
  async run(ctx) {
    await ctx.unlock();
    const s = await ctx.client.sync.signOut();
    if (ctx.flags.json) printJson(s);
    else out('Signed out of sync. Your data stays on this device.');
    return EXIT.ok;
  },
};

const join: CliCommand = {
  name: 'sync join',
  usage: 'hearth sync join --server URL --email ADDRESS --name PROFILE_NAME [--device-name NAME] [--json]',
  summary: 'Join a synced account on this device: a new profile with the account’s data; prints its new recovery key (once)',
  options: { ...accountOptions, name: { type: 'string' } },
  optionHelp: { ...accountHelp, name: 'The new local profile’s name' },
  async run(ctx, { values }) {
    const profileName = str(values.name);
    if (!profileName) throw new UsageError('Name the new profile: --name NAME');
    const account = accountFrom(values);
    const password = await readPassword({ passwordFile: ctx.flags.passwordFile, prompt: `Master password of ${account.email}: ` });
    const r = await ctx.client.sync.join({ ...account, password, profileName });
    if (ctx.flags.json) printJson(r);
    else {
      out(`Joined: a new profile "${r.profile.name}" (${r.profile.id})${r.report ? ` with ${r.report.applied} change(s) received` : ''}.`);
      out(`\nIts recovery key (shown once; write it down):\n\n    ${r.recoveryKey}\n`);
    }
    return EXIT.ok;
  },
};

/** The sync module's commands (listed with it in app/modules.ts). */
export const syncCommands: CliCommand[] = [status, now, devices, revoke, signUp, signIn, signOut, join];
