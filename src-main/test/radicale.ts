import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/**
 * A real Radicale CalDAV server for tests (Debian's `radicale`; CI installs it in .ci/run): one per test file, on
 * 127.0.0.1 only, with a temp storage folder and a plain htpasswd file. `RADICALE_SKIP_REASON` is set only when the
 * binary is missing, so `describe.skipIf(...)` says why instead of passing silently.
 */
export const RADICALE_BIN = ['/usr/bin/radicale', '/usr/local/bin/radicale'].find((p) => spawnSync(p, ['--version']).status === 0) ?? null;
export const RADICALE_SKIP_REASON = RADICALE_BIN ? null : 'radicale is not installed (apt-get install radicale; .ci/run installs it on CI)';

export interface Radicale {
  /** The server's root URL, e.g. http://127.0.0.1:40123/ */
  url: string;
  users: Record<string, string>;
  dir: string;
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: () => string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`radicale exited (${child.exitCode}): ${log()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`radicale did not answer within ${timeoutMs} ms: ${log()}`);
}

/** Starts Radicale with these users (name → password). Call `stop()` in afterAll. */
export async function startRadicale(users: Record<string, string>): Promise<Radicale> {
  if (!RADICALE_BIN) throw new Error(RADICALE_SKIP_REASON!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-radicale-'));
  const port = await freePort();
  const htpasswd = path.join(dir, 'users');
  writeFileSync(
    htpasswd,
    Object.entries(users)
      .map(([u, p]) => `${u}:${p}\n`)
      .join(''),
    { mode: 0o600 },
  );
  const config = path.join(dir, 'config');
  writeFileSync(
    config,
    [
      '[server]',
      // SECURITY: loopback only; never any other address.
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${htpasswd}`,
      'htpasswd_encryption = plain',
      // Radicale waits after a failed login (brute-force damping); the wrong-password test need not wait.
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${path.join(dir, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(RADICALE_BIN, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilAnswering(url, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    users,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
