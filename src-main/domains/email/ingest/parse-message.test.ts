import { describe, expect, it } from 'vitest';
import { describeWithFixtures, readFixture } from '../../../test/fixtures';
import { gmailLabels, messageIds, parseDate } from './mime-fields';
import { capUtf8, decodeEntities, htmlToText, snippetOf } from './mime-text';
import { parseMessage } from './parse-message';

/** parseMessage on the sample messages of postal-mime, the Ruby mail gem and a Google Takeout mbox: every fact of their README sections. */
const eml = (name: string): Buffer => readFixture('email', name);

/** The Takeout mbox split by hand (`\r\nFrom ` starts a message; the From_ line dropped), independent of the mbox reader. */
function takeoutMessages(): Buffer[] {
  const text = readFixture('email', 'google-takeout-to-sqlite-small.gmail.mbox').toString('utf8');
  return text.split('\r\nFrom ').map((segment) => Buffer.from(segment.slice(segment.indexOf('\r\n') + 2), 'utf8'));
}

describeWithFixtures('email', () => {
  it('mimetorture: 49 parts, the 7 named attachments (blah1.gz by disposition), nameless parts named, nested messages read', async () => {
    const p = await parseMessage(eml('postal-mime-mimetorture.eml'));
    expect(p).toMatchObject({ status: 'ok', error: '', subject: "Ryan Finnie's MIME Torture Test v1.0", hasHtml: true, hasCalendar: false });
    expect(p.from).toEqual({ name: 'Ryan Finnie', address: 'rfinnie@domain.dom' });
    expect(p.to).toEqual([{ name: '', address: 'bob@domain.dom' }]);
    const named = ['foo.gz', 'blah.gz', 'blah1.gz', 'htmlfile.html', 'smiley-3.png', 'dot.gif', 'signature.asc'];
    expect(p.attachments.map((a) => a.name).filter((n) => !/^attachment-/.test(n))).toEqual(named);
    expect(p.attachments.map((a) => a.name)).not.toContain('blah2.gz');
    expect(p.attachments.find((a) => a.name === 'blah1.gz')).toEqual({
      part: '5.2',
      name: 'blah1.gz',
      mime: 'application/x-gzip',
      size: 42,
      inline: false,
      cid: null,
    });
    // Parts without a file name get one from their number and type.
    expect(p.attachments.filter((a) => a.name.startsWith('attachment-'))).toEqual([
      { part: '6.2', name: 'attachment-6-2.gz', mime: 'application/x-gzip', size: 42, inline: false, cid: null },
      { part: '11.2.2', name: 'attachment-11-2-2.gif', mime: 'image/gif', size: 83, inline: true, cid: '1066973340.4232.46.camel@localhost' },
    ]);
    expect(p.attachments.find((a) => a.name === 'smiley-3.png')).toMatchObject({
      part: '10.1.1.2',
      mime: 'image/png',
      cid: '1066971953.4232.15.camel@localhost',
    });
    // Text of the forwarded messages (opened inline) is indexed with the body; attachment names and text files too.
    expect(p.text).toMatch(/^Welcome to Ryan Finnie's MIME torture test/);
    expect(p.text).toContain('---------- Forwarded message ----------');
    expect(p.attachmentText.split('\n').slice(0, 9)).toEqual([...named.slice(0, 3), 'attachment-6-2.gz', ...named.slice(3), 'attachment-11-2-2.gif']);
    expect(p.snippet).toMatch(/^Welcome to Ryan Finnie's MIME torture test\. This message was designed/);
    expect(p.snippet.length).toBeLessThanOrEqual(201);
    expect(p.snippet).not.toMatch(/\n/);
  });

  it('calendar-event: decoded emoji subject, headers, invite.ics, hasCalendar', async () => {
    const p = await parseMessage(eml('postal-mime-calendar-event.eml'));
    expect(p.subject).toBe('Invitation: Test event ⏰ @ Thu Apr 11, 2024 11am - 12pm (GMT+3) (andris@ethereal.email)');
    expect(p.from).toEqual({ name: 'Andris Reinman', address: 'andris@postalsys.com' });
    expect(p.to).toEqual([{ name: '', address: 'andris@ethereal.email' }]);
    expect(p.dateHeader).toBe('Thu, 11 Apr 2024 06:19:44 +0000');
    expect(p.dateMs).toBe(Date.parse('2024-04-11T06:19:44Z'));
    expect(p.messageId).toBe('calendar-7791cb16-a4f3-43ae-a9a0-ed4003535ae7@google.com');
    expect(p.hasCalendar).toBe(true);
    expect(p.hasHtml).toBe(true);
    // The text/calendar alternative is part of the body, not an attachment; invite.ics is.
    expect(p.attachments).toEqual([{ part: '2', name: 'invite.ics', mime: 'application/ics', size: 2052, inline: false, cid: null }]);
    expect(p.text).toMatch(/^Test event ⏰\nThursday Apr 11, 2024/);
    expect(p.attachmentText).toContain('BEGIN:VEVENT');
  });

  it('mixed: a message with only a Content-Type header gives empty fields, not a crash', async () => {
    const p = await parseMessage(eml('postal-mime-mixed.eml'));
    expect(p).toMatchObject({ status: 'ok', subject: '', messageId: '', dateMs: null, dateHeader: '', to: [], cc: [], hasHtml: true });
    expect(p.from).toEqual({ name: '', address: '' });
    expect(p.text).toContain('Good Morning;');
  });

  it('decodes ISO-2022-JP, Shift_JIS and ks_c_5601-1987 bodies and B-encoded headers exactly', async () => {
    const jis = await parseMessage(eml('mail-gem-japanese_iso_2022.eml'));
    expect(jis.subject).toBe('まみむめも');
    expect(jis.to).toEqual([{ name: 'みける', address: 'raasdnil@gmail.com' }]);
    expect(jis.text.trim()).toBe('すみません。');
    const sjis = await parseMessage(eml('mail-gem-japanese_shift_jis.eml'));
    expect(sjis.subject).toBe('test');
    expect(sjis.text).toMatch(/^あいうえお/);
    expect(sjis.text).toContain('このメールはテスト用のメールです。');
    expect(sjis.text).toContain('今後ともよろしくお願い申し上げます！');
    expect((await parseMessage(eml('mail-gem-ks_c_5601-1987.eml'))).text.trim()).toBe('스티해');
  });

  it('attachment names: RFC 2047 in name= and filename=, raw 8-bit UTF-8, PDF with an emoji subject', async () => {
    const jp = await parseMessage(eml('mail-gem-japanese_attachment.eml'));
    expect(jp.attachments.map((a) => a.name)).toEqual(['てすと.txt']);
    expect(jp.attachmentText).toContain('this is a test\nこれわてすと');
    const nonAscii = await parseMessage(eml('mail-gem-attachment_nonascii_filename.eml'));
    expect(nonAscii.attachments.map((a) => a.name)).toEqual(['ciële.txt']);
    expect(nonAscii.text).toMatch(/^This is the first part\./);
    // This one starts with an mbox From_ line, which is skipped.
    const pdf = await parseMessage(eml('mail-gem-attachment_pdf.eml'));
    expect(pdf).toMatchObject({ status: 'ok', subject: 'Another PDF with 🎉 Unicode chars in it 🍿', dateHeader: 'Tue, 10 May 2005 11:26:39 -0600' });
    expect(pdf.from).toEqual({ name: 'Test Tester', address: 'xxxx@xxxx.com' });
    expect(pdf.dateMs).toBe(Date.parse('2005-05-10T17:26:39Z'));
    expect(pdf.attachments).toEqual([expect.objectContaining({ part: '2', name: 'broken.pdf', mime: 'application/pdf', inline: false })]);
    // PDF text is not extracted here (see parse-message.ts): the name is searchable.
    expect(pdf.attachmentText).toBe('broken.pdf');
  });

  it('RFC 6532: raw UTF-8 in headers and addresses', async () => {
    const p = await parseMessage(eml('mail-gem-utf8_headers.eml'));
    expect(p.from).toEqual({ name: 'Jöhn Doe', address: 'jdöe@mächine.example' });
    expect(p.to).toEqual([{ name: 'Märy Smith', address: 'märy@exämple.net' }]);
    expect(p.subject).toBe('Säying Hello');
    expect(p.text.trim()).toBe('body');
  });

  it('Takeout: X-GM-THRID, X-Gmail-Labels, encoded and raw UTF-8 senders, HTML-only bodies', async () => {
    const parsed = await Promise.all(takeoutMessages().map((m) => parseMessage(m)));
    expect(parsed).toHaveLength(6);
    expect(parsed.map((p) => p.labels)).toEqual([['Unread'], ['Unread'], ['Chat'], ['Chat'], [], []]);
    expect(parsed.map((p) => p.gmailThreadId)).toEqual(['1277085061787347926', '1278204036336346264', '1529553825574740118', '1705761119401391280', '', '']);
    expect(parsed[0]).toMatchObject({ subject: '[fw-general] Zend_Form and generating fields', from: { name: 'Keld Jørn Simonsen' } });
    expect(parsed[1]?.subject).toBe('Re: [Gnumed-devel] Tree view formatting');
    expect(parsed[2]).toMatchObject({ subject: '', messageId: '', to: [] });
    // The project's own test expects these bodies (plus the line ends before the next From_ line, which belong to the mbox).
    expect(parsed[2]?.text.trim()).toBe('Nothing worse than being without good wifi');
    expect(parsed[3]).toMatchObject({ subject: 'test', from: { name: '罗', address: '123@example.net' } });
    expect(parsed[3]?.text.trim()).toBe('好好学习，天天向上');
    expect(parsed[4]).toMatchObject({ subject: 'Formatted text mail', hasHtml: true, dateMs: Date.parse('1993-03-22T17:41:09Z') });
    expect(parsed[4]?.text.trim()).toBe('plain text version of message');
    expect(parsed[5]).toMatchObject({ subject: 'A simple example', hasHtml: true });
    expect(parsed[5]?.text).toMatch(/^Acute accent\nThe following two lines/);
    expect(parsed[5]?.text).toContain('E with acute accent becomes É.');
    expect(parsed.every((p) => p.status === 'ok')).toBe(true);
  });
});

it('header helpers: labels with quotes and commas, message ids, dates without a zone', () => {
  expect(gmailLabels('Inbox,Important,Opened,Category updates')).toEqual(['Inbox', 'Important', 'Opened', 'Category updates']);
  expect(gmailLabels(' "Work, 2019",Inbox , "say \\"hi\\"",,Inbox')).toEqual(['Work, 2019', 'Inbox', 'say "hi"']);
  expect(gmailLabels('=?UTF-8?Q?=C3=89t=C3=A9?=,Sent')).toEqual(['Été', 'Sent']);
  expect(gmailLabels('')).toEqual([]);
  expect(messageIds('<a@x> <b@y>\r\n\t<c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
  expect(messageIds('bare@id')).toEqual(['bare@id']);
  expect(parseDate('Thu Feb 26 17:23:40 1998')).toBe(Date.parse('1998-02-26T17:23:40Z'));
  expect(parseDate('Wed, 4 Jul 2001 23:38:53 -0400 (EDT)')).toBe(Date.parse('2001-07-05T03:38:53Z'));
  expect(parseDate('not a date')).toBeNull();
  expect(parseDate('')).toBeNull();
});

it('HTML to text: blocks on lines, scripts and comments dropped, entities decoded, stray "<" kept', () => {
  const html =
    '<html><head><title>T</title><style>p{}</style></head><body><p>One &amp; two</p><!-- hidden --><div>3 &lt; 4 &#x1F600;</div>a < b<script>x()</script><br>end';
  expect(htmlToText(html)).toBe('One & two\n\n3 < 4 😀\na < b\nend');
  // Linear on hostile HTML: many "<" and no ">", or many before one.
  const t0 = performance.now();
  expect(htmlToText('<a'.repeat(50_000))).toHaveLength(100_000);
  expect(htmlToText(`${'<'.repeat(50_000)}b>x`)).toBe(`${'<'.repeat(49_999)}x`);
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(snippetOf(`${'word '.repeat(100)}`, 200)).toMatch(/^(word ){30,}word…$/);
  expect(snippetOf('  short\n\n text ', 200)).toBe('short text');
  expect(capUtf8('aé😀b', 6)).toBe('aé');
  expect(capUtf8('aé😀b', 7)).toBe('aé😀');
  expect(capUtf8('x'.repeat(10), 4)).toBe('xxxx');
});

describe('HTML entities in text and snippets', () => {
  it('decodes the Latin-1 names with their case, numeric references, and leaves unknown names alone', () => {
    expect(decodeEntities('becomes &Eacute;. &eacute;t&eacute; &#233; &#xE9; &szlig; &bogus;')).toBe('becomes É. été é é ß &bogus;');
  });
});
