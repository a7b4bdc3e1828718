import { describe, expect, it } from 'vitest';
import { AppError } from '../../ipc/result';
import { computeGtinCheckDigit, Gtin, isRestrictedCirculation, isValidGtin, toGtin14, validateGtin } from './gtin';

/** A valid GTIN made of `body` plus its computed check digit. */
const withCheck = (body: string): string => body + computeGtinCheckDigit(body);

describe('gtin', () => {
  describe('computeGtinCheckDigit', () => {
    it('matches the check digits of well-known GTINs', () => {
      expect(computeGtinCheckDigit('400638133393')).toBe('1'); // EAN-13 4006381333931
      expect(computeGtinCheckDigit('03600029145')).toBe('2'); // UPC-A 036000291452
      expect(computeGtinCheckDigit('9638507')).toBe('4'); // EAN-8 96385074
      expect(computeGtinCheckDigit('0952123454321')).toBe('3'); // GTIN-14 09521234543213 (GS1 Digital Link examples)
      expect(computeGtinCheckDigit('590123412345')).toBe('7'); // EAN-13 5901234123457
      expect(computeGtinCheckDigit('629104150021')).toBe('3'); // GS1 check digit example 6291041500213
    });

    it('weights the rightmost digit by 3 and gives 0 for a sum that is already a multiple of 10', () => {
      expect(computeGtinCheckDigit('0000000000019')).toBe('2'); // 9×3 + 1×1 = 28
      expect(computeGtinCheckDigit('0000000000055')).toBe('0'); // 5×3 + 5×1 = 20
      expect(computeGtinCheckDigit('000000000000')).toBe('0');
      expect(computeGtinCheckDigit('400638133394')).toBe('8');
    });

    it('refuses non-digits and more than 17 digits', () => {
      expect(() => computeGtinCheckDigit('12a4')).toThrow(AppError);
      expect(() => computeGtinCheckDigit('')).toThrow(AppError);
      expect(() => computeGtinCheckDigit('1'.repeat(18))).toThrow(AppError);
    });
  });

  describe('validateGtin', () => {
    it('accepts GTIN-8, -12, -13 and -14 and pads them to 14 digits', () => {
      expect(validateGtin('96385074')).toEqual({ valid: true, gtin14: '00000096385074', isLocal: false });
      expect(validateGtin('036000291452')).toEqual({ valid: true, gtin14: '00036000291452', isLocal: false });
      expect(validateGtin('4006381333931')).toEqual({ valid: true, gtin14: '04006381333931', isLocal: false });
      expect(validateGtin('09521234543213')).toEqual({ valid: true, gtin14: '09521234543213', isLocal: false });
      expect(validateGtin(' 5901234123457 ')).toEqual({ valid: true, gtin14: '05901234123457', isLocal: false });
    });

    it('names the expected check digit when it is wrong', () => {
      expect(validateGtin('4006381333932')).toEqual({
        valid: false,
        isLocal: false,
        error: 'The check digit of 4006381333932 should be 1, not 2.',
      });
    });

    it('rejects empty input, non-digits and other lengths', () => {
      expect(validateGtin('').error).toMatch(/Enter a GTIN/);
      expect(validateGtin('4006-3813-3393-1').error).toMatch(/digits only/);
      expect(validateGtin('12345670').valid).toBe(true);
      for (const length of [7, 9, 10, 11, 15]) {
        const result = validateGtin(withCheck('1'.repeat(length - 1)));
        expect(result.valid, `length ${length}`).toBe(false);
        expect(result.error).toMatch(new RegExp(`not ${length}`));
      }
      expect(isValidGtin('4006381333931')).toBe(true);
      expect(isValidGtin('4006381333930')).toBe(false);
    });
  });

  describe('toGtin14', () => {
    it('pads a GTIN-13 with one leading zero', () => {
      expect(toGtin14('5901234123457')).toBe('05901234123457');
      expect(toGtin14('96385074')).toBe('00000096385074');
    });

    it('throws INVALID_INPUT with the reason for an invalid GTIN', () => {
      expect(() => toGtin14('5901234123458')).toThrow(/should be 7, not 8/);
      try {
        toGtin14('abc');
      } catch (error) {
        expect((error as AppError).code).toBe('INVALID_INPUT');
      }
    });
  });

  describe('restricted circulation numbers', () => {
    it('flags GTIN-13 prefixes 02, 04 and 20–29', () => {
      for (const prefix of ['02', '04', '20', '21', '25', '29']) {
        const gtin = withCheck(`${prefix}1234567890`);
        expect(validateGtin(gtin).isLocal, prefix).toBe(true);
      }
    });

    it('does not flag global prefixes next to them', () => {
      for (const prefix of ['01', '03', '05', '19', '30', '40', '50', '59', '96']) {
        const gtin = withCheck(`${prefix}1234567890`);
        expect(validateGtin(gtin).isLocal, prefix).toBe(false);
      }
    });

    it('flags U.P.C. prefixes 2 and 4 on GTIN-12s', () => {
      expect(validateGtin(withCheck('21234567890')).isLocal).toBe(true);
      expect(validateGtin(withCheck('41234567890')).isLocal).toBe(true);
      expect(validateGtin(withCheck('01234567890')).isLocal).toBe(false);
      expect(validateGtin('036000291452').isLocal).toBe(false);
    });

    it('flags GTIN-8s starting with 0 or 2 (RCN-8)', () => {
      expect(validateGtin(withCheck('0123456')).isLocal).toBe(true);
      expect(validateGtin(withCheck('2123456')).isLocal).toBe(true);
      expect(validateGtin('96385074').isLocal).toBe(false);
      expect(isRestrictedCirculation('00000021234565')).toBe(true);
    });

    it('reads the GTIN-13 part of a GTIN-14 and ignores malformed input', () => {
      expect(isRestrictedCirculation(`1${withCheck('201234567890').slice(0, 12)}0`)).toBe(true);
      expect(isRestrictedCirculation('09521234543213')).toBe(false);
      expect(isRestrictedCirculation('2012345678903')).toBe(false);
      expect(validateGtin('2012345678904').isLocal).toBe(false);
    });
  });

  describe('Gtin schema', () => {
    it('trims, accepts valid GTINs and reports the reason for invalid ones', () => {
      expect(Gtin.parse(' 4006381333931 ')).toBe('4006381333931');
      const result = Gtin.safeParse('4006381333932');
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/should be 1/);
      expect(Gtin.safeParse('1'.repeat(15)).error?.issues).toHaveLength(1);
    });
  });
});
