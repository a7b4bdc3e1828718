/**
 * Test-only helpers for the email tests: a real encrypted profile (testCore) with a pinned clock, the typed
 * client (`client.email.*`), the module's core (for direct reads and benches), the profile folder (canary
 * checks) and where the shared sample files are.
 */
import { Readable } from 'node:stream';
import type { emailContract } from '../../../src-shared/domains/email/email.contract';
import type { DomainContext } from '../../platform/context';
import { fixturePath } from '../../test/fixtures';
import { PASSWORD, testCore, type TestCore } from '../../test/helpers';
import { createEmailCore, type EmailCore } from './email-core';

export const EMAIL_TEST_NOW = Date.parse('2026-03-15T09:30:00Z');

/** An email sample file's path (the shared email samples); use inside `describeWithFixtures` (src-main/test/fixtures.ts). */
export const emailFixture = (...parts: string[]): string => fixturePath('email', ...parts);

export async function setupEmail(opts: { nowMs?: number; root?: string } = {}) {
  let nowMs = opts.nowMs ?? EMAIL_TEST_NOW;
  const core: TestCore = testCore(opts.root, { now: () => nowMs, systemTimeZone: () => 'Europe/Berlin' });
  await core.client.profile.create({ name: 'Archivist', password: PASSWORD });
  const ctx = core.domainContext('email') as DomainContext<typeof emailContract>;
  const emailCore: EmailCore = createEmailCore(ctx);
  return {
    core,
    client: core.client,
    email: core.client.email,
    ctx,
    emailCore,
    root: core.root,
    db: () => ctx.db(),
    now: () => nowMs,
    setNow: (ms: number | string) => (nowMs = typeof ms === 'string' ? Date.parse(ms) : ms),
    close: () => core.shutdown(),
  };
}
export type EmailSetup = Awaited<ReturnType<typeof setupEmail>>;

/** Puts `bytes` into the profile's encrypted store through an upload ticket, as a picked file arrives; returns the blob id. */
export async function uploadBytes(s: EmailSetup, bytes: Uint8Array | string): Promise<string> {
  const t = await s.client.blobs.uploadTicket({ maxBytes: 512 * 1024 * 1024 });
  return (await s.core.blobs().upload(t.ticket, Readable.from([Buffer.from(bytes)]))).id;
}
