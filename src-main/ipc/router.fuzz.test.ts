import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../src-shared/ipc/result';
import { PASSWORD, testCore } from '../test/helpers';

/**
 * docs/security.md#t9: arbitrary payloads on every real channel, locked and unlocked. Every call must resolve
 * to a well-formed Result (never throw, never crash), carry no stack trace, and never pollute prototypes.
 */
/** Cases per channel, locked and unlocked; `npm run fuzz` runs more (HEARTH_ROUTER_FUZZ_RUNS). */
const RUNS_PER_CHANNEL = Number(process.env.HEARTH_ROUTER_FUZZ_RUNS ?? 600);
const payload = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'password', 'query', 'file'), fc.anything()),
  fc.string({ maxLength: 5000 }),
);

function checkResult(r: unknown): void {
  expect(r).toBeTypeOf('object');
  const res = r as { ok: boolean; error?: { code: string; message: string } };
  if (!res.ok) {
    expect(APP_ERROR_CODES).toContain(res.error!.code);
    expect(res.error!.message).not.toMatch(/\n\s+at |node_modules|SQLITE|\.ts:\d+/);
  }
}

describe('ipc.router fuzz', () => {
  it(
    'answers arbitrary payloads on every channel with a typed Result, locked and unlocked',
    async () => {
      const core = testCore();
      // Skip the few channels whose valid inputs change the session under test (they are tested elsewhere).
      const skip = new Set(['session:lock', 'profile:delete', 'profile:create', 'profile:unlock']);
      for (const unlocked of [false, true]) {
        if (unlocked) await core.router.dispatch('profile:create', { name: 'Fuzz', password: PASSWORD }, { transport: 'test' });
        for (const channel of core.router.channels().filter((c) => !skip.has(c))) {
          await fc.assert(
            fc.asyncProperty(payload, async (input) => {
              checkResult(await core.router.dispatch(channel, input, { transport: 'test' }));
            }),
            { numRuns: RUNS_PER_CHANNEL },
          );
        }
        expect(core.profiles.isUnlocked()).toBe(unlocked);
      }
      for (const name of ['polluted', 'isAdmin', 'x']) expect((Object.prototype as Record<string, unknown>)[name]).toBeUndefined();
    },
    Math.max(240_000, RUNS_PER_CHANNEL * 200),
  );
});
