import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../../src-server/test/postgres';
import { signUpOver, startTestServer, type TestServer } from '../../../src-server/test/server';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

/** `hearth sync share|invite|shared|remove-member` on the built CLI against a real server: two accounts, --json and exit codes. */
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

  /** The owner: a profile in its own HEARTH_HOME, signed up to the test server with the CLI. */
  const ownerAccount = async (): Promise<Record<string, string>> => {
    const env = { HEARTH_HOME: tempRoot(), HEARTH_PASSWORD: 'cli-owner-password' };
    ok(await hearth(['profile', 'create', '--name', 'Shop', '--allow-weak-password', '--json'], env));
    ok(await hearth(['sync', 'sign-up', '--server', server.url, '--email', 'owner@example.org', '--json'], env));
    return env;
  };

  it('the owner shares the register, invites a viewer, lists both, and removing the viewer rotates the key; 2 for bad usage', async () => {
    // The staff account signs up over HTTP (well-formed key material; it only has to be invitable). Usage errors exit
    // 2 before any unlock: checked while the accounts are made.
    const someId = '00000000-0000-4000-8000-000000000000';
    const usage = [
      ['sync', 'share'],
      ['sync', 'invite', '--collection', someId, '--email', 'staff@example.org', '--role', 'admin'],
      ['sync', 'remove-member', '--collection', someId],
    ];
    const [owner, bad] = await Promise.all([
      ownerAccount(),
      Promise.all(usage.map((args) => hearth(args, { HEARTH_HOME: tempRoot() }))),
      signUpOver(server, 'staff@example.org'),
    ]);
    expect(bad.map((r) => r.code)).toEqual([2, 2, 2]);

    const made = JSON.parse(ok(await hearth(['sync', 'share', '--name', 'Shop register', '--json'], owner)).stdout);
    expect(made).toMatchObject({
      kind: 'batches',
      name: 'Shop register',
      role: 'owner',
      keyVersion: 1,
      members: [{ email: 'owner@example.org', role: 'owner' }],
    });

    const invite = ['sync', 'invite', '--collection', made.id, '--role', 'viewer', '--email'];
    const unknown = await hearth([...invite, 'nobody@example.org'], owner);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No such sync account/);
    ok(await hearth([...invite, 'staff@example.org'], owner));

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
