import { IDENTITY_KEYS, type CardInput, type CustomFieldInput, type ItemInput } from '../../../../src-shared/domains/vault/vault.schemas';
import type { z } from 'zod';
import { ImportCollector } from './collector';
import { parseCsv } from '../../../../src-shared/lib/csv';
import type { CsvTable } from '../../../../src-shared/lib/csv-table';
import { isTruthy } from './normalize';

/**
 * Bitwarden CSV: `folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp`
 * (`reprompt` is missing from older exports). Bitwarden itself writes only `login` and `note` rows.
 *
 * Hearth extension, for lossless round trips through our own CSV export: rows of type `card` and
 * `identity` carry their values in the `fields` cell under the names in {@link CARD_CSV_FIELDS} and
 * {@link IDENTITY_CSV_FIELDS}. Bitwarden imports such rows as logins with those custom fields, so
 * nothing is lost there either.
 */

/** Hearth card property → name used in the Bitwarden CSV `fields` cell. */
export const CARD_CSV_FIELDS = {
  holder: 'card.cardholderName',
  brand: 'card.brand',
  number: 'card.number',
  expMonth: 'card.expMonth',
  expYear: 'card.expYear',
  code: 'card.code',
} as const satisfies Record<keyof z.output<typeof CardInput>, string>;

/** Hearth identity properties; each is written to the `fields` cell as `identity.<property>`. */
export const IDENTITY_CSV_KEYS = IDENTITY_KEYS;

/** Name in the `fields` cell of an identity property. */
export const IDENTITY_CSV_FIELDS = Object.fromEntries(IDENTITY_CSV_KEYS.map((k) => [k, `identity.${k}`])) as Record<(typeof IDENTITY_CSV_KEYS)[number], string>;

/** Columns an input must have to be read as Bitwarden CSV. */
export const BITWARDEN_CSV_REQUIRED = ['name', 'type'] as const;

/**
 * Splits the `fields` cell: one `name: value` per line, split at the first `": "`. A line without
 * `": "` continues the previous value (multi-line values written by our exporter).
 */
export function parseFieldsCell(cell: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const line of cell.split(/\r\n|\n|\r/)) {
    const at = line.indexOf(': ');
    const last = out[out.length - 1];
    if (at === -1) {
      if (last) last.value += `\n${line}`;
      else if (line.trim() !== '') out.push({ name: line.replace(/:$/, ''), value: '' });
      continue;
    }
    out.push({ name: line.slice(0, at), value: line.slice(at + 2) });
  }
  return out;
}

/** Splits the `login_uri` cell: comma-separated, itself read as one CSV record so quoted URIs may hold commas. */
export function parseUriCell(cell: string): string[] {
  if (cell.trim() === '') return [];
  return (parseCsv(cell)[0]?.fields ?? []).map((u) => u.trim()).filter((u) => u !== '');
}

/** Reads a Bitwarden CSV table. */
export function parseBitwardenCsv(table: CsvTable): ImportCollector {
  const c = new ImportCollector('bitwarden-csv');
  for (const rec of table.rows) {
    const type = table.get(rec, 'type').trim().toLowerCase();
    const named = parseFieldsCell(table.get(rec, 'fields'));
    const draft: ItemInput = {
      type: type === 'note' || type === 'card' || type === 'identity' ? type : 'login',
      title: table.get(rec, 'name'),
      notes: table.get(rec, 'notes'),
      folder: table.get(rec, 'folder'),
      favorite: isTruthy(table.get(rec, 'favorite')),
      reprompt: isTruthy(table.get(rec, 'reprompt')),
    };
    if (draft.type === 'card') draft.card = takeNamed(named, CARD_CSV_FIELDS);
    if (draft.type === 'identity') draft.identity = takeNamed(named, IDENTITY_CSV_FIELDS);
    // CSV cannot say which custom fields were hidden: import them all as hidden (sealed at rest).
    draft.fields = named.map((f): CustomFieldInput => ({ name: f.name, type: 'hidden', value: f.value }));
    if (draft.type === 'login') {
      draft.login = {
        username: table.get(rec, 'login_username'),
        password: table.get(rec, 'login_password'),
        totp: table.get(rec, 'login_totp'),
        urls: parseUriCell(table.get(rec, 'login_uri')).map((url) => ({ url, match: null })),
      };
    }
    c.add(rec.row, draft, { inferType: type === '' });
  }
  return c;
}

/** Removes the fields named in `names` from `named` and returns them keyed by property. */
function takeNamed<K extends string>(named: { name: string; value: string }[], names: Record<K, string>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const i = named.findIndex((f) => f.name === name);
    const found = named[i];
    if (found) {
      out[key] = found.value;
      named.splice(i, 1);
    }
  }
  return out;
}
