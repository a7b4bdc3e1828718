import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineContract, op } from '../../src-shared/ipc/define';
import { AppError } from '../../src-shared/ipc/result';
import { createRouter } from './router';

const demo = defineContract('demo', {
  echo: op({ input: z.strictObject({ text: z.string().max(10) }), output: z.strictObject({ text: z.string() }), public: true, summary: 'echo' }),
  secret: op({ input: z.strictObject({}), output: z.strictObject({ ok: z.boolean() }), summary: 'needs unlock' }),
  leaky: op({ input: z.strictObject({}), output: z.strictObject({ title: z.string() }), public: true, summary: 'returns extra' }),
  boom: op({ input: z.strictObject({}), output: z.strictObject({}), public: true, summary: 'throws' }),
  notFound: op({ input: z.strictObject({}), output: z.strictObject({}), public: true, summary: 'throws AppError' }),
});

function router(unlocked = false) {
  const r = createRouter({ isUnlocked: () => unlocked });
  r.register(demo, {
    echo: ({ text }) => ({ text }),
    secret: () => ({ ok: true }),
    leaky: () => ({ title: 't', password: 'hunter2' }) as { title: string },
    boom: () => {
      throw new Error('SELECT * FROM secrets at /home/user/.config');
    },
    notFound: () => {
      throw new AppError('NOT_FOUND', 'No item with id X.');
    },
  });
  return r;
}

const ctx = { transport: 'test' } as const;

describe('ipc.router', () => {
  it('runs a valid call and returns its value', async () => {
    expect(await router().dispatch('demo:echo', { text: 'hi' }, ctx)).toEqual({ ok: true, value: { text: 'hi' } });
  });

  it('rejects unknown operations with UNKNOWN_OPERATION', async () => {
    for (const channel of ['demo:nope', 'nope', '', '__proto__', 'constructor', 'demo:echo:extra']) {
      const r = await router().dispatch(channel, {}, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
    expect(await router().dispatch(42 as unknown as string, {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('rejects malformed input with INVALID_INPUT and the field path', async () => {
    const cases: unknown[] = [
      { text: 'x'.repeat(11) },
      { text: 5 },
      { text: 'ok', extra: 1 },
      null,
      'text',
      [1],
      { ['__proto__']: { polluted: true }, text: 'a' },
      JSON.parse('{"__proto__": {"polluted": true}, "text": "a"}'),
    ];
    for (const input of cases) {
      const r = await router().dispatch('demo:echo', input, ctx);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    const r = await router().dispatch('demo:echo', { text: 7 }, ctx);
    expect(r).toMatchObject({ ok: false, error: { issues: [{ path: 'text' }] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects locked-only operations while locked', async () => {
    expect(await router(false).dispatch('demo:secret', {}, ctx)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await router(true).dispatch('demo:secret', {}, ctx)).toEqual({ ok: true, value: { ok: true } });
  });

  it('turns unknown exceptions into INTERNAL without stack, SQL or paths', async () => {
    const r = await router().dispatch('demo:boom', {}, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Hearth.' } });
  });

  it('passes AppErrors through with their code', async () => {
    expect(await router().dispatch('demo:notFound', {}, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No item with id X.' } });
  });

  it('rejects an output that does not match the contract, so undeclared fields never leave main', async () => {
    const r = await router().dispatch('demo:leaky', {}, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('never throws, whatever the payload', async () => {
    const r = router(true);
    const weird: unknown[] = [undefined, NaN, Infinity, new Map(), new Date(), new Uint8Array(4), { a: { b: { c: {} } } }, Symbol.for('x'), () => 1];
    for (const input of weird) for (const ch of r.channels()) await expect(r.dispatch(ch, input, ctx)).resolves.toHaveProperty('ok');
  });
});
