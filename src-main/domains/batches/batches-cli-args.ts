import { UsageError } from '../../cli/io';

/** Flag parsing shared by the `hearth batches …` commands. */

/** The flag's text, or a usage error naming the flag. */
export function requireString(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing ${flag}.`);
  return value;
}

/** A whole number from 1, `fallback` when the flag is absent, or a usage error. */
export function positiveInt(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number from 1.`);
  return n;
}
