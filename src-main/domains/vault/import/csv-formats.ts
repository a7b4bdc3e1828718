import { AppError } from '../../../../src-shared/ipc/result';
import { BITWARDEN_CSV_REQUIRED, parseBitwardenCsv } from './bitwarden-csv';
import { CHROME_CSV_REQUIRED, FIREFOX_CSV_REQUIRED, parseChromeCsv, parseFirefoxCsv, parseSafariCsv, SAFARI_CSV_REQUIRED } from './browser-csv';
import type { ImportCollector } from './collector';
import { CsvTable } from '../../../../src-shared/lib/csv-table';
import { KEEPASSXC_CSV_REQUIRED, parseKeePassXcCsv } from './keepassxc-csv';
import { ONEPASSWORD_CSV_MARKERS, ONEPASSWORD_CSV_REQUIRED, parseOnePasswordCsv } from './onepassword-csv';
import type { ImportFormat } from './types';

/** The CSV-based import formats. */
export type CsvFormat = Extract<ImportFormat, `${string}-csv`>;

const CSV_FORMATS: Record<CsvFormat, { required: readonly string[]; label: string; parse: (t: CsvTable) => ImportCollector }> = {
  'bitwarden-csv': { required: BITWARDEN_CSV_REQUIRED, label: 'Bitwarden CSV', parse: parseBitwardenCsv },
  'keepassxc-csv': { required: KEEPASSXC_CSV_REQUIRED, label: 'KeePassXC CSV', parse: parseKeePassXcCsv },
  '1password-csv': { required: ONEPASSWORD_CSV_REQUIRED, label: '1Password CSV', parse: parseOnePasswordCsv },
  'chrome-csv': { required: CHROME_CSV_REQUIRED, label: 'Chrome CSV', parse: parseChromeCsv },
  'firefox-csv': { required: FIREFOX_CSV_REQUIRED, label: 'Firefox CSV', parse: parseFirefoxCsv },
  'safari-csv': { required: SAFARI_CSV_REQUIRED, label: 'Safari / Apple Passwords CSV', parse: parseSafariCsv },
};

/** True for the CSV formats. */
export function isCsvFormat(format: ImportFormat): format is CsvFormat {
  return format in CSV_FORMATS;
}

/**
 * Recognises a CSV export from its header (lower-cased names, any order). The most specific
 * signatures are tested first: Safari's `Title,URL,…` is also a subset of 1Password's columns.
 */
export function classifyCsvHeader(columns: readonly string[]): CsvFormat | null {
  const has = (...names: string[]): boolean => names.every((n) => columns.includes(n));
  const any = (names: readonly string[]): boolean => names.some((n) => columns.includes(n));
  if (has('name') && any(['login_username', 'login_password', 'login_uri'])) return 'bitwarden-csv';
  if (has('url', 'username', 'password') && any(['httprealm', 'formactionorigin', 'timepasswordchanged', 'guid'])) return 'firefox-csv';
  if (has('group', 'title', 'username', 'password')) return 'keepassxc-csv';
  if (has('title', 'password') && any(ONEPASSWORD_CSV_MARKERS)) return '1password-csv';
  if (has('title', 'url', 'username', 'password')) return 'safari-csv';
  if (has('name', 'url', 'username', 'password')) return 'chrome-csv';
  return null;
}

/** Parses CSV text as `format`; INVALID_INPUT naming the missing columns when the header does not fit. */
export function parseCsvImport(format: CsvFormat, text: string, unescapeFormulas: boolean): ImportCollector {
  const spec = CSV_FORMATS[format];
  const table = CsvTable.fromText(text, unescapeFormulas);
  if (table.columns.length === 0) throw new AppError('INVALID_INPUT', 'The CSV file is empty.');
  const missing = table.missing(spec.required);
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `This does not look like a ${spec.label} file: the header lacks the column(s) ${missing.join(', ')}.`);
  }
  return spec.parse(table);
}
