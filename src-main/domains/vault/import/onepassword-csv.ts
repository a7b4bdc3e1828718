import { ImportCollector } from './collector';
import type { CsvTable } from '../../../../src-shared/lib/csv-table';
import { isTruthy } from './normalize';

/**
 * 1Password CSV. The header varies by version; both seen variants are read by column name:
 *   `Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes` (1Password 8)
 *   `Title,Website,Username,Password,One-time password,Favorite status,Archived status,Tags,Notes`
 * 1Password CSV has no folders. Archived items are imported with the tag `archived`, as from 1PUX.
 */

/** Columns an input must have to be read as 1Password CSV. */
export const ONEPASSWORD_CSV_REQUIRED = ['title', 'password'] as const;

/** Header names that only 1Password CSV uses (tell it apart from Safari's `Title,URL,…`). */
export const ONEPASSWORD_CSV_MARKERS = ['website', 'one-time password', 'favorite', 'favorite status', 'archived', 'archived status', 'tags'] as const;

/** Reads a 1Password CSV table. */
export function parseOnePasswordCsv(table: CsvTable): ImportCollector {
  const c = new ImportCollector('1password-csv');
  let archived = 0;
  for (const rec of table.rows) {
    const url = table.get(rec, 'url', 'website', 'urls');
    const tags = table.get(rec, 'tags').split(/[;,]/);
    if (isTruthy(table.get(rec, 'archived', 'archived status'))) {
      tags.push('archived');
      archived++;
    }
    c.add(
      rec.row,
      {
        type: 'login',
        title: table.get(rec, 'title'),
        notes: table.get(rec, 'notes', 'notesplain'),
        tags,
        favorite: isTruthy(table.get(rec, 'favorite', 'favorite status')),
        login: {
          username: table.get(rec, 'username'),
          password: table.get(rec, 'password'),
          totp: table.get(rec, 'otpauth', 'one-time password', 'otp'),
          urls: url ? [{ url, match: null }] : [],
        },
      },
      { inferType: true },
    );
  }
  if (archived > 0) c.warn(`${archived} archived 1Password item(s) were imported with the tag "archived".`);
  return c;
}
