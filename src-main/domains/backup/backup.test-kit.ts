import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/domains/batches/freshness-rule';
import { KeySet } from '../../crypto/keys';
import { openSqlite, type SqliteHandle } from '../../db/connection';
import { parseKeyring, unwrapWithRecoveryKey } from '../../profile/keyring';
import type { TestCore } from '../../test/helpers';

/** Shared by the backup tests: data in every module through the typed client, and a canonical dump of a profile. */
export const CANARY = 'canary-7f3a9c-backup-secret';

/** Stores `bytes` as a person's upload would (an upload ticket, then the bytes); returns the blob id. */
export async function upload(core: TestCore, bytes: Buffer): Promise<string> {
  return (await core.blobs().upload((await core.client.blobs.uploadTicket({ maxBytes: 1 << 22 })).ticket, Readable.from([bytes]))).id;
}

/** One record or more in every module: a vault login holding the canary, a batch, a journal entry with an attachment, a file, an event, a task, mail. */
export async function fillEveryModule(core: TestCore): Promise<{ itemId: string }> {
  const c = core.client;
  const item = await c.vault.create({
    item: { type: 'login', title: 'Bank', login: { username: 'me', password: CANARY, urls: [{ url: 'https://bank.example' }] } },
  });
  const product = await c.batches.createProduct({ name: 'Rye bread', unit: 'pcs', shelfLifeDays: 5, thresholds: DEFAULT_THRESHOLDS });
  await c.batches.create({ productId: product.id, lot: 'R-1', productionDate: '2026-11-18', arrivalDate: '2026-11-19', quantity: 10 });
  const journal = await c.journal.createJournal({ name: 'Diary' });
  const entry = await c.journal.create({ journalId: journal.id, body: 'By the river.' });
  await c.journal.attach({ entryId: entry.id, blobId: await upload(core, Buffer.from('attachment bytes '.repeat(100))), name: 'note.txt' });
  await c.files.add({ blobId: await upload(core, Buffer.from('%PDF-1.4 a file in the library\n'.repeat(50))), name: 'scan.pdf' });
  const calendar = await c.calendar.createCalendar({ name: 'Home' });
  await c.calendar.createEvent({
    calendarId: calendar.id,
    title: 'Dentist',
    start: { kind: 'zoned', local: '2026-11-23T09:00', tz: 'Europe/London' },
    end: { kind: 'zoned', local: '2026-11-23T09:30', tz: 'Europe/London' },
  });
  await c.goals.createTask({ title: 'Call the plumber', dueDate: '2026-11-25' });
  await c.email.importStart({ source: { kind: 'upload', files: [{ path: 'Inbox.mbox', blobId: await upload(core, smallMbox(3)) }] }, wait: true });
  return { itemId: item.id };
}

/** A generated mbox of `n` messages, each with a small attachment. */
export function smallMbox(n: number): Buffer {
  const messages = Array.from({ length: n }, (_, i) =>
    [
      `From ana@example.org Mon Nov ${10 + i} 09:00:00 2026`,
      'From: Ana <ana@example.org>',
      'To: me@example.org',
      `Subject: Invoice ${i + 1}`,
      `Message-ID: <invoice-${i + 1}@example.org>`,
      `Date: Mon, ${10 + i} Nov 2026 09:00:00 +0000`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Here is invoice number ${i + 1}.`,
      '--b1',
      'Content-Type: application/octet-stream; name="invoice.bin"',
      'Content-Disposition: attachment; filename="invoice.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`invoice ${i + 1} `.repeat(20)).toString('base64'),
      '--b1--',
      '',
    ].join('\n'),
  );
  return Buffer.from(messages.join('\n'));
}

/** Resolves once the change log has not grown for `quietMs` (work a module finishes in the background after answering). */
export async function settled(sqlite: SqliteHandle, quietMs = 1000): Promise<void> {
  const last = () => (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log').get() as { n: number }).n;
  for (let seen = last(), since = Date.now(); Date.now() - since < quietMs;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = last();
    if (now !== seen) [seen, since] = [now, Date.now()];
  }
}

/** SHA-256 of every table's rows, SQLite's own (sqlite_sequence …) included; sorted, so VACUUM's renumbering of implicit rowids does not matter. */
export function dumpDatabase(sqlite: SqliteHandle): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    const rows = (sqlite.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    hash.update(`${name}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** SHA-256 over every stored file's path and bytes. */
export async function dumpBlobs(profileDir: string): Promise<{ hash: string; count: number }> {
  const root = path.join(profileDir, 'blobs');
  const files = (await fs.readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(root, f)).update(await fs.readFile(f));
  return { hash: hash.digest('hex'), count: files.length };
}

/** Opens a profile folder that is not open (its keyring and recovery key: no KDF, quick) and hands the database to `use`. */
export async function withClosedProfile<T>(profileDir: string, recoveryKey: string, use: (sqlite: SqliteHandle) => T): Promise<T> {
  const dek = unwrapWithRecoveryKey(parseKeyring(await fs.readFile(path.join(profileDir, 'keyring.json'), 'utf8')), recoveryKey);
  const keys = new KeySet(dek);
  const sqlite = openSqlite(path.join(profileDir, 'hearth.db'), { keyPragma: keys.dbKeyPragma(), label: 'hearth.db', create: false });
  try {
    return use(sqlite);
  } finally {
    sqlite.close();
    keys.destroy();
    dek.fill(0);
  }
}
