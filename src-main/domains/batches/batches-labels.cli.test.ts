import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';
import { decodeQrSymbols, rasteriseAt } from './labels/label-pdf.test-helpers';

describe('hearth batches labels: many lots in one PDF', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('prints several --lot, a --csv of lot,copies and --all-active each as one PDF whose pages decode in order', async () => {
    const home = tempRoot();
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-labels-password' };
    writeFileSync(path.join(home, 'pw.txt'), 'cli-labels-password\n');
    ok(await hearth(['profile', 'create', '--name', 'Deli', '--password-file', path.join(home, 'pw.txt')], env));
    ok(await hearth(['batches', 'config', '--qr', 'url', '--url-template', 'https://deli.example/b/{lot}'], env));
    const lots = Array.from({ length: 25 }, (_, i) => `LOT-${String(i).padStart(3, '0')}`);
    const delivery = path.join(home, 'delivery.csv');
    writeFileSync(
      delivery,
      ['product,lot,production_date,arrival_date,quantity,unit', ...lots.map((l) => `Rye bread,${l},2026-11-18,2026-11-19,5,pcs`)].join('\n'),
    );
    ok(await hearth(['batches', 'import', delivery], env));
    const url = (lot: string) => `https://deli.example/b/${lot}`;

    // Three --lot flags, starting at position 20 of an L7160 sheet: 20, 21, then the next sheet.
    const three = path.join(home, 'three.pdf');
    const picked = ['LOT-007', 'LOT-002', 'LOT-019'];
    const res = ok(
      await hearth(['batches', 'labels', ...picked.flatMap((l) => ['--lot', l]), '--template', 'avery-l7160', '--start-at', '20', '--out', three], env),
    );
    expect(res.stdout).toContain('Wrote 3 labels for 3 lots on 2 pages');
    const pages = await rasteriseAt(await readFile(three), home, 'three', 300);
    expect(await Promise.all(pages.map(async (p) => (await decodeQrSymbols([p])).sort()))).toEqual(
      [[url('LOT-007'), url('LOT-002')].sort(), [url('LOT-019')]].map((a) => a.sort()),
    );

    // A CSV of lots and copies: one job, copies of each lot in a row, in the file's order.
    const order = path.join(home, 'order.csv');
    writeFileSync(order, 'lot,copies\nLOT-010,2\nLOT-003,1\nLOT-024,3\n');
    const fromCsv = path.join(home, 'csv.pdf');
    const csvRun = ok(await hearth(['batches', 'labels', '--csv', order, '--template', 'avery-l7163', '--out', fromCsv, '--json'], env));
    expect(JSON.parse(csvRun.stdout)).toMatchObject({ labels: 6, pages: 1 });
    const [csvPage = ''] = await rasteriseAt(await readFile(fromCsv), home, 'csv', 300);
    expect((await decodeQrSymbols([csvPage])).sort()).toEqual(['LOT-010', 'LOT-010', 'LOT-003', 'LOT-024', 'LOT-024', 'LOT-024'].map(url).sort());

    // Every batch on the shelf: 25 labels over two L7160 sheets, each lot once.
    const all = path.join(home, 'all.pdf');
    expect(ok(await hearth(['batches', 'labels', '--all-active', '--template', 'avery-l7160', '--out', all], env)).stdout).toContain(
      'Wrote 25 labels for 25 lots on 2 pages',
    );
    const allPages = await rasteriseAt(await readFile(all), home, 'all', 200);
    expect((await decodeQrSymbols(allPages)).sort()).toEqual(lots.map(url).sort());

    // No source, two sources, an unknown lot in the CSV: usage error (2) or not found (1), and no PDF.
    expect((await hearth(['batches', 'labels', '--template', 'avery-l7160', '--out', all], env)).code).toBe(2);
    expect((await hearth(['batches', 'labels', '--all-active', '--lot', 'LOT-001', '--out', all], env)).code).toBe(2);
    writeFileSync(order, 'lot,copies\nLOT-010,2\nNOPE,1\n');
    expect((await hearth(['batches', 'labels', '--csv', order, '--out', path.join(home, 'none.pdf')], env)).code).toBe(1);
    expect(existsSync(path.join(home, 'none.pdf'))).toBe(false);
  }, 180_000);
});
