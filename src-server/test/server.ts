import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { SessionResponse, type SignUpRequest } from '../../src-shared/sync/protocol';
import { buildServer, type BuildServerOptions } from '../app';
import type { BlobDriver } from '../blobs/blob-driver';
import { FsBlobDriver } from '../blobs/fs-driver';
import type { ServerLimits } from '../context';
import { connectServerDb } from '../db/connect';
import type { ServerDatabase } from '../db/database';
import { migrateServerDb } from '../db/migrator';
import type { Postgres } from './postgres';

/** Test limits: cheap Argon2id and a generous auth rate limit (the rate-limit test lowers it itself). */
export const TEST_LIMITS: Partial<ServerLimits> = {
  argon2: { memoryKiB: 1024, iterations: 1, parallelism: 1 },
  authRateLimit: { max: 10_000, timeWindowMs: 60_000 },
  maintenanceIntervalMs: 0,
};

/** A real sync server for tests: its own database on the harness's PostgreSQL, fs blobs in a temp folder, real HTTP on 127.0.0.1. */
export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  app: FastifyInstance;
  db: Kysely<ServerDatabase>;
  /** The database name (for `pg.dump(name)`). */
  database: string;
  blobsDir: string;
  /** Every JSON log line the server wrote. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<Pick<BuildServerOptions, 'now' | 'secret'>> {
  limits?: Partial<ServerLimits>;
  /** Another blob driver (the S3 one); default: fs in a temp folder. */
  blobs?: BlobDriver;
  /** Skip listen() (tests that only use `app.inject`). */
  listen?: boolean;
}

/** Creates database `name` on `pg`, migrates it and starts a server on 127.0.0.1 (a free port). Call close() in afterAll. */
export async function startTestServer(pg: Postgres, name: string, opts: TestServerOptions = {}): Promise<TestServer> {
  const url = await pg.createDatabase(name);
  const db = connectServerDb({ url, max: 30 });
  await migrateServerDb(db);
  const blobsDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-server-blobs-'));
  const logs: string[] = [];
  const app = await buildServer({
    db,
    blobs: opts.blobs ?? new FsBlobDriver({ root: blobsDir }),
    limits: { ...TEST_LIMITS, ...opts.limits },
    log: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.secret ? { secret: opts.secret } : {}),
  });
  let base = 'http://127.0.0.1:0';
  if (opts.listen !== false) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  return {
    url: base,
    app,
    db,
    database: name,
    blobsDir,
    logs,
    async close() {
      await app.close();
      await db.destroy();
      rmSync(blobsDir, { recursive: true, force: true });
    },
  };
}

/** A valid sign-up request with random (but well-formed) key material: the server cannot tell it from a real one. */
export function fakeSignUp(email: string, deviceName = 'Test device'): z.infer<typeof SignUpRequest> {
  return {
    email,
    authSecret: randomBytes(32).toString('base64url'),
    kdf: { name: 'argon2id', version: 19, memoryKiB: 64 * 1024, iterations: 3, parallelism: 4, salt: randomBytes(16).toString('base64') },
    keyring: JSON.stringify({ wrapped: randomBytes(48).toString('base64') }),
    publicKey: randomBytes(32).toString('base64url'),
    wrappedPrivateKey: randomBytes(60).toString('base64url'),
    keyProof: randomBytes(32).toString('base64url'),
    deviceName,
  };
}

/** Signs up over real HTTP and returns the session plus the secret used (to sign in again). */
export async function signUpOver(server: TestServer, email: string): Promise<{ session: SessionResponse; authSecret: string; keyProof: string }> {
  const req = fakeSignUp(email);
  const res = await fetch(`${server.url}/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return { session: SessionResponse.parse(await res.json()), authSecret: req.authSecret, keyProof: req.keyProof };
}

/** One JSON call over real HTTP: status and parsed body (null when empty). */
export async function call(
  server: TestServer,
  method: string,
  route: string,
  opts: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined || opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = opts.rawBody ?? JSON.stringify(opts.body);
  }
  const res = await fetch(`${server.url}${route}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}
