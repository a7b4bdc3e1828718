import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from '../test/bundle-fixture';
import { tempRoot } from '../test/helpers';
import { holdWriteLock } from '../test/lock-holder';
import { createKysely, openSqlite } from './connection';
import { migrateToLatest, type MigrationStep } from './migrator';
import { migrations } from './migrations';

/**
 * docs/security.md#t18: kill -9 at every step of every migration. A profile database at schema 1 holding data
 * is migrated to latest by a child process (the real open and migrator) that SIGKILLs itself right after step k,
 * for every k; the database is then opened as the next start would. Before the COMMIT returned it must be the
 * old schema exactly (user_version, sqlite_master and rows equal to before); after, fully migrated; never mixed;
 * `integrity_check` ok; and the next start's migration completes with the data intact. The unit run stops at
 * every step except single statements inside a migration (which SQLite holds in the same uncommitted
 * transaction); HEARTH_MIGRATION_KILL_EVERY_STATEMENT=1 stops after every statement as well (~460 kills).
 */
const EVERY_STATEMENT = process.env.HEARTH_MIGRATION_KILL_EVERY_STATEMENT === '1';
const PARALLEL = 2;
let fixture = '';

beforeAll(async () => {
  fixture = await bundleFixture(path.join(import.meta.dirname, 'migrate-kill.fixture.ts'), 'migrate-kill');
});

interface Snapshot {
  version: number;
  schema: unknown[];
  settings: unknown[];
  integrity: unknown;
}

function snapshot(file: string, key: string): Snapshot {
  const db = openSqlite(file, { keyPragma: `x'${key}'`, label: 'hearth.db', create: false });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      schema: db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all(),
      settings: db.prepare('SELECT key, value, created_at, updated_at, deleted_at FROM settings ORDER BY key').all(),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

interface ChildRun {
  signal: NodeJS.Signals | null;
  code: number | null;
  steps: MigrationStep[];
  stderr: string;
}

/** Starts the migrating child (`killAt` 0 runs to the end): `opened` once its database is open, `done` with how it ended and its steps. */
function migrateInChild(file: string, key: string, killAt: number): { opened: Promise<void>; done: Promise<ChildRun> } {
  const child = spawn(process.execPath, [fixture, file, String(killAt)], {
    env: { ...process.env, HEARTH_TEST_DB_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  let opened: () => void = () => undefined;
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.startsWith('OPENED\n')) opened();
  });
  return {
    opened: new Promise((resolve) => (opened = resolve)),
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        const steps = out
          .split('\n')
          .filter((l) => l.startsWith('STEP '))
          .map((l) => JSON.parse(l.slice(5)) as MigrationStep);
        resolve({ code, signal, steps, stderr });
      });
    }),
  };
}

/** Opens the database as the next start does: the real open, then the migrator. */
async function startAgain(file: string, key: string): Promise<void> {
  const sqlite = openSqlite(file, { keyPragma: `x'${key}'`, label: 'hearth.db', create: false });
  try {
    await migrateToLatest(createKysely(sqlite));
  } finally {
    sqlite.close();
  }
}

/** A database at schema 1 (settings only) with data, and its key. */
async function schemaOneWithData(dir: string): Promise<{ file: string; key: string }> {
  const file = path.join(dir, 'v1.db');
  const key = randomBytes(32).toString('hex');
  const sqlite = openSqlite(file, { keyPragma: `x'${key}'`, label: 'hearth.db', create: true });
  await migrateToLatest(createKysely(sqlite), migrations.slice(0, 1));
  const insert = sqlite.prepare('INSERT INTO settings (key, value, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)');
  for (let i = 0; i < 40; i++)
    insert.run(
      `key-${i}`,
      JSON.stringify({ n: i, text: 'é'.repeat(i) }),
      '2026-01-01T00:00:00.000Z',
      `2026-02-0${1 + (i % 9)}T00:00:00.000Z`,
      i % 7 === 0 ? '2026-03-01T00:00:00.000Z' : null,
    );
  sqlite.close();
  return { file, key };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('migrations under kill -9', () => {
  it('leave the old schema exactly or the new one, never a mix, whichever step the process dies at', async () => {
    const dir = tempRoot();
    const { file: v1, key } = await schemaOneWithData(dir);
    const before = snapshot(v1, key);
    expect(before.version).toBe(1);

    const reference = path.join(dir, 'reference.db');
    copyFileSync(v1, reference);
    const steps: MigrationStep[] = [];
    const sqlite = openSqlite(reference, { keyPragma: `x'${key}'`, label: 'hearth.db', create: false });
    await migrateToLatest(createKysely(sqlite), migrations, { onStep: (s) => steps.push(s) });
    sqlite.close();
    const after = snapshot(reference, key);
    expect(after.version).toBe(migrations.length);
    expect(after.settings).toHaveLength(before.settings.length); // 0006 renames the keys; every row moves

    const migrated = new Set(steps.filter((s) => s.kind === 'migrated').map((s) => s.migration));
    expect([...migrated]).toEqual(migrations.slice(1).map((m) => m.name)); // every migration 0002… is crossed
    const commit = steps.find((s) => s.kind === 'committed')!.n;
    const stops = steps.filter((s) => EVERY_STATEMENT || s.kind !== 'statement' || s.n === commit - 1);

    await inPool(stops, PARALLEL, async (stop) => {
      const file = path.join(dir, `k${stop.n}.db`);
      copyFileSync(v1, file);
      const run = await migrateInChild(file, key, stop.n).done;
      expect(run.signal, `step ${stop.n}: ${run.stderr}`).toBe('SIGKILL');
      const found = snapshot(file, key);
      expect(found, `killed after step ${stop.n} (${stop.kind} ${stop.migration ?? ''})`).toEqual(stop.n < commit ? before : after);
      await startAgain(file, key);
      expect(snapshot(file, key)).toEqual(after);
    });
  }, 120_000);

  it('migrates once when two processes open an old profile at the same moment', async () => {
    const dir = tempRoot();
    const { file, key } = await schemaOneWithData(dir);
    // Both children read "pending" while a third process holds the write lock, then queue on it.
    const holder = await holdWriteLock(file, key, 30_000);
    const runs = [migrateInChild(file, key, 0), migrateInChild(file, key, 0)];
    await Promise.all(runs.map((r) => r.opened));
    await new Promise((r) => setTimeout(r, 200));
    await holder.release();
    const [a, b] = await Promise.all(runs.map((r) => r.done));
    expect([a!.code, b!.code], `${a!.stderr}${b!.stderr}`).toEqual([0, 0]);
    // The second found the work done when it got the lock: it began a run and applied nothing.
    expect([a!, b!].every((r) => r.steps.some((s) => s.kind === 'begin'))).toBe(true);
    const migratedBy = [a!, b!].map((r) => r.steps.filter((s) => s.kind === 'migrated').length).sort();
    expect(migratedBy).toEqual([0, migrations.length - 1]);
    const found = snapshot(file, key);
    expect(found.version).toBe(migrations.length);
    expect(found.integrity).toBe('ok');
  });
});
