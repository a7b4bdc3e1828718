/**
 * Test-only helpers for the files tests: a real encrypted profile (testCore) with a clock the test moves, and
 * uploads through the real upload path (an upload ticket redeemed by the core's blob hub, as the renderer does).
 */
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { FileSummary } from '../../../src-shared/domains/files/files.schemas';
import { PASSWORD, testCore } from '../../test/helpers';

export async function setupLibrary(nowIso = '2026-12-01T10:00:00Z') {
  let nowMs = Date.parse(nowIso);
  const core = testCore(undefined, { now: () => nowMs });
  await core.client.profile.create({ name: 'Home', password: PASSWORD });
  const changed: string[][] = [];
  core.client.files.onChanged(({ ids }) => changed.push(ids));
  const files = core.client.files;
  /** Uploads `bytes` as the renderer does: an upload ticket, then the bytes streamed to the hub. */
  const upload = async (bytes: Buffer | string) => {
    const { ticket } = await core.client.blobs.uploadTicket({});
    return core.blobs().upload(ticket, Readable.from([Buffer.from(bytes)]));
  };
  /** Uploads and adds in one go. */
  const addFile = async (name: string, bytes: Buffer | string, extra: { folderId?: string | null; relativePath?: string; tags?: string[] } = {}) =>
    files.add({ blobId: (await upload(bytes)).id, name, ...extra });
  /** Waits until the file's text has been read (extraction runs after the add commits). */
  const textReady = async (id: string, timeoutMs = 30_000): Promise<FileSummary> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const f = await files.get({ id });
      if (f.textStatus !== 'pending') return f;
      expect(Date.now(), `text of ${f.name} still pending`).toBeLessThan(until);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const db = () => core.domainContext('files').db();
  return { core, db, files, upload, addFile, textReady, changed, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}

export type Library = Awaited<ReturnType<typeof setupLibrary>>;

/** Live blob refs held by the files domain on `blobId`, as `role:ownerTable`. */
export async function fileRefs(lib: Library, blobId: string): Promise<string[]> {
  const rows = await lib
    .db()
    .selectFrom('blob_refs')
    .select(['role', 'owner_table'])
    .where('blob_id', '=', blobId)
    .where('owner_domain', '=', 'files')
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => `${r.role}:${r.owner_table}`).sort();
}
