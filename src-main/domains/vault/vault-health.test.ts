import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../src-shared/domains/vault/vault.schemas';
import { PASSWORD, RESOURCES_DIR, testCore } from '../../test/helpers';
import { createVaultHealth } from './vault-health';

/** The health report on a real profile: zxcvbn in worker threads, verdicts cached per keyed digest. */
async function setup() {
  const core = testCore();
  await core.client.profile.create({ name: 'H', password: PASSWORD });
  const progress: { done: number; total: number }[] = [];
  const health = createVaultHealth({
    db: () => core.profiles.current().db,
    write: (fn) => core.domainContext('vault').write(fn),
    itemsKey: () => core.profiles.current().keys.items,
    resourcesDir: RESOURCES_DIR,
    jobs: core.domainContext('vault').host.jobs,
    onProgress: (p) => progress.push(p),
  });
  const login = (title: string, password: string) =>
    core.client.vault.create({ item: { type: 'login', title, login: { username: 'me', password, urls: [] } } });
  const cache = () => core.profiles.current().sqlite.prepare('SELECT * FROM vault_strength_cache').all() as { id: string; score: number }[];
  const reasons = (r: HealthReport) => Object.fromEntries(r.findings.map((f) => [f.title, f.reasons]));
  return { core, health, progress, login, cache, reasons };
}

describe('vault health report', () => {
  it('scores each distinct password once in a worker, then answers from the cache', async () => {
    const { health, progress, login, cache, reasons } = await setup();
    await login('Mail', 'password1');
    await login('Shop', 'password1');
    await login('Bank', 'vT9#qL2!mZ8@wR4$');
    const first = await health.report();
    expect(first.checked).toBe(3);
    expect(reasons(first)).toEqual({ Mail: ['reused', 'weak'], Shop: ['reused', 'weak'] });
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 }); // two distinct passwords went to the worker
    expect(cache()).toHaveLength(2);

    progress.length = 0;
    expect(await health.report()).toEqual(first);
    expect(progress).toEqual([]); // nothing left to score
  });

  it('keys the cache with an HMAC under the profile key: no password, no plain hash of one', async () => {
    const { health, login, cache } = await setup();
    await login('Mail', 'password1');
    await health.report();
    const [row] = cache();
    const json = JSON.stringify(cache());
    expect(json).not.toContain('password1');
    for (const enc of ['hex', 'base64', 'base64url'] as const) {
      expect(row!.id).not.toBe(createHash('sha256').update('password1').digest(enc));
      expect(row!.id).not.toBe(createHash('sha1').update('password1').digest(enc));
    }
  });

  it('re-scores a login whose password changed, and forgets the old verdict', async () => {
    const { core, health, login, cache, reasons, progress } = await setup();
    const mail = await login('Mail', 'password1');
    await login('Bank', 'vT9#qL2!mZ8@wR4$');
    expect(reasons(await health.report())).toEqual({ Mail: ['weak'] });
    const before = cache().map((r) => r.id);

    await core.client.vault.update({ id: mail.id, item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'Qh7$kP3&zN9!xB2^', urls: [] } } });
    progress.length = 0;
    expect(reasons(await health.report())).toEqual({});
    expect(progress.at(-1)).toEqual({ done: 1, total: 1 }); // only the new password was scored
    const after = cache().map((r) => r.id);
    expect(after).toHaveLength(2);
    expect(after.filter((id) => before.includes(id))).toHaveLength(1); // Bank's verdict kept, Mail's old one dropped

    // Back to the weak password: a fresh verdict, not a stale "strong".
    await core.client.vault.update({ id: mail.id, item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'password1', urls: [] } } });
    expect(reasons(await health.report())).toEqual({ Mail: ['weak'] });
  });

  it('remembers digests while unlocked, and re-opens a password whose cached verdict another process dropped', async () => {
    const { core, health, login, cache, reasons, progress } = await setup();
    await login('Mail', 'password1');
    await login('Bank', 'vT9#qL2!mZ8@wR4$');
    const first = await health.report();
    expect(reasons(first)).toEqual({ Mail: ['weak'] });
    // Another process's report (or a trash/restore in between) pruned every verdict: nothing may turn "weak" by default.
    core.profiles.current().sqlite.prepare('DELETE FROM vault_strength_cache').run();
    progress.length = 0;
    expect(await health.report()).toEqual(first);
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    expect(cache()).toHaveLength(2);
    // Locking forgets the remembered digests; the report is the same after unlocking.
    health.reset();
    expect(await health.report()).toEqual(first);
  });

  it('answers through the router too (vault:health)', async () => {
    const { core, login } = await setup();
    await login('Mail', 'password1');
    const report = await core.client.vault.health();
    expect(report.findings.map((f) => f.reasons)).toEqual([['weak']]);
  });
});
