import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The real ESLint config (eslint.config.js) on made-up files at real paths: a domain reaching into another
 * domain is an error at any folder depth, its public index is fine, and so is its own folder.
 */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, importPath: string): Promise<number> {
  const [result] = await eslint.lintText(`import { x } from '${importPath}';\nexport const y = x;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'hearth/domain-boundaries').length;
}

describe('eslint hearth/domain-boundaries', () => {
  it('refuses a file inside another domain, from any depth and in every layer, settings included', async () => {
    expect(await boundaryErrors('src-main/domains/vault/x.ts', '../batches/batches-mapping')).toBe(1);
    expect(await boundaryErrors('src-main/domains/vault/import/x.ts', '../../batches/batches.repository')).toBe(1);
    expect(await boundaryErrors('src-main/domains/settings/x.ts', '../vault/vault.repository')).toBe(1);
    expect(await boundaryErrors('src-main/domains/batches/x.ts', '../../domains/vault/qr-image')).toBe(1);
    expect(await boundaryErrors('src-renderer/domains/vault/x.ts', '../settings/settings.store')).toBe(1);
    expect(await boundaryErrors('src-shared/domains/session/x.ts', '../profile/profile.schemas')).toBe(1);
  });

  it('allows a domain public index, its own files, lib and shared code', async () => {
    expect(await boundaryErrors('src-main/domains/vault/x.ts', '../batches')).toBe(0);
    expect(await boundaryErrors('src-main/domains/vault/import/x.ts', '../../batches/index')).toBe(0);
    expect(await boundaryErrors('src-main/domains/vault/import/x.ts', '../export/csv')).toBe(0);
    expect(await boundaryErrors('src-main/domains/vault/import/x.ts', '../../../lib/zip')).toBe(0);
    expect(await boundaryErrors('src-main/domains/vault/x.ts', '../../../src-shared/domains/vault/vault.schemas')).toBe(0);
    expect(await boundaryErrors('src-main/app/x.ts', '../domains/vault/vault.module')).toBe(0);
  });
});
