import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineContract, op } from '../../src-shared/ipc/define';
import { AppError } from '../../src-shared/ipc/result';
import { createRouter, toAppError } from './router';

/** Survivors of `npm run mutate` on router.ts (docs/architecture.md#mutation-testing): error mapping, lazy routes, issue text. */
const demo = defineContract('demo', {
  opt: op({ input: z.strictObject({ q: z.string().optional() }), output: z.object({ q: z.string() }), public: true, summary: 'optional input' }),
  deep: op({
    input: z.strictObject({ a: z.strictObject({ b: z.number() }), list: z.array(z.number()) }),
    output: z.strictObject({}),
    public: true,
    summary: 'nested',
  }),
  guarded: op({ input: z.strictObject({}), output: z.strictObject({ ok: z.boolean() }), summary: 'needs unlock' }),
});
const ctx = { transport: 'test' } as const;
const impl = {
  opt: ({ q }: { q?: string }) => ({ q: q ?? 'none', extra: 1 }) as { q: string },
  deep: () => ({}),
  guarded: () => ({ ok: true }),
};

describe('ipc.router edges (mutation tests)', () => {
  it('maps storage errors to typed codes with a helpful message; unknown errors become INTERNAL', () => {
    const cases: [string, string, RegExp][] = [
      ['SQLITE_FULL', 'DISK_FULL', /disk is full/],
      ['ENOSPC', 'DISK_FULL', /disk is full/],
      ['SQLITE_BUSY', 'BUSY', /kept this profile busy/],
      ['SQLITE_LOCKED', 'BUSY', /kept this profile busy/],
      ['SQLITE_CORRUPT', 'CORRUPT', /damaged/],
      ['SQLITE_NOTADB', 'CORRUPT', /damaged/],
      ['SQLITE_READONLY', 'READ_ONLY', /cannot write/],
      ['EROFS', 'READ_ONLY', /cannot write/],
      ['EACCES', 'READ_ONLY', /cannot write/],
      ['SQLITE_ERROR', 'INTERNAL', /^Something went wrong inside Hearth\.$/],
    ];
    for (const [code, expected, message] of cases) {
      const e = toAppError(Object.assign(new Error('raw detail /home/x'), { code }), 'test');
      expect(e.code, code).toBe(expected);
      expect(e.message, code).toMatch(message);
      expect(e.message).not.toContain('/home/x');
    }
    expect(toAppError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }), 'test').toJSON()).toMatchObject({ file: 'hearth.db' });
    const own = new AppError('NOT_FOUND', 'No such item.');
    expect(toAppError(own, 'test')).toBe(own);
  });

  it('treats a missing input as {}, names nested fields by dotted path and caps the issues at 20', async () => {
    const r = createRouter({ isUnlocked: () => true, validateOutput: true });
    r.register(demo, impl);
    expect(await r.dispatch('demo:opt', undefined, ctx)).toEqual({ ok: true, value: { q: 'none' } });
    const bad = await r.dispatch('demo:deep', { a: { b: 'x' }, list: [] }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'a.b' }] } });
    expect(!bad.ok && bad.error.message).toMatch(/^Invalid input for demo:deep: a\.b: /);
    const root = await r.dispatch('demo:deep', 'not an object', ctx);
    expect(!root.ok && root.error.message).toMatch(/^Invalid input for demo:deep: \(input\): /);
    const many = await r.dispatch('demo:deep', { a: { b: 1 }, list: Array.from({ length: 30 }, () => 'x') }, ctx);
    expect(!many.ok && many.error.issues).toHaveLength(20);
    const unknown = await r.dispatch(`x:${'y'.repeat(200)}`, {}, ctx);
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'UNKNOWN_OPERATION', message: `Unknown operation: x:${'y'.repeat(78)}` });
  });

  it('without output validation returns the handler value as is; with it, undeclared fields are stripped', async () => {
    const loose = createRouter({ isUnlocked: () => true, validateOutput: false });
    loose.register(demo, impl);
    expect(await loose.dispatch('demo:opt', { q: 'a' }, ctx)).toEqual({ ok: true, value: { q: 'a', extra: 1 } });
    const strict = createRouter({ isUnlocked: () => true });
    strict.register(demo, impl);
    expect(await strict.dispatch('demo:opt', { q: 'a' }, ctx)).toEqual({ ok: true, value: { q: 'a' } });
  });

  it('refuses a locked call with a message, and counts activity only for accepted non-public calls', async () => {
    let unlocked = false;
    let activity = 0;
    const r = createRouter({ isUnlocked: () => unlocked, onActivity: () => activity++ });
    r.register(demo, impl);
    expect(await r.dispatch('demo:guarded', {}, ctx)).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/locked/) } });
    await r.dispatch('demo:opt', {}, ctx);
    expect(activity).toBe(0);
    unlocked = true;
    expect(await r.dispatch('demo:guarded', {}, ctx)).toEqual({ ok: true, value: { ok: true } });
    expect(activity).toBe(1);
  });

  it('refuses a duplicate channel or a missing handler at registration, and lists what it registered', () => {
    const r = createRouter({ isUnlocked: () => true });
    r.register(demo, impl);
    expect(() => r.register(demo, impl)).toThrow('Duplicate channel demo:opt');
    const missing = { ...impl, deep: undefined } as unknown as typeof impl;
    expect(() => createRouter({ isUnlocked: () => true }).register(demo, missing)).toThrow('No handler for demo:deep');
    expect(r.channels().sort()).toEqual(['demo:deep', 'demo:guarded', 'demo:opt']);
    expect(r.has('demo:opt')).toBe(true);
    expect(r.has('demo:nope')).toBe(false);
  });

  it('loads a lazy contract on its first call only, and a handler missing from the loaded module is INTERNAL', async () => {
    let loads = 0;
    const r = createRouter({ isUnlocked: () => true });
    r.registerLazy(demo, async () => {
      loads++;
      return { ...impl, deep: undefined } as unknown as typeof impl;
    });
    expect(r.has('demo:deep')).toBe(true);
    expect(loads).toBe(0);
    expect(await r.dispatch('demo:opt', { q: 'z' }, ctx)).toEqual({ ok: true, value: { q: 'z' } });
    expect(loads).toBe(1);
    expect(await r.dispatch('demo:deep', { a: { b: 1 }, list: [] }, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
