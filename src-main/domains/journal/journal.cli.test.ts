import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

describe('journal.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('writes from stdin, lists, searches, exports Markdown and imports a folder (dry run, then for real)', async () => {
    const home = tempRoot();
    const pw = path.join(home, 'pw.txt');
    writeFileSync(pw, 'cli-journal-password\n');
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-journal-password' };
    ok(await hearth(['profile', 'create', '--name', 'Notes', '--password-file', pw], env));

    const wrote = ok(
      await hearth(
        ['journal', 'new', '--journal', 'Diary', '--title', 'Harbour walk', '--tag', 'walk', '--mood', '4', '--date', '2025-06-01T07:00:00Z'],
        env,
        'Saw the **ferry** leave.\n',
      ),
    );
    expect(wrote.stdout).toMatch(/Wrote .* 2025-06-01 {2}Harbour walk {2}\[walk\] in Diary\./);
    ok(await hearth(['journal', 'new', '--journal', 'Diary'], env, 'Quiet day at home.\n'));
    expect((await hearth(['journal', 'new', '--mood', '9'], env, 'x')).code).toBe(2);

    const listed = JSON.parse(ok(await hearth(['journal', 'list', '--json'], env)).stdout) as { displayTitle: string }[];
    expect(listed.map((e) => e.displayTitle)).toContain('Harbour walk');
    const found = ok(await hearth(['journal', 'search', 'ferr'], env));
    expect(found.stdout).toContain('Harbour walk');
    expect(found.stdout).toContain('[ferry]');
    expect(ok(await hearth(['journal', 'search', 'ferry', '--json'], env)).stdout).not.toContain(String.fromCharCode(2));

    const zip = path.join(home, 'out.zip');
    expect(ok(await hearth(['journal', 'export', '--format', 'markdown', '--out', zip], env)).stdout).toContain('Exported 2 entries');
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');

    const folder = path.join(home, 'vault', 'Trips');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'Lisbon.md'), '---\ntitle: Lisbon\ncreated: 2024-04-10\ntags: [travel]\n---\nTram 28. #trams\n');
    const dry = JSON.parse(ok(await hearth(['journal', 'import', path.join(home, 'vault'), '--dry-run', '--json'], env)).stdout);
    expect(dry.preview).toMatchObject({ format: 'markdown', entries: 1, duplicates: 0 });
    expect(dry.committed).toBeNull();
    expect(ok(await hearth(['journal', 'import', path.join(home, 'vault')], env)).stdout).toContain('Imported 1 entries');
    expect(ok(await hearth(['journal', 'search', 'tram'], env)).stdout).toContain('Lisbon');
    // The same folder again: found as a duplicate, nothing new.
    const again = JSON.parse(ok(await hearth(['journal', 'import', path.join(home, 'vault'), '--json'], env)).stdout);
    expect(again.preview.duplicates).toBe(1);
    expect(again.committed.entries).toBe(0);
    expect((await hearth(['journal', 'import', path.join(home, 'missing')], env)).code).toBe(2);
  }, 120_000);
});
