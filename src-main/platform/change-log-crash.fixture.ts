// Test helper for change-log-crash.test.ts: opens the encrypted database exactly as Hearth does, migrated,
// and runs the real write path in a loop. Write n inserts a vault item and edits the previous one, and
// prints "ACK n" only after the commit returned. The parent SIGKILLs this process at a random moment.
import { sql } from 'kysely';
import { createKysely, openSqlite } from '../db/connection';
import { migrateToLatest } from '../db/migrator';
import { createWritePath } from './write-path';

async function main(): Promise<void> {
  const [file, key] = process.argv.slice(2) as [string, string];
  const sqlite = openSqlite(file, { keyPragma: `x'${key}'`, label: 'hearth.db', create: true });
  const db = createKysely(sqlite);
  await migrateToLatest(db);
  const writes = createWritePath({ db: () => db, now: Date.now, inTransaction: () => sqlite.inTransaction, onCommitted: () => undefined });
  let n = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM vault_items`.execute(db)).rows[0]?.n ?? 0);
  const pad = 'x'.repeat(2000);
  for (;;) {
    n += 1;
    const at = new Date().toISOString();
    await writes.write('vault', async (trx) => {
      await trx
        .insertInto('vault_items')
        .values({
          id: `item-${String(n).padStart(8, '0')}`,
          type: 'note',
          title: `n${n}`,
          notes: pad,
          created_at: at,
          updated_at: at,
          subtitle: '',
          folder: '',
          tags: '[]',
          favorite: 0,
          reprompt: 0,
          public_data: '{}',
          secrets: '{}',
          has_totp: 0,
          password_changed_at: null,
          last_used_at: null,
          deleted_at: null,
          purged_at: null,
        })
        .execute();
      if (n > 1)
        await trx
          .updateTable('vault_items')
          .set({ title: `edited by ${n}`, updated_at: at })
          .where('id', '=', `item-${String(n - 1).padStart(8, '0')}`)
          .execute();
    });
    process.stdout.write(`ACK ${n}\n`);
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
