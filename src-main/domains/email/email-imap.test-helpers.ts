/**
 * Test-only helpers for the IMAP tests: "another mail client" (imapflow straight at the test Dovecot) that loads the
 * mailbox and takes snapshots of what the server holds (UIDs and flags per mailbox, and the maildir's file names,
 * whose `:2,` suffix carries the flags), and the messages to load (the sample .eml files, or generated ones).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Dovecot } from '../../test/dovecot';
import { FIXTURES_DIR } from '../../test/fixtures';

export async function otherClient(dc: Dovecot, user: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: dc.host,
    port: dc.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: dc.users[user]! },
    logger: false,
    disableAutoIdle: true,
  });
  await client.connect();
  return client;
}

/** Every maildir message file (cur/, new/, tmp/) as a path relative to the user's maildir, sorted. */
export function maildirFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (['cur', 'new', 'tmp'].includes(path.basename(rel))) out.push(r);
    }
  };
  walk('.');
  return out.sort();
}

export interface ServerSnapshot {
  files: string[];
  /** mailbox → [uid, flags] in UID order (\Recent left out: it is per session, not stored). */
  mailboxes: Record<string, { uidValidity: string; messages: Array<[number, string[]]> }>;
}

/** What the server holds, read through its own read-only connection (EXAMINE, FETCH UID FLAGS). */
export async function snapshot(dc: Dovecot, user: string): Promise<ServerSnapshot> {
  const files = maildirFiles(dc.maildir(user));
  const client = await otherClient(dc, user);
  const mailboxes: ServerSnapshot['mailboxes'] = {};
  try {
    for (const box of await client.list()) {
      if (box.flags.has('\\Noselect') || box.flags.has('\\NonExistent')) continue;
      const opened = await client.mailboxOpen(box.path, { readOnly: true });
      const msgs = opened.exists === 0 ? [] : await client.fetchAll('1:*', { uid: true, flags: true });
      mailboxes[box.path] = {
        uidValidity: opened.uidValidity.toString(),
        messages: msgs.map((m) => [m.uid, [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort()] as [number, string[]]).sort((a, b) => a[0] - b[0]),
      };
    }
  } finally {
    await client.logout();
  }
  return { files, mailboxes };
}

/** A small generated message (the sample files make the test richer, these keep it running without them). */
export function generated(n: number, tag: string): Buffer {
  return Buffer.from(
    [
      `From: Sender ${n} <sender${n}@example.org>`,
      'To: Archivist <archivist@example.org>',
      `Subject: ${tag} message ${n}`,
      `Date: Mon, 0${(n % 9) + 1} Mar 2026 10:00:00 +0000`,
      `Message-ID: <${tag}-${n}@example.org>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Body of ${tag} message ${n}.`,
      '',
    ].join('\r\n'),
  );
}

/** The messages to load into INBOX: every sample .eml file when the folder is there, else six generated ones. */
export function inboxMessages(): Buffer[] {
  if (!FIXTURES_DIR) return [1, 2, 3, 4, 5, 6].map((n) => generated(n, 'inbox'));
  const dir = path.join(FIXTURES_DIR, 'email');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f)));
}

/** What IMAP gives back for a message: the server stores lines ending in CRLF (a bare LF becomes CRLF). */
export const asServed = (raw: Buffer): Buffer => Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
