import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/ipc/result';
import { AttemptGuard, FIRST_DELAY_MS, FREE_ATTEMPTS } from './attempts';
import { errorOf } from '../test/helpers';

const fail = (code: 'WRONG_PASSWORD' | 'CORRUPT' | 'BUSY') => () => Promise.reject(new AppError(code, code));

describe('AttemptGuard', () => {
  it('counts only wrong secrets: a damaged keyring or a busy lock never makes the user wait', async () => {
    let now = 1_000_000;
    const guard = new AttemptGuard(() => now);
    for (let i = 0; i < FREE_ATTEMPTS + 3; i++) {
      expect((await errorOf(guard.run('p', fail('CORRUPT')))).code).toBe('CORRUPT');
      expect((await errorOf(guard.run('p', fail('BUSY')))).code).toBe('BUSY');
    }
    expect(guard.waitMs('p')).toBe(0);

    for (let i = 0; i < FREE_ATTEMPTS; i++) await errorOf(guard.run('p', fail('WRONG_PASSWORD')));
    expect(guard.waitMs('p')).toBe(FIRST_DELAY_MS);
    const refused = await errorOf(guard.run('p', async () => 'never checked'));
    expect(refused.code).toBe('BUSY');
    expect(guard.waitMs('other profile')).toBe(0);

    now += FIRST_DELAY_MS;
    expect(await guard.run('p', async () => 'ok')).toBe('ok'); // a success resets the count
    expect(guard.waitMs('p')).toBe(0);
  });
});
