import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/**
 * Test support: the sample files written by other apps (Bitwarden, KeePassXC, 1Password, Google
 * Authenticator, qrencode…). They keep their own licences and are never committed here: they live in
 * `../shared/fixtures` beside the checkout (each area has a README.md listing the facts tests assert).
 * `HEARTH_FIXTURES_DIR` points elsewhere, e.g. at a missing folder to rehearse a fresh clone.
 *
 * The one place tests (unit, CLI and e2e) find that folder: without it they are skipped, and say why.
 * Loadable by plain Node too (e2e/run.mjs imports it), so only erasable TypeScript here.
 */
const candidate = process.env.HEARTH_FIXTURES_DIR
  ? path.resolve(process.env.HEARTH_FIXTURES_DIR)
  : path.resolve(import.meta.dirname, '../../../shared/fixtures');

/** The sample-file folder, or null when it is absent (a fresh clone). */
export const FIXTURES_DIR: string | null = existsSync(candidate) ? candidate : null;

/** Why fixture tests were skipped, printed once per test file and in each skipped suite's title. */
export const FIXTURES_SKIP_REASON = `${process.env.HEARTH_FIXTURES_DIR ? candidate : '../shared/fixtures'} not found (sample files from other apps live there; CI has them)`;

let announced = false;
/** Prints the one "skipped: …" line (once per process) when the sample files are absent. */
export function announceFixturesSkipped(log: (line: string) => void = (line) => console.warn(line)): void {
  if (FIXTURES_DIR || announced) return;
  announced = true;
  log(`skipped: ${FIXTURES_SKIP_REASON}`);
}

/** Absolute path of one sample file, e.g. `fixturePath('vault', 'bitwarden', 'x.json')`. */
export function fixturePath(...parts: string[]): string {
  if (!FIXTURES_DIR) throw new Error(`skipped: ${FIXTURES_SKIP_REASON}`);
  return path.join(FIXTURES_DIR, ...parts);
}

/** Bytes of one sample file. */
export function readFixture(...parts: string[]): Buffer {
  return readFileSync(fixturePath(...parts));
}

/** Text of one sample file (UTF-8). */
export function readFixtureText(...parts: string[]): string {
  return readFixture(...parts).toString('utf8');
}

/**
 * A describe block that needs the sample files: runs when they are present, otherwise is listed as
 * skipped with the reason in its title. A body that reads fixtures while collecting its tests (for
 * `it.each`) is then listed as one skipped placeholder.
 */
export function describeWithFixtures(name: string, body: () => void): void {
  if (FIXTURES_DIR) {
    describe(name, body);
    return;
  }
  announceFixturesSkipped();
  describe.skip(`${name} (skipped: ${FIXTURES_SKIP_REASON})`, () => {
    try {
      body();
    } catch {
      it('reads the sample files', () => undefined);
    }
  });
}

/** One test that needs the sample files, in a file whose other tests do not. */
export function itWithFixtures(name: string, body: () => Promise<void> | void, timeout?: number): void {
  if (FIXTURES_DIR) {
    it(name, body, timeout);
    return;
  }
  announceFixturesSkipped();
  it.skip(`${name} (skipped: ${FIXTURES_SKIP_REASON})`, body, timeout);
}
