import type { z } from 'zod';
import type {
  CollectionList,
  DeviceList,
  PullResponse,
  PushChange,
  PushResponse,
  SessionResponse,
  SyncErrorCode,
  SyncKdf,
  Tokens,
} from '../../src-shared/sync/protocol';

/**
 * The client side of sync (docs/sync.md), in parts:
 *   keys.ts        derivations from the data key and the master key (auth secret, sync keys, identity key pair)
 *   envelope.ts    one change ⇄ an AES-256-GCM envelope (AAD: space, row key, hlc, deleted)
 *   http-client.ts the typed HTTP client of src-shared/sync/protocol.ts (token refresh, typed errors)
 *   outbox.ts      local change_log rows → field-level changes (diffed against the last synced values)
 *   apply.ts       remote changes → rows, field by field, last writer wins by HLC, losers kept in history
 *   engine.ts      one sync pass: prepare, push, pull and apply, blobs
 */

/** A change as the engine sees it, before encryption and after decryption. */
export interface PlainChange {
  table: string;
  rowId: string;
  hlc: string;
  /** A tombstone: the row was deleted (fields empty). */
  deleted: boolean;
  /** The changed columns with their new values (SQLite values encoded by row-codec: blobs as {$b: base64}). */
  fields: Record<string, unknown>;
}

/** The keys one space's changes are sealed with: the personal space's come from the data key, a collection's from its key. */
export interface SpaceKeys {
  spaceId: string;
  /** AES-256-GCM key for envelopes. */
  envelopeKey: Buffer;
  /** HMAC-SHA256 key for row keys (the server's grouping key). */
  rowKey: Buffer;
  /**
   * A shared collection's earlier key versions (newest first), for opening only: changes are sealed with the keys
   * above, and a change sealed before a rotation opens with the version it was sealed under (collections.ts).
   */
  older?: SpaceKeys[];
}

/** Errors from the server or the network, typed so the engine can decide: retry later, sign in again, or stop. */
export class SyncError extends Error {
  constructor(
    /** NETWORK: no answer (offline, timeout); TAMPERED: something from the server failed authentication (never retried). */
    readonly code: SyncErrorCode | 'NETWORK' | 'TAMPERED',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
  /** Worth retrying with backoff (network, 5xx, 429). */
  get retryable(): boolean {
    return this.code === 'NETWORK' || this.code === 'UNAVAILABLE' || this.code === 'RATE_LIMITED' || this.code === 'INTERNAL';
  }
}

/** What the engine needs from the server (implemented by http-client.ts against a real server). */
export interface SyncTransport {
  push(spaceId: string, changes: PushChange[]): Promise<z.infer<typeof PushResponse>>;
  pull(spaceId: string, since: number, limit?: number): Promise<z.infer<typeof PullResponse>>;
  putBlob(spaceId: string, id: string, bytes: Buffer): Promise<void>;
  hasBlob(spaceId: string, id: string): Promise<boolean>;
  getBlob(spaceId: string, id: string): Promise<Buffer>;
  devices(): Promise<z.infer<typeof DeviceList>>;
  revokeDevice(id: string): Promise<void>;
  collections(): Promise<z.infer<typeof CollectionList>>;
}

export type { SessionResponse, SyncKdf, Tokens };
