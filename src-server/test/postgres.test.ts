import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from './postgres';

describe.skipIf(POSTGRES_SKIP_REASON)(`PostgreSQL test harness${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let server: Postgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  it('starts a real server on 127.0.0.1 that keeps data across a restart', async () => {
    const url = await server.createDatabase('harness');
    const c1 = new pg.Client({ connectionString: url });
    await c1.connect();
    await c1.query('CREATE TABLE t (v text)');
    await c1.query("INSERT INTO t VALUES ('kept')");
    await c1.end();
    await server.restart();
    const c2 = new pg.Client({ connectionString: url });
    await c2.connect();
    expect((await c2.query('SELECT v FROM t')).rows).toEqual([{ v: 'kept' }]);
    expect((await c2.query('SELECT inet_server_addr()::text AS a')).rows[0].a).toMatch(/^127\.0\.0\.1/);
    await c2.end();
    expect(server.dump('harness')).toContain("'kept'");
  }, 60_000);
});
