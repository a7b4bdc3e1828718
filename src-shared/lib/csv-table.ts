import { parseCsv, unescapeFormula, type CsvRecord } from './csv';
import { CSV_LIMITS, type CsvLimits } from './limits';

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
  constructor(
    records: CsvRecord[],
    private readonly unescapeFormulas = false,
  ) {
    const [header, ...rows] = records;
    this.columns = (header?.fields ?? []).map(normalizeHeader);
    this.rows = rows;
    this.columns.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  /** Parses CSV text into a table. */
  static fromText(text: string, unescapeFormulas = false, limits: CsvLimits = CSV_LIMITS): CsvTable {
    return new CsvTable(parseCsv(text, limits), unescapeFormulas);
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
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** Reads just the header row of CSV text (for format sniffing); [] when there is none. */
export function readCsvHeader(text: string, limits: CsvLimits = CSV_LIMITS): string[] {
  const [header] = parseCsv(text, limits, 1);
  return (header?.fields ?? []).map(normalizeHeader);
}
