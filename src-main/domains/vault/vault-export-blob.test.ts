import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedBytes } from '../../blobs/blob-test-kit';
import { BLOB_PATH } from '../../blobs/blob-http';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';

const SECRET = 'Pa55-only-in-the-vault';
const HOUR_MS = 60 * 60 * 1000;

/** Paths of the content files of the encrypted file store under `root` (64-hex names). */
const storedFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

async function unlockedCore() {
  const clock = { ms: Date.parse('2026-12-01T12:00:00.000Z') };
  const core = testCore(undefined, { now: () => clock.ms });
  const { profile } = await core.client.profile.create({ name: 'E', password: PASSWORD });
  await core.client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: SECRET } } });
  return { core, clock, profileId: profile.id };
}

/**
 * A vault export without a save dialog (browser mode, CLI, tests) is handed over as a temporary blob, never as
 * base64: encrypted at rest, downloadable by ticket until the profile locks, and collected once its hour lapses.
 */
describe('vault export as a temporary blob', () => {
  it('stores a plaintext export encrypted at rest and hands back a ticket URL, not the bytes', async () => {
    const { core } = await unlockedCore();
    const out = await core.client.vault.export({ format: 'csv', password: PASSWORD, acknowledgePlaintext: true });
    expect(out).toMatchObject({ items: 1, savedTo: null, fileName: expect.stringMatching(/\.csv$/) });
    expect(out).not.toHaveProperty('contentBase64');
    expect(out.url).toMatch(BLOB_PATH);
    expect(Date.parse(out.expiresAt!)).toBeGreaterThan(Date.parse('2026-12-01T12:00:00.000Z'));

    const download = await core.blobs().download(BLOB_PATH.exec(out.url!)![1]!);
    expect(download).toMatchObject({ name: out.fileName, disposition: 'attachment', mime: 'text/csv' });
    const parts: Buffer[] = [];
    for await (const c of download.stream) parts.push(c as Buffer);
    expect(Buffer.concat(parts).toString('utf8')).toContain(SECRET);

    // At rest the export is ciphertext like every blob: the password is nowhere in the store's files.
    const files = storedFiles(core.root);
    expect(files).toHaveLength(1);
    expect(readFileSync(files[0]!).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('kills the download ticket when the profile locks', async () => {
    const { core, profileId } = await unlockedCore();
    const out = await core.client.vault.export({ format: 'bitwarden-json', password: PASSWORD, acknowledgePlaintext: true });
    const ticket = BLOB_PATH.exec(out.url!)![1]!;
    await core.client.session.lock();
    await core.client.profile.unlock({ profileId, password: PASSWORD });
    expect((await errorOf(core.blobs().download(ticket))).code).toBe('FORBIDDEN');
    // The blob itself is still there for its hour; only the ticket died.
    expect((await storedBytes(core, out.blobId!)).toString('utf8')).toContain(SECRET);
  });

  it('lapses after an hour: collection then deletes the row and the file', async () => {
    const { core, clock } = await unlockedCore();
    const out = await core.client.vault.export({ format: 'hearth', password: PASSWORD, exportPassword: 'file-pw' });
    const store = core.blobs().store;
    expect(await store.refCount(out.blobId!)).toBe(1);
    expect(storedFiles(core.root)).toHaveLength(1);

    clock.ms += HOUR_MS - 60_000;
    expect(await store.gc()).toMatchObject({ blobs: 0 });
    expect(await store.refCount(out.blobId!)).toBe(1);

    clock.ms += 2 * 60_000;
    expect(await store.gc()).toMatchObject({ blobs: 1 });
    expect((await errorOf(store.get(out.blobId!))).code).toBe('NOT_FOUND');
    expect(storedFiles(core.root)).toEqual([]);
  });

  it('is released at once when the CLI has written it: the store keeps no copy', async () => {
    const { core } = await unlockedCore();
    const out = await core.client.vault.export({ format: 'csv', password: PASSWORD, acknowledgePlaintext: true });
    const dest = path.join(core.root, 'written.csv');
    await core.blobs().store.exportTo(out.blobId!, dest);
    await core.blobs().release(out.blobId!, 'export');
    expect(readFileSync(dest, 'utf8')).toContain(SECRET);
    expect((await errorOf(core.blobs().store.get(out.blobId!))).code).toBe('NOT_FOUND');
    expect(storedFiles(core.root)).toEqual([]);
  });

  it('keeps the Electron path: a save dialog writes the file and no blob is stored', async () => {
    const saved: Buffer[] = [];
    const clockMs = Date.parse('2026-12-01T12:00:00.000Z');
    const core = testCore(undefined, {
      now: () => clockMs,
      files: {
        pickOpen: () => Promise.resolve(null),
        save: ({ defaultName, bytes }) => {
          saved.push(Buffer.from(bytes));
          return Promise.resolve(`/chosen/${defaultName}`);
        },
      },
    });
    await core.client.profile.create({ name: 'E', password: PASSWORD });
    await core.client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: SECRET } } });
    const out = await core.client.vault.export({ format: 'csv', password: PASSWORD, acknowledgePlaintext: true });
    const chosen = '/chosen/hearth-vault-2026-12-01.csv';
    expect(out).toEqual({ fileName: chosen, items: 1, blobId: null, url: null, expiresAt: null, savedTo: chosen });
    expect(saved[0]!.toString('utf8')).toContain(SECRET);
    expect(storedFiles(core.root)).toEqual([]);
  });
});
