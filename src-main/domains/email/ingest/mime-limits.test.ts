import { describe, expect, it } from 'vitest';
import { MIME_LIMITS } from './mime-limits';
import { parseMessage } from './parse-message';
import { readMessage } from './read-message';

/**
 * Hostile messages made on the fly: each one is refused (unparsed, with a human reason and the headers that
 * could be read) or read within bounds, quickly, and nothing throws.
 */
const HEAD =
  'From: Mallory <m@example.com>\r\nSubject: bomb\r\nMessage-ID: <bomb@example.com>\r\nDate: Tue, 1 Apr 2025 10:00:00 +0000\r\nMIME-Version: 1.0\r\n';
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A multipart/mixed of `n` tiny text parts. */
function flatParts(n: number): string {
  let s = `${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n`;
  for (let i = 0; i < n; i++) s += `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`;
  return `${s}--b--\r\n`;
}

/** Multiparts nested `depth` levels deep, each with its own boundary. */
function nestedParts(depth: number): string {
  let head = `${HEAD}Content-Type: multipart/mixed; boundary=b0\r\n\r\n`;
  let tail = '';
  for (let i = 1; i <= depth; i++) {
    head += `--b${i - 1}\r\nContent-Type: multipart/mixed; boundary=b${i}\r\n\r\n`;
    tail = `--b${i}--\r\n${tail}`;
  }
  return `${head}--b${depth}\r\nContent-Type: text/plain\r\n\r\ndeep\r\n${tail}--b0--\r\n`;
}

/** message/rfc822 inside message/rfc822, `depth` times. */
function nestedMessages(depth: number): string {
  let inner = `From: a@example.com\r\nSubject: level ${depth}\r\n\r\ninnermost\r\n`;
  for (let i = depth - 1; i >= 0; i--) {
    inner = `From: a@example.com\r\nSubject: level ${i}\r\nContent-Type: multipart/mixed; boundary=m${i}\r\n\r\n--m${i}\r\nContent-Type: message/rfc822\r\n\r\n${inner}\r\n--m${i}--\r\n`;
  }
  return inner;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

describe('email parse limits', () => {
  it('refuses a 10,000-part bomb in well under a second, keeping its headers', async () => {
    const { value: p, ms } = await timed(() => parseMessage(bytes(flatParts(10_000))));
    expect(ms).toBeLessThan(1000);
    expect(p.status).toBe('unparsed');
    expect(p.error).toBe('More than 1,000 MIME parts');
    expect(p.subject).toBe('bomb');
    expect(p.from).toEqual({ name: 'Mallory', address: 'm@example.com' });
    expect(p.messageId).toBe('bomb@example.com');
    expect(p.dateMs).toBe(Date.parse('2025-04-01T10:00:00Z'));
    expect(p.text).toBe('');
    // 900 parts is within the limit and parses.
    const ok = await parseMessage(bytes(flatParts(900)));
    expect(ok.status).toBe('ok');
    expect(ok.text).toContain('part 899');
  });

  it('refuses multiparts nested deeper than the limit', async () => {
    const { value: p, ms } = await timed(() => parseMessage(bytes(nestedParts(500))));
    expect(ms).toBeLessThan(1000);
    expect(p).toMatchObject({ status: 'unparsed', error: `MIME parts nested more than ${MIME_LIMITS.depth} levels deep`, subject: 'bomb' });
    expect((await parseMessage(bytes(nestedParts(20)))).text.trim()).toBe('deep');
  });

  it('opens forwarded messages 8 deep and lists deeper ones as attachments', async () => {
    const p = await parseMessage(bytes(nestedMessages(30)));
    expect(p.status).toBe('ok');
    expect(p.text).toContain('Subject: level 8');
    expect(p.text).not.toContain('innermost');
    expect(p.attachments).toEqual([expect.objectContaining({ part: '1.1.1.1.1.1.1.1.1', mime: 'message/rfc822', name: 'message-1-1-1-1-1-1-1-1-1.eml' })]);
  });

  it('lists a forwarded message that is not one (empty, no headers) as a file, and reads the rest', async () => {
    const parts =
      '--o\r\nContent-Type: text/plain\r\n\r\nHello\r\n--o\r\nContent-Type: message/rfc822\r\n\r\n--o\r\nContent-Type: message/rfc822\r\n\r\n\x00\x01junk\r\n--o--\r\n';
    const p = await parseMessage(bytes(`${HEAD}Content-Type: multipart/mixed; boundary=o\r\n\r\n${parts}`));
    expect(p.status).toBe('ok');
    expect(p.text.trim()).toBe('Hello');
    expect(p.attachments.map((a) => [a.part, a.name])).toEqual([
      ['2', 'message-2.eml'],
      ['3', 'message-3.eml'],
    ]);
  });

  it('counts the parts of encoded forwarded messages against the same limit', async () => {
    const inner = Buffer.from(flatParts(510)).toString('base64').replace(/.{76}/g, '$&\r\n');
    const fwd = `--o\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n${inner}\r\n`;
    const p = await parseMessage(bytes(`${HEAD}Content-Type: multipart/mixed; boundary=o\r\n\r\n${fwd}${fwd}--o--\r\n`));
    expect(p).toMatchObject({ status: 'unparsed', error: 'More than 1,000 MIME parts', subject: 'bomb' });
  });

  it('refuses a header block over the limit, and headers over postal-mime’s total with the parser’s reason', async () => {
    const big = `${HEAD}X-Junk: ${'a'.repeat(MIME_LIMITS.headerBytes)}\r\n\r\nbody\r\n`;
    expect(await parseMessage(bytes(big))).toMatchObject({ status: 'unparsed', error: 'Header block larger than 512 KiB', subject: 'bomb' });
    let many = `${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n`;
    for (let i = 0; i < 300; i++) many += `--b\r\nX-Pad: ${'p'.repeat(8000)}\r\n\r\nx\r\n`;
    const p = await parseMessage(bytes(`${many}--b--\r\n`));
    expect(p.status).toBe('unparsed');
    expect(p.error).toMatch(/^Could not be read: Maximum header size/);
    expect(p.subject).toBe('bomb');
  });

  it('keeps a message over 32 MiB as raw bytes, with its headers', async () => {
    const raw = new Uint8Array(MIME_LIMITS.bytes + 1).fill(0x61);
    raw.set(bytes(`${HEAD}\r\n`));
    const { value: p, ms } = await timed(() => parseMessage(raw));
    expect(ms).toBeLessThan(1000);
    expect(p).toMatchObject({ status: 'unparsed', error: 'Larger than 32 MiB: kept as raw bytes, not indexed', subject: 'bomb', text: '' });
  });

  it('refuses a message of very many short lines before parsing it', async () => {
    const raw = bytes(`${HEAD}\r\n${'\n'.repeat(MIME_LIMITS.lines + 10)}`);
    const { value: p, ms } = await timed(() => parseMessage(raw));
    expect(ms).toBeLessThan(1000);
    expect(p).toMatchObject({ status: 'unparsed', error: 'More than 600,000 lines', subject: 'bomb' });
  });

  it('scans hostile delimiter lines in linear time', async () => {
    const junk = `--b${' '.repeat(200_000)}x\r\n`.repeat(20);
    const { value: p, ms } = await timed(() => parseMessage(bytes(`${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n${junk}--b--\r\n`)));
    expect(ms).toBeLessThan(2000);
    expect(p.status).toBe('ok');
  });

  it('gives binary junk, an empty message and a body without headers a reason, never an exception', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    for (const raw of [junk, new Uint8Array(0), bytes('\r\nJust a body, no headers.\r\n'), bytes('hello world\r\n')]) {
      const p = await parseMessage(raw);
      expect(p.status).toBe('unparsed');
      expect(p.error).toMatch(/^(No headers: not an email|Empty: no headers and no body)$/);
      expect(p.subject).toBe('');
      const view = await readMessage(raw);
      expect(view.headers).toEqual([]);
      expect(view.attachments).toEqual([]);
    }
  });

  it('reads a header-only message and a truncated multipart', async () => {
    expect(await parseMessage(bytes('Subject: only headers\r\n'))).toMatchObject({ status: 'ok', subject: 'only headers', text: '' });
    const cut = flatParts(3).slice(0, -30);
    expect(await parseMessage(bytes(cut))).toMatchObject({ status: 'ok', subject: 'bomb' });
  });
});
