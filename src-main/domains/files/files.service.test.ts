import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { storedBytes } from '../../blobs/blob-test-kit';
import { fileRefs, setupLibrary } from './files.test-helpers';

describe('files: adding and dedupe', () => {
  it('claims an upload as a file with its own ref, and the same bytes again return the existing file without adding anything', async () => {
    const lib = await setupLibrary();
    const first = await lib.addFile('receipt.txt', 'Boiler service receipt, 2026');
    expect(first.duplicateOf).toBeNull();
    expect(first.file).toMatchObject({ name: 'receipt.txt', folderId: null, size: 28, mime: 'text/plain', textStatus: 'done', deletedAt: null });
    expect(await fileRefs(lib, first.file.blobId)).toEqual(['file:files']);
    expect(lib.changed.flat()).toContain(first.file.id);

    const again = await lib.addFile('copy of receipt.txt', 'Boiler service receipt, 2026');
    expect(again.duplicateOf).toBe(first.file.id);
    expect(again.file.id).toBe(first.file.id);
    expect(again.file.name).toBe('receipt.txt');
    const { files } = await lib.files.list({});
    expect(files.map((f) => f.name)).toEqual(['receipt.txt']);
    expect(await fileRefs(lib, first.file.blobId)).toEqual(['file:files']);
    // The bytes come back as stored.
    expect((await storedBytes(lib.core, first.file.blobId)).toString()).toBe('Boiler service receipt, 2026');
  });

  it('creates the folders of a dropped folder once, and lists by folder and tag', async () => {
    const lib = await setupLibrary();
    const a = await lib.addFile('a.txt', 'alpha', { relativePath: 'trip/docs/a.txt', tags: ['Travel', 'travel', ' Tickets '] });
    const b = await lib.addFile('b.txt', 'bravo', { relativePath: 'trip/docs/b.txt' });
    const c = await lib.addFile('c.txt', 'charlie', { relativePath: 'trip/c.txt' });
    expect(a.file.tags).toEqual(['Travel', 'Tickets']);
    expect(a.file.folderId).not.toBeNull();
    expect(b.file.folderId).toBe(a.file.folderId);
    const { folders } = await lib.files.list({});
    expect(folders.map((f) => f.name).sort()).toEqual(['docs', 'trip']);
    const trip = folders.find((f) => f.name === 'trip')!;
    expect(c.file.folderId).toBe(trip.id);
    expect(folders.find((f) => f.name === 'docs')!.parentId).toBe(trip.id);
    expect((await lib.files.list({ folderId: trip.id })).files.map((f) => f.name)).toEqual(['c.txt']);
    expect((await lib.files.list({ folderId: null })).files).toEqual([]);
    expect((await lib.files.list({ tag: 'TICKETS' })).files.map((f) => f.name)).toEqual(['a.txt']);
    const detail = await lib.files.get({ id: a.file.id });
    expect(detail.path.map((p) => p.name)).toEqual(['trip', 'docs']);
  });

  it("keeps the store's thumbnail of a picture on the file row", async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('code.png', await QRCode.toBuffer('hearth', { type: 'png', width: 600 }));
    expect(file.mime).toBe('image/png');
    expect(file.thumbnailId).toMatch(/^[0-9a-f]{64}$/);
    expect((await storedBytes(lib.core, file.thumbnailId!)).subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(file.textStatus).toBe('none');
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const lib = await setupLibrary();
    const blob = await lib.upload('hostile');
    const before = await lib
      .db()
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const unknownBlob = await errorOf(lib.files.add({ blobId: 'a'.repeat(64), name: 'x.txt' }));
    expect(unknownBlob.code).toBe('NOT_FOUND');
    const hugeName = await errorOf(lib.files.add({ blobId: blob.id, name: 'n'.repeat(300) }));
    expect(hugeName.code).toBe('INVALID_INPUT');
    expect((await errorOf(lib.files.add({ blobId: blob.id, name: '../x' }))).code).toBe('INVALID_INPUT');
    for (const relativePath of ['../../x', 'a/../../x', '/etc/x', 'a//x', 'a\\..\\x/y', './x']) {
      const err = await errorOf(lib.files.add({ blobId: blob.id, name: 'x', relativePath }));
      expect(err.code, relativePath).toBe('INVALID_INPUT');
    }
    const deep = await errorOf(lib.files.add({ blobId: blob.id, name: 'x', relativePath: `${'d/'.repeat(20)}x` }));
    expect(deep.code).toBe('INVALID_INPUT');
    const missingFolder = await errorOf(lib.files.add({ blobId: blob.id, name: 'x', folderId: '01JD0000000000000000000000', relativePath: 'new/x' }));
    expect(missingFolder.code).toBe('NOT_FOUND');
    const after = await lib
      .db()
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await lib.files.list({})).toEqual({ folders: [], files: [] });
  });
});

describe('files: editing, trash and purge', () => {
  it('renames, moves, tags, trashes, restores and purges, ending its blob refs', async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('scan.txt', 'passport scan');
    const folder = await lib.files.createFolder({ name: 'Papers' });
    expect((await errorOf(lib.files.createFolder({ name: 'papers' }))).code).toBe('CONFLICT');
    expect((await lib.files.rename({ id: file.id, name: 'passport.txt' })).name).toBe('passport.txt');
    expect((await lib.files.move({ id: file.id, folderId: folder.id })).folderId).toBe(folder.id);
    expect((await lib.files.setTags({ id: file.id, tags: ['id', 'ID', 'travel'] })).tags).toEqual(['id', 'travel']);
    expect((await errorOf(lib.files.purge({ id: file.id }))).code).toBe('CONFLICT');

    lib.setNow('2026-12-02T10:00:00Z');
    const trashed = await lib.files.trash({ id: file.id });
    expect(trashed.deletedAt).toBe('2026-12-02T10:00:00.000Z');
    expect((await lib.files.list({})).files).toEqual([]);
    expect((await lib.files.list({ trashed: true })).files.map((f) => f.id)).toEqual([file.id]);
    expect((await errorOf(lib.files.rename({ id: file.id, name: 'x' }))).code).toBe('CONFLICT');
    expect((await lib.files.restore({ id: file.id })).deletedAt).toBeNull();

    await lib.files.trash({ id: file.id });
    const purged = await lib.files.purge({ id: file.id });
    expect(purged).toEqual({ id: file.id });
    expect((await errorOf(lib.files.get({ id: file.id }))).code).toBe('NOT_FOUND');
    expect(await fileRefs(lib, file.blobId)).toEqual([]);
    // Only the upload's own hand-over ref is left (it lapses within the hour), so collection will take the content.
    const live = await lib.db().selectFrom('blob_refs').select('role').where('blob_id', '=', file.blobId).where('deleted_at', 'is', null).execute();
    expect(live.map((r) => r.role)).toEqual(['upload']);
  });

  it('trashes a folder with its subfolders and files, and restores exactly those', async () => {
    const lib = await setupLibrary();
    const inDocs = await lib.addFile('a.txt', 'one', { relativePath: 'trip/docs/a.txt' });
    const inTrip = await lib.addFile('b.txt', 'two', { relativePath: 'trip/b.txt' });
    const top = await lib.addFile('c.txt', 'three');
    const trip = (await lib.files.list({})).folders.find((f) => f.name === 'trip')!;
    await lib.files.trash({ id: inTrip.file.id }); // trashed before: stays trashed when the folder comes back
    lib.setNow('2026-12-01T11:00:00Z');
    await lib.files.trashFolder({ id: trip.id });
    expect((await lib.files.list({})).files.map((f) => f.id)).toEqual([top.file.id]);
    expect((await lib.files.list({})).folders).toEqual([]);
    expect((await lib.files.list({ trashed: true })).folders.map((f) => f.name).sort()).toEqual(['docs', 'trip']);
    await lib.files.restoreFolder({ id: trip.id });
    expect((await lib.files.list({})).files.map((f) => f.name).sort()).toEqual(['a.txt', 'c.txt']);
    expect((await lib.files.get({ id: inDocs.file.id })).deletedAt).toBeNull();
    expect((await lib.files.get({ id: inTrip.file.id })).deletedAt).not.toBeNull();
    // A file whose folder is in the trash comes back at the top level.
    const docs = (await lib.files.list({})).folders.find((f) => f.name === 'docs')!;
    await lib.files.trashFolder({ id: docs.id });
    expect((await lib.files.restore({ id: inDocs.file.id })).folderId).toBeNull();
  });
});

describe('files: versions', () => {
  it('keeps the old content as a version on replace, and restores it (the current content becoming a version)', async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('plan.md', 'first draft');
    const v2 = await lib.upload('second draft, longer');
    lib.setNow('2026-12-01T12:00:00Z');
    const replaced = await lib.files.replace({ id: file.id, blobId: v2.id });
    expect(replaced).toMatchObject({ blobId: v2.id, size: 20, textStatus: 'done' });
    // The index follows the content: the old words are gone, the new ones found, in the same write.
    expect((await lib.files.search({ query: 'first' })).hits).toEqual([]);
    expect((await lib.files.search({ query: 'longer' })).hits.map((h) => h.file.id)).toEqual([file.id]);
    const detail = await lib.files.get({ id: file.id });
    expect(detail.versions).toEqual([
      { id: expect.any(String), blobId: file.blobId, name: 'plan.md', size: 11, mime: 'text/plain', replacedAt: '2026-12-01T12:00:00.000Z' },
    ]);
    expect(await fileRefs(lib, file.blobId)).toEqual(['version:file_versions']);
    expect(await fileRefs(lib, v2.id)).toEqual(['file:files']);

    lib.setNow('2026-12-01T13:00:00Z');
    const restored = await lib.files.restoreVersion({ id: file.id, versionId: detail.versions[0]!.id });
    expect(restored.blobId).toBe(file.blobId);
    expect((await lib.files.search({ query: 'first' })).hits.map((h) => h.file.id)).toEqual([file.id]);
    const after = await lib.files.get({ id: file.id });
    expect(after.versions.map((v) => v.blobId)).toEqual([v2.id]);
    expect(await fileRefs(lib, file.blobId)).toEqual(['file:files']);
    expect(await fileRefs(lib, v2.id)).toEqual(['version:file_versions']);
    expect((await errorOf(lib.files.restoreVersion({ id: file.id, versionId: detail.versions[0]!.id }))).code).toBe('NOT_FOUND');

    // A ticket for a version streams that version's bytes.
    const t = await lib.files.ticket({ id: file.id, versionId: after.versions[0]!.id });
    const dl = await lib.core.blobs().download(t.ticket);
    const parts: Buffer[] = [];
    for await (const c of dl.stream) parts.push(c as Buffer);
    expect(Buffer.concat(parts).toString()).toBe('second draft, longer');
    expect(dl.name).toBe('plan.md');
    expect((await errorOf(lib.files.replace({ id: file.id, blobId: 'b'.repeat(64) }))).code).toBe('NOT_FOUND');
  });
});

describe('files: links', () => {
  it('links a file to records of other domains and reads the links from both sides', async () => {
    const lib = await setupLibrary();
    const { file } = await lib.addFile('warranty.txt', 'warranty card');
    const other = await lib.addFile('manual.txt', 'user manual');
    const item = '01JD00000000000000000000V1';
    const batch = '01JD00000000000000000000B7';
    const l1 = await lib.files.link({ fileId: file.id, owner: { domain: 'vault', id: item, label: 'Dishwasher login' } });
    const same = await lib.files.link({ fileId: file.id, owner: { domain: 'vault', id: item, label: 'Dishwasher account' } });
    expect(same.id).toBe(l1.id);
    expect(same.owner.label).toBe('Dishwasher account');
    await lib.files.link({ fileId: other.file.id, owner: { domain: 'vault', id: item } });
    await lib.files.link({ fileId: file.id, owner: { domain: 'batches', id: batch, label: 'Lot 42' } });

    const attached = await lib.files.linksOf({ domain: 'vault', id: item });
    expect(attached.map((a) => a.file.name)).toEqual(['warranty.txt', 'manual.txt']);
    expect((await lib.files.get({ id: file.id })).linkedFrom.map((l) => [l.owner.domain, l.owner.label])).toEqual([
      ['vault', 'Dishwasher account'],
      ['batches', 'Lot 42'],
    ]);
    await lib.files.unlink({ linkId: l1.id });
    expect((await lib.files.linksOf({ domain: 'vault', id: item })).map((a) => a.file.name)).toEqual(['manual.txt']);
    expect((await errorOf(lib.files.unlink({ linkId: l1.id }))).code).toBe('NOT_FOUND');
    // A trashed file is not shown as an attachment.
    await lib.files.trash({ id: other.file.id });
    expect(await lib.files.linksOf({ domain: 'vault', id: item })).toEqual([]);
    expect((await errorOf(lib.files.link({ fileId: other.file.id, owner: { domain: 'vault', id: item } }))).code).toBe('CONFLICT');
    const badDomain = await errorOf(lib.core.call('files:link', { fileId: file.id, owner: { domain: 'mail', id: item } }));
    expect(badDomain.code).toBe('INVALID_INPUT');
  });
});
