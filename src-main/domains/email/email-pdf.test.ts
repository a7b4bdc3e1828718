/**
 * A message as PDF (issue 12), checked with `pdftotext`: the Google Calendar invitation's decoded subject and address,
 * the note about glyphs DejaVu Sans lacks (Japanese), a thread; and `verify`, which reports a damaged pack file
 * message by message instead of failing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithFixtures } from '../../test/fixtures';
import { errorOf, tempRoot } from '../../test/helpers';
import { emailFixture, setupEmail, type EmailSetup } from './email.test-helpers';

async function pdfText(s: EmailSetup, id: string, thread = false): Promise<{ text: string; pages: number }> {
  const res = await s.email.pdf({ id, thread });
  const file = path.join(tempRoot(), res.name);
  await s.core.blobs().store.exportTo(res.blobId, file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }), pages: res.pages };
}

describeWithFixtures('email pdf and verify', () => {
  it('prints the invitation (subject, addresses, attachments), the Japanese message with a note, and a thread', async () => {
    const s = await setupEmail();
    const src = tempRoot();
    for (const f of ['postal-mime-calendar-event.eml', 'mail-gem-japanese_iso_2022.eml']) copyFileSync(emailFixture(f), path.join(src, f));
    await s.email.importStart({ source: { kind: 'path', path: src }, wait: true });
    const rows = await s.db().selectFrom('email_messages').select(['id', 'subject']).execute();
    const invite = rows.find((r) => r.subject.startsWith('Invitation: Test event'))!;
    const japanese = rows.find((r) => r.subject === 'まみむめも')!;

    const { text, pages } = await pdfText(s, invite.id);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('andris@ethereal.email');
    expect(text).toContain('Andris Reinman <andris@postalsys.com>');
    // DejaVu Sans has no U+23F0 (alarm clock): the emoji prints as "?", and a note says so.
    expect(text.replace(/\s+/g, ' ')).toContain('Invitation: Test event ? @ Thu Apr 11, 2024 11am - 12pm (GMT+3) (andris@ethereal.email)');
    expect(text.replace(/\s+/g, ' ')).toMatch(/\d+ character\(s\) .* have no glyph in the PDF font/);
    expect(text).toContain('invite.ics');

    const jp = await pdfText(s, japanese.id);
    expect(jp.text).toContain('raasdnil@gmail.com');
    expect(jp.text).toMatch(/have no glyph in the PDF font/);

    const thread = await pdfText(s, invite.id, true);
    expect(thread.pages).toBeGreaterThanOrEqual(1);
    await expect(errorOf(s.email.pdf({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }))).resolves.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('verify: every message checks out; a damaged pack file is reported message by message, not a crash', async () => {
    const s = await setupEmail();
    await s.email.importStart({ source: { kind: 'path', path: emailFixture('Mail-MboxParser-testbox.mbox') }, wait: true });
    expect(await s.email.verify()).toEqual({ checked: 9, bad: [] });

    const { pack_id: packId } = await s.db().selectFrom('email_messages').select('pack_id').executeTakeFirstOrThrow();
    const inPack = await s.db().selectFrom('email_messages').select('id').where('pack_id', '=', packId).execute();
    const file = readdirSync(s.root, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name === packId)!;
    const full = path.join(file.parentPath, file.name);
    const bytes = readFileSync(full);
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(full, bytes);

    const res = await s.email.verify();
    expect(res.checked).toBe(9);
    expect(res.bad.map((b) => b.id).sort()).toEqual(inPack.map((r) => r.id).sort());
    expect(res.bad[0]!.reason).toMatch(/damaged|changed|corrupt/i);
  }, 60_000);
});
