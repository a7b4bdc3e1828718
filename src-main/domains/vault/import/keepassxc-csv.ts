import { ImportCollector } from './collector';
import type { CsvTable } from '../../../../src-shared/lib/csv-table';
import { stripRootGroup } from './normalize';

/**
 * KeePassXC CSV (2.7: `Group,Title,Username,Password,URL,Notes,TOTP,Icon,Last Modified,Created`) and
 * the older KeePassX 2 CSV (first six columns). The first segment of `Group` is the database's root
 * group and is dropped, as for KDBX: `Passwords/Email` → folder `Email`.
 */

/** Columns an input must have to be read as KeePassXC CSV. */
export const KEEPASSXC_CSV_REQUIRED = ['title', 'username', 'password'] as const;

/** Reads a KeePassXC / KeePassX CSV table. */
export function parseKeePassXcCsv(table: CsvTable): ImportCollector {
  const c = new ImportCollector('keepassxc-csv');
  for (const rec of table.rows) {
    const url = table.get(rec, 'url');
    c.add(
      rec.row,
      {
        type: 'login',
        title: table.get(rec, 'title'),
        notes: table.get(rec, 'notes'),
        folder: stripRootGroup(table.get(rec, 'group')),
        login: {
          username: table.get(rec, 'username'),
          password: table.get(rec, 'password'),
          totp: table.get(rec, 'totp'),
          urls: url ? [{ url, match: null }] : [],
        },
      },
      { inferType: true, createdAt: table.get(rec, 'created'), updatedAt: table.get(rec, 'last modified') },
    );
  }
  return c;
}
