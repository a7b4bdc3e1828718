// The sync server for the specs that need one (a spec exports `needsSyncServer`): a real PostgreSQL cluster from
// scripts/postgres-harness.mjs (the unit tests' harness) and the built server, `node dist/main/server.cjs`, on
// 127.0.0.1 with a filesystem blob folder. Nothing listens anywhere but loopback.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POSTGRES_SKIP_REASON, startPostgres } from '../../scripts/postgres-harness.mjs';
import { freePort } from '../../src-main/test/free-port.ts';

export const SYNC_SERVER_SKIP_REASON = POSTGRES_SKIP_REASON;

/** Starts PostgreSQL and the sync server; resolves with its URL and `stop()` (which removes everything). */
export async function startSyncServer(root) {
  const pg = await startPostgres();
  const blobs = mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-sync-blobs-'));
  const port = await freePort();
  const output = { stdout: '', stderr: '' };
  let child = null;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const done = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
      if (done === 'timeout') child.kill('SIGKILL');
    }
    await pg.stop();
    rmSync(blobs, { recursive: true, force: true });
  };
  try {
    const databaseUrl = await pg.createDatabase('hearth_e2e');
    child = spawn(process.execPath, [path.join(root, 'dist/main/server.cjs')], {
      cwd: root,
      env: {
        ...process.env,
        HEARTH_SERVER_DATABASE_URL: databaseUrl,
        HEARTH_SERVER_BLOBS: `fs:${blobs}`,
        HEARTH_SERVER_HOST: '127.0.0.1',
        HEARTH_SERVER_PORT: String(port),
        HEARTH_SERVER_SECRET: randomBytes(32).toString('base64url'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output.stdout = (output.stdout + d).slice(-20_000)));
    child.stderr.on('data', (d) => (output.stderr = (output.stderr + d).slice(-20_000)));
    const url = `http://127.0.0.1:${port}`;
    const until = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the sync server exited (${child.exitCode}): ${output.stderr.slice(-2000)}`);
      const ok = await fetch(`${url}/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > until) throw new Error(`the sync server did not answer /health within 30 s: ${output.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { url, output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
