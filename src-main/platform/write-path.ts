import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { nextHlc } from '../../src-shared/lib/hlc';
import type { Database } from '../db/database';
import type { ChangeRow } from './context';

export interface WritePathDeps {
  db: () => Kysely<Database>;
  now: () => number;
  /** Whether the connection is inside a transaction (better-sqlite3's `inTransaction`). */
  inTransaction: () => boolean;
  /** Turns a failure the OS caused (a read-only or full disk behind a bare SQLITE_IOERR) into a typed error. */
  explain?: (err: unknown) => unknown;
  /** After each outermost write commits: who wrote, and every row the write changed. */
  onCommitted: (domain: string, changes: readonly ChangeRow[]) => void;
}

export interface WritePath {
  write<T>(domain: string, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The connection of the write running in this async context, if any. */
  current(): Kysely<Database> | undefined;
}

/**
 * The one write path (docs/architecture.md#write-path). Each write is a BEGIN IMMEDIATE transaction (the
 * write lock is taken before the first read, so check-then-write cannot race another process) that:
 *   1. takes the next hybrid logical clock version after the profile's last one and opens `write_context`;
 *   2. runs the module's work, during which the database's own triggers append one `change_log` row per
 *      changed row (a change and its log row are one statement: no crash can split them);
 *   3. reads back what it changed, closes `write_context` (a logged table written while it is closed
 *      aborts), and commits.
 * Only after the commit does anyone hear of the change. A write started inside another joins it.
 */
export function createWritePath(deps: WritePathDeps): WritePath {
  const active = new AsyncLocalStorage<Kysely<Database>>();

  async function write<T>(domain: string, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    const outer = active.getStore();
    if (outer) return fn(outer);
    let changes: ChangeRow[] = [];
    // Loaded on the first write, not at start: `hearth profile list` never opens a database.
    const { sql } = await import('kysely');
    const value = await deps
      .db()
      .connection()
      .execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const ctx = (await sql<{ device_id: string; last_hlc: string }>`SELECT device_id, last_hlc FROM write_context WHERE only = 1`.execute(conn)).rows[0];
          if (!ctx) throw new Error('write_context row missing');
          const hlc = nextHlc(ctx.last_hlc, deps.now(), ctx.device_id);
          await sql`UPDATE write_context SET hlc = ${hlc}, domain = ${domain}, last_hlc = ${hlc} WHERE only = 1`.execute(conn);
          const out = await active.run(conn, () => fn(conn));
          changes = (
            await sql<{
              table_name: string;
              row_id: string;
              op: ChangeRow['op'];
            }>`SELECT table_name, row_id, op FROM change_log WHERE hlc = ${hlc} ORDER BY seq`.execute(conn)
          ).rows.map((r) => ({ table: r.table_name, rowId: r.row_id, op: r.op }));
          await sql`UPDATE write_context SET hlc = NULL, domain = NULL WHERE only = 1`.execute(conn);
          await sql`COMMIT`.execute(conn);
          return out;
        } catch (err) {
          // SQLite has already rolled the transaction back after some errors (SQLITE_FULL, SQLITE_IOERR): a second
          // ROLLBACK would fail with "no transaction is active" and hide the cause (docs/security.md#t7).
          if (deps.inTransaction()) await sql`ROLLBACK`.execute(conn);
          throw deps.explain ? deps.explain(err) : err;
        }
      });
    if (changes.length > 0) deps.onCommitted(domain, changes);
    return value;
  }

  return { write, current: () => active.getStore() };
}
