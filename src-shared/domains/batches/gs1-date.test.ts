import { describe, expect, it } from 'vitest';
import { AppError } from '../../ipc/result';
import { fromGs1Date, toGs1Date } from './gs1-date';

function expectInvalid(fn: () => unknown, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    if (message) expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an INVALID_INPUT AppError');
}

describe('gs1-date', () => {
  describe('GS1 dates', () => {
    it('formats YYMMDD', () => {
      expect(toGs1Date('2026-12-31')).toBe('261231');
      expect(toGs1Date('2028-02-29')).toBe('280229');
      expect(toGs1Date('2030-01-05')).toBe('300105');
      expectInvalid(() => toGs1Date('2026-02-30'));
    });

    it('parses YYMMDD in the 2000s by default', () => {
      expect(fromGs1Date('261231')).toBe('2026-12-31');
      expect(fromGs1Date('280229')).toBe('2028-02-29');
    });

    it('reads DD = 00 as the end of the month, or the start when asked', () => {
      expect(fromGs1Date('261200')).toBe('2026-12-31');
      expect(fromGs1Date('280200')).toBe('2028-02-29');
      expect(fromGs1Date('270200')).toBe('2027-02-28');
      expect(fromGs1Date('261100', { dayZero: 'start-of-month' })).toBe('2026-11-01');
    });

    it('applies the GS1 century window around the reference year', () => {
      expect(fromGs1Date('760101', { referenceYear: 2026 })).toBe('2076-01-01'); // +50: same century
      expect(fromGs1Date('770101', { referenceYear: 2026 })).toBe('1977-01-01'); // +51: previous century
      expect(fromGs1Date('410101', { referenceYear: 2090 })).toBe('2041-01-01'); // −49: same century
      expect(fromGs1Date('400101', { referenceYear: 2090 })).toBe('2140-01-01'); // −50: next century
    });

    it('rejects impossible GS1 dates', () => {
      expectInvalid(() => fromGs1Date('261301'), /no month 13/);
      expectInvalid(() => fromGs1Date('250229'), /not a real calendar date/);
      expectInvalid(() => fromGs1Date('26123'), /six digits/);
      expectInvalid(() => fromGs1Date('26-12-31'), /six digits/);
    });
  });
});
