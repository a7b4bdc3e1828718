/**
 * Test-only: an archive of the shared sample mail for the read, search and link tests, imported through the real
 * importer (`email.importStart`, wait). Holds the Takeout mbox (labels, a reply), the Mail::MboxParser testbox
 * (1998–2001), the Google Calendar invitation, the ISO-2022-JP message, the PDF attachment message, and a parent
 * written here for the Takeout reply's thread (its References name it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MessageSummary } from '../../../src-shared/domains/email/email.schemas';
import { emailFixture, setupEmail, type EmailSetup } from './email.test-helpers';

export const TAKEOUT = 'google-takeout-to-sqlite-small.gmail.mbox';
export const TESTBOX = 'Mail-MboxParser-testbox.mbox';
export const INVITE = 'postal-mime-calendar-event.eml';
export const JAPANESE = 'mail-gem-japanese_iso_2022.eml';
export const PDF = 'mail-gem-attachment_pdf.eml';
/** The first Message-ID in the References of Takeout message 2 (`Re: [Gnumed-devel] Tree view formatting`). */
const THREAD_ROOT = '272a08710808170925y47484f3fmcfb26f8686727762@mail.gmail.com';

/** A made-up first message of the Gnumed thread, older than the Takeout reply. */
const PARENT = [
  'From: Thread Starter <starter@example.net>',
  'To: gnumed-devel@gnu.org',
  'Subject: [Gnumed-devel] Tree view formatting',
  'Date: Sun, 17 Aug 2008 09:25:00 -0700',
  `Message-ID: <${THREAD_ROOT}>`,
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'How should the tree view be formatted?',
  '',
].join('\r\n');

export interface TestArchive {
  s: EmailSetup;
  /** The message with this exact subject (one of them when several share it). */
  bySubject(subject: string): Promise<MessageSummary>;
  close(): void;
}

export async function importTestArchive(): Promise<TestArchive> {
  const s = await setupEmail();
  // The parent is test data written by the test (not an archived message), imported before its reply.
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-email-read-'));
  const parent = path.join(dir, 'thread-root.eml');
  writeFileSync(parent, PARENT);
  try {
    for (const file of [parent, emailFixture(TAKEOUT), emailFixture(TESTBOX), emailFixture(INVITE), emailFixture(JAPANESE), emailFixture(PDF)]) {
      const run = await s.email.importStart({ source: { kind: 'path', path: file }, wait: true });
      if (run.state !== 'done') throw new Error(`import of ${path.basename(file)} ended ${run.state}: ${run.error}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    s,
    async bySubject(subject) {
      const page = await s.email.list({ limit: 500 });
      const found = page.messages.find((m) => m.subject === subject);
      if (!found) throw new Error(`no message with subject ${subject}`);
      return found;
    },
    close: () => s.close(),
  };
}
