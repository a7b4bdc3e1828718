import { describe, expect, it } from 'vitest';
import { AppError } from '../ipc/result';
import { escapeFormula, formatCsv, formatCsvField, needsFormulaEscape, parseCsv, parseCsvRows, readCsv, unescapeFormula } from './csv';
import { CsvTable, readCsvHeader } from './csv-table';
import { BATCH_CSV_LIMITS, MAX_BATCH_CSV_ROWS } from './limits';

const fields = (text: string): string[][] => parseCsv(text).map((r) => r.fields);
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};

describe('csv.parseCsv', () => {
  it('reads quoted fields with doubled quotes, commas and embedded CR/LF', () => {
    expect(fields('a,"b ""q"", c","line1\r\nline2\nline3"\r\n')).toEqual([['a', 'b "q", c', 'line1\r\nline2\nline3']]);
  });

  it('accepts CRLF, LF and lone CR between records and a missing final newline', () => {
    expect(fields('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps empty fields, including a trailing empty field at end of input', () => {
    expect(fields(',a,,\n,,')).toEqual([
      ['', 'a', '', ''],
      ['', '', ''],
    ]);
  });

  it('numbers rows like a spreadsheet, counting blank lines and multi-line records once', () => {
    const records = parseCsv('h1,h2\n"x\ny",1\n\nz,2\n');
    expect(records.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('treats a stray quote inside an unquoted field and text after a closing quote literally', () => {
    expect(fields('ab"c,"d"e,f')).toEqual([['ab"c', 'de', 'f']]);
  });

  it('rejects an unterminated quoted field with INVALID_INPUT naming the row', () => {
    expect(code(() => parseCsv('a,b\n"never closed,1\n'))).toBe('INVALID_INPUT');
    expect(() => parseCsv('a,b\n"never closed,1\n')).toThrow(/row 2/);
  });

  it('caps columns and records with TOO_LARGE', () => {
    expect(code(() => parseCsv('a,b,c,d', { maxColumns: 3, maxRecords: 10 }))).toBe('TOO_LARGE');
    expect(code(() => parseCsv('a\nb\nc\nd\n', { maxColumns: 3, maxRecords: 3 }))).toBe('TOO_LARGE');
    expect(fields('a\nb\nc\n')).toHaveLength(3);
  });

  it('rejects 100k columns with the default caps', () => {
    expect(code(() => parseCsv(','.repeat(100_000)))).toBe('TOO_LARGE');
  });

  it('reads only the header when asked to', () => {
    expect(readCsvHeader('"URL","User Name"\nnot,"parsed')).toEqual(['url', 'user name']);
  });
});

describe('csv.CsvTable', () => {
  it('maps values by header name case-insensitively and reads ragged rows as empty', () => {
    const t = CsvTable.fromText(' Title ,USERNAME,Password\nx,y\n');
    const row = t.rows[0];
    if (!row) throw new Error('no row');
    expect(t.get(row, 'title')).toBe('x');
    expect(t.get(row, 'Username')).toBe('y');
    expect(t.get(row, 'password')).toBe('');
    expect(t.get(row, 'missing', 'title')).toBe('x');
    expect(t.missing(['title', 'url'])).toEqual(['url']);
  });
});

describe('csv formula escaping', () => {
  const risky = ['=1+2', '+x', '-5+cmd', '-1 555', '@SUM(A1)', '\tTAB', '\rCR', '\0nul', "'=already", "''+two", '+4,20', "'-x"];
  // A plain number is data a spreadsheet reads as that number, never a formula, so it stays a number.
  const plain = ['hello', "it's", "'quoted", '', 'a=b', ' =space', '-5', '+4.20', '-2.5', "'-5", '12'];

  it('prefixes a quote only to values a spreadsheet would run', () => {
    expect(risky.map(escapeFormula).every((v) => v.startsWith("'"))).toBe(true);
    expect(plain.map(escapeFormula)).toEqual(plain);
  });

  it('is exactly undone by unescapeFormula, for risky and plain values alike', () => {
    for (const v of [...risky, ...plain]) expect(unescapeFormula(escapeFormula(v))).toBe(v);
  });

  it('writes RFC 4180 text with CRLF and doubled quotes that parses back to the same fields', () => {
    const rows = [['a', 'b,c', 'd "e"', 'f\ng', '']];
    const text = formatCsv(rows);
    expect(text).toBe('a,"b,c","d ""e""","f\ng",\r\n');
    expect(fields(text)).toEqual(rows);
    expect(formatCsv([['x']], { quoteAll: true })).toBe('"x"\r\n');
  });

  it('escapes formulas by default, quotes where needed, and keeps numbers as numbers', () => {
    expect(formatCsvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(formatCsvField('+1 555')).toBe("'+1 555");
    expect(formatCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvField(-3)).toBe('-3');
    expect(formatCsvField('-2.5')).toBe('-2.5');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField(' padded ')).toBe('" padded "');
    expect([null, undefined, true].map((v) => formatCsvField(v))).toEqual(['', '', 'true']);
    expect(formatCsvField('=raw', { escapeFormulas: false })).toBe('=raw');
    expect(formatCsv([['a'], ['x']], { bom: true })).toBe('\uFEFFa\r\nx\r\n');
  });

  it('round-trips hostile cells exactly through write, read and unescape', () => {
    const row = ['=cmd|calc', "'=literal", '-L1', '@farm', 'line one\nline two', 'milk, "nuts"', '+4.20', '\t', ''];
    const [back] = parseCsvRows(formatCsv([row], { quoteAll: true, bom: true }));
    expect(back?.map(unescapeFormula)).toEqual(row);
    // What a spreadsheet sees first is never a formula character, except in a plain number.
    for (const cell of back ?? []) if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r\0]/);
    expect(['-L1', '=x', '-3'].map(needsFormulaEscape)).toEqual([true, true, false]);
  });
});

describe('csv.parseCsvRows', () => {
  it('reads quoted fields, doubled quotes, embedded line breaks, CRLF and a BOM, keeping blank lines as []', () => {
    const rows = parseCsvRows('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\nlast,\n\n\n');
    expect(rows).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere'], [], ['last', '']]);
    expect(() => parseCsvRows('a\n"open')).toThrow(/never ends/);
  });

  it('applies the batch limits: 60 columns, MAX_BATCH_CSV_ROWS (100,000) rows after the header', () => {
    expect(code(() => parseCsvRows('a,'.repeat(60) + 'b', BATCH_CSV_LIMITS))).toBe('TOO_LARGE');
    const header = 'lot\n';
    expect(parseCsvRows(header + 'x\n'.repeat(MAX_BATCH_CSV_ROWS), BATCH_CSV_LIMITS)).toHaveLength(MAX_BATCH_CSV_ROWS + 1);
    expect(code(() => parseCsvRows(header + 'x\n'.repeat(MAX_BATCH_CSV_ROWS + 1), BATCH_CSV_LIMITS))).toBe('TOO_LARGE');
  });
});

describe('csv.readCsv', () => {
  it('yields records one at a time, so a reader can stop before a damaged tail', () => {
    const records = readCsv('a\nb\n"never closed');
    expect(records.next().value).toEqual({ row: 1, fields: ['a'] });
    expect(records.next().value).toEqual({ row: 2, fields: ['b'] });
    expect(() => records.next()).toThrow(/row 3/);
  });
});
