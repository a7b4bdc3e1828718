import { AppError } from '../ipc/result';
import { CSV_LIMITS, type CsvLimits } from './limits';
export { formatCsv, formatCsvField, escapeFormula, unescapeFormula, needsFormulaEscape, type CsvValue, type CsvWriteOptions } from './csv-write';
export type { CsvLimits } from './limits';

/**
 * The one CSV reader for Hearth (RFC 4180, read leniently like spreadsheets do); the writer and the
 * formula-escaping rule are in csv-write.ts and exported from here. Pure: no Node, no DOM.
 *
 * Reading: `"`-quoted fields with `""` escapes and embedded CR/LF; CRLF, LF or lone CR between records;
 * a leading UTF-8 BOM is skipped; ragged rows are returned as they are; a stray `"` inside an unquoted
 * field is literal; text after a closing quote is appended literally. The only hard errors are an
 * unterminated quoted field (INVALID_INPUT) and the caps (TOO_LARGE), checked while reading, so a
 * hostile file stops at the first record past a cap. Records come one at a time ({@link readCsv}).
 */

/** One parsed record. `row` is the spreadsheet row number: the first line is row 1. */
export interface CsvRecord {
  row: number;
  fields: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Yields records one at a time. Blank lines yield nothing but still count as a row, so row numbers
 * match what a spreadsheet shows; a quoted field spanning lines counts as one row.
 */
export function* readCsv(text: string, limits: CsvLimits = CSV_LIMITS): Generator<CsvRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 0;
  let records = 0;
  let fields: string[] = [];
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      [value, i] = readQuoted(text, i, row + 1);
    } else {
      const end = scanUnquoted(text, i);
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);
    // SECURITY: caps are checked while reading, before the next field or record is allocated.
    if (fields.length > limits.maxColumns) {
      throw new AppError('TOO_LARGE', `Row ${row + 1} of the CSV file has more than ${limits.maxColumns} columns.`);
    }
    const c = text.charCodeAt(i);
    if (i < n && c === COMMA) {
      i++;
      if (i === n) fields.push('');
      continue;
    }
    if (i < n) i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    row++;
    if (!(fields.length === 1 && fields[0] === '')) {
      if (++records > limits.maxRecords) {
        throw new AppError('TOO_LARGE', `The CSV file has more than ${limits.maxRecords - 1} rows after its header, the most Hearth reads at once.`);
      }
      yield { row, fields };
    }
    fields = [];
  }
  if (fields.length > 0) {
    if (++records > limits.maxRecords) {
      throw new AppError('TOO_LARGE', `The CSV file has more than ${limits.maxRecords - 1} rows after its header, the most Hearth reads at once.`);
    }
    yield { row: row + 1, fields };
  }
}

/** All records of CSV text (see {@link readCsv}); `stopAfter` ends early, e.g. 1 to read only the header. */
export function parseCsv(text: string, limits: CsvLimits = CSV_LIMITS, stopAfter = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  if (stopAfter <= 0) return records;
  for (const record of readCsv(text, limits)) {
    records.push(record);
    if (records.length >= stopAfter) break;
  }
  return records;
}

/** Rows by spreadsheet position: `rows[i]` is row i + 1, blank lines are `[]`, trailing blank lines dropped. */
export function parseCsvRows(text: string, limits: CsvLimits = CSV_LIMITS): string[][] {
  const rows: string[][] = [];
  for (const { row, fields } of readCsv(text, limits)) {
    while (rows.length < row - 1) rows.push([]);
    rows.push(fields);
  }
  return rows;
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
      throw new AppError('INVALID_INPUT', `A quoted value starting in row ${row} of the CSV file never ends (a missing closing "). The file may be truncated.`);
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
