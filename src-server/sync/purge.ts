import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/database';

/**
 * Purges tombstones every device has seen. A space's horizon is the lowest `seen_seq` over the devices that read
 * it and are not revoked (the account's devices for a personal space, every member's devices for a collection; a
 * device that never pulled counts as 0). For each row whose latest tombstone at or below the horizon has seq t,
 * every change of that row with seq ≤ t is deleted, tombstone included: every live device already applied the
 * delete, and a device that joins later has nothing to learn about the row. Later changes of the row are kept.
 * Pass a space id to purge one space (after a push), or nothing for all (the periodic job). Returns the count.
 *
 * `staleBefore`: devices not seen since then do not hold the purge back either. Pass now − refreshTokenSeconds:
 * last_seen_at moves on every refresh, so such a device's refresh token has expired — it can only come back by
 * signing in again, as a new device that pulls from 0.
 */
export async function purgeTombstones(db: Kysely<ServerDatabase>, spaceId?: string, staleBefore?: Date): Promise<number> {
  const onlySpace = spaceId === undefined ? sql`TRUE` : sql`sd.space_id = ${spaceId}::uuid`;
  const live = staleBefore === undefined ? sql`TRUE` : sql`d.last_seen_at >= ${staleBefore}`;
  const result = await sql`
    WITH space_devices AS (
      SELECT a.id AS space_id, d.id AS device_id
        FROM accounts a JOIN devices d ON d.account_id = a.id AND d.revoked_at IS NULL AND ${live}
      UNION ALL
      SELECT m.collection_id AS space_id, d.id AS device_id
        FROM members m JOIN devices d ON d.account_id = m.account_id AND d.revoked_at IS NULL AND ${live}
    ),
    horizon AS (
      SELECT sd.space_id, MIN(COALESCE(sc.seen_seq, 0)) AS seen
        FROM space_devices sd
        LEFT JOIN space_cursors sc ON sc.space_id = sd.space_id AND sc.device_id = sd.device_id
       WHERE ${onlySpace}
       GROUP BY sd.space_id
    ),
    tombstones AS (
      SELECT c.space_id, c.row_key, MAX(c.seq) AS seq
        FROM changes c JOIN horizon h ON h.space_id = c.space_id
       WHERE c.deleted AND c.seq <= h.seen
       GROUP BY c.space_id, c.row_key
    )
    DELETE FROM changes c USING tombstones t
     WHERE c.space_id = t.space_id AND c.row_key = t.row_key AND c.seq <= t.seq
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes access tokens past their expiry and refresh tokens past theirs (housekeeping of the periodic job). */
export async function purgeExpiredTokens(db: Kysely<ServerDatabase>, now: Date): Promise<void> {
  await db.deleteFrom('access_tokens').where('expires_at', '<=', now).execute();
  await db.deleteFrom('refresh_tokens').where('expires_at', '<=', now).execute();
}
