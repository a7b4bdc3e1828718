import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { z } from 'zod';
import {
  AddMemberRequest,
  BlobId,
  ChangeAuthRequest,
  CollectionInfo,
  CollectionList,
  CreateCollectionRequest,
  DeviceList,
  ErrorResponse,
  HealthResponse,
  PreloginResponse,
  PublicKeyLookup,
  PullResponse,
  PushRequest,
  PushResponse,
  RefreshResponse,
  RotateKeyRequest,
  SessionResponse,
  SignInRequest,
  SignUpRequest,
  SYNC_LIMITS,
  Tokens,
  type PushChange,
  type SyncErrorCode,
} from '../../src-shared/sync/protocol';
import { checkBaseUrl, joinUrl } from './http-url';
import { SyncError, type SyncTransport } from './types';

/**
 * The typed HTTP client of the sync protocol (src-shared/sync/protocol.ts): every request checked against its
 * schema before it leaves, every response parsed before it is trusted, every failure a {@link SyncError}. It keeps
 * the device's session (tokens), refreshes the access token shortly before it expires and once on a 401, and hands
 * every rotated token pair to `onTokens` so the caller can persist it — a lost refresh token means signing in again.
 */

/** A signed-in device's session as the caller persists it. */
export interface SyncSession {
  tokens: Tokens;
  deviceId: string;
}

export interface SyncHttpClientOptions {
  /** https://… or http://127.0.0.1 / http://localhost (plain http elsewhere is refused). */
  baseUrl: string;
  session?: SyncSession;
  /** Called with every new token pair (sign-in, sign-up, refresh); the caller persists it before the next request. */
  onTokens?: (t: Tokens) => void | Promise<void>;
  fetch?: typeof fetch;
  /** Per-request timeout for JSON calls (default 30 s). */
  timeoutMs?: number;
  /** Per-request timeout for blob uploads and downloads (default 10 min). */
  blobTimeoutMs?: number;
  /** The local clock (tests). */
  now?: () => number;
}

/** Everything the Settings → Sync flows and the engine need from the server. */
export interface SyncHttpClient extends SyncTransport {
  readonly baseUrl: string;
  signUp(req: z.input<typeof SignUpRequest>): Promise<SessionResponse>;
  prelogin(email: string): Promise<z.infer<typeof PreloginResponse>>;
  signIn(req: z.input<typeof SignInRequest>): Promise<SessionResponse>;
  /** Rotates the tokens now (single-flight: concurrent callers share one refresh). */
  refresh(): Promise<Tokens>;
  /** Ends this device's session on the server (best effort) and forgets it locally. */
  signOut(): Promise<void>;
  changeAuth(req: z.input<typeof ChangeAuthRequest>): Promise<void>;
  publicKey(email: string): Promise<z.infer<typeof PublicKeyLookup>>;
  createCollection(req: z.input<typeof CreateCollectionRequest>): Promise<z.infer<typeof CollectionInfo>>;
  /** Owner only; answers the collection as it is now. */
  addMember(collectionId: string, req: z.input<typeof AddMemberRequest>): Promise<z.infer<typeof CollectionInfo>>;
  /** Owner only; the owner rotates the key next (the server refuses the removed member from now on). */
  removeMember(collectionId: string, accountId: string): Promise<z.infer<typeof CollectionInfo>>;
  /** Owner only: a new key version wrapped to every remaining member (the server refuses one that misses a member). */
  rotateKey(collectionId: string, req: z.input<typeof RotateKeyRequest>): Promise<z.infer<typeof CollectionInfo>>;
  setSession(s: SyncSession | undefined): void;
  session(): SyncSession | undefined;
  health(): Promise<z.infer<typeof HealthResponse>>;
  /** Uploads a blob from a stream (bounded memory); `size` lets the server refuse an oversized one early. */
  putBlobStream(spaceId: string, id: string, body: Readable | AsyncIterable<Uint8Array>, size?: number): Promise<void>;
  /** A blob as a stream; the stream fails with `TAMPERED` at its end when the bytes do not hash to `id`. */
  getBlobStream(spaceId: string, id: string): Promise<Readable>;
}

/** Refresh this long (at most a quarter of the lifetime) before the access token's expiry; a 401 still triggers one refresh. */
const REFRESH_MARGIN_MS = 60_000;
/** JSON answers larger than this are refused (a pull page is bounded far below it). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

const STATUS_CODES: Record<number, SyncErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'TOO_LARGE',
  423: 'LOCKED_OUT',
  429: 'RATE_LIMITED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

interface Call<S extends z.ZodType | null> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** Raw bytes; a Buffer can be re-sent after a refresh, a stream cannot. */
  bytes?: Buffer | Readable;
  size?: number;
  auth: boolean;
  /** The response schema; null when the body is ignored. */
  schema: S;
  timeoutMs?: number;
  /** Statuses that are answers rather than errors (e.g. 404 for HEAD, 503 for /health). */
  accept?: number[];
}

/** Builds the client (no I/O until the first call). */
export function createSyncHttpClient(opts: SyncHttpClientOptions): SyncHttpClient {
  const base = checkBaseUrl(opts.baseUrl);
  const doFetch = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const blobTimeoutMs = opts.blobTimeoutMs ?? 10 * 60_000;
  let session: SyncSession | undefined;
  /** Local-clock expiry of the access token (the server's expiry is in its clock, ours may be days off), and when to refresh it. */
  let localDeadline = 0;
  let refreshAt = 0;
  let refreshing: Promise<Tokens> | null = null;

  const setSession = (s: SyncSession | undefined, serverDateMs?: number): void => {
    session = s ? { tokens: { ...s.tokens }, deviceId: s.deviceId } : undefined;
    const local = now();
    const lifetime = s ? lifetimeOf(s.tokens, serverDateMs, local) : 0;
    localDeadline = local + lifetime;
    refreshAt = localDeadline - Math.min(REFRESH_MARGIN_MS, lifetime / 4);
  };

  function lifetimeOf(t: Tokens, serverDateMs: number | undefined, local: number): number {
    // With the server's Date header the token's lifetime is known in its own clock; without it, trust our clock.
    const lifetime = serverDateMs !== undefined ? t.accessExpiresAt - serverDateMs : t.accessExpiresAt - local;
    return Math.max(0, Math.min(SYNC_LIMITS.accessTokenSeconds * 1000, lifetime));
  }

  setSession(opts.session);

  async function adopt(tokens: Tokens, deviceId: string, serverDateMs: number | undefined): Promise<void> {
    setSession({ tokens, deviceId }, serverDateMs);
    await opts.onTokens?.(tokens);
  }

  function refresh(): Promise<Tokens> {
    refreshing ??= (async () => {
      const s = session;
      if (!s) throw new SyncError('UNAUTHORIZED', 'Not signed in to the sync server.');
      let answer: { body: z.infer<typeof RefreshResponse>; serverDate: number | undefined };
      try {
        answer = await send({ method: 'POST', path: '/v1/auth/refresh', json: { refreshToken: s.tokens.refreshToken }, auth: false, schema: RefreshResponse });
      } catch (err) {
        // The refresh token is unknown, expired, or its device was revoked: the session is over, and retrying it
        // would only spend the auth rate limit. Later calls fail at once with UNAUTHORIZED until a new sign-in.
        if (err instanceof SyncError && err.code === 'UNAUTHORIZED' && session?.tokens.refreshToken === s.tokens.refreshToken) setSession(undefined);
        throw err;
      }
      const { body, serverDate } = answer;
      // A sign-out or a new sign-in while the refresh was in flight wins.
      if (session?.tokens.refreshToken === s.tokens.refreshToken) await adopt(body.tokens, s.deviceId, serverDate);
      return body.tokens;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function accessToken(): Promise<string> {
    if (!session) throw new SyncError('UNAUTHORIZED', 'Not signed in to the sync server.');
    if (now() >= refreshAt) {
      try {
        await refresh();
      } catch (err) {
        // An early refresh that hit a network blip: the current token still works until its deadline.
        if (!(err instanceof SyncError && err.retryable && session && now() < localDeadline)) throw err;
      }
    }
    if (!session) throw new SyncError('UNAUTHORIZED', 'Not signed in to the sync server.');
    return session.tokens.accessToken;
  }

  /** One HTTP exchange: no refresh logic, every failure typed. */
  async function exchange(call: Call<z.ZodType | null>, token: string | undefined): Promise<Response> {
    const url = joinUrl(base, call.path, call.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.bytes !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      if (call.size !== undefined) headers['content-length'] = String(call.size);
      // Node Buffers sit on plain ArrayBuffers (never shared): the casts only narrow the DOM typings.
      body = Buffer.isBuffer(call.bytes) ? (call.bytes as Uint8Array<ArrayBuffer>) : (Readable.toWeb(call.bytes) as ReadableStream<Uint8Array<ArrayBuffer>>);
    }
    const init: RequestInit & { duplex?: 'half' } = {
      method: call.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs ?? timeoutMs),
    };
    if (body instanceof ReadableStream) init.duplex = 'half';
    try {
      return await doFetch(url, init);
    } catch (err) {
      throw networkError(err);
    }
  }

  async function send<S extends z.ZodType | null>(
    call: Call<S>,
  ): Promise<{ body: S extends z.ZodType ? z.infer<S> : undefined; status: number; serverDate: number | undefined; res: Response }> {
    let token = call.auth ? await accessToken() : undefined;
    let res = await exchange(call, token);
    if (res.status === 401 && call.auth && !(call.bytes instanceof Readable)) {
      await discard(res);
      // Refresh once, unless another call already did while this one was in flight; then retry once.
      if (session && session.tokens.accessToken === token) await refresh();
      token = await accessToken();
      res = await exchange(call, token);
    }
    const dateHeader = res.headers.get('date');
    const parsedDate = dateHeader ? Date.parse(dateHeader) : NaN;
    const serverDate = Number.isFinite(parsedDate) ? parsedDate : undefined;
    if (!res.ok && !call.accept?.includes(res.status)) throw await errorOf(res);
    if (call.schema === null) {
      await discard(res);
      return { body: undefined as never, status: res.status, serverDate, res };
    }
    const text = await readCapped(res, MAX_JSON_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw res.ok ? notHearth(res.status) : byStatus(res.status);
    return { body: parsed.data as never, status: res.status, serverDate, res };
  }

  async function sessionCall(path: string, req: unknown, schema: typeof SignUpRequest | typeof SignInRequest): Promise<SessionResponse> {
    const { body, serverDate } = await send({ method: 'POST', path, json: checked(schema, req), auth: false, schema: SessionResponse });
    await adopt(body.tokens, body.deviceId, serverDate);
    return body;
  }

  async function blobResponse(spaceId: string, id: string): Promise<Response> {
    checkBlobId(id);
    const { res } = await sendRaw({ method: 'GET', path: `/v1/blobs/${id}`, query: { spaceId }, auth: true, schema: null, timeoutMs: blobTimeoutMs });
    return res;
  }

  /** Like send() but leaves the body unread for the caller to stream. */
  async function sendRaw(call: Call<null>): Promise<{ res: Response }> {
    let token = await accessToken();
    let res = await exchange(call, token);
    if (res.status === 401) {
      await discard(res);
      if (session && session.tokens.accessToken === token) await refresh();
      token = await accessToken();
      res = await exchange(call, token);
    }
    if (!res.ok) throw await errorOf(res);
    return { res };
  }

  const client: SyncHttpClient = {
    baseUrl: base.href,
    setSession: (s) => setSession(s),
    session: () => (session ? { tokens: { ...session.tokens }, deviceId: session.deviceId } : undefined),
    refresh,

    async health() {
      return (await send({ method: 'GET', path: '/health', auth: false, schema: HealthResponse, accept: [503] })).body;
    },
    signUp: (req) => sessionCall('/v1/accounts', req, SignUpRequest),
    signIn: (req) => sessionCall('/v1/auth/login', req, SignInRequest),
    async prelogin(email) {
      return (await send({ method: 'POST', path: '/v1/auth/prelogin', json: { email }, auth: false, schema: PreloginResponse })).body;
    },
    async signOut() {
      try {
        if (session) await send({ method: 'POST', path: '/v1/auth/logout', auth: true, schema: null });
      } finally {
        setSession(undefined);
      }
    },
    async changeAuth(req) {
      await send({ method: 'POST', path: '/v1/account/auth', json: checked(ChangeAuthRequest, req), auth: true, schema: null });
    },

    async devices() {
      return (await send({ method: 'GET', path: '/v1/devices', auth: true, schema: DeviceList })).body;
    },
    async revokeDevice(id) {
      await send({ method: 'DELETE', path: `/v1/devices/${encodeURIComponent(id)}`, auth: true, schema: null });
    },

    async push(spaceId: string, changes: PushChange[]) {
      const json = checked(PushRequest, { spaceId, changes });
      return (await send({ method: 'POST', path: '/v1/sync/push', json, auth: true, schema: PushResponse })).body;
    },
    async pull(spaceId, since, limit) {
      return (await send({ method: 'GET', path: '/v1/sync/pull', query: { spaceId, since, limit }, auth: true, schema: PullResponse })).body;
    },

    async putBlob(spaceId, id, bytes) {
      checkBlobId(id);
      if (createHash('sha256').update(bytes).digest('hex') !== id) throw new RangeError('blob bytes do not hash to the blob id');
      if (bytes.length > SYNC_LIMITS.blobBytes) throw new SyncError('TOO_LARGE', 'This file is larger than the sync server accepts.');
      await send({ method: 'PUT', path: `/v1/blobs/${id}`, query: { spaceId }, bytes, size: bytes.length, auth: true, schema: null, timeoutMs: blobTimeoutMs });
    },
    async putBlobStream(spaceId, id, body, size) {
      checkBlobId(id);
      if (size !== undefined && size > SYNC_LIMITS.blobBytes) throw new SyncError('TOO_LARGE', 'This file is larger than the sync server accepts.');
      const stream = body instanceof Readable ? body : Readable.from(body);
      await send({ method: 'PUT', path: `/v1/blobs/${id}`, query: { spaceId }, bytes: stream, size, auth: true, schema: null, timeoutMs: blobTimeoutMs });
    },
    async hasBlob(spaceId, id) {
      checkBlobId(id);
      const { status } = await send({ method: 'HEAD', path: `/v1/blobs/${id}`, query: { spaceId }, auth: true, schema: null, accept: [404] });
      return status !== 404;
    },
    async getBlob(spaceId, id) {
      const res = await blobResponse(spaceId, id);
      const bytes = Buffer.from(await readCappedBytes(res, SYNC_LIMITS.blobBytes));
      if (createHash('sha256').update(bytes).digest('hex') !== id) throw new SyncError('TAMPERED', 'A downloaded file does not match its content address.');
      return bytes;
    },
    async getBlobStream(spaceId, id) {
      const res = await blobResponse(spaceId, id);
      if (!res.body) throw notHearth(res.status);
      const source = Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]);
      const out = verifying(id);
      // pipe() does not forward errors: a connection cut mid-download must fail the caller's stream, not end it.
      source.once('error', (err) => out.destroy(networkError(err)));
      return source.pipe(out);
    },

    async collections() {
      return (await send({ method: 'GET', path: '/v1/collections', auth: true, schema: CollectionList })).body;
    },
    async createCollection(req) {
      return (await send({ method: 'POST', path: '/v1/collections', json: checked(CreateCollectionRequest, req), auth: true, schema: CollectionInfo })).body;
    },
    async publicKey(email) {
      return (await send({ method: 'GET', path: '/v1/users/public-key', query: { email }, auth: true, schema: PublicKeyLookup })).body;
    },
    async addMember(collectionId, req) {
      const { body } = await send({
        method: 'POST',
        path: `/v1/collections/${encodeURIComponent(collectionId)}/members`,
        json: checked(AddMemberRequest, req),
        auth: true,
        schema: CollectionInfo,
      });
      return body;
    },
    async removeMember(collectionId, accountId) {
      const { body } = await send({
        method: 'DELETE',
        path: `/v1/collections/${encodeURIComponent(collectionId)}/members/${encodeURIComponent(accountId)}`,
        auth: true,
        schema: CollectionInfo,
      });
      return body;
    },
    async rotateKey(collectionId, req) {
      const { body } = await send({
        method: 'POST',
        path: `/v1/collections/${encodeURIComponent(collectionId)}/rotate`,
        json: checked(RotateKeyRequest, req),
        auth: true,
        schema: CollectionInfo,
      });
      return body;
    },
  };
  return client;
}

/** Validates a request body before it leaves; the error names the fields, never their values (they may be secrets). */
function checked<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = [...new Set(r.error.issues.map((i) => i.path.join('.') || '(body)'))].join(', ');
  throw new SyncError('BAD_REQUEST', `Invalid sync request: ${fields}.`);
}

function checkBlobId(id: string): void {
  if (!BlobId.safeParse(id).success) throw new RangeError('blob id must be 64 hex characters');
}

function networkError(err: unknown): SyncError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError') return new SyncError('NETWORK', 'The sync server did not answer in time.');
  if (name === 'AbortError') return new SyncError('NETWORK', 'The request to the sync server was cancelled.');
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${(err.cause as NodeJS.ErrnoException).code ?? err.cause.message}` : '';
  return new SyncError('NETWORK', `Could not reach the sync server${cause}.`);
}

const notHearth = (status: number): SyncError =>
  new SyncError('BAD_REQUEST', 'The server’s answer was not understood: is this a Hearth sync server of a compatible version?', status);

async function errorOf(res: Response): Promise<SyncError> {
  if (res.status >= 300 && res.status < 400) {
    await discard(res);
    return new SyncError('BAD_REQUEST', 'The sync server answered with a redirect; use the final address as the server URL.', res.status);
  }
  let text = '';
  try {
    text = await readCapped(res, 64 * 1024);
  } catch {
    // The status alone decides below.
  }
  try {
    const parsed = ErrorResponse.safeParse(JSON.parse(text));
    if (parsed.success) return new SyncError(parsed.data.error.code, parsed.data.error.message, res.status);
  } catch {
    // Not JSON (a proxy's page): fall back to the status.
  }
  return byStatus(res.status);
}

/** An error from the status alone (the body was not the protocol's ErrorResponse). */
function byStatus(status: number): SyncError {
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  return new SyncError(code, `The sync server answered ${status}.`, status);
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // Nothing to release.
  }
}

async function readCappedBytes(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await discard(res);
    throw new SyncError('TOO_LARGE', 'The sync server’s answer is larger than allowed.', res.status);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader.cancel();
        throw new SyncError('TOO_LARGE', 'The sync server’s answer is larger than allowed.', res.status);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof SyncError) throw err;
    throw networkError(err);
  }
  return Buffer.concat(chunks);
}

async function readCapped(res: Response, max: number): Promise<string> {
  return Buffer.from(await readCappedBytes(res, max)).toString('utf8');
}

/** A pass-through that fails the stream at its end when the bytes do not hash to `id` (and caps the size). */
function verifying(id: string): Transform {
  const hash = createHash('sha256');
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      total += chunk.length;
      if (total > SYNC_LIMITS.blobBytes) return cb(new SyncError('TOO_LARGE', 'A downloaded file is larger than allowed.'));
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      cb(hash.digest('hex') === id ? null : new SyncError('TAMPERED', 'A downloaded file does not match its content address.'));
    },
  });
}
