/** Types of postgres-harness.mjs (a real PostgreSQL cluster on 127.0.0.1 for tests and the e2e runner). */
export interface Postgres {
  /** postgres://hearth@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  port: number;
  /** Creates a fresh, empty database (one per test file or test) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_dump` of a database as SQL text (for the zero-knowledge tests). */
  dump(database: string): string;
  /** Stops the server (fast shutdown: open connections are cut) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server without removing its data (restart with `start()`). */
  stopServer(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder, or null. */
export const POSTGRES_BIN_DIR: string | null;
/** Why PostgreSQL tests skip (the binaries are missing), or null when they run. */
export const POSTGRES_SKIP_REASON: string | null;
/** Starts a throwaway cluster. Call `stop()` in afterAll. */
export function startPostgres(): Promise<Postgres>;
