import { createHash } from 'node:crypto';
import type { AppClient } from '../../src-shared/ipc/channels';
import type { Core } from '../app/bootstrap';
import { pick } from '../bench/measure';
import { KINDS, type Actual, type Kind, type Model } from './soak-model';
import { vaultPassword } from './soak-op-kit';
import type { Checks } from './soak-protocol';

/**
 * The invariants a soak worker checks on an open profile: the live records of every kind (straight from the
 * tables, to compare with the model), `PRAGMA integrity_check`, each FTS5 index's own integrity check, every
 * stored email against its SHA-256 (email.verify), and samples read back through the client: vault passwords
 * revealed and library files' bytes hashed.
 */

/** Live rows of each kind as id → state (the column the soak's writes set). */
const LIVE: Record<Kind, string> = {
  vault: `SELECT id, title AS s FROM vault_items WHERE deleted_at IS NULL`,
  batch: `SELECT id, lot || '/' || CAST(quantity AS INTEGER) AS s FROM batches WHERE deleted_at IS NULL`,
  entry: `SELECT id, title AS s FROM journal_entries WHERE deleted_at IS NULL`,
  attachment: `SELECT id, entry_id AS s FROM journal_attachments WHERE deleted_at IS NULL`,
  file: `SELECT id, name AS s FROM files WHERE deleted_at IS NULL`,
  event: `SELECT id, summary AS s FROM calendar_events WHERE kind = 'event' AND recurrence_key = '' AND deleted_at IS NULL`,
  task: `SELECT id, status AS s FROM tasks WHERE deleted_at IS NULL`,
};

/** What the database holds now. */
export async function readActual(core: Core, client: AppClient): Promise<Actual> {
  const db = core.profiles.current().sqlite;
  const records = Object.fromEntries(
    KINDS.map((k) => [k, Object.fromEntries((db.prepare(LIVE[k]).all() as { id: string; s: string }[]).map((r) => [r.id, r.s]))]),
  ) as Actual['records'];
  const email = db.prepare('SELECT count(*) AS n FROM email_messages WHERE deleted_at IS NULL').get() as { n: number };
  const settings = await client.settings.get({});
  return { records, emailMessages: email.n, clipboardSeconds: settings.clipboardClearSeconds };
}

/** Runs the checks; failures are human-readable lines. `model` must already match the database. */
export async function runChecks(
  core: Core,
  client: AppClient,
  model: Model,
  canary: string,
  rand: () => number,
): Promise<{ failures: string[]; checks: Checks }> {
  const started = Date.now();
  const failures: string[] = [];
  const db = core.profiles.current().sqlite;
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  if (integrity !== 'ok') failures.push(`PRAGMA integrity_check: ${integrity}`);
  const ftsTables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`).all() as { name: string }[]
  ).map((r) => r.name);
  for (const t of ftsTables) {
    try {
      db.prepare(`INSERT INTO "${t}"("${t}") VALUES ('integrity-check')`).run();
    } catch (err) {
      failures.push(`FTS integrity-check of ${t}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const verified = await client.email.verify({});
  if (verified.bad.length > 0) failures.push(`email.verify: ${verified.bad.length} bad, first ${JSON.stringify(verified.bad[0])}`);
  if (verified.checked !== model.emailMessages) failures.push(`email.verify checked ${verified.checked} messages, the model has ${model.emailMessages}`);

  // Counts as the app's own read paths see them, against the model (itself just compared with the tables).
  const counts: [string, number, number][] = [
    ['vault.list total', (await client.vault.list({})).total, Object.keys(model.records.vault).length],
    ['files.list', (await client.files.list({})).files.length, Object.keys(model.records.file).length],
    ['email.folders messages', (await client.email.folders({})).reduce((n, f) => n + f.messages, 0), model.emailMessages],
  ];
  for (const [what, seen, want] of counts) if (seen !== want) failures.push(`${what}: ${seen}, the model has ${want}`);

  const vault = Object.entries(model.records.vault);
  const revealed = Math.min(8, vault.length);
  for (let i = 0; i < revealed; i++) {
    const [id, state] = pick(rand, vault);
    const { value } = await client.vault.reveal({ id, field: 'password' });
    if (value !== vaultPassword(canary, state)) failures.push(`vault ${id}: revealed password is not the acknowledged one (${state})`);
  }
  const files = Object.keys(model.fileHashes);
  const hashed = Math.min(5, files.length);
  for (let i = 0; i < hashed; i++) {
    const id = pick(rand, files);
    const { blobId } = await client.files.get({ id });
    const hash = createHash('sha256');
    for await (const chunk of await core.blobs().store.open(blobId)) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== model.fileHashes[id]) failures.push(`file ${id}: content differs from the acknowledged bytes`);
  }
  // The checks read every page (integrity_check): give that cache back so RSS measures the app, not the checker.
  db.pragma('shrink_memory');
  const checks: Checks = { integrity, fts: ftsTables, emailChecked: verified.checked, revealed, filesHashed: hashed, ms: Date.now() - started };
  return { failures, checks };
}
