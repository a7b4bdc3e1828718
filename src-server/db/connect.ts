import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from './database';

/** Options for {@link connectServerDb}. */
export interface ConnectOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Pool size (default 20). */
  max?: number;
  /** Called when an idle pooled connection dies (PostgreSQL restarted): without a listener `pg` would crash the process. */
  onPoolError?: (err: Error) => void;
}

/**
 * Opens the server's PostgreSQL pool behind Kysely (the same query builder as the app). A dead idle connection is
 * reported, not thrown: while PostgreSQL restarts, requests fail with UNAVAILABLE and the pool reconnects by itself.
 */
export function connectServerDb(opts: ConnectOptions): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.max ?? 20, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  pool.on('error', (err) => opts.onPoolError?.(err));
  // The pool listens only on idle clients. A client checked out by a request (between the statements of a
  // transaction) that PostgreSQL terminates (57P01 on shutdown) emits 'error' too, and an unheard 'error' kills the
  // process: listen on every client. The request itself still fails (UNAVAILABLE); pg discards the client.
  pool.on('connect', (client) => client.on('error', (err) => opts.onPoolError?.(err)));
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}
