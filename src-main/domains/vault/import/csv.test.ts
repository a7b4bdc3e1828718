import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/ipc/result';
import { CsvTable } from '../../../../src-shared/lib/csv-table';
import { decodeText } from './limits';

// The CSV reader and writer themselves are tested in src-shared/lib/csv.test.ts.
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};

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
