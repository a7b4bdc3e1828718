import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/connection';
import { tempRoot } from '../test/helpers';
import { runAndKill } from '../test/kill-writer';
import { bundleFixture } from '../test/bundle-fixture';

/**
 * Issue 8: a change and its change-log row cannot be separated by a crash. A writer process running the real
 * write path (migrated SQLCipher database, triggers, BEGIN IMMEDIATE) is SIGKILLed at random moments; after
 * each kill the database must hold exactly the rows of the acknowledged writes or more, and the log must
 * match the rows one for one: an insert row per item, an update row per edited item, nothing logged for a
 * row that does not exist, and no write half-logged.
 */
const KILLS = Number(process.env.HEARTH_CRASH_KILLS ?? 12);
let fixture = '';

beforeAll(async () => {
  fixture = await bundleFixture(path.join(import.meta.dirname, 'change-log-crash.fixture.ts'), 'change-log-writer');
});

describe('change log crash safety', () => {
  it(`never separates a change from its log row across ${KILLS} SIGKILLs`, async () => {
    const file = path.join(tempRoot(), 'hearth.db');
    const key = randomBytes(32).toString('hex');
    let maxAck = 0;
    for (let i = 0; i < KILLS; i++) {
      maxAck = Math.max(maxAck, await runAndKill(fixture, [file, key], Math.floor(Math.random() * 500), path.resolve(import.meta.dirname, '../..')));
      if (maxAck === 0) continue;
      const db = openSqlite(file, { keyPragma: `x'${key}'`, label: 'hearth.db', create: false });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const items = (db.prepare('SELECT count(*) AS n FROM vault_items').get() as { n: number }).n;
        expect(items).toBeGreaterThanOrEqual(maxAck);
        const logged = db.prepare(`SELECT op, count(*) AS n FROM change_log WHERE table_name = 'vault_items' GROUP BY op`).all() as { op: string; n: number }[];
        const count = (op: string) => logged.find((l) => l.op === op)?.n ?? 0;
        expect(count('insert')).toBe(items); // every item's insert is logged, and no insert is logged without its row
        expect(count('update')).toBe(items - 1); // write n edits item n-1: its update is logged in the same write
        const orphans = db.prepare(`SELECT count(*) AS n FROM change_log l WHERE NOT EXISTS (SELECT 1 FROM vault_items v WHERE v.id = l.row_id)`).get() as {
          n: number;
        };
        expect(orphans.n).toBe(0);
        const perWrite = db.prepare(`SELECT hlc, count(*) AS n FROM change_log GROUP BY hlc HAVING n <> 2 AND hlc <> (SELECT min(hlc) FROM change_log)`).all();
        expect(perWrite).toEqual([]); // every write after the first logged both its rows: none half-logged
        expect((db.prepare('SELECT hlc FROM write_context').get() as { hlc: string | null }).hlc).toBeNull();
      } finally {
        db.close();
      }
    }
    expect(maxAck).toBeGreaterThan(0);
  }, 300_000);
});
