import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { buildServer } from './app';
import { createBlobDriver } from './blobs';
import { connectServerDb } from './db/connect';
import { migrateServerDb } from './db/migrator';

/**
 * `npm run server`: the optional Hearth sync server. Configuration from the environment only:
 *   HEARTH_SERVER_DATABASE_URL  postgres://… (required)
 *   HEARTH_SERVER_BLOBS         fs:/path (default fs:./hearth-server-blobs) or s3://bucket?endpoint=…&region=…&forcePathStyle=1
 *   HEARTH_SERVER_HOST          default 127.0.0.1 (put a TLS-terminating proxy in front for anything but loopback)
 *   HEARTH_SERVER_PORT          default 8787
 *   HEARTH_SERVER_SECRET        ≥ 32 characters; keys the made-up prelogin answers (random per start when missing)
 *   HEARTH_SERVER_TRUST_PROXY   1 behind a load balancer (per-IP rate limits use X-Forwarded-For)
 */
const Env = z.object({
  HEARTH_SERVER_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL'),
  HEARTH_SERVER_BLOBS: z.string().min(3).default('fs:./hearth-server-blobs'),
  HEARTH_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  HEARTH_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HEARTH_SERVER_SECRET: z.string().min(32).optional(),
  HEARTH_SERVER_TRUST_PROXY: z.enum(['0', '1']).default('0'),
});

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    // Names of the bad settings only: a value may be a password inside a database URL.
    console.error(`hearth-server: bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}`);
    process.exit(2);
  }
  const env = parsed.data;
  if (!env.HEARTH_SERVER_SECRET) {
    console.warn(
      'hearth-server: HEARTH_SERVER_SECRET is not set: using a random one. Unknown emails get different made-up prelogin answers after each restart, which tells an observer they are unknown. Set a fixed secret (≥ 32 characters).',
    );
  }
  const secret = env.HEARTH_SERVER_SECRET ? Buffer.from(env.HEARTH_SERVER_SECRET, 'utf8') : randomBytes(32);
  const db = connectServerDb({
    url: env.HEARTH_SERVER_DATABASE_URL,
    onPoolError: () => console.warn('hearth-server: a database connection was lost; reconnecting'),
  });
  const applied = await migrateServerDb(db);
  if (applied.length > 0) console.info(`hearth-server: migrated the database (${applied.join(', ')})`);
  const blobs = createBlobDriver(env.HEARTH_SERVER_BLOBS);
  const app = await buildServer({ db, blobs, secret, trustProxy: env.HEARTH_SERVER_TRUST_PROXY === '1' });
  await app.listen({ host: env.HEARTH_SERVER_HOST, port: env.HEARTH_SERVER_PORT });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    // close() stops accepting connections and waits for requests in flight; then the pool goes.
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`hearth-server: failed to start: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error'}`);
  process.exit(1);
});
