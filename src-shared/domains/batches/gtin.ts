import { z } from 'zod';
import { AppError } from '../../ipc/result';

/**
 * GTIN checks (GS1 General Specifications §3.3.2 AI 01, §7.9 check digit, §2.1.12 restricted
 * circulation). Accepts GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14; all are compared and
 * stored in their 14-digit form, left-padded with zeros. Pure.
 */

/** The lengths a GTIN may have. */
export const GTIN_LENGTHS: readonly number[] = Object.freeze([8, 12, 13, 14]);

/** The outcome of `validateGtin`: `gtin14` is present only when `valid`. */
export interface GtinCheck {
  valid: boolean;
  gtin14?: string;
  /** A Restricted Circulation Number: valid for in-store use, not globally unique, not resolvable at id.gs1.org. */
  isLocal: boolean;
  error?: string;
}

/**
 * The GS1 mod-10 check digit for `digits` (a GTIN without its last digit, 1–17 digits): weights 3 and 1
 * alternate from the right, starting with 3; the check digit tops the sum up to a multiple of 10.
 */
export function computeGtinCheckDigit(digits: string): string {
  if (!/^\d{1,17}$/.test(digits)) throw new AppError('INVALID_INPUT', 'A check digit is computed over 1 to 17 digits.');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Restricted Circulation Number test on a 14-digit GTIN. In GTIN-13 form, GS1 Prefixes 02 and 20–29
 * (variable measure / regional) and 04 (company internal) are restricted; U.P.C. prefixes 2 and 4 of a
 * GTIN-12 become exactly those (02, 04) once padded. A GTIN-8 (GTIN-13 form 00000…) is an RCN-8 when
 * it starts with 0 or 2.
 */
export function isRestrictedCirculation(gtin14: string): boolean {
  if (!/^\d{14}$/.test(gtin14)) return false;
  if (gtin14.startsWith('000000')) {
    const first = gtin14[6];
    return first === '0' || first === '2';
  }
  const prefix = gtin14.slice(1, 3);
  return prefix === '02' || prefix === '04' || prefix.startsWith('2');
}

/** Validates a GTIN-8/12/13/14 (surrounding spaces ignored) and returns its 14-digit form and RCN flag. */
export function validateGtin(input: string): GtinCheck {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return { valid: false, isLocal: false, error: 'Enter a GTIN (8, 12, 13 or 14 digits).' };
  if (!/^\d+$/.test(value)) return { valid: false, isLocal: false, error: 'A GTIN contains digits only.' };
  if (!GTIN_LENGTHS.includes(value.length)) {
    return { valid: false, isLocal: false, error: `A GTIN has 8, 12, 13 or 14 digits, not ${value.length}.` };
  }
  const expected = computeGtinCheckDigit(value.slice(0, -1));
  const actual = value.slice(-1);
  if (actual !== expected) {
    return { valid: false, isLocal: false, error: `The check digit of ${value} should be ${expected}, not ${actual}.` };
  }
  const gtin14 = value.padStart(14, '0');
  return { valid: true, gtin14, isLocal: isRestrictedCirculation(gtin14) };
}

/** True for a GTIN-8/12/13/14 with a correct check digit. */
export function isValidGtin(input: string): boolean {
  return validateGtin(input).valid;
}

/** The 14-digit form of a valid GTIN (`5901234123457` → `05901234123457`); throws `INVALID_INPUT` otherwise. */
export function toGtin14(input: string): string {
  const check = validateGtin(input);
  if (!check.valid || check.gtin14 === undefined) throw new AppError('INVALID_INPUT', check.error ?? 'Invalid GTIN.');
  return check.gtin14;
}

/** Schema for a GTIN field: trims, then requires a valid GTIN-8/12/13/14 (stored as typed, not padded). */
export const Gtin = z
  .string()
  .trim()
  .max(14)
  .superRefine((value, ctx) => {
    if (value.length > 14) return; // .max already reported it
    const check = validateGtin(value);
    if (!check.valid) ctx.addIssue({ code: 'custom', message: check.error ?? 'Invalid GTIN.' });
  });
