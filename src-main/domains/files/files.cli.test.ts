import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

describe('files.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('adds files and folders recursively, lists, searches, writes a file back, dedupes and trashes', async () => {
    const home = tempRoot();
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-files-password' };
    ok(await hearth(['profile', 'create', '--name', 'Home'], env));

    const drop = path.join(home, 'drop', 'trip');
    mkdirSync(path.join(drop, 'docs'), { recursive: true });
    writeFileSync(path.join(drop, 'docs', 'visa.txt'), 'Visa number and the wombat consulate address');
    writeFileSync(path.join(drop, 'plan.md'), '# Day one\nTrain to the coast');
    const outside = path.join(home, 'outside-secret.txt');
    writeFileSync(outside, 'must not be pulled in through a link');
    symlinkSync(outside, path.join(drop, 'link.txt'));
    const single = path.join(home, 'receipt.txt');
    writeFileSync(single, 'Receipt for the kettle');

    const added = ok(await hearth(['files', 'add', drop, single, '--tag', 'import', '--json'], env));
    const results = JSON.parse(added.stdout) as {
      path: string;
      duplicateOf: string | null;
      file: { id: string; name: string; folderId: string | null; tags: string[]; textStatus: string };
    }[];
    expect(results.map((r) => r.file.name).sort()).toEqual(['plan.md', 'receipt.txt', 'visa.txt']);
    expect(results.every((r) => r.duplicateOf === null && r.file.tags[0] === 'import' && r.file.textStatus === 'done')).toBe(true);
    expect(results.find((r) => r.file.name === 'receipt.txt')!.file.folderId).toBeNull();

    const ls = JSON.parse(ok(await hearth(['files', 'ls', '--json'], env)).stdout) as { folders: { name: string }[]; files: unknown[] };
    expect(ls.folders.map((f) => f.name).sort()).toEqual(['docs', 'trip']);
    expect(ls.files).toHaveLength(3);
    expect(ok(await hearth(['files', 'ls', '--top'], env)).stdout).toContain('receipt.txt');

    const found = ok(await hearth(['files', 'search', 'wombat'], env));
    expect(found.stdout).toContain('visa.txt');
    expect(found.stdout).toContain('text: Visa number and the wombat consulate address');

    const visa = results.find((r) => r.file.name === 'visa.txt')!.file;
    const back = path.join(home, 'back.txt');
    ok(await hearth(['files', 'get', visa.id, '--out', back], env));
    expect(readFileSync(back, 'utf8')).toBe('Visa number and the wombat consulate address');
    expect(ok(await hearth(['files', 'get', visa.id], env)).stdout).toContain('folder trip/docs');

    const again = ok(await hearth(['files', 'add', single], env));
    expect(again.stdout).toContain(`same as ${results.find((r) => r.file.name === 'receipt.txt')!.file.id}`);
    expect(again.stdout).toContain('0 added, 1 already there.');

    ok(await hearth(['files', 'rm', visa.id], env));
    expect(ok(await hearth(['files', 'ls', '--trash'], env)).stdout).toContain('visa.txt');
    ok(await hearth(['files', 'rm', visa.id, '--purge'], env));
    expect(ok(await hearth(['files', 'ls', '--trash'], env)).stdout).not.toContain('visa.txt');
  }, 120_000);

  it('exits 2 on bad input and 1 for an unknown file, with the typed error on stderr', async () => {
    const home = tempRoot();
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-files-password' };
    ok(await hearth(['profile', 'create', '--name', 'Home'], env));
    expect((await hearth(['files', 'add'], env)).code).toBe(2);
    expect((await hearth(['files', 'add', path.join(home, 'missing.txt')], env)).code).toBe(2);
    const unknown = await hearth(['files', 'get', '01JD0000000000000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await hearth(['files', 'get', 'not-an-id'], env)).code).toBe(2);
    expect((await hearth(['files', 'search', 'x', '--limit', '500'], env)).code).toBe(2);
  }, 120_000);
});
