import type { SharedCollection } from '../../../src-shared/domains/sync/sync-sharing.schemas';
import { Fingerprint } from '../../../src-shared/sync/fingerprint';
import type { CliCommand } from '../../cli/commands';
import { EXIT, printJson, printLine as out, stringOption, UsageError } from '../../cli/io';

/**
 * `hearth sync shared|share|fingerprint|member-key|invite|remove-member` (docs/sync.md#collections): share the batches register with staff
 * and manage its members from a terminal. Same conventions as sync.cli.ts: the master password from --password-file /
 * HEARTH_PASSWORD / a prompt; exit 0 ok, 2 bad input, 3 wrong password, 1 anything else (not the owner, no such
 * account and a server that cannot be reached included).
 */
const str = (v: unknown): string | undefined => stringOption(v)?.trim() || undefined;

function collectionLines(c: SharedCollection): string[] {
  const head = `${c.id}  ${c.name ?? '(name not readable on this device)'}  ${c.kind}, you: ${c.role}, key v${c.keyVersion}${c.active ? '' : ', not synced into yet'}`;
  return [head, ...c.members.map((m) => `    ${m.role.padEnd(6)}  ${m.email}  ${m.accountId}`)];
}

const printCollection = (c: SharedCollection, json: boolean | undefined, said: string): void => {
  if (json) printJson(c);
  else {
    out(said);
    for (const l of collectionLines(c)) out(l);
  }
};

const shared: CliCommand = {
  name: 'sync shared',
  usage: 'hearth sync shared [--json]',
  summary: 'List the shared collections of the sync account and their members',
  async run(ctx) {
    await ctx.unlock();
    const list = await ctx.client.sync.collections();
    if (ctx.flags.json) printJson(list);
    else if (list.length === 0) out('Nothing shared yet. Share the batches register: hearth sync share --name NAME');
    else for (const c of list) for (const l of collectionLines(c)) out(l);
    return EXIT.ok;
  },
};

const share: CliCommand = {
  name: 'sync share',
  usage: 'hearth sync share --name NAME [--json]',
  summary: 'Share the batches register with staff (this account becomes its owner)',
  options: { name: { type: 'string' } },
  optionHelp: { name: 'The register’s name as members see it, e.g. "Shop register" (sealed: the server cannot read it)' },
  async run(ctx, { values }) {
    const name = str(values.name);
    if (!name) throw new UsageError('Name the shared register: --name NAME');
    await ctx.unlock();
    printCollection(await ctx.client.sync.shareBatches({ name }), ctx.flags.json, 'Shared the batches register.');
    return EXIT.ok;
  },
};

const fingerprint: CliCommand = {
  name: 'sync fingerprint',
  usage: 'hearth sync fingerprint [--json]',
  summary: 'Show this account’s key fingerprint (read it to the owner who invites you)',
  async run(ctx) {
    await ctx.unlock();
    const r = await ctx.client.sync.fingerprint();
    if (ctx.flags.json) printJson(r);
    else out(`Your key fingerprint: ${r.fingerprint}`);
    return EXIT.ok;
  },
};

const memberKey: CliCommand = {
  name: 'sync member-key',
  usage: 'hearth sync member-key --email ADDRESS [--json]',
  summary: 'Show the key fingerprint the server gives for an account (compare it with theirs before inviting)',
  options: { email: { type: 'string' } },
  optionHelp: { email: 'The member’s sync account email (on the same server)' },
  async run(ctx, { values }) {
    const email = str(values.email);
    if (!email) throw new UsageError('Whose key? --email ADDRESS');
    await ctx.unlock();
    const r = await ctx.client.sync.memberKey({ email });
    if (ctx.flags.json) printJson(r);
    else {
      out(`The server gives this key fingerprint for ${r.email}: ${r.fingerprint}`);
      out('Ask them to read theirs (Settings → Sync, or hearth sync fingerprint): invite only if it is the same.');
    }
    return EXIT.ok;
  },
};

const ROLES = ['editor', 'viewer'] as const;
const isRole = (v: string | undefined): v is (typeof ROLES)[number] => v !== undefined && (ROLES as readonly string[]).includes(v);

const invite: CliCommand = {
  name: 'sync invite',
  usage: 'hearth sync invite --collection ID --email ADDRESS --role editor|viewer --fingerprint "1a2b 3c4d …" [--json]',
  summary: 'Invite an account, or change its role (owner only)',
  options: { collection: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, fingerprint: { type: 'string' } },
  optionHelp: {
    collection: 'The collection’s id (see hearth sync shared)',
    email: 'The member’s sync account email (on the same server)',
    role: 'editor (sees and edits) or viewer (only sees)',
    fingerprint: 'The member’s key fingerprint as they read it to you (spaces optional); refused if the server’s key differs',
  },
  async run(ctx, { values }) {
    const collectionId = str(values.collection);
    const email = str(values.email);
    const role = str(values.role);
    if (!collectionId) throw new UsageError('Which collection? --collection ID (see hearth sync shared)');
    if (!email) throw new UsageError('Whom? --email ADDRESS');
    if (!isRole(role)) throw new UsageError('Which role? --role editor|viewer');
    const fp = str(values.fingerprint);
    if (!fp || !Fingerprint.safeParse(fp).success) {
      throw new UsageError(
        'Which key? --fingerprint "1a2b 3c4d …" as the member reads it (hearth sync fingerprint on their side; member-key shows the server’s)',
      );
    }
    await ctx.unlock();
    printCollection(await ctx.client.sync.invite({ collectionId, email, role, fingerprint: fp }), ctx.flags.json, `Invited ${email} as ${role}.`);
    return EXIT.ok;
  },
};

const removeMember: CliCommand = {
  name: 'sync remove-member',
  usage: 'hearth sync remove-member --collection ID --account ID [--json]',
  summary: 'Remove a member and rotate the key (owner only)',
  options: { collection: { type: 'string' }, account: { type: 'string' } },
  optionHelp: { collection: 'The collection’s id (see hearth sync shared)', account: 'The member’s account id (see hearth sync shared)' },
  async run(ctx, { values }) {
    const collectionId = str(values.collection);
    const accountId = str(values.account);
    if (!collectionId) throw new UsageError('Which collection? --collection ID (see hearth sync shared)');
    if (!accountId) throw new UsageError('Whom? --account ID (see hearth sync shared)');
    await ctx.unlock();
    const c = await ctx.client.sync.removeMember({ collectionId, accountId });
    printCollection(c, ctx.flags.json, `Removed ${accountId}; the key is now version ${c.keyVersion}.`);
    return EXIT.ok;
  },
};

/** The sharing commands of the sync module (listed with syncCommands in app/modules.ts). */
export const sharingCommands: CliCommand[] = [shared, share, fingerprint, memberKey, invite, removeMember];
