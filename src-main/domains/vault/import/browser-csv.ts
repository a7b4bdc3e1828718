import { ImportCollector } from './collector';
import type { CsvTable } from '../../../../src-shared/lib/csv-table';
import { hostOf } from './normalize';

/**
 * Browser and Apple password exports (docs/formats.md#vault-imports):
 *   Chrome / Edge / Brave: `name,url,username,password[,note]` (rows may lack the trailing `note`)
 *   Firefox: `url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,timePasswordChanged`
 *   Safari / Apple Passwords: `Title,URL,Username,Password,Notes,OTPAuth`
 */

/** Columns an input must have to be read as Chrome CSV. */
export const CHROME_CSV_REQUIRED = ['url', 'username', 'password'] as const;
/** Columns an input must have to be read as Firefox CSV. */
export const FIREFOX_CSV_REQUIRED = ['url', 'username', 'password'] as const;
/** Columns an input must have to be read as Safari CSV. */
export const SAFARI_CSV_REQUIRED = ['title', 'url', 'username', 'password'] as const;

const urlList = (url: string): { url: string; match: null }[] => (url.trim() ? [{ url: url.trim(), match: null }] : []);

/** Reads a Chrome-family CSV table. */
export function parseChromeCsv(table: CsvTable): ImportCollector {
  const c = new ImportCollector('chrome-csv');
  for (const rec of table.rows) {
    c.add(
      rec.row,
      {
        type: 'login',
        title: table.get(rec, 'name'),
        notes: table.get(rec, 'note', 'notes'),
        login: { username: table.get(rec, 'username'), password: table.get(rec, 'password'), urls: urlList(table.get(rec, 'url')) },
      },
      { inferType: true },
    );
  }
  return c;
}

/**
 * Reads a Firefox CSV table. Firefox has no titles: the title is the URL's host (or the raw value when
 * it is not a URL). Its internal `chrome://` logins (Firefox Accounts) are skipped.
 */
export function parseFirefoxCsv(table: CsvTable): ImportCollector {
  const c = new ImportCollector('firefox-csv');
  for (const rec of table.rows) {
    const url = table.get(rec, 'url').trim();
    if (url.toLowerCase().startsWith('chrome://')) {
      c.skip(rec.row, 'Firefox internal login (chrome://), not a website');
      continue;
    }
    c.add(
      rec.row,
      {
        type: 'login',
        title: hostOf(url) || url,
        login: { username: table.get(rec, 'username'), password: table.get(rec, 'password'), urls: urlList(url) },
      },
      {
        inferType: true,
        createdAt: table.get(rec, 'timecreated'),
        updatedAt: table.get(rec, 'timepasswordchanged') || table.get(rec, 'timecreated'),
      },
    );
  }
  return c;
}

/** Reads a Safari / Apple Passwords CSV table. */
export function parseSafariCsv(table: CsvTable): ImportCollector {
  const c = new ImportCollector('safari-csv');
  for (const rec of table.rows) {
    c.add(
      rec.row,
      {
        type: 'login',
        title: table.get(rec, 'title'),
        notes: table.get(rec, 'notes'),
        login: {
          username: table.get(rec, 'username'),
          password: table.get(rec, 'password'),
          totp: table.get(rec, 'otpauth'),
          urls: urlList(table.get(rec, 'url')),
        },
      },
      { inferType: true },
    );
  }
  return c;
}
