import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/ipc/result';
import { describeError } from './errors';

describe('describeError', () => {
  it('says "Wrong password" for a wrong master password', () => {
    expect(describeError(new AppError('WRONG_PASSWORD', 'Wrong password.'))).toBe('Wrong password');
  });

  it('keeps main’s wording for a wrong recovery key', () => {
    expect(describeError(new AppError('WRONG_PASSWORD', 'Wrong recovery key.'), 'recovery-key')).toBe('Wrong recovery key');
  });

  it('shows the message of a CORRUPT error, which names the damaged file', () => {
    const err = new AppError('CORRUPT', 'keyring.json is damaged: it is not valid JSON.', { file: 'keyring.json' });
    expect(describeError(err)).toContain('keyring.json');
  });

  it('joins validation issues and hides non-Hearth errors behind a calm sentence', () => {
    const invalid = new AppError('INVALID_INPUT', 'Invalid input', { issues: [{ path: 'name', message: 'Required' }] });
    expect(describeError(invalid)).toBe('Required');
    expect(describeError(new TypeError('x is undefined'))).toBe('Something went wrong. Please try again.');
  });
});
