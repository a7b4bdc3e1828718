import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../../src-server/test/postgres';
import { startTestServer, type TestServer } from '../../../src-server/test/server';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

/**
 * `hearth sync share|fingerprint|member-key|invite|shared|remove-member` on the built CLI against a real server: two
 * accounts, --json and exit codes.
 */
describe.skipIf(POSTGRES_SKIP_REASON)(`sync-sharing.cli${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  beforeAll(async () => {
    assertCliBuilt();
    pg = await startPostgres();
    server = await startTestServer(pg, 'sync_sharing_cli');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await pg?.stop();
  });

  /** A profile in its own HEARTH_HOME, signed up to the test server with the CLI. */
  const account = async (name: string, email: string): Promise<Record<string, string>> => {
    const env = { HEARTH_HOME: tempRoot(), HEARTH_PASSWORD: `cli-${name}-password` };
    ok(await hearth(['profile', 'create', '--name', name, '--allow-weak-password', '--json'], env));
    ok(await hearth(['sync', 'sign-up', '--server', server.url, '--email', email, '--json'], env));
    return env;
  };

  it('the owner shares the register, checks a fingerprint, invites a viewer, lists both, and removing the viewer rotates the key; 2 for bad usage', async () => {
    // Usage errors exit 2 before any unlock: checked while the accounts are made.
    const someId = '00000000-0000-4000-8000-000000000000';
    const usage = [
      ['sync', 'share'],
      ['sync', 'invite', '--collection', someId, '--email', 'staff@example.org', '--role', 'admin'],
      ['sync', 'invite', '--collection', someId, '--email', 'staff@example.org', '--role', 'viewer', '--fingerprint', '1a2b 3c4d'],
      ['sync', 'remove-member', '--collection', someId],
    ];
    const [owner, staffEnv, bad] = await Promise.all([
      account('Shop', 'owner@example.org'),
      account('Staff', 'staff@example.org'),
      Promise.all(usage.map((args) => hearth(args, { HEARTH_HOME: tempRoot() }))),
    ]);
    expect(bad.map((r) => r.code)).toEqual([2, 2, 2, 2]);

    // Staff reads their fingerprint; the owner sees the same for the key the server gives for staff's email.
    const [mine, theirs, shared] = await Promise.all([
      hearth(['sync', 'fingerprint', '--json'], staffEnv),
      hearth(['sync', 'member-key', '--email', 'staff@example.org', '--json'], owner),
      hearth(['sync', 'share', '--name', 'Shop register', '--json'], owner),
    ]);
    const { fingerprint } = JSON.parse(ok(mine).stdout) as { fingerprint: string };
    expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(JSON.parse(ok(theirs).stdout)).toEqual({ email: 'staff@example.org', fingerprint });

    const made = JSON.parse(ok(shared).stdout);
    expect(made).toMatchObject({
      kind: 'batches',
      name: 'Shop register',
      role: 'owner',
      keyVersion: 1,
      members: [{ email: 'owner@example.org', role: 'owner' }],
    });

    const invite = ['sync', 'invite', '--collection', made.id, '--role', 'viewer', '--fingerprint', fingerprint, '--email'];
    // The check comes before anything is wrapped or sent, so the three invites can run side by side: an unknown email,
    // a fingerprint misread in its last digit (refused), and the right one typed without spaces in capitals (normalised).
    const misread = `${fingerprint.slice(0, -1)}${fingerprint.endsWith('0') ? '1' : '0'}`;
    const [unknown, wrong, right] = await Promise.all([
      hearth([...invite, 'nobody@example.org'], owner),
      hearth(['sync', 'invite', '--collection', made.id, '--role', 'viewer', '--email', 'staff@example.org', '--fingerprint', misread], owner),
      hearth([...invite.slice(0, -3), '--fingerprint', fingerprint.replaceAll(' ', '').toUpperCase(), '--email', 'staff@example.org'], owner),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No such sync account/);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/server now gives another key for staff@example\.org: check the fingerprint again/);
    expect(ok(right).stdout).toMatch(/^Invited staff@example\.org as viewer\./);

    const [json, text] = await Promise.all([hearth(['sync', 'shared', '--json'], owner), hearth(['sync', 'shared'], owner)]);
    const list = JSON.parse(ok(json).stdout);
    expect(list).toHaveLength(1);
    expect(list[0].members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'owner@example.org', role: 'owner' }),
        expect.objectContaining({ email: 'staff@example.org', role: 'viewer' }),
      ]),
    );
    expect(ok(text).stdout).toMatch(/Shop register {2}batches, you: owner, key v1\n[^]*viewer {2}staff@example\.org/);
    const staff = list[0].members.find((m: { email: string }) => m.email === 'staff@example.org');

    const after = JSON.parse(ok(await hearth(['sync', 'remove-member', '--collection', made.id, '--account', staff.accountId, '--json'], owner)).stdout);
    expect(after).toMatchObject({ keyVersion: 2, members: [{ email: 'owner@example.org', role: 'owner' }] });
  }, 120_000);
});
