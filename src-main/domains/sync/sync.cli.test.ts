import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../../src-server/test/postgres';
import { startTestServer, type TestServer } from '../../../src-server/test/server';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

/** `hearth sync status|sign-up|now|devices|revoke` on the built CLI against a real server: --json output and exit codes. */
describe.skipIf(POSTGRES_SKIP_REASON)(`sync.cli${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  beforeAll(async () => {
    assertCliBuilt();
    pg = await startPostgres();
    server = await startTestServer(pg, 'sync_cli');
  }, 60_000);
  let serverClosed = false;
  afterAll(async () => {
    if (!serverClosed) await server?.close();
    await pg?.stop();
  });

  it('shows the status as JSON, signs up, syncs and lists devices; 2 for bad usage, 1 when the server is gone', async () => {
    const env = { HEARTH_HOME: tempRoot(), HEARTH_PASSWORD: 'cli-sync-password' };
    ok(await hearth(['profile', 'create', '--name', 'Shop', '--allow-weak-password', '--json'], env));

    expect(JSON.parse(ok(await hearth(['sync', 'status', '--json'], env)).stdout)).toMatchObject({ configured: false, signedIn: false, pending: 0 });
    expect((await hearth(['sync', 'sign-up', '--email', 'shop@example.org'], env)).code).toBe(2); // no --server

    const up = JSON.parse(
      ok(await hearth(['sync', 'sign-up', '--server', server.url, '--email', 'shop@example.org', '--device-name', 'Till', '--json'], env)).stdout,
    );
    expect(up).toMatchObject({ configured: true, signedIn: true, email: 'shop@example.org', deviceName: 'Till', lastError: null, background: true });
    const status = ok(await hearth(['sync', 'status', '--json'], env)).stdout;
    expect(JSON.parse(status)).toMatchObject({ signedIn: true, serverUrl: server.url, running: false });
    expect(status).not.toMatch(/token/i);

    expect(JSON.parse(ok(await hearth(['sync', 'now', '--json'], env)).stdout).report).toMatchObject({ conflicts: 0 });
    const devices = JSON.parse(ok(await hearth(['sync', 'devices', '--json'], env)).stdout);
    expect(devices).toEqual([expect.objectContaining({ name: 'Till', current: true, revokedAt: null })]);
    expect((await hearth(['sync', 'revoke'], env)).code).toBe(2);

    await server.close();
    serverClosed = true;
    const offline = await hearth(['sync', 'now'], env);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/cannot reach the sync server/i);
  }, 180_000);
});
