import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from '../../../test/canary';
import { errorOf } from '../../../test/helpers';
import { RADICALE_SKIP_REASON, startRadicale, type Radicale } from '../../../test/radicale';
import { createCaldavClient } from './caldav-client';
import { pullCalendar, type SyncStats } from './caldav-pull';
import { hearth, otherClient, vcal, vevent } from './caldav.test-helpers';

const USERS = { ana: 'ana-Pw-7c1f', ben: 'ben-Pw-90aa', cai: 'cai-Pw-31b2', dee: 'dee-Pw-canary-5e8d77', eve: 'eve-Pw-0b3d' };

describe.skipIf(RADICALE_SKIP_REASON !== null)(
  `CalDAV two-way sync with a real Radicale${RADICALE_SKIP_REASON ? ` (skipped: ${RADICALE_SKIP_REASON})` : ''}`,
  () => {
    let rad: Radicale;
    beforeAll(async () => {
      rad = await startRadicale(USERS);
    }, 20_000);
    afterAll(async () => rad?.stop());

    async function connected(user: keyof typeof USERS) {
      const other = await otherClient(rad, user);
      const h = await hearth();
      return { other, h, add: () => h.caldav.addCaldavAccount({ serverUrl: rad.url, username: user, password: USERS[user] }) };
    }

    it('pulls, pushes creates, edits, moves and deletes from both sides, and a sync with nothing new writes nothing', async () => {
      const { other, h, add } = await connected('ana');
      await other.put('dentist.ics', vcal(vevent('dentist-1', 'Dentist', '20260310T080000Z')));
      await other.put(
        'standup.ics',
        vcal(
          vevent('standup-1', 'Standup', '20260302T080000Z', ['RRULE:FREQ=WEEKLY;COUNT=4']),
          vevent('standup-1', 'Standup (late)', '20260309T100000Z', ['RECURRENCE-ID:20260309T080000Z']),
        ),
      );

      const account = await add();
      expect(account).toMatchObject({ username: 'ana', calendars: 1, lastError: null });
      const [work] = (await h.cal.listCalendars({})).filter((c) => c.source === 'caldav');
      expect(work).toMatchObject({ name: 'Work', color: 'green', url: other.calUrl });
      expect(await h.instances(work!.id)).toEqual(await other.instances());
      expect((await h.instances(work!.id)).filter((i) => i.uid === 'standup-1').map((i) => i.title)).toEqual([
        'Standup',
        'Standup (late)',
        'Standup',
        'Standup',
      ]);

      // Hearth: a new event, an edit + move of the server's event.
      const lunch = await h.cal.createEvent({
        calendarId: work!.id,
        title: 'Lunch',
        start: { kind: 'zoned', local: '2026-03-12T12:30', tz: 'Europe/Berlin' },
        end: { kind: 'zoned', local: '2026-03-12T13:30', tz: 'Europe/Berlin' },
      });
      const dentist = (await h.cal.occurrences({ from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z', calendarIds: [work!.id] }))[0]!;
      await h.cal.updateEvent({
        id: dentist.eventId,
        patch: { title: 'Dentist (moved)', start: { kind: 'utc', at: '2026-03-11T09:00:00.000Z' }, end: { kind: 'utc', at: '2026-03-11T10:00:00.000Z' } },
      });
      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ pushed: 2, pulled: 0, conflicts: 0 });
      expect(await h.instances(work!.id)).toEqual(await other.instances());
      expect((await other.instances()).find((i) => i.uid === lunch.uid)).toEqual({ uid: lunch.uid, title: 'Lunch', start: '2026-03-12T11:30:00.000Z' });

      // Nothing changed anywhere: no request writes, the change log does not grow.
      const before = await h.changeLogSize();
      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ pushed: 0, pulled: 0, deleted: 0 });
      expect(await h.changeLogSize()).toBe(before);

      // The other client: edits Lunch, moves the standup series an hour later, deletes the dentist.
      await other.update(lunch.uid, (ics) => ics.replace('SUMMARY:Lunch', 'SUMMARY:Team lunch'));
      // (A move of the series shifts its override's RECURRENCE-ID with it, as clients do.)
      await other.update('standup-1', (ics) =>
        ics
          .replace('DTSTART:20260302T080000Z', 'DTSTART:20260302T090000Z')
          .replace('RECURRENCE-ID:20260309T080000Z', 'RECURRENCE-ID:20260309T090000Z')
          .replace('SUMMARY:Standup\r\n', 'SUMMARY:Standup 2\r\n'),
      );
      await other.remove('dentist-1');
      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ pulled: 2, deleted: 1, pushed: 0 });
      const after = await h.instances(work!.id);
      expect(after).toEqual(await other.instances());
      expect(after.map((i) => i.uid)).not.toContain('dentist-1');
      expect(after.find((i) => i.uid === lunch.uid)?.title).toBe('Team lunch');
      expect(after.filter((i) => i.uid === 'standup-1').map((i) => [i.title, i.start])).toEqual([
        ['Standup 2', '2026-03-02T09:00:00.000Z'],
        ['Standup (late)', '2026-03-09T10:00:00.000Z'],
        ['Standup 2', '2026-03-16T09:00:00.000Z'],
        ['Standup 2', '2026-03-23T09:00:00.000Z'],
      ]);

      // Hearth deletes Lunch: the tombstone goes out as a DELETE.
      await h.cal.deleteEvent({ id: lunch.id });
      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ deleted: 1 });
      expect(await other.find(lunch.uid)).toBeUndefined();
      expect(await h.instances(work!.id)).toEqual(await other.instances());
    }, 30_000);

    it('an instance edited in Hearth reaches the server as one resource with a RECURRENCE-ID override', async () => {
      const { other, h, add } = await connected('ben');
      const account = await add();
      const [work] = (await h.cal.listCalendars({})).filter((c) => c.source === 'caldav');
      const yoga = await h.cal.createEvent({
        calendarId: work!.id,
        title: 'Yoga',
        start: { kind: 'zoned', local: '2026-03-24T18:00', tz: 'Europe/Berlin' },
        end: { kind: 'zoned', local: '2026-03-24T19:00', tz: 'Europe/Berlin' },
        rrule: 'FREQ=WEEKLY;COUNT=3',
      });
      await h.caldav.syncCaldav({ id: account.id });
      const second = (await h.cal.occurrences({ from: '2026-03-30T00:00:00Z', to: '2026-04-01T00:00:00Z', calendarIds: [work!.id] }))[0]!;
      await h.cal.updateEvent({ id: yoga.id, occurrenceKey: second.occurrenceKey!, scope: 'this', patch: { title: 'Yoga outside' } });
      await h.caldav.syncCaldav({ id: account.id });

      const objects = (await other.list()).filter((o) => o.data.includes(yoga.uid));
      expect(objects).toHaveLength(1);
      expect(objects[0]!.data.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(objects[0]!.data).toMatch(/RECURRENCE-ID;TZID=Europe\/Berlin:20260331T180000/);
      // Across the DST change on 29 March: 17:00Z before, 16:00Z after, the override keeps its own title.
      expect(await other.instances()).toEqual([
        { uid: yoga.uid, title: 'Yoga', start: '2026-03-24T17:00:00.000Z' },
        { uid: yoga.uid, title: 'Yoga outside', start: '2026-03-31T16:00:00.000Z' },
        { uid: yoga.uid, title: 'Yoga', start: '2026-04-07T16:00:00.000Z' },
      ]);
      expect(await h.instances(work!.id)).toEqual(await other.instances());
    }, 20_000);

    it('both sides edit one event: a conflict waits, and keeping either side converges', async () => {
      const { other, h, add } = await connected('cai');
      for (const uid of ['c-keep-local', 'c-keep-remote', 'c-deleted-there'])
        await other.put(`${uid}.ics`, vcal(vevent(uid, `Plan ${uid}`, '20260320T080000Z')));
      const account = await add();
      const [work] = (await h.cal.listCalendars({})).filter((c) => c.source === 'caldav');
      const ids = new Map(
        (await h.cal.occurrences({ ...{ from: '2026-03-20T00:00:00Z', to: '2026-03-21T00:00:00Z' }, calendarIds: [work!.id] })).map((o) => [o.uid, o.eventId]),
      );
      for (const uid of ids.keys()) await h.cal.updateEvent({ id: ids.get(uid)!, patch: { title: `Hearth ${uid}` } });
      await other.update('c-keep-local', (ics) => ics.replace('SUMMARY:Plan c-keep-local', 'SUMMARY:Server c-keep-local'));
      await other.update('c-keep-remote', (ics) => ics.replace('SUMMARY:Plan c-keep-remote', 'SUMMARY:Server c-keep-remote'));
      await other.remove('c-deleted-there');

      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ conflicts: 3, pushed: 0 });
      const conflicts = await h.caldav.conflicts();
      expect(conflicts.map((c) => [c.localTitle, c.remoteTitle, c.remoteDeleted]).sort()).toEqual([
        ['Hearth c-deleted-there', '', true],
        ['Hearth c-keep-local', 'Server c-keep-local', false],
        ['Hearth c-keep-remote', 'Server c-keep-remote', false],
      ]);
      // Neither side was overwritten, and syncing again changes nothing while the choice waits.
      const logSize = await h.changeLogSize();
      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ conflicts: 3, pushed: 0, pulled: 0 });
      expect(await h.changeLogSize()).toBe(logSize);
      expect((await h.instances(work!.id)).map((i) => i.title).sort()).toEqual(['Hearth c-deleted-there', 'Hearth c-keep-local', 'Hearth c-keep-remote']);
      expect((await other.instances()).map((i) => i.title).sort()).toEqual(['Server c-keep-local', 'Server c-keep-remote']);

      const byUid = (uid: string) => conflicts.find((c) => c.eventId === ids.get(uid))!.id;
      await h.caldav.resolveConflict({ id: byUid('c-keep-local'), keep: 'local' });
      await h.caldav.resolveConflict({ id: byUid('c-keep-remote'), keep: 'remote' });
      await h.caldav.resolveConflict({ id: byUid('c-deleted-there'), keep: 'local' });
      expect(await h.caldav.conflicts()).toEqual([]);
      await h.caldav.syncCaldav({ id: account.id });
      expect((await other.instances()).map((i) => i.title).sort()).toEqual(['Hearth c-deleted-there', 'Hearth c-keep-local', 'Server c-keep-remote']);
      expect(await h.instances(work!.id)).toEqual(await other.instances());
    }, 30_000);

    it('a wrong password is WRONG_PASSWORD with lastError kept and nothing lost; the password is only in the encrypted database', async () => {
      const { other, h, add } = await connected('dee');
      await other.put('a.ics', vcal(vevent('keep-me', 'Keep me', '20260315T080000Z')));
      const refused = await errorOf(h.caldav.addCaldavAccount({ serverUrl: rad.url, username: 'dee', password: 'not-the-password' }));
      expect(refused.code).toBe('WRONG_PASSWORD');
      expect(await h.caldav.caldavAccounts()).toEqual([]);
      expect((await h.core.client.vault.list({})).items).toEqual([]);

      const account = await add();
      expect((await h.core.client.vault.list({})).items.map((i) => i.title)).toEqual([`CalDAV — ${new URL(rad.url).host}`]);
      const [work] = (await h.cal.listCalendars({})).filter((c) => c.source === 'caldav');
      // The server now has another password for dee (changed elsewhere): the next sync is refused.
      writeFileSync(
        path.join(rad.dir, 'users'),
        Object.entries({ ...USERS, dee: 'changed-elsewhere' })
          .map(([u, p]) => `${u}:${p}\n`)
          .join(''),
      );
      const err = await errorOf(h.caldav.syncCaldav({ id: account.id }));
      expect(err.code).toBe('WRONG_PASSWORD');
      expect((await h.caldav.caldavAccounts())[0]!.lastError).toBe(err.message);
      expect((await h.instances(work!.id)).map((i) => i.title)).toEqual(['Keep me']);

      writeFileSync(
        path.join(rad.dir, 'users'),
        Object.entries(USERS)
          .map(([u, p]) => `${u}:${p}\n`)
          .join(''),
      );
      await h.caldav.syncCaldav({ id: account.id });
      expect((await h.caldav.caldavAccounts())[0]!.lastError).toBeNull();

      h.core.profiles.lock('user');
      expect(await filesContaining(h.core.root, USERS.dee)).toEqual([]);
    }, 20_000);

    it('falls back to a full ETag listing when the sync-token is refused, or the server has no sync-collection', async () => {
      const { other, h, add } = await connected('eve');
      for (const uid of ['e-1', 'e-2', 'e-3']) await other.put(`${uid}.ics`, vcal(vevent(uid, `Event ${uid}`, '20260318T080000Z')));
      const account = await add();
      const [work] = (await h.cal.listCalendars({})).filter((c) => c.source === 'caldav');

      // A token the server no longer knows (a reset server, a restored backup): the whole collection is listed instead.
      await h.ctx.write((trx) => trx.updateTable('calendars').set({ sync_token: 'http://radicale.org/ns/sync/unknown' }).where('id', '=', work!.id).execute());
      await other.remove('e-1');
      expect(await h.caldav.syncCaldav({ id: account.id })).toMatchObject({ deleted: 1 });
      expect(await h.instances(work!.id)).toEqual(await other.instances());

      // A server without sync-collection: ctag first, then every ETag compared.
      await other.update('e-2', (ics) => ics.replace('SUMMARY:Event e-2', 'SUMMARY:Event two'));
      await other.remove('e-3');
      const client = createCaldavClient(new URL(rad.url), 'eve', USERS.eve);
      const remoteNow = async () => ({ ...(await client.calendars((await client.discover()).homeUrl))[0]!, supportsSync: false });
      const row = async () => await h.ctx.db().selectFrom('calendars').selectAll().where('id', '=', work!.id).executeTakeFirstOrThrow();
      const stats: SyncStats = { pulled: 0, pushed: 0, deleted: 0, conflicts: 0, wrote: false };
      await pullCalendar({ ...h.parts, client }, await row(), await remoteNow(), stats);
      expect(stats).toMatchObject({ pulled: 1, deleted: 1, wrote: true });
      expect(await h.instances(work!.id)).toEqual(await other.instances());
      expect((await h.instances(work!.id)).map((i) => i.title)).toEqual(['Event two']);
      const again: SyncStats = { pulled: 0, pushed: 0, deleted: 0, conflicts: 0, wrote: false };
      await pullCalendar({ ...h.parts, client }, await row(), await remoteNow(), again);
      expect(again.wrote).toBe(false);
    }, 20_000);

    it('never follows a redirect to another origin, and never sends the credentials there', async () => {
      const seen: string[] = [];
      const elsewhere = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
        res.writeHead(207, { 'content-type': 'text/xml' }).end('<multistatus xmlns="DAV:"/>');
      });
      await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
      const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`;
      const redirector = http.createServer((_req, res) => res.writeHead(301, { location: target }).end());
      await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
      try {
        const h = await hearth();
        const err = await errorOf(
          h.caldav.addCaldavAccount({ serverUrl: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/dav/`, username: 'x', password: 'secret-x' }),
        );
        expect(['FORBIDDEN', 'UNSUPPORTED']).toContain(err.code);
        expect(seen).toEqual([]);
        expect((await errorOf(h.caldav.addCaldavAccount({ serverUrl: 'file:///etc/passwd', username: 'x', password: 'y' }))).code).toBe('INVALID_INPUT');
      } finally {
        elsewhere.close();
        redirector.close();
      }
    });
  },
);
