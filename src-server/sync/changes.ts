import { sql } from 'kysely';
import type { z } from 'zod';
import { SYNC_LIMITS, type PullResponse, type PushChange, type PushResponse } from '../../src-shared/sync/protocol';
import type { Principal } from '../auth/tokens';
import type { ServerContext } from '../context';
import { badRequest } from '../http/errors';

/** base64url text → bytes, refusing text that would not come back identical (so a pulled change equals the pushed one). */
function canonicalBytes(text: string, field: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw badRequest(`${field} is not canonical base64url`);
  return bytes;
}

/**
 * Stores a batch of changes in a space, idempotently: a change id already stored in the space is not stored again,
 * and its first sequence number is returned (a push retried after a lost answer changes nothing).
 *
 * Pushes to one space are serialised by a transaction-scoped advisory lock, so sequence numbers in a space become
 * visible in order: a pull that has seen seq n can never later miss a change with seq < n that committed late.
 */
export async function pushChanges(ctx: ServerContext, me: Principal, spaceId: string, changes: PushChange[]): Promise<z.infer<typeof PushResponse>> {
  const now = ctx.now();
  const rows = changes.map((c) => ({
    space_id: spaceId,
    change_id: c.id.toLowerCase(),
    row_key: canonicalBytes(c.key, 'key'),
    hlc: c.hlc,
    deleted: c.deleted,
    device_id: me.deviceId,
    envelope: canonicalBytes(c.envelope, 'envelope'),
    created_at: now,
  }));
  const result = await ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${spaceId}::text, 0))`.execute(trx);
    const inserted = await trx
      .insertInto('changes')
      .values(rows)
      .onConflict((oc) => oc.columns(['space_id', 'change_id']).doNothing())
      .returning(['change_id', 'seq'])
      .execute();
    const seqOf = new Map(inserted.map((r) => [r.change_id, Number(r.seq)]));
    const missing = [...new Set(rows.map((r) => r.change_id).filter((id) => !seqOf.has(id)))];
    if (missing.length > 0) {
      const existing = await trx.selectFrom('changes').select(['change_id', 'seq']).where('space_id', '=', spaceId).where('change_id', 'in', missing).execute();
      for (const r of existing) seqOf.set(r.change_id, Number(r.seq));
    }
    return { inserted: inserted.length, seqOf };
  });
  ctx.metrics.inc('hearth_changes_stored_total', result.inserted);
  ctx.metrics.inc('hearth_changes_duplicate_total', changes.length - result.inserted);
  return {
    accepted: changes.map((c) => ({ id: c.id, seq: result.seqOf.get(c.id.toLowerCase()) ?? 0 })),
    duplicates: changes.length - result.inserted,
  };
}

/**
 * One page of a space's changes after `since`, in sequence order, at most `limit` changes and about
 * `pullPageBytes` of envelopes. Records that this device has seen everything up to `since` (the tombstone purge
 * waits for every device's mark); the mark never moves backwards.
 */
export async function pullChanges(ctx: ServerContext, me: Principal, spaceId: string, since: number, limit?: number): Promise<z.infer<typeof PullResponse>> {
  const pageSize = limit ?? SYNC_LIMITS.changesPerRequest;
  await ctx.db
    .insertInto('space_cursors')
    .values({ space_id: spaceId, device_id: me.deviceId, seen_seq: since, updated_at: ctx.now() })
    .onConflict((oc) =>
      oc.columns(['space_id', 'device_id']).doUpdateSet({ seen_seq: sql`GREATEST(space_cursors.seen_seq, excluded.seen_seq)`, updated_at: ctx.now() }),
    )
    .execute();
  const rows = await ctx.db
    .selectFrom('changes')
    .select(['seq', 'change_id', 'row_key', 'hlc', 'deleted', 'envelope', 'device_id'])
    .where('space_id', '=', spaceId)
    .where('seq', '>', String(since))
    .orderBy('seq')
    .limit(pageSize + 1)
    .execute();
  const page: z.infer<typeof PullResponse>['changes'] = [];
  let bytes = 0;
  for (const r of rows.slice(0, pageSize)) {
    if (page.length > 0 && bytes + r.envelope.length > ctx.limits.pullPageBytes) break;
    bytes += r.envelope.length;
    page.push({
      id: r.change_id,
      key: r.row_key.toString('base64url'),
      hlc: r.hlc,
      deleted: r.deleted,
      envelope: r.envelope.toString('base64url'),
      seq: Number(r.seq),
      deviceId: r.device_id,
    });
  }
  const last = page.at(-1);
  return { changes: page, cursor: last ? last.seq : since, more: page.length < rows.length };
}
