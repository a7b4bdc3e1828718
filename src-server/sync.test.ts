import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CollectionInfo,
  CollectionList,
  ErrorResponse,
  HealthResponse,
  PublicKeyLookup,
  PullResponse,
  PushResponse,
  SessionResponse,
  SYNC_LIMITS,
  type PushChange,
} from '../src-shared/sync/protocol';
import { sql } from 'kysely';
import { migrateServerDb, ServerMigrationError } from './db/migrator';
import { purgeTombstones } from './sync/purge';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from './test/postgres';
import { call, signUpOver, startTestServer, type TestServer } from './test/server';

const codeOf = (body: unknown) => ErrorResponse.parse(body).error.code;
const b64u = (n: number) => randomBytes(n).toString('base64url');
const change = (over: Partial<PushChange> = {}): PushChange => ({
  id: randomUUID(),
  key: b64u(32),
  hlc: `${Date.now()}:0000:dev`,
  deleted: false,
  envelope: b64u(64),
  ...over,
});
const BLOB_LIMIT = 256 * 1024;

describe.skipIf(POSTGRES_SKIP_REASON)(
  `sync server: push, pull, sharing, blobs, operations${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`,
  () => {
    let pg: Postgres;
    let server: TestServer;
    let alice: SessionResponse;
    let aliceSecret: string;
    let mallory: SessionResponse;
    const token = (s: SessionResponse) => s.tokens.accessToken;
    const push = (s: SessionResponse, spaceId: string, changes: PushChange[]) =>
      call(server, 'POST', '/v1/sync/push', { token: token(s), body: { spaceId, changes } });
    const pull = (s: SessionResponse, spaceId: string, since: number, limit?: number) =>
      call(server, 'GET', `/v1/sync/pull?spaceId=${spaceId}&since=${since}${limit ? `&limit=${limit}` : ''}`, { token: token(s) });
    const pullAll = async (s: SessionResponse, spaceId: string, since = 0) => {
      const page = PullResponse.parse((await pull(s, spaceId, since)).body);
      await pull(s, spaceId, page.cursor); // tells the server this device has seen it all
      return page;
    };
    const signIn = async (email: string, authSecret: string) =>
      SessionResponse.parse((await call(server, 'POST', '/v1/auth/login', { body: { email, authSecret, deviceName: 'Another' } })).body);

    beforeAll(async () => {
      pg = await startPostgres();
      server = await startTestServer(pg, 'sync', { limits: { blobBytes: BLOB_LIMIT } });
      ({ session: alice, authSecret: aliceSecret } = await signUpOver(server, 'alice@example.com'));
      ({ session: mallory } = await signUpOver(server, 'mallory@example.com'));
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await pg?.stop();
    });

    it('stores a replayed push once: the same seq comes back and duplicates are counted', async () => {
      const batch = [change(), change(), change()];
      const first = PushResponse.parse((await push(alice, alice.spaceId, batch)).body);
      expect(first.duplicates).toBe(0);
      const again = PushResponse.parse((await push(alice, alice.spaceId, batch)).body);
      expect(again).toEqual({ accepted: first.accepted, duplicates: 3 });
      const extra = change();
      const mixed = PushResponse.parse((await push(alice, alice.spaceId, [batch[0]!, extra, batch[0]!])).body);
      expect(mixed.duplicates).toBe(2);
      expect(mixed.accepted[0]).toEqual(first.accepted[0]);
      expect(mixed.accepted[2]).toEqual(first.accepted[0]);
      const ids = [...batch, extra].map((c) => c.id);
      const stored = await server.db.selectFrom('changes').select('change_id').where('change_id', 'in', ids).execute();
      expect(stored).toHaveLength(4);
    });

    it('pulls in pages, in seq order, exactly what was pushed', async () => {
      const { session: pat } = await signUpOver(server, 'pat@example.com');
      const pushed = Array.from({ length: 7 }, (_, i) => change({ hlc: `h${i}`, deleted: i === 6 }));
      await push(pat, pat.spaceId, pushed);
      const got: PushChange[] = [];
      let since = 0;
      let pages = 0;
      for (;;) {
        const page = PullResponse.parse((await pull(pat, pat.spaceId, since, 3)).body);
        pages += 1;
        got.push(...page.changes.map(({ id, key, hlc, deleted, envelope }) => ({ id, key, hlc, deleted, envelope })));
        expect(page.changes.every((c) => c.deviceId === pat.deviceId && c.seq > since)).toBe(true);
        since = page.cursor;
        if (!page.more) break;
      }
      expect(pages).toBe(3);
      expect(got).toEqual(pushed);
      expect(PullResponse.parse((await pull(pat, pat.spaceId, since)).body)).toEqual({ changes: [], cursor: since, more: false });
    });

    it('concurrent pushers and a polling puller: every change is pulled exactly once', async () => {
      const { session: first, authSecret } = await signUpOver(server, 'busy@example.com');
      const devices = [first, ...(await Promise.all([1, 2, 3].map(() => signIn('busy@example.com', authSecret))))];
      const reader = await signIn('busy@example.com', authSecret);
      const pushed = new Set<string>();
      const seen: string[] = [];
      let cursor = 0;
      let pushing = true;
      const poll = (async () => {
        for (let done = false; !done;) {
          done = !pushing;
          const page = PullResponse.parse((await pull(reader, first.spaceId, cursor)).body);
          seen.push(...page.changes.map((c) => c.id));
          cursor = page.cursor;
          if (!page.more && !done) await new Promise((r) => setTimeout(r, 5));
          if (page.more) done = false;
        }
      })();
      await Promise.all(
        devices.map(async (d) => {
          for (let i = 0; i < 5; i++) {
            const batch = Array.from({ length: 20 }, () => change());
            batch.forEach((c) => pushed.add(c.id));
            expect((await push(d, d.spaceId, batch)).status).toBe(200);
          }
        }),
      );
      pushing = false;
      await poll;
      expect(seen).toHaveLength(pushed.size);
      expect(new Set(seen)).toEqual(pushed);
    });

    it("refuses another account's token on my space: pull, push and blobs", async () => {
      await push(alice, alice.spaceId, [change()]);
      for (const r of [await pull(mallory, alice.spaceId, 0), await push(mallory, alice.spaceId, [change()])]) {
        expect([r.status, codeOf(r.body)]).toEqual([403, 'FORBIDDEN']);
      }
      const bytes = randomBytes(1000);
      const id = createHash('sha256').update(bytes).digest('hex');
      expect((await putBlob(alice, alice.spaceId, id, bytes)).status).toBe(204);
      expect((await getBlob(mallory, alice.spaceId, id)).status).toBe(403);
      // Naming her own space does not help: the blob was not uploaded to it.
      expect((await getBlob(mallory, mallory.spaceId, id)).status).toBe(404);
      expect(
        (await fetch(`${server.url}/v1/blobs/${id}?spaceId=${mallory.spaceId}`, { method: 'HEAD', headers: { authorization: `Bearer ${token(mallory)}` } }))
          .status,
      ).toBe(404);
      expect((await pull(alice, alice.spaceId, 0)).status).toBe(200);
      expect((await call(server, 'GET', `/v1/sync/pull?spaceId=${alice.spaceId}&since=0`)).status).toBe(401);
      expect((await call(server, 'GET', `/v1/sync/pull?spaceId=${alice.spaceId}&since=0`, { token: 'x'.repeat(43) })).status).toBe(401);
    });

    const putBlob = (s: SessionResponse, spaceId: string, id: string, bytes: Buffer) =>
      fetch(`${server.url}/v1/blobs/${id}?spaceId=${spaceId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token(s)}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      });
    const getBlob = (s: SessionResponse, spaceId: string, id: string) =>
      fetch(`${server.url}/v1/blobs/${id}?spaceId=${spaceId}`, { headers: { authorization: `Bearer ${token(s)}` } });

    it('uploads, checks and downloads blobs by content address; refuses a wrong hash and an oversized blob', async () => {
      const bytes = randomBytes(100_000);
      const id = createHash('sha256').update(bytes).digest('hex');
      expect((await putBlob(alice, alice.spaceId, id, bytes)).status).toBe(204);
      const head = await fetch(`${server.url}/v1/blobs/${id}?spaceId=${alice.spaceId}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${token(alice)}` },
      });
      expect([head.status, head.headers.get('content-length')]).toEqual([200, '100000']);
      const got = await getBlob(alice, alice.spaceId, id);
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

      const other = randomBytes(500);
      const lying = createHash('sha256').update(randomBytes(500)).digest('hex');
      const bad = await putBlob(alice, alice.spaceId, lying, other);
      expect([bad.status, codeOf(await bad.json())]).toEqual([400, 'BAD_REQUEST']);
      expect((await getBlob(alice, alice.spaceId, lying)).status).toBe(404);

      const big = randomBytes(BLOB_LIMIT + 1);
      const tooBig = await putBlob(alice, alice.spaceId, createHash('sha256').update(big).digest('hex'), big);
      expect([tooBig.status, codeOf(await tooBig.json())]).toEqual([413, 'TOO_LARGE']);
      // Without a Content-Length (chunked), the server counts the bytes itself.
      const chunks = [randomBytes(BLOB_LIMIT / 2), randomBytes(BLOB_LIMIT / 2), randomBytes(10)];
      const streamed = await fetch(`${server.url}/v1/blobs/${'0'.repeat(64)}?spaceId=${alice.spaceId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token(alice)}`, 'content-type': 'application/octet-stream' },
        body: new ReadableStream({ pull: (c) => (chunks.length ? c.enqueue(new Uint8Array(chunks.shift()!)) : c.close()) }),
        duplex: 'half',
      } as RequestInit);
      expect([streamed.status, codeOf(await streamed.json())]).toEqual([413, 'TOO_LARGE']);
    });

    it('shares a collection: members read, a viewer cannot push, a removed member is refused, a rotation must cover every member', async () => {
      const { session: owner } = await signUpOver(server, 'owner@shop.example');
      const { session: editor } = await signUpOver(server, 'editor@shop.example');
      const { session: viewer } = await signUpOver(server, 'viewer@shop.example');
      const created = await call(server, 'POST', '/v1/collections', {
        token: token(owner),
        body: { kind: 'batches', sealedName: b64u(40), wrappedKey: b64u(92) },
      });
      const coll = CollectionInfo.parse(created.body);
      expect([coll.role, coll.keyVersion, coll.members.length]).toEqual(['owner', 1, 1]);

      const editorKey = PublicKeyLookup.parse((await call(server, 'GET', '/v1/users/public-key?email=editor@shop.example', { token: token(owner) })).body);
      expect(editorKey.accountId).toBe(editor.accountId);
      expect((await call(server, 'GET', '/v1/users/public-key?email=nobody@shop.example', { token: token(owner) })).status).toBe(404);

      const add = (who: string, role: string, as = owner) =>
        call(server, 'POST', `/v1/collections/${coll.id}/members`, { token: token(as), body: { email: who, role, wrappedKey: b64u(92), keyVersion: 1 } });
      expect((await add('editor@shop.example', 'editor')).status).toBe(200);
      expect((await add('viewer@shop.example', 'viewer')).status).toBe(200);
      expect(codeOf((await add('mallory@example.com', 'editor', editor)).body)).toBe('FORBIDDEN');

      const seenByViewer = CollectionList.parse((await call(server, 'GET', '/v1/collections', { token: token(viewer) })).body).collections;
      expect(seenByViewer.map((c) => [c.id, c.role, c.members.length])).toEqual([[coll.id, 'viewer', 3]]);

      expect((await push(editor, coll.id, [change()])).status).toBe(200);
      const viewerPush = await push(viewer, coll.id, [change()]);
      expect([viewerPush.status, codeOf(viewerPush.body)]).toEqual([403, 'FORBIDDEN']);
      expect(PullResponse.parse((await pull(viewer, coll.id, 0)).body).changes).toHaveLength(1);
      expect((await pull(mallory, coll.id, 0)).status).toBe(403);

      const rotate = (keys: { accountId: string; wrappedKey: string }[], keyVersion = 2) =>
        call(server, 'POST', `/v1/collections/${coll.id}/rotate`, { token: token(owner), body: { keyVersion, wrappedKeys: keys } });
      expect((await call(server, 'DELETE', `/v1/collections/${coll.id}/members/${viewer.accountId}`, { token: token(owner) })).status).toBe(200);
      for (const r of [await pull(viewer, coll.id, 0), await push(viewer, coll.id, [change()])]) expect(r.status).toBe(403);
      expect(CollectionList.parse((await call(server, 'GET', '/v1/collections', { token: token(viewer) })).body).collections).toEqual([]);

      const missing = await rotate([{ accountId: owner.accountId, wrappedKey: b64u(92) }]);
      expect([missing.status, codeOf(missing.body)]).toEqual([400, 'BAD_REQUEST']);
      const withRemoved = await rotate([owner, editor, viewer].map((s) => ({ accountId: s.accountId, wrappedKey: b64u(92) })));
      expect(codeOf(withRemoved.body)).toBe('BAD_REQUEST');
      expect(
        codeOf(
          (
            await rotate(
              [owner, editor].map((s) => ({ accountId: s.accountId, wrappedKey: b64u(92) })),
              3,
            )
          ).body,
        ),
      ).toBe('CONFLICT');
      const editorNewKey = b64u(92);
      const ok = await rotate([
        { accountId: owner.accountId, wrappedKey: b64u(92) },
        { accountId: editor.accountId, wrappedKey: editorNewKey },
      ]);
      expect(CollectionInfo.parse(ok.body).keyVersion).toBe(2);
      const editorView = CollectionList.parse((await call(server, 'GET', '/v1/collections', { token: token(editor) })).body).collections[0]!;
      expect([editorView.keyVersion, editorView.wrappedKey]).toEqual([2, editorNewKey]);
      expect(codeOf((await add('viewer@shop.example', 'viewer')).body)).toBe('CONFLICT');
    });

    it('purges a tombstone once every live device has seen it (a revoked device does not hold it back)', async () => {
      const { session: d1, authSecret } = await signUpOver(server, 'purge@example.com');
      const d2 = await signIn('purge@example.com', authSecret);
      const d3 = await signIn('purge@example.com', authSecret);
      const [rowK, rowL] = [b64u(32), b64u(32)];
      await push(d1, d1.spaceId, [change({ key: rowK }), change({ key: rowL }), change({ key: rowK, deleted: true })]);
      expect(await purgeTombstones(server.db, d1.spaceId)).toBe(0);
      await pullAll(d1, d1.spaceId);
      await pullAll(d2, d2.spaceId);
      expect(await purgeTombstones(server.db, d1.spaceId)).toBe(0); // d3 has not seen it
      expect((await call(server, 'DELETE', `/v1/devices/${d3.deviceId}`, { token: token(d1) })).status).toBe(204);
      const later = change({ key: rowK });
      await push(d1, d1.spaceId, [later]);
      // The push itself purged: rowK's set + tombstone are gone; rowL and rowK's later change stay.
      const left = PullResponse.parse((await pull(d2, d2.spaceId, 0)).body).changes;
      expect(left.map((c) => [c.key, c.deleted])).toEqual([
        [rowL, false],
        [rowK, false],
      ]);
      expect(left[1]!.id).toBe(later.id);

      // A device unseen for longer than a refresh token lives cannot come back as itself: it does not hold purges back.
      const d4 = await signIn('purge@example.com', authSecret);
      await push(d1, d1.spaceId, [change({ key: rowL, deleted: true })]);
      await pullAll(d1, d1.spaceId);
      await pullAll(d2, d2.spaceId);
      expect(await purgeTombstones(server.db, d1.spaceId)).toBe(0);
      await server.db
        .updateTable('devices')
        .set({ last_seen_at: new Date(Date.now() - 61 * 86_400_000) })
        .where('id', '=', d4.deviceId)
        .execute();
      expect(await purgeTombstones(server.db, d1.spaceId, new Date(Date.now() - 60 * 86_400_000))).toBe(2);
    });

    it('refuses unknown fields, malformed bodies and oversized envelopes with typed errors', async () => {
      const cases: [unknown, number, string][] = [
        [{ spaceId: alice.spaceId, changes: [change()], extra: 1 }, 400, 'BAD_REQUEST'],
        [{ spaceId: alice.spaceId, changes: [{ ...change(), plaintext: 'x' }] }, 400, 'BAD_REQUEST'],
        [{ spaceId: alice.spaceId, changes: [] }, 400, 'BAD_REQUEST'],
        [{ spaceId: 'not-a-uuid', changes: [change()] }, 400, 'BAD_REQUEST'],
        [{ spaceId: alice.spaceId, changes: [change({ envelope: 'A'.repeat(SYNC_LIMITS.envelopeChars + 1) })] }, 413, 'TOO_LARGE'],
        [{ spaceId: alice.spaceId, changes: Array.from({ length: SYNC_LIMITS.changesPerRequest + 1 }, () => change()) }, 413, 'TOO_LARGE'],
      ];
      for (const [body, status, code] of cases) {
        const r = await push(alice, alice.spaceId, []).then(() => call(server, 'POST', '/v1/sync/push', { token: token(alice), body }));
        expect([r.status, codeOf(r.body)]).toEqual([status, code]);
      }
      const notJson = await call(server, 'POST', '/v1/sync/push', { token: token(alice), rawBody: '{"spaceId":' });
      expect([notJson.status, codeOf(notJson.body)]).toEqual([400, 'BAD_REQUEST']);
      const extraQuery = await call(server, 'GET', `/v1/sync/pull?spaceId=${alice.spaceId}&since=0&debug=1`, { token: token(alice) });
      expect([extraQuery.status, codeOf(extraQuery.body)]).toEqual([400, 'BAD_REQUEST']);
      const hugeBody = await call(server, 'POST', '/v1/auth/prelogin', { rawBody: JSON.stringify({ email: 'a'.repeat(SYNC_LIMITS.pushBodyBytes) }) });
      expect([hugeBody.status, codeOf(hugeBody.body)]).toEqual([413, 'TOO_LARGE']);
      expect(codeOf((await call(server, 'GET', '/v1/nowhere')).body)).toBe('NOT_FOUND');
    });

    it('migrates once, and refuses a database migrated by a newer server', async () => {
      expect(await migrateServerDb(server.db)).toEqual([]);
      await sql`INSERT INTO server_migrations (name, timestamp) VALUES ('9999-from-the-future', now()::text)`.execute(server.db);
      try {
        await expect(migrateServerDb(server.db)).rejects.toBeInstanceOf(ServerMigrationError);
      } finally {
        await sql`DELETE FROM server_migrations WHERE name = '9999-from-the-future'`.execute(server.db);
      }
    });

    it('reports health and metadata-only metrics', async () => {
      const health = await call(server, 'GET', '/health');
      expect([health.status, HealthResponse.parse(health.body)]).toEqual([200, { ok: true, version: 1, database: true, blobs: true }]);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/hearth_http_requests_total\{method="POST",route="\/v1\/sync\/push",status="200"\} \d+/);
      expect(metrics).toMatch(/hearth_http_request_duration_seconds_bucket\{method="GET",route="\/v1\/sync\/pull",le="0.1"\} \d+/);
      expect(metrics).toMatch(/hearth_accounts \d+/);
      expect(metrics).toMatch(/hearth_changes_duplicate_total [1-9]/);
      expect(metrics).not.toContain('@');
      expect(metrics).not.toContain(alice.spaceId);
    });

    it('never writes an envelope, email, secret or token to its log', async () => {
      const canary = 'CANARYq7Zx9';
      const envelope = `${b64u(30)}${canary}${b64u(30)}`;
      const email = 'canary-zq81@example.com';
      const { session, authSecret } = await signUpOver(server, email);
      await push(session, session.spaceId, [change({ envelope })]);
      await call(server, 'GET', `/v1/users/public-key?email=${email}`, { token: token(session) });
      await call(server, 'POST', '/v1/accounts', { body: { email, authSecret, bogus: canary } });
      await call(server, 'POST', '/v1/auth/login', { body: { email, authSecret: 'Z'.repeat(43), deviceName: canary } });
      await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.tokens.refreshToken } });
      await push(alice, alice.spaceId, []); // keeps alice's session in use (and a 400 in the log)
      const log = server.logs.join('');
      expect(log).toContain('"route":"/v1/sync/push"');
      expect(log).toContain(session.accountId);
      for (const secret of [
        canary,
        email,
        'canary-zq81',
        authSecret,
        session.tokens.accessToken,
        session.tokens.refreshToken,
        aliceSecret,
        alice.tokens.accessToken,
      ]) {
        expect(log).not.toContain(secret);
      }
      expect(pg.dump('sync')).not.toContain(canary);
    });

    it('answers UNAVAILABLE (not a crash) while PostgreSQL is down, and recovers when it is back', async () => {
      await pg.stopServer();
      try {
        const r = await push(alice, alice.spaceId, [change()]);
        expect([r.status, codeOf(r.body)]).toEqual([503, 'UNAVAILABLE']);
        const health = await call(server, 'GET', '/health');
        expect([health.status, HealthResponse.parse(health.body).database]).toEqual([503, false]);
      } finally {
        await pg.start();
      }
      expect((await push(alice, alice.spaceId, [change()])).status).toBe(200);
    });
  },
);
