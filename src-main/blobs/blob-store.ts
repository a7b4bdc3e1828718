import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import type { Database } from '../db/database';
import { BlobGate } from './blob-gate';
import { collectGarbage, type GcOptions, type GcReport } from './blob-gc';
import type { BlobFiles } from './blob-files';
import { addRef, removeRef, type BlobOwner, type RefInput } from './blob-refs';
import type { BlobRow } from './blobs.table';
import { SniffSample, sniffMime } from './mime-sniff';
import { isThumbnailable, THUMBNAIL_ROLE } from './thumbnail-rules';

export type { BlobOwner, RefInput } from './blob-refs';

export type WriteFn = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

export interface BlobStoreDeps {
  /** The open profile's encrypted files (throws LOCKED when none is open). */
  files: () => BlobFiles;
  /** The open profile's database, for reads. */
  db: () => Kysely<Database>;
  /** The one write path (DomainContext.write): every row change goes through it, never db.transaction(). */
  write: WriteFn;
  now?: () => number;
}

/**
 * Brings a blob's file into `files` when its row is here but its bytes are not (a row that arrived by sync; the bytes
 * are fetched lazily, src-main/sync/blob-sync.ts). Throws a typed AppError when it cannot (offline, not uploaded yet).
 */
export type MissingBlobFetcher = (id: string, files: BlobFiles) => Promise<void>;

export interface PutOptions {
  /** A type the sender claims: it only refines sniffed plain text (mime-sniff.ts), never overrides a signature. */
  mime?: string;
  /** Refuse (TOO_LARGE, nothing stored) past this many bytes: uploads from a front door. */
  maxBytes?: number;
}

export interface PutResult {
  id: string;
  size: number;
  mime: string;
}

/**
 * The profile's encrypted file store: bytes in {@link BlobFiles} (content-addressed, streamed, constant
 * memory), bookkeeping in the `blobs` and `blob_refs` tables. A put stores the file once whatever how many
 * owners use it; owners add and remove refs inside their own writes; {@link BlobStore.gc} deletes what no
 * one has referenced for the trash period (docs/formats.md#blobs).
 */
export class BlobStore {
  readonly #deps: BlobStoreDeps;
  readonly #gate = new BlobGate();
  readonly #now: () => number;
  #fetcher: MissingBlobFetcher | null = null;
  readonly #fetching = new Map<string, Promise<void>>();

  constructor(deps: BlobStoreDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /** Streams `source` (a readable, or a file path) into the store; same content, same id, one file. */
  async put(source: Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array> | string, opts: PutOptions = {}): Promise<PutResult> {
    const input = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : source;
    const sample = new SniffSample();
    const limit = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    async function* tap(): AsyncIterable<Buffer> {
      let seen = 0;
      for await (const chunk of input) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        seen += buf.length;
        if (seen > limit) throw new AppError('TOO_LARGE', `The file is larger than ${limit} bytes; nothing was stored.`);
        sample.take(buf);
        yield buf;
      }
    }
    return this.#gate.shared(async () => {
      const files = this.#deps.files();
      const { id, size, existed } = await files.put(tap());
      const mime = await sniffMime(sample.bytes(), opts.mime);
      const now = this.#iso();
      // Same content again: refresh the file's age so another process's orphan sweep leaves it alone.
      if (existed) await fs.utimes(files.pathOf(id), new Date(), new Date()).catch(() => undefined);
      await this.#deps.write(async (trx) => {
        const row = await trx.selectFrom('blobs').select(['id', 'unreferenced_since']).where('id', '=', id).executeTakeFirst();
        if (!row) {
          await trx.insertInto('blobs').values({ id, size, mime, created_at: now, updated_at: now, deleted_at: null, unreferenced_since: now }).execute();
        } else if (row.unreferenced_since !== null && row.unreferenced_since !== now) {
          // Stored again before any owner claimed it: its trash period starts over.
          await trx.updateTable('blobs').set({ unreferenced_since: now, updated_at: now }).where('id', '=', id).execute();
        }
      });
      return { id, size, mime };
    });
  }

  /** The blob's row, or NOT_FOUND. */
  async get(id: string): Promise<BlobRow> {
    const row = await this.#deps.db().selectFrom('blobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That stored file does not exist (it may have been cleaned up).');
    return row;
  }

  /** The plaintext as a stream (authenticated chunk by chunk; CORRUPT on damage). */
  async open(id: string): Promise<Readable> {
    await this.get(id);
    await this.#ensureLocal(id);
    return this.#deps.files().open(id);
  }

  /** Writes the plaintext to `dest` atomically; returns the bytes written. */
  async exportTo(id: string, dest: string): Promise<number> {
    await this.get(id);
    await this.#ensureLocal(id);
    return this.#deps.files().exportTo(id, dest);
  }

  /** The open profile's encrypted files as stored (sync uploads and fetches them as they are: already encrypted). */
  files(): BlobFiles {
    return this.#deps.files();
  }

  /**
   * Sync registers who fetches files whose rows arrived from another device (null when sync is off or the profile
   * locks). Without one, a missing file is NOT_FOUND as before; every read (open, exportTo) goes through here.
   */
  setMissingFetcher(fetcher: MissingBlobFetcher | null): void {
    this.#fetcher = fetcher;
  }

  /** One fetch per missing blob at a time, under the shared gate so collection does not sweep it half-way. */
  async #ensureLocal(id: string): Promise<void> {
    const fetcher = this.#fetcher;
    if (!fetcher) return;
    const files = this.#deps.files();
    if (await files.has(id)) return;
    let running = this.#fetching.get(id);
    if (!running) {
      running = this.#gate.shared(() => fetcher(id, files)).finally(() => this.#fetching.delete(id));
      this.#fetching.set(id, running);
    }
    await running;
  }

  addRef(trx: Kysely<Database>, ref: RefInput): Promise<string> {
    return addRef(trx, ref, this.#iso());
  }

  removeRef(trx: Kysely<Database>, ref: Partial<RefInput> & Omit<BlobOwner, 'role'>): Promise<number> {
    return removeRef(trx, ref, this.#iso());
  }

  /** Live refs of a blob (for checks and tests). */
  async refCount(id: string): Promise<number> {
    const row = await this.#deps
      .db()
      .selectFrom('blob_refs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('blob_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * The blob's 256 px WebP thumbnail (made once, stored as its own blob with a 'thumbnail' ref owned by the
   * source). UNSUPPORTED for content that is not a raster image; TOO_LARGE for a decompression bomb.
   */
  async thumbnail(id: string): Promise<string> {
    const source = await this.get(id);
    const owner = { ownerDomain: 'blobs', ownerTable: 'blobs', ownerId: id, role: THUMBNAIL_ROLE };
    const existing = await this.#deps
      .db()
      .selectFrom('blob_refs')
      .select('blob_id')
      .where('owner_domain', '=', owner.ownerDomain)
      .where('owner_table', '=', owner.ownerTable)
      .where('owner_id', '=', id)
      .where('role', '=', THUMBNAIL_ROLE)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) return existing.blob_id;
    if (!isThumbnailable(source.mime, source.size)) {
      throw new AppError('UNSUPPORTED', 'Only photos and pictures (JPEG, PNG, WebP, GIF, AVIF, TIFF) get a preview.');
    }
    const { makeThumbnail } = await import('./thumbnail'); // libvips loads on the first thumbnail, not at start-up
    const webp = await makeThumbnail(await this.open(id));
    const thumb = await this.put([webp]);
    await this.#deps.write((trx) => this.addRef(trx, { ...owner, blobId: thumb.id }));
    return thumb.id;
  }

  /** Deletes unreferenced blobs past their trash period, then orphan files; see blob-gc.ts. */
  gc(opts: GcOptions = {}): Promise<GcReport> {
    return this.#gate.exclusive(() => collectGarbage({ ...this.#deps, now: this.#now }, opts));
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }
}
