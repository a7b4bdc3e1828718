import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BUILT, HEARTH_BIN, hearth } from '../test/cli';
import { tempRoot } from '../test/helpers';

const PASSWORD = 'read-only folder password';
/** Root ignores file modes, so the unlock runs as "nobody" there; anyone else runs as themselves. */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * As root the check needs "nobody" to be able to run this Node and read the repository; a checkout under
 * a private home folder does not allow that, and then the test says so and skips.
 */
const NOBODY_CANNOT_RUN = ((): string | null => {
  if (!AS_ROOT || !CLI_BUILT) return null;
  const probe = spawnSync(process.execPath, [HEARTH_BIN, '--help'], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
  if (probe.status === 0) return null;
  const reason = `skipped: user "nobody" cannot run ${process.execPath} on ${HEARTH_BIN} (${probe.error?.message ?? probe.stderr.trim().split('\n')[0]}); root ignores file modes, so there is no one else to test a read-only folder with`;
  console.warn(reason);
  return reason;
})();

function runAs(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HEARTH_BIN, ...args], {
      env: { ...process.env, HEARTH_KDF_MEMORY_KIB: '65536', ...env },
      ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe.skipIf(process.platform === 'win32')('read-only profile folder', () => {
  it.skipIf(!CLI_BUILT || NOBODY_CANNOT_RUN !== null)(
    'says READ_ONLY, not CORRUPT, when the profile folder cannot be written',
    { timeout: 120_000 },
    async () => {
      const home = tempRoot();
      chmodSync(home, 0o755);
      const pwFile = path.join(home, 'pw.txt');
      writeFileSync(pwFile, `${PASSWORD}\n`);
      const env = { HEARTH_HOME: path.join(home, 'profiles') };
      expect((await hearth(['profile', 'create', '--name', 'Shop', '--password-file', pwFile], env)).code).toBe(0);
      const [id] = readdirSync(env.HEARTH_HOME);
      const dir = path.join(env.HEARTH_HOME, id!);
      // The owner may read everything but write nothing (no -wal/-shm can be created either).
      const owned = [home, env.HEARTH_HOME, dir, pwFile, ...readdirSync(dir).map((n) => path.join(dir, n))];
      for (const p of owned) if (AS_ROOT) chownSync(p, NOBODY, NOBODY);
      for (const n of readdirSync(dir)) chmodSync(path.join(dir, n), n === 'blobs' ? 0o500 : 0o400);
      chmodSync(dir, 0o500);
      chmodSync(env.HEARTH_HOME, 0o700);
      const res = await runAs(['call', 'settings.get', '--password-file', pwFile], env);
      expect(JSON.parse(res.stderr.split('\n').find((l) => l.startsWith('{')) ?? '{}')).toMatchObject({ error: { code: 'READ_ONLY', file: 'hearth.db' } });
      chmodSync(dir, 0o700);
    },
  );
});
