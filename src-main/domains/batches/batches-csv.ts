import { CSV_FIELDS, type CsvField } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { unescapeFormula } from '../../../src-shared/lib/csv';

/**
 * Batch-specific CSV helpers: header matching with common synonyms, reading cells, and the number and
 * date-type rules. Reading and writing CSV text (RFC 4180, formula escaping) is src-shared/lib/csv.ts.
 */

const SYNONYMS: Record<CsvField, string[]> = {
  product: ['product', 'product_name', 'name', 'item', 'article'],
  gtin: ['gtin', 'ean', 'ean13', 'upc', 'barcode'],
  lot: ['lot', 'lot_code', 'lot_number', 'batch', 'batch_code', 'batch_number'],
  production_date: ['production_date', 'produced', 'production', 'made', 'packed', 'packed_on'],
  arrival_date: ['arrival_date', 'arrived', 'arrival', 'received', 'delivery_date', 'delivered'],
  expiry_date: ['expiry_date', 'expiry', 'expires', 'use_by', 'best_before', 'bbe', 'expiration_date'],
  quantity: ['quantity', 'qty', 'amount', 'count'],
  unit: ['unit', 'units', 'uom'],
  date_type: ['date_type', 'date_kind'],
  shelf_life_days: ['shelf_life_days', 'shelf_life', 'shelflife'],
  category: ['category', 'group'],
  supplier: ['supplier', 'vendor'],
  location: ['location', 'storage', 'storage_location', 'shelf'],
  notes: ['notes', 'note', 'comment', 'comments'],
  price: ['price'],
  allergens: ['allergens', 'allergen'],
  rule: ['rule', 'freshness_rule'],
  sell_soon_days: ['sell_soon_days', 'sell_soon', 'sell_soon_within_days'],
  caution_from_day: ['caution_from_day', 'caution_from'],
  expired_from_day: ['expired_from_day', 'expired_from'],
};

const normalizeHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');

/** Which column each field comes from: the explicit mapping first, then the header names and synonyms. */
export function mapHeaders(headers: string[], mapping: Partial<Record<CsvField, string>>): { index: Partial<Record<CsvField, number>>; ignored: string[] } {
  const index: Partial<Record<CsvField, number>> = {};
  const normalized = headers.map(normalizeHeader);
  for (const field of CSV_FIELDS) {
    const wanted = mapping[field];
    const at = wanted !== undefined ? headers.findIndex((h) => h.trim() === wanted.trim()) : normalized.findIndex((h) => SYNONYMS[field].includes(h));
    if (wanted !== undefined && at === -1) throw new AppError('INVALID_INPUT', `The file has no column "${wanted}" (mapped to ${field}).`);
    if (at !== -1) index[field] = at;
  }
  const used = new Set(Object.values(index));
  return { index, ignored: headers.filter((h, i) => !used.has(i) && h.trim() !== '') };
}

/** A cell as read: trimmed, with the export's formula guard (a leading `'`) taken off again. */
export function cellText(value: string | undefined): string {
  return unescapeFormula((value ?? '').trim());
}

/** `use-by`, `Use by`, `UB` → 'use-by'; `best-before`, `BB`, `BBE` → 'best-before'; '' → null; else undefined. */
export function parseDateType(value: string): 'use-by' | 'best-before' | null | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (v === '') return null;
  if (['use-by', 'useby', 'ub', 'use', 'expiry'].includes(v)) return 'use-by';
  if (['best-before', 'bestbefore', 'bb', 'bbe', 'best'].includes(v)) return 'best-before';
  return undefined;
}

/** A number cell read with a declared decimal separator: the value, or why it was refused. */
export type CsvNumber = { value: number } | { error: string };

// Thousands may be grouped by the other separator, a space, a no-break space or a thin no-break space.
const SPACES = /[ \u00a0\u202f]/g;

/** The number pattern and the grouping separators for each decimal separator, compiled once. */
const NUMBER_PATTERNS = Object.fromEntries(
  (['.', ','] as const).map((decimal) => {
    const g = `[${decimal === '.' ? ',' : '\\.'} \u00a0\u202f]`;
    const d = decimal === '.' ? '\\.' : ',';
    return [decimal, { pattern: new RegExp(`^[+-]?(\\d{1,3}(${g}\\d{3})+|\\d+)(${d}\\d+)?$`), separators: new RegExp(g, 'g') }];
  }),
) as Record<'.' | ',', { pattern: RegExp; separators: RegExp }>;

/**
 * A decimal number as typed in a CSV file whose decimal separator is `decimal` ('.' or ','). Strict:
 * the other separator (or a space) may only group thousands in threes (`1,234.5` / `1.234,5` / `1 234,5`),
 * so `1,5` under '.' is refused, never read as 15 or 1.5. AMBIGUOUS, and refused whatever `decimal` says:
 * one to three digits, one separator, exactly three digits (`1,000`, `1.500`), because it means a
 * thousand-fold different number under the other convention; write `1` / `1000` / `1.5` instead.
 */
export function parseDecimal(raw: string, decimal: '.' | ','): CsvNumber {
  const text = raw.trim();
  if (text === '') return { error: 'is empty' };
  if (/^[+-]?\d{1,3}[.,]\d{3}$/.test(text)) {
    const [whole, part] = text.replace(/^[+-]/, '').split(/[.,]/) as [string, string];
    return {
      error: `"${text}" is ambiguous: ${Number(`${whole}.${part}`)} with a decimal ${text.includes(',') ? 'comma' : 'point'}, or ${Number(`${whole}${part}`)} with thousands grouped. Write it without the separator, or with fewer decimals.`,
    };
  }
  const group = decimal === '.' ? ',' : '.';
  const { pattern, separators } = NUMBER_PATTERNS[decimal];
  if (!pattern.test(text) || new Set(text.match(separators) ?? []).size > 1) {
    return {
      error: `"${text}" is not a number with "${decimal}" as the decimal separator${/^\d+[.,]\d+$/.test(text) ? ` (is the file's separator "${group}"?)` : ''}.`,
    };
  }
  const normal = text.replace(SPACES, '').split(group).join('').replace(decimal, '.');
  return { value: Number(normal) };
}
