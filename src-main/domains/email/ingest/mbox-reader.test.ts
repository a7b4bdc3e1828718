import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, readFixture } from '../../../test/fixtures';
import type { SourceMessage } from '../email-types';
import { readMbox } from './mbox-reader';
import { isFromLine, mboxFromLine, quoteMboxrd, unquoteMboxrd, writeMboxMessage } from './mbox-quote';

/** Tests of the streaming mbox reader and writer: real fixture files, odd chunkings, and a round-trip property. */

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Buffer, size = 65536, start = 0): Promise<{ messages: SourceMessage[]; preamble: Buffer }> {
  const pre: Buffer[] = [];
  const messages: SourceMessage[] = [];
  for await (const m of readMbox(chunks(bytes, size), { start, onPreamble: (b) => pre.push(b) })) messages.push(m);
  return { messages, preamble: Buffer.concat(pre) };
}

function rebuild(preamble: Buffer, messages: SourceMessage[]): Buffer {
  return Buffer.concat([
    preamble,
    ...messages.flatMap((m) => writeMboxMessage({ raw: m.raw, fromLine: m.fromLine ?? '', separator: m.separator ?? '', segment: m.segment })),
  ]);
}

const header = (m: SourceMessage, name: string): string => new RegExp(`^${name}:[ \\t]*(.*?)\\r?$`, 'im').exec(m.raw.toString('utf8'))?.[1] ?? '';

const MBOX_FIXTURES = ['Mail-MboxParser-testbox.mbox', 'google-takeout-to-sqlite-small.gmail.mbox', 'git-sample.mboxrd', 'git-format-patch-mboxrd.mbox'];

describe('mbox From_ lines and quoting', () => {
  it('tells real From_ lines from prose', () => {
    for (const line of [
      'From friedrich@pythonpros.com  Thu Feb 26 17:23:40 1998\n',
      'From 1277085061787347926@xxx Tue Aug 05 08:00:23 +0000 2008\r\n',
      'From 9998277b2626dc541f431a4dd80e4d0a54fcfccc Mon Sep 17 00:00:00 2001',
      'From MAILER-DAEMON Fri Jul  8 12:08:34 2011',
      'From - Sat Jan  3 01:05:34 1996 +0000',
      'From x@y Thu, 26 Feb 1998 17:23:40 -0500',
    ])
      expect(isFromLine(line), line).toBe(true);
    for (const line of [
      'From not mangled but this line should have been escaped',
      'From the beginning, mbox should have been mboxrd',
      'From now on the notes have two lines.',
      'From: a@b',
    ])
      expect(isFromLine(line), line).toBe(false);
  });

  it('quotes and unquotes mboxrd-style', () => {
    const raw = Buffer.from('From a\n>From b\n>>From c\n From d\n>From\nx From e\n');
    expect(quoteMboxrd(raw).toString()).toBe('>From a\n>>From b\n>>>From c\n From d\n>From\nx From e\n');
    expect(unquoteMboxrd(quoteMboxrd(raw)).equals(raw)).toBe(true);
    expect(mboxFromLine('', Date.UTC(2011, 6, 8, 12, 8, 34)).fromLine).toBe('From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n');
  });

  it('writes then reads back any body, From lines and all (property)', async () => {
    const line = fc.oneof(
      fc.constantFrom('From x@y Thu Feb 26 17:23:40 1998', 'From the start', '>From a', '>>From b', ' From c', '', 'Content-Type: text/plain', '>From'),
      fc.string({ unit: fc.constantFrom('a', ' ', '>', 'F', 'r', 'o', 'm', '\r'), maxLength: 12 }),
    );
    const body = fc.array(line, { maxLength: 12 }).map((ls) => Buffer.from(ls.map((l) => `${l}\n`).join('')));
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 40 }), async (bodies, size) => {
        const file = Buffer.concat(bodies.flatMap((raw, i) => writeMboxMessage({ raw, ...mboxFromLine(`s${i}@x`, i * 86_400_000) })));
        const { messages } = await readAll(file, size);
        expect(messages.map((m) => m.raw.toString('latin1'))).toEqual(bodies.map((b) => b.toString('latin1')));
        expect(rebuild(Buffer.alloc(0), messages).equals(file)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('trusts Content-Length past a From_ line in a body (mboxcl2), and ignores a wrong one', async () => {
    const body = 'line\nFrom b Thu Feb 26 17:23:40 1998\n>From c\n';
    const tail = '\nFrom c Thu Feb 26 17:23:40 1998\nSubject: c\n\nC\n';
    const file = Buffer.from(`From a Thu Feb 26 17:23:40 1998\nContent-Length: ${body.length}\n\n${body}${tail}`);
    for (const size of [1, 5, 1000]) {
      const { messages } = await readAll(file, size);
      expect(messages.map((m) => m.raw.toString())).toEqual([`Content-Length: ${body.length}\n\n${body}`, 'Subject: c\n\nC\n']);
      expect(messages[0]?.segment?.toString()).toBe(messages[0]?.raw.toString());
      expect(rebuild(Buffer.alloc(0), messages).equals(file)).toBe(true);
    }
    const wrong = Buffer.from(file.toString().replace(`Content-Length: ${body.length}`, 'Content-Length: 9999'));
    const { messages } = await readAll(wrong, 7);
    expect(messages).toHaveLength(3);
    expect(rebuild(Buffer.alloc(0), messages).equals(wrong)).toBe(true);
  });

  it('stops with CANCELLED when the signal is aborted, and hands out zero-copy views on the fast path', async () => {
    const file = Buffer.from('From a Thu Feb 26 17:23:40 1998\nSubject: 1\n\nFrom b Thu Feb 26 17:23:40 1998\nSubject: 2\n');
    const ac = new AbortController();
    const seen: SourceMessage[] = [];
    const read = async (): Promise<void> => {
      for await (const m of readMbox(chunks(file, 1 << 16), { signal: ac.signal })) {
        seen.push(m);
        ac.abort();
      }
    };
    await expect(read()).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toHaveLength(1);
    const { messages } = await readAll(file);
    expect(messages[0]?.raw.buffer).toBe(messages[1]?.raw.buffer);
  });

  it('throws TOO_LARGE for a message over the limit, naming its offset', async () => {
    const file = Buffer.from(`From a Thu Feb 26 17:23:40 1998\n\nFrom b Thu Feb 26 17:23:40 1998\n${'x'.repeat(5000)}\n`);
    const read = async (): Promise<void> => {
      for await (const m of readMbox(chunks(file, 100), { maxMessageBytes: 1000 })) void m;
    };
    await expect(read()).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('byte 33') });
  });

  it('reads binary junk with no From_ line as 0 messages, all of it preamble', async () => {
    const junk = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
    const r = await readAll(junk, 4096);
    expect(r.messages).toHaveLength(0);
    expect(r.preamble.equals(junk)).toBe(true);
  });
});

describeWithFixtures('email', () => {
  describe('mbox fixtures', () => {
    it.each(MBOX_FIXTURES)('%s rebuilds byte for byte, read in any chunk size', async (name) => {
      const file = readFixture('email', name);
      const whole = await readAll(file);
      for (const size of [1, 7, 4096]) {
        const r = await readAll(file, size);
        expect(r.messages.map((m) => [m.position, m.end, m.raw.length])).toEqual(whole.messages.map((m) => [m.position, m.end, m.raw.length]));
      }
      expect(rebuild(whole.preamble, whole.messages).equals(file)).toBe(true);
      expect(whole.messages[whole.messages.length - 1]?.end).toBe(file.length);
    });

    it('Mail-MboxParser testbox: 9 messages, Content-Length trusted, the same-subject pair kept', async () => {
      const { messages, preamble } = await readAll(readFixture('email', 'Mail-MboxParser-testbox.mbox'));
      expect(preamble.toString()).toBe('\n');
      expect(messages).toHaveLength(9);
      expect(messages[0]?.fromLine).toBe('From friedrich@pythonpros.com  Thu Feb 26 17:23:40 1998\n');
      expect(messages.map((m) => header(m, 'Subject')).slice(0, 3)).toEqual([
        'List entry indexing',
        'Welcome new user VPARSEVAL',
        'Welcome new user VPARSEVAL',
      ]);
      expect(header(messages[1]!, 'Message-id')).not.toBe(header(messages[2]!, 'Message-id'));
      expect(header(messages[8]!, 'From')).toBe('Mark Overmeer <markov@ATComputing.nl>');
      for (const m of messages.slice(1)) {
        const body = m.raw.length - (m.raw.indexOf('\n\n') + 2);
        expect(body).toBe(Number(header(m, 'Content-Length')));
      }
      expect(messages.every((m) => m.folder === '' && m.segment === undefined && m.separator === (m === messages[8] ? '' : '\n'))).toBe(true);
    });

    it('resumes from the offset of message 5 with the same positions', async () => {
      const file = readFixture('email', 'Mail-MboxParser-testbox.mbox');
      const all = (await readAll(file)).messages;
      const from = all[4]!.position;
      const rest = await readAll(file.subarray(from), 1000, from);
      expect(rest.preamble.length).toBe(0);
      expect(rest.messages.map((m) => [m.position, m.end])).toEqual(all.slice(4).map((m) => [m.position, m.end]));
      expect(rest.messages.every((m, i) => m.raw.equals(all[i + 4]!.raw))).toBe(true);
    });

    it('Google Takeout: 6 messages with CRLF From_ lines and Gmail headers', async () => {
      const { messages } = await readAll(readFixture('email', 'google-takeout-to-sqlite-small.gmail.mbox'), 1000);
      expect(messages).toHaveLength(6);
      expect(messages[0]?.fromLine).toBe('From 1277085061787347926@xxx Tue Aug 05 08:00:23 +0000 2008\r\n');
      expect(messages.some((m) => m.fromLine?.includes('-0800 1993'))).toBe(true);
      // Takeout leaves out the blank line after some messages.
      expect(messages.map((m) => m.separator)).toEqual(['\r\n', '', '\r\n', '', '\r\n', '']);
      expect(messages[2]?.raw.toString()).toMatch(/\r\n\r\nNothing worse than being without good wifi\r\n$/);
      expect(messages.map((m) => header(m, 'X-Gmail-Labels'))).toEqual(['Unread', 'Unread', 'Chat', 'Chat', '', '']);
      expect(messages[3]?.raw.toString('utf8')).toContain('好好学习，天天向上\r\n');
    });

    it('git-sample.mboxrd: 2 messages whose bodies equal the expected files after unquoting', async () => {
      const { messages } = await readAll(readFixture('email', 'git-sample.mboxrd'));
      expect(messages).toHaveLength(2);
      for (const [i, name] of ['0001mboxrd', '0002mboxrd'].entries()) {
        const { raw, separator } = messages[i]!;
        // git mailsplit keeps the blank line before the next From_ line in the message; here it is the separator.
        expect(separator).toBe('\n');
        const body = raw.subarray(raw.indexOf('\n\n') + 2);
        expect(body.toString() + separator).toBe(readFixture('email', 'git-sample.mboxrd.expected', name).toString());
      }
      // The unescaped `From not mangled…` line cannot be quoted back: the segment keeps the file's bytes.
      expect(messages[0]?.segment).toBeDefined();
      expect(messages[1]?.segment).toBeUndefined();
    });

    it('git format-patch --pretty=mboxrd: 2 messages starting with the commit messages', async () => {
      const { messages } = await readAll(readFixture('email', 'git-format-patch-mboxrd.mbox'), 3);
      expect(messages.map((m) => header(m, 'Subject'))).toEqual(['[PATCH 1/2] Add notes with From lines', '[PATCH 2/2] Second patch']);
      const body = (m: SourceMessage): string => m.raw.toString().split('\n\n').slice(1).join('\n\n');
      expect(body(messages[0]!)).toMatch(
        /^From the start this body has lines that look like mbox separators\.\n>From here on, one quote was already there\.\n>>From here, two quotes were already there\.\n From with a leading space needs no escaping\.\n---\n/,
      );
      expect(body(messages[1]!)).toMatch(/^From now on the notes have two lines\.\n---\n/);
      // format-patch ends each message with `-- \n2.39.5\n\n`; the last blank line before a From_ line is the separator.
      expect(messages.map((m) => [m.raw.toString().slice(-10), m.separator])).toEqual([
        [' \n2.39.5\n\n', '\n'],
        ['- \n2.39.5\n', '\n'],
      ]);
    });

    it('a truncated mbox (last message cut mid-header) still yields that message', async () => {
      const file = readFixture('email', 'Mail-MboxParser-testbox.mbox');
      const all = (await readAll(file)).messages;
      const cut = all[8]!.position + 200;
      const { messages } = await readAll(file.subarray(0, cut), 512);
      expect(messages).toHaveLength(9);
      expect(messages[8]?.raw.equals(file.subarray(all[8]!.position + all[8]!.fromLine!.length, cut))).toBe(true);
      expect(messages[8]?.separator).toBe('');
    });
  });
});
