import type { ImportedItem, ItemData } from '../../../../src-shared/domains/vault/vault.schemas';
import { CARD_CSV_FIELDS, IDENTITY_CSV_FIELDS, IDENTITY_CSV_KEYS } from '../import/bitwarden-csv';
import { formatCsv, formatCsvField } from '../../../../src-shared/lib/csv';

/**
 * Bitwarden-compatible CSV export:
 * `folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp`.
 *
 * Modes (docs/security.md#t12):
 * - `spreadsheet-safe` (the default the UI should offer): every value that a spreadsheet would run as
 *   a formula, i.e. starting with `=`, `+`, `-`, `@`, TAB, CR or NUL (possibly behind `'`) and not a
 *   plain number, gets a leading `'` (OWASP CSV injection, CWE-1236; the shared rule in
 *   src-shared/lib/csv-write.ts), and every field is quoted. Hearth's importer removes
 *   that `'` again, so the round trip is exact. Other tools will show the `'`.
 * - `raw`: values are written verbatim, quoted only where RFC 4180 requires. Use it for re-import into
 *   Bitwarden or other tools; never open it in a spreadsheet. Re-importing into Hearth is exact too,
 *   except a value that itself starts with `'` followed by one of those characters, which loses its
 *   `'` unless imported with `csvUnescapeFormulas: false`.
 *
 * What CSV cannot carry: password history, tags, dates, URL match rules, and whether a custom field
 * was hidden (Hearth's CSV importer marks all custom fields hidden). Cards and identities use the
 * Hearth row types `card` / `identity` with their values in the `fields` cell (see bitwarden-csv.ts);
 * Bitwarden imports those rows as logins with custom fields. Multi-line custom-field values continue
 * on following lines of the `fields` cell; a continuation line containing `": "` would be misread.
 */

/** CSV export modes. */
export type CsvExportMode = 'spreadsheet-safe' | 'raw';

const HEADER = ['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'];

/** Serialises items as Bitwarden-compatible CSV text (CRLF line ends, header row first). */
export function exportCsv(items: readonly ImportedItem[], opts: { mode: CsvExportMode }): string {
  const safe = opts.mode === 'spreadsheet-safe';
  const rows = items.map(({ item }) => [
    item.folder,
    item.favorite ? '1' : '',
    item.type,
    item.title,
    [item.secureNote, item.notes].filter((n) => n !== '').join('\n\n'),
    fieldsCell(item),
    item.reprompt ? '1' : '0',
    // Several URLs share one cell as a nested CSV record; the cell as a whole is escaped below.
    (item.login?.urls ?? []).map((u) => formatCsvField(u.url, { escapeFormulas: false })).join(','),
    item.login?.username ?? '',
    item.login?.password ?? '',
    item.login?.totp ?? '',
  ]);
  // SECURITY: spreadsheet-safe mode applies the shared formula-escaping rule (src-shared/lib/csv-write.ts) to every cell.
  return formatCsv([HEADER, ...rows], { quoteAll: safe, escapeFormulas: safe });
}

/** `name: value` lines: the card/identity values first (Hearth extension), then custom fields. */
function fieldsCell(item: ItemData): string {
  const lines: string[] = [];
  if (item.type === 'card' && item.card) {
    for (const [key, name] of Object.entries(CARD_CSV_FIELDS) as [keyof typeof CARD_CSV_FIELDS, string][]) {
      if (item.card[key] !== '') lines.push(`${name}: ${item.card[key]}`);
    }
  }
  if (item.type === 'identity' && item.identity) {
    for (const key of IDENTITY_CSV_KEYS) if (item.identity[key] !== '') lines.push(`${IDENTITY_CSV_FIELDS[key]}: ${item.identity[key]}`);
  }
  for (const f of item.fields) lines.push(`${f.name}: ${f.value}`);
  return lines.join('\n');
}
