import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';

/** Runs the built `hearth` command (npm test builds before the unit tests). */
export const REPO = path.resolve(import.meta.dirname, '../..');
export const HEARTH_BIN = path.join(REPO, 'bin/hearth.mjs');
export const CLI_BUILT = existsSync(path.join(REPO, 'dist/main/cli.cjs'));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `hearth ARGS` with the floor KDF cost; `stdin` is piped in when given (else stdin is empty). */
export function hearth(args: string[], env: Record<string, string>, stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HEARTH_BIN, ...args], {
      env: { ...process.env, HEARTH_KDF_MEMORY_KIB: '65536', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(stdin ?? '');
  });
}

/** Asserts a zero exit, showing stderr when it is not (so a failure says why). */
export function ok<T extends { code: number; stderr: string }>(result: T): T {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** For a beforeAll: the CLI tests run the built command. */
export function assertCliBuilt(): void {
  if (!CLI_BUILT) throw new Error('Build first: npm run build');
}
