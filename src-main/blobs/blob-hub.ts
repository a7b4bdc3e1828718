import path from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { blobUrl, type UploadedBlob } from '../../src-shared/domains/blobs/blobs.schemas';
import type { blobsContract } from '../../src-shared/domains/blobs/blobs.contract';
import type { ServiceOf } from '../../src-shared/ipc/define';
import type { Database } from '../db/database';
import { AppError } from '../../src-shared/ipc/result';
import { newId } from '../lib/ids';
import { log } from '../lib/log';
import { BlobFiles } from './blob-files';
import { EXPIRING_ROLES, TEMP_REF_MS, type ExpiringRole } from './blob-gc';
import type { BlobOwner } from './blob-refs';
import { BlobStore, type WriteFn } from './blob-store';
import { handOverSweeper, type Later } from './blob-sweep';
import { DOWNLOAD_TICKET_MS, TicketBook, UPLOAD_TICKET_MS } from './blob-tickets';
import { isThumbnailable } from './thumbnail-rules';

export interface BlobHubDeps {
  /** The open profile: its folder and its files key (throws LOCKED when none is open). */
  session: () => { dir: string; keys: { files: Buffer } };
  db: () => Kysely<Database>;
  /** The write path, as the `blobs` domain. */
  write: WriteFn;
  now?: () => number;
  /** The timer for collecting lapsed hand-overs while unlocked (tests fire it themselves). */
  later?: Later;
}

export interface Download {
  stream: Readable;
  size: number;
  /** The sniffed type (blob-http.ts decides what is actually served). */
  mime: string;
  name: string;
  disposition: 'attachment' | 'inline';
}

export interface Published {
  blobId: string;
  ticket: string;
  url: string;
  expiresAt: string;
}

/**
 * The core's file store service, shared by every front door: the store over the open profile, the
 * ticket book, and what the `blobs` contract, the HTTP server, the app:// protocol and other domains
 * (label PDFs) call. One per core; tickets die on lock.
 */
export function createBlobHub(deps: BlobHubDeps) {
  const now = deps.now ?? Date.now;
  const files = (): BlobFiles => {
    const s = deps.session();
    return new BlobFiles(path.join(s.dir, 'blobs'), () => s.keys.files);
  };
  const store = new BlobStore({ files, db: deps.db, write: deps.write, now });
  const tickets = new TicketBook(now);
  // A minute after the hour, so the refs made at that moment have lapsed when collection looks.
  const sweeper = handOverSweeper(() => store.gc(), { delayMs: TEMP_REF_MS + 60_000, now, later: deps.later });
  // SECURITY: streams in flight stop at lock (a blob's own key outlives the files key, so they would go on).
  const transfers = new Set<Readable>();
  const track = (s: Readable): Readable => {
    transfers.add(s);
    s.once('close', () => transfers.delete(s));
    return s;
  };

  const downloadTicket = async (blobId: string, name?: string, disposition: 'attachment' | 'inline' = 'attachment') => {
    const row = await store.get(blobId);
    const minted = tickets.mint({ kind: 'download', blobId, name: name ?? `file-${blobId.slice(0, 8)}`, mime: row.mime, disposition }, DOWNLOAD_TICKET_MS);
    return { ...minted, url: blobUrl(minted.ticket) };
  };

  const handlers: ServiceOf<typeof blobsContract> = {
    ticket: ({ blobId, name, disposition }) => downloadTicket(blobId, name, disposition),
    uploadTicket: ({ maxBytes }) => {
      const minted = tickets.mint({ kind: 'upload', maxBytes }, UPLOAD_TICKET_MS);
      return { ...minted, url: blobUrl(minted.ticket), maxBytes };
    },
  };

  return {
    store,
    tickets,
    handlers,

    /** Stores a file for one owner and hands back a download ticket (label PDFs, exports: roles 'label-pdf' and 'export' lapse after an hour). */
    async publish(
      source: Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
      opts: { name: string; mime?: string; owner: BlobOwner },
    ): Promise<Published> {
      const put = await store.put(source, { mime: opts.mime });
      await deps.write((trx) => store.addRef(trx, { ...opts.owner, blobId: put.id }));
      if ((EXPIRING_ROLES as readonly string[]).includes(opts.owner.role)) sweeper.handedOver();
      const t = await downloadTicket(put.id, opts.name, 'attachment');
      return { blobId: put.id, ticket: t.ticket, url: t.url, expiresAt: t.expiresAt };
    },

    /**
     * Ends a hand-over early, once its file is where it belongs (the CLI wrote it to disk): drops the blob's live
     * refs of that `role` (of any owner: identical content is one blob) and collects it at once unless another role holds it. SECURITY: an export's plaintext
     * then does not sit in the store for its hour; the files are unlinked, like every collected blob.
     */
    async release(blobId: string, role: ExpiringRole): Promise<void> {
      await deps.write(async (trx) => {
        const refs = await trx
          .selectFrom('blob_refs')
          .select(['owner_domain', 'owner_table', 'owner_id'])
          .where('blob_id', '=', blobId)
          .where('role', '=', role)
          .where('deleted_at', 'is', null)
          .execute();
        for (const r of refs) await store.removeRef(trx, { blobId, role, ownerDomain: r.owner_domain, ownerTable: r.owner_table, ownerId: r.owner_id });
      });
      await store.gc();
    },

    /** Redeems a download ticket: the plaintext stream and what to tell the client. FORBIDDEN for a bad ticket. */
    async download(ticket: string): Promise<Download> {
      const grant = tickets.redeem(ticket, 'download');
      const row = await store.get(grant.blobId);
      return { stream: track(await store.open(grant.blobId)), size: row.size, mime: row.mime, name: grant.name, disposition: grant.disposition };
    },

    /**
     * Redeems an upload ticket (once) and streams `body` into the store, capped at the ticket's size. The file
     * is held by an 'upload' ref for an hour: an owner claims it with its own ref, or collection takes it.
     */
    async upload(ticket: string, body: Readable | AsyncIterable<Uint8Array>, declaredBytes?: number): Promise<UploadedBlob> {
      const grant = tickets.redeem(ticket, 'upload');
      if (declaredBytes !== undefined && declaredBytes > grant.maxBytes) throw tooLarge(grant.maxBytes);
      if (body instanceof Readable) track(body);
      const put = await store.put(body, { maxBytes: grant.maxBytes });
      await deps.write((trx) => store.addRef(trx, { blobId: put.id, ownerDomain: 'blobs', ownerTable: 'uploads', ownerId: newId(), role: 'upload' }));
      sweeper.handedOver();
      let thumbnailId: string | null = null;
      if (isThumbnailable(put.mime, put.size)) {
        thumbnailId = await store.thumbnail(put.id).catch((err: unknown) => {
          log.warn(`[blobs] no preview for an upload: ${err instanceof Error ? err.message : String(err)}`);
          return null;
        });
      }
      return { ...put, thumbnailId };
    },

    /** After unlock: temp files of a crash, then collection (logged, never fatal). */
    async onUnlock(): Promise<void> {
      try {
        await files().removeTemp();
        await store.gc();
      } catch (err) {
        log.error('[blobs] cleanup after unlock failed', err);
      }
    },

    onLock(): void {
      tickets.clear();
      sweeper.stop();
      for (const s of transfers) s.destroy(new AppError('LOCKED', 'The profile locked; the file transfer was stopped.'));
      transfers.clear();
    },
  };
}

export type BlobHub = ReturnType<typeof createBlobHub>;

const tooLarge = (max: number): AppError => new AppError('TOO_LARGE', `The file is larger than this upload allows (${max} bytes); nothing was stored.`);
