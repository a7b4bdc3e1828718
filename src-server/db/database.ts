import type { ColumnType, Generated } from 'kysely';
import type { SyncKdf } from '../../src-shared/sync/protocol';

/**
 * The sync server's PostgreSQL schema as Kysely sees it (mirrors the latest migration in ./migrations).
 * Timestamps are timestamptz written from the server's clock (`now()` of buildServer, so tests can move time);
 * `bigint` columns come back from `pg` as strings and are converted at the edge with Number().
 * Nothing here is a key or plaintext: emails, the auth hash (Argon2id of an HKDF output), wrapped keys and envelopes.
 */
export interface ServerDatabase {
  accounts: AccountTable;
  devices: DeviceTable;
  refresh_tokens: RefreshTokenTable;
  access_tokens: AccessTokenTable;
  changes: ChangeTable;
  space_cursors: SpaceCursorTable;
  collections: CollectionTable;
  members: MemberTable;
  blob_owners: BlobOwnerTable;
}

type Timestamp = ColumnType<Date, Date, Date>;
type BigIntText = ColumnType<string, number | string | bigint, number | string | bigint>;

export interface AccountTable {
  id: string;
  email: string;
  auth_hash: string;
  kdf: ColumnType<SyncKdf, string, string>;
  keyring: string;
  public_key: string;
  wrapped_private_key: string;
  /** SHA-256 (hex) of the key proof (migration 0005); null for older accounts. */
  key_proof_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Timestamp;
}

export interface DeviceTable {
  id: string;
  account_id: string;
  name: string;
  created_at: Timestamp;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

export interface RefreshTokenTable {
  token_hash: Buffer;
  family_id: string;
  device_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

export interface AccessTokenTable {
  token_hash: Buffer;
  device_id: string;
  expires_at: Timestamp;
}

export interface ChangeTable {
  seq: ColumnType<string, never, never>;
  space_id: string;
  change_id: string;
  row_key: Buffer;
  hlc: string;
  deleted: boolean;
  device_id: string;
  envelope: Buffer;
  created_at: Timestamp;
}

export interface SpaceCursorTable {
  space_id: string;
  device_id: string;
  seen_seq: BigIntText;
  updated_at: Timestamp;
}

export interface CollectionTable {
  id: string;
  kind: string;
  sealed_name: string;
  key_version: number;
  created_by: string;
  created_at: Timestamp;
}

export interface MemberTable {
  collection_id: string;
  account_id: string;
  role: 'owner' | 'editor' | 'viewer';
  wrapped_key: string;
  key_version: number;
  added_at: Timestamp;
}

export interface BlobOwnerTable {
  space_id: string;
  blob_id: string;
  size: BigIntText;
  created_at: Timestamp;
}
