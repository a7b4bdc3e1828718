import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { ServerLimits } from '../context';
import { freePort } from '../../src-main/test/free-port';

/**
 * The sync server as a real child process on 127.0.0.1 (server-child.ts bundled once per test process with esbuild,
 * like the worker bundle): for fault tests that SIGKILL it mid-push and restart it on the same port, or check that
 * it stays up while PostgreSQL restarts. Its JSON log lines are captured (`lines()`), so a test can act on
 * "the first push was answered" or look for leaks.
 */
export interface ServerProcess {
  /** http://127.0.0.1:<port> (stable across restarts). */
  url: string;
  port: number;
  /** Every stdout line the server wrote, across restarts. */
  lines(): string[];
  /** Resolves with the first line (from now on, or already captured when `past`) that matches. */
  waitForLine(match: (line: string) => boolean, opts?: { timeoutMs?: number; past?: boolean }): Promise<string>;
  /** Whether the process is running. */
  alive(): boolean;
  /** The end of the process's stderr (crash reports), since the last start. */
  stderr(): string;
  /** Sends a signal (default SIGKILL) and waits for the exit; returns the exit signal or code. */
  kill(signal?: NodeJS.Signals): Promise<string | number | null>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  databaseUrl: string;
  /** HEARTH_SERVER_BLOBS form: fs:/path or s3://… */
  blobs: string;
  limits?: Partial<Pick<ServerLimits, 'authRateLimit' | 'argon2' | 'maintenanceIntervalMs'>>;
  /** Extra environment (e.g. S3 credentials). */
  env?: Record<string, string>;
}

const ENTRY = path.join(import.meta.dirname, 'server-child.ts');
// Inside node_modules so the bundle's external packages resolve (like the worker bundle). Test files run in parallel:
// each builds to its own temp name and renames it into place, so a spawn never reads a half-written bundle.
const OUT = path.resolve(import.meta.dirname, '../../node_modules/.cache/hearth-test/sync-server.cjs');
let bundled: Promise<string> | null = null;

function bundle(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(path.dirname(OUT), { recursive: true });
    const temp = `${OUT}.${process.pid}.tmp`;
    await build({
      entryPoints: [ENTRY],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      packages: 'external',
      logLevel: 'warning',
    });
    renameSync(temp, OUT);
    return OUT;
  })();
  return bundled;
}

/** Starts the server process and waits until it listens. Call `stop()` in afterAll. */
export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const file = await bundle();
  const port = await freePort();
  const config = JSON.stringify({ databaseUrl: opts.databaseUrl, blobs: opts.blobs, port, limits: opts.limits, secretHex: randomBytes(32).toString('hex') });
  const all: string[] = [];
  const waiters = new Set<(line: string) => void>();
  let child: ChildProcess | null = null;
  let stderr = '';

  const onLine = (line: string) => {
    all.push(line);
    for (const w of [...waiters]) w(line);
  };

  function waitForLine(match: (line: string) => boolean, { timeoutMs = 15_000, past = false } = {}): Promise<string> {
    if (past) {
      const found = all.find(match);
      if (found !== undefined) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`server line not seen within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter = (line: string) => {
        if (!match(line)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(line);
      };
      waiters.add(waiter);
    });
  }

  async function start(): Promise<void> {
    stderr = '';
    const c = spawn(process.execPath, [file], {
      env: { ...process.env, ...opts.env, HEARTH_TEST_SERVER_CONFIG: config },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let partial = '';
    c.stdout!.setEncoding('utf8').on('data', (d: string) => {
      const parts = (partial + d).split('\n');
      partial = parts.pop() ?? '';
      for (const l of parts) onLine(l);
    });
    c.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-8000)));
    const exited = new Promise<never>((_, reject) =>
      c.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr.slice(-2000)}`))),
    );
    await Promise.race([waitForLine((l) => l.includes('"msg":"listening"')), exited]);
    exited.catch(() => undefined);
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<string | number | null> {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return c?.signalCode ?? c?.exitCode ?? null;
    const done = new Promise<string | number | null>((r) => c.once('exit', (code, sig) => r(sig ?? code)));
    c.kill(signal);
    return done;
  }

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    lines: () => [...all],
    waitForLine,
    alive: () => child !== null && child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    kill,
    start,
    async stop() {
      await kill('SIGTERM');
    },
  };
}
