import { AppError } from '../../../../src-shared/ipc/result';
import { IMPORT_LIMITS } from './limits';

/**
 * The one CSV reader and writer for the vault (RFC 4180, read leniently like spreadsheets do).
 *
 * Reading: `"`-quoted fields with `""` escapes and embedded CR/LF; CRLF, LF or lone CR between records;
 * ragged rows (missing trailing columns read as ''); a stray `"` inside an unquoted field is literal;
 * text after a closing quote is appended literally. The only hard errors are an unterminated quoted
 * field and the size caps. Text must already be decoded (see `decodeText`, which handles BOMs).
 */

/** One parsed record. `row` is the spreadsheet row number: the header is row 1. */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** Caps for {@link parseCsv}. */
export interface CsvLimits {
  maxColumns: number;
  maxRecords: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

const DEFAULT_LIMITS: CsvLimits = { maxColumns: IMPORT_LIMITS.maxCsvColumns, maxRecords: IMPORT_LIMITS.maxCsvRecords };

/**
 * Parses CSV text into records. Blank lines produce no record but still count as a row, so row numbers
 * match what a spreadsheet shows. `stopAfter` ends parsing early (used to read only the header).
 */
export function parseCsv(text: string, limits: CsvLimits = DEFAULT_LIMITS, stopAfter = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let row = 0;
  let fields: string[] = [];
  const endRecord = (): void => {
    row++;
    if (!(fields.length === 1 && fields[0] === '')) {
      if (records.length >= limits.maxRecords) {
        throw new AppError('TOO_LARGE', `The CSV file has more than ${limits.maxRecords - 1} rows, the most Hearth imports at once.`);
      }
      records.push({ row, fields });
    }
    fields = [];
  };
  while (i < n && records.length < stopAfter) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      [value, i] = readQuoted(text, i, row + 1);
    } else {
      const end = scanUnquoted(text, i);
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);
    if (fields.length > limits.maxColumns) {
      throw new AppError('TOO_LARGE', `Row ${row + 1} of the CSV file has more than ${limits.maxColumns} columns.`);
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i === n) fields.push('');
    } else {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRecord();
    }
  }
  if (fields.length > 0 && records.length < stopAfter) endRecord();
  return records;
}

/** Index just past an unquoted field: the next comma, CR, LF or end of text. */
function scanUnquoted(text: string, start: number): number {
  let j = start;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CR || c === LF) break;
    j++;
  }
  return j;
}

/** Reads a quoted field starting at the opening quote; returns its value and the index after it. */
function readQuoted(text: string, openAt: number, row: number): [string, number] {
  let value = '';
  let start = openAt + 1;
  for (;;) {
    const q = text.indexOf('"', start);
    if (q === -1) {
      throw new AppError('INVALID_INPUT', `A quoted value starting in row ${row} of the CSV file is never closed. The file may be truncated.`);
    }
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += text.slice(start, q + 1);
      start = q + 2;
      continue;
    }
    value += text.slice(start, q);
    // Lenient: characters between the closing quote and the next separator are kept literally.
    const end = scanUnquoted(text, q + 1);
    return [value + text.slice(q + 1, end), end];
  }
}

/** A CSV file with a header row: look values up by column name, case-insensitively. */
export class CsvTable {
  /** Column names, trimmed and lower-cased. */
  readonly columns: string[];
  /** Data records (header excluded). */
  readonly rows: CsvRecord[];
  private readonly index = new Map<string, number>();

  /**
   * Splits parsed records into the header (first record) and data rows. With `unescapeFormulas`,
   * {@link get} undoes spreadsheet-safe escaping ({@link unescapeFormula}).
   */
  constructor(records: CsvRecord[], private readonly unescapeFormulas = false) {
    const [header, ...rows] = records;
    this.columns = (header?.fields ?? []).map(normalizeHeader);
    this.rows = rows;
    this.columns.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  /** Parses CSV text into a table. */
  static fromText(text: string, unescapeFormulas = false): CsvTable {
    return new CsvTable(parseCsv(text), unescapeFormulas);
  }

  /** True when the header has this column (name compared case-insensitively). */
  has(name: string): boolean {
    return this.index.has(normalizeHeader(name));
  }

  /** The value of the first of `names` present in the header; '' when absent or the row is short. */
  get(record: CsvRecord, ...names: string[]): string {
    for (const name of names) {
      const i = this.index.get(normalizeHeader(name));
      if (i === undefined) continue;
      const value = record.fields[i] ?? '';
      return this.unescapeFormulas ? unescapeFormula(value) : value;
    }
    return '';
  }

  /** Names from `required` that the header lacks. */
  missing(required: readonly string[]): string[] {
    return required.filter((name) => !this.has(name));
  }
}

/** Header cell → lookup key: trimmed, lower case, stray BOM removed. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** Reads just the header row of CSV text (for format sniffing); [] when there is none. */
export function readCsvHeader(text: string): string[] {
  const [header] = parseCsv(text, DEFAULT_LIMITS, 1);
  return (header?.fields ?? []).map(normalizeHeader);
}

/**
 * Values that a spreadsheet would run as a formula or otherwise mangle (OWASP CSV injection, CWE-1236):
 * leading `=`, `+`, `-`, `@`, TAB, CR or NUL, possibly behind `'` characters (see {@link escapeFormula}).
 */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;

/**
 * Spreadsheet-safe escaping: prefix `'` to a value matching {@link FORMULA_START}. Because the pattern
 * allows leading quotes, a value that already starts with `'=` gets a second quote, which makes
 * {@link unescapeFormula} an exact inverse.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Inverse of {@link escapeFormula}: drops one leading `'` only when the rest still matches the pattern. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** RFC 4180 field: quoted when `quoteAll` or when it contains a quote, comma, CR or LF. */
export function formatCsvField(value: string, quoteAll: boolean): string {
  if (quoteAll || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** RFC 4180 text: CRLF after every record, including the last. */
export function formatCsv(records: readonly (readonly string[])[], quoteAll: boolean): string {
  return records.map((fields) => fields.map((f) => formatCsvField(f, quoteAll)).join(',')).join('\r\n') + '\r\n';
}
