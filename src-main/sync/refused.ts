import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { nowIso } from '../lib/ids';
import { cursorKey } from './engine';
import { addHistory, setState } from './sync-store';

/** What the conflicts view says about a change the server refused (a viewer's edit of a shared register). */
export const FORBIDDEN_REASON_TEXT = 'You can only view this register: your change was not shared.';

/**
 * The server refused a push to a shared space (FORBIDDEN: this account may only read it, or is no longer a member).
 * Retrying cannot help, so instead of looping, every waiting change of that space becomes a conflict (reason
 * 'forbidden', one history entry per field, the value kept) and leaves the outbox; the rest of sync carries on.
 * The refused fields also lose their "last synced" state and the space's cursor goes back to 0, so the next pull
 * puts the register's values back on this device (a remote value beats a field with no synced state): the
 * device ends up showing what everyone else sees, and the refused edit is in the history. Runs inside a write.
 * Returns how many history entries it added.
 */
export async function refuseOutbox(trx: Kysely<Database>, spaceId: string, now: () => number): Promise<number> {
  const at = nowIso(now);
  const rows = await trx.selectFrom('sync_outbox').selectAll().where('space_id', '=', spaceId).orderBy('seq').execute();
  let added = 0;
  for (const r of rows) {
    const base = { table: r.table_name, rowId: r.row_id, hlc: r.hlc, lostToHlc: '', reason: 'forbidden' as const };
    if (r.deleted === 1) {
      if (await addHistory(trx, { ...base, field: '*', value: JSON.stringify({ deleted: true }) }, at)) added++;
      // The delete did not happen for anyone else: forget the local tombstone so the row can come back.
      await trx.deleteFrom('sync_rows').where('table_name', '=', r.table_name).where('row_id', '=', r.row_id).where('deleted_hlc', '=', r.hlc).execute();
    } else {
      const fields = JSON.parse(r.fields) as Record<string, unknown>;
      for (const [field, value] of Object.entries(fields)) {
        if (await addHistory(trx, { ...base, field, value: JSON.stringify(value) }, at)) added++;
      }
      const names = Object.keys(fields);
      if (names.length > 0) {
        await trx
          .deleteFrom('sync_fields')
          .where('table_name', '=', r.table_name)
          .where('row_id', '=', r.row_id)
          .where('hlc', '=', r.hlc)
          .where('field', 'in', names)
          .execute();
      }
    }
  }
  await trx.deleteFrom('sync_outbox').where('space_id', '=', spaceId).execute();
  await setState(trx, cursorKey(spaceId), '0');
  return added;
}
