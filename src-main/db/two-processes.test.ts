import { utimesSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail, ListItemsResult } from '../../src-shared/domains/vault/vault.schemas';
import { assertCliBuilt, hearth } from '../test/cli';
import { errorOf, PASSWORD, testCore } from '../test/helpers';
import { holdWriteLock, type LockHolder } from '../test/lock-holder';
import { startServe, type ServeProcess } from '../test/serve';
import { DATABASE_FILE } from '../profile/profile-store';

/**
 * docs/security.md#t8: separate processes on one profile. Every process has its own SQLite connection to the
 * same WAL database; a write takes the write lock first (BEGIN IMMEDIATE) and waits up to the busy timeout
 * for another process's write, then gives up with a typed BUSY and changes nothing. Readers never wait.
 */

/** Writes per server in the concurrent-writers test (HEARTH_T8_WRITES raises it for a longer run). */
const WRITES = Number(process.env.HEARTH_T8_WRITES ?? 80);
const note = (title: string) => ({ item: { type: 'note' as const, title } });
const running: { stop(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

/** A profile made by the in-process core (floor KDF), locked unless asked: its id, database file and key, a password file. */
async function lockedProfile(opts: { keepUnlocked?: boolean } = {}) {
  const core = testCore();
  const { profile } = await core.client.profile.create({ name: 'Shared', password: PASSWORD });
  const key = core.profiles.current().keys.db.toString('hex');
  if (!opts.keepUnlocked) await core.client.session.lock();
  const pw = path.join(core.root, 'pw');
  writeFileSync(pw, `${PASSWORD}\n`);
  return { core, profile, key, pw, dbFile: path.join(core.root, profile.id, DATABASE_FILE) };
}

/** Every live item's id, page by page, read by a fresh core on `root`. */
async function allItemIds(root: string, profileId: string): Promise<string[]> {
  const core = testCore(root);
  await core.client.profile.unlock({ profileId, password: PASSWORD });
  const ids: string[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page: ListItemsResult = await core.client.vault.list({ offset, limit: 1000 });
    ids.push(...page.items.map((i) => i.id));
    offset = page.nextOffset;
  }
  expect(core.profiles.current().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  await core.client.session.lock();
  return ids;
}

describe('two processes on one profile', () => {
  it('a write waits the busy timeout for another process’s write lock, then gives up with BUSY; a lock released in time lets it through', async () => {
    process.env.HEARTH_BUSY_TIMEOUT_MS = '700';
    let holder: LockHolder | undefined;
    try {
      const { core, key, dbFile } = await lockedProfile({ keepUnlocked: true });
      holder = await holdWriteLock(dbFile, key, 60_000);
      let started = Date.now();
      const refused = await errorOf(core.client.vault.create(note('blocked')));
      const waited = Date.now() - started;
      expect(refused.code).toBe('BUSY');
      expect(refused.message).toMatch(/another Hearth process .* Nothing was changed; try again/i);
      expect(waited).toBeGreaterThanOrEqual(650); // it waited for the lock …
      expect(waited).toBeLessThan(5000); // … a bounded time
      await holder.release();
      expect((await core.client.vault.list({})).total).toBe(0); // the refused write left nothing

      holder = await holdWriteLock(dbFile, key, 400);
      started = Date.now();
      const item = await core.client.vault.create(note('after the wait'));
      expect(Date.now() - started).toBeGreaterThanOrEqual(100); // it queued behind the other process's write
      await holder.released;
      expect((await core.client.vault.list({})).items.map((i) => i.id)).toEqual([item.id]);
    } finally {
      delete process.env.HEARTH_BUSY_TIMEOUT_MS;
      await holder?.release();
    }
  });

  it('unlock removes temp files a crash left, never one another process is writing right now', async () => {
    const { core, profile } = await lockedProfile();
    const dir = path.join(core.root, profile.id);
    writeFileSync(path.join(dir, 'keyring.json.tmp-0123456789ab'), '{}'); // a password change in flight elsewhere
    const orphan = path.join(dir, 'keyring.json.tmp-ba9876543210');
    writeFileSync(orphan, '{}');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(orphan, hourAgo, hourAgo);
    await core.client.profile.unlock({ profileId: profile.id, password: PASSWORD });
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual(['keyring.json.tmp-0123456789ab']);
  });

  describe('with the hearth command', () => {
    beforeAll(() => assertCliBuilt());

    it('a hearth command blocked by another process’s write exits 1 with a typed BUSY after the busy timeout', async () => {
      const { core, key, dbFile, pw } = await lockedProfile();
      const holder = await holdWriteLock(dbFile, key, 60_000);
      running.push({ stop: () => holder.release() });
      const run = await hearth(
        ['call', 'vault.create', '-', '--password-file', pw],
        { HEARTH_HOME: core.root, HEARTH_BUSY_TIMEOUT_MS: '500' },
        JSON.stringify(note('x')),
      );
      expect(run.code, run.stderr).toBe(1);
      expect(JSON.parse(run.stderr)).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('Another Hearth process') } });
    });

    it('two servers and hearth commands writing at once lose no acknowledged write, and readers keep reading', async () => {
      const { core, profile, pw } = await lockedProfile();
      const env = { HEARTH_HOME: core.root };
      const servers = await Promise.all([startServe(env), startServe(env)]);
      running.push(...servers);
      for (const s of servers) expect(await s.call('profile:unlock', { profileId: profile.id, password: PASSWORD })).toMatchObject({ ok: true });

      const acked: string[] = [];
      const refusals: unknown[] = [];
      let commandsDone = false;
      /**
       * A server writing in a loop, as a busy app would: at least `min` writes, and on until the commands are
       * done, with a breath between writes (SQLite's lock is not fair: two processes writing back to back
       * without a pause would keep a third out until its timeout, which is BUSY, not this test's subject).
       */
      const serverLoop = async (s: ServeProcess, name: string, min: number) => {
        for (let i = 0; i < min || !commandsDone; i++) {
          const r = await s.call<ItemDetail>('vault:create', note(`${name}-${i}`));
          if (r.ok) acked.push(r.value.id);
          else refusals.push(r.error);
          await sleep(2);
        }
      };
      /** A server reading while the others write: every read succeeds and never sees fewer items than were acknowledged before it. */
      const readerLoop = async (s: ServeProcess) => {
        let reads = 0;
        while (!commandsDone || reads < 20) {
          const floor = acked.length;
          const r = await s.call<ListItemsResult>('vault:list', { limit: 1 });
          expect(r.ok && r.value.total >= floor, JSON.stringify(r).slice(0, 300)).toBe(true);
          reads++;
        }
        return reads;
      };
      const commands = async () => {
        try {
          const [write, read] = await Promise.all([
            hearth(['call', 'vault.create', '-', '--password-file', pw], env, JSON.stringify(note('cli'))),
            hearth(['call', 'vault.list', '{"limit":1}', '--password-file', pw], env),
          ]);
          if (write.code === 0) acked.push((JSON.parse(write.stdout) as ItemDetail).id);
          else refusals.push(JSON.parse(write.stderr));
          expect(read.code, read.stderr).toBe(0);
        } finally {
          commandsDone = true;
        }
      };
      const [, , reads] = await Promise.all([serverLoop(servers[0]!, 'a', WRITES), serverLoop(servers[1]!, 'b', WRITES), readerLoop(servers[0]!), commands()]);
      expect(reads).toBeGreaterThanOrEqual(20);
      await Promise.all(servers.map((s) => s.stop()));

      // Any refusal is a typed BUSY; with the default 5 s timeout none is expected here.
      for (const r of refusals) expect(r).toMatchObject({ code: 'BUSY' });
      expect(acked.length).toBeGreaterThanOrEqual(2 * WRITES + 1 - refusals.length);
      const stored = await allItemIds(core.root, profile.id);
      expect(stored.length).toBe(acked.length); // nothing lost, nothing unacknowledged written
      expect(new Set(stored)).toEqual(new Set(acked));
    }, 240_000);
  });
});
