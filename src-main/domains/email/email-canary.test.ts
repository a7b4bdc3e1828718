/**
 * The canary check of docs/security.md for the email archive (issue 12): a word that is only in one message's body
 * is searchable after the import, and is in no file under the profile folder (database, -wal/-shm, packs, temp
 * files), in UTF-8 or UTF-16.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../test/canary';
import { tempRoot } from '../../test/helpers';
import { writeSampleMbox } from './email-sample-mbox';
import { setupEmail } from './email.test-helpers';

describe('email canary', () => {
  it('a word from a message body is indexed, and absent from every file under the profile folder', async () => {
    const s = await setupEmail();
    const canary = 'WOMBAT7c2e9canary';
    const file = path.join(tempRoot(), 'Canary.mbox');
    await writeSampleMbox(file, { messages: 100, seed: 3, canary, avgBytes: 2000 });
    const run = await s.email.importStart({ source: { kind: 'path', path: file }, wait: true });
    expect(run).toMatchObject({ state: 'done', imported: 100 });
    const hits = await sql<{ rowid: number }>`SELECT rowid FROM email_fts WHERE email_fts MATCH ${canary}`.execute(s.db());
    expect(hits.rows).toHaveLength(1);
    expect(await filesContaining(s.root, canary)).toEqual([]);
  });
});
