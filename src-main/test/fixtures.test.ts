import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The fixtures helper decides once, when loaded, whether the sample files exist. Each case loads it in a
 * fresh Node process (as e2e/run.mjs does) with HEARTH_FIXTURES_DIR set, so the real module is tested.
 */
const HELPER = path.resolve(import.meta.dirname, 'fixtures.ts');
const PROBE = `
const m = await import(${JSON.stringify(HELPER)});
let error = null;
let resolved = null;
try { resolved = m.fixturePath('vault', 'x.json'); } catch (e) { error = e.message; }
const lines = [];
m.announceFixturesSkipped((line) => lines.push(line));
m.announceFixturesSkipped((line) => lines.push(line));
console.log(JSON.stringify({ dir: m.FIXTURES_DIR, reason: m.FIXTURES_SKIP_REASON, error, resolved, lines }));
`;

interface Probe {
  dir: string | null;
  reason: string;
  error: string | null;
  resolved: string | null;
  lines: string[];
}

async function probe(fixturesDir: string): Promise<Probe> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', PROBE], {
    env: { ...process.env, HEARTH_FIXTURES_DIR: fixturesDir },
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Probe;
}

describe('test fixtures helper', () => {
  const present = mkdtempSync(path.join(os.tmpdir(), 'hearth-fixtures-'));
  afterAll(() => rmSync(present, { recursive: true, force: true }));

  it('reports a missing folder as null, with the reason printed once and thrown by fixturePath', async () => {
    const missing = path.join(present, 'not-there');
    const r = await probe(missing);
    expect(r.dir).toBeNull();
    expect(r.reason).toBe(`${missing} not found (sample files from other apps live there; CI has them)`);
    expect(r.error).toBe(`skipped: ${r.reason}`);
    expect(r.lines).toEqual([`skipped: ${r.reason}`]);
  });

  it('uses a folder that exists and resolves sample paths inside it, printing nothing', async () => {
    const r = await probe(present);
    expect(r.dir).toBe(present);
    expect(r.error).toBeNull();
    expect(r.resolved).toBe(path.join(present, 'vault', 'x.json'));
    expect(r.lines).toEqual([]);
  });
});
