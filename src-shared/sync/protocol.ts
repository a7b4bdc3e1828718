import { z } from 'zod';

/**
 * The sync server's HTTP API (docs/sync.md), declared once: the server (src-server/) validates every request
 * body and every response against these schemas, and the client (src-main/sync/) parses every response
 * through them. All JSON; binary values are base64url text. The server never receives a key, a password or
 * a plaintext byte of a user's data: `authSecret` is HKDF(Argon2id(master password), 'hearth/sync/auth/v1'),
 * keyrings and private keys arrive wrapped, and every change is an AES-256-GCM envelope.
 */

export const PROTOCOL_VERSION = 1;

/** Limits the server enforces (and the client respects when it batches). */
export const SYNC_LIMITS = {
  /** Changes in one push or one pull page. */
  changesPerRequest: 500,
  /** One change's envelope, base64url characters (1 MiB of ciphertext ≈ 1.34 M characters). */
  envelopeChars: 1_400_000,
  /** A push request's JSON body, bytes. */
  pushBodyBytes: 16 * 1024 * 1024,
  /** One blob upload, bytes (blobs above this are not synced; the client says so). */
  blobBytes: 512 * 1024 * 1024,
  /** Access tokens live this long (seconds): at most 15 minutes. */
  accessTokenSeconds: 15 * 60,
  /** Refresh tokens (one per device session, rotated on every use) live this long (seconds). */
  refreshTokenSeconds: 60 * 24 * 3600,
  /** Failed sign-ins for one account before it is locked for `lockoutSeconds`. */
  failedLoginsBeforeLockout: 10,
  lockoutSeconds: 15 * 60,
} as const;

const b64u = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'base64url');

/** A server-made id (UUID text). */
export const ServerId = z.string().uuid();
export const Email = z.string().trim().toLowerCase().email().max(254);
export const DeviceName = z.string().trim().min(1).max(100);
/** HKDF output sent to sign in: exactly 32 bytes. */
export const AuthSecret = b64u(43).length(43);
/** Argon2id parameters of the account's master password (public metadata, as in keyring.json). */
export const SyncKdf = z.strictObject({
  name: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z
    .number()
    .int()
    .min(8 * 1024)
    .max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(64),
  salt: z.string().min(16).max(64),
});
export type SyncKdf = z.infer<typeof SyncKdf>;

/** Opaque to the server: a profile's keyring.json (the data key wrapped under the password and the recovery key). */
export const WrappedKeyring = z
  .string()
  .min(2)
  .max(64 * 1024);
/** X25519 public key (raw 32 bytes). */
export const PublicKey = b64u(43).length(43);
/** The account's X25519 private key sealed under a key derived from the data key (opaque to the server). */
export const WrappedPrivateKey = b64u(512).min(16);

export const Tokens = z.strictObject({
  accessToken: z.string().min(20).max(200),
  refreshToken: z.string().min(20).max(200),
  /** ms since the epoch. */
  accessExpiresAt: z.number().int(),
});
export type Tokens = z.infer<typeof Tokens>;

// ── Accounts and devices ────────────────────────────────────────────────────────────────────────────────

export const SignUpRequest = z.strictObject({
  email: Email,
  authSecret: AuthSecret,
  kdf: SyncKdf,
  keyring: WrappedKeyring,
  publicKey: PublicKey,
  wrappedPrivateKey: WrappedPrivateKey,
  /** HKDF of the data key (never the key): proves a later password change comes from a holder of the data. */
  keyProof: AuthSecret,
  deviceName: DeviceName,
});
export const SessionResponse = z.strictObject({
  accountId: ServerId,
  deviceId: ServerId,
  /** The account's personal space (its change stream): the account id. */
  spaceId: ServerId,
  tokens: Tokens,
  keyring: WrappedKeyring,
  publicKey: PublicKey,
  wrappedPrivateKey: WrappedPrivateKey,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** Before signing in, a device asks for the password's KDF parameters. Unknown emails get stable made-up ones. */
export const PreloginRequest = z.strictObject({ email: Email });
export const PreloginResponse = z.strictObject({ kdf: SyncKdf });

export const SignInRequest = z.strictObject({ email: Email, authSecret: AuthSecret, deviceName: DeviceName });
export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export const RefreshResponse = z.strictObject({ tokens: Tokens });

/**
 * After a password change on a device: the new auth secret, KDF parameters and keyring. The key proof (which only a
 * holder of the data key can make) proves who asks, so a change after a recovery-key reset needs no old password.
 */
export const ChangeAuthRequest = z.strictObject({ keyProof: AuthSecret, newAuthSecret: AuthSecret, kdf: SyncKdf, keyring: WrappedKeyring });

export const DeviceInfo = z.strictObject({
  id: ServerId,
  name: DeviceName,
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  current: z.boolean(),
});
export const DeviceList = z.strictObject({ devices: z.array(DeviceInfo) });

// ── Sync ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * One change as the server stores it. `key` is HMAC-SHA256(row-key, table ‖ 0 ‖ row id): the server can group a
 * row's changes (and purge them after a tombstone) without learning the table or the id. `envelope` is
 * nonce ‖ AES-256-GCM(ciphertext ‖ tag) with AAD binding space, key, hlc and the deleted flag (src-main/sync/envelope.ts).
 */
export const PushChange = z.strictObject({
  /** The client's id for this change (UUID): a retried push with the same id is stored once. */
  id: z.string().uuid(),
  key: b64u(43).length(43),
  hlc: z.string().max(100),
  deleted: z.boolean(),
  envelope: b64u(SYNC_LIMITS.envelopeChars).min(40),
});
export type PushChange = z.infer<typeof PushChange>;

export const PushRequest = z.strictObject({
  spaceId: ServerId,
  changes: z.array(PushChange).min(1).max(SYNC_LIMITS.changesPerRequest),
});
export const PushResponse = z.strictObject({
  /** Every pushed id with its server sequence number (the first one stored, for a replayed id). */
  accepted: z.array(z.strictObject({ id: z.string().uuid(), seq: z.number().int() })),
  /** Replayed ids (already stored): nothing was stored twice. */
  duplicates: z.number().int(),
});

export const PullQuery = z.strictObject({
  spaceId: ServerId,
  /** Changes after this sequence number; 0 from the start. Pulling with `since` = n tells the server this device has seen ≤ n. */
  since: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(SYNC_LIMITS.changesPerRequest).optional(),
});
export const PulledChange = PushChange.extend({
  seq: z.number().int(),
  /** The device that pushed it (a server id). */
  deviceId: ServerId,
});
export type PulledChange = z.infer<typeof PulledChange>;
export const PullResponse = z.strictObject({
  changes: z.array(PulledChange),
  /** The highest sequence number in this page (or `since` when empty). */
  cursor: z.number().int(),
  more: z.boolean(),
});

// ── Blobs (content-addressed: the id is the SHA-256 of the encrypted bytes, hex) ───────────────────────────

export const BlobId = z.string().regex(/^[0-9a-f]{64}$/);

// ── Shared collections ──────────────────────────────────────────────────────────────────────────────────

export const Role = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;
/** A collection key sealed to a member's X25519 public key (ephemeral key ‖ nonce ‖ ciphertext ‖ tag). */
export const WrappedCollectionKey = b64u(400).min(40);

export const CreateCollectionRequest = z.strictObject({
  /** What the collection holds, e.g. "batches" (the client's scope name: metadata, not content). */
  kind: z.string().regex(/^[a-z]{1,32}$/),
  /** The collection's name, sealed under the collection key (opaque). */
  sealedName: b64u(2000).min(20),
  wrappedKey: WrappedCollectionKey,
});
export const CollectionInfo = z.strictObject({
  id: ServerId,
  kind: z.string(),
  sealedName: z.string(),
  role: Role,
  keyVersion: z.number().int().min(1),
  wrappedKey: WrappedCollectionKey,
  members: z.array(z.strictObject({ accountId: ServerId, email: Email, role: Role })),
});
export const CollectionList = z.strictObject({ collections: z.array(CollectionInfo) });
export const PublicKeyLookup = z.strictObject({ accountId: ServerId, publicKey: PublicKey });
export const AddMemberRequest = z.strictObject({ email: Email, role: Role, wrappedKey: WrappedCollectionKey, keyVersion: z.number().int().min(1) });
/** After removing a member the owner rotates: a new key version, wrapped to each remaining member. */
export const RotateKeyRequest = z.strictObject({
  keyVersion: z.number().int().min(2),
  wrappedKeys: z
    .array(z.strictObject({ accountId: ServerId, wrappedKey: WrappedCollectionKey }))
    .min(1)
    .max(1000),
});

// ── Errors and operations ───────────────────────────────────────────────────────────────────────────────

export const SyncErrorCode = z.enum([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED_OUT',
  'RATE_LIMITED',
  'TOO_LARGE',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;
export const ErrorResponse = z.strictObject({ error: z.strictObject({ code: SyncErrorCode, message: z.string().max(500) }) });

export const HealthResponse = z.strictObject({ ok: z.boolean(), version: z.number().int(), database: z.boolean(), blobs: z.boolean() });

/** Routes, in one place (all JSON unless noted). */
export const ROUTES = {
  health: 'GET /health',
  metrics: 'GET /metrics (Prometheus text)',
  signUp: 'POST /v1/accounts',
  prelogin: 'POST /v1/auth/prelogin',
  signIn: 'POST /v1/auth/login',
  refresh: 'POST /v1/auth/refresh',
  signOut: 'POST /v1/auth/logout',
  changeAuth: 'POST /v1/account/auth',
  devices: 'GET /v1/devices',
  revokeDevice: 'DELETE /v1/devices/:id',
  push: 'POST /v1/sync/push',
  pull: 'GET /v1/sync/pull?spaceId&since&limit',
  blobPut: 'PUT /v1/blobs/:id?spaceId (application/octet-stream; the blob is readable by members of that space)',
  blobGet: 'GET /v1/blobs/:id?spaceId',
  blobHead: 'HEAD /v1/blobs/:id?spaceId',
  publicKey: 'GET /v1/users/public-key?email',
  collections: 'GET /v1/collections',
  createCollection: 'POST /v1/collections',
  addMember: 'POST /v1/collections/:id/members',
  removeMember: 'DELETE /v1/collections/:id/members/:accountId',
  rotateKey: 'POST /v1/collections/:id/rotate',
} as const;
