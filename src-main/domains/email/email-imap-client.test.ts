import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/ipc/result';
import { checkHost, imapError } from './email-imap-client';
import { archiveFolder, BATCH_BYTES, BATCH_MESSAGES, planBatches } from './email-imap-sync';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    return (err as AppError).code;
  }
  return 'ok';
};

describe('IMAP connection rules and batches (no server)', () => {
  it('takes a bare host name or address only, and no TLS only to this computer', () => {
    expect(checkHost(' IMAP.Example.com ', 'tls')).toBe('imap.example.com');
    expect(checkHost('[::1]', 'none')).toBe('[::1]');
    expect(checkHost('127.0.0.1', 'none')).toBe('127.0.0.1');
    for (const bad of ['imap://imap.example.com', 'imap.example.com:993', 'user@imap.example.com', 'a b', 'imap.example.com/x', '']) {
      expect(
        codeOf(() => checkHost(bad, 'tls')),
        bad,
      ).toBe('INVALID_INPUT');
    }
    // SECURITY: the password would cross the network in clear.
    expect(codeOf(() => checkHost('imap.example.com', 'none'))).toBe('FORBIDDEN');
    expect(codeOf(() => checkHost('192.168.1.5', 'none'))).toBe('FORBIDDEN');
    expect(codeOf(() => checkHost('127.0.0.1.example.com', 'none'))).toBe('FORBIDDEN');
  });

  it('names failures: wrong password, bad certificate, missing STARTTLS, nothing listening', () => {
    const server = { host: 'imap.example.com', port: 993 };
    expect(imapError(Object.assign(new Error('x'), { authenticationFailed: true }), server).code).toBe('WRONG_PASSWORD');
    expect(imapError(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), server).code).toBe('FORBIDDEN');
    expect(imapError(Object.assign(new Error('x'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), server).code).toBe('FORBIDDEN');
    expect(imapError(Object.assign(new Error('x'), { tlsFailed: true }), server).code).toBe('FORBIDDEN');
    expect(imapError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), server).code).toBe('BUSY');
  });

  it('plans batches of at most 200 messages and 16 MiB, a larger message alone, in UID order', () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ uid: 450 - i, size: 10 }));
    expect(planBatches(many).map((b) => b.length)).toEqual([BATCH_MESSAGES, BATCH_MESSAGES, 50]);
    expect(planBatches(many)[0]![0]).toBe(1);
    const big = [
      { uid: 1, size: BATCH_BYTES / 2 },
      { uid: 2, size: BATCH_BYTES / 2 },
      { uid: 3, size: BATCH_BYTES * 2 },
      { uid: 4, size: 1 },
    ];
    expect(planBatches(big)).toEqual([[1, 2], [3], [4]]);
    expect(archiveFolder({ path: 'Archive.2019', delimiter: '.' })).toBe('Archive/2019');
    expect(archiveFolder({ path: 'INBOX', delimiter: '/' })).toBe('INBOX');
  });
});
