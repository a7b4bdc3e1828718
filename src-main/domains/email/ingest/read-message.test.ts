import { expect, it } from 'vitest';
import { describeWithFixtures, readFixture } from '../../../test/fixtures';
import { errorOf } from '../../../test/helpers';
import { parseMessage } from './parse-message';
import { calendarParts, extractAttachment, readMessage } from './read-message';

/** Reading one message for display, an attachment's bytes by part number, and the invitations in a message. */
const eml = (name: string): Buffer => readFixture('email', name);

describeWithFixtures('email', () => {
  it('lists the same attachments as the parser and gives each one back by part number', async () => {
    const raw = eml('postal-mime-mimetorture.eml');
    const view = await readMessage(raw);
    expect(view.attachments).toEqual((await parseMessage(raw)).attachments);
    expect(view.headers.find((h) => h.name === 'Subject')?.value).toBe("Ryan Finnie's MIME Torture Test v1.0");
    expect(view.html).toContain('<');
    expect(view.text).toMatch(/^Welcome to Ryan Finnie's MIME torture test/);
    const blah1 = await extractAttachment(raw, '5.2');
    expect(blah1).toMatchObject({ name: 'blah1.gz', mime: 'application/x-gzip' });
    expect(blah1.bytes.byteLength).toBe(42);
    expect([...blah1.bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect((await extractAttachment(raw, '6.2')).name).toBe('attachment-6-2.gz');
    // A forwarded message opened inline is a part too: its bytes are the message.
    const fwd = await extractAttachment(raw, '4');
    expect(fwd).toMatchObject({ name: 'message-4.eml', mime: 'message/rfc822' });
    expect(Buffer.from(fwd.bytes).toString('latin1')).toMatch(/^Subject: this message JUST contains an attachment[\s\S]*blah.gz/);
    for (const missing of ['99', '5.9', '', '5.2.1']) expect((await errorOf(extractAttachment(raw, missing))).code).toBe('NOT_FOUND');
  });

  it('decodes an attachment with an RFC 2047 name, and headers for display', async () => {
    const att = await extractAttachment(eml('mail-gem-japanese_attachment.eml'), '2');
    expect(att.name).toBe('てすと.txt');
    expect(new TextDecoder().decode(att.bytes)).toBe('this is a test\nこれわてすと');
    const utf8 = await readMessage(eml('mail-gem-utf8_headers.eml'));
    expect(utf8.headers.find((h) => h.name === 'From')?.value).toBe('"Jöhn Doe" <jdöe@mächine.example>');
    const jis = await readMessage(eml('mail-gem-japanese_iso_2022.eml'));
    expect(jis.headers.find((h) => h.name.toLowerCase() === 'subject')?.value).toBe('まみむめも');
  });

  it('calendar-event: the invitation once, with its VEVENT; HTML and text bodies', async () => {
    const raw = eml('postal-mime-calendar-event.eml');
    const ics = await calendarParts(raw);
    expect(ics.length).toBeGreaterThanOrEqual(1);
    for (const text of ics) {
      expect(text).toMatch(/^BEGIN:VCALENDAR/);
      expect(text).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Test event ⏰[\s\S]*END:VEVENT/);
    }
    const view = await readMessage(raw);
    expect(view.attachments.map((a) => a.name)).toEqual(['invite.ics']);
    expect(view.html).toContain('Test event');
    expect(view.text).toMatch(/^Test event ⏰/);
    expect(view.headers.find((h) => h.name === 'Subject')?.value).toBe(
      'Invitation: Test event ⏰ @ Thu Apr 11, 2024 11am - 12pm (GMT+3) (andris@ethereal.email)',
    );
    expect(await calendarParts(eml('postal-mime-mimetorture.eml'))).toEqual([]);
  });
});

it('gives Reply-To and Cc, and for an unparsed message its headers and raw text', async () => {
  const head =
    'From: A <a@example.com>\r\nReply-To: Desk <desk@example.com>\r\nCc: B <b@example.com>, "C, Jr" <c@example.com>\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n';
  const ok = await readMessage(new TextEncoder().encode(`${head}\r\nHello\r\n`));
  expect(ok.replyTo).toEqual([{ name: 'Desk', address: 'desk@example.com' }]);
  expect(ok.cc).toEqual([
    { name: 'B', address: 'b@example.com' },
    { name: 'C, Jr', address: 'c@example.com' },
  ]);
  expect(ok.headers.find((h) => h.name === 'Subject')?.value).toBe('Grüße');
  expect(ok.text.trim()).toBe('Hello');
  expect(ok.html).toBe('');
  let bomb = `${head}Content-Type: multipart/mixed; boundary=b\r\n\r\n`;
  for (let i = 0; i < 2000; i++) bomb += '--b\r\n\r\nx\r\n';
  const raw = new TextEncoder().encode(bomb);
  const view = await readMessage(raw);
  expect(view.attachments).toEqual([]);
  expect(view.headers.find((h) => h.name === 'Subject')?.value).toBe('Grüße');
  expect(view.replyTo).toEqual([{ name: 'Desk', address: 'desk@example.com' }]);
  expect(view.text).toBe(bomb);
  expect(await calendarParts(raw)).toEqual([]);
  expect((await errorOf(extractAttachment(raw, '1'))).code).toBe('NOT_FOUND');
});
