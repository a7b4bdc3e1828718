/** The generated sample mbox (email-sample-mbox.ts): message count, determinism, quoting, canary, multipart mix. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleCanaryIndex, writeSampleMbox } from './email-sample-mbox';

const dir = mkdtempSync(path.join(tmpdir(), 'hearth-email-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('writeSampleMbox', () => {
  it('writes 200 messages, one From_ line each, the same bytes for the same seed', async () => {
    const a = path.join(dir, 'a.mbox');
    const b = path.join(dir, 'b.mbox');
    const c = path.join(dir, 'c.mbox');
    const result = await writeSampleMbox(a, { messages: 200, seed: 7, canary: 'quokkacanary' });
    await writeSampleMbox(b, { messages: 200, seed: 7, canary: 'quokkacanary' });
    await writeSampleMbox(c, { messages: 200, seed: 8, canary: 'quokkacanary' });
    const text = readFileSync(a, 'utf8');

    expect(result).toEqual({ bytes: readFileSync(a).byteLength, messages: 200 });
    expect(text.match(/^From /gm)).toHaveLength(200);
    expect(text.startsWith('From ')).toBe(true);
    expect(sha(b)).toBe(sha(a));
    expect(sha(c)).not.toBe(sha(a));

    const ids = text.match(/^Message-ID: <[^>]+>$/gm) ?? [];
    expect(new Set(ids).size).toBe(200);
    expect(text.match(/quokkacanary/g)).toHaveLength(1);
    const messages = text.split(/^(?=From )/m);
    expect(messages[sampleCanaryIndex(200)]).toContain('quokkacanary');
  });

  it('mixes quoted From lines, threads, encoded names, attachments and HTML, ~10 KB a message', async () => {
    const file = path.join(dir, 'mix.mbox');
    const { bytes } = await writeSampleMbox(file, { messages: 400, seed: 3 });
    const text = readFileSync(file, 'utf8');
    const count = (re: RegExp): number => (text.match(re) ?? []).length;

    expect(bytes / 400).toBeGreaterThan(7 * 1024);
    expect(bytes / 400).toBeLessThan(14 * 1024);
    expect(count(/^>From /gm)).toBeGreaterThan(5);
    expect(count(/^>>From /gm)).toBe(0);
    expect(count(/^In-Reply-To: /gm)).toBeGreaterThan(60);
    expect(count(/^(From|To): =\?(UTF-8|ISO-8859-1)\?[BQ]\?/gm)).toBeGreaterThan(20);
    expect(count(/^Content-Type: multipart\/mixed/gm)).toBeGreaterThan(15);
    expect(count(/^Content-Type: multipart\/mixed/gm)).toBeLessThan(70);
    expect(count(/^Content-Type: text\/html/gm)).toBeGreaterThan(5);
    expect(count(/^Content-Type: text\/html/gm)).toBeLessThan(45);
  });
});
