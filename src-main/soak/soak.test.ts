/**
 * Smoke test of `npm run soak` (issue 13) so the script cannot rot: the built soak (dist/main/soak.cjs; npm test
 * builds before the unit tests) runs for about 8 seconds and must pass: workers killed with SIGKILL and
 * reopened, every acknowledged write found again, integrity checks and canary scans passed. The real soak runs
 * for 30 minutes outside npm test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../test/cli';
import type { SoakResult } from './soak-report';

const SOAK = path.join(REPO, 'dist/main/soak.cjs');

function soak(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SOAK, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('npm run soak', () => {
  it('runs 8 seconds of random operations with SIGKILL and reopen, and every invariant holds', async () => {
    if (!existsSync(SOAK)) throw new Error('Build first: npm run build (the soak test runs dist/main/soak.cjs)');
    const run = await soak(['--seconds', '8', '--seed', '13']);
    const line = run.stdout.split('\n').find((l) => l.startsWith('SOAK-RESULT '));
    expect(line, `${run.stdout}\n${run.stderr}`).toBeDefined();
    const result = JSON.parse(line!.slice('SOAK-RESULT '.length)) as SoakResult;
    expect(result.failures, run.stdout).toEqual([]);
    expect(run.code, run.stdout).toBe(0);
    expect(result.seed).toBe(13);
    expect(result.kills).toBeGreaterThanOrEqual(1);
    // Each run after a kill and the final one re-checked the database.
    expect(result.checksPassed).toBeGreaterThanOrEqual(result.kills + 1);
    expect(result.canaryScans).toBeGreaterThanOrEqual(result.kills + 1);
    expect(result.writes).toBeGreaterThan(0);
    expect(result.records).toBeGreaterThan(0);
  }, 180_000); // ~10 s on an idle machine; worker start-up (profile creation, unlock) stretches on a busy one
});
