import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUILT, hearth } from '../test/cli';
import { tempRoot } from '../test/helpers';

// Each test spawns several real CLI processes (seconds each on a busy machine).
describe('cli', { timeout: 240_000 }, () => {
  beforeAll(() => {
    if (!CLI_BUILT) throw new Error('Build first: npm run build');
  });

  it('creates a profile from a password file, lists it, and calls operations with typed exit codes', async () => {
    const home = tempRoot();
    const pwFile = path.join(home, 'pw.txt');
    writeFileSync(pwFile, 'cli-test-password\n');
    const env = { HEARTH_HOME: home };

    const created = await hearth(['profile', 'create', '--name', 'Shop', '--password-file', pwFile, '--json'], env);
    expect(created.code).toBe(0);
    const out = JSON.parse(created.stdout) as { profile: { name: string }; recoveryKey: string };
    expect(out.profile.name).toBe('Shop');
    expect(out.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);

    const list = await hearth(['profile', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'Shop' })]);

    const set = await hearth(['call', 'settings.set', '{"autoLockMinutes":3}', '--password-file', pwFile], env);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ autoLockMinutes: 3 });

    const wrong = await hearth(['call', 'settings.get'], { ...env, HEARTH_PASSWORD: 'nope' });
    expect(wrong.code).toBe(3);
    expect(JSON.parse(wrong.stderr)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });

    const bad = await hearth(['call', 'settings.set', '{"autoLockMinutes":"soon"}'], { ...env, HEARTH_PASSWORD: 'cli-test-password' });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    expect((await hearth(['call', 'nope.nothing'], env)).code).toBe(2);
    expect((await hearth(['call', 'settings.get', '{not json'], env)).code).toBe(2);
    expect((await hearth(['frobnicate'], env)).code).toBe(2);
  });

  it('lists every contract operation with its input as JSON Schema', async () => {
    const res = await hearth(['ops', '--json'], { HEARTH_HOME: tempRoot() });
    const ops = JSON.parse(res.stdout) as { op: string; requiresUnlock: boolean; input: { type?: string } }[];
    const unlock = ops.find((o) => o.op === 'profile:unlock');
    expect(unlock?.requiresUnlock).toBe(false);
    expect(JSON.stringify(unlock?.input)).toContain('recoveryKey');
    expect(ops.find((o) => o.op === 'settings:set')).toMatchObject({ requiresUnlock: true, input: { type: 'object' } });
  });
});
