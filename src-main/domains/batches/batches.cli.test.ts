import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src-shared/lib/local-date';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';
import { decodeQrConcatenated } from './labels/label-pdf.test-helpers';

const run = promisify(execFile);

describe('batches.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('imports a CSV, prints labels whose QR decodes to the Digital Link, shows status and exports', async () => {
    const home = tempRoot();
    const pw = path.join(home, 'pw.txt');
    writeFileSync(pw, 'cli-batches-password\n');
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-batches-password' };
    ok(await hearth(['profile', 'create', '--name', 'Deli', '--password-file', pw], env));

    const config = ok(await hearth(['batches', 'config', '--qr', 'gs1', '--domain', 'deli.example', '--shop-name', 'Corner Deli'], env));
    expect(config.stdout).toContain('QR codes: GS1 Digital Link on deli.example');
    expect((await hearth(['batches', 'config', '--qr', 'url', '--url-template', 'http://x.example/{lot}'], env)).code).toBe(2);

    const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone, Date.now());
    const made = addDays(today, -1);
    const csvFile = path.join(home, 'delivery.csv');
    writeFileSync(
      csvFile,
      [
        'product,gtin,lot,production_date,arrival_date,quantity,unit,date_type,shelf_life_days',
        `Smoked ham,5901234123457,HAM-01,${made},${today},3.5,kg,use-by,6`,
        `Sourdough,,SD-9,${today},${today},12,pcs,best-before,3`,
      ].join('\n'),
    );
    const dry = ok(await hearth(['batches', 'import', csvFile, '--dry-run'], env));
    expect(dry.stdout).toContain('Would import 2 batches, creating 2 products; 0 rows with errors.');
    const done = ok(await hearth(['batches', 'import', csvFile], env));
    expect(done.stdout).toContain('Imported 2 batches');
    const again = await hearth(['batches', 'import', csvFile], env);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('row 2 (Smoked ham HAM-01): lot: HAM-01 is already recorded');

    const pdf = path.join(home, 'ham.pdf');
    const labels = ok(
      await hearth(['batches', 'labels', '--lot', 'HAM-01', '--template', 'avery-l7160', '--copies', '2', '--start-at', '4', '--out', pdf], env),
    );
    expect(labels.stdout).toContain('Wrote 2 labels for Smoked ham lot HAM-01 on 1 page');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await run('pdftoppm', ['-r', '300', '-png', '-singlefile', pdf, path.join(home, 'ham')]);
    const yymmdd = (d: string) => d.slice(2).replace(/-/g, '');
    const link = `https://deli.example/01/05901234123457/10/HAM-01?11=${yymmdd(made)}&17=${yymmdd(addDays(made, 6))}`;
    expect(await decodeQrConcatenated(path.join(home, 'ham.png'))).toBe(`${link}${link}`);
    expect((await hearth(['batches', 'labels', '--lot', 'NOPE', '--template', 'avery-l7160', '--out', pdf], env)).code).toBe(1);
    expect((await hearth(['batches', 'labels', '--lot', 'HAM-01', '--template', 'avery-9999', '--out', pdf], env)).code).toBe(2);

    const status = ok(await hearth(['batches', 'status'], env));
    expect(status.stdout).toMatch(/Freshness on \d{4}-\d{2}-\d{2} \(.+\): 2 batches on the shelf/);
    expect(status.stdout).toContain('Sell first (2):');
    const json = JSON.parse((await hearth(['batches', 'status', '--json'], env)).stdout) as { counts: { active: number } };
    expect(json.counts.active).toBe(2);

    const csvOut = path.join(home, 'out.csv');
    expect(ok(await hearth(['batches', 'export', '--out', csvOut], env)).stdout).toContain('Wrote 2 batches');
    expect(readFileSync(csvOut, 'utf8')).toContain('Smoked ham,5901234123457,HAM-01,');
  });

  it('reads numbers with --decimal , and refuses an ambiguous quantity row by row (issue 7)', async () => {
    const home = tempRoot();
    const pw = path.join(home, 'pw.txt');
    writeFileSync(pw, 'cli-batches-password\n');
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-batches-password' };
    ok(await hearth(['profile', 'create', '--name', 'Deli', '--password-file', pw], env));
    const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone, Date.now());
    const csvFile = path.join(home, 'kaese.csv');
    const rows = (qty: string) =>
      ['product,lot,production_date,arrival_date,expiry_date,quantity', `Bergkäse,K-1,${today},${today},${addDays(today, 20)},"${qty}"`].join('\n');
    writeFileSync(csvFile, rows('1,000'));
    const ambiguous = await hearth(['batches', 'import', csvFile, '--decimal', ','], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toContain('row 2 (Bergkäse K-1): quantity: "1,000" is ambiguous');
    expect((await hearth(['batches', 'import', csvFile, '--decimal', ';'], env)).code).toBe(2);
    writeFileSync(csvFile, rows('2,5'));
    const dry = ok(await hearth(['batches', 'import', csvFile, '--decimal', ',', '--dry-run'], env));
    expect(dry.stdout).toContain('row 2 (Bergkäse K-1) note: rule: none given, so the new product is judged by the date; sell soon within 2 days');
    ok(await hearth(['batches', 'import', csvFile, '--decimal', ','], env));
    const json = JSON.parse((await hearth(['batches', 'status', '--json'], env)).stdout) as { sellFirst: { quantity: number }[] };
    expect(json.sellFirst.map((b) => b.quantity)).toEqual([2.5]);
  });
});
