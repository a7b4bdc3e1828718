import type { CsvField } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { parseCsvRows } from '../../../src-shared/lib/csv';
import { BATCH_CSV_LIMITS } from '../../../src-shared/lib/limits';
import { cellText, mapHeaders } from '../../domains/batches/batches-csv';
import { readBatch, readNewProduct } from '../../domains/batches/batches-csv-rows';

/**
 * Fuzz support: the database-free half of the batches CSV import (batches-csv.service.ts `planImport`) for an empty
 * shop, so the fuzz reaches every cell reader without a profile per case: rows, header mapping, then each row read
 * as a new product and a batch, with the errors the dry-run report would show. The service's own tests cover the
 * lookups against existing products.
 */
export function parseBatchesCsv(csv: string): { rows: number; errors: string[] } {
  const [headers, ...data] = parseCsvRows(csv, BATCH_CSV_LIMITS);
  if (!headers || data.length === 0) throw new AppError('INVALID_INPUT', 'The file has a header row but no batches.');
  const { index } = mapHeaders(headers, {});
  const clock = { nowMs: Date.UTC(2024, 2, 3), timeZone: 'Europe/Lisbon' };
  const errors: string[] = [];
  for (const cells of data) {
    if (cells.length === 0) continue;
    const get = (f: CsvField): string => (index[f] === undefined ? '' : cellText(cells[index[f] as number]));
    const product = readNewProduct(get('product'), get('gtin'), get, errors, []);
    readBatch(get, { shelfLifeDays: product?.shelfLifeDays ?? null, thresholds: product?.thresholds }, { clock, decimal: ',' }, errors);
  }
  return { rows: data.length, errors };
}
