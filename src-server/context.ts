import type { Kysely } from 'kysely';
import { SYNC_LIMITS } from '../src-shared/sync/protocol';
import type { BlobDriver } from './blobs/blob-driver';
import type { ServerDatabase } from './db/database';
import type { Metrics } from './ops/metrics';

/** Argon2id cost of the server-side hash of each account's auth secret (configurable so tests stay fast). */
export interface Argon2Cost {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * Tunables of one server. Defaults follow SYNC_LIMITS (src-shared/sync/protocol.ts); tests lower some of them
 * (rate limit, blob size, Argon2 cost) to stay fast without changing the code paths.
 */
export interface ServerLimits {
  /** Requests per IP per window on /v1/auth/* and sign-up. */
  authRateLimit: { max: number; timeWindowMs: number };
  /** OWASP's moderate Argon2id profile by default: 19 MiB, t=2, p=1 (the secret is already a 256-bit HKDF output). */
  argon2: Argon2Cost;
  failedLoginsBeforeLockout: number;
  lockoutSeconds: number;
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  blobBytes: number;
  pushBodyBytes: number;
  /** A pull page stops after this many envelope bytes even when `limit` is not reached. */
  pullPageBytes: number;
  /** How often the background job purges tombstones and expired tokens (0: never; tests call it directly). */
  maintenanceIntervalMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  authRateLimit: { max: 30, timeWindowMs: 60_000 },
  argon2: { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 },
  failedLoginsBeforeLockout: SYNC_LIMITS.failedLoginsBeforeLockout,
  lockoutSeconds: SYNC_LIMITS.lockoutSeconds,
  accessTokenSeconds: SYNC_LIMITS.accessTokenSeconds,
  refreshTokenSeconds: SYNC_LIMITS.refreshTokenSeconds,
  blobBytes: SYNC_LIMITS.blobBytes,
  pushBodyBytes: SYNC_LIMITS.pushBodyBytes,
  pullPageBytes: 8 * 1024 * 1024,
  maintenanceIntervalMs: 10 * 60_000,
};

/** What every route handler gets: built once by buildServer (the composition root), no globals. */
export interface ServerContext {
  db: Kysely<ServerDatabase>;
  blobs: BlobDriver;
  /** The server's clock (tests move it to expire tokens and lockouts). */
  now(): Date;
  limits: ServerLimits;
  /** Keys the made-up prelogin answers for unknown emails. */
  secret: Buffer;
  metrics: Metrics;
}
