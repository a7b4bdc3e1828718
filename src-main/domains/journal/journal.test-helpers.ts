/**
 * Test-only helpers for the journal tests: a real encrypted profile (testCore) with a pinned clock and zone,
 * and the typed client. `upload` stores bytes the way a front door's upload ticket does.
 */
import { Readable } from 'node:stream';
import { PASSWORD, testCore } from '../../test/helpers';

export async function setupJournal(nowIso = '2026-03-15T09:30:00Z', zone = 'Europe/Berlin') {
  let nowMs = Date.parse(nowIso);
  const core = testCore(undefined, { now: () => nowMs, systemTimeZone: () => zone });
  await core.client.profile.create({ name: 'Writer', password: PASSWORD });
  const j = core.client.journal;
  const changed: string[][] = [];
  j.onChanged(({ ids }) => changed.push(ids));
  const upload = async (bytes: Uint8Array): Promise<string> => {
    const hub = core.blobs();
    const t = await core.client.blobs.uploadTicket({ maxBytes: 50 * 1024 * 1024 });
    const put = await hub.upload(t.ticket, Readable.from([Buffer.from(bytes)]));
    return put.id;
  };
  return { core, j, changed, upload, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}
export type JournalSetup = Awaited<ReturnType<typeof setupJournal>>;
