import { hkdf, wipe } from './cipher';

/**
 * The data key (DEK) and its HKDF sub-keys. Held only in main, only while unlocked,
 * as Buffer.alloc buffers that `destroy()` overwrites (docs/security.md#key-hierarchy).
 */
export const KEY_INFO = {
  kek: 'hearth/kek/v1',
  recovery: 'hearth/recovery/v1',
  db: 'hearth/db/v1',
  items: 'hearth/items/v1',
  files: 'hearth/files/v1',
  export: 'hearth/export/v1',
  /** Backup files' body key (src-main/domains/backup/), derived from the DEK only when a backup is written or read. */
  backup: 'hearth/backup/v1',
  /** Sync (src-main/sync/keys.ts): the server-auth secret comes from the master key, the rest from the DEK or a collection key. */
  syncAuth: 'hearth/sync/auth/v1',
  syncKeyProof: 'hearth/sync/key-proof/v1',
  syncEnvelope: 'hearth/sync/envelope/v1',
  syncRow: 'hearth/sync/row/v1',
  syncIdentity: 'hearth/sync/identity/v1',
  syncCollectionWrap: 'hearth/sync/collection-wrap/v1',
  syncCollectionName: 'hearth/sync/collection-name/v1',
} as const;

export class KeySet {
  readonly db: Buffer;
  readonly items: Buffer;
  readonly files: Buffer;
  readonly export: Buffer;
  #dek: Buffer;
  #destroyed = false;

  constructor(dek: Buffer) {
    this.#dek = Buffer.alloc(dek.length);
    dek.copy(this.#dek);
    this.db = hkdf(this.#dek, KEY_INFO.db);
    this.items = hkdf(this.#dek, KEY_INFO.items);
    this.files = hkdf(this.#dek, KEY_INFO.files);
    this.export = hkdf(this.#dek, KEY_INFO.export);
  }

  /** The DEK itself, for re-wrapping on password change. Callers must not keep a reference. */
  get dek(): Buffer {
    if (this.#destroyed) throw new Error('KeySet used after destroy');
    return this.#dek;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** SQLCipher raw-key pragma value. A string is unavoidable here; it is built per open and dropped. */
  dbKeyPragma(): string {
    return `x'${this.db.toString('hex')}'`;
  }

  destroy(): void {
    wipe(this.#dek, this.db, this.items, this.files, this.export);
    this.#destroyed = true;
  }
}
