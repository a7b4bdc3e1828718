import { createHash, randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { runJob } from '../../../lib/worker-pool';
import { itWithFixtures, readFixture } from '../../../test/fixtures';
import { EMAIL_PARSE_JOB_LIMITS, parseBatchJob } from './parse-job';
import { parseMessage } from './parse-message';

/** The `email.parse.batch` job in a real worker thread: parsed, hashed, compressed (or not), in order. */
const message = (i: number): Uint8Array =>
  new TextEncoder().encode(
    `From: Sender ${i} <s${i}@example.com>\r\nSubject: Message ${i}\r\nMessage-ID: <m${i}@example.com>\r\n\r\n${'Some words of a body. '.repeat(40)}\r\n`,
  );

itWithFixtures('parses a batch in a worker: in order, as in main, SHA-256 of the bytes, deflate-raw or none', async () => {
  const samples = ['postal-mime-calendar-event.eml', 'postal-mime-mimetorture.eml', 'mail-gem-japanese_attachment.eml', 'mail-gem-attachment_pdf.eml'];
  const junk = new Uint8Array(randomBytes(3000));
  const messages = [...samples.map((n) => new Uint8Array(readFixture('email', n))), message(1), junk, message(2)];
  const progress: number[] = [];
  const { records } = await runJob('email.parse.batch', { messages }, { limits: EMAIL_PARSE_JOB_LIMITS, onProgress: (p) => progress.push(p.done) });
  expect(records).toHaveLength(7);
  expect(records.map((r) => r.parsed.subject)).toEqual([
    'Invitation: Test event ⏰ @ Thu Apr 11, 2024 11am - 12pm (GMT+3) (andris@ethereal.email)',
    "Ryan Finnie's MIME Torture Test v1.0",
    'testing',
    'Another PDF with 🎉 Unicode chars in it 🍿',
    'Message 1',
    '',
    'Message 2',
  ]);
  // The worker joins body bytes without Node's Blob (fast-blob.ts): the result is the same as parsing in main.
  expect(records.map((r) => r.parsed)).toEqual(await Promise.all(messages.map((m) => parseMessage(m))));
  expect(records[5]?.parsed).toMatchObject({ status: 'unparsed', error: 'No headers: not an email' });
  for (const [i, r] of records.entries()) {
    const raw = messages[i] ?? new Uint8Array();
    expect(r.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(r.size).toBe(raw.byteLength);
    const restored = r.compression === 'deflate-raw' ? new Uint8Array(inflateRawSync(r.record)) : r.record;
    expect(restored).toEqual(raw);
  }
  expect(records.map((r) => r.compression)).toEqual(['deflate-raw', 'deflate-raw', 'deflate-raw', 'deflate-raw', 'deflate-raw', 'none', 'deflate-raw']);
  expect(records[4]?.record.byteLength).toBeLessThan(records[4]?.size ?? 0);
  expect(progress.at(-1)).toBe(7);
});

it('stops between messages once cancelled, and puts Node’s Blob back', async () => {
  const nodeBlob = globalThis.Blob;
  let checks = 0;
  const out = await parseBatchJob({ messages: [message(1), message(2), message(3), message(4)] }, { progress: () => undefined, cancelled: () => ++checks > 2 });
  expect(out.records.map((r) => r.parsed.subject)).toEqual(['Message 1', 'Message 2']);
  expect(globalThis.Blob).toBe(nodeBlob);
});
