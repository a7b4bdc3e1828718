import { z } from 'zod';

/** Shared schema building blocks. Every string and array crossing a transport has a maximum. */

/** ULID: 26 Crockford base32 characters, sortable by creation time. */
export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected a ULID');

/** ISO 8601 UTC timestamp as written by `nowIso()`: 2026-11-21T22:23:13.000Z. */
export const IsoTimestamp = z
  .string()
  .max(30)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'Expected an ISO 8601 UTC timestamp');

/** Calendar date, no time zone: 2026-11-21. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');

export const text = (max: number) => z.string().max(max);
export const nonEmptyText = (max: number) => z.string().trim().min(1, 'Required').max(max);

/** Secrets (master passwords, recovery keys) are capped well below anything that could exhaust memory. */
export const Secret = z.string().min(1, 'Required').max(1024);

export const NoInput = z.strictObject({});

export const LIMITS = {
  name: 200,
  title: 1024,
  note: 4 * 1024 * 1024,
} as const;
