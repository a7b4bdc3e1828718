import { describe, expect, it } from 'vitest';
import { MAX_PATH_DEPTH } from '../../../src-shared/domains/files/files.schemas';
import { cleanRelativePath, folderOfPath, fromPickedFiles, walkEntries, type EntryLike } from './paths';

/** A dropped file or folder as Chromium's File and Directory Entries API hands it over (readEntries in batches). */
function fileEntry(fullPath: string, body = 'x'): EntryLike {
  const name = fullPath.split('/').at(-1) ?? '';
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok) => ok(new File([body], name)) };
}
function dirEntry(fullPath: string, children: EntryLike[], batch = 2): EntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').at(-1) ?? '',
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const out = children.slice(at, at + batch);
          at += batch;
          ok(out);
        },
      };
    },
  };
}

describe('cleanRelativePath', () => {
  it('keeps a plain path and normalises separators, leading slashes and "." segments', () => {
    expect(cleanRelativePath('trip/docs/a.pdf')).toBe('trip/docs/a.pdf');
    expect(cleanRelativePath('/trip//docs/./a.pdf')).toBe('trip/docs/a.pdf');
    expect(cleanRelativePath('trip\\docs\\a.pdf')).toBe('trip/docs/a.pdf');
  });

  it('refuses a path that climbs out, or has nothing in it', () => {
    expect(cleanRelativePath('../../x')).toBeNull();
    expect(cleanRelativePath('trip/../../etc/passwd')).toBeNull();
    expect(cleanRelativePath('trip\\..\\x')).toBeNull();
    expect(cleanRelativePath('//')).toBeNull();
    expect(cleanRelativePath('trip/  /a.pdf')).toBeNull();
  });

  it('refuses folders nested deeper than main accepts, and accepts exactly that depth', () => {
    const folders = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`).join('/');
    expect(cleanRelativePath(`${folders(MAX_PATH_DEPTH)}/a.txt`)).toBe(`${folders(MAX_PATH_DEPTH)}/a.txt`);
    expect(cleanRelativePath(`${folders(MAX_PATH_DEPTH + 1)}/a.txt`)).toBeNull();
    expect(cleanRelativePath(`${'x'.repeat(1100)}/a.txt`)).toBeNull();
  });

  it('names the folders of a path', () => {
    expect(folderOfPath('trip/docs/a.pdf')).toBe('trip/docs');
    expect(folderOfPath('a.pdf')).toBe('');
  });
});

describe('fromPickedFiles', () => {
  it('takes the folder pick path from webkitRelativePath and leaves loose files without one', () => {
    const inFolder = new File(['%PDF'], 'a.pdf');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'trip/docs/a.pdf' });
    const loose = new File(['hi'], 'note.txt');
    Object.defineProperty(loose, 'webkitRelativePath', { value: '' });
    expect(fromPickedFiles([inFolder, loose]).map((d) => [d.file.name, d.relativePath])).toEqual([
      ['a.pdf', 'trip/docs/a.pdf'],
      ['note.txt', null],
    ]);
  });
});

describe('walkEntries', () => {
  it('walks dropped folders recursively, reading every batch, and keeps loose files loose', async () => {
    const drop = [
      dirEntry('/trip', [
        fileEntry('/trip/a.pdf'),
        dirEntry('/trip/docs', [fileEntry('/trip/docs/b.txt'), fileEntry('/trip/docs/c.md')]),
        fileEntry('/trip/d.png'),
      ]),
      fileEntry('/loose.txt', 'hello'),
    ];
    const files = await walkEntries(drop);
    expect(files.map((f) => [f.file.name, f.relativePath])).toEqual([
      ['a.pdf', 'trip/a.pdf'],
      ['b.txt', 'trip/docs/b.txt'],
      ['c.md', 'trip/docs/c.md'],
      ['d.png', 'trip/d.png'],
      ['loose.txt', null],
    ]);
    expect(await files[4]?.file.text()).toBe('hello');
  });

  it('refuses a drop with more files than the cap before reading past it', async () => {
    const many = dirEntry(
      '/big',
      Array.from({ length: 5 }, (_, i) => fileEntry(`/big/${i}.txt`)),
    );
    await expect(walkEntries([many], 4)).rejects.toThrow(/more than 4 files/);
    await expect(walkEntries([many], 5)).resolves.toHaveLength(5);
  });

  it('reads an empty folder as nothing', async () => {
    expect(await walkEntries([dirEntry('/empty', [])])).toEqual([]);
  });
});
