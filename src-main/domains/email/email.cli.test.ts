import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { fixturePath, itWithFixtures } from '../../test/fixtures';
import { tempRoot } from '../../test/helpers';

/** `hearth mail import|search|export|verify` on the built CLI against a real profile: output, --json and exit codes. */

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('email.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  itWithFixtures(
    'imports an mbox, searches it, exports it byte for byte and verifies; 2 for bad usage, 3 for what is not there',
    async () => {
      const home = tempRoot();
      const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-mail-password' };
      const pw = path.join(home, 'pw.txt');
      writeFileSync(pw, 'cli-mail-password\n');
      ok(await hearth(['profile', 'create', '--name', 'Mail', '--password-file', pw], env));
      const mbox = fixturePath('email', 'Mail-MboxParser-testbox.mbox');

      const imported = ok(await hearth(['mail', 'import', mbox, '--json'], env));
      expect(JSON.parse(imported.stdout)).toMatchObject({ state: 'done', imported: 9, duplicates: 0, kind: 'mbox' });
      expect((await hearth(['mail', 'import', path.join(home, 'missing.mbox')], env)).code).toBe(3);

      const text = ok(await hearth(['mail', 'search', 'VPARSEVAL'], env)).stdout;
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2} {2}.+ {2}Welcome new user VPARSEVAL$/m);
      const found = JSON.parse(ok(await hearth(['mail', 'search', 'subject:welcome', '--limit', '5', '--json'], env)).stdout);
      expect(found.hits).toHaveLength(2);
      expect(typeof found.hits[0].highlight).toBe('string');

      // Outside HEARTH_HOME: an export never goes into the profile folder (refused: exit 3).
      expect((await hearth(['mail', 'export', path.join(home, 'export')], env)).code).toBe(3);
      const dest = path.join(tempRoot(), 'export');
      const exported = JSON.parse(ok(await hearth(['mail', 'export', dest, '--folder', 'Mail-MboxParser-testbox', '--json'], env)).stdout);
      expect(exported).toMatchObject({ messages: 9, files: 1, verified: 9 });
      expect(sha(readFileSync(path.join(dest, 'Mail-MboxParser-testbox.mbox')))).toBe(sha(readFileSync(mbox)));
      expect((await hearth(['mail', 'export', dest, '--format', 'pst'], env)).code).toBe(2);
      expect((await hearth(['mail', 'export', dest, '--folder', 'No such folder'], env)).code).toBe(3);

      expect(ok(await hearth(['mail', 'verify'], env)).stdout).toBe('Checked 9 message(s): all match their SHA-256.\n');
    },
    240_000,
  );
});
