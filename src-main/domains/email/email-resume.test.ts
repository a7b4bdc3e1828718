/**
 * Issue 12: a SIGKILL during a large import, then resume, leaves exactly one copy of each message. A child process
 * (email-resume.fixture.ts, bundled like change-log-crash.test.ts's writer) imports a generated 5,000-message mbox
 * and is killed once its checkpoint is past 30 %; the profile is opened again (the interrupted run becomes
 * 'paused'), the same file is imported again (it resumes), and every message is there once.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { emailContract } from '../../../src-shared/domains/email/email.contract';
import type { DomainContext } from '../../platform/context';
import { PASSWORD, tempRoot, testCore } from '../../test/helpers';
import { writeSampleMbox } from './email-sample-mbox';
import { setupEmail } from './email.test-helpers';
import { bundleFixture } from '../../test/bundle-fixture';

const REPO = path.resolve(import.meta.dirname, '../../..');
let fixture = '';

beforeAll(async () => {
  fixture = await bundleFixture(path.join(import.meta.dirname, 'email-resume.fixture.ts'), 'email-resume');
});

/** Runs the importer and SIGKILLs it once its checkpoint passes `fraction` of the file; resolves with that checkpoint. */
function importAndKill(root: string, mbox: string, fraction: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture, root, mbox, PASSWORD], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO });
    let buffer = '';
    let stderr = '';
    let killedAt = 0;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (buffer + chunk.toString()).split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) {
        const [word, at, total] = l.split(' ');
        if (word === 'CHECKPOINT' && !killedAt && Number(at) > Number(total) * fraction) {
          killedAt = Number(at);
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(giveUp);
      if (signal === 'SIGKILL' && killedAt > 0) resolve(killedAt);
      else reject(new Error(`the importer was not killed mid-import (${signal ?? 'exit'}): ${stderr}`));
    });
  });
}

describe('email import crash safety', () => {
  it('a SIGKILL past 30 % then resume: exactly 5,000 messages, no duplicate provenance, the run done', async () => {
    const root = tempRoot();
    (await setupEmail({ root })).close();
    const mbox = path.join(tempRoot(), 'Large.mbox');
    const { messages } = await writeSampleMbox(mbox, { messages: 5000, seed: 11, avgBytes: 2500 });
    const killedAt = await importAndKill(root, mbox, 0.3);

    const core = testCore(root);
    const [profile] = await core.client.profile.list();
    await core.client.profile.unlock({ profileId: profile!.id, password: PASSWORD });
    const [interrupted] = await core.client.email.importRuns();
    expect(interrupted).toMatchObject({ state: 'paused' });
    expect(interrupted!.checkpoint).toBeGreaterThanOrEqual(killedAt);
    expect(interrupted!.checkpoint).toBeLessThan(interrupted!.totalBytes);

    const done = await core.client.email.importStart({ source: { kind: 'path', path: mbox }, wait: true });
    expect(done).toMatchObject({ id: interrupted!.id, state: 'done', imported: messages, duplicates: 0 });
    const db = (core.domainContext('email') as DomainContext<typeof emailContract>).db();
    const one = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(db)).rows[0]!.n);
    expect(await one(sql`SELECT count(*) AS n FROM email_messages`)).toBe(messages);
    expect(await one(sql`SELECT count(DISTINCT sha256) AS n FROM email_messages`)).toBe(messages);
    expect(await one(sql`SELECT count(*) AS n FROM email_provenance`)).toBe(messages);
    expect(await one(sql`SELECT count(DISTINCT position) AS n FROM email_provenance`)).toBe(messages);
    expect(await one(sql`SELECT count(*) AS n FROM email_fts`)).toBe(messages);
  }, 120_000);
});
