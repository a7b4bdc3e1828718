import { describe, expect, it } from 'vitest';
import { storedBytes } from '../../blobs/blob-test-kit';
import { decryptFile } from '../../crypto/encrypted-file';
import { errorOf } from '../../test/helpers';
import { readZipFiles } from '../../lib/zip';
import { setupLibrary } from './files.test-helpers';

describe('files: encrypted archive', () => {
  it('exports a folder as a Hearth encrypted file that opens with its password into the files and a manifest', async () => {
    const lib = await setupLibrary();
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
    await lib.addFile('a.txt', 'alpha text', { relativePath: 'trip/a.txt', tags: ['t1'] });
    await lib.addFile('a.txt', 'second file, same name', { relativePath: 'trip/a.txt' });
    await lib.addFile('b.bin', png, { relativePath: 'trip/docs/b.bin' });
    await lib.addFile('outside.txt', 'not in the folder');
    const trip = (await lib.files.list({})).folders.find((f) => f.name === 'trip')!;

    const out = await lib.files.exportArchive({ folderId: trip.id, password: 'archive-password' });
    expect(out).toMatchObject({ fileName: 'hearth-files-2026-12-01.hearth', fileCount: 3 });
    const sealed = await storedBytes(lib.core, out.blobId);
    expect(sealed.includes(Buffer.from('alpha text'))).toBe(false);
    expect((await errorOf(decryptFile(sealed, 'wrong-password'))).code).toBe('WRONG_PASSWORD');
    const { kind, plaintext } = await decryptFile(sealed, 'archive-password');
    expect(kind).toBe('hearth-files');
    const zip = readZipFiles(plaintext);
    expect([...zip.keys()].sort()).toEqual(['files/trip/a (2).txt', 'files/trip/a.txt', 'files/trip/docs/b.bin', 'manifest.json']);
    expect(Buffer.from(zip.get('files/trip/docs/b.bin')!)).toEqual(png);
    const texts = [Buffer.from(zip.get('files/trip/a.txt')!).toString(), Buffer.from(zip.get('files/trip/a (2).txt')!).toString()].sort();
    expect(texts).toEqual(['alpha text', 'second file, same name']);
    const manifest = JSON.parse(Buffer.from(zip.get('manifest.json')!).toString()) as {
      format: string;
      files: { name: string; folder: string; tags: string[] }[];
    };
    expect(manifest.format).toBe('hearth-files');
    expect(manifest.files.find((f) => f.tags.length > 0)).toMatchObject({ name: 'a.txt', folder: 'trip', tags: ['t1'] });

    // The download ticket streams the sealed file.
    const dl = await lib.core.blobs().download(new URL(out.url, 'http://x').pathname.split('/').pop()!);
    expect(dl.name).toBe(out.fileName);
    dl.stream.destroy();
  });

  it('refuses unknown or trashed files, a short password, and ids with a folder', async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('x.txt', 'x');
    await lib.files.trash({ id: file.id });
    expect((await errorOf(lib.files.exportArchive({ ids: [file.id], password: 'archive-password' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(lib.files.exportArchive({ password: 'short' }))).code).toBe('INVALID_INPUT');
    const both = await errorOf(lib.files.exportArchive({ ids: [file.id], folderId: file.id, password: 'archive-password' }));
    expect(both.code).toBe('INVALID_INPUT');
  });
});
