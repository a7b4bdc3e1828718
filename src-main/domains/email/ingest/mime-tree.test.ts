import { expect, it } from 'vitest';
import { describeWithFixtures, readFixture } from '../../../test/fixtures';
import { readMime } from './mime-tree';

/** The shared MIME walk: IMAP part numbers and roles, checked against Python's email package on the same files. */
async function leaves(name: string): Promise<string[]> {
  const read = await readMime(readFixture('email', name));
  if (!read.ok) throw new Error(read.reason);
  return read.message.parts.map((p) => `${p.part} ${p.mime} ${p.role}`);
}

describeWithFixtures('email', () => {
  it('mimetorture: every leaf of the 49 parts, numbered as IMAP does, forwarded messages opened', async () => {
    expect(await leaves('postal-mime-mimetorture.eml')).toEqual([
      '1 text/plain body',
      '2 message/rfc822 message',
      '2.1 text/plain body',
      '3 message/rfc822 message',
      '3.1 text/plain body',
      '3.2 message/rfc822 message',
      '3.2.1 text/plain body',
      '3.2.2 application/x-gzip attachment',
      '4 message/rfc822 message',
      '4.1 application/x-gzip attachment',
      '5 message/rfc822 message',
      '5.1 text/plain body',
      '5.2 application/x-gzip attachment',
      '6 message/rfc822 message',
      '6.1 text/plain body',
      '6.2 application/x-gzip attachment',
      '7 message/rfc822 message',
      '7.1 text/html body',
      '7.2 text/plain body',
      '8 message/rfc822 message',
      '8.1 text/plain body',
      '8.2 text/plain body',
      '9 message/rfc822 message',
      '9.1 text/html body',
      '9.2 text/html attachment',
      '10 message/rfc822 message',
      '10.1.1.1.1 text/plain body',
      '10.1.1.1.2 text/html body',
      '10.1.1.2 image/png attachment',
      '10.1.2 image/gif attachment',
      '10.2 application/pgp-signature attachment',
      '11 message/rfc822 message',
      '11.1 text/plain body',
      '11.2.1 text/html body',
      '11.2.2 image/gif attachment',
    ]);
  });

  it('calendar-event: 6 parts, the text/calendar alternative kept apart from the attachment', async () => {
    expect(await leaves('postal-mime-calendar-event.eml')).toEqual([
      '1.1 text/plain body',
      '1.2 text/html body',
      '1.3 text/calendar alternative',
      '2 application/ics attachment',
    ]);
  });
});

it('a message that is not multipart is part 1', async () => {
  const read = await readMime(
    new TextEncoder().encode('Subject: x\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n'),
  );
  expect(read.ok && read.message.parts.map((p) => [p.part, p.filename, p.role, new TextDecoder().decode(p.bytes)])).toEqual([
    ['1', 'a.pdf', 'attachment', '%PDF-'],
  ]);
});
