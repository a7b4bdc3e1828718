import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';
import type { AppClient } from '../../../src-shared/ipc/channels';
import { createClient } from '../../../src-shared/ipc/client';
import { channelOf } from '../../../src-shared/ipc/define';
import { AppError, type Result } from '../../../src-shared/ipc/result';
import { PASSWORD, RESOURCES_DIR } from '../../test/helpers';
import { bundleFixture } from '../../test/bundle-fixture';

/** Test helper: another Node process with its own core and SQLite connection on the same profile. */
export interface OtherProcess {
  /** The typed client, each call answered by the other process's router: `other.client.vault.list({})`. */
  client: AppClient;
}

let built: Promise<string> | null = null;

/** Bundles `other-process.fixture.ts` once per test file, starts it on `root` and waits until it has unlocked. */
export async function startOtherProcess(root: string, password = PASSWORD): Promise<OtherProcess> {
  built ??= bundleFixture(path.join(import.meta.dirname, 'other-process.fixture.ts'), 'other-process');
  const bundle = await built;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [bundle, root, RESOURCES_DIR, password], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  const client = createClient({
    async call(domain, op, input) {
      const answer = next();
      child.stdin.write(`${JSON.stringify({ channel: channelOf(domain, op), input })}\n`);
      return JSON.parse(await answer) as Result<unknown>;
    },
    // The fixture answers calls only; no test listens to the other process's events.
    listen: (domain, event) => {
      throw new AppError('UNSUPPORTED', `The other process does not forward events (${channelOf(domain, event)})`);
    },
  });
  return { client };
}
