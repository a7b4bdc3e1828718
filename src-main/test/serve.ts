import { spawn, type ChildProcess } from 'node:child_process';
import type { Result } from '../../src-shared/ipc/result';
import { HEARTH_BIN } from './cli';

/** A running `hearth serve` (browser mode): a long-lived process holding the core, as the app does. */
export interface ServeProcess {
  child: ChildProcess;
  /** This launch's API token (a secret the server holds for its whole life). */
  token: string;
  /** POST /api/call/<channel> with this launch's token: the result as the router returned it. */
  call<T = unknown>(channel: string, input?: unknown): Promise<Result<T>>;
  /** SIGTERM (the server closes and the core shuts down); resolves on exit. */
  stop(): Promise<void>;
}

/** Starts the built `hearth serve` with `env` (HEARTH_HOME …) and Node flags `nodeArgs`, and resolves once it prints its URL. */
export function startServe(env: Record<string, string>, opts: { cwd?: string; nodeArgs?: string[] } = {}): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), HEARTH_BIN, 'serve'], {
      env: { ...process.env, HEARTH_KDF_MEMORY_KIB: '65536', ...env },
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`hearth serve exited (${code}) before it was ready: ${err}`)));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out);
      if (!found) return;
      const [, origin, token] = found as unknown as [string, string, string];
      resolve({
        child,
        token,
        call: async <T>(channel: string, input?: unknown) => {
          try {
            const res = await fetch(`${origin}/api/call/${channel}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-Hearth-Token': token },
              body: input === undefined ? '' : JSON.stringify(input),
            });
            return (await res.json()) as Result<T>;
          } catch (cause) {
            throw new Error(`hearth serve: ${channel} failed (exit ${child.exitCode ?? child.signalCode ?? 'not yet'}): ${err}`, { cause });
          }
        },
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
