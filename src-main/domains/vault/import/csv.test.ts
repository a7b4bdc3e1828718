import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/ipc/result';
import { CsvTable, escapeFormula, formatCsv, parseCsv, readCsvHeader, unescapeFormula } from './csv';
import { decodeText } from './limits';

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
    expect(fields('a,b\r\nc,d\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps empty fields, including a trailing empty field at end of input', () => {
    expect(fields(',a,,\n,,')).toEqual([['', 'a', '', ''], ['', '', '']]);
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

describe('csv.decodeText', () => {
  it('strips a UTF-8 BOM so the first header is matched', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('"Name",url\n')]);
    const table = CsvTable.fromText(decodeText(bytes));
    expect(table.columns).toEqual(['name', 'url']);
  });

  it('decodes UTF-16 LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0xe4, 0x00]);
    expect(decodeText(bytes)).toBe('a,ä');
  });

  it('rejects invalid UTF-8 with INVALID_INPUT', () => {
    expect(code(() => decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0x62, 0xc3])))).toBe('INVALID_INPUT');
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
  const risky = ['=1+2', '+x', '-5', '@SUM(A1)', '\tTAB', '\rCR', '\0nul', "'=already", "''+two"];
  const plain = ['hello', "it's", "'quoted", '', 'a=b', ' =space'];

  it('prefixes a quote only to values a spreadsheet would run', () => {
    expect(risky.map(escapeFormula).every((v) => v.startsWith("'"))).toBe(true);
    expect(plain.map(escapeFormula)).toEqual(plain);
  });

  it('is exactly undone by unescapeFormula, for risky and plain values alike', () => {
    for (const v of [...risky, ...plain]) expect(unescapeFormula(escapeFormula(v))).toBe(v);
  });

  it('writes RFC 4180 text with CRLF and doubled quotes that parses back to the same fields', () => {
    const rows = [['a', 'b,c', 'd "e"', 'f\ng', '']];
    const text = formatCsv(rows, false);
    expect(text).toBe('a,"b,c","d ""e""","f\ng",\r\n');
    expect(fields(text)).toEqual(rows);
    expect(formatCsv([['x']], true)).toBe('"x"\r\n');
  });
});
