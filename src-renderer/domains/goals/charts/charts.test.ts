import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { sparklinePath } from './sparkline';

/** A small RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('chart CSV', () => {
  it('quotes commas, quotes and line breaks, and reads back to the same cells', () => {
    const csv = toCsv(
      ['goal', 'date', 'value'],
      [
        ['Run, then "rest"', '2026-03-01', 12.5],
        ['Two\nlines', '2026-03-02', null],
        ['Plain', '2026-03-03', Number.NaN],
      ],
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['goal', 'date', 'value'],
      ['Run, then "rest"', '2026-03-01', '12.5'],
      ['Two\nlines', '2026-03-02', ''],
      ['Plain', '2026-03-03', ''],
    ]);
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    const rows = parseCsv(
      toCsv(
        ['t', 'n'],
        [
          ['=HYPERLINK("http://x")', -3],
          ['+1', 0],
          ['@SUM(A1)', 1],
          ['-2', 2],
        ],
      ),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual([`'=HYPERLINK("http://x")`, `'+1`, `'@SUM(A1)`, `'-2`]);
    expect(rows[1]![1]).toBe('-3');
  });
});

describe('sparkline', () => {
  it('spans the width, puts the highest value on top and the lowest at the bottom', () => {
    const path = sparklinePath([0, 10, 5], 100, 20, 2);
    expect(path).toBe('M2.0,18.0 L50.0,2.0 L98.0,10.0');
  });

  it('draws one value or a flat series as a level line in the middle, and nothing for no values', () => {
    expect(sparklinePath([7], 100, 20, 2)).toBe('M2.0,10.0 L98.0,10.0');
    expect(sparklinePath([3, 3, 3], 100, 20, 2)).toBe('M2.0,10.0 L50.0,10.0 L98.0,10.0');
    expect(sparklinePath([], 100, 20)).toBe('');
  });
});
