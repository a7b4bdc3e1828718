import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, readFixture } from '../../../test/fixtures';
import type { ParsedEntry, ParsedImport, SourceFile } from './model';

/** Test support: the journal sample files (the `journal` area of the fixtures folder, see src-main/test/fixtures.ts; facts in its README.md). */

/** One sample file as the single input of an import. */
export function fixtureFile(relative: string): SourceFile[] {
  return [{ path: path.basename(relative), bytes: new Uint8Array(readFixture('journal', relative)) }];
}

/** Every file under a sample folder, with paths relative to it (a folder import). */
export function fixtureFolder(relative: string): SourceFile[] {
  const root = fixturePath('journal', relative);
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push({
          path: path.relative(root, full).split(path.sep).join('/'),
          bytes: new Uint8Array(readFixture('journal', relative, path.relative(root, full))),
        });
    }
  };
  walk(root);
  return out;
}

/** The entry titled `title`; fails the test when absent. */
export function entryTitled(result: ParsedImport, title: string): ParsedEntry {
  const found = result.entries.find((e) => e.title === title);
  if (!found) throw new Error(`no entry titled ${JSON.stringify(title)}`);
  return found;
}

export const NOW = '2026-12-01T12:00:00.000Z';
