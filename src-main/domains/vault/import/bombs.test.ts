import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { errorOf, PASSWORD, testCore } from '../../../test/helpers';
import { gzipBomb, kdbxWithPayload } from './bomb-fixtures.test-helpers';
import { parseImport } from './index';
import { inflateWithinBudget } from '../../../lib/inflate-budget';
import { IMPORT_LIMITS } from './limits';

/** Decompression bombs: every inflate an importer does has a byte budget (TOO_LARGE), and the parse runs off main. */

const MiB = 1024 * 1024;
/** Like the report's 401 KB KDBX: a 60 MiB payload in about 390 KB, far past the 100:1 ratio budget. */
const BOMB_SIZE = 60 * MiB;

describe('inflateWithinBudget', () => {
  it('inflates within the budget and debits it', () => {
    const budget = { left: 1000, what: 'The file' };
    expect(inflateWithinBudget(gzipSync(Buffer.from('hello '.repeat(100))), budget)).toEqual(new Uint8Array(Buffer.from('hello '.repeat(100))));
    expect(budget.left).toBe(400);
  });

  it('stops a gzip bomb at the budget, without producing the rest', () => {
    const bomb = gzipBomb(64 * MiB);
    expect(bomb.length).toBeLessThan(500_000);
    const started = Date.now();
    const err = (() => {
      try {
        inflateWithinBudget(bomb, { left: 4 * MiB, what: 'The test file' });
      } catch (e) {
        return e as { code?: string; message?: string };
      }
      return null;
    })();
    expect(err).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^The test file expands to more than 4 MiB/) });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports damaged compressed data as INVALID_INPUT', () => {
    const bytes = gzipSync(Buffer.from('x'.repeat(5000)));
    bytes[20] = bytes[20]! ^ 0xff;
    expect(() => inflateWithinBudget(bytes.subarray(0, 30), { left: MiB, what: 'The file' })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/INVALID_INPUT|TOO_LARGE/) }),
    );
  });
});

describe('KDBX and KeePass XML decompression bombs', () => {
  it.each([4, 3] as const)('refuses a KDBX %i of 400 KB whose payload inflates to 60 MiB with TOO_LARGE, fast', async (version) => {
    const file = await kdbxWithPayload(gzipBomb(BOMB_SIZE), 'bomb-pw', version);
    expect(file.length).toBeLessThan(450_000);
    expect(BOMB_SIZE).toBeGreaterThan(Math.max(IMPORT_LIMITS.minInflateBudgetBytes, file.length * IMPORT_LIMITS.maxInflateRatio));
    const started = Date.now();
    const err = await errorOf(parseImport(file, { password: 'bomb-pw' }));
    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toMatch(/decompression bomb/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a KeePass XML export with a compressed attachment bomb', async () => {
    const binary = Buffer.from(gzipBomb(BOMB_SIZE)).toString('base64');
    const xml = `<?xml version="1.0" encoding="utf-8"?><KeePassFile><Meta><Generator>KeePass</Generator><Binaries><Binary ID="0" Compressed="True">${binary}</Binary></Binaries></Meta><Root><Group><UUID>AAAAAAAAAAAAAAAAAAAAAQ==</UUID><Name>Root</Name></Group></Root></KeePassFile>`;
    const err = await errorOf(parseImport(new TextEncoder().encode(xml)));
    expect(err.code).toBe('TOO_LARGE');
  });

  it('through vault:importPreview the bomb fails in the worker while main keeps answering timers', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'Bombs', password: PASSWORD });
    const file = await kdbxWithPayload(gzipBomb(BOMB_SIZE), 'bomb-pw', 4);
    let last = Date.now();
    let maxGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 20);
    const started = Date.now();
    const err = await errorOf(() =>
      core.client.vault.importPreview({ file: { fileName: 'bomb.kdbx', contentBase64: Buffer.from(file).toString('base64') }, sourcePassword: 'bomb-pw' }),
    );
    clearInterval(timer);
    expect(err.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(ticks).toBeGreaterThan(0);
    expect(maxGap).toBeLessThan(1000);
    // The vault still works afterwards.
    expect(await core.client.vault.list({})).toMatchObject({ items: [] });
  });
});
