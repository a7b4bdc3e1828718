import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src-main/test/free-port.ts';

/**
 * A real PostgreSQL server for tests (Debian's `postgresql` package; CI installs it in .ci/run): `initdb` in a
 * temp folder, listening on 127.0.0.1 only, started and stopped by the test file. PostgreSQL refuses to run as
 * root, so under root the cluster belongs to the `postgres` user the package creates. `POSTGRES_SKIP_REASON` is
 * set only when the binaries are missing, so `describe.skipIf(...)` says why instead of passing silently.
 *
 * Plain JavaScript so plain Node loads it too (e2e/run.mjs starts a cluster for the sync spec); the unit tests
 * import it through src-server/test/postgres.ts, with the types of postgres-harness.d.mts.
 */
/** @returns {string | null} */
function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

export const POSTGRES_BIN_DIR = findBinDir();
export const POSTGRES_SKIP_REASON = POSTGRES_BIN_DIR ? null : 'PostgreSQL is not installed (apt-get install postgresql; .ci/run installs it on CI)';

const asRoot = process.getuid?.() === 0;
const pgUser = (() => {
  if (!asRoot) return null;
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return r.status === 0 ? { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) } : null;
})();

/**
 * @param {string} bin @param {string[]} args @param {string} dir
 * @returns {{ status: number | null, out: string }}
 */
function run(bin, args, dir) {
  const r = spawnSync(path.join(/** @type {string} */ (POSTGRES_BIN_DIR), bin), args, {
    encoding: 'utf8',
    cwd: dir,
    ...(pgUser ? { uid: pgUser.uid, gid: pgUser.gid } : {}),
    env: { ...process.env, LC_ALL: 'C' },
  });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/**
 * Starts a throwaway cluster. Call `stop()` in afterAll (the types are in postgres-harness.d.mts).
 * @returns {Promise<import('./postgres-harness.d.mts').Postgres>}
 */
export async function startPostgres() {
  if (!POSTGRES_BIN_DIR) throw new Error(String(POSTGRES_SKIP_REASON));
  if (asRoot && !pgUser) throw new Error('Running as root, and there is no "postgres" user to run PostgreSQL as');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-pg-'));
  chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
  const init = run('initdb', ['-D', data, '-U', 'hearth', '--auth=trust', '-E', 'UTF8', '--no-sync'], dir);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.out}`);
  const port = await freePort();
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let output = '';

  async function start() {
    output = '';
    child = spawn(
      path.join(/** @type {string} */ (POSTGRES_BIN_DIR), 'postgres'),
      // SECURITY: loopback only, never any other address; the socket lives in the temp folder.
      [
        '-D',
        data,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, ...(pgUser ? { uid: pgUser.uid, gid: pgUser.gid } : {}) },
    );
    child.stdout?.on('data', (/** @type {Buffer} */ d) => (output = (output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (/** @type {Buffer} */ d) => (output = (output + d.toString()).slice(-4000)));
    const until = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${output}`);
      if (run('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-U', 'hearth'], dir).status === 0) return;
      if (Date.now() > until) throw new Error(`postgres did not start within 20 s: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stopServer() {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', () => r(undefined)));
    c.kill('SIGINT'); // fast shutdown
    await exited;
    child = null;
  }

  await start();
  const url = (/** @type {string} */ database = 'postgres') => `postgres://hearth@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Bad database name: ${name}`);
      const r = run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'hearth', name], dir);
      if (r.status !== 0) throw new Error(`createdb ${name} failed: ${r.out}`);
      return url(name);
    },
    dump(database) {
      const r = spawnSync(
        path.join(/** @type {string} */ (POSTGRES_BIN_DIR), 'pg_dump'),
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'hearth', '--inserts', database],
        {
          encoding: 'utf8',
          maxBuffer: 1024 * 1024 * 1024,
        },
      );
      if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr}`);
      return r.stdout;
    },
    async restart() {
      await stopServer();
      await start();
    },
    stopServer,
    start,
    async stop() {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
