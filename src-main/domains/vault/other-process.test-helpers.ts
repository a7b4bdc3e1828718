import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterEach } from 'vitest';
import { AppError, type Result } from '../../../src-shared/ipc/result';
import { PASSWORD, RESOURCES_DIR } from '../../test/helpers';

/** Test helper: another Node process with its own core and SQLite connection on the same profile. */
export interface OtherProcess {
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
}

const BUNDLE = path.resolve(import.meta.dirname, '../../../node_modules/.cache/hearth-test/other-process.cjs');
let built: Promise<unknown> | null = null;

/** Bundles `other-process.fixture.ts` once per test file, starts it on `root` and waits until it has unlocked. */
export async function startOtherProcess(root: string, password = PASSWORD): Promise<OtherProcess> {
  built ??= build({
    entryPoints: [path.join(import.meta.dirname, 'other-process.fixture.ts')],
    outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', logLevel: 'warning',
  });
  await built;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BUNDLE, root, RESOURCES_DIR, password], { stdio: ['pipe', 'pipe', 'pipe'] });
  afterEach(() => void child.kill());
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const waiting: { resolve(line: string): void; reject(err: Error): void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(line));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`other process exited (${code}): ${stderr}`));
  });
  const next = () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  await next();
  return {
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const answer = next();
      child.stdin.write(`${JSON.stringify({ channel, input })}\n`);
      const r = JSON.parse(await answer) as Result<unknown>;
      if (!r.ok) throw AppError.fromData(r.error);
      return r.value as T;
    },
  };
}
